"""The SQLite files this process has open, and the rule that keeps their locks.

POSIX gives a process one set of advisory locks per file, and closing ANY descriptor of
that file releases all of them (sqlite.org/howtocorrupt.html, "Posix advisory locks
canceled by a separate thread doing close()"). So Packdesk never opens and closes a
descriptor of a store, or of its -shm, while SQLite has that store open in this process:
a header peek before a second open, or a probe for who holds the write lock, would drop
the read marks and the write lock of the connections already open. Another station could
then write into the WAL over pages this station is still reading or writing.

Who holds a lock is read from /proc/locks instead, which touches no file of the store.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_lock = threading.Lock()
_open: Counter[Path] = Counter()
PROC_LOCKS = Path("/proc/locks")


def _key(path: Path) -> Path:
    return Path(os.path.realpath(path))


@contextmanager
def opening(path: Path) -> Iterator[bool]:
    """Around opening `path`: yields whether this process has it open already (then no
    descriptor of it may be opened and closed), and counts it as open unless the block
    raises. One opening at a time, so a peek never races another thread's connection."""
    key = _key(path)
    with _lock:
        yield _open[key] > 0
        _open[key] += 1


def closed(path: Path) -> None:
    """The store at `path` was disposed of (its connections closed)."""
    key = _key(path)
    with _lock:
        if _open[key] > 1:
            _open[key] -= 1
        else:
            _open.pop(key, None)


def is_open(path: Path) -> bool:
    with _lock:
        return _open[_key(path)] > 0


def posix_lock_holder(path: Path, start: int) -> int | None:
    """The process holding a POSIX write lock on byte `start` of `path`, from /proc/locks
    (Linux); None when nobody does or the kernel does not say. Opens nothing of `path`."""
    try:
        status = path.stat()
        table = PROC_LOCKS.read_text()
    except OSError:
        return None
    device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    for line in table.splitlines():
        fields = line.split()
        if len(fields) > 1 and fields[1] == "->":  # a waiter, not a holder
            continue
        if len(fields) < 8 or fields[1] != "POSIX" or fields[3] != "WRITE":
            continue
        if fields[5].lower() != device:
            continue
        first, last = int(fields[6]), fields[7]
        if first <= start and (last == "EOF" or start <= int(last)):
            return int(fields[4])
    return None
