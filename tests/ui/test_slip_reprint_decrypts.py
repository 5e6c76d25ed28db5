"""The packing slip printed again at the bench (Tools → Print the packing slip of this order)
goes through the channel's decrypt as the label does: a JD order whose receiver JD masked
prints its plain receiver (jingdong.jos.order.oaid.decrypt, against JD's test gateway) on
the slip, and the store never holds it, not even in the print queue."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.adapters.print_queue import StorePrintQueue
from app.domain.orders import Address
from app.services.bench import PackBenchService
from app.services.channel_stock import add_channel
from app.services.intake import IncomingLine, IncomingOrder, take_in
from app.services.permissions import Screen
from app.settings import StationSettings
from printing.job_log import MemoryJobLog
from printing.order_documents import LabelPrinting
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from sync.jd import JdAdapter, JdCredentials
from sync.receiver_reveal import ChannelReceiverReveal
from tests.channel_servers.jd_server import PLAIN_RECEIVER
from tests.integration.sync.test_receiver_decrypt import store_bytes
from ui import station_parts
from ui.app import build_bench_app
from ui.print_log import PrintBridge


def _masked_jd_order(uow, jd_server) -> str:
    order_id = next(iter(jd_server.orders))
    add_channel(uow(), "jd-shop", "jd", settings={"receiver_decrypt": "granted"})
    incoming = IncomingOrder("jd-shop", order_id, "open", "", "139****4321",
                             Address("王**", "139****4321", "北京朝阳区****", "", "朝阳区",
                                     "北京", "", "CN"),
                             (IncomingLine("L1", "TEA-001", "Tea", 1),))
    [result] = take_in([incoming], uow())
    assert result.outcome == "created", result
    return result.order_number


def test_the_slip_printed_again_at_the_bench_shows_the_plain_receiver_and_the_store_never_holds_it(  # noqa: E501
        qtbot, demo_store, uow, jd_server, sqlite_url, tmp_path):
    jd_server.decrypt_permitted = True
    number = _masked_jd_order(uow, jd_server)
    reveal = ChannelReceiverReveal.from_store(uow, lambda view: JdAdapter(JdCredentials(
        f"{jd_server.url}/routerjson", jd_server.app_key, jd_server.app_secret,
        jd_server.access_token)))
    labels = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels"))
    slips = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "slips"), "A4")
    bridge = PrintBridge()
    spooler = Spooler(MemoryJobLog(), on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(demo_store.engine, "b1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelPrinting(labels, spooler, reveal))
    station_parts.attach_printing(app, spooler, bridge, labels, slips, uow, reveal)
    qtbot.addWidget(app.window)
    app.window.show()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        app.window.on_scan(number, "", "wedge")
        qtbot.waitUntil(lambda: app.bench.order is not None, timeout=10000)
        app.window.tools[Screen.PACKING_SLIP]()
        qtbot.waitUntil(lambda: "Packing slip" in app.bench.label_status.text(), timeout=15000)
        [job] = spooler.jobs()
        assert spooler.wait(job.id, 10).state is JobState.ACCEPTED
    finally:
        app.shutdown()
        spooler.close()
    [pdf] = (tmp_path / "slips").glob("*.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    ship_to = text.split("Ship to:")[1].split("SKU")[0]
    assert PLAIN_RECEIVER["customerName"] in ship_to and "*" not in ship_to
    assert sum("jingdong.jos.order.oaid.decrypt" in r for r in jd_server.request_log) == 1
    demo_store.dispose()
    written = store_bytes(sqlite_url)
    assert "王**".encode() in written  # the file read is the store the order is in
    for value in (PLAIN_RECEIVER["customerName"], PLAIN_RECEIVER["consMobilePhone"]):
        assert value.encode() not in written, value
