"""The weight gate at the bench, end to end: key events at scanner timing, a scale scripted
over a pty. Within tolerance the parcel completes with its real weight; one item short is
refused naming the item; a supervisor's override ships it and is in the order's trail."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine
from app.domain.weighing import WeightTolerance
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from scanners.scale import SerialScale
from tests.e2e.driver import scan
from ui.app import build_bench_app
from ui.dialogs import SupervisorDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def weighed_order(demo_store, uow):
    """PD-900888: 2 × TEA-001 (250 g) and 1 × CUP-002 (180 g), in a 120 g box: 800 g."""
    with uow() as u:
        tea, cup = u.products.get("TEA-001"), u.products.get("CUP-002")
        tea.weight_g, cup.weight_g = 250, 180
        order = Order("PD-900888", "manual", "#888", "Li Wei", "+86 21 5555 0101",
                      Address("Li Wei", "+86 21 5555 0101", "88 Nanjing Road", city="Shanghai",
                              postcode="200001", country="CN"),
                      [OrderLine(tea.sku, tea.name, 2), OrderLine(cup.sku, cup.name, 1)])
        u.orders.add(order)
        u.stock.get(tea.sku).reserve(2, order.number, u.now(), "intake")
        u.stock.get(cup.sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
        return tea.barcodes[0].code, cup.barcodes[0].code


@pytest.fixture
def bench_with_scale(qtbot, demo_store, weighed_order, pty_scanner, tmp_path):
    service = PackBenchService(uow_factory(demo_store.session_factory, station="B1"))
    app = build_bench_app(service, StationSettings(station_id="B1", language="en"), "test",
                          LabelToFolder(tmp_path / "labels"))
    scale = SerialScale(pty_scanner.device, "text", retry_ms=50, settle=2)
    app.bench.attach_scale(scale, WeightTolerance(absolute_g=20, percent=2), box_tare_g=120)
    scale.start()
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app, weighed_order
    scale.stop()
    app.shutdown()


def _weigh(pty_scanner, kg: float) -> None:
    pty_scanner.send(f"US,GS,+  {kg - 0.3:.3f}kg\r\n".encode())
    pty_scanner.send(f"ST,GS,+  {kg:.3f}kg\r\n".encode() * 2)


def _expect(qtbot, app, result: str):
    return qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                            check_params_cb=lambda shown, _m: shown == result)


def _pack(qtbot, app, codes):
    with _expect(qtbot, app, "opened"):
        scan(app.window, "PD-900888")
    tea, cup = codes
    for code in (tea, tea):
        with qtbot.waitSignal(app.bench.verdict_confirmed, timeout=10000):
            scan(app.window, code)
    with _expect(qtbot, app, "weighing"):
        scan(app.window, cup)


def test_a_parcel_within_tolerance_completes_with_its_weight(qtbot, bench_with_scale,
                                                            pty_scanner, uow):
    app, codes = bench_with_scale
    _pack(qtbot, app, codes)
    assert "Put the parcel on the scale" in app.bench.banner.text()
    assert app.bench.banner.property("result") == "weighing"
    app.window.grab().save(str(pty_scanner.device) + "-weighing.png")
    with qtbot.waitSignal(app.bench.label_done, timeout=15000):
        _weigh(pty_scanner, 0.806)
    with uow() as u:
        order = u.orders.get("PD-900888")
        assert (order.status, order.weight_g) == ("packed", 806)


def test_one_item_short_is_refused_and_a_supervisor_ships_it(qtbot, bench_with_scale,
                                                           pty_scanner, uow):
    app, codes = bench_with_scale
    _pack(qtbot, app, codes)
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                          check_params_cb=lambda result, _m: result == "weight_off") as shown:
        _weigh(pty_scanner, 0.552)  # a tea is not in the box
    message = shown.args[1]
    assert "552 g, 248 g less than the 800 g expected" in message
    assert "about the weight of 1 × TEA-001" in message and "PD:WEIGHTOK" in message
    assert app.bench.session_id is not None  # still open: put it right, or override
    app.window.grab().save(str(pty_scanner.device) + "-weight-off.png")
    app.window.on_scan("PD:WEIGHTOK", "", "wedge")
    qtbot.waitUntil(lambda: any(isinstance(w, SupervisorDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SupervisorDialog) and w.isVisible())
    dialog.name.setText("Sam")
    dialog.pin.setText("9999")
    dialog.reason.setCurrentText("The tea tin is lighter this batch")
    with qtbot.waitSignal(app.bench.label_done, timeout=15000):
        dialog.accept()
    with uow() as u:
        order = u.orders.get("PD-900888")
        assert order.status == "packed" and order.weight_g == 552
        assert order.transitions[-1].reason == ("weight override by Sam: expected 800 g, "
                                                "weighed 552 g: The tea tin is lighter this batch")


def test_putting_the_missing_item_in_completes_by_itself(qtbot, bench_with_scale, pty_scanner,
                                                          uow):
    app, codes = bench_with_scale
    _pack(qtbot, app, codes)
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                          check_params_cb=lambda result, _m: result == "weight_off"):
        _weigh(pty_scanner, 0.552)
    with qtbot.waitSignal(app.bench.label_done, timeout=15000):
        _weigh(pty_scanner, 0.801)  # the packer put the second tea in
    with uow() as u:
        assert u.orders.get("PD-900888").weight_g == 801
