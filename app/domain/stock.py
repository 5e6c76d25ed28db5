"""Stock as a ledger.

A StockItem keeps one SKU's quantity in each bucket; every change is a StockMove from
one bucket to another, created by the item itself so the two cannot disagree. Each move is
recorded as a StockMoved event (and a change of the sellable quantity as its own event);
the unit of work writes them in the same transaction as the item (whose `version` is
checked by the database), so a figure on screen can always be explained move by move.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import InvalidInput, PackdeskError
from app.domain.events import Event, RecordsEvents, SellableQuantityChanged, StockMoved
from app.domain.messages import Msg


class Bucket(StrEnum):
    AVAILABLE = "available"
    AWAITING_SHIPMENT = "awaiting_shipment"
    FROZEN = "frozen"
    SHIPPED = "shipped"
    RETURNS_IN_TRANSIT = "returns_in_transit"
    # outside the warehouse: the ledger's other side
    SUPPLIER = "supplier"
    CUSTOMER = "customer"
    ADJUSTMENT = "adjustment"
    SCRAP = "scrap"


INTERNAL = (Bucket.AVAILABLE, Bucket.AWAITING_SHIPMENT, Bucket.FROZEN, Bucket.SHIPPED,
            Bucket.RETURNS_IN_TRANSIT)
SELLABLE = (Bucket.AVAILABLE, Bucket.RETURNS_IN_TRANSIT)  # the buckets `sellable` adds up


class InsufficientStock(PackdeskError):
    """Not enough units in the bucket a move takes from."""


@dataclass(eq=False)
class StockMove:
    sku: str
    from_bucket: str
    to_bucket: str
    quantity: int
    reason: str
    at: datetime
    by: str = ""
    station: str = ""
    order_number: str = ""
    id: int | None = None


@dataclass(eq=False)
class StockItem(RecordsEvents):
    sku: str
    available: int = 0
    awaiting_shipment: int = 0
    frozen: int = 0
    shipped: int = 0
    returns_in_transit: int = 0
    version: int = 0
    id: int | None = None
    events: list[Event] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        """A new item that starts with sellable units is a change the channels must hear of
        (a loaded item is not constructed: this runs only for new ones)."""
        if self.sellable != 0:
            self.record(SellableQuantityChanged(self.sku, self.version or 0))

    @property
    def on_hand(self) -> int:
        """Units physically in the warehouse, reserved and frozen ones included."""
        return self.available + self.awaiting_shipment + self.frozen

    @property
    def sellable(self) -> int:
        """on hand - awaiting shipment - frozen + returns in transit."""
        return self.available + self.returns_in_transit

    @property
    def new_moves(self) -> list[StockMove]:
        """Moves made since the item was loaded (or last written): its StockMoved events."""
        return [event.move for event in self.events if isinstance(event, StockMoved)]

    def move(self, source: Bucket, target: Bucket, quantity: int, reason: str, at: datetime,
             by: str = "", station: str = "", order_number: str = "") -> StockMove:
        if quantity <= 0:
            raise InvalidInput(Msg("A stock move needs a positive quantity, not {quantity}.",
                                   quantity=quantity))
        if source == target or (source not in INTERNAL and target not in INTERNAL):
            # such a move changes no figure of the item: it would explain nothing
            raise InvalidInput(Msg("{sku}: a move from {value} to {value2} changes no stock "
                                   "figure.", sku=self.sku, value=source.value,
                                   value2=target.value))
        source_name, target_name = str(source), str(target)  # a bucket names its figure
        if source_name in INTERNAL:
            have = getattr(self, source_name)
            if have < quantity:
                raise InsufficientStock(
                    Msg("{sku}: {quantity} needed from {source}, only {have} there.",
                        sku=self.sku, quantity=quantity, source=source_name.replace('_', ' '),
                        have=have)
                )
            setattr(self, source_name, have - quantity)
        if target_name in INTERNAL:
            setattr(self, target_name, getattr(self, target_name) + quantity)
        record = StockMove(self.sku, source_name, target_name, quantity, reason, at, by, station,
                           order_number)
        self.record(StockMoved(record))
        if source_name in SELLABLE or target_name in SELLABLE:
            self.record(SellableQuantityChanged(self.sku, self.version or 0))
        return record

    def receive(self, quantity: int, at: datetime, by: str = "", reason: str = "receipt",
                station: str = "") -> StockMove:
        return self.move(Bucket.SUPPLIER, Bucket.AVAILABLE, quantity, reason, at, by, station)

    def reserve(self, quantity: int, order_number: str, at: datetime, by: str = "") -> StockMove:
        return self.move(Bucket.AVAILABLE, Bucket.AWAITING_SHIPMENT, quantity, "reserved",
                         at, by, order_number=order_number)

    def release(self, quantity: int, order_number: str, at: datetime, by: str = "",
                reason: str = "released") -> StockMove:
        return self.move(Bucket.AWAITING_SHIPMENT, Bucket.AVAILABLE, quantity, reason, at, by,
                         order_number=order_number)

    def ship(self, quantity: int, order_number: str, at: datetime, by: str = "",
             station: str = "") -> StockMove:
        return self.move(Bucket.AWAITING_SHIPMENT, Bucket.SHIPPED, quantity, "packed", at, by,
                         station, order_number)


def replay(moves: list[StockMove]) -> dict[str, int]:
    """Bucket totals rebuilt from the ledger alone: what the item's row must equal."""
    totals = {bucket.value: 0 for bucket in INTERNAL}
    for record in moves:
        if record.from_bucket in totals:
            totals[record.from_bucket] -= record.quantity
        if record.to_bucket in totals:
            totals[record.to_bucket] += record.quantity
    return totals
