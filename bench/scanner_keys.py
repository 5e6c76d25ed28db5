"""A USB scanner for the GUI benches: keys stamped with the scanner's own clock.

A real keyboard-wedge scanner types into the window system, which stamps each key with the
time it was pressed and queues it until the app's main thread reads it; the wedge
(scanners/wedge.py) judges a burst by those stamps, so a main thread busy for a moment
(an order being painted, a label's answer) still reads one scan. `QTest.keyClick` with a
delay is not such a scanner: it sends unstamped keys from the main thread itself, after
waiting in the app's own event loop, so any callback longer than the wedge's hold time
(60 ms) that ran between two keys was a pause in the scanner's typing, and the wedge rightly
took the keys before it for typing ('PD-' typed, '0050998' refused; an item's code cut in
two, refused as unknown, so the order never completed and the bench waited 20 s: issue 20's
GUI bench "hangs"). A scanner typing from a thread of its own is no better on a loaded
machine: a thread that waits 60 ms for the CPU is a scanner that paused.

So the bench's scanner types the way the window system hands over a burst that came in
while the main thread was busy: the app's event loop runs for as long as the typing takes,
then the keys arrive together, each stamped with when it was pressed, 4 ms apart, and the
Enter after them.
"""

from __future__ import annotations

import time

GAP_MS = 4  # between a scanner's keys (USB scanners: 1-16 ms)


def _clock_ms() -> int:
    return int(time.monotonic() * 1000)


def _send_key(target, key, text: str, pressed_ms: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(pressed_ms)
        QCoreApplication.sendEvent(target, event)


class Scanner:
    """Types codes into `target` (the widget with focus) the way a wedge scanner does."""

    def __init__(self, target, gap_ms: int = GAP_MS) -> None:
        self.target, self.gap_ms = target, gap_ms
        self._enter_ms = 0

    def type(self, text: str) -> None:
        """The code's characters: the app's loop runs while they are typed, then they reach
        the main thread stamped with when each was pressed. Returns when the Enter is due."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        start_ms = _clock_ms()
        QTest.qWait(self.gap_ms * (len(text) + 1))  # the typing, and the gap before Enter
        for index, char in enumerate(text):  # Qt's key codes: the ASCII of the unshifted key
            _send_key(self.target, Qt.Key(ord(char.upper())), char,
                      start_ms + index * self.gap_ms)
        self._enter_ms = start_ms + len(text) * self.gap_ms

    def enter(self) -> None:
        """The Enter that ends the code, handled at once (a caller's clock starts just
        before this)."""
        from PySide6.QtCore import Qt

        _send_key(self.target, Qt.Key.Key_Return, "\r", self._enter_ms)
