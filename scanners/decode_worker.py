"""The camera's barcode reading, in a child process of its own.

zxing-cpp's Python binding holds the GIL for the whole of a read: 9 ms of a 1280x720
frame's fast pass, and 20 ms and more at a time of a still's passes (every 8th empty frame).
Read on the camera's capture thread, that made every scan typed meanwhile wait for it, the
store worker's and the main thread's Python alike (issue 19: with the camera reading and
filming at 15 fps, the app's process burnt 20.1 s of CPU for a 40-order bench against 12.3 s
with the camera not reading, and the order scan's median went from 14 to 32 ms).

Here the capture thread copies the gray picture into a shared-memory slot (numpy lets go
of the GIL for the copy), names it to the child on a socket and waits for the reads (the
wait lets go of the GIL too). The child ends when the app does, even a killed one: its
socket reads end-of-file. A child that dies or hangs is replaced; after a few in a row
the camera reads in its own process again, as before, rather than not at all.
"""

from __future__ import annotations

import mmap
import os
import socket
import subprocess
import sys
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from scanners.decoder import Read, decode

ANSWER_TIMEOUT_S = 10.0  # a still's every pass takes ~0.1 s; a child this late is stuck
GIVE_UP_AFTER = 3  # children lost in a row before the camera reads in its own process
# how much lower the child runs than the app: on a busy machine a typed scan's store trip
# and paint come first (a camera scan waits a frame for it at most); idle, it changes nothing
READER_NICENESS = 5
_ROOT = Path(__file__).resolve().parents[1]
# the child lowers its priority before its imports (a second of CPU) compete with the app
_CHILD = ("import os, sys\n"
          f"try:\n    os.nice({READER_NICENESS})\nexcept (AttributeError, OSError):\n"
          "    pass\nfrom scanners.decode_worker import main\nsys.exit(main(sys.argv[1:]))\n")


class DecoderProcess:
    """decode() as scanners.decoder.decode, read in a child process. One caller at a time
    (the camera's capture thread). The child takes a second to start (its imports): until it
    says it is ready, pictures are read here, so frames keep their pace and none is missed."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.children = 0  # children started (a new one after one died)
        self.failures = 0  # children lost in a row
        self._conn: Connection | None = None
        self._slot: mmap.mmap | None = None
        self._slot_bytes = 0
        self._slot_path = ""
        self._ready = False  # the child said it can read

    @property
    def in_process(self) -> bool:
        """True once children kept dying: the pictures are read here, as before."""
        return self.failures >= GIVE_UP_AFTER

    def prepare(self) -> None:
        """Start the child now (the camera starting), without waiting for it."""
        if not self.in_process and (self.process is None or self._conn is None):
            try:
                self._start()
            except OSError:
                self.failures += 1
                self.close()

    def wait_ready(self, timeout_s: float = 30.0) -> bool:
        """Wait until the child can read (for tests and benches); False if it cannot."""
        self.prepare()
        try:
            return self._is_ready(timeout_s)
        except (EOFError, OSError, TimeoutError):
            self.failures += 1
            self.close()
            return False

    def _is_ready(self, timeout_s: float = 0.0) -> bool:
        if not self._ready and self._conn is not None and self._conn.poll(timeout_s):
            if self._conn.recv() != ("ready",):
                raise TimeoutError("the barcode reader said something else than ready")
            self._ready = True
        return self._ready

    def decode(self, gray: np.ndarray, fast: bool = False) -> list[Read]:
        gray = np.ascontiguousarray(gray)
        if self.in_process:
            return decode(gray, fast=fast)
        try:
            self.prepare()
            if not self._is_ready():  # still starting: this one is read here
                return decode(gray, fast=fast)
            conn = self._child_for(gray.nbytes)
            view = np.ndarray(gray.shape, gray.dtype, buffer=self._slot)
            np.copyto(view, gray)
            del view
            conn.send(("read", gray.shape, gray.dtype.str, fast))
            if not conn.poll(ANSWER_TIMEOUT_S):
                raise TimeoutError("the barcode reader did not answer")
            reads = conn.recv()
        except (EOFError, OSError, TimeoutError):
            self.failures += 1
            self.close()
            return decode(gray, fast=fast)
        self.failures = 0
        return reads

    def _child_for(self, nbytes: int) -> Connection:
        assert self._conn is not None
        if self._slot is None or nbytes > self._slot_bytes:
            where = "/dev/shm" if os.path.isdir("/dev/shm") else None
            fd, path = tempfile.mkstemp(prefix="packdesk-decode-", dir=where)
            try:
                os.ftruncate(fd, nbytes)
                slot = mmap.mmap(fd, nbytes)
            finally:
                os.close(fd)
            try:
                self._conn.send(("slot", path, nbytes))
            except OSError:
                Path(path).unlink(missing_ok=True)
                slot.close()
                raise
            if self._slot is not None:
                self._slot.close()
                Path(self._slot_path).unlink(missing_ok=True)
            self._slot, self._slot_bytes, self._slot_path = slot, nbytes, path
        return self._conn

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        finally:
            theirs.close()
        self._conn = Connection(ours.detach())
        self.children += 1
        self._ready = False

    def close(self) -> None:
        """End the child (it finishes the picture in hand); a later decode starts another."""
        conn, process, self._conn, self.process = self._conn, self.process, None, None
        self._ready = False
        if self._slot is not None:
            self._slot.close()
            Path(self._slot_path).unlink(missing_ok=True)  # if the child never mapped it
            self._slot, self._slot_bytes, self._slot_path = None, 0, ""
        if conn is not None:
            conn.close()  # the child reads end-of-file and ends
        if process is not None:
            try:
                process.wait(2.0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def serve(conn: Connection) -> None:
    """The child's loop: a slot to map, then pictures named in it, each answered with its
    reads. Returns when the app's end of the socket is gone."""
    slot: mmap.mmap | None = None
    try:
        conn.send(("ready",))
    except OSError:
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "slot":
            _kind, path, nbytes = message
            fd = os.open(path, os.O_RDWR)
            try:
                slot = mmap.mmap(fd, nbytes)
            finally:
                os.close(fd)
                Path(path).unlink(missing_ok=True)  # mapped on both sides: nothing is left
        elif message[0] == "read" and slot is not None:
            _kind, shape, dtype, fast = message
            gray = np.ndarray(shape, np.dtype(dtype), buffer=slot)
            reads = decode(gray, fast=fast)
            del gray
            try:
                conn.send(reads)
            except OSError:
                return


def main(argv: list[str]) -> int:
    """`python -m scanners.decode_worker FD`: the socket to the camera is descriptor FD."""
    serve(Connection(int(argv[0])))
    return 0


if __name__ == "__main__":
    # by the module's own name, so the reads it sends unpickle as scanners.decoder.Read
    from scanners.decode_worker import main as _main

    sys.exit(_main(sys.argv[1:]))
