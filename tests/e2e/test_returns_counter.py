"""A parcel comes back to the counter, driven by key events and clicks alone.

Scan the order; the policy passes; create the RMA; the slip prints and its barcode reads
back; scan the returned items (a wrong one is flagged); grade them; restock; refund.
Then the stock ledger and the refund in the outbox are checked as a supervisor would.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.channel_stock import add_channel
from app.services.returns import ReturnsService
from printing.return_documents import ReturnSlipToFolder
from tests.e2e.driver import decode_pdf_barcodes, scan
from ui.returns_counter import ReturnsCounter
from ui.tasks import TaskManager

SHIPPED_AT = datetime(2026, 11, 14, 8, 0, tzinfo=UTC)
NOW = SHIPPED_AT + timedelta(days=3)


@pytest.fixture
def counter_uow(demo_store):
    return uow_factory(demo_store.session_factory, station="counter-1", clock=lambda: NOW)


@pytest.fixture
def parcel(counter_uow):
    """PD-900010 shipped three days ago on Shopify: two teas at 19.99 and a cup at 8.50."""
    with counter_uow() as u:
        tea, cup, pot = (u.products.get(s) for s in ("TEA-001", "CUP-002", "POT-003"))
        order = Order("PD-900010", "shopify", "#9010", "Åsa Lindqvist", "+46 8 555 0199",
                      Address("Åsa Lindqvist", "+46 8 555 0199", "Storgatan 1", city="Malmö",
                              country="SE"),
                      [OrderLine(tea.sku, tea.name, 2, 1999), OrderLine(cup.sku, cup.name, 1, 850)])
        u.orders.add(order)
        for line in order.lines:
            item = u.stock.get(line.sku)
            item.reserve(line.quantity, order.number, SHIPPED_AT, "intake")
            item.ship(line.quantity, order.number, SHIPPED_AT, "Ann")
            line.verified_quantity = line.quantity
        order.transition(OrderStatus.PACKING, "Ann", SHIPPED_AT)
        order.transition(OrderStatus.PACKED, "Ann", SHIPPED_AT)
        u.commit()
        codes = {p.sku: p.barcodes[0].code for p in (tea, cup, pot)}
        bins = {p.sku: p.bin_location for p in (tea, cup, pot)}
        before = {sku: u.stock.get(sku).available for sku in codes}
    add_channel(counter_uow(), "shopify", "shopify")  # so its refunds go to the channel
    return {"codes": codes, "available": before, "bins": bins}


@pytest.fixture
def counter(qtbot, counter_uow, tmp_path):
    tasks = TaskManager()
    widget = ReturnsCounter(ReturnsService(counter_uow, zone="Asia/Shanghai"), tasks,
                            ReturnSlipToFolder(tmp_path / "slips"), clerk="Ann",
                            currency="SEK")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.scan_field.setFocus()
    yield widget
    tasks.shutdown()


def _expect(qtbot, counter, look: str):
    return qtbot.waitSignal(counter.verdict_shown, timeout=5000,
                            check_params_cb=lambda shown, _message: shown == look)


def test_a_clerk_takes_a_parcel_back_from_order_scan_to_refund(qtbot, counter, parcel,
                                                                counter_uow, tmp_path):
    tea, cup, pot = (parcel["codes"][s] for s in ("TEA-001", "CUP-002", "POT-003"))
    with _expect(qtbot, counter, "opened"):
        scan(counter, "#9010")  # the channel's order id, as printed on the buyer's email
    assert counter.title.text() == "PD-900010"
    assert counter.policy.text().startswith("Policy passes: Within the return window: day 3")

    with qtbot.waitSignal(counter.slip_done, timeout=15000) as printed:
        qtbot.mouseClick(counter.create_button, Qt.MouseButton.LeftButton)
    rma = counter.case.rma_number
    assert (rma, counter.case.status) == ("RMA-PD-900010-1", "approved")
    assert rma in decode_pdf_barcodes(Path(printed.args[0]), tmp_path)

    counter.scan_field.setFocus()
    for code, look in ((tea, "verified"), (pot, "wrong_item"), (tea, "verified"),
                       (tea, "over_scan"), (cup, "complete")):
        with _expect(qtbot, counter, look):
            scan(counter, code)
    assert counter.case.units_received == 3 and counter.case.missing == ()
    assert counter.case.status == "received"  # the last unit closed the receipt

    for _unit in range(2):
        with _expect(qtbot, counter, "ready"):  # "Scan the bin TEA-001 goes back to."
            qtbot.mouseClick(counter.restock_button, Qt.MouseButton.LeftButton)
        with _expect(qtbot, counter, "verified"):
            scan(counter, parcel["bins"]["TEA-001"])
    qtbot.mouseClick(counter.grade_buttons["missing_parts"], Qt.MouseButton.LeftButton)
    with _expect(qtbot, counter, "complete"):
        qtbot.mouseClick(counter.quarantine_button, Qt.MouseButton.LeftButton)
    assert counter.case.status == "graded"
    assert counter.refund_button.text() == "Refund SEK44.23"  # 2 × 19.99 + half of 8.50
    with _expect(qtbot, counter, "complete"):
        qtbot.mouseClick(counter.refund_button, Qt.MouseButton.LeftButton)
    assert (counter.case.status, counter.case.refund_status) == ("refunded", "pending")

    with counter_uow() as u:
        moves = u.session.execute(select(orm.stock_moves).where(
            orm.stock_moves.c.reason.endswith(rma)).order_by(orm.stock_moves.c.id)).all()
        by_sku = {sku: [(m.from_bucket, m.to_bucket, m.quantity, m.by) for m in moves
                        if m.sku == sku] for sku in ("TEA-001", "CUP-002")}
        assert by_sku == {
            "TEA-001": [("customer", "returns_in_transit", 2, "Ann"),
                        ("returns_in_transit", "available", 1, "Ann"),
                        ("returns_in_transit", "available", 1, "Ann")],
            "CUP-002": [("customer", "returns_in_transit", 1, "Ann"),
                        ("returns_in_transit", "frozen", 1, "Ann")]}
        assert len(moves) == 5
        assert u.stock.get("TEA-001").available == parcel["available"]["TEA-001"] + 2
        assert u.stock.get("CUP-002").available == parcel["available"]["CUP-002"]
        refund = u.returns.refund_message(f"refund:shopify:{rma}")
        assert (refund.kind, refund.status, refund.payload["amount_cents"]) == (
            "refund", "pending", 4423)
        assert refund.payload["channel_order_id"] == "#9010"


def _ship(counter_uow, number: str, channel_order_id: str, skus: tuple[str, ...]) -> None:
    with counter_uow() as u:
        products = [u.products.get(sku) for sku in skus]
        order = Order(number, "shopify", channel_order_id, "Åsa Lindqvist", "+46 8 555 0199",
                      Address("Åsa Lindqvist", "+46 8 555 0199", "Storgatan 1", city="Malmö",
                              country="SE"),
                      [OrderLine(p.sku, p.name, 1, 1999) for p in products])
        u.orders.add(order)
        for line in order.lines:
            item = u.stock.get(line.sku)
            item.reserve(1, number, SHIPPED_AT, "intake")
            item.ship(1, number, SHIPPED_AT, "Ann")
            line.verified_quantity = 1
        order.transition(OrderStatus.PACKING, "Ann", SHIPPED_AT)
        order.transition(OrderStatus.PACKED, "Ann", SHIPPED_AT)
        u.commit()


def test_a_two_unit_return_from_order_to_refund_by_scans_alone(qtbot, counter, parcel,
                                                               counter_uow, tmp_path):
    """No mouse: the order's id, then the counter sheet's command barcodes (read back off
    the printed sheet), the units, the bin, and the damaged unit's photo by the camera."""
    import cv2
    import numpy as np

    from ui.print_tools import command_sheet_pdf
    from ui.returns_photo import CameraStill

    _ship(counter_uow, "PD-900011", "#9011", ("TEA-001", "CUP-002"))
    frames = tmp_path / "camera"
    frames.mkdir()
    for n in range(3):
        cv2.imwrite(str(frames / f"{n:03d}.png"), np.full((120, 160, 3), 60 + n, np.uint8))
    counter.photo_source = CameraStill(str(frames / "%03d.png"), tmp_path / "photos")
    sheet = tmp_path / "counter-sheet.pdf"
    sheet.write_bytes(command_sheet_pdf())
    on_sheet = set(decode_pdf_barcodes(sheet, tmp_path))
    tea, cup = parcel["codes"]["TEA-001"], parcel["codes"]["CUP-002"]
    steps = [("#9011", "opened"), ("PD:RETURN", "complete"), (tea, "verified"),
             (cup, "complete"),  # the last unit: the counter moves on to grading itself
             ("PD:RESTOCK", "ready"), (parcel["bins"]["TEA-001"], "verified"),
             ("PD:GRADE-DAMAGED", "ready"),  # the camera takes the damaged unit's photo
             ("PD:QUARANTINE", "complete"), ("PD:REFUND", "complete")]
    for code, look in steps:
        if code.startswith("PD:"):
            assert code in on_sheet, f"{code} is not on the counter sheet"
        with _expect(qtbot, counter, look):
            scan(counter, code)
    case = counter.case
    assert (case.status, case.refund_status, case.refund_cents) == ("refunded", "pending",
                                                                    1999)  # damaged: nothing
    assert sorted((u.sku, u.grade, u.disposition, bool(u.photo_path)) for u in case.units) == [
        ("CUP-002", "damaged", "quarantine", True), ("TEA-001", "resellable", "restock", False)]
    assert counter.banner.text() == (
        f"Return {case.rma_number} is refunded; refund SEK19.99 (sent to the channel).")
    assert counter.scan_field.text() == ""
