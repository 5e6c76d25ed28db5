"""The hardware test card: the codes a new bench's scanners must read, on one page.

The self-test screen (ui/selftest.py) asks for it and prints it on the slip printer; each
code is scanned at the self-test, which shows what arrived. The GS1 codes carry a lot and a
serial after it, so a scanner that drops the group separator (FNC1 / GS) shows it at once.
Modules are whole printer dots, as on every document here (printing/barcodes.py).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

import numpy as np
import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from app.domain.barcodes import TEST_CARD_GS1
from app.domain.messages import Msg
from app.domain.translation import translate
from app.services.carrier_setup import CarrierView
from printing.barcodes import dot, snap
from printing.documents import Address, ShippingLabelData
from printing.labels import Out, label_size, new_canvas
from printing.layout import Box, Writer
from printing.printers import PDF, ZPL, Document
from printing.sheets import SHEET_DPI, M, barcode_with_text, paper_size, slip_language
from printing.spooler import Spooler
from printing.station import CUPS_MEDIA, DocumentKind, Route, make_printer, render_labels
from printing.zpl import UNICODE_FONT, _Zpl  # the labels' own ZPL text writer

TEST_CARD_EAN13 = "9501101530003"  # the GS1 code's GTIN as the EAN-13 on a retail pack
TEST_CARD_CODE128 = "PD-SELFTEST-128"
DATAMATRIX_DOTS = 12  # one module: 12 dots at 300 dpi, 1 mm
LABEL_M = 12.0  # a test label's margin, in points


class CardCode(NamedTuple):
    caption: Msg
    text: str
    symbology: str  # gs1_128 | gs1_datamatrix | ean13 | code128


CARD = (
    CardCode(Msg("GS1-128: product number, expiry, lot and serial"), TEST_CARD_GS1, "gs1_128"),
    CardCode(Msg("GS1 DataMatrix: the same fields"), TEST_CARD_GS1, "gs1_datamatrix"),
    CardCode(Msg("EAN-13: a product's own barcode"), TEST_CARD_EAN13, "ean13"),
    CardCode(Msg("Code 128: an order or a command"), TEST_CARD_CODE128, "code128"),
)
TITLE = Msg("Scanner test card")
HOW_TO = Msg("Open Tools → Hardware self-test at the bench and scan each code. The screen "
             "shows what arrived, from which scanner and how fast; the GS1 codes are read "
             "field by field.")


def render_test_card(out: Out, paper: str = "A4", language: str = "en") -> None:
    """The card as a PDF: a title, what to do, and each code with its caption and text."""
    lang = slip_language(language)
    size = paper_size(paper)
    canvas = new_canvas(out, size, translate(TITLE, lang))
    writer = Writer(canvas)
    width, top = size[0] - 2 * M, size[1] - M
    top -= writer.block(Box(M, top - 30, width, 30), [translate(TITLE, lang)], 20, bold=True)
    top -= writer.block(Box(M, top - 48, width, 48), [translate(HOW_TO, lang)], 11) + 8
    for code in CARD:
        tall = 110 if code.symbology == "gs1_datamatrix" else 96
        writer.block(Box(M, top - 18, width, 18), [translate(code.caption, lang)], 12,
                     bold=True)
        box = Box(M, top - tall, width, tall - 22)
        if code.symbology == "gs1_datamatrix":
            _datamatrix(canvas, writer, box, code.text)
        else:
            barcode_with_text(writer, box, code.text, code.symbology)
        top -= tall + 10
    canvas.showPage()
    canvas.save()


def _datamatrix(canvas: Canvas, writer: Writer, box: Box, text: str) -> None:
    """A GS1 DataMatrix (zxing-cpp encodes it), drawn module by module on the dot grid,
    centred above its text."""
    matrix = np.array(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.DataMatrix,
                                              gs1=True).to_image(scale=1,
                                                                 add_quiet_zones=False))
    rows, columns = matrix.shape
    side = columns * DATAMATRIX_DOTS * dot(SHEET_DPI)
    left = snap(box.x + (box.width - side) / 2, SHEET_DPI)
    bottom = snap(box.y + 16, SHEET_DPI)
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(dot(SHEET_DPI), dot(SHEET_DPI))
    path = canvas.beginPath()
    for row in range(rows):
        for column in range(columns):
            if matrix[row, column] < 128:  # a dark module
                path.rect(column * DATAMATRIX_DOTS, (rows - 1 - row) * DATAMATRIX_DOTS,
                          DATAMATRIX_DOTS, DATAMATRIX_DOTS)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    writer.text(box.x + box.width / 2, box.y + 1, text, 11, align="center")


class TestCardPrinting:
    """Sends the test card to the station's slip printer (A4/Letter) through the spooler,
    as the command sheet goes: a job in the print log, retried while the printer is off."""

    __test__ = False  # not a pytest class, whatever its name

    def __init__(self, route: Route, spooler: Spooler, language: str = "en") -> None:
        self.route, self.spooler, self.language = route, spooler, language
        self.printer = make_printer(route)

    def __call__(self) -> str:
        paper = self.route.paper if self.route.paper in ("A4", "Letter") else "A4"
        buffer = io.BytesIO()
        render_test_card(buffer, paper, self.language)
        title = translate(TITLE, slip_language(self.language))
        job_id = self.spooler.submit(self.printer, Document(
            title, buffer.getvalue(), PDF, paper, 1, DocumentKind.BARCODE_SHEET.value))
        return Msg("job {job_id} → {name}", job_id=job_id, name=self.printer.name)


TEST_PAGE_CODE = "PD-TESTPAGE"
LABEL_TITLE = Msg("Label printer test")


def test_page(route: Route, language: str = "en") -> Document:
    """The page a printer prints at the station set-up: on slip paper (A4, Letter) the
    scanner test card; on label paper a label with a title and a Code 128; for a raw ZPL
    printer the same label in ZPL."""
    lang = slip_language(language)
    if route.paper in ("A4", "Letter"):
        buffer = io.BytesIO()
        render_test_card(buffer, route.paper, language)
        return Document(translate(TITLE, lang), buffer.getvalue(), PDF, route.paper, 1,
                        DocumentKind.BARCODE_SHEET.value)
    title = translate(LABEL_TITLE, lang)
    if route.wants_zpl:
        return Document(title, _test_label_zpl(route, title), ZPL, "", 1,
                        DocumentKind.BARCODE_SHEET.value)
    buffer = io.BytesIO()
    size = label_size(route.paper)
    canvas = new_canvas(buffer, size, title)
    writer = Writer(canvas)
    width, top = size[0] - 2 * LABEL_M, size[1] - LABEL_M
    top -= writer.block(Box(LABEL_M, top - 30, width, 30), [title], 18, bold=True)
    writer.block(Box(LABEL_M, top - 60, width, 60),
                 [translate(Msg("Printed from Station settings. The code below must scan as "
                                "{code}.", code=TEST_PAGE_CODE), lang)], 11)
    barcode_with_text(writer, Box(LABEL_M, LABEL_M, width, 110), TEST_PAGE_CODE, "code128",
                      dpi=route.dpi)
    canvas.showPage()
    canvas.save()
    return Document(title, buffer.getvalue(), PDF, CUPS_MEDIA[route.paper], 1,
                    DocumentKind.BARCODE_SHEET.value)


def _test_label_zpl(route: Route, title: str) -> bytes:
    """A ZPL test label: the title and the Code 128 of TEST_PAGE_CODE, at the route's dpi."""
    width, height = label_size(route.paper)
    z = _Zpl(route.dpi, UNICODE_FONT)
    z.parts += ["^XA", "^CI28", f"^PW{z.d(width)}", f"^LL{z.d(height)}", "^LH0,0"]
    z.text(20, 20, title, 18, width - 40)
    z.parts += [f"^FO{z.d(20)},{z.d(80)}^BY3^BCN,{z.d(80)},Y,N,N^FD{TEST_PAGE_CODE}^FS",
                "^XZ"]
    return ("\n".join(z.parts) + "\n").encode("utf-8")


TEST_LABEL_RECEIVER = Msg("TEST LABEL: DO NOT SHIP")


def carrier_test_label(carrier: CarrierView, route: Route) -> Document:
    """An own-range carrier's label as the bench prints it, with the range's next number
    (and its check digit) as the tracking code: the supervisor scans it to see the range
    is right. The number is not used up: the first parcel still gets it."""
    lang = slip_language(route.language)
    data = ShippingLabelData(
        order_number=translate(Msg("TEST"), lang), channel="",
        channel_order_id=translate(Msg("printed from Tools → Carriers"), lang),
        tracking_number=carrier.first_number, carrier=carrier.name, service=carrier.service,
        sender=Address(name=carrier.sender_name, phone=carrier.sender_phone,
                       line1=carrier.sender_address),
        receiver=Address(name=translate(TEST_LABEL_RECEIVER, lang)))
    document = render_labels([data], route)
    return replace(document, title=Msg("Test label {code} {tracking_number}",
                                       code=carrier.code,
                                       tracking_number=carrier.first_number))


class CarrierTestLabels:
    """Tools → Carriers → Print a test label: through the station's label printer and the
    spooler (a job in the print log, retried while the printer is off), like a parcel's."""

    __test__ = False  # not a pytest class, whatever its name

    def __init__(self, route: Callable[[], Route], spooler: Spooler) -> None:
        """`route()`: the station's label printer now (it may change in the settings)."""
        self.route, self.spooler = route, spooler

    def __call__(self, carrier: CarrierView) -> str:
        route = self.route()
        printer = make_printer(route)
        job_id = self.spooler.submit(printer, carrier_test_label(carrier, route),
                                     subject=carrier.code)
        return Msg("job {job_id} → {name}", job_id=job_id, name=printer.name)
