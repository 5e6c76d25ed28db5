"""Health figures on a seeded week, against figures worked out by hand.

Week 2026-W47 (Mon 16 Nov - Sun 22 Nov, UTC):
  A1  ship by Mon 12:00, packing Mon 09:00 -> packed 09:10 by Ann      on time, 600 s
  A2  ship by Mon 10:00, packing Mon 10:00 -> packed 10:20 by Ann      late,   1200 s
  A3  no promise,        packing Tue 08:00 -> packed 08:05 by Li Wei   on time, 300 s
  A4  ship by Wed 18:00, packing Wed 08:50 -> packed 09:00 by Li Wei   on time, 600 s
  A5  packed Thu 12 Nov (week 46) by Ann: outside the week
On-time 3/4 = 75 %. Returns: A1 (Thu 19th) and A5 (Fri 20th) come back: 2/4 = 50 %.
Ann: sessions 10 + 20 min, 2 packed -> 4.0 orders/h; scan-to-label (600+1200)/2 = 900 s;
     10 scans, 1 wrong item + 1 unknown code -> 20 % mis-scans.
Li Wei: sessions 5 + 10 min packed, 45 min left -> 2 per hour; (300+600)/2 = 450 s;
     10 scans, 1 over-scan -> 10 %.  All scans: 3/20 = 15 %.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.alerts import HealthThresholds
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.packing import PackSession, ScanEvent
from app.domain.stock import Bucket, StockItem
from app.services.health import health_figures, health_series

MON = datetime(2026, 11, 16, tzinfo=UTC)
WEEK_END = MON + timedelta(days=7)
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return MON + timedelta(days=day, hours=hour, minutes=minute)


# number, ship_by, packing started, packed, packer
HISTORY = (
    ("A1", _at(0, 12), _at(0, 9), _at(0, 9, 10), "Ann"),
    ("A2", _at(0, 10), _at(0, 10), _at(0, 10, 20), "Ann"),
    ("A3", None, _at(1, 8), _at(1, 8, 5), "Li Wei"),
    ("A4", _at(2, 18), _at(2, 8, 50), _at(2, 9), "Li Wei"),
    ("A5", _at(-4, 18), _at(-4, 9), _at(-4, 9, 30), "Ann"),
)
MISSES = {"A1": ("wrong_item", "unknown_code"), "A3": ("over_scan",)}


def _order(number: str, ship_by, started, packed, packer) -> Order:
    order = Order(number, "shopify", f"#{number}", "Mei", "1", Address("Mei"),
                  [OrderLine("TEA-1", "Tea", 1)], ship_by=ship_by,
                  placed_at=started - timedelta(hours=3))
    order.transition(OrderStatus.PACKING, packer, started)
    order.transition(OrderStatus.PACKED, packer, packed)
    return order


def _session(number: str, started, packed, packer) -> PackSession:
    pack = PackSession(number, packer, "bench-1", started, "completed", packed)
    results = list(MISSES.get(number, ()))
    results += ["verified"] * (5 - len(results))
    for index, result in enumerate(results):
        pack.events.append(ScanEvent(f"{number}-{index}", "690", "wedge",
                                     started + timedelta(seconds=10 * index), result,
                                     order_number=number, packer=packer))
    return pack


def seed_week(uow_factory_) -> None:
    """The week in the module docstring, written through the domain objects."""
    with uow_factory_() as uow:
        item = StockItem("TEA-1")
        uow.stock.add(item)
        for number, ship_by, started, packed, packer in HISTORY:
            uow.orders.add(_order(number, ship_by, started, packed, packer))
            uow.pack_sessions.add(_session(number, started, packed, packer))
        uow.pack_sessions.add(PackSession("A9", "Li Wei", "bench-1", _at(2, 7), "left",
                                          _at(2, 7, 45)))
        item.move(Bucket.CUSTOMER, Bucket.RETURNS_IN_TRANSIT, 1, "return", _at(3, 11),
                  order_number="A1")
        item.move(Bucket.CUSTOMER, Bucket.RETURNS_IN_TRANSIT, 1, "return", _at(4, 11),
                  order_number="A5")
        uow.commit()


@pytest.fixture
def week_uow(store):
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    seed_week(factory)
    return factory


def test_the_weeks_figures_match_the_hand_worked_ones(week_uow):
    figures = health_figures(week_uow(), MON, WEEK_END)
    assert (figures.orders_fulfilled, figures.on_time) == (4, 3)
    assert figures.on_time_rate == pytest.approx(0.75)
    assert figures.returns == 2 and figures.return_rate == pytest.approx(0.5)
    assert figures.mis_scan_rate == pytest.approx(0.15)
    assert figures.inventory_accuracy is None and figures.lines_counted == 0
    by_name = {p.packer: p for p in figures.packers}
    ann, li = by_name["Ann"], by_name["Li Wei"]
    assert (ann.orders_packed, ann.orders_per_hour) == (2, pytest.approx(4.0))
    assert ann.scan_to_label_s == pytest.approx(900)
    assert (ann.scans, ann.mis_scans, ann.mis_scan_rate) == (10, 2, pytest.approx(0.2))
    assert (li.orders_packed, li.orders_per_hour) == (2, pytest.approx(2.0))
    assert li.scan_to_label_s == pytest.approx(450)
    assert li.mis_scan_rate == pytest.approx(0.1)


def test_default_thresholds_flag_on_time_and_returns(week_uow):
    figures = health_figures(week_uow(), MON, WEEK_END)
    assert {c.figure for c in figures.crossings} == {"on_time_rate", "return_rate"}
    relaxed = HealthThresholds(on_time_min=0.7, return_rate_max=0.6)
    assert health_figures(week_uow(), MON, WEEK_END, relaxed).crossings == ()


def test_daily_series_puts_each_order_on_its_day(week_uow):
    days = health_series(week_uow(), MON, WEEK_END, timedelta(days=1))
    assert [d.orders_fulfilled for d in days] == [2, 1, 1, 0, 0, 0, 0]
    assert [d.on_time_rate for d in days[:3]] == [0.5, 1.0, 1.0]
    assert days[3].on_time_rate is None and days[3].returns == 1


def test_the_week_before_holds_only_the_early_order(week_uow):
    figures = health_figures(week_uow(), MON - timedelta(days=7), MON)
    assert (figures.orders_fulfilled, figures.on_time) == (1, 1)
    assert [p.packer for p in figures.packers] == ["Ann"]


def test_a_backwards_window_is_refused_with_a_message(week_uow):
    from app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="end after it starts"):
        health_figures(week_uow(), WEEK_END, MON)


def test_return_cases_and_counts_feed_the_figures(week_uow):
    """On top of the week: cases for A3 (answered in 45 min), A4 (15 min) and A2 (not yet,
    escalated); a count on Wednesday finds TEA-1 right (10) and CUP-1 one short (3 of 4).
    First response (45 + 15) / 2 = 30 min: not above 30. Accuracy 1 of 2 lines = 50 %.
    Returns: A1, A5 from the ledger and A2, A3, A4 from cases = 5 orders over 4 packed."""
    from app.domain.counting import CountSession
    from app.domain.returns import ReturnCase, ReturnStatus
    from app.services.alerts import refresh_alerts

    with week_uow() as uow:
        for rma, number, asked, answer in (("RMA-1", "A3", _at(1, 10), (ReturnStatus.APPROVED, 45)),
                                           ("RMA-2", "A4", _at(3, 9), (ReturnStatus.REJECTED, 15)),
                                           ("RMA-3", "A2", _at(4, 8), None)):
            case = ReturnCase(rma, number, "shopify", f"#{number}", "", "buyer", asked)
            case.request("buyer", asked)
            if answer:
                case.transition(answer[0], "Sam", asked + timedelta(minutes=answer[1]))
            else:
                case.escalated_at = asked + timedelta(days=1)
            uow.returns.add(case)
        count = CountSession("skus", "TEA-1,CUP-1", "Sam", _at(2, 7))
        count.count("TEA-1", 10)
        count.count("CUP-1", 3)
        count.close_counting({"TEA-1": 10, "CUP-1": 4}, "Sam", _at(2, 8))
        uow.counts.add(count)
        uow.commit()
    figures = health_figures(week_uow(), MON, WEEK_END)
    assert figures.first_response_minutes == pytest.approx(30.0)
    assert (figures.inventory_accuracy, figures.lines_counted) == (pytest.approx(0.5), 2)
    assert figures.returns == 5
    assert {c.figure for c in figures.crossings} == {"on_time_rate", "return_rate",
                                                     "inventory_accuracy"}
    escalated = [a for a in refresh_alerts(week_uow()).raised if a.kind == "return_escalated"]
    assert [(a.subject, "A2" in a.message) for a in escalated] == [("RMA-3", True)]
    from app.services.board import order_history

    texts = [e.text for e in order_history(week_uow(), "A3").entries if e.kind == "return"]
    assert texts == ["Return RMA-1: requested", "Return RMA-1: requested → approved"]
