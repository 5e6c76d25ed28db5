"""Sales channels as the store knows them, and what intake remembers about each order.

Credentials are not here on purpose: they live in the OS keyring (sync/credentials.py).
A channel row keeps only what is safe to show: its kind, shop address, allocation rules,
the pull cursor and the last result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import IllegalTransition, InvalidInput
from app.domain.messages import KeepsReason, Msg, joined
from app.domain.orders import ALLOWED_TRANSITIONS, Address, OrderStatus, OrderTransition
from app.domain.stock import StockItem


class ChannelKind(StrEnum):
    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"
    TAOBAO = "taobao"
    PINDUODUO = "pinduoduo"
    JD = "jd"
    DOUYIN = "douyin"
    CSV = "csv"  # a file, not a shop: nothing is pushed back to it


class ChannelOrderStatus(StrEnum):
    """An incoming order's status, unified over the platforms (sync/model.py ORDER_STATUSES)."""

    OPEN = "open"
    ON_HOLD = "on_hold"
    AWAITING_PAYMENT = "awaiting_payment"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    FULFILLED = "fulfilled"


CHANNEL_KINDS = tuple(kind.value for kind in ChannelKind)


@dataclass(eq=False)
class Channel:
    code: str
    kind: str
    name: str = ""
    allocation_ratio: float = 1.0
    floor_buffer: int = 0
    settings: dict = field(default_factory=dict)  # shop URL, location id: never secrets
    pull_cursor: str | None = None
    catalogue_since: datetime | None = None  # the catalogue pull's: changed since then
    catalogue_whole_at: datetime | None = None  # when a pull last read every variant
    last_pull_at: datetime | None = None
    last_result: str = ""
    enabled: bool = True
    version: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        check_channel_rules(self.code, self.kind, self.allocation_ratio, self.floor_buffer)

    @property
    def pushes_stock(self) -> bool:
        """A CSV source is a file, not a shop: nothing can be pushed back to it."""
        return self.enabled and self.kind != ChannelKind.CSV


def check_channel_rules(code: str, kind: str, ratio: float, buffer: int) -> None:
    if not code or len(code) > 32 or not code.replace("-", "").replace("_", "").isalnum():
        raise InvalidInput(Msg("Channel code {code!r} must be 1-32 letters, digits, - or _.",
                               code=code))
    if kind not in CHANNEL_KINDS:
        raise InvalidInput(Msg("Channel kind {kind!r} is not one of {channel_kinds}.",
                               kind=kind, channel_kinds=', '.join(CHANNEL_KINDS)))
    if not 0.0 <= ratio <= 1.0:
        raise InvalidInput(Msg("Allocation ratio {ratio} must be between 0 and 1 (e.g. 0.8).",
                               ratio=ratio))
    if buffer < 0:
        raise InvalidInput(Msg("Floor buffer {buffer} must not be negative.", buffer=buffer))


@dataclass(eq=False)
class ChannelSku:
    """A SKU a channel lists; its overrides and the last quantity seen at the channel."""

    channel: str
    sku: str
    allocation_ratio: float | None = None
    floor_buffer: int | None = None
    last_seen_quantity: int | None = None
    id: int | None = None


def pushed_quantity(item: StockItem, channel: Channel, listing: ChannelSku | None = None) -> int:
    """(available + returns in transit) x allocation ratio - floor buffer, floored, never < 0."""
    ratio = channel.allocation_ratio
    buffer = channel.floor_buffer
    if listing is not None:
        ratio = listing.allocation_ratio if listing.allocation_ratio is not None else ratio
        buffer = listing.floor_buffer if listing.floor_buffer is not None else buffer
    # a small epsilon keeps 0.8 x 10 at 8, not 7.999...
    return max(0, math.floor(item.sellable * ratio + 1e-9) - buffer)


@dataclass(eq=False)
class OrderIntake:
    """What intake keeps about an order it created: the channel's line ids, the units it
    reserved, the review reasons and the merge group (orders for one parcel)."""

    channel: str
    channel_order_id: str
    order_number: str
    buyer_key: str
    lines: list = field(default_factory=list)  # [{"line_id", "sku", "quantity"}]
    reserved: dict = field(default_factory=dict)  # sku -> units moved to awaiting shipment
    review_reasons: list = field(default_factory=list)
    merge_group: str = ""
    channel_status: str = "open"
    updated_marker: str = ""
    version: int = 0
    id: int | None = None

    def line_ids_for(self, sku: str) -> list[tuple[str, int]]:
        return [(line["line_id"], line["quantity"]) for line in self.lines if line["sku"] == sku]


@dataclass(eq=False)
class Admission:
    """A channel order intake has just accepted: the order as it starts (ready, or waiting
    for review with the reason) and its intake record, as plain values.

    Intake decides every rule (numbering, reservations through the StockItem, review, merge
    group); the store then writes a whole page of admissions in a few statements. A page of
    250 orders would otherwise be a thousand tracked objects, and intake could not keep up
    with a flash sale.
    """

    channel: str
    channel_order_id: str
    order_number: str
    buyer_key: str
    buyer_name: str
    phone: str
    ship_to: Address
    lines: list  # [(channel line id, sku, name, quantity, unit price in cents)]
    admitted_at: datetime
    station: str = ""
    placed_at: datetime | None = None
    ship_by: datetime | None = None
    tracking_number: str | None = None
    carrier: str = ""
    buyer_note: str = ""
    channel_status: str = "open"
    updated_marker: str = ""
    reserved: dict = field(default_factory=dict)
    review_reasons: list = field(default_factory=list)
    merge_group: str = ""
    held_reason: str = ""  # the channel holds it (paid, not to ship yet): it starts on hold
    receiver_oaid: str = ""  # Taobao's id of a masked receiver (Order.receiver_oaid)

    @property
    def status(self) -> OrderStatus:
        if self.held_reason:
            return OrderStatus.ON_HOLD
        return OrderStatus.NEEDS_REVIEW if self.review_reasons else OrderStatus.READY

    def start_transitions(self, by: str) -> list[OrderTransition]:
        """The order starts ready; review and a channel's hold move it on, by its rules."""
        moves = []
        review = self.review_transition(by)
        if review is not None:
            moves.append(review)
        if self.held_reason:
            current = OrderStatus(moves[-1].to_status) if moves else OrderStatus.READY
            if OrderStatus.ON_HOLD not in ALLOWED_TRANSITIONS[current]:
                raise IllegalTransition(Msg("A {value} order cannot be put on hold.",
                                            value=current.value))
            moves.append(OrderTransition(current.value, OrderStatus.ON_HOLD.value, by,
                                         self.admitted_at, self.held_reason, self.station))
        return moves

    def review_transition(self, by: str) -> OrderTransition | None:
        """The order starts ready; a reason sends it to review, by the order's own rules."""
        if not self.review_reasons:
            return None
        if OrderStatus.NEEDS_REVIEW not in ALLOWED_TRANSITIONS[OrderStatus.READY]:
            raise IllegalTransition(Msg("A ready order can no longer be sent to review."))
        return OrderTransition(OrderStatus.READY.value, OrderStatus.NEEDS_REVIEW.value, by,
                               self.admitted_at, joined(self.review_reasons), self.station)


@dataclass(eq=False)
class IntakeException(KeepsReason):
    """A payload that could not become an order, parked with the reason for a person."""

    channel: str
    channel_order_id: str
    reason: str
    raw: dict
    created_at: datetime
    resolved: bool = False
    id: int | None = None
    reason_message: str | None = None  # the reason as a Msg, kept to be read in any language
