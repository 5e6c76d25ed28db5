"""Health arithmetic from plain facts, each figure worked out by hand in the test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.alerts import HealthThresholds
from app.domain.errors import InvalidInput
from app.services.health import HealthFacts, compute_health, period_window

T0 = datetime(2026, 11, 16, tzinfo=UTC)
T1 = T0 + timedelta(days=7)


def _counts(exact: int, off: int) -> tuple[tuple, ...]:
    return tuple((f"S{i}", 5, 5) for i in range(exact)) + \
        tuple((f"X{i}", 5, 4) for i in range(off))


def test_accuracy_is_exact_lines_over_lines_judged():
    at_limit = compute_health(HealthFacts(count_results=_counts(49, 1)), T0, T1)
    assert at_limit.inventory_accuracy == pytest.approx(0.98) and at_limit.lines_counted == 50
    assert at_limit.crossings == ()  # 98 % is not below 98 %
    below = compute_health(HealthFacts(count_results=_counts(48, 2)), T0, T1)
    assert [c.figure for c in below.crossings] == ["inventory_accuracy"]
    assert "96.0% is below 98%" in below.crossings[0].text


def test_no_counts_and_no_returns_kept_are_told_apart_from_zero():
    figures = compute_health(HealthFacts(), T0, T1)
    assert figures.inventory_accuracy is None and figures.first_response_minutes is None
    assert figures.on_time_rate is None and figures.return_rate is None
    assert not figures.returns_tracked and figures.crossings == ()
    kept = compute_health(HealthFacts(first_responses=()), T0, T1)
    assert kept.returns_tracked and kept.first_response_minutes is None


def test_first_response_is_the_mean_minutes():
    slow = compute_health(HealthFacts(first_responses=(20.0, 50.0)), T0, T1)
    assert slow.first_response_minutes == pytest.approx(35.0)
    assert [c.figure for c in slow.crossings] == ["first_response_minutes"]
    quick = compute_health(HealthFacts(first_responses=(20.0, 30.0)), T0, T1)
    assert quick.crossings == ()


def test_undo_is_not_a_scan_and_missing_start_times_are_skipped():
    facts = HealthFacts(
        scans=(("Ann", "verified", 6), ("Ann", "undone", 3), ("Ann", "over_scan", 2)),
        pack_runs=(("Ann", None, T0), ("Ann", T0, T0 + timedelta(seconds=90))))
    ann = compute_health(facts, T0, T1).packers[0]
    assert (ann.scans, ann.mis_scans) == (8, 2) and ann.mis_scan_rate == pytest.approx(0.25)
    assert ann.scan_to_label_s == pytest.approx(90) and ann.orders_per_hour is None


def test_thresholds_are_configurable_and_checked():
    facts = HealthFacts(fulfilled=tuple((f"O{i}", "x", T0, T0 + timedelta(hours=i < 1))
                                        for i in range(10)), returned_orders=1)
    figures = compute_health(facts, T0, T1)  # 9 of 10 on time, 1 return in 10
    assert figures.on_time_rate == pytest.approx(0.9)
    assert {c.figure for c in figures.crossings} == {"on_time_rate", "return_rate"}
    relaxed = HealthThresholds(on_time_min=0.9, return_rate_max=0.1)
    assert compute_health(facts, T0, T1, relaxed).crossings == ()
    with pytest.raises(InvalidInput, match="between 0 and 1"):
        HealthThresholds(on_time_min=95)
    with pytest.raises(InvalidInput, match="positive number of minutes"):
        HealthThresholds(first_response_max_minutes=0)


def test_period_windows_end_with_the_current_hour_or_day():
    now = datetime(2026, 11, 20, 14, 25, tzinfo=UTC)
    assert period_window("day", now) == (datetime(2026, 11, 19, 15, tzinfo=UTC),
                                         datetime(2026, 11, 20, 15, tzinfo=UTC),
                                         timedelta(hours=1))
    since, until, step = period_window("month", now)
    assert (until - since, step) == (timedelta(days=30), timedelta(days=1))
    assert until == datetime(2026, 11, 21, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="day, week or month"):
        period_window("year", now)
