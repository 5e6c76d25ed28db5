"""Orders and their state machine.

Every status change goes through `Order.transition`, which checks the table of allowed
transitions and records who made it and when (as Tryton's shipment workflow does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import IllegalTransition
from app.domain.transitions import Transition


class OrderStatus(StrEnum):
    NEEDS_REVIEW = "needs_review"
    READY = "ready"
    PACKING = "packing"
    PACKED = "packed"
    SHIPPED = "shipped"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


S = OrderStatus
ALLOWED_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.NEEDS_REVIEW: frozenset({S.READY, S.ON_HOLD, S.CANCELLED}),
    S.READY: frozenset({S.PACKING, S.ON_HOLD, S.CANCELLED, S.NEEDS_REVIEW}),
    S.PACKING: frozenset({S.PACKED, S.READY, S.ON_HOLD, S.CANCELLED}),
    S.PACKED: frozenset({S.SHIPPED, S.PACKING}),
    S.ON_HOLD: frozenset({S.READY, S.CANCELLED}),
    S.SHIPPED: frozenset(),
    S.CANCELLED: frozenset(),
}
OPEN_STATUSES = frozenset({S.NEEDS_REVIEW, S.READY, S.PACKING, S.ON_HOLD})


@dataclass(eq=False)
class Address:
    name: str
    phone: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""


@dataclass(eq=False)
class OrderLine:
    sku: str
    name: str
    quantity: int
    unit_price_cents: int = 0
    verified_quantity: int = 0
    bin_location: str = ""
    id: int | None = None

    @property
    def outstanding(self) -> int:
        return self.quantity - self.verified_quantity

    @property
    def is_complete(self) -> bool:
        return self.verified_quantity >= self.quantity


@dataclass(eq=False)
class OrderTransition(Transition):
    """A status change of an order."""


@dataclass(eq=False)
class Order:
    number: str
    channel: str
    channel_order_id: str
    buyer_name: str
    phone: str
    ship_to: Address
    lines: list[OrderLine] = field(default_factory=list)
    status: OrderStatus = OrderStatus.READY
    tracking_number: str | None = None
    carrier: str = ""
    ship_by: datetime | None = None
    placed_at: datetime | None = None
    buyer_note: str = ""
    weight_g: int = 0
    partial: bool = False
    transitions: list[OrderTransition] = field(default_factory=list)
    version: int = 0
    id: int | None = None

    def can_transition(self, to: OrderStatus) -> bool:
        return to in ALLOWED_TRANSITIONS[OrderStatus(self.status)]

    def transition(self, to: OrderStatus, by: str, at: datetime, reason: str = "",
                   station: str = "") -> OrderTransition:
        current = OrderStatus(self.status)
        if to not in ALLOWED_TRANSITIONS[current]:
            raise IllegalTransition(
                f"Order {self.number} is {current.value.replace('_', ' ')}; "
                f"it cannot become {to.value.replace('_', ' ')}."
            )
        record = OrderTransition(current.value, to.value, by, at, reason, station)
        self.status = to
        self.transitions.append(record)
        return record

    def hand_over(self, by: str, at: datetime, reason: str, station: str) -> OrderTransition:
        """A supervisor moves the packing to another station: recorded in the order's trail
        like a transition, though the status stays packing."""
        current = OrderStatus(self.status)
        if current is not OrderStatus.PACKING:
            raise IllegalTransition(f"Order {self.number} is {current.value.replace('_', ' ')}; "
                                    "only an order being packed can be taken over.")
        record = OrderTransition(current.value, current.value, by, at, reason, station)
        self.transitions.append(record)
        self.version += 1
        return record

    def note(self, by: str, at: datetime, reason: str, station: str) -> OrderTransition:
        """Something a person decided about the order that is not a status change (packing
        on without its label): kept in the order's trail, the status stays."""
        current = OrderStatus(self.status).value
        record = OrderTransition(current, current, by, at, reason, station)
        self.transitions.append(record)
        self.version += 1
        return record

    # A line belongs to its order: counting, taking back or resetting a line moves the
    # order's version, so two stations cannot both count the same unit (cosmicpython's
    # Product.allocate bumps version_number the same way).

    def count_verified(self, line: OrderLine, units: int) -> None:
        line.verified_quantity += units
        self.version += 1

    def take_back(self, sku: str, units: int) -> None:
        """Units of an undone scan leave this order's lines, the last filled first."""
        for line in reversed(self.lines):
            if line.sku == sku and units > 0:
                take = min(line.verified_quantity, units)
                line.verified_quantity -= take
                units -= take
        self.version += 1

    def reset_verification(self) -> None:
        for line in self.lines:
            line.verified_quantity = 0
        self.version += 1

    def last_transition_to(self, status: OrderStatus) -> OrderTransition | None:
        for record in reversed(self.transitions):
            if record.to_status == status.value:
                return record
        return None

    def line_for_sku(self, sku: str) -> OrderLine | None:
        for line in self.lines:
            if line.sku == sku:
                return line
        return None

    @property
    def is_fully_verified(self) -> bool:
        return all(line.is_complete for line in self.lines)

    @property
    def items_verified(self) -> int:
        return sum(line.verified_quantity for line in self.lines)

    @property
    def items_expected(self) -> int:
        return sum(line.quantity for line in self.lines)
