"""A shipment: one parcel as a carrier knows it, from the label asked for to the door.

label_pending -> labelled -> shipped (scanned out onto the carrier's cage: who, when,
station) -> delivered / returned_to_sender; labelled or pending -> cancelled (a parcel
stopped before it left; a bought label is then refunded at the carrier). Each change is
recorded like an order's (who, when, why, where). The carrier's tracking events are kept
as they came; the parcel's state follows the ones that end it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.messages import Msg
from app.domain.shipping import TrackingStatus
from app.domain.transitions import Transition
from app.domain.workflow import Workflow, words


class ShipmentState(StrEnum):
    LABEL_PENDING = "label_pending"
    LABELLED = "labelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    RETURNED_TO_SENDER = "returned_to_sender"
    CANCELLED = "cancelled"


class RefundState(StrEnum):
    NONE = ""
    WANTED = "wanted"  # the parcel was stopped with a label bought: refund it at the carrier
    REFUNDED = "refunded"
    REFUSED = "refused"  # the carrier would not refund it; the reason is kept


S = ShipmentState
SHIPMENT_TRANSITIONS: dict[ShipmentState, frozenset[ShipmentState]] = {
    S.LABEL_PENDING: frozenset({S.LABELLED, S.CANCELLED}),
    S.LABELLED: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.RETURNED_TO_SENDER}),
    S.DELIVERED: frozenset({S.RETURNED_TO_SENDER}),
    S.RETURNED_TO_SENDER: frozenset(),
    S.CANCELLED: frozenset(),
}


def _refused(shipment: Shipment, current: ShipmentState, to: ShipmentState) -> Msg:
    return Msg("Parcel {parcel} is {state}; it cannot become {new_state}.",
               parcel=shipment.tracking_number or shipment.reference, state=words(current),
               new_state=words(to))


def _refund_refused(shipment: Shipment, current: RefundState, to: RefundState) -> Msg:
    return Msg("Parcel {parcel}: its label refund is {state}; it cannot become {new_state}.",
               parcel=shipment.tracking_number or shipment.reference,
               state=words(current or "none"), new_state=words(to or "none"))


SHIPMENT_FLOW = Workflow(ShipmentState, SHIPMENT_TRANSITIONS, _refused, attribute="state")
L = RefundState
LABEL_REFUND_FLOW = Workflow.of(RefundState, [
    (L.NONE, L.WANTED),  # the parcel was stopped with a label bought
    (L.WANTED, L.WANTED),  # the carrier could not answer: asked again later
    (L.WANTED, L.REFUNDED), (L.WANTED, L.REFUSED),
], refusal=_refund_refused, attribute="refund")
# a label request that failed for a passing reason waits this long, doubling, at most an hour
FIRST_RETRY = timedelta(seconds=15)
MAX_RETRY = timedelta(hours=1)


@dataclass(eq=False)
class ShipmentTransition(Transition):
    """A state change of a shipment."""


@dataclass(eq=False)
class ShipmentEvent:
    """One tracking event as the carrier reported it (kept once per carrier event)."""

    status: str
    at: datetime
    description: str = ""
    location: str = ""
    carrier_status: str = ""
    received_at: datetime | None = None
    id: int | None = None

    @property
    def key(self) -> tuple:
        return (self.status, self.at, self.carrier_status, self.description)


@dataclass(eq=False)
class Shipment:
    reference: str  # Packdesk's idempotency key to the carrier: one label per reference
    carrier_code: str  # the carrier profile's code
    carrier_api: str  # the adapter that buys it ("easypost", "sf_express" ...)
    order_numbers: list[str]
    created_at: datetime
    state: str = ShipmentState.LABEL_PENDING
    weight_g: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    station: str = ""  # where it was packed: that station prints the label
    tracking_number: str | None = None
    carrier_shipment_id: str = ""
    label: bytes | None = None
    label_format: str = ""
    rate_cents: int = 0
    rate_currency: str = ""
    service: str = ""
    attempts: int = 0
    last_error: str = ""
    blocked: str = ""  # the carrier refused for good (address, balance): its words, no retry
    next_attempt_at: datetime | None = None
    labelled_at: datetime | None = None
    label_printed_at: datetime | None = None
    shipped_at: datetime | None = None
    shipped_by: str = ""
    shipped_station: str = ""
    delivered_at: datetime | None = None
    last_event_at: datetime | None = None
    refund: str = RefundState.NONE
    refund_note: str = ""
    claim_token: str | None = None
    claimed_by: str | None = None
    claimed_until: datetime | None = None
    transitions: list[ShipmentTransition] = field(default_factory=list)
    events: list[ShipmentEvent] = field(default_factory=list)
    version: int = 0
    id: int | None = None

    def transition(self, to: ShipmentState, by: str, at: datetime, reason: str = "",
                   station: str = "") -> ShipmentTransition:
        record = SHIPMENT_FLOW.move(self, to, ShipmentTransition, by, at, reason, station)
        self.transitions.append(record)
        return record

    def refund_label(self, to: RefundState, by: str, at: datetime, note: str = "") -> None:
        """The label of a stopped parcel: to be refunded at the carrier, refunded, refused."""
        LABEL_REFUND_FLOW.move(self, to, Transition, by, at, note)
        self.refund_note = note[:2000]

    @property
    def is_pending(self) -> bool:
        return ShipmentState(self.state) is ShipmentState.LABEL_PENDING

    def labelled(self, tracking_number: str, label: bytes, label_format: str, at: datetime,
                 by: str) -> None:
        self.tracking_number, self.label, self.label_format = tracking_number, label, label_format
        self.labelled_at, self.last_error, self.next_attempt_at = at, "", None
        source = (Msg("from {carrier_api}", carrier_api=self.carrier_api) if self.carrier_api
                  else Msg("of our own range"))
        self.transition(ShipmentState.LABELLED, by, at, Msg("label {tracking_number} {source}",
                                                            tracking_number=tracking_number, source=source))

    def failed(self, error: str, temporary: bool, at: datetime) -> None:
        """A request that did not give a label: asked again later, or stopped for a person."""
        self.attempts += 1
        self.last_error = error[:2000]
        if temporary:
            delay = min(MAX_RETRY, FIRST_RETRY * 2 ** max(0, self.attempts - 1))
            self.next_attempt_at = at + delay
        else:
            self.blocked, self.next_attempt_at = error[:2000], None

    def record_event(self, event: ShipmentEvent) -> bool:
        """Keep a tracking event once; True when it is new."""
        if any(known.key == event.key for known in self.events):
            return False
        self.events.append(event)
        if self.last_event_at is None or event.at > self.last_event_at:
            self.last_event_at = event.at
        self.version += 1
        return True

    def follow(self, status: TrackingStatus, at: datetime) -> ShipmentState | None:
        """The state a tracking status moves the parcel to, if it ends a leg."""
        current = ShipmentState(self.state)
        if status is TrackingStatus.DELIVERED and current is ShipmentState.SHIPPED:
            self.delivered_at = at
            return ShipmentState.DELIVERED
        if status is TrackingStatus.RETURNED_TO_SENDER and current in (
                ShipmentState.SHIPPED, ShipmentState.DELIVERED):
            return ShipmentState.RETURNED_TO_SENDER
        return None
