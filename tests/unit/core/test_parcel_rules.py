"""Merged parcels in plain Python: which order's line a scan fills, undo, drop, and what
the packer is told."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import NotAllowed
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.packing import ItemScan, PackSession, ProductMatch
from app.domain.parcels import Parcel, fill_oldest_first

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
TEA = ProductMatch("TEA-001", "Oolong tea")
TEA_CASE = ProductMatch("TEA-001", "Oolong tea", pack_quantity=6)
CUP = ProductMatch("CUP-002", "Tea cup")
PEN = ProductMatch("PEN-012", "Fountain pen")
NAMES = {"TEA-001": "Oolong tea", "CUP-002": "Tea cup"}


def _order(number: str, hours_ago: int, *lines: tuple[str, int]) -> Order:
    order = Order(number, "shopify", f"#{number}", "Mei", "", Address("Mei"),
                  [OrderLine(sku, NAMES[sku], quantity) for sku, quantity in lines],
                  status=OrderStatus.PACKING, placed_at=NOW - timedelta(hours=hours_ago))
    return order


def _parcel():
    """PD-2 is the oldest; PD-1 (the one scanned first) and PD-3 came later."""
    newer = _order("PD-1", 1, ("TEA-001", 2), ("CUP-002", 1))
    oldest = _order("PD-2", 5, ("TEA-001", 1))
    newest = _order("PD-3", 0, ("CUP-002", 2))
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    session.merge(["PD-2", "PD-3"], NOW)
    return Parcel([newer, oldest, newest]), session


def _scan(uid, quantity=1, serial=""):
    return ItemScan(uid, "code", "wedge", NOW, quantity, serial=serial)


def test_the_parcel_lists_its_orders_oldest_first_and_the_session_knows_them():
    parcel, session = _parcel()
    assert parcel.numbers == ["PD-2", "PD-1", "PD-3"]
    assert session.order_numbers == ["PD-1", "PD-2", "PD-3"]
    assert parcel.merged and not Parcel([_order("PD-9", 0, ("TEA-001", 1))]).merged


def test_a_sku_in_two_orders_fills_the_oldest_orders_line_first_then_the_next():
    parcel, session = _parcel()
    first = session.verify(parcel, _scan("a"), TEA)
    assert first.result == "verified" and first.order_number == "PD-2"
    assert first.message == "TEA-001 Oolong tea: 1 of 1 for order PD-2"
    second = session.verify(parcel, _scan("b"), TEA)
    assert second.order_number == "PD-1" and "1 of 2 for order PD-1" in second.message
    assert [line.verified_quantity for line in parcel.order("PD-1").lines] == [1, 0]


def test_a_multiple_split_over_two_orders_records_one_event_per_order_and_undoes_as_one():
    parcel, session = _parcel()
    event = session.verify(parcel, _scan("a", quantity=3), TEA)
    assert event.result == "verified"
    assert event.message == "TEA-001 Oolong tea: PD-2 1/1; PD-1 2/2 (oldest order first)"
    assert [(e.scan_uid, e.order_number, e.quantity) for e in session.events] == [
        ("a", "PD-2", 1), ("a/1", "PD-1", 2)]
    parts = session.undo_last_scan(parcel, NOW)
    assert sum(e.quantity for e in parts) == 3
    assert parcel.items_verified == 0 and all(e.undone_at for e in session.events)


def test_over_scan_counts_the_whole_parcel_and_wrong_item_names_what_is_still_expected():
    parcel, session = _parcel()
    over = session.verify(parcel, _scan("a"), TEA_CASE)  # 6 units, 3 in the parcel
    assert over.result == "over_scan"
    assert over.message == ("Over-scan: TEA-001 needs 3, 0 already verified; 6 more is too "
                            "many.")
    wrong = session.verify(parcel, _scan("b"), PEN)
    assert wrong.result == "wrong_item" and "none of this parcel's orders" in wrong.message
    assert "TEA-001 ×1" in wrong.message and "CUP-002 ×2" in wrong.message
    assert parcel.items_verified == 0


def test_undo_takes_back_the_last_scan_from_the_order_it_went_to():
    parcel, session = _parcel()
    session.verify(parcel, _scan("a"), CUP)  # PD-1 is older than PD-3
    session.verify(parcel, _scan("b"), CUP)
    assert [o.items_verified for o in parcel.orders] == [0, 1, 1]
    undone = session.undo_last(parcel, NOW)
    assert undone.order_number == "PD-3"
    assert [o.items_verified for o in parcel.orders] == [0, 1, 0]


def test_confirm_by_hand_follows_the_same_rule():
    parcel, session = _parcel()
    session.verify(parcel, _scan("a"), TEA)
    event = session.confirm_by_hand(parcel, _scan("m"), TEA, "Barcode damaged")
    assert event.result == "manual" and event.order_number == "PD-1"
    assert event.message == ("TEA-001 confirmed by hand (Barcode damaged): 1 of 2 for order "
                             "PD-1")


def test_dropping_an_order_takes_back_its_scans_and_keeps_the_others():
    parcel, session = _parcel()
    session.verify(parcel, _scan("a", quantity=2), TEA)  # PD-2 1, PD-1 1
    session.verify(parcel, _scan("b"), CUP)  # PD-1
    dropped = session.drop(parcel, "PD-1", NOW)
    assert dropped.items_verified == 0 and session.order_numbers == ["PD-2", "PD-3"]
    assert [(e.order_number, e.counts) for e in session.events] == [
        ("PD-2", True), ("PD-1", False), ("PD-1", False)]
    rest = Parcel([parcel.order("PD-2"), parcel.order("PD-3")])
    assert session.undo_last(rest, NOW).order_number == "PD-2"  # the dropped scans are gone
    assert rest.items_verified == 0
    session.drop(rest, "PD-3", NOW)
    with pytest.raises(NotAllowed, match="only order"):
        session.drop(Parcel([rest.order("PD-2")]), "PD-2", NOW)


def test_a_parcel_of_one_order_behaves_as_before():
    order = _order("PD-9", 0, ("TEA-001", 2))
    session = PackSession("PD-9", "Ann", "bench-1", NOW)
    event = session.verify(order, _scan("a"), TEA)
    assert event.message == "TEA-001 Oolong tea: 1 of 2" and session.order_numbers == ["PD-9"]


def test_fill_oldest_first_spreads_units_or_refuses_too_many():
    assert fill_oldest_first([0, 2, 3], 4) == [(1, 2), (2, 2)]
    assert fill_oldest_first([1, 1], 3) is None
    assert fill_oldest_first([5], 0) == []
