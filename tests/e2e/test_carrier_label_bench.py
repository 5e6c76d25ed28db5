"""The label is the carrier's, at the bench, with key events alone (issue 17's acceptance):
pack an order, the label printed is the one the EasyPost test server returned (its barcode
is the carrier's tracking number), scan-out, the order is shipped, a tracking webhook makes
it delivered, and the channel heard the carrier's number."""

from __future__ import annotations

import time

import pytest

from app.domain.orders import OrderStatus
from app.services.bench import PackBenchService
from app.services.handover import scan_out
from app.services.leases import Claimant
from app.services.tracking import record_tracking
from app.settings import StationSettings
from printing.carrier_labels import CarrierLabelPrinting
from printing.carriers.easypost import parse_webhook
from printing.order_documents import LabelPrinting
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from tests.e2e.driver import decode_pdf_barcodes, scan, type_keys
from tests.parts.shipment_store import carrier_store, easypost_carriers, take_orders
from ui.app import build_bench_app


@pytest.fixture
def carrier_bench(qtbot, store, uow, easypost_server, tmp_path):
    carrier_store(uow, easypost_server.url)
    spooler = Spooler()
    labels = CarrierLabelPrinting(
        LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels")), spooler),
        spooler, easypost_carriers(), uow, Claimant.for_station("bench-1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="bench-1",
                                                                 language="en"),
                          "test store", labels)
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    yield app, tmp_path / "labels"
    app.shutdown()
    spooler.close()


def test_the_carriers_label_prints_and_the_parcel_is_followed_to_the_door(
        qtbot, carrier_bench, uow, easypost_server, tmp_path):
    app, folder = carrier_bench
    window, bench = app.window, app.bench
    number = take_orders(uow, 1)[0]
    qtbot.waitUntil(app.login.name.hasFocus)
    type_keys(window, "Ann")
    type_keys(window, "1234")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=5000)
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda r, _m: r == "opened"):
        scan(window, number)
    with (qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                           check_params_cb=lambda r, _m: r == "complete") as complete,
          qtbot.waitSignal(bench.label_done, timeout=20000) as label):
        scan(window, "SCAN-IPOD2008RED")
    assert complete.args[1] == (f"Order {number} packed. Asking EasyPost USPS for its label… "
                                "Scan the next order.")
    tracking = easypost_server.bought[0][1]
    assert label.args[0].startswith(f"{tracking}: job ")
    deadline = time.monotonic() + 20
    while not list(folder.glob("*.pdf")) and time.monotonic() < deadline:
        qtbot.wait(20)
    [printed] = list(folder.glob("*.pdf"))
    assert decode_pdf_barcodes(printed, tmp_path) == [tracking]

    assert not scan_out(tracking, "dock-1", "Ann", uow()).already
    easypost_server.move(tracking, "delivered", "Delivered, front porch", "San Francisco")
    body, signature = easypost_server.webhook(tracking)
    record_tracking(parse_webhook(body, easypost_server.webhook_secret, signature), uow())
    with uow() as u:
        order = u.orders.get(number)
        assert order.status == OrderStatus.DELIVERED and order.tracking_number == tracking
        assert order.last_transition_to(OrderStatus.SHIPPED).station == "dock-1"
        [heard] = [dict(m.payload) for m in u.outbox.messages() if m.kind == "fulfilment"]
    assert (heard["order_number"], heard["tracking_number"]) == (number, tracking)
