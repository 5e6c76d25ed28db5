"""The shipping label, 4x6 in or 100x150 mm, as PDF.

A packer glances at it and a courier scans it: the receiver and the tracking barcode take
most of the label, in large type; the sender, order and parcel facts are small. Bars are
laid on the dot grid of the printer the label is meant for (dpi=203 or 300).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import BinaryIO

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from app.domain import formats
from app.domain.messages import Msg
from app.domain.phones import display_phone
from app.domain.translation import translate
from printing import barcodes
from printing.documents import Address, ShippingLabelData
from printing.fonts import label_fonts
from printing.layout import Box, Writer

# Captions stay English on every label: couriers in any country read them.
LABEL_SIZES = {"4x6": (4 * inch, 6 * inch), "100x150": (100 * mm, 150 * mm)}
MARGIN = 10.0
Out = str | os.PathLike | BinaryIO


class LabelCancelled(RuntimeError):
    """A batch was cancelled between two labels."""


def weight_text(weight_g: int, language: str) -> str:
    """The parcel's weight; none at all when nobody knows it (never a false 0.00 kg)."""
    return formats.weight(weight_g, language) if weight_g > 0 else ""


def label_size(size: str) -> tuple[float, float]:
    try:
        return LABEL_SIZES[size]
    except KeyError:
        raise ValueError(Msg("unknown label size {size!r}; use one of {label_sizes}",
                             size=size, label_sizes=', '.join(LABEL_SIZES))) \
            from None

FROM, TO = Msg("FROM"), Msg("TO")  # the sender's and the receiver's corner


def render_shipping_label(data: ShippingLabelData, out: Out, size: str = "4x6",
                          dpi: int = 203, language: str = "en") -> None:
    """One label as a one-page PDF written to a path or a binary file object."""
    render_shipping_labels([data], out, size=size, dpi=dpi, language=language)


def render_shipping_labels(labels: Iterable[ShippingLabelData], out: Out, size: str = "4x6",
                           dpi: int = 203, progress: Callable[[int], None] | None = None,
                           cancelled: Callable[[], bool] | None = None,
                           language: str = "en") -> int:
    """Many labels as one multi-page PDF (a batch is one print job); returns the page count.

    progress(n) is called after each page; cancelled() is asked before each page and a
    True answer stops with LabelCancelled, leaving nothing useful in out.
    """
    page = label_size(size)
    canvas = new_canvas(out, page, translate(Msg("Shipping labels"), language))
    writer = Writer(canvas)
    count = 0
    for data in labels:
        if cancelled and cancelled():
            raise LabelCancelled(Msg("cancelled after {count} labels", count=count))
        _check(data)
        draw_shipping_label(writer, data, page, dpi, language)
        canvas.showPage()
        count += 1
        if progress:
            progress(count)
    if count == 0:
        raise ValueError(Msg("no labels to render"))
    canvas.save()
    return count


def new_canvas(out: Out, page: tuple[float, float], title: str) -> Canvas:
    """A canvas whose only font is the embedded label font (no stray Helvetica)."""
    if isinstance(out, os.PathLike):
        out = os.fspath(out)
    canvas = Canvas(out, pagesize=page, pageCompression=1,
                    initialFontName=label_fonts().primary.name, initialFontSize=10)
    canvas.setTitle(title)
    return canvas


def _check(data: ShippingLabelData) -> None:
    if not data.tracking_number.strip():
        raise ValueError(Msg("order {order_number} has no tracking number",
                             order_number=data.order_number))
    if not 1 <= data.parcel_index <= max(1, data.parcel_count):
        raise ValueError(Msg("order {order_number}: parcel {parcel_index} of {parcel_count} is impossible",
                             order_number=data.order_number, parcel_index=data.parcel_index, parcel_count=data.parcel_count))
    barcodes.modules(data.tracking_number, "code128")


def draw_shipping_label(writer: Writer, data: ShippingLabelData, page: tuple[float, float],
                        dpi: int, language: str = "en") -> None:
    width, height = page
    inner = width - 2 * MARGIN
    canvas = writer.canvas
    canvas.setLineWidth(1.2)
    top = height - MARGIN
    top = _header(writer, data, inner, top)
    top = _sender(writer, data.sender, Box(MARGIN, top - 50, inner, 46), language)
    canvas.line(MARGIN, top - 50, width - MARGIN, top - 50)
    bottom_zone = MARGIN + 40  # footer facts
    barcode_zone = 124
    receiver_box = Box(MARGIN, bottom_zone + barcode_zone, inner,
                       top - 56 - bottom_zone - barcode_zone)
    _receiver(writer, data.receiver, receiver_box, language)
    canvas.line(MARGIN, bottom_zone + barcode_zone, width - MARGIN, bottom_zone + barcode_zone)
    _tracking(writer, data, Box(MARGIN, bottom_zone, inner, barcode_zone), dpi)
    canvas.line(MARGIN, bottom_zone, width - MARGIN, bottom_zone)
    _footer(writer, data, Box(MARGIN, MARGIN, inner, bottom_zone - MARGIN - 4), language)


def _header(writer: Writer, data: ShippingLabelData, inner: float, top: float) -> float:
    half = inner / 2 - 4
    writer.block(Box(MARGIN, top - 26, half, 26), [data.carrier], 20, min_size=9, bold=True)
    writer.block(Box(MARGIN + inner - half, top - 26, half, 26), [data.service], 14,
                 min_size=7, align="right")
    writer.canvas.line(MARGIN, top - 30, MARGIN + inner, top - 30)
    return top - 34


def _sender(writer: Writer, sender: Address, box: Box, language: str) -> float:
    writer.text(box.x, box.top - 7, translate(FROM, language), 7, bold=True)
    body = Box(box.x + 30, box.y, box.width - 30, box.height)
    writer.block(body, [_name_phone(sender), ", ".join(sender.lines())], 9, min_size=5)
    return box.top


def _receiver(writer: Writer, receiver: Address, box: Box, language: str) -> None:
    """Name large and bold, the phone under it, then the address filling what is left."""
    writer.text(box.x, box.top - 10, translate(TO, language), 10, bold=True)
    indent = box.width - 26
    used = writer.block(Box(box.x + 26, box.top - 52, indent, 50), [receiver.name], 22,
                        min_size=11, bold=True)
    top = box.top - used - 2
    if receiver.phone:
        top -= writer.block(Box(box.x + 26, top - 18, indent, 18), [phone_of(receiver)], 14,
                            min_size=8)
    writer.block(Box(box.x, box.y + 2, box.width, top - box.y - 6), receiver.lines(), 17,
                 min_size=7)


def _tracking(writer: Writer, data: ShippingLabelData, box: Box, dpi: int) -> None:
    bars_bottom = box.y + 30
    barcodes.draw(writer.canvas, box.x, bars_bottom, data.tracking_number, "code128",
                  height=box.top - bars_bottom - 8, max_width=box.width, dpi=dpi)
    size, lines = writer.fit([data.tracking_number], box.width, 24, 20, 9)
    writer.text(box.x + box.width / 2, box.y + 8, lines[0], size, bold=True, align="center")


def _footer(writer: Writer, data: ShippingLabelData, box: Box, language: str) -> None:
    half = box.width / 2
    left, right = footer_lines(data, language)
    writer.block(Box(box.x, box.y, half - 4, box.height), left, 11, min_size=6)
    writer.block(Box(box.x + half, box.y, half, box.height), right, 13, min_size=6,
                 bold=True, align="right")


def _name_phone(address: Address) -> str:
    return f"{address.name}  {phone_of(address)}".strip()


def phone_of(address: Address) -> str:
    """The phone as its country writes it (phonenumbers); masked numbers as given."""
    return display_phone(address.phone, address.country)


def footer_lines(data: ShippingLabelData, language: str) -> tuple[list[str], list[str]]:
    """The label's footer, left and right: order and channel; parcel, weight and day."""
    left = [translate(Msg("Order {order_number}", order_number=data.order_number), language),
            f"{data.channel} {data.channel_order_id}".strip()]
    when = formats.short_day(data.created_at, language) if data.created_at else ""
    parcel = Msg("Parcel {parcel_index}/{parcel_count}", parcel_index=data.parcel_index,
                 parcel_count=max(1, data.parcel_count))
    right = [translate(parcel, language),
             f"{weight_text(data.weight_g, language)} {when}".strip()]
    return left, right
