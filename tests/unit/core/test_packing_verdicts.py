from datetime import UTC, datetime

import pytest

from app.domain.errors import NotAllowed
from app.domain.orders import Address, Order, OrderLine
from app.domain.packing import ItemScan, PackSession, ProductMatch

NOW = datetime(2026, 11, 20, tzinfo=UTC)
TEA = ProductMatch("TEA-001", "Oolong tea")
TEA_CASE = ProductMatch("TEA-001", "Oolong tea", pack_quantity=6)
CUP = ProductMatch("CUP-002", "Tea cup")
PEN = ProductMatch("PEN-012", "Fountain pen")
EARBUDS = ProductMatch("EAR-015", "Earbuds", must_scan=True)


def _setup(tea=8, cup=1):
    order = Order("PD-1", "shopify", "#1", "Ann", "", Address("Ann"),
                  [OrderLine("TEA-001", "Oolong tea", tea), OrderLine("CUP-002", "Tea cup", cup)])
    return order, PackSession("PD-1", "Ann", "bench-1", NOW)


def _scan(uid, quantity=1, serial=""):
    return ItemScan(uid, "code", "wedge", NOW, quantity, serial=serial)


def test_a_case_barcode_counts_its_pack_quantity_and_a_typed_multiple_multiplies():
    order, session = _setup()
    assert session.verify(order, _scan("a"), TEA_CASE).result == "verified"
    assert session.verify(order, _scan("b", quantity=2), TEA).result == "verified"
    assert order.lines[0].verified_quantity == 8


def test_wrong_item_names_what_was_scanned_and_what_is_expected_and_counts_nothing():
    order, session = _setup()
    event = session.verify(order, _scan("a"), PEN)
    assert event.result == "wrong_item"
    assert "PEN-012" in event.message and "TEA-001 ×8" in event.message
    assert order.items_verified == 0


def test_over_scan_is_refused():
    order, session = _setup(cup=1)
    session.verify(order, _scan("a"), CUP)
    event = session.verify(order, _scan("b"), CUP)
    assert event.result == "over_scan" and order.lines[1].verified_quantity == 1


def test_undo_takes_back_the_last_counted_scan_only():
    order, session = _setup()
    session.verify(order, _scan("a"), TEA)
    session.verify(order, _scan("b"), PEN)  # wrong item: not counted, not undone
    undone = session.undo_last(order, NOW)
    assert undone.raw == "code" and undone.sku == "TEA-001"
    assert order.items_verified == 0
    assert session.undo_last(order, NOW) is None


def test_the_same_serial_twice_in_one_order_is_refused():
    order, session = _setup()
    session.verify(order, _scan("a", serial="SN1"), TEA)
    assert session.verify(order, _scan("b", serial="SN1"), TEA).result == "duplicate_serial"


def test_confirm_by_hand_needs_a_reason_and_is_refused_for_must_scan_items():
    order, session = _setup()
    with pytest.raises(NotAllowed, match="needs a reason"):
        session.confirm_by_hand(order, _scan("a"), TEA, " ")
    event = session.confirm_by_hand(order, _scan("b"), TEA, "Barcode damaged")
    assert event.result == "manual" and event.reason == "Barcode damaged"
    order.lines.append(OrderLine("EAR-015", "Earbuds", 1))
    with pytest.raises(NotAllowed, match="must be scanned"):
        session.confirm_by_hand(order, _scan("c"), EARBUDS, "No barcode")
