"""The bench on a machine with sound: packing with sounds on never freezes or floods.

Found by a newcomer under Xvfb with a real sound server: after an order completed, the
bench froze for good (the main thread at 100%, stderr filling with "QSocketNotifier: Socket
notifiers cannot be enabled or disabled from another thread" at 86 MB/s), on about one
completion in four. Offscreen tests never saw it: with no sound device QSoundEffect stays
silent. Here the app runs in a child process against a PulseAudio null sink, packs demo
orders with overlapping verdict sounds, and the test fails on any Qt warning, a stalled
event loop or a flood on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from app.adapters import orm
from app.domain.orders import OrderStatus
from app.services.demo import build_demo

ORDERS = 12
STALL_S = 10.0  # the main thread prints "alive" every 250 ms; 10 s of silence is a freeze
STDERR_LIMIT = 64 * 1024
HARMLESS = (
    "qt.multimedia.symbolsresolver: Couldn't load pipewire",  # PipeWire absent: Pulse is used
    "qt.multimedia.symbolsresolver: Couldn't resolve pipewire",
    "qt.multimedia.ffmpeg: Using Qt multimedia with FFmpeg",
    "This plugin does not support propagateSizeHints",  # the offscreen platform's note
)


class Watched:
    """A child process whose stdout is a heartbeat and whose stderr is kept within bounds."""

    def __init__(self, args: list[str], env: dict[str, str], stderr_file: Path) -> None:
        self.stderr_file = stderr_file
        self._err = stderr_file.open("wb")
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                                        stderr=self._err, text=True)
        self.lines: list[str] = []
        self.last_line_at = time.monotonic()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.strip())
            self.last_line_at = time.monotonic()

    def watch(self, timeout_s: float) -> str:
        """'' when the child ended by itself, else why it was stopped."""
        deadline = time.monotonic() + timeout_s
        why = ""
        while self.process.poll() is None:
            if self.stderr_file.stat().st_size > STDERR_LIMIT:
                why = f"stderr flooded: over {STDERR_LIMIT} bytes"
            elif time.monotonic() - self.last_line_at > STALL_S:
                why = f"the event loop stalled for {STALL_S:.0f} s (no heartbeat)"
            elif time.monotonic() > deadline:
                why = f"not done after {timeout_s:.0f} s"
            if why:
                self.process.kill()
                break
            time.sleep(0.2)  # watching a child process, not a Qt test
        self.process.wait()
        self._reader.join(5)
        self._err.close()
        return why

    def warnings(self) -> list[str]:
        return warnings_in(self.stderr_file)


def warnings_in(stderr_file: Path) -> list[str]:
    """What an app wrote on stderr, less the known start-up lines."""
    text = stderr_file.read_bytes()[:STDERR_LIMIT].decode(errors="replace")
    return [line for line in text.splitlines()
            if line.strip() and not line.startswith(HARMLESS)]


def test_packing_with_sounds_on_a_real_sound_server_never_freezes(store, uow, sqlite_url,
                                                                  sound_server, tmp_path):
    build_demo(uow(), seed=11, orders=40)
    store.dispose()
    env = {**os.environ, **sound_server.env, "QT_QPA_PLATFORM": "offscreen",
           "QT_LOGGING_RULES": "", "PACKDESK_THREAD_CHECKS": "1"}
    child = Watched([sys.executable, "-m", "tests.e2e.sound_child", sqlite_url,
                     str(tmp_path / "labels"), str(ORDERS)], env, tmp_path / "stderr.txt")
    why = child.watch(timeout_s=120)
    warnings = child.warnings()
    assert "sound device: True" in child.lines, (
        f"the bench found no sound device on the PulseAudio server; stdout: {child.lines[:5]}")
    verdicts = [line for line in child.lines if line.startswith(("verdict", "packed", "logged"))]
    assert not why, f"{why}; last verdicts {verdicts[-6:]}; stderr starts {warnings[:5]}"
    assert not warnings, f"the bench wrote warnings: {warnings[:10]}"
    assert child.process.returncode == 0, f"exit {child.process.returncode}: {warnings[:5]}"
    assert f"packed {ORDERS}" in child.lines
    assert sum(1 for _ in (tmp_path / "labels").glob("*.pdf")) == ORDERS
    c = orm.orders.c
    with uow() as u:
        packed = u.session.execute(select(func.count()).where(
            c.status == OrderStatus.PACKED.value)).scalar()
    assert packed == ORDERS
