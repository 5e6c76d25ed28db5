"""Who has a SQLite store open, and which process holds its write lock.

Each station that opens a store adds itself (station id, process id, host) to a small
side file, `<store>.stations`, and takes itself off when it closes. When a write waits in
vain for the lock, the holder's process id is read from the lock itself: in WAL mode
SQLite's writer holds a POSIX lock on byte 120 of `<store>-shm` (WAL_WRITE_LOCK, see
sqlite.org/walformat.html), which `fcntl(F_GETLK)` reports with the holder's pid. The side
file turns that pid into a station name. Everything here is best effort: a folder that
cannot be written or a platform without F_GETLK only makes the message less precise.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.adapters import sqlite_files

log = logging.getLogger(__name__)

WAL_WRITE_LOCK_BYTE = 120


@dataclass(frozen=True)
class StationEntry:
    station: str
    pid: int
    host: str


def _side_file(store: Path) -> Path:
    return store.with_name(store.name + ".stations")


def _alive(entry: dict) -> bool:
    if entry.get("host") != socket.gethostname():
        return True  # another machine's process: cannot tell, keep it
    try:
        os.kill(int(entry["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, KeyError):
        return True
    return True


def _update(store: Path, change) -> None:
    import fcntl

    try:
        descriptor = os.open(_side_file(store), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        log.debug("cannot record this station next to %s: %s", store, exc)
        return
    with os.fdopen(descriptor, "r+", encoding="utf-8") as side:
        fcntl.flock(side, fcntl.LOCK_EX)
        try:
            entries = json.loads(side.read() or "[]")
        except ValueError:
            entries = []
        entries = change([e for e in entries if isinstance(e, dict) and _alive(e)])
        side.seek(0)
        side.truncate()
        side.write(json.dumps(entries))


def register(store: Path, station: str) -> None:
    """Record that this process (as `station`) has the store open."""
    me = {"station": station, "pid": os.getpid(), "host": socket.gethostname(),
          "opened_at": datetime.now(UTC).isoformat(timespec="seconds")}
    _update(store, lambda entries: [e for e in entries if e.get("pid") != me["pid"]
                                    or e.get("host") != me["host"]] + [me])


def unregister(store: Path) -> None:
    pid, host = os.getpid(), socket.gethostname()
    if _side_file(store).exists():
        _update(store, lambda entries: [e for e in entries
                                        if e.get("pid") != pid or e.get("host") != host])


def stations(store: Path) -> list[StationEntry]:
    try:
        entries = json.loads(_side_file(store).read_text(encoding="utf-8") or "[]")
    except (OSError, ValueError):
        return []
    return [StationEntry(str(e.get("station", "")), int(e.get("pid", 0)), str(e.get("host", "")))
            for e in entries if isinstance(e, dict) and _alive(e)]


def writer_pid(store: Path) -> int | None:
    """The process holding the store's WAL write lock, if the platform can say: from
    /proc/locks, never by opening the -shm, which would release every lock this
    process's own connections hold on it (see app/adapters/sqlite_files.py)."""
    shm = store.with_name(store.name + "-shm")
    pid = sqlite_files.posix_lock_holder(shm, WAL_WRITE_LOCK_BYTE)
    if pid is not None or sqlite_files.PROC_LOCKS.exists() or sqlite_files.is_open(store):
        return pid
    return _probe_write_lock(shm)  # no /proc/locks, and no connection here to hurt


def _probe_write_lock(shm: Path) -> int | None:
    try:
        import fcntl

        descriptor = os.open(shm, os.O_RDONLY)
    except (ImportError, OSError):
        return None
    try:
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, WAL_WRITE_LOCK_BYTE, 1, 0)
        answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, query)
        kind, _whence, _start, _length, pid = struct.unpack("hhqqi4x", answer)
    except (OSError, struct.error, AttributeError):
        return None
    finally:
        os.close(descriptor)
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None


def lock_holder(store: Path) -> tuple[StationEntry | None, int | None]:
    """(the station holding the write lock if it is a registered one, its pid)."""
    pid = writer_pid(store)
    host = socket.gethostname()
    station = next((s for s in stations(store) if s.pid == pid and s.host == host), None)
    return station, pid
