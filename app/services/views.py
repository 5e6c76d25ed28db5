"""Plain results handed back to the UI: never ORM objects, never live aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.orders import Order
from app.domain.packing import ScanEvent


@dataclass(frozen=True)
class LineView:
    sku: str
    name: str
    quantity: int
    verified: int
    bin_location: str
    image_path: str | None = None

    @property
    def complete(self) -> bool:
        return self.verified >= self.quantity


@dataclass(frozen=True)
class ScanLogEntry:
    at: datetime
    raw: str
    result: str
    message: str
    undone: bool


@dataclass(frozen=True)
class OrderView:
    number: str
    channel: str
    channel_order_id: str
    buyer_name: str
    phone: str
    ship_to_lines: tuple[str, ...]
    status: str
    lines: tuple[LineView, ...]
    tracking_number: str | None
    carrier: str
    ship_by: datetime | None
    buyer_note: str
    version: int

    @property
    def items_expected(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def items_verified(self) -> int:
        return sum(line.verified for line in self.lines)

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)


def address_lines(order: Order) -> tuple[str, ...]:
    a = order.ship_to
    city_line = " ".join(part for part in (a.postcode, a.city, a.region) if part)
    return tuple(part for part in (a.name, a.line1, a.line2, city_line, a.country, a.phone) if part)


def order_view(order: Order, images: dict[str, str] | None = None) -> OrderView:
    images = images or {}
    return OrderView(
        number=order.number, channel=order.channel, channel_order_id=order.channel_order_id,
        buyer_name=order.buyer_name, phone=order.phone, ship_to_lines=address_lines(order),
        status=str(order.status), tracking_number=order.tracking_number, carrier=order.carrier,
        ship_by=order.ship_by, buyer_note=order.buyer_note, version=order.version,
        lines=tuple(LineView(line.sku, line.name, line.quantity, line.verified_quantity,
                             line.bin_location, images.get(line.sku)) for line in order.lines),
    )


def scan_log(events: list[ScanEvent]) -> tuple[ScanLogEntry, ...]:
    return tuple(ScanLogEntry(e.at, e.raw, e.result, e.message, e.undone_at is not None)
                 for e in events)


@dataclass(frozen=True)
class Candidate:
    number: str
    channel: str
    buyer_name: str
    status: str


@dataclass(frozen=True)
class OpenOrderResult:
    """What scanning an order did: opened it, or why not."""

    outcome: str  # opened | resumed | ambiguous | unknown | already_packed | cancelled | on_hold | busy | invalid
    message: str
    order: OrderView | None = None
    session_id: int | None = None
    candidates: tuple[Candidate, ...] = ()
    log: tuple[ScanLogEntry, ...] = ()
    item_codes: tuple[tuple[str, str, int], ...] = ()  # (code key, SKU, units per scan)

    @property
    def opened(self) -> bool:
        return self.outcome in ("opened", "resumed")


@dataclass(frozen=True)
class ScanVerdict:
    """The bench's answer to one item scan."""

    result: str  # verified | wrong_item | unknown_code | over_scan | duplicate_serial | manual | undone | invalid | nothing_to_undo | other_order
    message: str
    order: OrderView | None = None
    sku: str = ""
    log: tuple[ScanLogEntry, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.result in ("verified", "manual", "undone")

    @property
    def order_complete(self) -> bool:
        return self.order is not None and self.order.complete


@dataclass(frozen=True)
class LabelParty:
    name: str
    phone: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Completion:
    """A packed order, and what its shipping label needs."""

    order: OrderView
    tracking_number: str
    carrier: str
    service: str
    sender: LabelParty
    receiver: LabelParty
    weight_g: int
    partial: bool
    packed_by: str
    packed_at: datetime
    ship_to_fields: dict = field(default_factory=dict)
