"""Return cases (RMAs) and their state machine.

A case moves requested → approved → in transit → received → graded → refunded → closed,
or is rejected; every change goes through `ReturnCase.transition`, which moves the case
through `RETURN_FLOW` (app/domain/workflow.py) and records who and when (as orders do); its
refund moves through `REFUND_FLOW`. Receiving compares scans with the RMA the way
the bench compares them with an order; grading records one row per returned unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.errors import InvalidInput, NotAllowed
from app.domain.events import Event, RecordsEvents, ReturnCaseChanged
from app.domain.messages import Msg
from app.domain.transitions import Transition
from app.domain.workflow import Workflow, words


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    GRADED = "graded"
    REFUNDED = "refunded"
    CLOSED = "closed"
    REJECTED = "rejected"


R = ReturnStatus
RETURN_TRANSITIONS: dict[ReturnStatus, frozenset[ReturnStatus]] = {
    R.REQUESTED: frozenset({R.APPROVED, R.REJECTED}),
    R.APPROVED: frozenset({R.IN_TRANSIT, R.RECEIVED, R.REJECTED}),  # at the counter: no transit
    R.IN_TRANSIT: frozenset({R.RECEIVED, R.REJECTED}),
    R.RECEIVED: frozenset({R.GRADED}),
    R.GRADED: frozenset({R.REFUNDED, R.CLOSED}),
    R.REFUNDED: frozenset({R.CLOSED}),
    R.CLOSED: frozenset(),
    R.REJECTED: frozenset(),
}
FINISHED = frozenset({R.CLOSED, R.REJECTED})
# How long a case may wait in each status before it escalates to a supervisor.
WAIT_LIMITS: dict[ReturnStatus, timedelta] = {
    R.REQUESTED: timedelta(days=1),
    R.APPROVED: timedelta(days=14),
    R.IN_TRANSIT: timedelta(days=14),
    R.RECEIVED: timedelta(days=2),
    R.GRADED: timedelta(days=2),
    R.REFUNDED: timedelta(days=7),  # the channel should confirm within a week
}


class ReasonCode(StrEnum):
    CHANGED_MIND = "changed_mind"
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    NOT_AS_DESCRIBED = "not_as_described"


SELLER_AT_FAULT = frozenset({ReasonCode.DAMAGED, ReasonCode.WRONG_ITEM,
                             ReasonCode.NOT_AS_DESCRIBED})


class Grade(StrEnum):
    RESELLABLE = "resellable"
    DAMAGED = "damaged"
    MISSING_PARTS = "missing_parts"


class Disposition(StrEnum):
    RESTOCK = "restock"
    QUARANTINE = "quarantine"
    SCRAP = "scrap"


class ShippingPaidBy(StrEnum):
    BUYER = "buyer"
    SHOP = "shop"


class RefundStatus(StrEnum):
    NONE = "none"
    PENDING = "pending"  # queued in the outbox, the channel has not confirmed yet
    CONFIRMED = "confirmed"
    FAILED = "failed"  # the channel refused: refund by hand
    MANUAL = "manual"  # a channel we cannot push to: refunded by hand


def _refused(case: ReturnCase, current: ReturnStatus, to: ReturnStatus) -> Msg:
    return Msg("Return {rma_number} is {value}; it cannot become {value2}.",
               rma_number=case.rma_number, value=words(current), value2=words(to))


def _refund_refused(case: ReturnCase, current: RefundStatus, to: RefundStatus) -> Msg:
    return Msg("Return {rma}: its refund is {value}; it cannot become {value2}.",
               rma=case.rma_number, value=words(current), value2=words(to))


RETURN_FLOW = Workflow(ReturnStatus, RETURN_TRANSITIONS, _refused)
F = RefundStatus
REFUND_FLOW = Workflow.of(RefundStatus, [
    (F.NONE, F.PENDING), (F.NONE, F.MANUAL),  # queued for the channel, or done by hand
    (F.PENDING, F.CONFIRMED), (F.PENDING, F.FAILED), (F.PENDING, F.MANUAL),
    (F.FAILED, F.MANUAL),  # the channel refused: a supervisor settled it by hand
], refusal=_refund_refused, attribute="refund_status")


def parse_choice(kind: type[StrEnum], value: str, what: str) -> StrEnum:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(v.value.replace("_", " ") for v in kind)
        raise InvalidInput(Msg("{what} {value!r} is not one of: {allowed}.",
                               what=what, value=value, allowed=allowed)) from None


@dataclass(eq=False)
class ReturnLine:
    sku: str
    name: str
    quantity: int
    reason: str
    unit_price_cents: int = 0
    opened: bool = False
    received_quantity: int = 0
    id: int | None = None

    @property
    def missing(self) -> int:
        return max(0, self.quantity - self.received_quantity)


@dataclass(eq=False)
class ReturnUnit:
    """One returned unit as graded: what state it came back in and where it went."""

    sku: str
    grade: str
    disposition: str
    graded_by: str
    graded_at: datetime
    refund_cents: int = 0
    photo_path: str = ""
    serial: str = ""  # the unit's serial number, when it has one
    id: int | None = None


@dataclass(eq=False)
class ReturnScan:
    raw: str
    result: str  # received | wrong_item | extra | unknown_code | invalid
    message: str
    at: datetime
    by: str
    sku: str = ""
    id: int | None = None


@dataclass(eq=False)
class ReturnTransition(Transition):
    """A status change of a return case."""


@dataclass(eq=False)
class ReturnCase(RecordsEvents):
    rma_number: str
    order_number: str
    channel: str
    channel_order_id: str
    assigned_to: str
    shipping_paid_by: str
    requested_at: datetime
    status: str = ReturnStatus.REQUESTED
    policy_verdict: str = ""
    policy_reason: str = ""
    override_by: str = ""
    override_reason: str = ""
    deadline_at: datetime | None = None
    escalated_at: datetime | None = None
    refund_cents: int = 0
    refund_status: str = RefundStatus.NONE
    pickup_code: str = ""  # a pick-up at the buyer's door (上门取件): the carrier's code
    pickup_carrier: str = ""
    pickup_window: str = ""
    pickup_tracking: str = ""  # the return label the pick-up goes with
    lines: list[ReturnLine] = field(default_factory=list)
    units: list[ReturnUnit] = field(default_factory=list)
    scans: list[ReturnScan] = field(default_factory=list)
    transitions: list[ReturnTransition] = field(default_factory=list)
    version: int = 0
    id: int | None = None
    events: list[Event] = field(default_factory=list, repr=False, compare=False)

    def request(self, by: str, at: datetime, station: str = "") -> ReturnTransition:
        """The case's first record: who asked for it and when; starts the first wait."""
        record = ReturnTransition("", R.REQUESTED.value, by, at, self.policy_reason, station)
        self.status = R.REQUESTED
        self.transitions.append(record)
        self.deadline_at = at + WAIT_LIMITS[R.REQUESTED]
        return record

    def transition(self, to: ReturnStatus, by: str, at: datetime, reason: str = "",
                   station: str = "") -> ReturnTransition:
        record = RETURN_FLOW.move(self, to, ReturnTransition, by, at, reason, station)
        self.transitions.append(record)
        limit = WAIT_LIMITS.get(to)
        self.deadline_at = at + limit if limit else None
        self.escalated_at = None  # a new status starts a new wait
        return record

    def pickup_booked(self, code: str, carrier: str, window: str, tracking: str, by: str,
                      at: datetime, station: str = "") -> ReturnTransition:
        """A carrier will collect the parcel at the buyer's door: its code goes on the return
        slip. Only an approved return is collected, and only once."""
        current = ReturnStatus(self.status)
        if current is not R.APPROVED:
            raise NotAllowed(Msg("Return {rma_number} is {status}; a pick-up is booked only for an approved return.",
                                 rma_number=self.rma_number, status=words(current)))
        if self.pickup_code:
            raise NotAllowed(Msg("Return {rma_number} already has pick-up {pickup_code} with {carrier}.",
                                 rma_number=self.rma_number, pickup_code=self.pickup_code,
                                 carrier=self.pickup_carrier))
        self.pickup_code, self.pickup_carrier = code, carrier
        self.pickup_window, self.pickup_tracking = window, tracking
        record = ReturnTransition(current.value, current.value, by, at,
                                  Msg("pick-up {pickup_code} booked with {carrier} ({window})",
                                      pickup_code=code, carrier=carrier, window=window), station)
        self.transitions.append(record)
        self.record(ReturnCaseChanged(self.rma_number))
        return record

    def close_refund_by_hand(self, by: str, at: datetime, reason: str,
                             station: str = "") -> ReturnTransition:
        """The channel refused the refund (Taobao's are agreed in the seller centre): a
        supervisor settled it there and closes the case, with the reason on record."""
        if ReturnStatus(self.status) is not R.REFUNDED or not REFUND_FLOW.allows(
                self.refund_status, RefundStatus.MANUAL):
            raise NotAllowed(Msg("Return {rma} has no refund waiting for the channel; there is "
                                 "nothing to close by hand.", rma=self.rma_number))
        self.refund(RefundStatus.MANUAL, by, at, station)
        return self.transition(R.CLOSED, by, at, f"refund closed by hand: {reason}", station)

    def refund(self, to: RefundStatus, by: str, at: datetime, station: str = "") -> None:
        """The refund moves on (queued, confirmed, refused, done by hand); the case's own
        trail says why, in the status change that goes with it."""
        REFUND_FLOW.move(self, to, Transition, by, at, "", station)

    def line_for(self, sku: str) -> ReturnLine | None:
        return next((line for line in self.lines if line.sku == sku), None)

    def receive(self, raw: str, sku: str | None, at: datetime, by: str) -> ReturnScan:
        """Compare one scanned unit with the RMA: received, wrong item, extra or unknown."""
        if ReturnStatus(self.status) not in (R.APPROVED, R.IN_TRANSIT):
            raise NotAllowed(Msg("Return {rma_number} is {status}; items are received only while it is approved or in transit.",
                                 rma_number=self.rma_number, status=words(self.status)))
        line = self.line_for(sku) if sku else None
        if sku is None:
            scan = ReturnScan(raw, "unknown_code", Msg("{raw} is not a product we know.",
                                                       raw=raw), at, by)
        elif line is None:
            scan = ReturnScan(raw, "wrong_item", Msg("{sku} is not on return {rma}.", sku=sku,
                                                     rma=self.rma_number), at, by, sku)
        elif line.received_quantity >= line.quantity:
            scan = ReturnScan(raw, "extra", Msg("{sku}: all {quantity} already received; this "
                                                "one is extra.", sku=sku, quantity=line.quantity),
                              at, by, sku)
        else:
            line.received_quantity += 1
            scan = ReturnScan(raw, "received", Msg("{sku}: {received} of {quantity} received.",
                                                   sku=sku, received=line.received_quantity,
                                                   quantity=line.quantity), at, by, sku)
        self.scans.append(scan)
        self.record(ReturnCaseChanged(self.rma_number))
        return scan

    @property
    def units_received(self) -> int:
        return sum(line.received_quantity for line in self.lines)

    @property
    def units_expected(self) -> int:
        return sum(line.quantity for line in self.lines)

    def ungraded(self, sku: str) -> int:
        line = self.line_for(sku)
        graded = sum(1 for unit in self.units if unit.sku == sku)
        return (line.received_quantity if line else 0) - graded

    @property
    def fully_graded(self) -> bool:
        return all(self.ungraded(line.sku) == 0 for line in self.lines)

    def grade(self, unit: ReturnUnit) -> ReturnUnit:
        if ReturnStatus(self.status) is not R.RECEIVED:
            raise NotAllowed(Msg("Return {rma_number} is {status}; units are graded after receiving is finished.",
                                 rma_number=self.rma_number, status=words(self.status)))
        if self.line_for(unit.sku) is None:
            raise InvalidInput(Msg("{sku} is not on return {rma_number}.",
                                   sku=unit.sku, rma_number=self.rma_number))
        if self.ungraded(unit.sku) <= 0:
            raise InvalidInput(Msg("Every received {sku} is graded already.", sku=unit.sku))
        self.units.append(unit)
        self.record(ReturnCaseChanged(self.rma_number))
        return unit

    def is_overdue(self, now: datetime) -> bool:
        return (ReturnStatus(self.status) not in FINISHED and self.deadline_at is not None
                and now > self.deadline_at)
