"""A figure past its threshold three days in a row, worked out by hand on a seeded week.

The week of Mon 16 Nov 2026 (thresholds: on time at least 95 %, inventory accuracy at
least 98 %):

    day  packed (late: channel, due)            counts (sku expected counted)  on time  accuracy
    Mon  2, none late                           A 5 4, B 5 5                    100 %    50 %  x
    Tue  4, 2 late: taobao 10:00, taobao 11:00  A 5 3                            50 % x    0 %  x
    Wed  2, 1 late: taobao 12:00                C 5 6, A 5 4                     50 % x    0 %  x
    Thu  3, 1 late: shopify 13:00               none                             67 % x    -
    Fri  nothing packed                         none                             -         -
    Sat  1, 1 late: woo 09:00                   none                              0 % x    -
    Sun  1, 1 late: woo 09:00                   none                              0 % x    -

On time crossed Tue, Wed, Thu (3 in a row; Fri has no figure and ends the run; Sat-Sun are
only 2): late orders over the run are taobao 3, shopify 1, so taobao carried them.
Accuracy crossed Mon, Tue, Wed (Thu has no count): counts off A 3, C 1, so SKU A.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.translation import translate
from app.services.health import HealthFacts, compute_health
from app.services.streaks import streaks

MON = datetime(2026, 11, 16, tzinfo=UTC)


def _day(n: int) -> datetime:
    return MON + timedelta(days=n)


def _packed(n: int, late: list[tuple[str, int]], on_time: int) -> tuple[tuple, ...]:
    day = _day(n)
    rows = [(f"PD-{n}-{i}", "shopify", day + timedelta(hours=20), day + timedelta(hours=9))
            for i in range(on_time)]
    rows += [(f"PD-{n}-L{i}", channel, day + timedelta(hours=hour),
              day + timedelta(hours=hour, minutes=30)) for i, (channel, hour) in enumerate(late)]
    return tuple(rows)


WEEK = [
    HealthFacts(fulfilled=_packed(0, [], 2), count_results=(("A", 5, 4), ("B", 5, 5))),
    HealthFacts(fulfilled=_packed(1, [("taobao", 10), ("taobao", 11)], 2),
                count_results=(("A", 5, 3),)),
    HealthFacts(fulfilled=_packed(2, [("taobao", 12)], 1), count_results=(("C", 5, 6),
                                                                         ("A", 5, 4))),
    HealthFacts(fulfilled=_packed(3, [("shopify", 13)], 2)),
    HealthFacts(),
    HealthFacts(fulfilled=_packed(5, [("woo", 9)], 0)),
    HealthFacts(fulfilled=_packed(6, [("woo", 9)], 0)),
]


def _days(week: list[HealthFacts]):
    return tuple((facts, compute_health(facts, _day(n), _day(n + 1)))
                 for n, facts in enumerate(week))


def test_the_seeded_week_has_two_runs_worked_out_by_hand():
    days = _days(WEEK)
    assert [round(f.on_time_rate, 2) if f.on_time_rate is not None else None
            for _, f in days] == [1.0, 0.5, 0.5, 0.67, None, 0.0, 0.0]
    found = streaks(days)
    assert [(s.figure, s.first_day, s.last_day, s.days) for s in found] == [
        ("inventory_accuracy", _day(0), _day(2), 3),
        ("on_time_rate", _day(1), _day(3), 3)]
    accuracy, on_time = found
    assert accuracy.carried_by == "SKU A: 3 of 4 counts off"
    assert on_time.carried_by == "channel taobao: 3 of 4 late orders"
    assert translate(on_time.carried_by, "zh_CN") == "渠道 taobao：逾期订单 4 个中占 3 个"


def test_two_days_or_a_day_without_figures_are_not_a_run():
    days = _days(WEEK)
    assert streaks(days[3:]) == ()  # Thu, then Fri without a figure, then Sat-Sun: 2 only
    assert streaks(days, run_days=4) == ()


def test_the_promised_hour_is_named_when_it_carries_more_than_any_channel():
    week = [HealthFacts(fulfilled=_packed(n, [(channel, 17)], 0))
            for n, channel in enumerate(("shopify", "taobao", "woo"))]
    (run,) = streaks(_days(week))
    assert run.carried_by == "orders due at 17:00 UTC: 3 of 3 late orders"
