"""The bench's store work runs as operations (ui/ops.py): every scan and command is a
StoreOp in the bench's OpQueue, counted while in flight, and says what it changed, so the
order board refreshes when an order opened, was set aside or packed, and not at every item."""

from __future__ import annotations

import pytest

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from tests.ui.orders import one_item_order  # noqa: F401 (a fixture)
from ui.app import build_bench_app
from ui.ops import OpChanges


@pytest.fixture
def station(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app
    app.shutdown()


def _heard(station):
    told: list[tuple[OpChanges, object]] = []
    counts: list[int] = []
    station.tasks.ops.operation_did_execute.connect(lambda changes, who: told.append(
        (changes, who)))
    station.tasks.ops.in_flight_changed.connect(counts.append)
    return told, counts


def test_a_packed_order_is_told_to_the_views_as_orders_and_stock_changed(
        qtbot, station, one_item_order):  # noqa: F811
    bench = station.bench
    told, counts = _heard(station)
    station.window.on_scan("PD-900777", "", "wedge")
    assert station.tasks.ops.in_flight >= 1  # the scan is counted from the moment it is sent
    qtbot.waitUntil(lambda: bench.session_id is not None and not bench._busy, timeout=5000)
    assert told == [(OpChanges(orders=True), bench)]
    with qtbot.waitSignal(bench.label_done, timeout=10000):
        station.window.on_scan(one_item_order, "ean13", "wedge")
    assert "packed" in bench.banner.text()
    assert told[-1] == (OpChanges(orders=True, stock=True), bench)
    assert 1 in counts
    qtbot.waitUntil(lambda: station.tasks.ops.in_flight == 0, timeout=5000)


def test_an_item_that_does_not_finish_the_order_changes_nothing_others_show(qtbot, station):
    bench = station.bench
    station.window.on_scan("PD-100001", "", "wedge")
    qtbot.waitUntil(lambda: bench.session_id is not None and not bench._busy, timeout=5000)
    told, _counts = _heard(station)
    first = bench.order.lines[0]
    code = next(code for code, (sku, _units) in bench.painted._item_codes.items()
                if sku == first.sku)
    with qtbot.waitSignal(bench.verdict_confirmed, timeout=5000) as blocker:
        station.window.on_scan(code, "ean13", "wedge")
    assert blocker.args[0] == "verified"
    qtbot.waitUntil(lambda: not bench._busy, timeout=5000)
    assert told == []


def test_leaving_and_undoing_at_the_bench_go_through_the_operations(qtbot, station):
    bench = station.bench
    station.window.on_scan("PD-100001", "", "wedge")
    qtbot.waitUntil(lambda: bench.session_id is not None and not bench._busy, timeout=5000)
    told, counts = _heard(station)
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000):
        bench.undo_button.click()
    qtbot.waitUntil(lambda: not bench._busy, timeout=5000)
    assert told == [] and 1 in counts  # undone: counted, nothing the board shows changed
    counts.clear()
    bench.leave_button.click()
    qtbot.waitUntil(lambda: bench.session_id is None and not bench._busy, timeout=5000)
    assert told == [(OpChanges(orders=True), bench)] and 1 in counts
