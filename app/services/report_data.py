"""What the weekly report says: the week's figures, their trend, worst days, crossings.

Weeks are ISO weeks in UTC ("2026-W47": Monday 00:00 to the next Monday 00:00).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.domain.alerts import HealthThresholds
from app.domain.errors import InvalidInput
from app.domain.messages import Msg
from app.services.health import (
    Crossing,
    HealthFigures,
    HealthUnitOfWork,
    compute_health,
    health_series,
    read_health_facts,
)
from app.services.streaks import Streak, streaks

WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
WORST_DAYS = 3
# (figure, label, higher is better)
TREND_FIGURES = (("on_time_rate", Msg("On-time fulfilment"), True),
                 ("inventory_accuracy", Msg("Inventory accuracy"), True),
                 ("return_rate", Msg("Return rate"), False),
                 ("first_response_minutes", Msg("First response to returns"), False),
                 ("mis_scan_rate", Msg("Mis-scan rate"), False))


@dataclass(frozen=True)
class TrendRow:
    figure: str
    label: str
    this_week: float | None
    last_week: float | None
    better: bool | None  # None: no comparison possible or unchanged


@dataclass(frozen=True)
class WeeklyReportData:
    week: str
    since: datetime
    until: datetime
    figures: HealthFigures
    previous: HealthFigures
    days: tuple[HealthFigures, ...]
    worst_days: tuple[HealthFigures, ...]
    crossings: tuple[tuple[datetime | None, Crossing], ...]  # (None: the week; or a day)
    trend: tuple[TrendRow, ...]
    made_at: datetime
    streaks: tuple[Streak, ...] = ()  # figures past their threshold three days in a row


def parse_week(text: str) -> tuple[str, datetime, datetime]:
    """'2026-W47' -> (normalised name, Monday 00:00 UTC, next Monday 00:00 UTC)."""
    match = WEEK.match((text or "").strip().upper())
    if not match:
        raise InvalidInput(Msg("“{text}” is not a week; write it like 2026-W47.", text=text))
    year, number = int(match[1]), int(match[2])
    try:
        monday = datetime.fromisocalendar(year, number, 1).replace(tzinfo=UTC)
    except ValueError as exc:
        raise InvalidInput(Msg("{year} has no week {number}.", year=year, number=number)) from exc
    return f"{year}-W{number:02d}", monday, monday + timedelta(days=7)


def last_full_week(now: datetime) -> str:
    year, week, _day = (now.astimezone(UTC) - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def _trend(current: HealthFigures, previous: HealthFigures) -> tuple[TrendRow, ...]:
    rows = []
    for name, label, higher_is_better in TREND_FIGURES:
        now, before = getattr(current, name), getattr(previous, name)
        better = None
        if now is not None and before is not None and now != before:
            better = (now > before) == higher_is_better
        rows.append(TrendRow(name, label, now, before, better))
    return tuple(rows)


def _worst_days(days: tuple[HealthFigures, ...]) -> tuple[HealthFigures, ...]:
    judged = [d for d in days if d.on_time_rate is not None]
    judged.sort(key=lambda d: (d.on_time_rate, -d.orders_fulfilled, d.since))
    return tuple(d for d in judged[:WORST_DAYS] if (d.on_time_rate or 0.0) < 1.0)


def weekly_report_data(uow: HealthUnitOfWork, week: str,
                       limits: HealthThresholds | None = None) -> WeeklyReportData:
    name, since, until = parse_week(week)
    days_facts = []
    with uow:
        start = since
        while start < until:
            facts = read_health_facts(uow, start, start + timedelta(days=1))
            days_facts.append((facts, compute_health(facts, start, start + timedelta(days=1),
                                                     limits)))
            start += timedelta(days=1)
        made_at = uow.now()
    days = tuple(figures for _facts, figures in days_facts)
    whole = health_series(uow, since - timedelta(days=7), until, timedelta(days=7), limits)
    previous, figures = whole
    crossings: list[tuple[datetime | None, Crossing]] = [(None, c) for c in figures.crossings]
    crossings += [(d.since, c) for d in days for c in d.crossings]
    return WeeklyReportData(name, since, until, figures, previous, days, _worst_days(days),
                            tuple(crossings), _trend(figures, previous), made_at,
                            streaks(tuple(days_facts)))
