"""GS1 codes at the bench: the GTIN finds the product, lot and serial are kept, and the
same serial twice in one order is refused."""

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.domain.barcodes import gtin_check_digit
from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app

GS = "\x1d"


@pytest.fixture
def gs1_order(demo_store, uow):
    """PD-900003: three units of TEA-001, scanned by the GS1 codes on their packs."""
    with uow() as u:
        tea = u.products.get("TEA-001")
        order = Order("PD-900003", "shopify", "#9003", "Emma Johnson", "+1 503 555 0100",
                      Address("Emma Johnson", city="Portland", country="US"),
                      [OrderLine(tea.sku, tea.name, 3)])
        u.orders.add(order)
        u.stock.get(tea.sku).reserve(3, order.number, u.now())
        u.commit()
        ean = tea.barcodes[0].code
    assert gtin_check_digit(ean[:-1]) == int(ean[-1])
    return "0" + ean  # the GTIN-14 of an EAN-13


@pytest.fixture
def bench_app(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app
    app.shutdown()


def _scan(qtbot, bench_app, text, symbology, result):
    with qtbot.waitSignal(bench_app.bench.verdict_confirmed, timeout=5000,
                          check_params_cb=lambda r, _m: r == result):
        bench_app.window.on_scan(text, symbology, "wedge")


def test_gs1_scans_record_lot_and_serial_and_refuse_a_repeated_serial(qtbot, bench_app, gs1_order,
                                                                       store):
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000):
        bench_app.window.on_scan("PD-900003", "", "wedge")
    gtin = gs1_order
    _scan(qtbot, bench_app, f"]C101{gtin}10LOT-A{GS}21SN0001", "gs1-128", "verified")
    _scan(qtbot, bench_app, f"(01){gtin}(10)LOT-A(21)SN0001", "", "duplicate_serial")
    _scan(qtbot, bench_app, f"01{gtin}10LOT-B{GS}21SN0002", "gs1-datamatrix", "verified")
    with store.engine.connect() as db:
        rows = db.execute(select(orm.scan_events.c.result, orm.scan_events.c.lot,
                                 orm.scan_events.c.serial)
                          .where(orm.scan_events.c.order_number == "PD-900003")
                          .order_by(orm.scan_events.c.id)).all()
    assert [tuple(r) for r in rows] == [("verified", "LOT-A", "SN0001"),
                                        ("duplicate_serial", "LOT-A", "SN0001"),
                                        ("verified", "LOT-B", "SN0002")]


def test_a_gs1_code_that_does_not_parse_is_named_and_nothing_is_written(qtbot, bench_app,
                                                                        gs1_order):
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000):
        bench_app.window.on_scan("PD-900003", "", "wedge")
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000) as shown:
        bench_app.window.on_scan("(01)123", "", "wedge")
    assert shown.args[0] == "problem" and "GS1" in shown.args[1]
