"""A pack session and its orders are aggregates: every change to a line or to the session's
scans moves the root's version (so a stale station loses the race), a serial number that
went elsewhere is refused, and a session taken over refuses the first station."""

from datetime import UTC, datetime

import pytest

from app.domain.errors import IllegalTransition, NotAllowed
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.packing import ItemScan, PackSession, ProductMatch, SerialHolder, SessionOutcome
from app.domain.parcels import Parcel

NOW = datetime(2026, 11, 20, tzinfo=UTC)
TEA = ProductMatch("TEA-001", "Oolong tea")


def _order(number="PD-1", tea=3):
    order = Order(number, "shopify", number, "Ann", "", Address("Ann"),
                  [OrderLine("TEA-001", "Oolong tea", tea)])
    order.transition(OrderStatus.PACKING, "Ann", NOW)
    return order


def _scan(uid, serial=""):
    return ItemScan(uid, "code", "wedge", NOW, 1, serial=serial)


def _versions(order, session):
    return order.version, session.version


def test_a_scan_an_undo_a_confirmation_by_hand_and_a_drop_each_move_the_versions():
    order, other = _order(), _order("PD-2")
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    before = _versions(order, session)
    session.verify(order, _scan("a"), TEA)
    after_scan = _versions(order, session)
    assert after_scan[0] > before[0] and after_scan[1] > before[1]
    session.undo_last(order, NOW)
    after_undo = _versions(order, session)
    assert after_undo[0] > after_scan[0] and after_undo[1] > after_scan[1]
    session.confirm_by_hand(order, _scan("b"), TEA, "Barcode damaged")
    after_manual = _versions(order, session)
    assert after_manual[0] > after_undo[0] and after_manual[1] > after_undo[1]
    session.merge(["PD-2"], NOW)
    parcel = Parcel([order, other])
    session.verify(parcel, _scan("c"), TEA)
    dropped_at = _versions(other, session)
    session.drop(parcel, "PD-2", NOW)
    assert other.version > dropped_at[0] and session.version > dropped_at[1]


def test_a_wrong_item_moves_only_the_session():
    order = _order()
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    session.verify(order, _scan("a"), ProductMatch("PEN-1", "Pen"))
    assert (order.version, session.version) == (0, 1)


def test_a_serial_packed_elsewhere_is_refused_and_names_the_order():
    order = _order()
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    shipped = session.verify(order, _scan("a", "SN1"), TEA, SerialHolder("PD-9", "bench-2", True))
    assert shipped.result == "duplicate_serial"
    assert shipped.message == "Serial SN1 already shipped in order PD-9."
    open_elsewhere = session.verify(order, _scan("b", "SN1"), TEA,
                                    SerialHolder("PD-9", "bench-2", False))
    assert open_elsewhere.message == ("Serial SN1 is already in order PD-9, being packed at "
                                      "bench-2.")
    assert order.items_verified == 0 and session.serials == []


def test_a_counted_serial_is_held_until_undone_or_the_order_is_left():
    order = _order()
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    session.verify(order, _scan("a", "SN1"), TEA)
    session.verify(order, _scan("b", "SN2"), TEA)
    assert [(s.serial, s.order_number) for s in session.serials] == [("SN1", "PD-1"),
                                                                     ("SN2", "PD-1")]
    session.undo_last(order, NOW)
    assert [s.serial for s in session.serials] == ["SN1"]
    session.close(SessionOutcome.LEFT, NOW)
    assert session.serials == []


def test_a_session_taken_over_refuses_the_first_station():
    session = PackSession("PD-1", "Ann", "bench-1", NOW)
    session.check_station("bench-1")
    with pytest.raises(NotAllowed, match="being packed by Ann at bench-1"):
        session.check_station("bench-2")
    session.take_over("Li", "bench-2", "Sam")
    session.check_station("bench-2")
    with pytest.raises(NotAllowed) as refused:
        session.check_station("bench-1")
    assert str(refused.value) == ("Order PD-1 was taken over by Li at bench-2 (supervisor Sam); "
                                  "this station can no longer scan it.")


def test_only_an_order_being_packed_can_be_handed_over():
    order = Order("PD-1", "shopify", "#1", "Ann", "", Address("Ann"))
    with pytest.raises(IllegalTransition, match="only an order being packed"):
        order.hand_over("Sam", NOW, "x", "bench-2")
    order.transition(OrderStatus.PACKING, "Ann", NOW)
    record = order.hand_over("Sam", NOW, "taken over", "bench-2")
    assert (record.from_status, record.to_status, record.by) == ("packing", "packing", "Sam")
