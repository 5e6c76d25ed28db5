"""A serial scanner on a pseudo-terminal pair made by socat, which can be unplugged and
plugged back in at the same path (as a USB-CDC scanner's /dev/ttyACM0 comes back)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.parts.require import require_part


class PtyScanner:
    """The far end of a fake serial line: `device` is what the app opens."""

    def __init__(self, folder: Path) -> None:
        self.device = str(folder / "ttyScanner")
        self._feeder_path = str(folder / "scanner-side")
        self._socat: subprocess.Popen | None = None
        self._feeder: int | None = None
        self._heard = b""

    def plug(self) -> None:
        """Create the pty pair and wait (on socat's own report) until both ends exist."""
        self._socat = subprocess.Popen(
            ["socat", "-d", "-d", f"PTY,link={self.device},raw,echo=0",
             f"PTY,link={self._feeder_path},raw,echo=0"],
            stderr=subprocess.PIPE, text=True)
        for line in self._socat.stderr:
            if "starting data transfer loop" in line:
                break
        else:
            raise RuntimeError("socat stopped before its ptys were ready")
        self._feeder = os.open(self._feeder_path, os.O_RDWR | os.O_NOCTTY)

    def send(self, data: bytes) -> None:
        """What the scanner writes when it reads a code, e.g. b"4006381333931\\r\\n"."""
        os.write(self._feeder, data)

    def received(self) -> bytes:
        """Everything the app wrote to the device so far (a scale's commands). It never
        waits: the app's writes go out from its event loop, so poll with qtbot.waitUntil."""
        while self._feeder is not None and select.select([self._feeder], [], [], 0)[0]:
            self._heard += os.read(self._feeder, 1024)
        return self._heard

    def unplug(self) -> None:
        """The cable is pulled: both ends and the device path vanish."""
        if self._feeder is not None:
            os.close(self._feeder)
            self._feeder = None
        if self._socat is not None:
            self._socat.terminate()
            self._socat.wait(timeout=5)
            self._socat.stderr.close()
            self._socat = None

    @property
    def plugged(self) -> bool:
        return self._socat is not None and os.path.exists(self.device)


@pytest.fixture
def pty_scanner(tmp_path):
    """A plugged-in serial scanner on a pty; unplugged again after the test."""
    require_part(shutil.which("socat") is not None, "socat (serial scanner simulation)",
                 "apt-get install --no-install-recommends socat")
    scanner = PtyScanner(tmp_path)
    scanner.plug()
    yield scanner
    scanner.unplug()
