"""Health figures: on-time fulfilment, inventory accuracy, returns, and each packer's pace.

`compute_health` is plain arithmetic over the facts of one window, so the figures can be
worked out by hand for a seeded history and checked; the store only supplies the facts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import fmean
from typing import Protocol

from app.domain.alerts import HealthThresholds
from app.domain.errors import InvalidInput

MIS_SCANS = frozenset({"wrong_item", "unknown_code", "over_scan"})
BY_HAND = "manual"  # a scan record's result when the item was confirmed by hand
PACKED_OUTCOMES = frozenset({"completed", "partial"})
PERIODS = {"day": (timedelta(days=1), timedelta(hours=1)),
           "week": (timedelta(days=7), timedelta(days=1)),
           "month": (timedelta(days=30), timedelta(days=1))}


@dataclass(frozen=True)
class HealthFacts:
    fulfilled: tuple[tuple, ...] = ()  # (number, channel, ship_by, first packed at)
    pack_runs: tuple[tuple, ...] = ()  # (packer, packing started at, packed at)
    sessions: tuple[tuple, ...] = ()  # (packer, started at, ended at, outcome)
    scans: tuple[tuple, ...] = ()  # (packer, result, scans)
    returned_orders: int = 0
    first_responses: tuple[float, ...] | None = None  # minutes; None: returns not kept
    count_results: tuple[tuple, ...] | None = None  # (sku, expected, counted); None: no counts


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
    def fulfilled(self, since: datetime, until: datetime) -> list[tuple]: ...
    def pack_runs(self, since: datetime, until: datetime) -> list[tuple]: ...
    def pack_sessions(self, since: datetime, until: datetime) -> list[tuple]: ...
    def scan_tallies(self, since: datetime, until: datetime) -> list[tuple]: ...
    def returned_orders(self, since: datetime, until: datetime) -> int: ...
    def first_responses(self, since: datetime, until: datetime) -> list[float]: ...
    def count_results(self, since: datetime, until: datetime) -> list[tuple]: ...


class HealthUnitOfWork(Protocol):
    health: HealthRepository
    def now(self) -> datetime: ...
    def __enter__(self) -> HealthUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _packer_figures(facts: HealthFacts) -> tuple[PackerFigures, ...]:
    packed, hours = defaultdict(int), defaultdict(float)
    for packer, started, ended, outcome in facts.sessions:
        hours[packer] += max((ended - started).total_seconds(), 0) / 3600
        packed[packer] += outcome in PACKED_OUTCOMES
    runs = defaultdict(list)
    for packer, started, packed_at in facts.pack_runs:
        if started is not None:
            runs[packer].append((packed_at - started).total_seconds())
    scans, misses, by_hand = defaultdict(int), defaultdict(int), defaultdict(int)
    for packer, result, count in facts.scans:
        if result != "undone":
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
                              f"On-time fulfilment {f.on_time_rate:.1%} is below "
                              f"{limits.on_time_min:.0%}"))
    if f.inventory_accuracy is not None and f.inventory_accuracy < limits.inventory_accuracy_min:
        found.append(Crossing("inventory_accuracy", f.inventory_accuracy,
                              limits.inventory_accuracy_min,
                              f"Inventory accuracy {f.inventory_accuracy:.1%} is below "
                              f"{limits.inventory_accuracy_min:.0%}"))
    if f.return_rate is not None and f.return_rate > limits.return_rate_max:
        found.append(Crossing("return_rate", f.return_rate, limits.return_rate_max,
                              f"Return rate {f.return_rate:.1%} is above "
                              f"{limits.return_rate_max:.0%}"))
    minutes = f.first_response_minutes
    if minutes is not None and minutes > limits.first_response_max_minutes:
        found.append(Crossing("first_response_minutes", minutes,
                              limits.first_response_max_minutes,
                              f"First response to returns {minutes:.0f} min is above "
                              f"{limits.first_response_max_minutes:.0f} min"))
    return tuple(found)


def compute_health(facts: HealthFacts, since: datetime, until: datetime,
                   limits: HealthThresholds | None = None) -> HealthFigures:
    """The window's figures. An order with no promised time counts as on time."""
    limits = limits or HealthThresholds()
    on_time = sum(1 for _n, _c, ship_by, packed_at in facts.fulfilled
                  if ship_by is None or packed_at <= ship_by)
    counts = facts.count_results or ()
    exact = sum(1 for _sku, expected, counted in counts if expected == counted)
    scans = sum(n for _p, result, n in facts.scans if result != "undone")
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
        raise InvalidInput("Health windows need times with a time zone (UTC).")
    if until <= since:
        raise InvalidInput("A health window must end after it starts.")


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
        raise InvalidInput("Choose a chart step that gives at most 400 points.")
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
        raise InvalidInput(f"“{period}” is not a period; choose day, week or month.")
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
