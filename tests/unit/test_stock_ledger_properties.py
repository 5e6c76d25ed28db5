"""Property tests of the stock ledger: whatever moves happen, in whatever order,
the row equals the replayed moves, no bucket goes below zero, and sellable keeps its
formula; a refused move changes nothing. Channel quotas stay within what is sellable."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.channels import Channel, ChannelSku, pushed_quantity
from app.domain.errors import InvalidInput
from app.domain.stock import INTERNAL, Bucket, InsufficientStock, StockItem, replay

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
BUCKETS = list(Bucket)
moves = st.lists(st.tuples(st.sampled_from(BUCKETS), st.sampled_from(BUCKETS),
                           st.integers(min_value=1, max_value=20)), max_size=60)


def _figures(item: StockItem) -> dict[str, int]:
    return {bucket.value: getattr(item, bucket.value) for bucket in INTERNAL}


@settings(max_examples=300, deadline=None)
@given(moves)
def test_row_equals_replayed_ledger_and_never_goes_negative(steps):
    item = StockItem("SKU-1")
    for source, target, quantity in steps:
        before = _figures(item)
        meaningless = source == target or (source not in INTERNAL and target not in INTERNAL)
        try:
            item.move(source, target, quantity, "test", AT)
            assert not meaningless
        except InsufficientStock:
            assert _figures(item) == before  # a refused move leaves no trace
            assert before[source.value] < quantity
        except InvalidInput:  # a move that would change no figure explains nothing
            assert meaningless and _figures(item) == before
        assert all(value >= 0 for value in _figures(item).values())
        assert replay(item.new_moves) == _figures(item)
        assert item.sellable == item.available + item.returns_in_transit
        assert item.on_hand == item.available + item.awaiting_shipment + item.frozen


@settings(max_examples=200, deadline=None)
@given(received=st.integers(0, 50), orders=st.lists(st.integers(1, 5), max_size=30))
def test_reservations_never_promise_more_than_was_received(received, orders):
    item = StockItem("SKU-1")
    if received:
        item.receive(received, AT)
    promised = 0
    for number, quantity in enumerate(orders):
        try:
            item.reserve(quantity, f"PD-{number}", AT)
            promised += quantity
        except InsufficientStock:
            pass
    assert promised == item.awaiting_shipment <= received
    assert item.available == received - promised


@settings(max_examples=300, deadline=None)
@given(available=st.integers(0, 10_000), in_transit=st.integers(0, 100),
       ratio=st.floats(0, 1), buffer=st.integers(0, 50),
       own_ratio=st.one_of(st.none(), st.floats(0, 1)),
       own_buffer=st.one_of(st.none(), st.integers(0, 50)))
def test_pushed_quantity_stays_within_sellable(available, in_transit, ratio, buffer, own_ratio,
                                               own_buffer):
    item = StockItem("SKU-1", available=available, returns_in_transit=in_transit)
    channel = Channel("shop", "shopify", allocation_ratio=ratio, floor_buffer=buffer)
    listing = ChannelSku("shop", "SKU-1", own_ratio, own_buffer)
    pushed = pushed_quantity(item, channel, listing)
    assert 0 <= pushed <= item.sellable
    effective_buffer = own_buffer if own_buffer is not None else buffer
    if item.sellable <= effective_buffer:
        assert pushed == 0
    full = Channel("all", "shopify")
    assert pushed_quantity(item, full) == item.sellable
