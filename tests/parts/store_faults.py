"""Real store faults for tests: a read-only file or folder, a full disk.

A non-root user gets a read-only file from chmod. Root writes through any permission, so
as root the app runs in its own mount namespace (`unshare -m`) where the file or folder
is bind-mounted read-only, or where the store sits on a tiny tmpfs that fills up: the
same EROFS and ENOSPC a real station meets, gone when the process ends.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.parts.require import require_part

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def _namespaces_work() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


def packdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "main", *args]


def run_with_read_only(target: Path, command: list[str]) -> subprocess.CompletedProcess:
    """Run `command` while `target` (a file or a folder) is read-only for it."""
    if os.geteuid() != 0:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            return subprocess.run(command, cwd=ROOT, env=_env(), capture_output=True, text=True)
        finally:
            target.chmod(mode)
    require_part(_namespaces_work(), "mount namespaces (unshare -m) to make a file read-only "
                 "for root", "run the tests as a normal user, or where root may mount")
    quoted = shlex.quote(str(target))
    script = (f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted} && "
              f"exec {shlex.join(command)}")
    return subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, env=_env(),
                          capture_output=True, text=True)


def run_on_small_disk(folder: Path, size_kb: int, script: str) -> subprocess.CompletedProcess:
    """Run the shell `script` with `folder` on a fresh tmpfs of `size_kb` (root only;
    elsewhere the disk-full tests fill the store with PRAGMA max_page_count instead)."""
    require_part(_namespaces_work(), "a mount namespace for a tiny tmpfs (unshare -m)",
                 "run the tests as root with util-linux's unshare")
    quoted = shlex.quote(str(folder))
    return subprocess.run(["unshare", "-m", "sh", "-c",
                           f"mount -t tmpfs -o size={size_kb}k tmpfs {quoted} && {script}"],
                          cwd=ROOT, env=_env(), capture_output=True, text=True)
