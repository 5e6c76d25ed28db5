"""Aggregates record what happened; the unit of work hands it on (app/domain/events.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.events import (
    OrderPacked,
    ReturnCaseChanged,
    SellableQuantityChanged,
    StockMoved,
)
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.returns import ReturnCase, ReturnLine, ReturnStatus
from app.domain.stock import StockItem

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_move_is_a_ledger_event_and_sellable_changes_are_their_own():
    item = StockItem("TEA-001", version=4)
    item.receive(5, NOW, "Ann")
    item.reserve(2, "PD-1", NOW)
    item.ship(2, "PD-1", NOW)  # awaiting shipment -> shipped: nothing sellable changed
    kinds = [type(event) for event in item.events]
    assert kinds == [StockMoved, SellableQuantityChanged, StockMoved, SellableQuantityChanged,
                     StockMoved]
    assert [m.to_bucket for m in item.new_moves] == ["available", "awaiting_shipment",
                                                     "shipped"]
    assert item.events[1] == SellableQuantityChanged("TEA-001", 4)


def test_a_new_item_with_sellable_units_is_a_change_and_an_empty_one_is_not():
    assert StockItem("CUP-1").events == []
    assert StockItem("CUP-2", available=5).events == [SellableQuantityChanged("CUP-2", 0)]


def test_packing_an_order_records_it():
    order = Order("PD-7", "shopify", "#7", "Ann", "", Address("Ann"),
                  lines=[OrderLine("TEA-001", "Tea", 1)], status=OrderStatus.PACKING)
    order.transition(OrderStatus.PACKED, "Ann", NOW, station="bench-1")
    assert order.events == [OrderPacked("PD-7", "shopify", "Ann", NOW, "bench-1")]


def test_receiving_a_return_changes_the_case_even_when_only_a_line_moved():
    case = ReturnCase("RMA-PD-7-1", "PD-7", "shopify", "#7", "Cleo", "buyer", NOW,
                      status=ReturnStatus.IN_TRANSIT,
                      lines=[ReturnLine("TEA-001", "Tea", 1, "changed_mind")])
    case.receive("TEA-001", "TEA-001", NOW, "Cleo")
    assert case.events == [ReturnCaseChanged("RMA-PD-7-1")]
