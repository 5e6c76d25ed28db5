from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.stock import INTERNAL, Bucket, InsufficientStock, StockItem, replay

NOW = datetime(2026, 11, 20, tzinfo=UTC)


def test_reserve_then_ship_moves_units_through_the_buckets():
    item = StockItem("TEA-001")
    item.receive(10, NOW)
    item.reserve(3, "PD-1", NOW)
    item.ship(3, "PD-1", NOW, "Ann")
    assert (item.available, item.awaiting_shipment, item.shipped, item.on_hand) == (7, 0, 3, 7)
    assert [(m.from_bucket, m.to_bucket, m.quantity) for m in item.new_moves] == [
        ("supplier", "available", 10), ("available", "awaiting_shipment", 3),
        ("awaiting_shipment", "shipped", 3)]


def test_a_move_never_takes_more_than_is_there():
    item = StockItem("TEA-001")
    item.receive(2, NOW)
    with pytest.raises(InsufficientStock, match="3 needed from available, only 2 there"):
        item.reserve(3, "PD-1", NOW)
    assert item.available == 2 and len(item.new_moves) == 1


_moves = st.lists(st.tuples(st.sampled_from(list(Bucket)), st.sampled_from(list(Bucket)),
                            st.integers(min_value=1, max_value=50)), max_size=60)


@given(_moves)
def test_the_row_always_equals_the_ledger_replayed_and_never_goes_negative(moves):
    item = StockItem("SKU")
    for source, target, quantity in moves:
        try:
            item.move(source, target, quantity, "test", NOW)
        except (InsufficientStock, InvalidInput):
            pass
    totals = replay(item.new_moves)
    for bucket in INTERNAL:
        assert getattr(item, bucket.value) == totals[bucket.value] >= 0


def test_a_move_that_changes_no_figure_is_refused():
    item = StockItem("TEA-001")
    with pytest.raises(InvalidInput, match="changes no stock figure"):
        item.move(Bucket.SUPPLIER, Bucket.SCRAP, 1, "odd", NOW)
    with pytest.raises(InvalidInput, match="changes no stock figure"):
        item.move(Bucket.AVAILABLE, Bucket.AVAILABLE, 1, "odd", NOW)
    assert item.new_moves == []
