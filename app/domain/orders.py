"""Orders and their state machine.

Every status change goes through `Order.transition`, which moves the order through
`ORDER_FLOW` (app/domain/workflow.py): the table of allowed transitions is checked and who
made the change, when, why and where is recorded (as Tryton's shipment workflow does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.addresses import address_lines
from app.domain.errors import IllegalTransition
from app.domain.events import Event, OrderPacked, RecordsEvents
from app.domain.messages import KeepsReason, Msg
from app.domain.transitions import Transition
from app.domain.workflow import Workflow, words


class OrderStatus(StrEnum):
    NEEDS_REVIEW = "needs_review"
    READY = "ready"
    PACKING = "packing"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


S = OrderStatus
ALLOWED_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.NEEDS_REVIEW: frozenset({S.READY, S.ON_HOLD, S.CANCELLED}),
    S.READY: frozenset({S.PACKING, S.ON_HOLD, S.CANCELLED, S.NEEDS_REVIEW}),
    S.PACKING: frozenset({S.PACKED, S.READY, S.ON_HOLD, S.CANCELLED}),
    # a packed parcel not yet handed over may still be stopped (its label is refunded)
    S.PACKED: frozenset({S.SHIPPED, S.PACKING, S.CANCELLED}),
    S.ON_HOLD: frozenset({S.READY, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}


def _refused(order: Order, current: OrderStatus, to: OrderStatus) -> Msg:
    return Msg("Order {number} is {value}; it cannot become {value2}.",
               number=order.number, value=words(current), value2=words(to))


ORDER_FLOW = Workflow(OrderStatus, ALLOWED_TRANSITIONS, _refused)
OPEN_STATUSES = frozenset({S.NEEDS_REVIEW, S.READY, S.PACKING, S.ON_HOLD})
NOTE_READ = "buyer note read"  # how the trail records that the packer read the buyer's note


@dataclass(frozen=True)
class Address:
    """Where a parcel goes (or comes from): an order's ship-to, a label's or a slip's parties."""

    name: str
    phone: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def lines(self) -> list[str]:
        """The address as printed below the name, top to bottom, in the country's order
        (a Chinese one big to small), the region by name (CA → California, ZJ → 浙江省)."""
        return [*address_lines(self.country, line1=self.line1, line2=self.line2,
                               city=self.city, region=self.region, postcode=self.postcode),
                *([self.country] if self.country else [])]


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
class OrderTransition(KeepsReason, Transition):
    """A status change of an order."""

    reason_message: str | None = None  # the reason as a Msg, kept to be read in any language


@dataclass(eq=False)
class Order(RecordsEvents):
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
    # Taobao/Tmall's OAID (Open Addressee ID) for a masked receiver: not the receiver, an
    # id the platform resolves (Cainiao's e-waybill, taobao.top.oaid.decrypt); "" elsewhere
    receiver_oaid: str = ""
    transitions: list[OrderTransition] = field(default_factory=list)
    version: int = 0
    id: int | None = None
    events: list[Event] = field(default_factory=list, repr=False, compare=False)

    @property
    def receiver_masked(self) -> bool:
        """The marketplace gave us the receiver masked (李**, 138****5678, 科技园*****), or
        carried by its oaid, whatever the masked fields show: the real one is the platform's."""
        a = self.ship_to
        return bool(self.receiver_oaid) or any(
            "*" in (part or "") for part in (a.name, a.phone, a.line1, self.phone))

    def can_transition(self, to: OrderStatus) -> bool:
        return ORDER_FLOW.allows(self.status, to)

    def transition(self, to: OrderStatus, by: str, at: datetime, reason: str = "",
                   station: str = "") -> OrderTransition:
        record = ORDER_FLOW.move(self, to, OrderTransition, by, at, reason, station)
        self.transitions.append(record)
        if to is OrderStatus.PACKED:
            self.record(OrderPacked(self.number, self.channel, by, at, station))
        return record

    def hand_over(self, by: str, at: datetime, reason: str, station: str) -> OrderTransition:
        """A supervisor moves the packing to another station: recorded in the order's trail
        like a transition, though the status stays packing."""
        current = OrderStatus(self.status)
        if current is not OrderStatus.PACKING:
            raise IllegalTransition(Msg("Order {number} is {value}; only an order being packed can be taken over.",
                                        number=self.number, value=words(current)))
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

    @property
    def note_to_read(self) -> bool:
        """The buyer wrote a note and nobody has read it since this packing began (a
        takeover keeps it read; an order left and opened again is read again)."""
        if not self.buyer_note.strip():
            return False
        for record in reversed(self.transitions):
            if record.to_status != OrderStatus.PACKING.value:
                return True
            if record.from_status != record.to_status:
                return True  # this packing began here, and no one read the note since
            if record.reason.startswith(NOTE_READ):
                return False
        return True

    def read_note(self, by: str, at: datetime, station: str) -> OrderTransition:
        """The packer read the buyer's note (a scan of PD:NOTEOK): in the trail, with the
        note as it was read."""
        return self.note(by, at, f"{NOTE_READ}: {self.buyer_note.strip()}"[:500], station)

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
        """When (and by whom) the order last ENTERED the status: a note made while in it
        (a tracking event, a label skipped) is not a change of status."""
        for record in reversed(self.transitions):
            if record.to_status == status.value and record.from_status != status.value:
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
