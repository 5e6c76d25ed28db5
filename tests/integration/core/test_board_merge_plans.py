"""Issue 20: the board's merge-candidates filter reads the orders awaiting packing one
status at a time along (status, id), newest first, each checked by its own intake row: it
never reads the list of every order ever grouped (a year of them), and it stops at the
page's end. Proven by the store's own plan; the rows are those of the plain filter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.board import BoardFilter, read_board_page
from tests.parts.history import (
    NOW,
    fill_history,
    fill_intake,
    pg_plan_nodes,
    sqlite_plan,
    statements,
)


def _page_queries(store, board_filter: BoardFilter) -> list[tuple[str, object]]:
    factory = uow_factory(store.session_factory, "plan-test", clock=lambda: NOW)
    sent = [(s, p) for s, p in statements(
        store.engine, lambda: read_board_page(factory(), board_filter)) if "FROM orders" in s]
    assert sent, "the board sent no query on orders"
    return sent


def _filled(store, orders: int = 6000):
    fill_history(store, orders)
    fill_intake(store, orders)
    return store


@pytest.mark.parametrize("board_filter", [BoardFilter(merge_candidates=True),
                                          BoardFilter(merge_candidates=True, needs_review=True),
                                          BoardFilter(needs_review=True, on_hold=True)],
                         ids=["merge", "merge-review", "review-or-hold"])
def test_sqlite_pages_the_awaiting_orders_by_status_and_id(store, board_filter):
    _filled(store)
    for statement, parameters in _page_queries(store, board_filter):
        plan = sqlite_plan(store, statement, parameters)
        assert plan[0].startswith("SEARCH orders USING INDEX ix_orders_status_id (status=?)"), plan
        assert not any(step.startswith("SCAN") or "LIST SUBQUERY" in step
                       or "TEMP B-TREE" in step for step in plan), plan
        assert all(step.startswith(("SEARCH orders", "SEARCH order_intake USING INDEX "
                                    "ix_order_intake_order_number (order_number=?)",
                                    "CORRELATED SCALAR SUBQUERY")) for step in plan), plan


def test_the_merge_candidates_are_the_grouped_orders_awaiting_packing_newest_first(store):
    _filled(store)
    o, i = orm.orders.c, orm.order_intake.c
    with store.engine.connect() as db:
        expected = [n for (n,) in db.execute(
            select(o.number).join(orm.order_intake, i.order_number == o.number)
            .where(o.status.in_(("ready", "needs_review")), i.merge_group > "")
            .order_by(o.id.desc()))]
    assert len(expected) > 60  # more than one page
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    seen, after = [], None
    while True:
        page = read_board_page(factory(), BoardFilter(merge_candidates=True), after, limit=25)
        seen += [row.number for row in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == expected


@pytest.fixture
def pg_store(postgres_url):
    opened = open_store(postgres_url)
    yield opened
    opened.dispose()


@pytest.mark.postgres
def test_postgres_pages_the_merge_candidates_by_status_never_the_grouped_history(pg_store):
    """On an analysed store of 20,000 orders, two in three of them grouped: each statement
    reads orders by status and their intake row by order number; no sequential scan, and
    no hash of every grouped intake row."""
    _filled(pg_store, 20_000)
    with pg_store.engine.begin() as db:
        db.exec_driver_sql("ANALYZE")
    for statement, parameters in _page_queries(pg_store, BoardFilter(merge_candidates=True)):
        nodes = pg_plan_nodes(pg_store, statement, parameters)
        assert not any(n["Node Type"] in ("Seq Scan", "Hash Join", "Hash Semi Join")
                       for n in nodes), nodes
        scans = {n.get("Index Name"): n.get("Index Cond", "") for n in nodes
                 if n["Node Type"] in ("Index Scan", "Bitmap Index Scan")}
        assert scans.get("ix_order_intake_order_number", "").startswith(
            "((order_number)::text = (orders.number)::text)"), scans
        on_orders = {name: cond for name, cond in scans.items() if name.startswith("ix_orders")}
        assert on_orders and all("status" in cond for cond in on_orders.values()), scans
