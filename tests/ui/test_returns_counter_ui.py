"""The counter's screens for what goes wrong: unknown orders, the policy, missing items,
overrides, rejections and escalations, each told in words on the banner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
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
        "complete", "All units graded. Refund 0.00.")
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
    _do(qtbot, counter, counter.finish_receiving)
    with qtbot.waitSignal(counter.photo_attached, timeout=5000) as taken:
        counter.take_photo()
    assert taken.args[0].startswith(str(tmp_path / "photos" / "RMA-PD-900030-1-"))
    assert cv2.imread(taken.args[0]).shape == (120, 160, 3)
    _do(qtbot, counter, lambda: counter.dispose("restock"))
    _do(qtbot, counter, lambda: counter.dispose("restock"))
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
        "complete", f"Return {rma} is closed; the refund of 19.99 was settled by hand.")
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
    assert _scan(qtbot, counter, f"(01){gtin}(21)SN-7001") == ("verified",
                                                              "TEA-001: 1 of 1 received.")
    _do(qtbot, counter, counter.finish_receiving)
    assert _do(qtbot, counter, lambda: counter.dispose("restock"))[0] == "complete"
    with counter_uow() as u:
        claims = u.session.execute(select(orm.packed_serials.c.serial)).scalars().all()
        units = u.session.execute(select(orm.return_units.c.serial)).scalars().all()
    assert "SN-7001" not in claims
    assert units == ["SN-7001"]
