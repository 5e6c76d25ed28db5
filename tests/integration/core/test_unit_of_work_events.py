"""The unit of work hands the aggregates' events to their handlers (app/services/handlers.py):
the ledger rows and the channels' stock levels are stored with the change or not at all; an
after-commit handler that fails leaves the change stored."""

from __future__ import annotations

import gc
import logging

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.domain.channels import ChannelSku
from app.domain.errors import StoreRefused
from app.domain.events import OrderPacked, SellableQuantityChanged
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.stock import StockItem
from app.services import handlers
from app.services.channel_stock import add_channel


def _moves(uow, sku: str) -> list[tuple[str, str, int, str]]:
    with uow() as u:
        m = orm.stock_moves.c
        return [tuple(row) for row in u.session.execute(
            select(m.from_bucket, m.to_bucket, m.quantity, m.station)
            .where(m.sku == sku).order_by(m.id))]


def _stock_levels(uow) -> list[tuple[str, str, dict]]:
    with uow() as u:
        o = orm.outbox.c
        return [tuple(row) for row in u.session.execute(
            select(o.channel, o.idempotency_key, o.payload)
            .where(o.kind == "stock_level").order_by(o.id))]


def _opening_stock(uow, sku: str, units: int) -> None:
    with uow() as u:
        item = StockItem(sku)
        u.stock.add(item)
        item.receive(units, u.now(), "test")
        u.commit()


def test_moves_of_an_item_written_early_and_dropped_still_reach_the_ledger(uow):
    """The session's identity map is weak: an item flushed by a savepoint and no longer held
    by its caller must still hand its moves over at commit."""
    _opening_stock(uow, "TEA-1", 5)
    with uow() as u:
        u.stock.get("TEA-1").reserve(2, "PD-1", u.now())
        u.session.flush()  # written now, as a savepoint or a refusal check does
        gc.collect()
        u.commit()
    assert _moves(uow, "TEA-1") == [("supplier", "available", 5, "test-bench"),
                                    ("available", "awaiting_shipment", 2, "test-bench")]


def test_a_rolled_back_savepoint_takes_its_moves_with_it(uow):
    _opening_stock(uow, "TEA-1", 5)
    with uow() as u:
        item = u.stock.get("TEA-1")
        item.reserve(1, "PD-1", u.now())
        with pytest.raises(StoreRefused), u.savepoint():
            u.stock.get("TEA-1").reserve(1, "PD-2", u.now())
            raise StoreRefused("refused inside the savepoint")
        u.commit()
    assert _moves(uow, "TEA-1")[1:] == [("available", "awaiting_shipment", 1, "test-bench")]
    with uow() as u:
        assert u.stock.get("TEA-1").awaiting_shipment == 1


def test_a_sellable_change_queues_one_stock_level_per_listing_channel(uow):
    add_channel(uow(), "shop", "shopify", allocation_ratio=0.5)
    add_channel(uow(), "file", "csv")  # nothing is pushed to a file
    _opening_stock(uow, "TEA-1", 10)
    with uow() as u:
        u.stock.add_listing(ChannelSku("shop", "TEA-1"))
        u.stock.add_listing(ChannelSku("file", "TEA-1"))
        item = u.stock.get("TEA-1")
        version = item.version
        item.reserve(2, "PD-1", u.now())
        item.reserve(1, "PD-2", u.now())  # one message for the transaction, not one a move
        u.commit()
    assert _stock_levels(uow) == [
        ("shop", f"stock:shop:TEA-1:v{version}",
         {"sku": "TEA-1", "quantity": 3, "stock_version": version})]


def test_a_failing_before_commit_handler_fails_the_whole_change(uow, monkeypatch):
    _opening_stock(uow, "TEA-1", 5)

    def refuse(events, work):
        raise StoreRefused("the stock level could not be queued")

    monkeypatch.setitem(handlers.BEFORE_COMMIT, SellableQuantityChanged, refuse)
    with uow() as u, pytest.raises(StoreRefused):
        u.stock.get("TEA-1").reserve(2, "PD-1", u.now())
        u.commit()
    monkeypatch.undo()
    with uow() as u:
        assert u.stock.get("TEA-1").available == 5
    assert len(_moves(uow, "TEA-1")) == 1  # only the opening stock


def test_a_failing_after_commit_handler_leaves_the_change_stored(uow, monkeypatch, caplog):
    def broken(events, work):
        raise RuntimeError("log target gone")

    monkeypatch.setitem(handlers.AFTER_COMMIT, OrderPacked, broken)
    with uow() as u:
        order = Order("PD-9", "shopify", "#9", "Ann", "", Address("Ann"),
                      lines=[OrderLine("TEA-1", "Tea", 1)], status=OrderStatus.PACKING)
        u.orders.add(order)
        order.transition(OrderStatus.PACKED, "Ann", u.now())
        with caplog.at_level(logging.ERROR, logger="app.services.messagebus"):
            u.commit()
    assert "after-commit handler broken failed" in caplog.text
    with uow() as u:
        assert u.orders.get("PD-9").status == OrderStatus.PACKED
