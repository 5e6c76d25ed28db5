"""Drives the bench the way its people do: a scanner's key bursts and a person's typing."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SCANNER_GAP_MS = 4  # a USB scanner: 2-10 ms between keys
PERSON_GAP_MS = 90  # a person: >= ~50 ms


def focus_target(window):
    return QApplication.focusWidget() or window


_SCANNER_MOST_GAP_MS = 16  # USB scanners: 1-16 ms between keys; a person: 50 ms or more
_resume_ms: int | None = None  # a scanner's burst cut by the test (Esc amid a scan) goes on


def key_burst(window, text: str, gap_ms: int, enter: bool = True) -> None:
    """Keys as a keyboard sends them, every event stamped with the time it was pressed, as
    the window system stamps a real key (QTest's own key events carry no time).

    A person's keys (gaps above 16 ms) come one by one, `gap_ms` before each press and each
    release, the app's loop running between them. A scanner's burst arrives as the window
    system hands over keys that came in while the app was busy: the loop runs for as long as
    the typing takes, then the keys come together, stamped `gap_ms` apart. Sent one by one
    with a wait between, any callback or CPU stall longer than the wedge's hold time between
    two keys was a scanner pausing, and a loaded machine cut a code in two ("No order
    matches “0777”", "“0967929083” is not a product code"). A burst given without its Enter
    goes on where it stopped, so one code typed in two calls is one burst."""
    global _resume_ms
    keys = [(_key_of(char), char) for char in text]
    if enter:
        keys.append((Qt.Key.Key_Return, "\r"))
    if gap_ms > _SCANNER_MOST_GAP_MS:
        _resume_ms = None
        pressed_at = _now_ms()
        for key, char in keys:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # as QTest.keyClick
                QTest.qWait(gap_ms)  # the gap comes before the press and before the release
                pressed_at += gap_ms
                _send(window, kind, key, char, pressed_at)
        return
    start = _resume_ms if _resume_ms is not None else _now_ms()
    QTest.qWait(2 * gap_ms * len(keys))  # the typing: the app's loop runs meanwhile
    pressed_at = start
    for key, char in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            pressed_at += gap_ms
            _send(window, kind, key, char, pressed_at)
    _resume_ms = None if enter else pressed_at


def _send(window, kind, key, char: str, pressed_at: int) -> None:
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
    event.setTimestamp(pressed_at)
    QApplication.sendEvent(focus_target(window), event)


def _key_of(char: str) -> int:
    """The Qt key code a US keyboard sends for an ASCII character (as QTest maps it)."""
    code = ord(char.upper())
    return code if 0x20 <= code <= 0x7E else 0


def _now_ms() -> int:
    return time.monotonic_ns() // 1_000_000


def scan(window, text: str) -> None:
    key_burst(window, text, SCANNER_GAP_MS)


def type_keys(window, text: str, enter: bool = True) -> None:
    key_burst(window, text, PERSON_GAP_MS, enter)


def decode_pdf_barcodes(pdf: Path, workdir: Path, dpi: int = 203) -> list[str]:
    """Rasterise a PDF as a printer would, and read every barcode on it back."""
    prefix = workdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    texts = []
    for page in sorted(workdir.glob(f"{pdf.stem}*.png")):
        texts += [r.text for r in zxingcpp.read_barcodes(Image.open(page))]
    return texts
