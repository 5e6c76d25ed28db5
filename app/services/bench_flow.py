"""The pack bench's workflow: one call per scan says what happened and what comes next.

The widget sends each scan or command here, once, on the store worker, and paints the
`BenchStep` that comes back. What follows an answer is decided here with the bench's
state machine (`app/domain/bench_state.py`), not in the widget: the last item of an order
completes the pack in the same call, in the scan's own unit of work (one transaction; a
completion the core refuses leaves the scan stored on its own), unless orders are offered
to merge, the scale has no stable weight, or the weight is off; a label that did not print
holds the next order.

Every method but the label ones runs on the store worker; the label ones come from the
main thread (the spooler's news), so the machine is guarded by a lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from enum import StrEnum

from app.domain.bench_state import (
    BenchEvent,
    BenchMachine,
    BenchState,
    LabelEvent,
    Next,
    ParcelNews,
    needs_weight,
    next_after_item,
)
from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.weighing import WeightTolerance, WeightVerdict
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.completion import WeightOff
from app.services.views import Completion, OpenOrderResult, ScanVerdict


class StepKind(StrEnum):
    """What the widget paints after the verdict (or the opened order)."""

    SCAN_ON = "scan_on"  # the verdict only
    PACKED = "packed"  # the order is complete and packed: print `completion`'s label
    MERGE_OFFERED = "merge_offered"  # complete: PD:COMPLETE ships it alone, PD:MERGE joins
    WEIGHT_NEEDED = "weight_needed"  # put the parcel on the scale
    WEIGHT_OFF = "weight_off"  # put it right, or a supervisor scans PD:WEIGHTOK
    APPROVAL_NEEDED = "approval_needed"  # part of the order would ship: ask a supervisor
    LABEL_HOLD = "label_hold"  # a label did not print: the next order waits


@dataclass(frozen=True)
class Weighing:
    """The station's scale as the widget read it when the scan was sent."""

    scale_attached: bool = False
    settled_g: float | None = None
    tolerance: WeightTolerance = WeightTolerance()
    box_tare_g: float = 0.0

    def arguments(self) -> dict:
        if not self.scale_attached:
            return {}
        return {"weighed_g": self.settled_g, "tolerance": self.tolerance,
                "box_tare_g": self.box_tare_g}


NO_SCALE = Weighing()


@dataclass(frozen=True)
class BenchStep:
    kind: StepKind
    state: BenchState
    verdict: ScanVerdict | None = None
    opened: OpenOrderResult | None = None
    completion: Completion | None = None
    weight: WeightVerdict | None = None  # the weight refused (WEIGHT_OFF)
    merge_offer: tuple[str, ...] = ()


class BenchFlow:
    """One bench's workflow over the pack bench's service (`PackBenchService`)."""

    def __init__(self, service: PackBenchService) -> None:
        self.service = service
        self.machine = BenchMachine()
        self._lock = threading.Lock()
        self._merge_offer: tuple[str, ...] = ()
        self._approval: c.SupervisorApproval | None = None  # a partial shipment's, kept

    @property
    def state(self) -> BenchState:
        return self.machine.state

    def _fire(self, event: BenchEvent) -> None:
        """Move the machine; an event its state does not take leaves it where it is (the
        bench answers the packer whatever came in between, e.g. a takeover elsewhere)."""
        with self._lock:
            if self.machine.can(event):
                self.machine.fire(event)

    def _step(self, kind: StepKind, **parts) -> BenchStep:
        return BenchStep(kind, self.machine.state, **parts)

    # ---- an order ------------------------------------------------------------------------
    def open_order(self, cmd: c.OpenOrder, weighing: Weighing = NO_SCALE) -> BenchStep:
        """Scan an order; one whose items are all verified already completes at once."""
        if self.holds_next_order():
            return self._step(StepKind.LABEL_HOLD)
        return self._opened(self.service.open_order(cmd), weighing)

    def take_over(self, cmd: c.TakeOverOrder, weighing: Weighing = NO_SCALE) -> BenchStep:
        return self._opened(self.service.take_over(cmd), weighing)

    def _opened(self, result: OpenOrderResult, weighing: Weighing) -> BenchStep:
        if not result.opened:
            return self._step(StepKind.SCAN_ON, opened=result)
        self._fire(BenchEvent.CLOSED)
        self._fire(BenchEvent.OPENED)
        self._merge_offer, self._approval = result.merge_offer, None
        if result.notes_to_read or result.order is None or not result.order.complete:
            return self._step(StepKind.SCAN_ON, opened=result)
        news = ParcelNews(True, True, self._merge_offer, weighing.scale_attached,
                          weighing.settled_g)
        return replace(self._after(result.session_id, news, weighing), opened=result)

    def merge(self, cmd: c.MergeParcel) -> BenchStep:
        result = self.service.merge(cmd)
        if result.outcome == "merged":
            self._merge_offer = ()
            self._fire(BenchEvent.MERGED)
        return self._step(StepKind.SCAN_ON, opened=result)

    def closed(self) -> None:
        """The open order left the bench (left, held, cancelled, taken over elsewhere)."""
        self._merge_offer, self._approval = (), None
        self._fire(BenchEvent.CLOSED)

    # ---- items ---------------------------------------------------------------------------
    def scan(self, cmd: c.ScanItem, weighing: Weighing = NO_SCALE) -> BenchStep:
        """One item scan; on the order's last item, the completion in the same unit of work
        (one transaction: the label starts as soon as it is stored)."""
        done = self.service.scan_and_complete(
            cmd, lambda verdict: self._completes(verdict, cmd.session_id, weighing))
        if done.completion is not None:
            return replace(self._packed(done.completion), verdict=done.verdict)
        return self._item(done.verdict, cmd.session_id, weighing)

    def confirm_by_hand(self, cmd: c.ConfirmByHand, weighing: Weighing = NO_SCALE) -> BenchStep:
        return self._item(self.service.confirm_by_hand(cmd), cmd.session_id, weighing)

    def _news(self, verdict: ScanVerdict, weighing: Weighing) -> ParcelNews | None:
        """What the verdict tells the machine; None for a parcel that must stop."""
        if verdict.result in ("cancelled", "held"):
            return None
        counted = verdict.accepted and verdict.result != "undone"
        return ParcelNews(counted, verdict.order_complete, self._merge_offer,
                          weighing.scale_attached, weighing.settled_g)

    def _completes(self, verdict: ScanVerdict, session_id: int,
                   weighing: Weighing) -> c.CompletePack | None:
        """The completion `verdict` leads to at once (the one `_after` would ask), if any:
        stored in the scan's own transaction. On the store worker, inside the scan's unit."""
        news = self._news(verdict, weighing)
        if news is None or next_after_item(news) is not Next.COMPLETE:
            return None
        return c.CompletePack(session_id, self._approval, **weighing.arguments())

    def _item(self, verdict: ScanVerdict, session_id: int, weighing: Weighing) -> BenchStep:
        news = self._news(verdict, weighing)
        if news is None:
            return self._step(StepKind.SCAN_ON, verdict=verdict)
        return replace(self._after(session_id, news, weighing), verdict=verdict)

    def _after(self, session_id: int | None, news: ParcelNews,
               weighing: Weighing) -> BenchStep:
        next_step = next_after_item(news)
        if next_step is Next.SCAN_ON:
            self._fire(BenchEvent.SCANNED)
            return self._step(StepKind.SCAN_ON)
        if next_step is Next.OFFER_MERGE:
            self._fire(BenchEvent.COMPLETE_MERGEABLE)
            return self._step(StepKind.MERGE_OFFERED, merge_offer=self._merge_offer)
        if next_step is Next.WEIGH:
            self._fire(BenchEvent.WEIGHT_MISSING)
            return self._step(StepKind.WEIGHT_NEEDED)
        return self.complete(session_id, weighing=weighing, complete=True)

    # ---- completion ----------------------------------------------------------------------
    def complete(self, session_id: int | None, approval: c.SupervisorApproval | None = None,
                 weighing: Weighing = NO_SCALE,
                 weight_override: c.SupervisorApproval | None = None,
                 complete: bool | None = None) -> BenchStep:
        """Complete the open parcel: PD:COMPLETE, a supervisor's approval, a new weight.

        `complete`: the caller knows every item is verified (None: the store says)."""
        if session_id is None:
            raise NotAllowed(Msg("No order is open. Scan an order first."))
        approval = approval or self._approval
        if approval is None and complete is False:
            self._fire(BenchEvent.PARTIAL)
            return self._step(StepKind.APPROVAL_NEEDED)
        self._approval = approval  # kept while the parcel waits for a weight
        if needs_weight(weighing.scale_attached, weighing.settled_g):
            self._fire(BenchEvent.WEIGHT_MISSING)
            return self._step(StepKind.WEIGHT_NEEDED)
        cmd = c.CompletePack(session_id, approval, weight_override=weight_override,
                             **weighing.arguments())
        try:
            completion = self.service.complete(cmd)
        except WeightOff as refused:
            self._fire(BenchEvent.WEIGHT_REFUSED)
            return self._step(StepKind.WEIGHT_OFF, weight=refused.verdict)
        except Exception:
            self._approval = None  # a PIN refused is asked again, not used again
            raise
        return self._packed(completion)

    def _packed(self, completion: Completion) -> BenchStep:
        self._merge_offer, self._approval = (), None
        self._fire(BenchEvent.PACKED)
        return self._step(StepKind.PACKED, completion=completion)

    def weighed(self, session_id: int, weighing: Weighing) -> BenchStep:
        """A new stable weight: completes the parcel that waits for one; else nothing."""
        if not self.weight_pending:
            return self._step(StepKind.SCAN_ON)
        return self.complete(session_id, weighing=weighing, complete=True)

    def override_weight(self, session_id: int, weighing: Weighing,
                        approval: c.SupervisorApproval) -> BenchStep:
        """PD:WEIGHTOK: a supervisor ships the parcel whose weight was refused as it is."""
        if not self.weight_refused:
            raise NotAllowed(Msg("No parcel's weight was refused: there is nothing to ship "
                                 "as it is."))
        return self.complete(session_id, weighing=weighing, weight_override=approval,
                             complete=True)

    # ---- labels (main thread) ------------------------------------------------------------
    def label_sent(self) -> None:
        with self._lock:
            self.machine.fire_label(LabelEvent.SENT)

    def label_failed(self, numbers: tuple[str, ...]) -> None:
        with self._lock:
            self.machine.fire_label(LabelEvent.FAILED, tuple(numbers))

    def label_printed(self, numbers: tuple[str, ...]) -> None:
        with self._lock:
            self.machine.fire_label(LabelEvent.PRINTED, tuple(numbers))

    def label_let_go(self) -> None:
        """PD:SKIPLABEL was recorded, or the label printer was changed."""
        with self._lock:
            self.machine.fire_label(LabelEvent.LET_GO)

    def holds_next_order(self) -> bool:
        with self._lock:
            return self.machine.holds_next_order

    @property
    def weight_pending(self) -> bool:
        """The open order waits for a (new) stable weight to complete."""
        return self.machine.state in (BenchState.AWAITING_WEIGHT, BenchState.WEIGHT_OFF)

    @property
    def weight_refused(self) -> bool:
        return self.machine.state is BenchState.WEIGHT_OFF
