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


@dataclass
class SmallDisk:
    """A real small filesystem (tmpfs) to fill and empty."""

    folder: Path

    def free(self) -> int:
        return os.statvfs(self.folder).f_bavail * os.statvfs(self.folder).f_frsize

    def leave_free(self, size: int) -> Path:
        """Take all but `size` bytes with a filler file."""
        filler = self.folder / "filler.bin"
        take = max(0, self.free() - size)
        with filler.open("ab", buffering=0) as out:
            while take > 0:
                take -= out.write(b"\0" * min(take, 1 << 20))
        return filler

    def make_room(self) -> None:
        (self.folder / "filler.bin").unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs of its own (mounting needs root or CAP_SYS_ADMIN)."""
    from tests.parts.require import require_part

    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    require_part(mounted, "A small filesystem (tmpfs)",
                 "run the tests as root, or in a container with CAP_SYS_ADMIN")
    yield SmallDisk(folder)
    subprocess.run(["umount", "-l", str(folder)], check=False)
