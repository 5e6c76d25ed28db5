"""Read barcodes in a picture: zxing-cpp first, then passes that buy reads without false ones.

Only the symbologies a warehouse meets are searched (fewer formats: faster, fewer false
reads). Passes after the first run only when it found nothing, so a frame with a readable
code costs one zxing-cpp call.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from app.domain.barcodes import compress_upca, has_gs1_check_digit

_F = zxingcpp.BarcodeFormat
FORMATS = (_F.EAN13, _F.EAN8, _F.UPCA, _F.UPCE, _F.Code128, _F.Code39, _F.ITF,
           _F.QRCode, _F.DataMatrix)
_NAMES = {_F.EAN13: "ean13", _F.EAN8: "ean8", _F.UPCA: "upca", _F.UPCE: "upce",
          _F.Code128: "code128", _F.Code39: "code39", _F.ITF: "itf", _F.QRCode: "qr",
          _F.DataMatrix: "datamatrix"}
_GS1_NAMES = {"code128": "gs1-128", "datamatrix": "gs1-datamatrix", "qr": "gs1-qr"}
_PYZBAR_NAMES = {"EAN13": "ean13", "EAN8": "ean8", "UPCA": "upca", "UPCE": "upce",
                 "CODE128": "code128", "CODE39": "code39", "I25": "itf", "QRCODE": "qr"}
_LINEAR = {"ean13", "ean8", "upca", "upce", "code128", "code39", "itf", "gs1-128"}

Quad = tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Read:
    """One barcode found: its text, symbology name and corner points in the image."""

    text: str
    symbology: str
    position: Quad


def to_gray(image: np.ndarray) -> np.ndarray:
    """Decoders work on luminance; converting once saves each pass doing it."""
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    if image.ndim == 3 and image.shape[2] in (3, 4):
        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(image, code)
    raise ValueError(f"not an image: array of shape {image.shape}")


def decode(image: np.ndarray, *, extra_passes: bool = True, fallback: bool = True,
           fast: bool = False) -> list[Read]:
    """All barcodes read in `image` (BGR or gray), each once.

    `extra_passes` tries local contrast and 2x upscaling when the plain pass read nothing;
    `fallback` then asks pyzbar. `fast` is for live camera frames: one pass, dark-on-light
    codes only (labels are printed that way), so a 720p frame fits in a frame time; the
    camera asks again with every pass on a still after some empty frames.
    """
    gray = np.ascontiguousarray(to_gray(image))
    if fast:
        return read_zxing(gray, invert=False)
    reads = read_zxing(gray)
    if reads or not extra_passes:
        return reads if reads or not fallback else read_pyzbar(gray)
    for attempt in (_pass_contrast, _pass_upscale):
        reads = attempt(gray)
        if reads:
            return reads
    return read_pyzbar(gray) if fallback else []


def read_zxing(gray: np.ndarray, scale: float = 1.0, invert: bool = True) -> list[Read]:
    """zxing-cpp restricted to our symbologies; `scale` maps points back to the original;
    `invert` also looks for light-on-dark codes (a second binarised pass: ~40% more time)."""
    found = zxingcpp.read_barcodes(gray, formats=FORMATS, text_mode=zxingcpp.TextMode.Plain,
                                   try_invert=invert)
    reads = []
    for barcode in found:
        symbology = _NAMES.get(barcode.format)
        if symbology is None:
            continue
        if barcode.content_type == zxingcpp.ContentType.GS1:
            symbology = _GS1_NAMES.get(symbology, symbology)
        pos = barcode.position
        corners = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        quad = tuple((round(p.x / scale), round(p.y / scale)) for p in corners)
        reads.append(_normalised(barcode.text, symbology, quad))
    return _plausible(reads)


def read_pyzbar(gray: np.ndarray) -> list[Read]:
    """ZBar reads some worn 1D codes zxing-cpp misses (and no DataMatrix)."""
    from pyzbar import pyzbar  # loads libzbar: only when a still needs it

    reads = []
    for result in pyzbar.decode(gray):
        symbology = _PYZBAR_NAMES.get(result.type)
        if symbology is None:
            continue
        text = result.data.decode("utf-8", errors="replace")
        points = list(result.polygon)
        if len(points) != 4:
            x, y, w, h = result.rect
            points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        quad = tuple((int(p[0]), int(p[1])) for p in points)
        reads.append(_normalised(text, symbology, quad))
    return _plausible(reads)


def _pass_contrast(gray: np.ndarray) -> list[Read]:
    """Local contrast (CLAHE) rescues codes under glare or in shadow."""
    return read_zxing(cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply(gray))


def _pass_upscale(gray: np.ndarray) -> list[Read]:
    """Small or far codes have bars of ~1 pixel; doubling gives the decoder room."""
    if max(gray.shape) > 1600:
        return []
    bigger = cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return read_zxing(bigger, scale=2.0)


def _normalised(text: str, symbology: str, quad) -> Read:
    """UPC-A as 12 digits and UPC-E as its 8 printed digits, as a USB scanner sends them."""
    if symbology == "ean13" and text.startswith("0") and len(text) == 13:
        return Read(text[1:], "upca", quad)
    if symbology == "upca" and len(text) == 13 and text.startswith("0"):
        text = text[1:]
    if symbology == "upce" and len(text) in (12, 13):
        short = compress_upca(text[-12:])
        text = short or text
    return Read(text, symbology, quad)


def _plausible(reads: list[Read]) -> list[Read]:
    """Drop reads no label carries (1-2 character 1D codes, bad check digits) and repeats."""
    kept: dict[tuple[str, str], Read] = {}
    for read in reads:
        if read.symbology in _LINEAR and len(read.text) < 3:
            continue
        if read.symbology in ("ean13", "ean8", "upca") and not has_gs1_check_digit(read.text):
            continue
        kept.setdefault((read.text, read.symbology), read)
    return list(kept.values())
