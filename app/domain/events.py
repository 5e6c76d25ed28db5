"""What happened to an aggregate, recorded by the aggregate itself.

An aggregate appends an event to its `events` list when it changes in a way something
else must follow (a ledger row, a stock level for the channels, the case's version). The
unit of work collects them when it commits and hands them to the named handlers of
app/services/handlers.py, as cosmicpython's `collect_new_events` does; nothing is hidden
in database hooks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.stock import StockMove


class Event:
    """Something that happened; a plain, frozen record."""


class RecordsEvents:
    """An aggregate whose changes others follow. Every instance has its own `events` list:
    a new one from its constructor, a loaded one from the mapping (app/adapters/orm.py)."""

    events: list[Event]

    def record(self, event: Event) -> None:
        self.events.append(event)


@dataclass(frozen=True)
class StockMoved(Event):
    """A ledger entry: written in the same transaction as the item's new figures."""

    move: StockMove


@dataclass(frozen=True)
class SellableQuantityChanged(Event):
    """A SKU's sellable quantity changed; `version` is the item's version when it did, which
    keys the stock level queued for each channel listing it (a replay cannot queue twice)."""

    sku: str
    version: int


@dataclass(frozen=True)
class ReturnCaseChanged(Event):
    """A case's lines, units or scans changed: the case's own version goes up, so two
    counters receiving the same case cannot both win (the children carry no version)."""

    rma_number: str


@dataclass(frozen=True)
class OrderPacked(Event):
    number: str
    channel: str
    by: str
    at: datetime
    station: str = ""
