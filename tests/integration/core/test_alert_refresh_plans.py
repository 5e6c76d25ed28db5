"""Issue 20: the alerts refresh reads only what can be due. The stuck and late orders are
read along (status, placed_at) and (status, ship_by) up to the cut-off, never by a walk of
every open order or of the year of shipped history; proven by the store's own plan, and
the alerts raised are the ones a read of every open order raises."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.alerts import AlertThresholds
from app.domain.orders import OPEN_STATUSES, OrderStatus
from app.services.alerts import AlertFacts, detect, refresh_alerts, thresholds_with_channels
from tests.parts.history import (
    NOW,
    fill_history,
    pg_plan_nodes,
    sqlite_plan,
    statements,
)


def _order_fact_queries(store) -> list[tuple[str, object]]:
    uow = uow_factory(store.session_factory, "plan-test")

    def read() -> None:
        with uow() as u:
            u.alerts.stuck_orders(NOW - timedelta(hours=4))
            u.alerts.late_orders(NOW)

    sent = [(s, p) for s, p in statements(store.engine, read) if "FROM orders" in s]
    assert len(sent) >= 2, sent
    return sent


@pytest.mark.parametrize("filled", [0, 6000], ids=["empty", "6000-orders-analysed"])
def test_sqlite_reads_stuck_and_late_orders_by_status_and_time_ranges(store, filled):
    if filled:
        fill_history(store, filled)
    for statement, parameters in _order_fact_queries(store):
        plan = sqlite_plan(store, statement, parameters)
        on_orders = [step for step in plan if " orders " in f"{step} "]
        assert on_orders and all(
            step.startswith(("SEARCH orders USING INDEX ix_orders_status_ship_by (status=? AND ship_by<?)",
                             "SEARCH orders USING INDEX ix_orders_status_placed_at (status=? AND placed_at"))
            for step in on_orders), plan
        assert not any(step.startswith("SCAN") for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan  # index order, no sort


# tables that grow with the store's history; the per-station ones (channels, login
# attempts, alert routes) hold a row per channel, name or route
GROWING = ("orders", "order_transitions", "order_intake", "outbox", "return_cases",
           "print_jobs", "alerts")


def test_sqlite_a_whole_refresh_reads_no_growing_table_from_end_to_end(store):
    fill_history(store, 6000)
    with store.engine.begin() as db:  # a year of alerts seen and gone
        db.execute(insert(orm.alerts), [
            {"key": f"late:OLD-{n}", "kind": "late", "subject": f"OLD-{n}", "message": "m",
             "raised_at": NOW - timedelta(days=n % 365), "acknowledged_by": "Sam",
             "acknowledged_at": NOW - timedelta(days=n % 365),
             "cleared_at": NOW - timedelta(days=n % 365)} for n in range(3000)])
        db.execute(insert(orm.return_cases), [  # a year of returns, a few still waiting
            {"rma_number": f"RMA-{n}", "order_number": f"PD-{n + 1:07d}", "channel": "shopify",
             "channel_order_id": f"#{n + 1}", "assigned_to": "", "shipping_paid_by": "buyer",
             "requested_at": NOW - timedelta(days=n % 365),
             "status": "closed" if n % 50 else "requested", "policy_verdict": "",
             "policy_reason": "", "override_by": "", "override_reason": "",
             "escalated_at": NOW - timedelta(days=n % 365) if n % 7 == 0 else None,
             "refund_cents": 0, "refund_status": "none", "version": 1} for n in range(3000)])
        db.exec_driver_sql("ANALYZE")
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    first = refresh_alerts(factory())  # the first one raises; the next is the steady minute
    assert {"stuck", "late", "return_escalated"} <= {a.kind for a in first.raised}
    sent = statements(store.engine, lambda: refresh_alerts(factory()))
    reads = [(s, p) for s, p in sent if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) > 10, sent
    for statement, parameters in reads:
        plan = sqlite_plan(store, statement, parameters)
        assert not any(step.startswith(f"SCAN {table}") for step in plan
                       for table in GROWING), (statement, plan)


def _every_open_order(session, now, entered_before):
    """The facts as they were read before issue 20, by a walk of every open order: the
    reference the ranges must match."""
    o, t = orm.orders, orm.order_transitions
    entered = func.coalesce(
        select(func.max(t.c.at)).where(t.c.order_id == o.c.id, t.c.to_status == o.c.status)
        .scalar_subquery(), o.c.placed_at, type_=orm.UtcDateTime())
    stuck = session.execute(
        select(o.c.number, o.c.channel, o.c.status, entered)
        .where(o.c.status.in_((OrderStatus.NEEDS_REVIEW, OrderStatus.READY)),
               entered < entered_before))
    late = session.execute(
        select(o.c.number, o.c.channel, o.c.status, o.c.ship_by)
        .where(o.c.ship_by < now, o.c.status.in_(tuple(OPEN_STATUSES))))
    return [tuple(r) for r in stuck], [tuple(r) for r in late]


def test_the_alerts_raised_are_those_of_a_read_of_every_open_order(store):
    fill_history(store, 6000)
    limits = AlertThresholds()
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    with factory() as u:
        stuck, late = _every_open_order(u.session, NOW, NOW - limits.shortest)
        assert len(stuck) > 20 and len(late) > 10  # the store has both kinds to raise
        ranged_stuck = u.alerts.stuck_orders(NOW - limits.shortest)
        ranged_late = u.alerts.late_orders(NOW)
        channels = tuple(u.alerts.channel_results())
    assert sorted(ranged_stuck) == sorted(stuck)
    assert sorted(ranged_late) == sorted(late)
    expected = {a.key: a.message for a in detect(
        AlertFacts(stuck=tuple(stuck), late=tuple(late)), NOW,
        thresholds_with_channels(limits, channels)) if a.kind in ("stuck", "late")}
    raised = refresh_alerts(factory(), limits).raised
    assert {a.kind for a in raised} <= {"stuck", "late"}
    assert {(a.subject, a.message) for a in raised} == {
        (key.split(":")[1], message) for key, message in expected.items()}
    assert len(raised) == len(expected)


def test_a_store_with_more_due_than_the_limit_reads_the_longest_waiting(store):
    fill_history(store, 3000, open_every=2)  # half the store open: more due than the limit
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    with factory() as u:
        stuck, late = _every_open_order(u.session, NOW, NOW - timedelta(hours=4))
        ranged_stuck = u.alerts.stuck_orders(NOW - timedelta(hours=4), limit=50)
        ranged_late = u.alerts.late_orders(NOW, limit=50)
    assert ranged_stuck == sorted(stuck, key=lambda r: (r[3], r[0]))[:50]
    assert ranged_late == sorted(late, key=lambda r: (r[3], r[0]))[:50]


@pytest.fixture
def pg_store(postgres_url):
    opened = open_store(postgres_url)
    yield opened
    opened.dispose()


@pytest.mark.postgres
def test_postgres_reads_stuck_and_late_orders_by_status_and_time_ranges(pg_store):
    """On an analysed store of 20,000 orders (3% open) each statement reads orders by one
    of the two range indexes, status and time in its condition, and the transitions by the
    order's id: no sequential scan. (For a handful of rows PostgreSQL may prefer a bitmap
    scan of the range and a sort of what it found: still bounded by the range.)"""
    fill_history(pg_store, 20_000)
    with pg_store.engine.begin() as db:
        db.exec_driver_sql("ANALYZE")
    for statement, parameters in _order_fact_queries(pg_store):
        nodes = pg_plan_nodes(pg_store, statement, parameters)
        assert not any(n["Node Type"] == "Seq Scan" for n in nodes), nodes
        ranges = {n.get("Index Name"): n.get("Index Cond", "") for n in nodes
                  if n["Node Type"] in ("Index Scan", "Bitmap Index Scan")}
        assert set(ranges) - {"ix_order_transitions_order_id"} in (
            {"ix_orders_status_ship_by"}, {"ix_orders_status_placed_at"}), nodes
        assert all("status" in cond and ("ship_by <" in cond or "placed_at <" in cond
                                         or "placed_at IS NULL" in cond)
                   for name, cond in ranges.items() if name.startswith("ix_orders_")), ranges
        # a sort, if PostgreSQL picks one, is of the rows the range found, never more
        for sort in (n for n in nodes if n["Node Type"] == "Sort"):
            assert sort["Plans"][0]["Node Type"] in ("Bitmap Heap Scan", "Index Scan"), nodes
