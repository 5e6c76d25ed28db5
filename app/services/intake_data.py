"""What intake takes in and gives back, as plain values (see sync/intake_map.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

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
    receiver_oaid: str = ""  # Taobao's OAID of a masked receiver (Order.receiver_oaid)


@dataclass(frozen=True)
class Unmapped:
    """A payload that did not map: parked in the exceptions list with the reason."""

    channel: str
    channel_order_id: str
    reason: str
    raw: dict = field(default_factory=dict)


class IntakeOutcome(StrEnum):
    """What taking one channel order in did (IntakeResult.outcome)."""

    CREATED = "created"
    REVIEW = "review"  # created, waiting in the review list
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CANCELLED = "cancelled"
    IGNORED = "ignored"
    PARKED = "parked"  # in the exceptions list: not an order yet


class ReviewKind(StrEnum):
    """A line of the review list: an order to approve, or an exception to resolve."""

    ORDER = "order"
    EXCEPTION = "exception"


@dataclass(frozen=True)
class IntakeResult:
    channel_order_id: str
    outcome: IntakeOutcome
    order_number: str = ""
    reasons: tuple[str, ...] = ()
    merge_group: str = ""
