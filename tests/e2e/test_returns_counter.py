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
        before = {sku: u.stock.get(sku).available for sku in codes}
    return {"codes": codes, "available": before}


@pytest.fixture
def counter(qtbot, counter_uow, tmp_path):
    tasks = TaskManager()
    widget = ReturnsCounter(ReturnsService(counter_uow, zone="Asia/Shanghai"), tasks,
                            ReturnSlipToFolder(tmp_path / "slips"), clerk="Ann")
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
                       (tea, "over_scan"), (cup, "verified")):
        with _expect(qtbot, counter, look):
            scan(counter, code)
    assert counter.case.units_received == 3 and counter.case.missing == ()
    with _expect(qtbot, counter, "complete"):
        qtbot.mouseClick(counter.finish_button, Qt.MouseButton.LeftButton)

    for _unit in range(2):
        with _expect(qtbot, counter, "verified"):
            qtbot.mouseClick(counter.restock_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(counter.grade_buttons["missing_parts"], Qt.MouseButton.LeftButton)
    with _expect(qtbot, counter, "complete"):
        qtbot.mouseClick(counter.quarantine_button, Qt.MouseButton.LeftButton)
    assert counter.case.status == "graded"
    assert counter.refund_button.text() == "Refund 44.23"  # 2 × 19.99 + half of 8.50
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
