"""The shipping label as ZPL II for Zebra-compatible thermal printers (raw TCP 9100).

The barcode is the printer's own ^BC Code 128 (crisper and smaller to send than a
bitmap), its module a whole number of dots by construction. Text is UTF-8 (^CI28); ASCII
lines use the built-in scalable font 0, other lines a Unicode TrueType font on the printer
(Zebra's optional Andale, E:ANMDJ.TTF, unless the station says otherwise). Field data is
hex-escaped (^FH) so a "^" or "~" in an address cannot break the label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.domain.messages import Msg
from app.domain.translation import translate
from printing import barcodes
from printing.documents import ShippingLabelData
from printing.labels import FROM, TO, footer_lines, label_size, phone_of

UNICODE_FONT = "E:ANMDJ.TTF"
MARGIN_PT = 10.0


def escape(text: str) -> str:
    """Field data with ZPL control characters hex-escaped for ^FH_."""
    text = "".join(" " if ord(ch) < 32 else ch for ch in text)
    return text.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")


def _em_width(text: str) -> float:
    """Approximate width in ems: wide (CJK) characters 1, others 0.6."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.6 for ch in text)


def wrap(text: str, width_dots: int, height_dots: int, max_lines: int) -> list[str]:
    """Greedy wrap by estimated width; the last line is cut when the text runs on."""
    ems = width_dots / height_dots
    lines, line = [], ""
    for ch in text:
        if _em_width(line + ch) > ems:
            head, sep, tail = line.rpartition(" ")
            if sep and head and not ch.isspace() and _em_width(head) > ems * 0.5:
                lines.append(head)
                line = tail + ch
            else:
                lines.append(line.rstrip())
                line = "" if ch.isspace() else ch
        else:
            line += ch
    if line.strip():
        lines.append(line.strip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        cut = lines[-1]
        lines[-1] = cut[:-1] + "…" if not cut.isascii() else cut[:-3] + "..."
    return lines


class _Zpl:
    def __init__(self, dpi: int, unicode_font: str) -> None:
        self.dpi, self.unicode_font = dpi, unicode_font
        self.parts: list[str] = []

    def d(self, points: float) -> int:
        return round(points * self.dpi / 72.0)

    def text(self, x: float, y: float, text: str, size: float, width: float,
             max_lines: int = 1) -> float:
        """Lines of text from (x, y) down, in points from the top left; returns next y."""
        h = self.d(size)
        for line in wrap(text, self.d(width), h, max_lines):
            font = f"^A0N,{h},{h}" if line.isascii() else f"^A@N,{h},{h},{self.unicode_font}"
            self.parts.append(f"^FO{self.d(x)},{self.d(y)}{font}^FH_^FD{escape(line)}^FS")
            y += size * 1.15
        return y

    def rule(self, x: float, y: float, width: float) -> None:
        self.parts.append(f"^FO{self.d(x)},{self.d(y)}^GB{self.d(width)},2,2^FS")


def render_shipping_label_zpl(data: ShippingLabelData, dpi: int = 203, size: str = "4x6",
                              unicode_font: str = UNICODE_FONT, language: str = "en") -> bytes:
    """One label as ZPL bytes (UTF-8), ready for a raw socket or a raw CUPS queue."""
    if dpi not in barcodes.PRINTER_DPIS:
        raise ValueError(Msg("thermal printers here are 203 or 300 dpi, not {dpi}", dpi=dpi))
    width, height = label_size(size)
    inner = width - 2 * MARGIN_PT
    z = _Zpl(dpi, unicode_font)
    z.parts += ["^XA", "^CI28", f"^PW{z.d(width)}", f"^LL{z.d(height)}", "^LH0,0"]
    z.text(MARGIN_PT, MARGIN_PT, data.carrier, 20, inner * 0.55)
    z.text(MARGIN_PT + inner * 0.6, MARGIN_PT + 4, data.service, 14, inner * 0.4)
    z.rule(MARGIN_PT, 40, inner)
    sender = data.sender
    z.text(MARGIN_PT, 46, translate(FROM, language), 7, 30)
    y = z.text(MARGIN_PT + 30, 46, f"{sender.name}  {phone_of(sender)}".strip(), 9, inner - 30)
    z.text(MARGIN_PT + 30, y, ", ".join(sender.lines()), 9, inner - 30, max_lines=2)
    z.rule(MARGIN_PT, 92, inner)
    _receiver(z, data, inner, height - 184, language)
    _tracking(z, data, width, height)
    _footer(z, data, inner, height, language)
    z.parts.append("^XZ")
    return ("\n".join(z.parts) + "\n").encode("utf-8")


def _receiver(z: _Zpl, data: ShippingLabelData, inner: float, bottom: float,
              language: str) -> None:
    """Name and phone large; the address shrinks from 15 to 11 pt to fit above bottom."""
    receiver = data.receiver
    z.text(MARGIN_PT, 100, translate(TO, language), 10, 24)
    y = z.text(MARGIN_PT + 26, 100, receiver.name, 22, inner - 26, max_lines=2)
    if receiver.phone:
        y = z.text(MARGIN_PT + 26, y, phone_of(receiver), 14, inner - 26)
    address = "\n".join(receiver.lines())
    for size in (15, 13, 11):
        rows = int((bottom - y) // (size * 1.15))
        needed = sum(len(wrap(p, z.d(inner), z.d(size), 99)) for p in address.split("\n"))
        if needed <= rows:
            break
    for part in address.split("\n"):
        rows = int((bottom - y) // (size * 1.15))
        if rows < 1:
            break
        y = z.text(MARGIN_PT, y, part, size, inner, max_lines=rows)


def _tracking(z: _Zpl, data: ShippingLabelData, width: float, height: float) -> None:
    bars = barcodes.modules(data.tracking_number, "code128")
    dots, total = barcodes.fit(bars, "code128", width - 2 * MARGIN_PT, z.dpi)
    left = (z.d(width) - total * dots) // 2 + barcodes.QUIET_MODULES["code128"][0] * dots
    top = z.d(height - 174)
    z.rule(MARGIN_PT, height - 180, width - 2 * MARGIN_PT)
    z.parts.append(f"^BY{dots},3,{z.d(80)}^FO{left},{top}^BCN,{z.d(80)},N,N,N,A"
                   f"^FH_^FD{escape(data.tracking_number)}^FS")
    h = z.d(20)
    z.parts.append(f"^FO0,{z.d(height - 88)}^A0N,{h},{h}^FB{z.d(width)},1,0,C"
                   f"^FH_^FD{escape(data.tracking_number)}^FS")


def _footer(z: _Zpl, data: ShippingLabelData, inner: float, height: float,
            language: str) -> None:
    z.rule(MARGIN_PT, height - 56, inner)
    y = height - 50
    left, right = footer_lines(data, language)
    z.text(MARGIN_PT, y, left[0], 11, inner / 2)
    z.text(MARGIN_PT, y + 14, left[1], 11, inner / 2)
    z.text(MARGIN_PT + inner / 2, y, right[0], 13, inner / 2)
    z.text(MARGIN_PT + inner / 2, y + 16, right[1], 12, inner / 2)


@dataclass(frozen=True)
class ZplField:
    command: str  # the field's kind: "^A0", "^A@", "^BC", "^FB" ...
    data: str  # ^FD text with ^FH escapes decoded
    origin: tuple[int, int] | None


_COMMAND = re.compile(r"[\^~]([A-Z@0-9][A-Z@0-9]?)")


def read_labels(zpl: bytes) -> list[list[ZplField]]:
    """Parse ZPL into labels (^XA..^XZ) of fields; raises ValueError on malformed input."""
    text = zpl.decode("utf-8")
    labels: list[list[ZplField]] = []
    for chunk in text.split("^XA")[1:]:
        if "^XZ" not in chunk:
            raise ValueError(Msg("a label starts with ^XA but never ends with ^XZ"))
        body = chunk.split("^XZ", 1)[0]
        labels.append([_field(f) for f in body.split("^FS") if "^FD" in f])
    if not labels:
        raise ValueError(Msg("no ^XA ... ^XZ label found"))
    return labels


def _field(fragment: str) -> ZplField:
    head, _, raw = fragment.partition("^FD")
    commands = [m.group(0)[:3] for m in _COMMAND.finditer(head)]
    kind = next((c for c in reversed(commands) if c[:2] in ("^A", "^B")), commands[-1])
    origin = re.search(r"\^FO(\d+),(\d+)", head)
    data = re.sub(r"_([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), raw) \
        if "^FH" in head else raw
    return ZplField(kind, data, (int(origin[1]), int(origin[2])) if origin else None)
