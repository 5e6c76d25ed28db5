"""ISO weeks for the weekly report, the trend's direction and the worst days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import InvalidInput
from app.services.health import HealthFacts, compute_health
from app.services.report_data import _trend, _worst_days, last_full_week, parse_week


def test_weeks_parse_to_monday_midnight_utc():
    assert parse_week("2026-W47") == ("2026-W47", datetime(2026, 11, 16, tzinfo=UTC),
                                      datetime(2026, 11, 23, tzinfo=UTC))
    assert parse_week(" 2026-w1 ")[0] == "2026-W01"
    assert parse_week("2026-W53")[1] == datetime(2026, 12, 28, tzinfo=UTC)
    for bad, message in (("2026-47", "write it like"), ("2025-W53", "2025 has no week 53"),
                         ("", "write it like")):
        with pytest.raises(InvalidInput, match=message):
            parse_week(bad)


def test_the_last_full_week_is_the_one_before_this():
    assert last_full_week(datetime(2026, 11, 23, 7, tzinfo=UTC)) == "2026-W47"
    assert last_full_week(datetime(2026, 11, 22, 23, tzinfo=UTC)) == "2026-W46"
    assert last_full_week(datetime(2027, 1, 4, 1, tzinfo=UTC)) == "2026-W53"


def _day(start: datetime, on_time: int, late: int):
    fulfilled = tuple((f"O{i}", "x", start, start - timedelta(hours=1)) for i in range(on_time))
    fulfilled += tuple((f"L{i}", "x", start, start + timedelta(hours=1)) for i in range(late))
    return compute_health(HealthFacts(fulfilled=fulfilled), start, start + timedelta(days=1))


def test_trend_knows_which_way_is_better():
    start = datetime(2026, 11, 16, tzinfo=UTC)
    better = {r.figure: r.better for r in _trend(_day(start, 9, 1), _day(start, 8, 2))}
    assert better["on_time_rate"] is True and better["inventory_accuracy"] is None
    more_returns = compute_health(HealthFacts(fulfilled=((("A", "x", None, start),)),
                                              returned_orders=1), start, start + timedelta(1))
    fewer_returns = compute_health(HealthFacts(fulfilled=((("A", "x", None, start),)),
                                               returned_orders=0), start, start + timedelta(1))
    rows = {r.figure: r.better for r in _trend(more_returns, fewer_returns)}
    assert rows["return_rate"] is False  # a higher return rate is worse
    assert rows["mis_scan_rate"] is None  # no scans either week: nothing to compare


def test_worst_days_are_the_least_on_time_with_orders():
    start = datetime(2026, 11, 16, tzinfo=UTC)
    days = (_day(start, 4, 0), _day(start + timedelta(days=1), 1, 3),
            _day(start + timedelta(days=2), 0, 0), _day(start + timedelta(days=3), 3, 1),
            _day(start + timedelta(days=4), 1, 1))
    worst = _worst_days(days)
    assert [d.since.day for d in worst] == [17, 20, 19]
