"""The pack bench as a state machine: where the bench is, and what may happen next.

A bench is idle, or has an order open; an open order whose last item was counted is
completed at once, unless more orders for the same buyer are offered to merge, a scale
waits for a stable weight (or refused the one it had), or part of the order would ship
(a supervisor says so). A packed order's label prints; a label that did not print holds
the next order until it printed, the label printer was changed, or the packer scans
PD:SKIPLABEL. `TRANSITIONS` and `LABEL_TRANSITIONS` are the whole tables; they are
`EventFlow`s of the one workflow mechanism (app/domain/workflow.py), `BENCH_FLOW` and
`LABEL_FLOW`, and `BenchMachine.fire` refuses what they do not list.

Plain Python: `services/bench_flow.py` drives it, one event per store answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.workflow import EventFlow, words

EMPTY_SCALE_G = 5.0  # a settled weight at or below this: nothing is on the scale


class BenchState(StrEnum):
    IDLE = "idle"  # no order open
    ORDER_OPEN = "order_open"  # items being scanned
    MERGE_OFFERED = "merge_offered"  # complete, and more orders may join the parcel
    AWAITING_WEIGHT = "awaiting_weight"  # complete, the scale has no stable weight yet
    WEIGHT_OFF = "weight_off"  # the weight did not match; put right or a supervisor lets go
    APPROVAL_NEEDED = "approval_needed"  # part of the order would ship: a supervisor decides
    LABEL_PRINTING = "label_printing"  # packed; the label is with the spooler


class LabelState(StrEnum):
    """The last label's fate; it runs beside the order's state (a label may fail while the
    next order is packed, and then holds the one after)."""

    NONE = "none"  # no label yet, or it printed, or the packer went on without it
    PRINTING = "printing"
    NOT_PRINTED = "not_printed"  # the next order waits


class BenchEvent(StrEnum):
    OPENED = "opened"
    SCANNED = "scanned"  # an item counted, refused or undone, the order not complete
    COMPLETE_MERGEABLE = "complete_mergeable"
    WEIGHT_MISSING = "weight_missing"
    WEIGHT_REFUSED = "weight_refused"
    PARTIAL = "partial"  # completion asked with items missing and no supervisor yet
    MERGED = "merged"
    PACKED = "packed"
    CLOSED = "closed"  # left, held, cancelled, taken over elsewhere, another packer


class LabelEvent(StrEnum):
    SENT = "sent"
    PRINTED = "printed"
    FAILED = "failed"
    LET_GO = "let_go"  # PD:SKIPLABEL recorded, or the label printer was changed


S, E, L, LE = BenchState, BenchEvent, LabelState, LabelEvent
_OPEN = (S.ORDER_OPEN, S.MERGE_OFFERED, S.AWAITING_WEIGHT, S.WEIGHT_OFF, S.APPROVAL_NEEDED)
_NO_ORDER = (S.IDLE, S.LABEL_PRINTING)

TRANSITIONS: dict[tuple[BenchState, BenchEvent], BenchState] = {
    **{(state, E.OPENED): S.ORDER_OPEN for state in _NO_ORDER},
    **{(state, E.SCANNED): S.ORDER_OPEN for state in _OPEN},
    **{(state, E.COMPLETE_MERGEABLE): S.MERGE_OFFERED for state in _OPEN},
    **{(state, E.WEIGHT_MISSING): S.AWAITING_WEIGHT for state in _OPEN},
    **{(state, E.WEIGHT_REFUSED): S.WEIGHT_OFF for state in _OPEN},
    **{(state, E.PARTIAL): S.APPROVAL_NEEDED for state in _OPEN},
    **{(state, E.MERGED): S.ORDER_OPEN for state in _OPEN},
    **{(state, E.PACKED): S.LABEL_PRINTING for state in _OPEN},
    **{(state, E.CLOSED): S.IDLE for state in (*_OPEN, *_NO_ORDER)},
}

LABEL_TRANSITIONS: dict[tuple[LabelState, LabelEvent], LabelState] = {
    (L.NONE, LE.SENT): L.PRINTING,
    (L.PRINTING, LE.SENT): L.PRINTING,
    (L.NOT_PRINTED, LE.SENT): L.NOT_PRINTED,  # a reprint: the hold ends when it printed
    **{(state, LE.PRINTED): L.NONE for state in L},  # the held label's, or not held
    **{(state, LE.FAILED): L.NOT_PRINTED for state in L},
    **{(state, LE.LET_GO): L.NONE for state in L},
}


def _refused(_bench: Any, state: StrEnum, event: StrEnum) -> Msg:
    return Msg("The bench cannot go from {state} by {event}.", state=state.value,
               event=event.value)


def _moved(_bench: Any, state: StrEnum, to: StrEnum) -> Msg:
    return Msg("The bench cannot go from {state} to {to}.", state=words(state), to=words(to))


BENCH_FLOW: EventFlow[BenchState, BenchEvent] = EventFlow.of(
    BenchState, TRANSITIONS, _refused, _moved, attribute="state", error=NotAllowed)
LABEL_FLOW: EventFlow[LabelState, LabelEvent] = EventFlow.of(
    LabelState, LABEL_TRANSITIONS, _refused, _moved, attribute="label", error=NotAllowed)


class Next(StrEnum):
    """What the bench does after an answer of the store."""

    SCAN_ON = "scan_on"  # nothing more: paint the verdict, the packer scans on
    COMPLETE = "complete"  # the parcel is whole: complete it (in the same store trip)
    OFFER_MERGE = "offer_merge"  # complete, but more orders may travel in this parcel
    WEIGH = "weigh"  # complete, but the scale has no stable weight yet


@dataclass(frozen=True)
class ParcelNews:
    """What the bench knows after a store answer, for deciding what comes next."""

    counted: bool  # the scan counted (verified or confirmed by hand)
    complete: bool  # every item of the parcel verified
    merge_offer: tuple[str, ...] = ()
    scale_attached: bool = False
    settled_g: float | None = None


def needs_weight(scale_attached: bool, settled_g: float | None) -> bool:
    """With a scale, completion waits for a settled weight of something on it."""
    return scale_attached and (settled_g is None or 0 <= settled_g <= EMPTY_SCALE_G)


def next_after_item(news: ParcelNews) -> Next:
    """The bench's rule after an item scan (or a confirmation by hand) was answered."""
    if not (news.counted and news.complete):
        return Next.SCAN_ON
    if news.merge_offer:
        return Next.OFFER_MERGE
    if needs_weight(news.scale_attached, news.settled_g):
        return Next.WEIGH
    return Next.COMPLETE


class BenchMachine:
    """One bench's state and its last label's; `fire` moves them by the tables, or refuses."""

    def __init__(self) -> None:
        self.state = BenchState.IDLE
        self.label = LabelState.NONE
        self.label_numbers: tuple[str, ...] = ()  # the orders of the label not printed

    def can(self, event: BenchEvent) -> bool:
        return BENCH_FLOW.can(self, event)

    def fire(self, event: BenchEvent) -> BenchState:
        return BENCH_FLOW.fire(self, event)

    def fire_label(self, event: LabelEvent, numbers: tuple[str, ...] = ()) -> LabelState:
        """A label's news; a label printed ends the hold only if it is the held one's."""
        if (event is LabelEvent.PRINTED and self.label is LabelState.NOT_PRINTED
                and numbers != self.label_numbers):
            return self.label
        LABEL_FLOW.fire(self, event)
        if event is LabelEvent.FAILED:
            self.label_numbers = numbers
        elif self.label is not LabelState.NOT_PRINTED:
            self.label_numbers = ()
        return self.label

    @property
    def holds_next_order(self) -> bool:
        """A label that did not print holds the next order."""
        return self.label is LabelState.NOT_PRINTED

    @property
    def order_open(self) -> bool:
        return self.state in _OPEN
