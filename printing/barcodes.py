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
from app.domain.messages import Msg

PRINTER_DPIS = (203, 300)
QUIET_MODULES = {"code128": (10, 10), "gs1_128": (10, 10), "ean13": (11, 7)}
FNC1 = "\xf1"  # python-barcode's FNC1: GS1-128 starts with it and separates with it
# AIs whose data has a fixed length (GS1 General Specifications, 5.10.1): no separator after
FIXED_LENGTH_AIS = ("00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17",
                    "18", "19", "20", "31", "32", "33", "34", "35", "36", "41")
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
            raise BarcodeError(Msg("Code 128 takes printable ASCII only, not {text!r}", text=text))
    elif symbology == "ean13":
        _check_ean13(text)
    elif symbology == "gs1_128":
        text = gs1_element_string(text)
    else:
        raise BarcodeError(Msg("unknown symbology {symbology!r}; use code128, gs1_128 or "
                               "ean13", symbology=symbology))
    try:
        source = text[:12] if symbology == "ean13" else text  # EAN: the check digit is ours
        return barcode.get_barcode_class(symbology)(source).build()[0]
    except _LibraryError as exc:
        raise BarcodeError(Msg("cannot encode {text!r} as {symbology}: {exc}",
                               text=text, symbology=symbology, exc=exc)) from exc


def gs1_element_string(text: str) -> str:
    """"(01)09501101530003(10)LOT(21)SN" as GS1-128 carries it: the AIs and their data in a
    row, FNC1 after each variable-length field that another follows (the FNC1 that opens
    the symbol is python-barcode's Gs1_128)."""
    if not text.startswith("(") or ")" not in text:
        raise BarcodeError(Msg("GS1-128 takes its fields as (AI)data, not {text!r}", text=text))
    fields = [part.split(")", 1) for part in text[1:].split("(")]
    if any(len(field) != 2 or not field[0].isdigit() or not field[1] for field in fields):
        raise BarcodeError(Msg("GS1-128 takes its fields as (AI)data, not {text!r}", text=text))
    out = ""
    for index, (ai, data) in enumerate(fields):
        out += ai + data
        if index < len(fields) - 1 and not ai.startswith(FIXED_LENGTH_AIS):
            out += FNC1
    return out


def _check_ean13(text: str) -> None:
    if not (text.isascii() and text.isdigit() and len(text) in (12, 13)):
        raise BarcodeError(Msg("EAN-13 needs 12 or 13 digits, not {text!r}", text=text))
    if len(text) == 13 and not has_gs1_check_digit(text):
        raise BarcodeError(Msg("EAN-13 {text} has a wrong check digit (expected {gtin_check_digit})",
                               text=text, gtin_check_digit=gtin_check_digit(text[:12])))


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
        raise BarcodeError(Msg("{symbology} of {count} modules does not fit in {value:.2f} in at {dpi} dpi",
                               symbology=symbology, count=len(bars), value=max_width / 72, dpi=dpi))
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
