"""The channel-facing order model: what every adapter and the CSV import hand to the core.

Plain frozen dataclasses, no Qt and no SQLAlchemy, so the core can map them however it likes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

OrderStatus = Literal["open", "on_hold", "awaiting_payment", "cancelled", "refunded",
                      "partially_refunded", "fulfilled"]
ORDER_STATUSES: tuple[str, ...] = ("open", "on_hold", "awaiting_payment", "cancelled",
                                   "refunded", "partially_refunded", "fulfilled")

Disposition = Literal["packable", "hold", "cancelled", "ignore"]
# What the bench does with each unified status. Every adapter maps each status its platform
# documents to one of ORDER_STATUSES (its STATUS_TABLE), so each lands here on purpose:
# - packable: to the bench (partly refunded ones through review);
# - hold: paid but not to ship now (on_hold: taken in, reserved and held), or not paid
#   (awaiting_payment: a new order is not taken in; a known one is held until paid);
# - cancelled: cancelled and its units freed (after packing, parked for a person);
# - ignore: already shipped at the channel; nothing for the bench.
DISPOSITIONS: dict[str, Disposition] = {
    "open": "packable", "partially_refunded": "packable", "on_hold": "hold",
    "awaiting_payment": "hold", "cancelled": "cancelled", "refunded": "cancelled",
    "fulfilled": "ignore"}


@dataclass(frozen=True)
class UnifiedAddress:
    name: str
    line1: str
    line2: str
    city: str
    region: str
    postcode: str
    country_code: str


@dataclass(frozen=True)
class UnifiedLine:
    channel_line_id: str
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class UnifiedOrder:
    channel: str
    channel_order_id: str
    order_number_hint: str
    status: OrderStatus
    buyer_name: str
    phone: str
    email: str
    address: UnifiedAddress
    lines: tuple[UnifiedLine, ...]
    buyer_note: str
    placed_at: datetime
    updated_at: datetime
    ship_by: datetime | None
    tracking_number: str
    carrier: str
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # The marketplace shows software vendors the receiver masked (张**, 138****0000) as it
    # sent it; the real one reaches only the carrier's e-waybill. Never filled in by us.
    receiver_masked: bool = False
    # Taobao/Tmall's OAID (Open Addressee ID) of the receiver, as taobao.trade.fullinfo.get
    # returns it with include_oaid: an id only the platform (and Cainiao) resolves
    receiver_oaid: str = ""


@dataclass(frozen=True)
class MappingError:
    """A payload that does not map; the core parks it in the exceptions list with the reason."""

    reason: str
    channel_order_id: str
    channel: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class FulfilmentLine:
    channel_line_id: str
    quantity: int


@dataclass(frozen=True)
class Fulfilment:
    """A parcel that left the bench. Empty `lines` means the whole order shipped."""

    channel_order_id: str
    tracking_number: str
    carrier: str
    lines: tuple[FulfilmentLine, ...]
    idempotency_key: str


@dataclass(frozen=True)
class StockLevel:
    """An absolute sellable quantity to publish; `compare_quantity` is the last value we saw."""

    sku: str
    quantity: int
    compare_quantity: int | None
    idempotency_key: str


@dataclass(frozen=True)
class PushResult:
    """What the channel did with a push.

    `already_applied` is True when an earlier attempt (same idempotency key, or the same effect
    read back from the channel) had landed, so nothing new was written this time.
    """

    already_applied: bool
    remote_reference: str = ""
    note: str = ""


@dataclass(frozen=True)
class RefundLine:
    channel_line_id: str
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class Refund:
    """Money back for a return case, in the channel's line ids.

    An empty `currency` means the order's own currency (the outbox does not carry one).
    """

    channel_order_id: str
    amount: Decimal
    currency: str
    lines: tuple[RefundLine, ...]
    reason: str
    idempotency_key: str

    @property
    def marker(self) -> str:
        """Written into the channel's refund note, so a retry finds the refund it made."""
        return f"[packdesk:{self.idempotency_key}]"
