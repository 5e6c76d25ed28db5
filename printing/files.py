"""Writing a document to disk whole or not at all: a temporary file beside the target,
written, fsynced, renamed over the target and the folder synced. A failed write (a full
disk) removes the temporary file, so no empty or half PDF is ever left behind, and says
which file could not be saved and why in words a packer can act on."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.domain.errors import PackdeskError
from app.domain.messages import Msg
from app.domain.print_jobs import DocumentKind

WHAT = {DocumentKind.SHIPPING_LABEL: "label", DocumentKind.PACKING_SLIP: Msg("packing slip"),
        DocumentKind.RETURN_SLIP: Msg("return slip")}


class DocumentNotSaved(PackdeskError):
    """A document could not be written; nothing of it is left on disk."""

    def __init__(self, kind: str, path: Path, error: OSError) -> None:
        what = WHAT.get(str(kind), "document")
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            message = Msg(f"{what} not saved: disk full at {{path}}", path=str(path))
        else:
            message = Msg(f"{what} not saved: {{problem}} at {{path}}", path=str(path),
                          problem=error.strerror or str(error))
        super().__init__(message)
        self.path, self.error = path, error


def write_atomically(target: Path, content: bytes, kind: str = "") -> None:
    """target holds content, complete and on disk, or target is untouched."""
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
        _sync_folder(target.parent)
    except OSError as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise DocumentNotSaved(kind, target, exc) from exc


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX: fsync the directory)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the data itself is synced
    finally:
        os.close(fd)
