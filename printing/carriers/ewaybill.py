"""The standard Chinese e-waybill (电子面单), drawn from the fields a carrier answered.

Two templates: 100x180 mm (the Cainiao / express-company standard) and 76x130 mm (SF's and
many companies' small one), each in two parts (二联): the upper 派件联 the courier scans and
the buyer reads, a perforation, and the lower 存根 the merchant keeps. Top to bottom: the
carrier and service, the big 大头笔 sort code, the 集包地, the Code 128 waybill barcode, the
receiver (收) and sender (寄) blocks, the signature box with the carrier's QR when it gave
one; then the stub with a smaller barcode, receiver, sender and the items.

One layout, two back-ends: a PDF (bars and QR modules on the printer's dot grid, so a 203
or 300 dpi head prints them crisply) and ZPL (the printer's own ^BC and ^BQ).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm

from app.domain.messages import Msg
from app.domain.shipping import CarrierLabel, LabelFormat
from printing import barcodes, zpl
from printing.carriers import fields as f
from printing.labels import new_canvas
from printing.layout import Box, Writer

TEMPLATES = ("100x180", "76x130")
# (row, height in mm) from the top; "tear" is the perforation between the two parts.
ROWS = {
    "100x180": [("header", 12), ("mark", 17), ("package", 10), ("barcode", 25), ("receiver", 24),
                ("sender", 15), ("sign", 17), ("tear", 0), ("stub_barcode", 17),
                ("stub_receiver", 15), ("stub_sender", 12), ("stub_items", 16)],
    "76x130": [("header", 9), ("mark", 13), ("package", 8), ("barcode", 20), ("receiver", 17),
               ("sender", 11), ("sign", 12), ("tear", 0), ("stub_barcode", 13),
               ("stub_receiver", 10), ("stub_sender", 8), ("stub_items", 9)],
}
PAD = 1.5  # mm inside each row


class EwaybillError(ValueError):
    """The fields cannot make a label Packdesk may print; the message says what to do."""


@dataclass(frozen=True)
class Text:
    x: float  # mm from the left
    y: float  # mm from the top
    w: float
    h: float
    lines: tuple[str, ...]
    size: float  # points, shrunk to fit
    bold: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Bars:
    x: float
    y: float
    w: float
    h: float
    text: str


@dataclass(frozen=True)
class Qr:
    x: float
    y: float
    side: float
    data: str


@dataclass(frozen=True)
class Rule:
    y: float
    dashed: bool = False


Element = Text | Bars | Qr | Rule


def page_mm(template: str) -> tuple[float, float]:
    if template not in TEMPLATES:
        raise EwaybillError(Msg("unknown e-waybill template {template_name!r}; use one of {templates}",
                                template_name=template, templates=', '.join(TEMPLATES)))
    width, height = template.split("x")
    return float(width), float(height)


def layout(values: Mapping[str, str], template: str) -> list[Element]:
    """The label as elements in mm from the top left; checks the fields first."""
    width, height = page_mm(template)
    _check(values)
    small = template == "76x130"
    elements: list[Element] = []
    top = 0.0
    rows = ROWS[template]
    for i, (row, tall) in enumerate(rows):
        elements += _row(row, values, PAD, top, width - 2 * PAD, tall, small)
        top += tall
        following = rows[i + 1][0] if i + 1 < len(rows) else ""
        if following and following != "tear":  # the perforation replaces the rule above it
            elements.append(Rule(top, dashed=row == "tear"))
    assert abs(top - height) < 0.01, Msg("{template_name}: rows add up to {top} mm",
                                         template_name=template, top=top)
    return elements


def _check(values: Mapping[str, str]) -> None:
    number = values.get(f.TRACKING, "").strip()
    if not number:
        raise EwaybillError(Msg("The carrier gave no waybill number; the label cannot be drawn."))
    barcodes.modules(number, "code128")
    if values.get(f.ENCRYPTED) == "1" or any(
            str(values.get(k, "")).startswith("AES:") for k in
            ("receiver_name", "receiver_address", "receiver_phone")):
        component = values.get(f.PRINT_COMPONENT, "")
        if component:
            raise EwaybillError(Msg("The receiver of waybill {number} is encrypted by the platform (a masked marketplace order): print it through {component}, which alone may decrypt it.",
                                    number=number, component=component))
        raise EwaybillError(Msg("The receiver of waybill {number} is encrypted by the platform (a masked Taobao/Tmall order): print it through the Cainiao print component, which alone may decrypt it.",
                                number=number))


def _row(row: str, v: Mapping[str, str], x: float, y: float, w: float, h: float,
         small: bool) -> list[Element]:
    s = 0.8 if small else 1.0
    number = v[f.TRACKING]
    if row == "header":
        return [Text(x, y + 1, w * 0.6, h - 2, (v.get(f.CARRIER, ""),), 16 * s, bold=True),
                Text(x + w * 0.6, y + 1, w * 0.4, h - 2, (v.get(f.SERVICE, ""),), 12 * s,
                     align="right")]
    if row == "mark":
        return [Text(x, y + 1, w, h - 2, (v.get(f.MARK_DESTINATION, ""),), 34 * s, bold=True,
                     align="center")]
    if row == "package":
        center = " ".join(p for p in (v.get(f.PACKAGE_CENTER, ""), v.get(f.PACKAGE_CODE, ""),
                                      v.get(f.SORTING_CODE, "")) if p)
        return [Text(x, y + 1, 14 * s, h - 2, ("集包地",), 8 * s),
                Text(x + 14 * s, y + 1, w - 14 * s, h - 2, (center,), 18 * s, bold=True)]
    if row in ("barcode", "stub_barcode"):
        text_h = 5.0 * s
        return [Bars(x, y + 1, w, h - text_h - 2, number),
                Text(x, y + h - text_h - 0.5, w, text_h, (number,), 11 * s, bold=True,
                     align="center")]
    if row in ("receiver", "stub_receiver", "sender", "stub_sender"):
        who = "receiver" if "receiver" in row else "sender"
        big = row in ("receiver", "sender") and who == "receiver"
        caption_w = (9 if big else 7) * s
        name = f"{v.get(f'{who}_name', '')}  {v.get(f'{who}_phone', '')}".strip()
        size = (14 if big else 9) * s
        return [Text(x, y + 1, caption_w, h - 2, ("收" if who == "receiver" else "寄",),
                     (18 if big else 11) * s, bold=True),
                Text(x + caption_w, y + 1, w - caption_w, h * 0.4, (name,), size, bold=big),
                Text(x + caption_w, y + 1 + h * 0.4, w - caption_w, h * 0.6 - 2,
                     (v.get(f"{who}_address", ""),), size * 0.85)]
    if row == "sign":
        qr = v.get(f.QR, "")
        side = min(h - 2, 24 * s) if qr else 0.0
        out: list[Element] = [Text(x, y + 1, w - side - 2, h - 2,
                                   ("签收人/签收时间:", "您的签收代表您已验收包裹。"), 8 * s)]
        if qr:
            out.append(Qr(x + w - side, y + 1, side, qr))
        return out
    if row == "stub_items":
        lines = (f"内容: {v.get(f.ITEMS, '')}", f"订单: {v.get(f.REFERENCE, '')}  "
                 f"重量: {v.get(f.WEIGHT_KG, '')} kg")
        return [Text(x, y + 1, w, h - 2, lines, 8 * s)]
    return []  # "tear": only the dashed rule below it


# -- PDF -----------------------------------------------------------------------------
def render_pdf(values: Mapping[str, str], template: str = "100x180", dpi: int = 203) -> bytes:
    if dpi not in barcodes.PRINTER_DPIS:
        raise EwaybillError(Msg("label printers here are 203 or 300 dpi, not {dpi}", dpi=dpi))
    elements = layout(values, template)
    width, height = page_mm(template)
    out = io.BytesIO()
    canvas = new_canvas(out, (width * mm, height * mm), Msg("e-waybill {tracking_number}",
                                                            tracking_number=values[f.TRACKING]))
    writer = Writer(canvas)
    for element in elements:
        _pdf(writer, element, height, width, dpi)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pdf(writer: Writer, e: Element, height: float, width: float, dpi: int) -> None:
    canvas = writer.canvas
    if isinstance(e, Rule):
        canvas.saveState()
        canvas.setLineWidth(0.8)
        if e.dashed:
            canvas.setDash(4, 3)
        y = (height - e.y) * mm
        canvas.line(PAD * mm, y, (width - PAD) * mm, y)
        canvas.restoreState()
    elif isinstance(e, Text):
        box = Box(e.x * mm, (height - e.y - e.h) * mm, e.w * mm, e.h * mm)
        writer.block(box, [ln for ln in e.lines if ln], e.size, min_size=5, bold=e.bold,
                     align=e.align)
    elif isinstance(e, Bars):
        barcodes.draw(canvas, e.x * mm, (height - e.y - e.h) * mm, e.text, "code128",
                      height=e.h * mm, max_width=e.w * mm, dpi=dpi)
    elif isinstance(e, Qr):
        _pdf_qr(canvas, e, height, dpi)


def qr_matrix(data: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.make()
    n = code.getModuleCount()
    return [[code.isDark(r, c) for c in range(n)] for r in range(n)]


def _pdf_qr(canvas, e: Qr, height: float, dpi: int) -> None:
    """Every module a whole number of dots, the symbol on the dot grid, 4 modules quiet."""
    matrix = qr_matrix(e.data)
    n = len(matrix) + 8
    side_dots = int(e.side * mm / barcodes.dot(dpi))
    dots = side_dots // n
    if dots < 1:
        raise EwaybillError(Msg("the QR code of {count} characters does not fit {side:.0f} mm at {dpi} dpi",
                                count=len(e.data), side=e.side, dpi=dpi))
    canvas.saveState()
    # A printer counts dots from the label's top edge, and 180 or 130 mm is no whole number
    # of dots: the symbol's top is put on the grid measured from the top, not the bottom.
    top = barcodes.snap(e.y * mm, dpi)
    bottom = height * mm - top - n * dots * barcodes.dot(dpi)
    canvas.translate(barcodes.snap(e.x * mm, dpi), bottom)
    canvas.scale(barcodes.dot(dpi), barcodes.dot(dpi))
    path = canvas.beginPath()
    rows = len(matrix)
    for r, row in enumerate(matrix):  # one rectangle per run of dark modules in a row
        for begin, run in _dark_runs(row):
            path.rect((begin + 4) * dots, (rows - 1 - r + 4) * dots, run * dots, dots)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for c, dark in enumerate(row):
        if dark and runs and runs[-1][0] + runs[-1][1] == c:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        elif dark:
            runs.append((c, 1))
    return runs


# -- ZPL -----------------------------------------------------------------------------
def render_zpl(values: Mapping[str, str], template: str = "100x180", dpi: int = 203,
               unicode_font: str = zpl.UNICODE_FONT) -> bytes:
    if dpi not in barcodes.PRINTER_DPIS:
        raise EwaybillError(Msg("label printers here are 203 or 300 dpi, not {dpi}", dpi=dpi))
    elements = layout(values, template)
    width, height = page_mm(template)

    def d(millimetres: float) -> int:
        return round(millimetres * dpi / 25.4)

    parts = ["^XA", "^CI28", f"^PW{d(width)}", f"^LL{d(height)}", "^LH0,0"]
    for e in elements:
        if isinstance(e, Rule):
            if e.dashed:
                parts += [f"^FO{d(x)},{d(e.y)}^GB{d(2)},2,2^FS"
                          for x in range(int(PAD), int(width - PAD), 4)]
            else:
                parts.append(f"^FO{d(PAD)},{d(e.y)}^GB{d(width - 2 * PAD)},2,2^FS")
        elif isinstance(e, Text):
            parts += _zpl_text(e, d, dpi, unicode_font)
        elif isinstance(e, Bars):
            bars = barcodes.modules(e.text, "code128")
            dots, total = barcodes.fit(bars, "code128", e.w * mm, dpi)
            quiet = barcodes.QUIET_MODULES["code128"][0]
            left = d(e.x) + (d(e.w) - total * dots) // 2 + quiet * dots
            parts.append(f"^BY{dots},3,{d(e.h)}^FO{left},{d(e.y)}^BCN,{d(e.h)},N,N,N,A"
                         f"^FH_^FD{zpl.escape(e.text)}^FS")
        elif isinstance(e, Qr):
            n = len(qr_matrix(e.data))
            magnification = max(1, min(10, d(e.side) // (n + 8)))
            parts.append(f"^FO{d(e.x)},{d(e.y)}^BQN,2,{magnification}"
                         f"^FH_^FDMA,{zpl.escape(e.data)}^FS")
    parts.append("^XZ")
    return ("\n".join(parts) + "\n").encode("utf-8")


def _zpl_text(e: Text, d, dpi: int, unicode_font: str) -> list[str]:
    paragraphs = [ln for ln in e.lines if ln]
    size = e.size
    while True:
        h = max(10, round(size * dpi / 72))
        rows = max(1, int(d(e.h) // (h * 1.15)))
        lines = [ln for p in paragraphs for ln in zpl.wrap(p, d(e.w), h, 99)]
        if len(lines) <= rows or size <= 5:
            break
        size -= 0.5
    out, y = [], d(e.y)
    for line in lines[:rows]:
        font = f"^A0N,{h},{h}" if line.isascii() else f"^A@N,{h},{h},{unicode_font}"
        justify = {"center": "C", "right": "R"}.get(e.align, "L")
        out.append(f"^FO{d(e.x)},{y}{font}^FB{d(e.w)},1,0,{justify}"
                   f"^FH_^FD{zpl.escape(line)}^FS")
        y += round(h * 1.15)
    return out


def render_label(label: CarrierLabel, label_format: LabelFormat, dpi: int = 203,
                 template: str = "") -> bytes:
    """The bytes to print for a carrier's answer: as delivered, or drawn from its fields."""
    if label.label_format != LabelFormat.FIELDS:
        if label.label_format != label_format:
            raise EwaybillError(Msg("The carrier delivered a {delivered} label, not {wanted}; choose a printer for it.",
                                    delivered=label.label_format.value, wanted=label_format.value))
        return label.label
    template = template or label.fields.get(f.TEMPLATE) or "100x180"
    values = {f.TRACKING: label.tracking_number, **label.fields}
    if label_format == LabelFormat.PDF:
        return render_pdf(values, template, dpi)
    if label_format == LabelFormat.ZPL:
        return render_zpl(values, template, dpi)
    raise EwaybillError(Msg("An e-waybill is drawn as PDF or ZPL, not {label_format}.",
                            label_format=label_format.value))
