"""A watchdog on the Qt event loop: a bench that stops answering says so, with where.

A main-thread timer beats every 200 ms; a small thread looks at the beat. When the main
thread has not beaten for STALL_S, the watchdog logs a warning once for that stall with the
main thread's stack, so a frozen bench leaves a trace that names the code it is stuck in,
and logs again when the loop is back, with the number of operations in flight (ui/ops.py).
It never touches a widget.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)
BEAT_MS = 200
STALL_S = 3.0


class EventLoopWatchdog(QObject):
    def __init__(self, parent: QObject | None = None, stall_s: float = STALL_S,
                 ops=None) -> None:
        super().__init__(parent)
        self.stall_s = stall_s
        self._ops = ops  # an OpHub: its in_flight count is read, never changed
        self.stalls = 0
        self._beat = time.monotonic()
        self._main = threading.main_thread().ident
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(BEAT_MS)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="event-loop-watchdog",
                                        daemon=True)
        self._thread.start()

    def _on_timer_timeout(self) -> None:
        self._beat = time.monotonic()

    def _watch(self) -> None:
        stalled = False
        while not self._stop.wait(BEAT_MS / 1000):
            silent = time.monotonic() - self._beat
            if silent > self.stall_s and not stalled:
                stalled, self.stalls = True, self.stalls + 1
                frame = sys._current_frames().get(self._main)
                where = "".join(traceback.format_stack(frame)[-6:]) if frame else "unknown"
                in_flight = self._ops.in_flight if self._ops is not None else 0
                log.warning("the event loop has not run for %.1f s, %d operation(s) in "
                            "flight; the main thread is in:\n%s", silent, in_flight, where)
            elif stalled and silent < BEAT_MS / 1000 * 2:
                stalled = False
                log.warning("the event loop runs again")

    def stop(self) -> None:
        self._stop.set()
        self._timer.stop()
        self._thread.join(1)
