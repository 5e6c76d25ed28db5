"""Cycle counts: a blind count over a location or a list of SKUs, then approval.

The counter never sees what the system expects. When counting is closed the expected
on-hand figure of every line is captured; the variance is counted - expected. Approval by
a supervisor turns each variance into an ADJUSTMENT move of that size (a difference, not a
new absolute figure), so units packed between closing and approval are not counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import IllegalTransition, InvalidInput
from app.domain.messages import Msg
from app.domain.transitions import Transition
from app.domain.workflow import Workflow


class CountStatus(StrEnum):
    COUNTING = "counting"
    SUBMITTED = "submitted"  # counting closed, variance known, waiting for a supervisor
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


C = CountStatus
ALLOWED_TRANSITIONS: dict[CountStatus, frozenset[CountStatus]] = {
    C.COUNTING: frozenset({C.SUBMITTED, C.CANCELLED}),
    C.SUBMITTED: frozenset({C.APPROVED, C.REJECTED}),  # rejected: count again, anew
    C.APPROVED: frozenset(),
    C.REJECTED: frozenset(),
    C.CANCELLED: frozenset(),
}


def _refused(count: CountSession, current: CountStatus, target: CountStatus) -> Msg:
    return Msg("Count {id}: cannot go from {current} to {target}.", id=count.id,
               current=current.value, target=target.value)


COUNT_FLOW = Workflow(CountStatus, ALLOWED_TRANSITIONS, _refused)
SCOPE_KINDS = ("location", "skus")


@dataclass(eq=False)
class CountLine:
    sku: str
    counted: int = 0
    scans: int = 0
    in_scope: bool = True  # False: found during the count, not on the list
    expected: int | None = None  # captured when counting closes; hidden while counting
    session_id: int | None = None
    id: int | None = None

    @property
    def variance(self) -> int:
        if self.expected is None:
            raise IllegalTransition(Msg("{sku}: the count is still open, no variance yet.",
                                        sku=self.sku))
        return self.counted - self.expected


@dataclass(eq=False)
class CountSession:
    scope_kind: str
    scope: str  # a bin location, or SKUs separated by commas
    opened_by: str
    opened_at: datetime
    station: str = ""
    status: str = CountStatus.COUNTING
    history: list = field(default_factory=list)  # [{from, to, by, at, reason, station}]
    lines: list[CountLine] = field(default_factory=list)
    version: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        if self.scope_kind not in SCOPE_KINDS:
            raise InvalidInput(Msg("A count covers a location or a list of SKUs, not "
                                   "{kind}.", kind=repr(self.scope_kind)))
        if not self.scope.strip():
            raise InvalidInput(Msg("Say which location or which SKUs to count."))

    def transition(self, target: CountStatus, by: str, at: datetime, reason: str = "",
                   station: str = "") -> None:
        record = COUNT_FLOW.move(self, target, Transition, by, at, reason, station)
        self.status = target.value  # the store keeps the history as JSON, the status as text
        self.history = [*self.history, {"from": record.from_status, "to": record.to_status,
                                        "by": by, "at": at.isoformat(), "reason": reason,
                                        "station": station}]

    def _check_counting(self) -> None:
        if self.status != CountStatus.COUNTING:
            raise IllegalTransition(Msg("Count {id} is {status}; counting is closed.",
                                        id=self.id, status=self.status))

    def line_for(self, sku: str) -> CountLine | None:
        return next((line for line in self.lines if line.sku == sku), None)

    def count(self, sku: str, units: int) -> CountLine:
        """Scanned units add up; a line not on the list is a find, counted all the same."""
        self._check_counting()
        if units <= 0:
            raise InvalidInput(Msg("A count scan adds a positive number of units, not {units}.",
                                   units=units))
        line = self._line(sku)
        line.counted += units
        line.scans += 1
        return line

    def recount(self, sku: str, units: int) -> CountLine:
        """A typed figure replaces what was scanned for a SKU (a miscount put right)."""
        self._check_counting()
        if units < 0:
            raise InvalidInput(Msg("A counted quantity cannot be negative ({units}).",
                                   units=units))
        line = self._line(sku)
        line.counted = units
        return line

    def _line(self, sku: str) -> CountLine:
        """The SKU's line; a SKU not on the list is a find, given a line of its own."""
        line = self.line_for(sku)
        if line is None:
            line = CountLine(sku, in_scope=False)
            self.lines.append(line)
        return line

    def close_counting(self, expected: dict[str, int], by: str, at: datetime,
                       station: str = "") -> None:
        """Capture the system's on-hand figure per line; unscanned lines counted 0."""
        self.transition(CountStatus.SUBMITTED, by, at, "counting closed", station)
        for line in self.lines:
            line.expected = expected.get(line.sku, 0)


def accuracy(lines: list[CountLine]) -> float | None:
    """SKUs whose counted quantity equals the system's / SKUs counted; None if none."""
    judged = [line for line in lines if line.expected is not None]
    if not judged:
        return None
    return sum(1 for line in judged if line.variance == 0) / len(judged)
