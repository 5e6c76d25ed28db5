"""Back-ends refusing work say why; routes and profiles check what they are given."""

import pytest

from printing.documents import PackingSlipData
from printing.printers import (
    PDF,
    ZPL,
    CupsPrinter,
    Document,
    PdfFolderPrinter,
    PrinterUnavailable,
    RawTcpPrinter,
)
from printing.station import (
    DocumentKind,
    PrinterKind,
    Route,
    StationProfile,
    make_printer,
    render_labels,
    render_slip,
)
from printing.zpl import read_labels
from tests.parts.cups import free_port
from tests.unit.printing.samples import TOKYO, label


def test_no_cups_scheduler_is_a_clear_message(tmp_path):
    printer = CupsPrinter("PDF", server=str(tmp_path / "no-cupsd.sock"))
    with pytest.raises(PrinterUnavailable, match="CUPS scheduler is not running") as caught:
        printer.submit(Document("x", b"%PDF"))
    assert caught.value.printer == "CUPS queue PDF"


def test_a_raw_printer_that_is_off_is_a_clear_message():
    with pytest.raises(PrinterUnavailable, match="switched on"):
        RawTcpPrinter("127.0.0.1", free_port()).submit(Document("x", b"^XA^XZ", ZPL))


def test_the_folder_printer_writes_whole_files_with_the_title(tmp_path):
    printer = PdfFolderPrinter(tmp_path / "out")
    first = printer.submit(Document("Label PD/1: 山田", b"%PDF-1"))
    second = printer.submit(Document("Label PD/1: 山田", b"%PDF-2", PDF))
    assert first != second
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "out").iterdir()) == \
        ["Label_PD_1_山田"] * 2
    assert not list((tmp_path / "out").glob("*.part"))


def test_routes_pick_the_document_language():
    zpl_route = Route(PrinterKind.ZPL_TCP, "10.0.0.7:9100", "4x6", 300)
    document = render_labels([label(receiver=TOKYO)], zpl_route)
    assert document.content_type == ZPL and read_labels(document.content)
    assert make_printer(zpl_route) == RawTcpPrinter("10.0.0.7", 9100)
    assert make_printer(Route(PrinterKind.ZPL_TCP, "zebra1")) == RawTcpPrinter("zebra1", 9100)
    pdf_route = Route(PrinterKind.CUPS, "LABELS", "100x150")
    document = render_labels([label(), label("ZX2")], pdf_route)
    assert (document.content_type, document.media, document.pages) == \
        (PDF, "Custom.100x150mm", 2)
    assert document.content.startswith(b"%PDF")


def test_route_and_profile_mistakes_are_named():
    with pytest.raises(ValueError, match="unknown paper"):
        Route(PrinterKind.CUPS, "X", "A5")
    with pytest.raises(ValueError, match="needs a target"):
        Route(PrinterKind.CUPS, " ")
    with pytest.raises(ValueError, match="host:port"):
        make_printer(Route(PrinterKind.ZPL_TCP, "zebra:http"))
    with pytest.raises(LookupError, match="no printer for packing slips"):
        StationProfile("bench 2").route_for(DocumentKind.PACKING_SLIP)
    with pytest.raises(ValueError, match="unknown paper '4x6'; use A4 or Letter"):
        render_slip(_slip(), Route(PrinterKind.CUPS, "X", "4x6"))
    with pytest.raises(ValueError, match="no labels"):
        render_labels([], Route(PrinterKind.CUPS, "X"))


def _slip():
    return PackingSlipData("PD-1", "Shop", "1", "Buyer", TOKYO, [("SKU", "Name", 1, "")])
