"""Copies of a SQLite store taken before it is upgraded, kept next to it.

A copy is made with SQLite's online backup API (a consistent snapshot even if another
station is reading), written under a `.partial` name and renamed when complete, so a
station killed mid-copy never leaves a half copy that looks like a backup. Only the newest
KEEP copies are kept.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

KEEP = 3
PARTIAL = ".partial"


def _pattern(store: Path) -> str:
    return f"{store.name}.backup-*"


def backups(store: Path) -> list[Path]:
    """The complete backups of `store`, newest first."""
    found = [p for p in store.parent.glob(_pattern(store)) if not p.name.endswith(PARTIAL)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def latest_backup(store: Path) -> Path | None:
    try:
        found = backups(store)
    except OSError:  # the folder cannot be listed: there is no backup to name
        return None
    return found[0] if found else None


def back_up(store: Path, revisions: set[str], keep: int = KEEP) -> Path:
    """Copy `store` to `<store>.backup-<revision>-<UTC time>` and prune older copies."""
    for stale in store.parent.glob(_pattern(store) + PARTIAL):
        stale.unlink(missing_ok=True)  # a copy a killed station never finished
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = store.with_name(f"{store.name}.backup-{'+'.join(sorted(revisions))}-{stamp}")
    partial = target.with_name(target.name + PARTIAL)
    source = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.replace(partial, target)
    _fsync_folder(store.parent)
    for old in backups(store)[keep:]:
        old.unlink(missing_ok=True)
    log.warning("store %s backed up to %s before upgrading it", store, target)
    return target


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
