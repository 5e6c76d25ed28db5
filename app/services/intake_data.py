"""What intake takes in and gives back, as plain values (see sync/intake_map.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.orders import Address


@dataclass(frozen=True)
class IncomingLine:
    channel_line_id: str
    sku: str
    name: str
    quantity: int
    unit_price_cents: int = 0


@dataclass(frozen=True)
class IncomingOrder:
    """An order as a channel sent it, already in the core's words (see sync/intake_map.py)."""

    channel: str
    channel_order_id: str
    status: str  # one of sync.model.ORDER_STATUSES: open, on_hold, awaiting_payment, ...
    buyer_name: str
    phone: str
    ship_to: Address
    lines: tuple[IncomingLine, ...]
    buyer_note: str = ""
    placed_at: datetime | None = None
    ship_by: datetime | None = None
    tracking_number: str = ""
    carrier: str = ""
    review_reasons: tuple[str, ...] = ()  # from the channel-side validation
    updated_marker: str = ""


@dataclass(frozen=True)
class Unmapped:
    """A payload that did not map: parked in the exceptions list with the reason."""

    channel: str
    channel_order_id: str
    reason: str
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class IntakeResult:
    channel_order_id: str
    outcome: str  # created | review | updated | unchanged | cancelled | ignored | parked
    order_number: str = ""
    reasons: tuple[str, ...] = ()
    merge_group: str = ""
