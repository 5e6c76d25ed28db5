"""What follows from the events aggregates record, in one place (cosmicpython's handlers).

The unit of work collects the events when it commits (app/adapters/unit_of_work.py,
`collect_new_events`) and hands them to `messagebus.handle`:
- BEFORE_COMMIT handlers run inside the transaction, so what they write is stored with the
  change or not at all: the ledger's rows, the stock level for each channel, the return
  case's version.
- AFTER_COMMIT handlers run once the change is stored; a failure there is logged and the
  user's action still stands.

Each handler takes the events of one kind from one transaction, in the order they were
recorded, so a page of channel orders writes its reservations in one statement.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from app.domain.channels import Channel, ChannelSku, pushed_quantity
from app.domain.events import (
    Event,
    OrderPacked,
    ReturnCaseChanged,
    SellableQuantityChanged,
    StockMoved,
)
from app.domain.outbox import OutboxKind, OutboxMessage
from app.domain.stock import StockItem, StockMove

log = logging.getLogger(__name__)


class MoveLedger(Protocol):
    def append_moves(self, moves: list[StockMove], station: str) -> None: ...


class ListedStock(Protocol):
    def get_many(self, skus: list[str]) -> dict[str, StockItem]: ...
    def listings_of(self, skus: list[str]) -> list[ChannelSku]: ...


class StockLevelOutbox(Protocol):
    def add(self, message: OutboxMessage) -> None: ...
    def channels(self) -> list[Channel]: ...


class VersionedReturns(Protocol):
    def touch(self, rma_number: str) -> None: ...


class HandlerUnitOfWork(Protocol):
    """The part of the unit of work the handlers use (the SQLAlchemy one has it all)."""

    station: str
    now: Callable[[], datetime]

    @property
    def ledger(self) -> MoveLedger: ...
    @property
    def stock(self) -> ListedStock: ...
    @property
    def outbox(self) -> StockLevelOutbox: ...
    @property
    def returns(self) -> VersionedReturns: ...


Handler = Callable[[Sequence[Any], HandlerUnitOfWork], None]


def write_stock_moves(events: Sequence[StockMoved], uow: HandlerUnitOfWork) -> None:
    """The ledger's rows, appended with the item's new figures; a move made without a
    station (intake's reservations, a release) gets the unit of work's."""
    uow.ledger.append_moves([event.move for event in events], uow.station)


def queue_stock_levels(events: Sequence[SellableQuantityChanged],
                       uow: HandlerUnitOfWork) -> None:
    """One stock_level message per channel listing each changed SKU (the outbox rule),
    keyed by the item's version when it first changed in this transaction."""
    versions: dict[str, int] = {}
    for event in events:
        versions.setdefault(event.sku, event.version)
    listings = uow.stock.listings_of(list(versions))
    if not listings:
        return
    pushing = {channel.code: channel for channel in uow.outbox.channels()
               if channel.pushes_stock}
    listings = [listing for listing in listings if listing.channel in pushing]
    items = uow.stock.get_many([listing.sku for listing in listings]) if listings else {}
    now = uow.now()
    for listing in listings:
        channel, item = pushing[listing.channel], items.get(listing.sku)
        if item is None:
            continue
        version = versions[item.sku]
        uow.outbox.add(OutboxMessage(
            channel=channel.code, kind=OutboxKind.STOCK_LEVEL,
            idempotency_key=f"stock:{channel.code}:{item.sku}:v{version}",
            subject=item.sku,
            payload={"sku": item.sku, "quantity": pushed_quantity(item, channel, listing),
                     "stock_version": version},
            created_at=now))


def version_return_cases(events: Sequence[ReturnCaseChanged], uow: HandlerUnitOfWork) -> None:
    for rma_number in dict.fromkeys(event.rma_number for event in events):
        uow.returns.touch(rma_number)


def log_order_packed(events: Sequence[OrderPacked], uow: HandlerUnitOfWork) -> None:
    for event in events:
        log.info("order %s (%s) packed by %s at %s", event.number, event.channel,
                 event.by or "?", event.station or uow.station or "?")


BEFORE_COMMIT: dict[type[Event], Handler] = {
    StockMoved: write_stock_moves,
    SellableQuantityChanged: queue_stock_levels,
    ReturnCaseChanged: version_return_cases,
}

AFTER_COMMIT: dict[type[Event], Handler] = {
    OrderPacked: log_order_packed,
}
