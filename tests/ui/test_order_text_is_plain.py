"""Text from an order is shown as typed: markup in a ship name or address neither restyles
nor hides anything on the bench."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_markup_in_an_order_is_shown_as_text(qtbot, demo_store, uow, tmp_path):
    with uow() as u:
        tea = u.products.get("TEA-001")
        u.orders.add(Order("PD-900999", "manual", "#999", "<font size=40>Big</font>", "+86 1",
                           Address("<font size=40>Big</font>", "+86 1", "1 Road <!-- hidden",
                                   city="Shanghai", postcode="200001", country="CN"),
                           [OrderLine(tea.sku, tea.name, 1)], buyer_note="<b>bold</b>"))
        u.stock.get(tea.sku).reserve(1, "PD-900999", u.now(), "intake")
        u.commit()
    app = build_bench_app(PackBenchService(uow_factory(demo_store.session_factory, "B1")),
                          StationSettings(station_id="B1", language="en"), "test",
                          LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000):
        app.window.on_scan("PD-900999", "", "wedge")
    qtbot.waitUntil(lambda: "PD-900999" in app.bench.order_number.text(), timeout=5000)
    shown = app.bench.ship_to.text() + app.bench.order_meta.text()
    assert "<font size=40>Big</font>" in shown and "<!-- hidden" in shown
    for label in (app.bench.ship_to, app.bench.order_meta, app.bench.banner):
        assert label.textFormat() == Qt.TextFormat.PlainText
    app.shutdown()
