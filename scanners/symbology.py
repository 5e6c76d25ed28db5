"""Symbology names shared by every source, and what a raw scanner string tells about it."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.barcodes import has_gs1_check_digit

GS = "\x1d"

#: AIM symbology identifiers ("]" + code letter + modifier) a scanner may prefix.
AIM_PREFIXES = {
    "]E0": "ean13", "]E4": "ean8", "]E1": "ean13", "]E2": "ean13", "]E3": "ean13",
    "]C0": "code128", "]C1": "gs1-128", "]A0": "code39", "]A1": "code39",
    "]A3": "code39", "]I0": "itf", "]I1": "itf", "]Q1": "qr", "]Q3": "gs1-qr",
    "]Q5": "qr", "]d1": "datamatrix", "]d2": "gs1-datamatrix", "]e0": "gs1-databar",
}


@dataclass(frozen=True)
class Identified:
    """Scan text with a recognised AIM prefix removed, and the symbology it named."""

    text: str
    symbology: str


def identify(raw: str) -> Identified:
    """Name the symbology of a scanner string: from its AIM prefix, else from its shape.

    A keyboard or serial scanner seldom says what it read; a valid check digit on 8, 12 or
    13 digits is a good enough guess, and a GS character means a GS1 element string.
    """
    prefix = raw[:3]
    if prefix in AIM_PREFIXES:
        return Identified(raw[3:], AIM_PREFIXES[prefix])
    if raw.isdigit() and has_gs1_check_digit(raw):
        shape = {8: "ean8", 12: "upca", 13: "ean13"}.get(len(raw))
        if shape:
            return Identified(raw, shape)
    if GS in raw:
        return Identified(raw, "gs1-128")
    return Identified(raw, "unknown")
