"""A USB scanner for the GUI benches: keys typed on the scanner's own clock, not the app's.

A real keyboard-wedge scanner types into the window system, which stamps each key with the
time it was pressed and queues it until the app's main thread reads it; the wedge
(scanners/wedge.py) judges a burst by those stamps, so a main thread busy for a moment
(an order being painted, a label's answer) still reads one scan. `QTest.keyClick` with a
delay is not such a scanner: it sends unstamped keys from the main thread itself, after
waiting in the app's own event loop, so any callback longer than the wedge's hold time
(60 ms) that runs between two keys is a pause in the scanner's typing, and the wedge rightly
takes the keys before it for typing ('PD-' typed, '0050998' refused; an item's code cut in
two, refused as unknown, so the order never completed and the bench waited 20 s: issue 20's
GUI bench "hangs"). Here a thread types at the scanner's pace, each key stamped with the
time it was pressed, and posts it to the main thread's queue, as the window system does.
"""

from __future__ import annotations

import threading
import time

GAP_MS = 4  # between a scanner's keys (USB scanners: 1-16 ms)


def _clock_ms() -> int:
    return int(time.monotonic() * 1000)


def _post_key(target, key, text: str, pressed_ms: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(pressed_ms)
        QCoreApplication.postEvent(target, event)


def _key_for(char: str):
    from PySide6.QtCore import Qt

    return Qt.Key(ord(char.upper()))  # Qt's key codes are the ASCII of the unshifted key


class Scanner:
    """Types codes into `target` (the widget with focus) the way a wedge scanner does."""

    def __init__(self, target, gap_ms: int = GAP_MS) -> None:
        self.target, self.gap_ms = target, gap_ms
        self._enter_ms = 0

    def type(self, text: str) -> None:
        """The code's characters, from the scanner's thread at its pace; returns when its
        Enter is due, every character delivered (the app's event loop runs meanwhile)."""
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

        done = threading.Event()
        start_ms = _clock_ms()

        def typing() -> None:
            due = time.perf_counter()
            for index, char in enumerate(text):
                due += self.gap_ms / 1000
                time.sleep(max(0.0, due - time.perf_counter()))
                _post_key(self.target, _key_for(char), char, start_ms + index * self.gap_ms)
            time.sleep(max(0.0, due + self.gap_ms / 1000 - time.perf_counter()))
            done.set()  # the Enter is due now

        self._enter_ms = start_ms + len(text) * self.gap_ms
        thread = threading.Thread(target=typing, name="bench-scanner", daemon=True)
        thread.start()
        loop, poll = QEventLoop(), QTimer()
        poll.setInterval(1)
        poll.timeout.connect(lambda: done.is_set() and loop.quit())
        poll.start()
        if not done.is_set():
            loop.exec()
        poll.stop()
        thread.join()
        QCoreApplication.sendPostedEvents(self.target)  # every key typed is with the app

    def enter(self) -> None:
        """The Enter that ends the code, pressed now: queued for the main thread, which
        takes it on its next turn (a caller's clock starts just before this)."""
        from PySide6.QtCore import Qt

        _post_key(self.target, Qt.Key.Key_Return, "\r", self._enter_ms)
