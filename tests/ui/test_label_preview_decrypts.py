"""The bench's Tools → Preview the last label shows what the printed label shows: a JD order
whose receiver JD masked is previewed with its plain receiver, decrypted by the channel
(jingdong.jos.order.oaid.decrypt, against JD's test gateway) as the printed label is, off
the main thread; the store never holds the plain receiver. The neighbour of
test_slip_reprint_decrypts.py."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.adapters.print_queue import StorePrintQueue
from app.services.bench import PackBenchService
from app.services.permissions import Screen
from app.settings import StationSettings
from printing.job_log import MemoryJobLog
from printing.order_documents import LabelPrinting
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from sync.jd import JdAdapter, JdCredentials
from sync.receiver_reveal import ChannelReceiverReveal
from tests.channel_servers.jd_server import PLAIN_RECEIVER
from tests.integration.sync.test_receiver_decrypt import store_bytes
from tests.ui.test_slip_reprint_decrypts import _masked_jd_order
from ui import station_parts
from ui.app import build_bench_app
from ui.print_log import PrintBridge


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_preview_of_the_last_label_shows_the_plain_receiver_as_the_printed_label_does(
        qtbot, demo_store, uow, jd_server, sqlite_url, tmp_path, monkeypatch):
    jd_server.decrypt_permitted = True
    number = _masked_jd_order(uow, jd_server)
    with uow() as u:
        tea = u.products.get("TEA-001").barcodes[0].code
    reveal = ChannelReceiverReveal.from_store(uow, lambda view: JdAdapter(JdCredentials(
        f"{jd_server.url}/routerjson", jd_server.app_key, jd_server.app_secret,
        jd_server.access_token)))
    labels = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels"))
    bridge = PrintBridge()
    spooler = Spooler(MemoryJobLog(), on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(demo_store.engine, "b1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelPrinting(labels, spooler, reveal))
    station_parts.attach_printing(app, spooler, bridge, labels, labels, uow, reveal)
    shown: list = []
    monkeypatch.setattr(station_parts, "_show_window", shown.append)
    qtbot.addWidget(app.window)
    app.window.show()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000):
            app.window.on_scan(number, "", "wedge")
        app.window.on_scan(tea, "", "wedge")
        qtbot.waitUntil(lambda: "printed on" in app.bench.label_status.text(), timeout=15000)
        app.window.tools[Screen.LABEL_PREVIEW]()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=15000)
        [preview] = shown
        previewed = _text(bytes(preview._bytes))
    finally:
        app.shutdown()
        spooler.close()
    [printed_pdf] = (tmp_path / "labels").glob("*.pdf")
    printed = _text(printed_pdf.read_bytes())
    for text in (printed, previewed):
        assert PLAIN_RECEIVER["customerName"] in text and "王**" not in text, text
    assert sum("jingdong.jos.order.oaid.decrypt" in r for r in jd_server.request_log) == 2
    demo_store.dispose()
    written = store_bytes(sqlite_url)
    assert "王**".encode() in written
    for value in (PLAIN_RECEIVER["customerName"], PLAIN_RECEIVER["consMobilePhone"]):
        assert value.encode() not in written, value
