"""Drives the bench the way its people do: a scanner's key bursts and a person's typing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SCANNER_GAP_MS = 4  # a USB scanner: 2-10 ms between keys
PERSON_GAP_MS = 90  # a person: >= ~50 ms


def focus_target(window):
    return QApplication.focusWidget() or window


def key_burst(window, text: str, gap_ms: int, enter: bool = True) -> None:
    for char in text:
        QTest.keyClick(focus_target(window), char, Qt.KeyboardModifier.NoModifier, gap_ms)
    if enter:
        QTest.keyClick(focus_target(window), Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                       gap_ms)


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
