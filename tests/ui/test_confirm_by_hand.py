"""Confirm by hand needs a supervisor, shows in its own colour (banner, line and scan log),
and the health dashboard counts the items each packer confirmed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.errors import NotAllowed
from app.services import commands as c
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app
from ui.dialogs import ConfirmByHandDialog, SupervisorDialog
from ui.feedback import look_for
from ui.health_dashboard import build_health_dashboard

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
VERIFIED_LINE = "#c8e6c9"


@pytest.fixture
def bench_app(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app
    app.shutdown()


def _dialog(qtbot, kind):
    def shown():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)
                and w.isVisible()]
    qtbot.waitUntil(lambda: bool(shown()), timeout=5000)
    return shown()[0]


def _two_unit_order(uow) -> str:
    """A ready order whose first line has two units or more and is not must-scan."""
    with uow() as u:
        return next(n for n in (f"PD-1000{i:02d}" for i in range(3, 40))
                    if (o := u.orders.get(n)) is not None and o.status == "ready"
                    and o.lines[0].quantity >= 2
                    and not u.products.get(o.lines[0].sku).must_scan)


def _line_colour(bench, row: int) -> str | None:
    brush = bench.lines_model.data(bench.lines_model.index(row, 1),
                                   Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else None


def test_confirm_by_hand_asks_a_supervisor_and_shows_in_its_own_colour(qtbot, bench_app, uow):
    number = _two_unit_order(uow)
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000):
        bench_app.window.on_scan(number, "", "wedge")
    bench = bench_app.bench
    sku = bench.order.lines[0].sku
    bench.manual_button.click()
    confirm = _dialog(qtbot, ConfirmByHandDialog)
    confirm.line.setCurrentIndex(confirm.line.findData(sku))
    confirm.accept()
    supervisor = _dialog(qtbot, SupervisorDialog)  # a supervisor approves it, or nothing
    assert sku in supervisor.windowTitle()
    supervisor.name.setText("Sam")
    supervisor.pin.setText("9999")
    with qtbot.waitSignal(bench.verdict_confirmed, timeout=5000) as confirmed:
        supervisor.accept()
    assert confirmed.args[0] == "manual"
    assert "supervisor Sam" in confirmed.args[1]
    assert bench.banner.property("result") == "manual"
    assert look_for("manual").background != look_for("verified").background
    row = [line.sku for line in bench.order.lines].index(sku)
    assert _line_colour(bench, row) not in (None, VERIFIED_LINE)  # its own colour, not green
    assert bench.lines_model.data(bench.lines_model.index(row, 3)).endswith("by hand")
    assert bench.log.item(0).text().endswith(f"1 of {bench.order.lines[row].quantity}")
    assert bench.log.item(0).foreground().color().name() == look_for("manual").background
    SHOTS.mkdir(parents=True, exist_ok=True)
    bench_app.window.grab().save(str(SHOTS / "bench-confirmed-by-hand.png"))

    dashboard = build_health_dashboard(uow, bench_app.tasks)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.loaded, timeout=5000):
        dashboard.period.setCurrentIndex(0)  # today
    header = [dashboard.packers.horizontalHeaderItem(col).text()
              for col in range(dashboard.packers.columnCount())]
    column = header.index("Confirmed by hand")
    rows = {dashboard.packers.item(r, 0).text(): dashboard.packers.item(r, column).text()
            for r in range(dashboard.packers.rowCount())}
    assert rows.get("Ann") == "1"


def test_a_wrong_supervisor_pin_confirms_nothing(qtbot, bench_app, uow):
    number = _two_unit_order(uow)
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000):
        bench_app.window.on_scan(number, "", "wedge")
    bench_app.bench.manual_button.click()
    _dialog(qtbot, ConfirmByHandDialog).accept()
    supervisor = _dialog(qtbot, SupervisorDialog)
    supervisor.name.setText("Sam")
    supervisor.pin.setText("0000")
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000) as shown:
        supervisor.accept()
    assert shown.args == ["problem", "Supervisor name or PIN is not right."]
    assert bench_app.bench.order.items_verified == 0


def test_the_store_refuses_confirm_by_hand_without_a_supervisor(demo_store, uow):
    number = _two_unit_order(uow)
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(number, "Ann", "wedge"))
    sku = opened.order.lines[0].sku
    with pytest.raises(NotAllowed, match="needs a supervisor's PIN"):
        bench.confirm_by_hand(c.ConfirmByHand(opened.session_id, "u-1", sku, "Barcode damaged"))
    with uow() as u:
        assert u.orders.get(number).items_verified == 0
