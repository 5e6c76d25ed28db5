"""Barcodes drawn bar by bar on a printer's dot grid.

A thermal printer at 203 dpi cannot print a bar 2.6 dots wide: it rounds, and the bars
come out uneven and hard to scan. So every module here is a whole number of dots at the
target resolution (203 or 300 dpi), the symbol starts on a dot boundary, and the quiet
zones the symbology asks for are reserved as blank space around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode
from barcode.errors import BarcodeError as _LibraryError
from reportlab.pdfgen.canvas import Canvas

from app.domain.barcodes import gtin_check_digit, has_gs1_check_digit

PRINTER_DPIS = (203, 300)
QUIET_MODULES = {"code128": (10, 10), "ean13": (11, 7)}
MAX_MODULE_MILS = 15.0  # ~3 dots at 203 dpi, ~4-5 at 300 dpi: crisp on any thermal head


class BarcodeError(ValueError):
    """The text cannot be encoded in the requested symbology."""


@dataclass(frozen=True)
class BarcodeBox:
    x: float  # left edge of the left quiet zone, in points
    width: float  # quiet zones included
    module: float  # one module, in points (a whole number of dots)
    dots: int  # dots per module


def dot(dpi: int) -> float:
    return 72.0 / dpi


def snap(points: float, dpi: int) -> float:
    """Move a coordinate onto the printer's dot grid."""
    return round(points * dpi / 72.0) * 72.0 / dpi


def modules(text: str, symbology: str) -> str:
    """The symbol as a string of '1' (bar) and '0' (space) modules, no quiet zones."""
    if symbology == "code128":
        if not text or any(ord(ch) > 126 or ord(ch) < 32 for ch in text):
            raise BarcodeError(f"Code 128 takes printable ASCII only, not {text!r}")
    elif symbology == "ean13":
        _check_ean13(text)
    else:
        raise BarcodeError(f"unknown symbology {symbology!r}; use code128 or ean13")
    try:
        source = text[:12] if symbology == "ean13" else text  # EAN: the check digit is ours
        return barcode.get_barcode_class(symbology)(source).build()[0]
    except _LibraryError as exc:
        raise BarcodeError(f"cannot encode {text!r} as {symbology}: {exc}") from exc


def _check_ean13(text: str) -> None:
    if not (text.isascii() and text.isdigit() and len(text) in (12, 13)):
        raise BarcodeError(f"EAN-13 needs 12 or 13 digits, not {text!r}")
    if len(text) == 13 and not has_gs1_check_digit(text):
        raise BarcodeError(f"EAN-13 {text} has a wrong check digit "
                           f"(expected {gtin_check_digit(text[:12])})")


def ean13_text(text: str) -> str:
    """The full 13 digits (check digit added when 12 were given)."""
    _check_ean13(text)
    return text if len(text) == 13 else text + str(gtin_check_digit(text))


def fit(bars: str, symbology: str, max_width: float, dpi: int,
        max_mils: float = MAX_MODULE_MILS) -> tuple[int, int]:
    """(dots per module, total modules) for the widest whole-dot module that fits."""
    left, right = QUIET_MODULES[symbology]
    total = len(bars) + left + right
    ceiling = max(1, round(max_mils / 1000.0 * dpi))
    dots = min(ceiling, int(max_width / dot(dpi)) // total)
    if dots < 1:
        raise BarcodeError(f"{symbology} of {len(bars)} modules does not fit in "
                           f"{max_width / 72:.2f} in at {dpi} dpi")
    return dots, total


def draw(canvas: Canvas, x: float, y: float, text: str, symbology: str, *, height: float,
         max_width: float, dpi: int = 203, center: bool = True) -> BarcodeBox:
    """Draw the bars with their quiet zones inside [x, x+max_width]; y is the bars' bottom."""
    bars = modules(text, symbology)
    dots, total = fit(bars, symbology, max_width, dpi)
    module = dots * dot(dpi)
    width = total * module
    left = snap(x + (max_width - width) / 2 if center else x, dpi)
    quiet = QUIET_MODULES[symbology][0]
    canvas.saveState()
    # Work in whole dots: the PDF then holds integers, which no rounding can move off the grid.
    canvas.translate(left, snap(y, dpi))
    canvas.scale(dot(dpi), dot(dpi))
    path = canvas.beginPath()
    tall = round(height / dot(dpi))
    for begin, run in _bar_runs(bars):
        path.rect((quiet + begin) * dots, 0, run * dots, tall)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    return BarcodeBox(left, width, module, dots)


def _bar_runs(bars: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(bars):
        if bars[i] == "1":
            j = bars.find("0", i)
            j = len(bars) if j < 0 else j
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    return runs
