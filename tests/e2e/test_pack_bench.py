"""A packer's order, start to finish, driven by key events alone.

Log in, open an order by scanning it, a wrong item, an over-scan, undo, a multiple
(type 2, then scan), and the last item: the order completes and its label comes out.
Then the store and the label are checked as a supervisor would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from tests.e2e.driver import decode_pdf_barcodes, scan, type_keys
from ui.app import build_bench_app


@pytest.fixture
def order_to_pack(demo_store, uow):
    """PD-900001: three of one product and one of another; a third product is the wrong one."""
    with uow() as u:
        first, second, wrong = (u.products.get(s) for s in ("TEA-001", "CUP-002", "POT-003"))
        order = Order("PD-900001", "shopify", "#9001", "Zoë Lefèvre", "+33 1 42 68 53 00",
                      Address("Zoë Lefèvre", "+33 1 42 68 53 00", "12 rue de l'Église",
                              city="Paris", postcode="75015", country="FR"),
                      [OrderLine(first.sku, first.name, 3), OrderLine(second.sku, second.name, 1)])
        u.orders.add(order)
        for line in order.lines:
            u.stock.get(line.sku).reserve(line.quantity, order.number, u.now(), "intake")
        u.commit()
        codes = {p.sku: p.barcodes[0].code for p in (first, second, wrong)}
        versions = {sku: u.stock.get(sku).version for sku in codes}
    return {"codes": codes, "versions": versions}


@pytest.fixture
def bench_app(qtbot, demo_store, uow, tmp_path):
    settings = StationSettings(station_id="bench-1", language="en")
    bench_app = build_bench_app(PackBenchService(uow), settings, "test store",
                                LabelToFolder(tmp_path / "labels"))
    qtbot.addWidget(bench_app.window)
    bench_app.window.show()
    qtbot.waitExposed(bench_app.window)
    bench_app.window.activateWindow()
    yield bench_app
    bench_app.shutdown()


def _expect(qtbot, bench, result: str):
    return qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                            check_params_cb=lambda r, _m: r == result)


def test_a_packer_packs_an_order_with_key_events_alone(qtbot, bench_app, order_to_pack, store,
                                                        tmp_path):
    window, bench = bench_app.window, bench_app.bench
    codes = order_to_pack["codes"]
    qtbot.waitUntil(bench_app.login.name.hasFocus)
    type_keys(window, "Ann")
    type_keys(window, "1234")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=5000)
    assert "Ann" in window.who.text()

    with _expect(qtbot, bench, "opened"):
        scan(window, "PD-900001")
    with _expect(qtbot, bench, "verified"):
        scan(window, codes["TEA-001"])
    with _expect(qtbot, bench, "wrong_item") as wrong:
        scan(window, codes["POT-003"])
    assert "POT-003" in wrong.args[1] and "CUP-002" in wrong.args[1]
    with _expect(qtbot, bench, "verified"):
        scan(window, codes["CUP-002"])
    with _expect(qtbot, bench, "over_scan"):
        scan(window, codes["CUP-002"])
    with _expect(qtbot, bench, "undone"):
        scan(window, "PD:UNDO")
    assert bench.order.items_verified == 1
    type_keys(window, "2", enter=False)
    with _expect(qtbot, bench, "verified"):
        scan(window, codes["TEA-001"])
    assert bench.order.lines[0].verified == 3
    with qtbot.waitSignal(bench.label_done, timeout=15000) as label:
        scan(window, codes["CUP-002"])
    assert bench.banner.property("result") == "complete"
    assert bench.session_id is None

    _check_store(store, order_to_pack["versions"])
    tracking = _tracking_number(store)
    assert tracking in decode_pdf_barcodes(Path(label.args[0]), tmp_path)


def _check_store(store, versions_before: dict[str, int]) -> None:
    with store.engine.connect() as db:
        order = db.execute(select(orm.orders).where(orm.orders.c.number == "PD-900001")).one()
        assert order.status == "packed"
        assert order.version > 1
        events = db.execute(select(orm.scan_events.c.result, orm.scan_events.c.sku,
                                   orm.scan_events.c.quantity, orm.scan_events.c.undone_at)
                            .where(orm.scan_events.c.order_number == "PD-900001")
                            .order_by(orm.scan_events.c.id)).all()
        assert [(e.result, e.sku, e.quantity, e.undone_at is not None) for e in events] == [
            ("verified", "TEA-001", 1, False), ("wrong_item", "POT-003", 0, False),
            ("verified", "CUP-002", 1, True), ("over_scan", "CUP-002", 0, False),
            ("verified", "TEA-001", 2, False), ("verified", "CUP-002", 1, False)]
        moves = db.execute(select(orm.stock_moves.c.sku, orm.stock_moves.c.quantity,
                                  orm.stock_moves.c.from_bucket, orm.stock_moves.c.to_bucket)
                           .where(orm.stock_moves.c.order_number == "PD-900001",
                                  orm.stock_moves.c.reason == "packed")).all()
        assert sorted(moves) == [("CUP-002", 1, "awaiting_shipment", "shipped"),
                                 ("TEA-001", 3, "awaiting_shipment", "shipped")]
        for sku, before in versions_before.items():
            after = db.execute(select(orm.stock_items.c.version)
                               .where(orm.stock_items.c.sku == sku)).scalar_one()
            assert after == before + (1 if sku != "POT-003" else 0)
        transitions = db.execute(select(orm.order_transitions.c.to_status, orm.order_transitions.c.by)
                                 .where(orm.order_transitions.c.order_id == order.id)
                                 .order_by(orm.order_transitions.c.id)).all()
        assert [tuple(t) for t in transitions] == [("packing", "Ann"), ("packed", "Ann")]


def _tracking_number(store) -> str:
    with store.engine.connect() as db:
        return db.execute(select(orm.orders.c.tracking_number)
                          .where(orm.orders.c.number == "PD-900001")).scalar_one()
