"""Issue 20: a page of channel orders finds its buyers' open orders by the buyer key, on
a store of any size: the query plan starts from the page's buyer keys, never from the
open orders (which grow with the store). Proven by the store's own plan, not a timer."""

from __future__ import annotations

import pytest
from sqlalchemy import event, insert

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from tests.parts.store import FIXED_NOW

PAGE = [f"buyer-{n:03d}|addr" for n in range(250)]  # a Shopify page holds up to 250 orders


def _fill(store, orders: int, open_every: int = 30) -> None:
    """`orders` taken-in orders, one in `open_every` still open (a store with history),
    each buyer with about two orders; the planner's statistics brought up to date."""
    order_rows, intake_rows = [], []
    for n in range(orders):
        number = f"PD-{n + 1:07d}"
        order_rows.append({
            "number": number, "channel": "shopify", "channel_order_id": f"#{n + 1}",
            "buyer_name": f"Buyer {n // 2}", "ship_name": f"Buyer {n // 2}",
            "status": "ready" if n % open_every == 0 else "shipped",
            "placed_at": FIXED_NOW, "version": 1})
        intake_rows.append({
            "channel": "shopify", "channel_order_id": f"#{n + 1}", "order_number": number,
            "buyer_key": f"buyer-{n // 2:03d}|addr", "lines": [], "reserved": {},
            "review_reasons": [], "merge_group": "", "channel_status": "open",
            "updated_marker": "", "version": 1})
    with store.engine.begin() as db:
        db.execute(insert(orm.orders), order_rows)
        db.execute(insert(orm.order_intake), intake_rows)
        db.exec_driver_sql("ANALYZE")


def _statements(engine, action) -> list[tuple[str, object]]:
    """The SQL statements (and parameters) `action` sends to the store."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def _open_intake_queries(store, keys: list[str]) -> list[tuple[str, object]]:
    uow = uow_factory(store.session_factory, "plan-test")

    def look_up() -> None:
        with uow() as u:
            u.orders.open_intakes_with_buyers(keys)

    sent = [(s, p) for s, p in _statements(store.engine, look_up) if "order_intake" in s]
    assert sent, "the look-up sent no query on order_intake"
    return sent


@pytest.mark.parametrize("filled", [0, 3000], ids=["empty", "3000-orders-analysed"])
@pytest.mark.parametrize("keys", [PAGE[:1], PAGE[:12], PAGE], ids=["1", "12", "250"])
def test_sqlite_finds_open_orders_of_a_page_by_its_buyer_keys(store, keys, filled):
    if filled:
        _fill(store, filled)
    for statement, parameters in _open_intake_queries(store, keys):
        with store.engine.connect() as conn:
            plan = [row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
        assert any(step.startswith("SEARCH order_intake USING INDEX ix_order_intake_buyer_key")
                   for step in plan), plan
        assert not any("SCAN orders" in step or "ix_orders_status_id" in step
                       for step in plan), plan
        assert not any(step.startswith("SCAN order_intake") for step in plan), plan


@pytest.fixture
def pg_store(postgres_url):
    opened = open_store(postgres_url)
    yield opened
    opened.dispose()


def _pg_plan_nodes(store, statement: str, parameters) -> list[dict]:
    with store.engine.connect() as conn:
        (plan,), = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters)
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.get("Plans", []))
    return nodes


@pytest.mark.postgres
@pytest.mark.parametrize("keys", [PAGE[:1], PAGE[:12]], ids=["1", "12"])
def test_postgres_finds_open_orders_of_a_page_by_its_buyer_keys(pg_store, keys):
    """On an analysed store of 20,000 orders the plan reads order_intake by the buyer key
    index and each order by its number: no sequential scan and no walk of the open orders
    by status. (PostgreSQL plans by its statistics: for a long page on a store this small
    a hash join over a sequential scan is its cheaper and correct choice, so the page here
    is one a store of 20,000 orders cannot make cheaper to walk.)"""
    _fill(pg_store, 20_000)
    for statement, parameters in _open_intake_queries(pg_store, keys):
        nodes = _pg_plan_nodes(pg_store, statement, parameters)
        intake = [n for n in nodes if n.get("Relation Name") == "order_intake"
                  or n.get("Index Name") == "ix_order_intake_buyer_key"]
        assert any(n.get("Index Name") == "ix_order_intake_buyer_key" for n in intake), nodes
        assert not any(n["Node Type"] == "Seq Scan" for n in nodes), nodes
        assert not any(n.get("Index Name") == "ix_orders_status_id" for n in nodes), nodes
        on_orders = [n for n in nodes if n.get("Relation Name") == "orders"]
        assert on_orders and all(n.get("Index Name") == "uq_orders_number"
                                 for n in on_orders), nodes
