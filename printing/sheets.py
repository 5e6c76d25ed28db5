"""Office-printer documents: packing slip, return slip, product labels, barcode sheet.

These go to A4/Letter laser printers (300 or 600 dpi), so their barcodes are laid on a
300 dpi grid, which is also whole dots at 600. Every barcode carries its text under it,
so a person can type what a scanner cannot read.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm

from app.domain import formats
from app.domain.messages import Msg
from app.domain.translation import translate
from printing import barcodes
from printing.documents import (
    BarcodeEntry,
    BarcodeSheetSection,
    PackingSlipData,
    PackingSlipLine,
    ProductLabel,
    ReturnSlipData,
    ReturnSlipLine,
)
from printing.labels import Out, new_canvas
from printing.layout import Box, Writer

PAPERS = {"A4": A4, "Letter": LETTER}
# Slips go to buyers, so they speak the shop's language (the app ships English and Chinese):
# each caption is a core template, translated from the catalogue (app/domain/catalog_zh.py).
CAPTIONS = {"packing_slip": Msg("Packing slip"), "return_slip": Msg("Return slip"),
            "buyer": Msg("Buyer"), "ordered": Msg("Ordered"), "ship_to": Msg("Ship to:"),
            "send_to": Msg("Send to:"), "return_by": Msg("Return by:"), "order": Msg("Order"),
            "sku": "SKU", "item": Msg("Item"), "qty": Msg("Qty"), "bin": Msg("Bin"),
            "buyer_note": Msg("Buyer's note"), "instructions": Msg("Instructions"),
            "pickup": Msg("Pick-up at your door, code:")}
SLIP_LANGUAGES = {"en": "en", "zh": "zh_CN", "zh_CN": "zh_CN"}
SHEET_DPI = 300
M = 15 * mm  # page margin


def slip_language(language: str) -> str:
    try:
        return SLIP_LANGUAGES[language]
    except KeyError:
        raise ValueError(Msg("no slip captions for {language!r}; use one of {captions}",
                             language=language, captions=", ".join(SLIP_LANGUAGES))) from None


def captions(language: str) -> dict[str, str]:
    lang = slip_language(language)
    return {key: translate(text, lang) for key, text in CAPTIONS.items()}


def paper_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper]
    except KeyError:
        raise ValueError(Msg("unknown paper {paper!r}; use A4 or Letter", paper=paper)) from None


def barcode_with_text(writer: Writer, box: Box, text: str, symbology: str,
                      dpi: int = SHEET_DPI, text_size: float = 11) -> None:
    """Bars filling the box above a line of human-readable text."""
    shown = barcodes.ean13_text(text) if symbology == "ean13" else text
    barcodes.draw(writer.canvas, box.x, box.y + text_size + 4, shown, symbology,
                  height=box.height - text_size - 4, max_width=box.width, dpi=dpi)
    size, lines = writer.fit([shown], box.width, text_size + 2, text_size, 5)
    writer.text(box.x + box.width / 2, box.y + 1, lines[0], size, align="center")


class _Page:
    """A cursor running down pages; starts a new page when a row does not fit."""

    def __init__(self, writer: Writer, size: tuple[float, float], header: str) -> None:
        self.writer, self.size, self.header = writer, size, header
        self.number = 0
        self.y = 0.0
        self.new()

    @property
    def width(self) -> float:
        return self.size[0] - 2 * M

    def new(self) -> None:
        if self.number:
            self.writer.canvas.showPage()
        self.number += 1
        self.y = self.size[1] - M
        if self.number > 1:
            self.writer.text(M, self.y - 9, f"{self.header} ({self.number})", 9)
            self.y -= 18

    def take(self, height: float) -> float:
        """Reserve height below the cursor; returns the bottom of the reserved band."""
        if self.y - height < M:
            self.new()
        self.y -= height
        return self.y


def _table(page: _Page, columns: list[tuple[str, float]], rows: list[list[str]]) -> None:
    """Rows with wrapped cells; columns are (heading, share of the width)."""
    writer = page.writer
    widths = [share * page.width for _, share in columns]

    def draw_row(cells: list[str], size: float, bold: bool) -> None:
        heights = [len(writer.wrap(c, w - 6, size)) for c, w in zip(cells, widths, strict=True)]
        height = max(heights) * size * 1.18 + 6
        bottom = page.take(height)
        x = M
        for cell, w in zip(cells, widths, strict=True):
            writer.block(Box(x, bottom + 3, w - 6, height - 6), [cell], size, bold=bold)
            x += w
        writer.canvas.setLineWidth(0.4)
        writer.canvas.line(M, bottom, M + page.width, bottom)

    draw_row([h for h, _ in columns], 10, True)
    for row in rows:
        draw_row(row, 11, False)


def render_packing_slip(data: PackingSlipData, out: Out, paper: str = "A4",
                        language: str = "en") -> None:
    """Packing slip: the order barcode opens the order at the bench."""
    size, say = paper_size(paper), captions(language)
    title = translate(Msg("Packing slip {order_number}", order_number=data.order_number),
                      slip_language(language))
    canvas = new_canvas(out, size, title)
    writer = Writer(canvas)
    page = _Page(writer, size, title)
    top = page.take(70)
    writer.block(Box(M, top + 36, page.width / 2, 34), [say["packing_slip"]], 22, bold=True)
    writer.block(Box(M, top, page.width / 2, 34), [data.order_number], 18, bold=True)
    barcode_with_text(writer, Box(M + page.width / 2, top, page.width / 2, 70),
                      data.order_number, "code128")
    when = formats.moment(data.ordered_at, slip_language(language)) if data.ordered_at else ""
    lang = slip_language(language)
    facts = [f"{data.channel} {data.channel_order_id}".strip(),
             translate(Msg("{caption}: {value}", caption=say["buyer"], value=data.buyer), lang),
             translate(Msg("{caption}: {value}", caption=say["ordered"], value=when), lang)
             if when else ""]
    ship_to = [data.receiver.name, data.receiver.phone, *data.receiver.lines()]
    info = page.take(90)
    writer.block(Box(M, info, page.width / 2 - 8, 84), [f for f in facts if f], 11)
    writer.block(Box(M + page.width / 2, info, page.width / 2, 84),
                 [say["ship_to"], *[s for s in ship_to if s]], 11)
    lines = [PackingSlipLine(*line) for line in data.lines]
    _table(page, [(say["sku"], 0.22), (say["item"], 0.52), (say["qty"], 0.1),
                  (say["bin"], 0.16)],
           [[ln.sku, ln.name, str(ln.quantity), ln.bin] for ln in lines])
    if data.buyer_note.strip():
        _note(page, say["buyer_note"], data.buyer_note)
    canvas.showPage()
    canvas.save()


def _note(page: _Page, heading: str, text: str) -> None:
    writer = page.writer
    lines = writer.wrap(text, page.width - 12, 11)
    height = min(len(lines) * 11 * 1.18 + 30, page.size[1] - 2 * M - 30)
    bottom = page.take(height + 10)
    writer.canvas.setLineWidth(0.8)
    writer.canvas.rect(M, bottom, page.width, height, stroke=1, fill=0)
    writer.text(M + 6, bottom + height - 14, heading, 10, bold=True)
    writer.block(Box(M + 6, bottom + 4, page.width - 12, height - 24), [text], 11)


def render_return_slip(data: ReturnSlipData, out: Out, paper: str = "A4",
                       language: str = "en") -> None:
    """Return slip: the RMA barcode is what the returns counter scans when it comes back."""
    size, say = paper_size(paper), captions(language)
    title = translate(Msg("Return {rma_number}", rma_number=data.rma_number),
                      slip_language(language))
    canvas = new_canvas(out, size, title)
    writer = Writer(canvas)
    page = _Page(writer, size, title)
    top = page.take(70)
    writer.block(Box(M, top + 36, page.width / 2, 34), [say["return_slip"]], 22, bold=True)
    writer.block(Box(M, top, page.width / 2, 34), [f"{say['order']} {data.order_number}"], 14)
    barcode_with_text(writer, Box(M + page.width / 2, top, page.width / 2, 70),
                      data.rma_number, "code128")
    address = data.return_address
    deadline = formats.day(data.deadline, slip_language(language)) if data.deadline else ""
    info = page.take(100)
    writer.block(Box(M, info, page.width / 2 - 8, 94),
                 [say["send_to"], address.name, address.phone, *address.lines()], 11)
    if deadline:
        writer.block(Box(M + page.width / 2, info, page.width / 2, 94),
                     [say["return_by"], deadline], 16, bold=True)
    if data.pickup_code:
        pickup = page.take(60)
        writer.block(Box(M, pickup + 24, page.width, 30), [say["pickup"]], 12, bold=True)
        writer.block(Box(M, pickup, page.width / 2, 26), [data.pickup_code], 22, bold=True)
        writer.block(Box(M + page.width / 2, pickup, page.width / 2, 26),
                     [data.pickup_carrier, data.pickup_window], 11)
    lines = [ReturnSlipLine(*line) for line in data.lines]
    _table(page, [(say["sku"], 0.25), (say["item"], 0.6), (say["qty"], 0.15)],
           [[ln.sku, ln.name, str(ln.quantity)] for ln in lines])
    if data.instructions.strip():
        _note(page, say["instructions"], data.instructions)
    canvas.showPage()
    canvas.save()


def render_product_labels(products: list[ProductLabel], out: Out,
                          size: tuple[float, float] = (2.25 * inch, 1.25 * inch),
                          dpi: int = 203) -> None:
    """One product or shelf label per page (a label printer's roll), name over barcode."""
    if not products:
        raise ValueError(Msg("no products to label"))
    canvas = new_canvas(out, size, Msg("Product labels"))
    writer = Writer(canvas)
    w, h = size
    pad = 2 * mm
    for item in (ProductLabel(*p) for p in products):
        writer.block(Box(pad, h - pad - 18, w - 2 * pad, 18), [item.name], 8, min_size=5)
        # 3 pt under the name: a second line's descenders (both names) stay off the bars
        barcode_with_text(writer, Box(pad, pad + 8, w - 2 * pad, h - 2 * pad - 29),
                          item.code, item.symbology, dpi=dpi, text_size=7)
        writer.text(pad, pad, item.sku, 7, bold=True)
        canvas.showPage()
    canvas.save()


def render_barcode_sheet(title: str, sections: list[BarcodeSheetSection], out: Out,
                         paper: str = "A4", language: str = "en") -> None:
    """A sheet of captioned barcodes in two columns (demo sheet, command sheet), its words
    in `language` (the codes stay as they scan)."""
    lang = slip_language(language)
    title = translate(title, lang)
    sections = [BarcodeSheetSection(translate(s.title, lang), [
        BarcodeEntry(translate(e[0], lang), *e[1:]) for e in s.entries]) for s in sections]
    size = paper_size(paper)
    canvas = new_canvas(out, size, title)
    writer = Writer(canvas)
    page = _Page(writer, size, title)
    writer.block(Box(M, page.take(34), page.width, 30), [title], 20, bold=True)
    for section in sections:
        if page.y - (8 + 22 + 92) < M:  # a heading starts a page rather than end one
            page.new()
        page.take(8)
        heading = page.take(22)
        writer.block(Box(M, heading, page.width, 20), [section.title], 14, bold=True)
        entries = [BarcodeEntry(*e) for e in section.entries]
        for start in range(0, len(entries), 2):
            bottom = page.take(92)
            for col, entry in enumerate(entries[start:start + 2]):
                x = M + col * page.width / 2
                cell = Box(x + 4, bottom + 4, page.width / 2 - 8, 84)
                writer.block(Box(cell.x, cell.top - 16, cell.width, 16), [entry.caption], 11,
                             bold=True)
                barcode_with_text(writer, Box(cell.x, cell.y, cell.width, 64),
                                  entry.code_text, entry.symbology)
    canvas.showPage()
    canvas.save()
