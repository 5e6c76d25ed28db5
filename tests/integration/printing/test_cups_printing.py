"""Printing through a real cupsd: a cups-pdf queue and a raw queue to a ZPL listener."""

import subprocess
import threading
import uuid

import pytest
from pypdf import PdfReader

from printing.documents import PackingSlipData
from printing.printers import CupsPrinter, PrinterUnavailable
from printing.spooler import JobState, MemoryJobLog, RetryPolicy, Spooler
from printing.station import (
    DocumentKind,
    PrinterKind,
    Route,
    StationProfile,
    render_labels,
    render_slip,
)
from printing.zpl import read_labels
from tests.integration.printing.pdftools import decode, fonts_of, rasterise
from tests.parts.cups import lpadmin
from tests.unit.printing.samples import SEOUL, TOKYO, label

pytestmark = pytest.mark.cups


@pytest.fixture
def spooler():
    queue = Spooler(MemoryJobLog(), RetryPolicy(first_delay=0.05, factor=2, max_delay=0.5))
    yield queue
    queue.close()


def test_a_label_printed_to_the_pdf_queue_comes_back_and_scans(cups_server, tmp_path):
    route = Route(PrinterKind.CUPS, cups_server.pdf_queue, "4x6")
    printer = CupsPrinter(cups_server.pdf_queue)
    job_id = printer.submit(render_labels([label("PD0000004213ZX", receiver=TOKYO)], route))
    printed = cups_server.pdf_of_job(job_id)
    assert printer.job_state(job_id) == "completed"
    box = PdfReader(printed).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (288, 432)
    (page,) = rasterise(printed, 203, tmp_path / "png")
    assert decode(page) == ["PD0000004213ZX"]
    assert any("WenQuanYi" in f["name"] and f["emb"] == "yes" for f in fonts_of(printed))


def test_a_batch_through_the_spooler_is_one_job_with_a_page_per_order(cups_server, spooler,
                                                                       tmp_path):
    station = StationProfile("bench 1", {DocumentKind.SHIPPING_LABEL: Route(
        PrinterKind.CUPS, cups_server.pdf_queue, "100x150")})
    route = station.route_for(DocumentKind.SHIPPING_LABEL)
    numbers = [f"ZX{n:08d}CN" for n in range(6)]
    labels = [label(n, receiver=SEOUL if i % 2 else TOKYO) for i, n in enumerate(numbers)]
    job_id = spooler.submit_batch(station.printer_for(DocumentKind.SHIPPING_LABEL),
                                  "6 labels", len(labels),
                                  lambda p, c: render_labels(labels, route, p, c))
    job = spooler.wait(job_id, 60)
    assert job.state is JobState.ACCEPTED, job.reason
    assert spooler.printer_state(job_id) in ("pending", "processing", "completed")
    printed = cups_server.pdf_of_job(job.reference)
    assert spooler.printer_state(job_id) == "completed"
    pages = rasterise(printed, 203, tmp_path / "png")
    assert [decode(p) for p in pages] == [[n] for n in numbers]


def test_zpl_through_the_raw_queue_reaches_the_printer_as_zpl(cups_server):
    route = Route(PrinterKind.CUPS, cups_server.zpl_queue)
    document = render_labels([label("ZX12345678CN", receiver=TOKYO)],
                             Route(PrinterKind.ZPL_TCP, "127.0.0.1:9100"))
    before = len(cups_server.zpl_listener.payloads)
    CupsPrinter(route.target).submit(document)
    received = cups_server.zpl_listener.wait_for(before + 1)[-1]
    (fields,) = read_labels(received)
    assert [f.data for f in fields if f.command == "^BC"] == ["ZX12345678CN"]
    assert TOKYO.name in [f.data for f in fields]


def test_a_missing_queue_is_named_then_the_job_prints_when_it_is_added(cups_server, spooler):
    queue = f"PACKDESK_LATE_{uuid.uuid4().hex[:8]}"
    waiting = threading.Event()
    spooler.on_change = lambda job: waiting.set() if "no such print queue" in job.reason \
        else None
    route = Route(PrinterKind.CUPS, queue)
    job_id = spooler.submit(CupsPrinter(queue), render_labels([label()], route))
    assert waiting.wait(20), "the spooler never reported the missing queue"
    assert spooler.job(job_id).state is not JobState.ACCEPTED
    lpadmin("-p", queue, "-E", "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd")
    try:
        job = spooler.wait(job_id, 30)
        assert job.state is JobState.ACCEPTED, job.reason
        assert job.attempts >= 2
        cups_server.pdf_of_job(job.reference)
    finally:
        lpadmin("-x", queue)


def test_a_stopped_queue_says_so_and_prints_once_enabled(cups_server, spooler):
    queue = f"PACKDESK_STOPPED_{uuid.uuid4().hex[:8]}"
    lpadmin("-p", queue, "-E", "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd")
    subprocess.run(["cupsdisable", "-r", "out of labels", queue], check=True)
    try:
        with pytest.raises(PrinterUnavailable, match="stopped"):
            CupsPrinter(queue).submit(render_labels([label()], Route(PrinterKind.CUPS, queue)))
        job_id = spooler.submit(CupsPrinter(queue),
                                render_labels([label()], Route(PrinterKind.CUPS, queue)))
        subprocess.run(["cupsenable", queue], check=True)
        job = spooler.wait(job_id, 30)
        assert job.state is JobState.ACCEPTED, job.reason
        cups_server.pdf_of_job(job.reference)
    finally:
        lpadmin("-x", queue)


def test_a_packing_slip_prints_on_a4(cups_server, tmp_path):
    slip = PackingSlipData("PD-000777", "Shopify", "#1002", "김민수", SEOUL,
                           [("SKU-1", "보온병", 2, "B-03")], "문 앞에 놓아 주세요")
    route = Route(PrinterKind.CUPS, cups_server.pdf_queue, "A4")
    job_id = CupsPrinter(route.target).submit(render_slip(slip, route))
    printed = cups_server.pdf_of_job(job_id)
    box = PdfReader(printed).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert decode(rasterise(printed, 150, tmp_path / "png")[0]) == ["PD-000777"]


def test_labels_go_as_one_print_job_naming_their_format_on_one_kept_connection(cups_server,
                                                                              tmp_path):
    """Issue 14: no cupsd auto-typing (the format is named) and no connection per label."""
    import cups

    route = Route(PrinterKind.CUPS, cups_server.pdf_queue, "4x6")
    printer = CupsPrinter(cups_server.pdf_queue)
    first = printer.submit(render_labels([label("PD0000000001ZX", receiver=TOKYO)], route))
    kept = printer._ipp()._http.sock
    second = printer.submit(render_labels([label("PD0000000002ZX", receiver=SEOUL)], route))
    assert printer._ipp()._http.sock is kept
    attrs = cups.Connection().getJobAttributes(int(second), requested_attributes=[
        "document-format", "media", "job-name"])
    assert attrs["document-format"] == "application/pdf"
    assert attrs["media"] == "Custom.4x6in"
    assert int(second) > int(first)
    cups_server.pdf_of_job(first)
    (page,) = rasterise(cups_server.pdf_of_job(second), 203, tmp_path / "png")
    assert decode(page) == ["PD0000000002ZX"]


def test_a_kept_connection_cupsd_dropped_is_opened_again_and_the_label_prints(cups_server):
    import socket

    route = Route(PrinterKind.CUPS, cups_server.pdf_queue, "4x6")
    printer = CupsPrinter(cups_server.pdf_queue)
    printer.submit(render_labels([label("PD0000000003ZX")], route))
    printer._ipp()._http.sock.shutdown(socket.SHUT_RDWR)  # as cupsd's idle timeout does
    job_id = printer.submit(render_labels([label("PD0000000004ZX")], route))
    cups_server.pdf_of_job(job_id)
    assert printer.job_state(job_id) == "completed"


@pytest.fixture
def sent(monkeypatch):
    """The IPP operations our client sends, and from which thread (a spy on our client:
    the requests still go to the real cupsd)."""
    from printing import ipp

    operations: list[tuple[str, int]] = []
    request = ipp.IppConnection.request

    def spy(self, path, operation, *args, **kwargs):
        operations.append((threading.current_thread().name, operation))
        return request(self, path, operation, *args, **kwargs)

    monkeypatch.setattr(ipp.IppConnection, "request", spy)
    return operations


def test_the_state_asked_while_the_label_renders_is_its_jobs_check(cups_server, spooler,
                                                                    sent):
    from printing.ipp import GET_PRINTER_ATTRIBUTES as STATE
    from printing.ipp import PRINT_JOB

    route = Route(PrinterKind.CUPS, cups_server.pdf_queue, "4x6")
    printer = CupsPrinter(cups_server.pdf_queue)
    here = threading.current_thread().name
    first, second = (render_labels([label(n)], route) for n in ("PD05ZX", "PD06ZX"))
    printer.check_ahead()
    job_id = printer.submit(first)
    printer.submit(second)  # one job per answer
    assert sent == [(here, STATE), (here, PRINT_JOB), (here, STATE), (here, PRINT_JOB)]
    cups_server.pdf_of_job(job_id)

    sent.clear()
    asked = threading.Event()
    printer.check_ahead = lambda: (CupsPrinter.check_ahead(printer), asked.set())
    third = render_labels([label("PD07ZX")], route)
    spooler.expect(printer)  # LabelPrinting does, before it renders the label
    assert asked.wait(10), "the idle spooler never asked the queue's state"
    job = spooler.wait(spooler.submit(printer, third), 30)
    assert job.state is JobState.ACCEPTED, job.reason
    assert sent == [("print-spooler", STATE), ("print-spooler", PRINT_JOB)]
    cups_server.pdf_of_job(job.reference)


def test_a_queue_stopped_when_asked_ahead_is_asked_again_and_named(cups_server):
    queue = f"PACKDESK_AHEAD_{uuid.uuid4().hex[:8]}"
    lpadmin("-p", queue, "-E", "-v", "cups-pdf:/", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd")
    try:
        printer = CupsPrinter(queue)
        subprocess.run(["cupsdisable", "-r", "out of labels", queue], check=True)
        printer.check_ahead()
        with pytest.raises(PrinterUnavailable, match="stopped"):
            printer.submit(render_labels([label()], Route(PrinterKind.CUPS, queue)))
    finally:
        lpadmin("-x", queue)
