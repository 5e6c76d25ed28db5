"""A full disk: a tiny tmpfs mounted for one test and filled to the last byte.

Without mount rights (not root, or a container without CAP_SYS_ADMIN) the same folder is
made "full" at the edge of the world instead: os.write raises ENOSPC for files in it.
"""

from __future__ import annotations

import errno
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class FullDisk:
    folder: Path
    filler: Path | None  # the file that takes the space (tmpfs), None when os.write is patched
    _patch: pytest.MonkeyPatch | None = None

    def make_room(self) -> None:
        """Space is back: the filler goes (tmpfs) or os.write works again (patched)."""
        if self.filler is not None:
            self.filler.unlink(missing_ok=True)
        if self._patch is not None:
            self._patch.undo()


def _mount_tmpfs(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                            capture_output=True)
    return result.returncode == 0


def _fill(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        try:
            while True:
                out.write(b"\0")
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def _patch_os_write(folder: Path) -> pytest.MonkeyPatch:
    real_write = os.write
    inside = str(folder.resolve())

    def write(fd: int, data) -> int:
        try:
            where = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            where = ""
        if where.startswith(inside + os.sep):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    patch = pytest.MonkeyPatch()
    patch.setattr(os, "write", write)
    return patch


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "full-disk"
    if _mount_tmpfs(folder):
        disk = FullDisk(folder, _fill(folder))
        yield disk
        subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    disk = FullDisk(folder, None, _patch_os_write(folder))
    yield disk
    disk.make_room()
