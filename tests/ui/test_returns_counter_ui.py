"""The counter's screens for what goes wrong: unknown orders, the policy, missing items,
overrides, rejections and escalations, each told in words on the banner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.commands import SupervisorApproval
from app.services.returns import ReturnsService
from printing.return_documents import ReturnSlipToFolder
from ui.returns_counter import ReturnsCounter
from ui.tasks import TaskManager

SHIPPED_AT = datetime(2026, 11, 14, 8, 0, tzinfo=UTC)


class Clock:
    now = SHIPPED_AT + timedelta(days=1)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def counter_uow(demo_store, clock):
    counter_uow = uow_factory(demo_store.session_factory, station="counter-2", clock=clock)
    with counter_uow() as u:
        tea = u.products.get("TEA-001")
        order = Order("PD-900030", "woocommerce", "7030", "Emma Johnson", "+1 503 555 0100",
                      Address("Emma Johnson", city="Portland"),
                      [OrderLine(tea.sku, tea.name, 2, 1200)])
        u.orders.add(order)
        item = u.stock.get(tea.sku)
        item.reserve(2, order.number, SHIPPED_AT, "intake")
        item.ship(2, order.number, SHIPPED_AT, "Ann")
        order.lines[0].verified_quantity = 2
        order.transition(OrderStatus.PACKING, "Ann", SHIPPED_AT)
        order.transition(OrderStatus.PACKED, "Ann", SHIPPED_AT)
        u.commit()
    return counter_uow


@pytest.fixture
def counter(qtbot, counter_uow, tmp_path):
    tasks = TaskManager()
    widget = ReturnsCounter(ReturnsService(counter_uow, zone="UTC"), tasks,
                            ReturnSlipToFolder(tmp_path / "slips"), clerk="Li Wei")
    qtbot.addWidget(widget)
    yield widget
    tasks.shutdown()


def _scan(qtbot, counter, text: str) -> tuple[str, str]:
    with qtbot.waitSignal(counter.verdict_shown, timeout=5000) as shown:
        counter.handle_scan(text)
    return tuple(shown.args)


def _do(qtbot, counter, action) -> tuple[str, str]:
    with qtbot.waitSignal(counter.verdict_shown, timeout=5000) as shown:
        action()
    return tuple(shown.args)


def _tea(counter_uow) -> str:
    with counter_uow() as u:
        return u.products.get("TEA-001").barcodes[0].code


def test_unknown_and_unshipped_orders_are_named(qtbot, counter):
    assert _scan(qtbot, counter, "PD-424242") == (
        "unknown_code", "No order, tracking number, return or buyer matches 'PD-424242'.")
    look, message = _scan(qtbot, counter, "PD-100001")  # a demo order still to pack
    assert look == "problem" and message == ("The order has not shipped; there is nothing "
                                             "to return.")
    assert _do(qtbot, counter, counter.create_return) == (
        "problem", "Order PD-100001 is ready; it has not shipped, so there is nothing to return.")


def test_a_fully_returned_order_says_so(qtbot, counter):
    _scan(qtbot, counter, "7030")
    assert counter.chosen_lines() == [("TEA-001", 2, "changed_mind", False)]
    assert _do(qtbot, counter, counter.create_return)[0] == "complete"
    assert counter.table.cellWidget(0, 3) is None  # the case screen has no order controls
    assert counter.chosen_lines() == []
    look, message = _scan(qtbot, counter, "PD-900030")
    assert (look, message) == ("problem", "Order PD-900030 is already fully returned.")
    assert "RMA-PD-900030-1" in counter.meta.text()


def test_day_eight_needs_a_supervisor_and_the_override_is_recorded(qtbot, counter, clock):
    clock.now = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)  # day 8 since 14 November
    look, message = _scan(qtbot, counter, "pd-900030")
    assert look == "problem" and "day 8" in message
    assert counter.policy.text().startswith("Outside the policy:")
    look, message = _do(qtbot, counter, counter.create_return)
    assert look == "problem" and message.startswith("Outside the return policy: TEA-001: day 8")
    look, _ = _do(qtbot, counter, lambda: counter.create_return(
        SupervisorApproval("Sam", "9999", "Loyal customer")))
    assert look == "complete"
    assert counter.case.override_by == "Sam"
    assert "override by Sam" in counter.policy.text()


def test_missing_items_are_flagged_and_a_damaged_unit_cannot_be_restocked(qtbot, counter,
                                                                           counter_uow):
    _scan(qtbot, counter, "PD-900030")
    _do(qtbot, counter, counter.create_return)
    assert _scan(qtbot, counter, _tea(counter_uow))[0] == "verified"
    assert _do(qtbot, counter, counter.finish_receiving) == ("problem",
                                                             "Received. Missing: TEA-001 ×1")
    counter.choose_grade("damaged")
    look, message = _do(qtbot, counter, lambda: counter.dispose("restock"))
    assert look == "problem" and "cannot go back on the shelf" in message
    counter.attach_photo("/photos/dent.jpg")
    assert _do(qtbot, counter, lambda: counter.dispose("quarantine")) == (
        "complete", "All units graded. Refund CN¥0.00.")
    assert counter.case.units[0].photo_path == "/photos/dent.jpg"


def test_a_rejected_return_and_an_escalation_show_on_the_counter(qtbot, counter, clock):
    _scan(qtbot, counter, "PD-900030")
    _do(qtbot, counter, counter.create_return)
    rma = counter.case.rma_number
    clock.now += timedelta(days=15)
    with qtbot.waitSignal(counter.alerts_changed, timeout=5000) as changed:
        counter.check_deadlines()
    assert changed.args == [1]
    assert f"Return {rma} has been approved too long" in counter.alerts.text()
    assert _do(qtbot, counter, lambda: counter.reject("never sent back")) == (
        "cancelled", f"Return {rma} rejected.")
    with qtbot.waitSignal(counter.alerts_changed, timeout=5000) as changed:
        counter.check_deadlines()
    assert changed.args == [0] and counter.alerts.text() == ""


def test_a_webcam_still_is_stored_with_the_graded_unit(qtbot, counter, counter_uow, tmp_path):
    import cv2
    import numpy as np

    from ui.returns_photo import CameraStill

    frames = tmp_path / "camera"
    frames.mkdir()
    for n in range(3):  # a recorded camera: three frames of a grey parcel
        cv2.imwrite(str(frames / f"{n:03d}.png"), np.full((120, 160, 3), 90 + n, np.uint8))
    counter.photo_source = CameraStill(str(frames / "%03d.png"), tmp_path / "photos")
    _scan(qtbot, counter, "PD-900030")
    _do(qtbot, counter, counter.create_return)
    for _ in range(2):
        _scan(qtbot, counter, _tea(counter_uow))
    with qtbot.waitSignal(counter.photo_attached, timeout=5000) as taken:
        counter.take_photo()
    assert taken.args[0].startswith(str(tmp_path / "photos" / "RMA-PD-900030-1-"))
    assert cv2.imread(taken.args[0]).shape == (120, 160, 3)
    for _ in range(2):
        _do(qtbot, counter, lambda: counter.dispose("restock"))  # asks for the bin
        _scan(qtbot, counter, _bin_of(counter_uow))
    assert [unit.photo_path for unit in counter.case.units] == [taken.args[0], ""]


def test_a_camera_that_gives_nothing_is_named(qtbot, counter, tmp_path):
    from ui.returns_photo import CameraStill

    counter.photo_source = CameraStill(str(tmp_path / "no-camera.mp4"), tmp_path / "photos")
    look, message = _do(qtbot, counter, counter.take_photo)
    assert look == "problem"
    assert message.startswith("No photo: The camera ") and "cannot be opened" in message


def test_a_refund_taobao_refused_is_closed_by_hand_with_a_supervisors_pin(
        qtbot, counter, counter_uow, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from tests.parts.refund_store import refused_taobao_refund
    from ui.dialogs import SupervisorDialog

    rma = refused_taobao_refund(counter_uow)
    look, _message = _scan(qtbot, counter, rma)
    assert counter.case.status == "refunded"
    assert not counter.close_refund_button.isHidden() and counter.refund_button.isHidden()
    given = {"pin": "1111"}

    def fill_and_accept(dialog):
        assert dialog.windowTitle() == "Close a refund the channel refused"
        dialog.name.setText("Sam")
        dialog.pin.setText(given["pin"])
        dialog.reason.setCurrentText("Refunded in the seller centre")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SupervisorDialog, "exec", fill_and_accept)
    assert _do(qtbot, counter, lambda: qtbot.mouseClick(
        counter.close_refund_button, Qt.MouseButton.LeftButton)) == (
        "problem", "Supervisor name or PIN is not right.")
    assert counter.case.status == "refunded"
    given["pin"] = "9999"
    assert _do(qtbot, counter, lambda: qtbot.mouseClick(
        counter.close_refund_button, Qt.MouseButton.LeftButton)) == (
        "complete", f"Return {rma} is closed; the refund of CN¥19.99 was settled by hand.")
    assert (counter.case.status, counter.case.refund_status) == ("closed", "manual")
    assert counter.close_refund_button.isHidden()
    assert counter.banner.property("result") == "complete"
    with counter_uow() as u:
        assert u.returns.get(rma).transitions[-1].by == "Sam"


def test_a_unit_scanned_back_by_its_gs1_code_and_restocked_can_ship_again(qtbot, counter,
                                                                          counter_uow):
    """PD-900031 shipped one TEA-001 with serial SN-7001 (packed at the bench by its GS1
    code); it comes back, is scanned by the same code and put back on the shelf: the serial
    is free to ship again, and the graded unit keeps it."""
    gtin = "0" + _tea(counter_uow)
    with counter_uow() as u:
        tea = u.products.get("TEA-001")
        order = Order("PD-900031", "woocommerce", "7031", "Emma Johnson", "+1 503 555 0100",
                      Address("Emma Johnson", city="Portland"), [OrderLine(tea.sku, tea.name, 1)])
        u.orders.add(order)
        u.stock.get(tea.sku).reserve(1, order.number, u.now())
        u.commit()
    bench = PackBenchService(counter_uow)
    session_id = bench.open_order(c.OpenOrder("PD-900031", "Ann")).session_id
    assert bench.scan_item(c.ScanItem(session_id, "u-1", gtin, serial="SN-7001")).result == \
        "verified"
    bench.complete(c.CompletePack(session_id))

    _scan(qtbot, counter, "PD-900031")
    assert _do(qtbot, counter, counter.create_return)[0] == "complete"
    assert _scan(qtbot, counter, f"(01){gtin}(21)SN-7001") == (
        "complete", "Everything came back. Grade each unit: TEA-001 first.")
    assert _do(qtbot, counter, lambda: counter.dispose("restock"))[0] == "ready"
    assert _scan(qtbot, counter, _bin_of(counter_uow))[0] == "complete"
    with counter_uow() as u:
        claims = u.session.execute(select(orm.packed_serials.c.serial)).scalars().all()
        units = u.session.execute(select(orm.return_units.c.serial)).scalars().all()
    assert "SN-7001" not in claims
    assert units == ["SN-7001"]


def test_the_empty_counter_names_its_columns(qtbot):
    from ui.returns_view import ReturnsCounterView

    view = ReturnsCounterView()
    qtbot.addWidget(view)
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers == ["SKU", "Item", "Shipped", "Return", "Reason"]  # main: 1 2 3 4 5


def _recorded_camera(tmp_path):
    import cv2
    import numpy as np

    from ui.returns_photo import CameraStill

    frames = tmp_path / "camera"
    frames.mkdir(exist_ok=True)
    for n in range(3):  # a recorded camera: three frames of a grey parcel
        cv2.imwrite(str(frames / f"{n:03d}.png"), np.full((120, 160, 3), 90 + n, np.uint8))
    return CameraStill(str(frames / "%03d.png"), tmp_path / "photos")


def test_a_two_unit_return_is_taken_by_scans_alone(qtbot, counter, counter_uow, tmp_path):
    """Grades, dispositions, "received" and the return itself are command barcodes (on the
    counter sheet): a two-unit return takes no mouse (main: each needed its button)."""
    from tests.e2e.driver import scan

    tea = _tea(counter_uow)
    counter.show()
    counter.activateWindow()
    counter.scan_field.setFocus()
    qtbot.waitUntil(counter.scan_field.hasFocus, timeout=5000)
    counter.photo_source = _recorded_camera(tmp_path)  # PD:GRADE-DAMAGED takes its photo
    steps = [("PD-900030", "opened"), ("PD:RETURN", "complete"), (tea, "verified"),
             (tea, "complete"), ("PD:RESTOCK", "ready"), (_bin_of(counter_uow), "verified"),
             ("PD:GRADE-DAMAGED", "ready"), ("PD:QUARANTINE", "complete")]
    for code, look in steps:
        with qtbot.waitSignal(counter.verdict_shown, timeout=10000) as shown:
            scan(counter, code)  # at scanner timing, through the keyboard wedge
        assert shown.args[0] == look, (code, shown.args)
    case = counter.case
    assert case.status == "graded"
    assert sorted((u.grade, u.disposition) for u in case.units) == [
        ("damaged", "quarantine"), ("resellable", "restock")]
    assert counter.scan_field.text() == ""  # no command typed into the field


# ---- the counter by scanner (issue 21) -------------------------------------------------

def _bin_of(counter_uow, sku: str = "TEA-001") -> str:
    with counter_uow() as u:
        return u.products.get(sku).bin_location


def _two_teas_received(qtbot, counter, counter_uow) -> tuple[str, str]:
    _scan(qtbot, counter, "PD-900030")
    _do(qtbot, counter, counter.create_return)
    _scan(qtbot, counter, _tea(counter_uow))
    return _scan(qtbot, counter, _tea(counter_uow))


def _reasons(counter_uow, rma: str) -> list[str]:
    with counter_uow() as u:
        return list(u.session.execute(select(orm.stock_moves.c.reason).where(
            orm.stock_moves.c.reason.endswith(rma)).order_by(orm.stock_moves.c.id)).scalars())


def test_the_last_unit_received_moves_the_counter_on_to_grading(qtbot, counter, counter_uow):
    """main: after the last unit the counter waited for "Finish receiving" (a click or
    PD:RECEIVED); now the receipt closes itself and the first unit to grade is marked."""
    from ui.returns_view import NEXT_TO_GRADE

    counter.show()
    counter.scan_field.setFocus()
    assert _two_teas_received(qtbot, counter, counter_uow) == (
        "complete", "Everything came back. Grade each unit: TEA-001 first.")
    assert counter.case.status == "received"
    assert not counter.restock_button.isHidden() and counter.finish_button.isHidden()
    assert counter.table.item(0, 0).background().color() == NEXT_TO_GRADE
    assert counter.scan_field.hasFocus()
    # PD:RECEIVED scanned out of habit changes nothing
    assert _scan(qtbot, counter, "PD:RECEIVED") == ("complete",
                                                    "Everything came back. Grade each unit.")


def test_restock_asks_for_the_bin_by_scan_and_a_wrong_bin_is_refused(qtbot, counter,
                                                                     counter_uow):
    home = _bin_of(counter_uow)
    assert home
    _two_teas_received(qtbot, counter, counter_uow)
    look, message = _scan(qtbot, counter, "PD:RESTOCK")
    assert look == "ready" and message.startswith(f"Scan the bin TEA-001 goes back to: {home}.")
    assert _scan(qtbot, counter, "Z-99-9") == (
        "problem", f"Z-99-9 is not the bin of TEA-001; it goes back to {home}. Scan that bin.")
    assert counter.case.units == ()
    assert _scan(qtbot, counter, home.lower())[0] == "verified"  # still asked: the right one
    assert [u.disposition for u in counter.case.units] == ["restock"]
    # a product with no bin of its own goes to a bin the store knows
    with counter_uow() as u:
        u.products.get("TEA-001").bin_location = ""
        other = u.session.execute(select(orm.products.c.bin_location).where(
            orm.products.c.bin_location != "", orm.products.c.sku != "TEA-001")).scalar()
        u.commit()
    _scan(qtbot, counter, "PD:RESTOCK")
    assert _scan(qtbot, counter, "NOPE-1") == (
        "problem", "NOPE-1 is not a bin of this store; scan the label on the bin.")
    assert _scan(qtbot, counter, other)[0] == "complete"
    rma = counter.case.rma_number
    assert _reasons(counter_uow, rma)[-2:] == [f"return restock {rma}",
                                               f"return restock to {other} {rma}"]


def test_a_damaged_unit_is_not_graded_without_a_photo_or_a_supervisor(qtbot, counter,
                                                                      counter_uow):
    """main graded a damaged unit with no photo. Now: no camera here, so the banner asks
    for one; without it grading is refused, a supervisor's PIN lets it go (recorded)."""
    _two_teas_received(qtbot, counter, counter_uow)
    look, message = _scan(qtbot, counter, "PD:GRADE-DAMAGED")
    assert look == "ready" and message.startswith("Damaged: a photo of the unit is needed.")
    assert _scan(qtbot, counter, "PD:QUARANTINE") == (
        "problem", "A damaged unit needs a photo: take one (PD:PHOTO), or a supervisor lets it "
                   "go without (PD:NO-PHOTO).")
    counter.choose_grade("damaged")
    counter.waive_photo(SupervisorApproval("Sam", "1111", "The camera is broken"))
    assert _scan(qtbot, counter, "PD:QUARANTINE") == ("problem",
                                                      "Supervisor name or PIN is not right.")
    assert _do(qtbot, counter, lambda: counter.waive_photo(
        SupervisorApproval("Sam", "9999", "The camera is broken")))[0] == "supervisor_needed"
    assert _scan(qtbot, counter, "PD:QUARANTINE")[0] == "verified"
    rma = counter.case.rma_number
    assert _reasons(counter_uow, rma)[-1] == f"return quarantine no photo (Sam) {rma}"
    assert counter.case.units[0].grade == "damaged"


def test_a_supervisor_lets_a_damaged_unit_go_without_a_photo_by_scan(qtbot, counter,
                                                                     counter_uow, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.dialogs import SupervisorDialog

    def fill_and_accept(dialog):
        assert dialog.windowTitle() == "Grade a damaged unit without a photo"
        dialog.name.setText("Sam")
        dialog.pin.setText("9999")
        dialog.reason.setCurrentText("The camera is broken")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SupervisorDialog, "exec", fill_and_accept)
    _two_teas_received(qtbot, counter, counter_uow)
    qtbot.mouseClick(counter.grade_buttons["damaged"], Qt.MouseButton.LeftButton)
    assert counter.banner.text().startswith("Damaged: a photo of the unit is needed.")
    assert _scan(qtbot, counter, "PD:NO-PHOTO") == (
        "supervisor_needed", "No photo, on Sam's word: scan where the unit goes.")
    assert _scan(qtbot, counter, "PD:SCRAP")[0] == "verified"
    assert (counter.case.units[0].grade, counter.case.units[0].photo_path) == ("damaged", "")


def test_with_a_camera_the_damaged_grade_takes_its_photo(qtbot, counter, counter_uow,
                                                         tmp_path):
    import cv2
    import numpy as np

    from ui.returns_photo import CameraStill

    frames = tmp_path / "camera"
    frames.mkdir()
    for n in range(3):
        cv2.imwrite(str(frames / f"{n:03d}.png"), np.full((120, 160, 3), 90 + n, np.uint8))
    counter.photo_source = CameraStill(str(frames / "%03d.png"), tmp_path / "photos")
    _two_teas_received(qtbot, counter, counter_uow)
    with qtbot.waitSignal(counter.photo_attached, timeout=5000) as taken:
        counter.handle_scan("PD:GRADE-DAMAGED")
    assert counter.banner.text() == "Photo taken. Scan where the damaged unit goes."
    assert _scan(qtbot, counter, "PD:SCRAP")[0] == "verified"
    assert counter.case.units[0].photo_path == taken.args[0]


def test_money_shows_its_currency_and_a_refund_no_channel_can_take_says_what_happens(
        qtbot, counter, counter_uow):
    """main: "Refund 24.00" and "refund 24.00 (pending)" for a WooCommerce order with no
    WooCommerce channel set up: queued for a channel that never sends it."""
    counter.currency = "USD"
    _scan(qtbot, counter, "PD-900030")
    assert counter.table.item(0, 1).text().endswith(" · $12.00")
    _do(qtbot, counter, counter.create_return)
    for _unit in range(2):
        _scan(qtbot, counter, _tea(counter_uow))
    assert counter.table.item(0, 1).text().endswith(" · $12.00")
    home = _bin_of(counter_uow)
    for _unit in range(2):
        _scan(qtbot, counter, "PD:RESTOCK")
        look, message = _scan(qtbot, counter, home)
    assert (look, message) == ("complete", "All units graded. Refund $24.00.")
    assert counter.refund_button.text() == "Refund $24.00"
    assert _scan(qtbot, counter, "PD:REFUND") == (
        "manual", "Return RMA-PD-900030-1 is closed. Refund $24.00 by hand: no woocommerce "
                  "channel is set up at this store, so Packdesk cannot send it. Pay the buyer "
                  "back in the seller centre or by bank transfer.")
    assert (counter.case.status, counter.case.refund_status) == ("closed", "manual")
    with counter_uow() as u:
        assert u.returns.refund_message("refund:woocommerce:RMA-PD-900030-1") is None


def test_a_csv_orders_refund_is_paid_by_hand_and_the_counter_says_so(qtbot, counter,
                                                                     counter_uow):
    with counter_uow() as u:
        u.session.execute(orm.orders.update().where(orm.orders.c.number == "PD-900030")
                          .values(channel="csv"))
        u.commit()
    _two_teas_received(qtbot, counter, counter_uow)
    home = _bin_of(counter_uow)
    for _unit in range(2):
        _scan(qtbot, counter, "PD:RESTOCK")
        _scan(qtbot, counter, home)
    assert _scan(qtbot, counter, "PD:REFUND") == (
        "manual", "Return RMA-PD-900030-1 is closed. Refund CN¥24.00 by hand: order PD-900030 "
                  "came from csv, which Packdesk cannot refund. Pay the buyer back in the "
                  "shop's own system or by bank transfer.")


def test_amounts_on_the_chinese_counter_are_written_the_chinese_way(qtbot, counter,
                                                                    counter_uow):
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("zh_CN"))  # as install_translator sets it for Chinese
    try:
        _scan(qtbot, counter, "PD-900030")
        assert counter.table.item(0, 1).text().endswith(" · ¥12.00")
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_empty_counter_asks_for_the_scan_once(counter):
    """The banner asks for the scan; the line under the title says what the scan will show,
    not the same sentence again."""
    assert counter.banner.text() == "Scan an order, a tracking number or a return slip."
    assert counter.meta.text() != counter.banner.text()
    assert "return policy" in counter.meta.text()
