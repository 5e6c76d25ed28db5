"""Property test through the real store: any sequence of moves, each its own unit of work,
leaves a stock row that equals its replayed ledger, never negative, with the sellable
formula intact; a refused move writes nothing."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import InvalidInput
from app.domain.stock import INTERNAL, Bucket, InsufficientStock, StockItem, replay
from tests.parts.store import FIXED_NOW

skus = itertools.count(1)
# a real move changes at least one bucket: source and target differ, one is inside
steps = st.lists(st.tuples(st.sampled_from(list(Bucket)), st.sampled_from(list(Bucket)),
                           st.integers(1, 9))
                 .filter(lambda s: s[0] != s[1] and (s[0] in INTERNAL or s[1] in INTERNAL)),
                 min_size=1, max_size=12)


@pytest.fixture(scope="module")
def ledger_store(tmp_path_factory):
    """One store for every example (each example uses its own SKU)."""
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'ledger.db'}")
    yield opened
    opened.dispose()


@settings(max_examples=25, deadline=None)
@given(steps=steps)
def test_every_move_sequence_replays_to_the_stored_row(ledger_store, steps):
    store = ledger_store
    uow = uow_factory(store.session_factory, station="prop", clock=lambda: FIXED_NOW)
    sku = f"PROP-{next(skus)}"
    with uow() as work:
        work.stock.add(StockItem(sku))
        work.commit()
    refused = 0
    for source, target, quantity in steps:
        with uow() as work:
            item = work.stock.get(sku)
            try:
                item.move(source, target, quantity, "property", work.now(), "hypothesis",
                          "prop")
            except InsufficientStock:
                refused += 1
                continue
            work.commit()
    with uow() as work:
        item = work.stock.get(sku)
        _opening, moves = work.ledger.ledger(sku, 1000)
        row = {bucket.value: getattr(item, bucket.value) for bucket in INTERNAL}
        assert replay(moves) == row
        assert min(row.values()) >= 0
        assert item.sellable == item.available + item.returns_in_transit
        assert len(moves) == len(steps) - refused
        assert item.version == 1 + len(moves)
        assert {m.station for m in moves} <= {"prop"}


def test_a_move_that_changes_no_bucket_is_refused_and_writes_nothing(store):
    """Such a move changes no column: were it accepted, the flush would never write it."""
    uow = uow_factory(store.session_factory, station="prop", clock=lambda: FIXED_NOW)
    with uow() as work:
        work.stock.add(StockItem("ODD-1"))
        work.commit()
    for source, target in ((Bucket.SUPPLIER, Bucket.SCRAP), (Bucket.FROZEN, Bucket.FROZEN)):
        with uow() as work, pytest.raises(InvalidInput, match="changes no stock figure"):
            work.stock.get("ODD-1").move(source, target, 1, "odd", work.now())
    with uow() as work:
        assert work.ledger.ledger("ODD-1", 10)[1] == []

