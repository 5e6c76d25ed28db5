"""Health figures: on-time fulfilment, inventory accuracy, returns, and each packer's pace.

`compute_health` is plain arithmetic over the facts of one window, so the figures can be
worked out by hand for a seeded history and checked; the store only supplies the facts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import fmean
from typing import NamedTuple, Protocol

from app.domain.alerts import HealthThresholds
from app.domain.errors import InvalidInput
from app.domain.messages import Msg
from app.domain.packing import ScanResult, SessionOutcome
from app.services.views import Verdict

MIS_SCANS = frozenset({ScanResult.WRONG_ITEM, ScanResult.UNKNOWN_CODE, ScanResult.OVER_SCAN})
BY_HAND = ScanResult.MANUAL  # a scan record's result when the item was confirmed by hand
PACKED_OUTCOMES = frozenset({SessionOutcome.COMPLETED, SessionOutcome.PARTIAL})
PERIODS = {"day": (timedelta(days=1), timedelta(hours=1)),
           "week": (timedelta(days=7), timedelta(days=1)),
           "month": (timedelta(days=30), timedelta(days=1))}


class Fulfilled(NamedTuple):
    """An order first packed in the window."""
    number: str
    channel: str
    ship_by: datetime | None
    packed_at: datetime


class PackRun(NamedTuple):
    """One packing -> packed transition: who, and how long it took."""
    packer: str
    started_at: datetime | None  # None: the order was packed without a packing step
    packed_at: datetime


class SessionSpan(NamedTuple):
    """A pack session that ended in the window."""
    packer: str
    started_at: datetime
    ended_at: datetime
    outcome: str


class ScanTally(NamedTuple):
    packer: str
    result: str
    scans: int


class CountResult(NamedTuple):
    """A count line judged: what the store expected, what was counted."""
    sku: str
    expected: int
    counted: int | None


@dataclass(frozen=True)
class HealthFacts:
    fulfilled: tuple[Fulfilled, ...] = ()
    pack_runs: tuple[PackRun, ...] = ()
    sessions: tuple[SessionSpan, ...] = ()
    scans: tuple[ScanTally, ...] = ()
    returned_orders: int = 0
    first_responses: tuple[float, ...] | None = None  # minutes; None: returns not kept
    count_results: tuple[CountResult, ...] | None = None  # None: no counts


@dataclass(frozen=True)
class PackerFigures:
    packer: str
    orders_packed: int
    orders_per_hour: float | None
    scan_to_label_s: float | None
    scans: int
    mis_scans: int
    mis_scan_rate: float | None
    by_hand: int = 0  # items confirmed by hand (no scan, a supervisor's approval)


@dataclass(frozen=True)
class Crossing:
    figure: str
    value: float
    threshold: float
    text: str


@dataclass(frozen=True)
class HealthFigures:
    since: datetime
    until: datetime
    orders_fulfilled: int
    on_time: int
    on_time_rate: float | None
    inventory_accuracy: float | None  # None: no counts in the window
    lines_counted: int
    returns: int
    return_rate: float | None
    first_response_minutes: float | None
    returns_tracked: bool
    mis_scan_rate: float | None
    packers: tuple[PackerFigures, ...]
    crossings: tuple[Crossing, ...]


class HealthRepository(Protocol):
    def fulfilled(self, since: datetime, until: datetime) -> list[Fulfilled]: ...
    def pack_runs(self, since: datetime, until: datetime) -> list[PackRun]: ...
    def pack_sessions(self, since: datetime, until: datetime) -> list[SessionSpan]: ...
    def scan_tallies(self, since: datetime, until: datetime) -> list[ScanTally]: ...
    def returned_orders(self, since: datetime, until: datetime) -> int: ...
    def first_responses(self, since: datetime, until: datetime) -> list[float]: ...
    def count_results(self, since: datetime, until: datetime) -> list[CountResult]: ...


class HealthUnitOfWork(Protocol):
    health: HealthRepository
    def now(self) -> datetime: ...
    def __enter__(self) -> HealthUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _packer_figures(facts: HealthFacts) -> tuple[PackerFigures, ...]:
    packed: defaultdict[str, int] = defaultdict(int)
    hours: defaultdict[str, float] = defaultdict(float)
    for packer, started, ended, outcome in facts.sessions:
        hours[packer] += max((ended - started).total_seconds(), 0) / 3600
        packed[packer] += outcome in PACKED_OUTCOMES
    runs = defaultdict(list)
    for packer, began, packed_at in facts.pack_runs:
        if began is not None:
            runs[packer].append((packed_at - began).total_seconds())
    scans: defaultdict[str, int] = defaultdict(int)
    misses: defaultdict[str, int] = defaultdict(int)
    by_hand: defaultdict[str, int] = defaultdict(int)
    for packer, result, count in facts.scans:
        if result != Verdict.UNDONE:
            scans[packer] += count
            misses[packer] += count if result in MIS_SCANS else 0
            by_hand[packer] += count if result == BY_HAND else 0
    names = sorted(set(hours) | set(runs) | set(scans))
    return tuple(PackerFigures(
        name, packed[name], packed[name] / hours[name] if hours[name] else None,
        fmean(runs[name]) if runs[name] else None, scans[name], misses[name],
        _rate(misses[name], scans[name]), by_hand[name]) for name in names)


def _crossings(f: HealthFigures, limits: HealthThresholds) -> tuple[Crossing, ...]:
    found = []
    if f.on_time_rate is not None and f.on_time_rate < limits.on_time_min:
        found.append(Crossing("on_time_rate", f.on_time_rate, limits.on_time_min,
                              Msg("On-time fulfilment {on_time_rate:.1%} is below {on_time_min:.0%}",
                                  on_time_rate=f.on_time_rate, on_time_min=limits.on_time_min)))
    if f.inventory_accuracy is not None and f.inventory_accuracy < limits.inventory_accuracy_min:
        found.append(Crossing("inventory_accuracy", f.inventory_accuracy,
                              limits.inventory_accuracy_min,
                              Msg("Inventory accuracy {inventory_accuracy:.1%} is below {inventory_accuracy_min:.0%}",
                                  inventory_accuracy=f.inventory_accuracy, inventory_accuracy_min=limits.inventory_accuracy_min)))
    if f.return_rate is not None and f.return_rate > limits.return_rate_max:
        found.append(Crossing("return_rate", f.return_rate, limits.return_rate_max,
                              Msg("Return rate {return_rate:.1%} is above {return_rate_max:.0%}",
                                  return_rate=f.return_rate, return_rate_max=limits.return_rate_max)))
    minutes = f.first_response_minutes
    if minutes is not None and minutes > limits.first_response_max_minutes:
        found.append(Crossing("first_response_minutes", minutes,
                              limits.first_response_max_minutes,
                              Msg("First response to returns {minutes:.0f} min is above {first_response_max_minutes:.0f} min",
                                  minutes=minutes, first_response_max_minutes=limits.first_response_max_minutes)))
    return tuple(found)


def compute_health(facts: HealthFacts, since: datetime, until: datetime,
                   limits: HealthThresholds | None = None) -> HealthFigures:
    """The window's figures. An order with no promised time counts as on time."""
    limits = limits or HealthThresholds()
    on_time = sum(1 for _n, _c, ship_by, packed_at in facts.fulfilled
                  if ship_by is None or packed_at <= ship_by)
    counts = facts.count_results or ()
    exact = sum(1 for _sku, expected, counted in counts if expected == counted)
    scans = sum(n for _p, result, n in facts.scans if result != Verdict.UNDONE)
    misses = sum(n for _p, result, n in facts.scans if result in MIS_SCANS)
    responses = facts.first_responses
    figures = HealthFigures(
        since, until, len(facts.fulfilled), on_time, _rate(on_time, len(facts.fulfilled)),
        _rate(exact, len(counts)), len(counts), facts.returned_orders,
        _rate(facts.returned_orders, len(facts.fulfilled)),
        fmean(responses) if responses else None, responses is not None,
        _rate(misses, scans), _packer_figures(facts), ())
    return HealthFigures(**{**figures.__dict__, "crossings": _crossings(figures, limits)})


def read_health_facts(uow: HealthUnitOfWork, since: datetime, until: datetime) -> HealthFacts:
    """The facts of one window, read inside an open unit of work."""
    h = uow.health
    responses = h.first_responses(since, until)
    counts = h.count_results(since, until)
    return HealthFacts(
        tuple(h.fulfilled(since, until)), tuple(h.pack_runs(since, until)),
        tuple(h.pack_sessions(since, until)), tuple(h.scan_tallies(since, until)),
        h.returned_orders(since, until), None if responses is None else tuple(responses),
        None if counts is None else tuple(counts))


def _check_window(since: datetime, until: datetime) -> None:
    if since.tzinfo is None or until.tzinfo is None:
        raise InvalidInput(Msg("Health windows need times with a time zone (UTC)."))
    if until <= since:
        raise InvalidInput(Msg("A health window must end after it starts."))


def health_figures(uow: HealthUnitOfWork, since: datetime, until: datetime,
                   limits: HealthThresholds | None = None) -> HealthFigures:
    _check_window(since, until)
    with uow:
        facts = read_health_facts(uow, since, until)
    return compute_health(facts, since, until, limits)


def health_series(uow: HealthUnitOfWork, since: datetime, until: datetime, step: timedelta,
                  limits: HealthThresholds | None = None) -> tuple[HealthFigures, ...]:
    """The figures of each step (an hour, a day) from since to until, for the charts."""
    _check_window(since, until)
    if step <= timedelta(0) or (until - since) / step > 400:
        raise InvalidInput(Msg("Choose a chart step that gives at most 400 points."))
    points = []
    with uow:
        start = since
        while start < until:
            end = min(start + step, until)
            points.append(compute_health(read_health_facts(uow, start, end), start, end, limits))
            start = end
    return tuple(points)


@dataclass(frozen=True)
class HealthDashboard:
    period: str
    figures: HealthFigures
    series: tuple[HealthFigures, ...]


def period_window(period: str, now: datetime) -> tuple[datetime, datetime, timedelta]:
    """The window ending with the current hour (day view) or the current day."""
    if period not in PERIODS:
        raise InvalidInput(Msg("“{period}” is not a period; choose day, week or month.",
                               period=period))
    span, step = PERIODS[period]
    now = now.astimezone(UTC)
    end = (now.replace(minute=0, second=0, microsecond=0) + step if step < timedelta(days=1)
           else now.replace(hour=0, minute=0, second=0, microsecond=0) + step)
    return end - span, end, step


def health_dashboard(uow: HealthUnitOfWork, period: str,
                     limits: HealthThresholds | None = None) -> HealthDashboard:
    with uow:
        now = uow.now()
    since, until, step = period_window(period, now)
    series = health_series(uow, since, until, step, limits)
    return HealthDashboard(period, health_figures(uow, since, until, limits), series)
