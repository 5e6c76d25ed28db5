"""The bench window's other paths: idle lock, log out by barcode, a cancelled order's
alarm, hold and partial shipment with a supervisor, confirm by hand, and picking one of
several matching orders."""

import pytest
from PySide6.QtWidgets import QApplication

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app
from ui.dialogs import ConfirmByHandDialog, PickOrderDialog, SupervisorDialog


@pytest.fixture
def bench_app(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app
    app.shutdown()


def _scan(qtbot, app, text, result=None):
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=5000,
                          check_params_cb=(lambda r, _m: r == result) if result else None) as s:
        app.window.on_scan(text, "", "wedge")
    return s.args


def _dialog(qtbot, kind):
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_an_idle_bench_locks_and_the_packer_unlocks_with_the_pin(qtbot, bench_app):
    bench_app.window.idle_lock.set_minutes(0.001)  # 60 ms
    bench_app.window.idle_lock.arm()
    qtbot.waitUntil(lambda: bench_app.window.pages.currentWidget() is bench_app.login)
    assert bench_app.login.name.text() == "Ann"
    assert "Locked" in bench_app.login.notice.text()
    bench_app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: bench_app.window.pages.currentWidget() is bench_app.bench)


def test_the_logout_barcode_logs_out_and_a_wrong_pin_is_named(qtbot, bench_app):
    bench_app.window.on_scan("PD:LOGOUT", "", "wedge")
    assert bench_app.window.pages.currentWidget() is bench_app.login
    assert bench_app.window.who.text() == "Not logged in"
    bench_app.window.on_scan("Ann", "", "badge")
    bench_app.window.on_scan("0000", "", "badge")
    qtbot.waitUntil(lambda: "not right" in bench_app.login.notice.text(), timeout=5000)


def test_a_cancelled_order_raises_its_own_alarm_and_stays_on_screen(qtbot, bench_app):
    result, message = _scan(qtbot, bench_app, "PD-100018", "cancelled")
    assert "CANCELLED" in message and bench_app.bench.session_id is None
    assert bench_app.bench.order_number.text() == "PD-100018"
    assert bench_app.bench.banner.lineWidth() == 8  # the sticky frame


def test_hold_needs_a_supervisor_and_sends_the_order_back(qtbot, bench_app, uow):
    _scan(qtbot, bench_app, "PD-100002", "opened")
    bench_app.window.on_scan("PD:HOLD", "", "wedge")
    dialog = _dialog(qtbot, SupervisorDialog)
    dialog.name.setText("Sam")
    dialog.pin.setText("9999")
    dialog.reason.setCurrentText("Item damaged")
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000) as shown:
        dialog.accept()
    assert "on hold" in shown.args[1]
    with uow() as u:
        assert u.orders.get("PD-100002").status == "on_hold"


def test_a_partial_shipment_with_a_supervisor_and_confirm_by_hand(qtbot, bench_app, uow):
    with uow() as u:  # an order of two units or more, neither of them must-scan
        number = next(n for n in (f"PD-1000{i:02d}" for i in range(3, 40))
                      if (o := u.orders.get(n)) is not None and o.status == "ready"
                      and o.items_expected >= 2
                      and not u.products.get(o.lines[0].sku).must_scan)
    _scan(qtbot, bench_app, number, "opened")
    bench_app.bench.manual_button.click()
    confirm = _dialog(qtbot, ConfirmByHandDialog)
    assert confirm.line.count() == len([ln for ln in bench_app.bench.order.lines])
    confirm.accept()
    approve = _dialog(qtbot, SupervisorDialog)  # no scan vouches for it: a supervisor does
    approve.name.setText("Sam")
    approve.pin.setText("9999")
    with qtbot.waitSignal(bench_app.bench.verdict_confirmed, timeout=5000) as confirmed:
        approve.accept()
    assert confirmed.args[0] == "manual"
    assert not bench_app.bench.order.complete
    bench_app.window.on_scan("PD:COMPLETE", "", "wedge")
    partial = _dialog(qtbot, SupervisorDialog)
    partial.name.setText("Sam")
    partial.pin.setText("9999")
    with qtbot.waitSignal(bench_app.bench.label_done, timeout=10000):
        partial.accept()
    with uow() as u:
        order = u.orders.get(number)
        assert (order.status, order.partial, order.items_verified) == ("packed", True, 1)


def test_several_matching_orders_offer_a_list_to_pick_from(qtbot, bench_app, uow):
    with uow() as u:
        u.orders.get("PD-100001").channel_order_id = "DUP-1"
        u.orders.get("PD-100002").channel_order_id = "DUP-1"
        u.commit()
    _scan(qtbot, bench_app, "DUP-1", "problem")
    pick = _dialog(qtbot, PickOrderDialog)
    pick.list.setCurrentRow(1)
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda r, _m: r == "opened"):
        pick.accept()
    assert bench_app.bench.order.number == "PD-100002"


def test_the_bench_suggests_the_lot_that_expires_first(qtbot, bench_app, uow):
    from datetime import date

    from app.services.receiving import OpenReceipt, ReceiveScan, open_receipt, receive_scan

    with uow() as u:
        order = u.orders.get("PD-100002")
        sku = order.lines[0].sku
    receipt = open_receipt(OpenReceipt(by="Ann", reference="DN-1"), uow())
    for uid, lot, expiry in (("r1", "LATE-LOT", date(2027, 6, 30)),
                             ("r2", "EARLY-LOT", date(2027, 1, 31))):
        receive_scan(ReceiveScan(receipt.id, uid, sku, "Ann", quantity=5, lot=lot,
                                 expiry=expiry), uow())
    _scan(qtbot, bench_app, "PD-100002", "opened")
    model = bench_app.bench.lines_model
    row = next(r for r in range(model.rowCount()) if model.sku_at(r) == sku)
    qtbot.waitUntil(lambda: "EARLY-LOT" in (model.data(model.index(row, 4)) or ""), timeout=5000)
    assert "LATE-LOT" not in model.data(model.index(row, 4))


def test_a_supervisor_badge_and_pin_scanned_into_the_hold_dialog_fill_it(qtbot, bench_app,
                                                                         uow):
    """At scanner timing: a short badge ("Sam", shorter than a scan) arrives as typed keys
    and Enter, the PIN as a scan; neither submits the dialog half-filled (main: the badge's
    Enter submitted it with no PIN) nor reaches the bench behind it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.e2e.driver import scan

    _scan(qtbot, bench_app, "PD-100002", "opened")
    bench_app.window.on_scan("PD:HOLD", "", "wedge")
    dialog = _dialog(qtbot, SupervisorDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    dialog.name.setFocus()
    scan(dialog, "Sam")
    qtbot.waitUntil(lambda: dialog.name.text() == "Sam" and dialog.pin.hasFocus(), timeout=5000)
    assert dialog.isVisible()  # not submitted with an empty PIN
    scan(dialog, "9999")
    qtbot.waitUntil(lambda: dialog.pin.text() == "9999", timeout=5000)
    assert dialog.isVisible() and bench_app.bench.session_id is not None
    assert all("9999" not in bench_app.bench.log.item(i).text()
               for i in range(bench_app.bench.log.count()))  # not an item scan
    with qtbot.waitSignal(bench_app.bench.verdict_shown, timeout=5000) as shown:
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    assert "on hold" in shown.args[1]
    with uow() as u:
        order = u.orders.get("PD-100002")
        assert order.status == "on_hold" and order.transitions[-1].by == "Sam"
