"""Keyboard-wedge scanners: tell a scanner's key burst from a person typing.

A USB scanner types 60-500 characters a second and ends with Enter, Tab or a set suffix;
a person leaves >= ~50 ms between keys. The wedge is an application event filter: it holds
printable keys briefly, and either turns the burst into one scan (the focused widget never
sees those keys) or, once it is clearly human typing, replays the keys to their original
receivers in order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from scanners.source import ScanSource
from scanners.symbology import GS, identify

_TERMINATOR_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                  Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
_TERMINATOR_SIGNS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
# A flush timer this late means the main thread was busy: keys may be queued behind it.
LATE_TIMER_MS = 25


@dataclass
class _Held:
    """One key event held back, with where it was going."""

    receiver: QObject
    event: QKeyEvent
    char: str
    at_ms: float  # when it reached the main thread
    pressed_ms: int = 0  # when the key was pressed, by the window system's clock (0: unknown)


@dataclass
class BurstTiming:
    """Key timing of the last burst, for the hardware self-test screen."""

    gaps_ms: list[float] = field(default_factory=list)
    raw: str = ""
    was_scan: bool = False

    @property
    def mean_gap_ms(self) -> float:
        return sum(self.gaps_ms) / len(self.gaps_ms) if self.gaps_ms else 0.0

    @property
    def max_gap_ms(self) -> float:
        return max(self.gaps_ms, default=0.0)


class KeyboardWedge(ScanSource):
    """A scanner that types: scans wherever focus is, never leaking into a field."""

    kind = "wedge"
    #: every burst that ended in Enter, Tab or the suffix, scan or typing (a BurstTiming)
    burst_measured = Signal(object)

    def __init__(self, min_length: int = 4, max_mean_gap_ms: float = 30.0,
                 suffix: str = "", hold_ms: float | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.min_length = min_length
        self.max_mean_gap_ms = max_mean_gap_ms
        self.suffix = suffix
        # A gap longer than this ends the burst: no scanner pauses that long mid-code.
        self.hold_ms = hold_ms if hold_ms is not None else max(2 * max_mean_gap_ms, 40.0)
        self.last_burst = BurstTiming()
        self._app: QCoreApplication | None = None
        self._held: list[_Held] = []
        self._line: list[tuple[str, float]] = []  # every character since the last Enter
        self._consumed_keys: set[int] = set()
        self._replaying = False
        self._flush_armed_at = 0.0
        self._waited_once = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        # The hold timer's last word waits one turn of the event loop: keys already waiting
        # in the window system's queue come in first (see _on_flush_timer_timeout).
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._replay_held)

    # -- life cycle -------------------------------------------------------------------
    def install(self, app: QCoreApplication) -> None:
        """Watch every key event of the application."""
        if self._app is not None:
            return
        self._app = app
        app.installEventFilter(self)
        self._set_status(self.tr("Keyboard scanner listening"))

    def uninstall(self) -> None:
        """Stop watching; keys still held go to where they were typed."""
        if self._app is None:
            return
        self._replay_held()
        self._app.removeEventFilter(self)
        self._app = None
        self._set_status(self.tr("Keyboard scanner off"))

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("KeyboardWedge.start() needs a running QApplication")
        self.install(app)

    def stop(self) -> None:
        self.uninstall()

    @property
    def last_gaps_ms(self) -> list[float]:
        """Gaps between the keys of the last burst, scan or not."""
        return list(self.last_burst.gaps_ms)

    # -- the filter -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or event.type() not in _KEY_EVENTS:
            return False
        if not watched.isWidgetType():
            return False  # the window forwards it to the focused widget; act there
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_key_release(watched, event)
        return self._on_key_press(watched, event)

    def _on_key_release(self, receiver: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._consumed_keys and not event.isAutoRepeat():
            self._consumed_keys.discard(key)
            return True
        if self._held and any(h.event.key() == key for h in self._held):
            self._held.append(_Held(receiver, event.clone(), "", self._now(event)))
            return True
        return False

    def _on_key_press(self, receiver: QObject, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift for capitals; it changes nothing held
        if event.isAutoRepeat():  # a person holding a key down, never a scanner
            self._line.clear()
            self._replay_held()
            return False
        if key == Qt.Key.Key_Escape and self._held:
            return False  # Esc (leave full screen) amid a scan: it goes on, the scan too
        char = _scan_char(event)
        if key in _TERMINATOR_KEYS or (char and self._ends_with_suffix(char)):
            return self._on_terminator(receiver, event, char)
        if not char:
            self._line.clear()
            self._replay_held()  # arrows, Backspace, shortcuts: typing, keep the order
            return False
        now = self._now(event)
        presses = self._held_presses()
        held = _Held(receiver, event.clone(), char, now, event.timestamp())
        if presses and _gaps(presses + [held])[-1] > self.hold_ms:
            self._replay_held()
        self._held.append(held)
        self._line.append((char, now))
        del self._line[:-512]  # a long note typed without Enter must not grow forever
        if self._clearly_typing():
            self._replay_held()
        else:
            self._arm_flush_timer()
        return True

    def _arm_flush_timer(self) -> None:
        self._settle_timer.stop()
        self._flush_armed_at = time.perf_counter_ns() / 1e6
        self._flush_timer.start(int(self.hold_ms) + 1)

    def _clearly_typing(self) -> bool:
        """Two or more gaps averaging above the limit: a person, so stop holding keys."""
        gaps = _gaps(self._held_presses())
        return len(gaps) >= 2 and sum(gaps) / len(gaps) > self.max_mean_gap_ms

    def _on_terminator(self, receiver: QObject, event: QKeyEvent, char: str) -> bool:
        presses = self._held_presses()
        now = self._now(event)
        sign = _TERMINATOR_SIGNS.get(Qt.Key(event.key()), char)
        line, self._line = self._line + [(sign, now)], []
        if len(line) > 1:  # what the self-test shows, typed or scanned
            self.last_burst = BurstTiming([b[1] - a[1] for a, b in pairwise(line)],
                                          "".join(c for c, _ in line))
        if not presses:
            if len(line) > 1:
                self.burst_measured.emit(self.last_burst)
            return False  # Enter or Tab typed on its own, or after typing
        gaps = _gaps(presses + [_Held(receiver, event, char, now, event.timestamp())])
        text = "".join(h.char for h in presses) + char
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        if len(text) < self.min_length or sum(gaps) / len(gaps) > self.max_mean_gap_ms:
            self._replay_held()
            self.burst_measured.emit(self.last_burst)
            return False
        self.last_burst = BurstTiming(gaps, "".join(h.char for h in presses) + sign, True)
        self.burst_measured.emit(self.last_burst)
        released = {h.event.key() for h in self._held if h.event.type() != QEvent.Type.KeyPress}
        self._consumed_keys.update({h.event.key() for h in presses} - released)
        self._consumed_keys.add(event.key())
        self._held.clear()
        self._flush_timer.stop()
        self._settle_timer.stop()
        found = identify(text)
        self.scanned.emit(found.text, found.symbology, self.kind)
        return True

    # -- helpers ----------------------------------------------------------------------
    def _ends_with_suffix(self, char: str) -> bool:
        if not self.suffix or self.suffix in ("\r", "\n", "\t", "\r\n"):
            return False
        text = "".join(h.char for h in self._held_presses()) + char
        return text.endswith(self.suffix) and len(text) > len(self.suffix)

    def _held_presses(self) -> list[_Held]:
        return [h for h in self._held if h.event.type() == QEvent.Type.KeyPress]

    def _on_flush_timer_timeout(self) -> None:
        """No key for a while: the held keys were typed. Unless the timer itself ran late:
        then the main thread was busy (an order being painted) and the rest of a scanner's
        burst may be waiting in the queue behind this timer, so wait once more for it.

        Even on time, the keys are given back only on the next turn of the event loop: a
        stall a little longer than the hold time leaves this timer and the keys pressed
        meanwhile due together, and Qt runs its timers before it reads the window system's
        queue (xcb). Keys that come in on this turn re-arm the hold and the burst stays whole
        ('PD-' typed and '0050998' refused, seen in the GUI bench under load)."""
        late_ms = time.perf_counter_ns() / 1e6 - self._flush_armed_at - self.hold_ms
        if late_ms > LATE_TIMER_MS and not self._waited_once:
            self._waited_once = True
            self._arm_flush_timer()
            return
        self._settle_timer.start()

    def _replay_held(self) -> None:
        """Give held keys back to the widgets they were typed into, in order."""
        self._flush_timer.stop()
        self._settle_timer.stop()
        self._waited_once = False
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.receiver):
                    QCoreApplication.sendEvent(h.receiver, h.event)
        finally:
            self._replaying = False

    @staticmethod
    def _now(event: QKeyEvent) -> float:
        """Milliseconds: the arrival time on the main thread (see _gaps for the other)."""
        return time.perf_counter_ns() / 1e6


def _gaps(presses: list[_Held]) -> list[float]:
    """Milliseconds between presses. By the window system's clock when every press has its
    time: a burst stays a burst when the main thread was busy while it arrived (the keys
    then reach it late and all at once). Synthetic events carry no time; then by arrival."""
    if all(h.pressed_ms for h in presses):
        stamps = [float(h.pressed_ms) for h in presses]
    else:
        stamps = [h.at_ms for h in presses]
    return [b - a for a, b in pairwise(stamps)]


def _scan_char(event: QKeyEvent) -> str:
    """The character a scanner means by this key, or "" for a non-character key."""
    text = event.text()
    mods = event.modifiers()
    if text == GS or (event.key() == Qt.Key.Key_BracketRight
                      and mods & Qt.KeyboardModifier.ControlModifier):
        return GS
    if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier):
        return ""
    if len(text) == 1 and text.isprintable():
        return text
    return ""
