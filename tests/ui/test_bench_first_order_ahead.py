"""Issue 14: the first order a bench paints costs more than the next ones (the next-item
panel shown and laid out the first time, glyphs drawn, Qt's enums made on first use). The
warm-up reads the store's newest order while the login screen shows; the bench paints it
once, unseen, when it first shows, and is idle again before the screen is painted."""

from __future__ import annotations

import pytest

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _station(qtbot, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    return app


def test_the_newest_order_is_painted_unseen_when_the_bench_first_shows(
        qtbot, demo_store, uow, tmp_path):
    app = _station(qtbot, uow, tmp_path)
    bench = app.bench
    rows_at_reset: list[int] = []
    bench.lines_model.modelReset.connect(lambda: rows_at_reset.append(
        bench.lines_model.rowCount()))
    app.window.show()
    qtbot.waitUntil(lambda: not app.tasks.ops.in_flight, timeout=10000)
    assert rows_at_reset == []  # the login screen shows: the bench is not painted yet
    said = bench.banner.text()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is bench, timeout=5000)
    assert len(rows_at_reset) == 2 and rows_at_reset[0] > 0 and rows_at_reset[1] == 0
    # and the packer sees the idle bench, not that order
    assert bench.order_number.text() == "Scan an order"
    assert not bench.next_item.isVisible()
    assert bench.lines_model.rowCount() == 0
    assert said == "" and bench.banner.text() == ""  # no verdict yet: the warm-up says none
    assert bench.order is None and bench.session_id is None


def test_an_order_on_screen_is_never_replaced_by_the_warm_up_order(
        qtbot, demo_store, uow, tmp_path):
    app = _station(qtbot, uow, tmp_path)
    bench = app.bench
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is bench, timeout=5000)
    with qtbot.waitSignal(bench.verdict_shown, timeout=10000):
        app.window.on_scan("PD-100003", "", "wedge")
    assert bench.order is not None and bench.order.number == "PD-100003"
    newest = PackBenchService(uow).warm_up()
    assert newest is not None and newest.number != "PD-100003"
    bench.paint_first_order_ahead(newest)
    assert bench.order_number.text() == "PD-100003"
    assert bench.lines_model.rowCount() == len(bench.order.lines)
