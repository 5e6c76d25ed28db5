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


def key_burst(window, text: str, gap_ms: int, enter: bool = True) -> None:
    """Keys as a keyboard sends them: `gap_ms` before each press and each release (as
    QTest.keyClick waits), every event stamped with the time it happened. A real scanner's
    keys carry the window system's clock, so a burst that reaches a busy main thread late
    is still a burst; QTest's own key events carry no time, and on a loaded machine the
    wedge then split a scan in two (CI: "0967929083" is not a product code)."""
    pressed_at = _now_ms()
    keys = [(_key_of(char), char) for char in text]
    if enter:
        keys.append((Qt.Key.Key_Return, "\r"))
    for key, char in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # as QTest.keyClick:
            QTest.qWait(gap_ms)  # the gap comes before the press and before the release
            pressed_at += gap_ms
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
