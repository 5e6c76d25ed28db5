"""A store with a year of history for plan tests (issue 20): most orders shipped, a few
open, late or waiting; and the statements an action sends, with their plans."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event, insert

from app.adapters import orm
from tests.parts.store import FIXED_NOW

NOW = FIXED_NOW
OPEN = ("needs_review", "ready", "packing", "on_hold")


def fill_history(store, orders: int, open_every: int = 30) -> None:
    """A store with history: `orders` over the last year, one in `open_every` still open,
    spread over the open statuses; some open ones late, some waiting for hours, some back
    in ready after a hold (a transition later than their placing), a few with no placing
    time; the planner's statistics brought up to date."""
    rows, transitions = [], []
    for n in range(orders):
        age = timedelta(minutes=(orders - n) * 525_600 // orders)  # oldest first, a year
        is_open = n % open_every == 0
        status = OPEN[(n // open_every) % 4] if is_open else ("shipped" if n % 7 else "cancelled")
        if is_open:  # open orders are recent: the last 30 hours
            age = timedelta(minutes=(n * 37) % 1800)
        placed = None if is_open and n % 997 == 0 else NOW - age
        rows.append({"id": n + 1, "number": f"PD-{n + 1:07d}", "channel": "shopify",
                     "channel_order_id": f"#{n + 1}", "buyer_name": "B", "ship_name": "B",
                     "status": status, "placed_at": placed,
                     "ship_by": NOW - age + timedelta(hours=24), "version": 1})
        if is_open and (n % 3 == 0 or placed is None):  # held and released again
            transitions.append({"order_id": n + 1, "from_status": "on_hold",
                                "to_status": status, "by": "Sam", "reason": "", "station": "s",
                                "at": NOW - timedelta(hours=10) if placed is None else NOW - age / 4})
        if not is_open:
            transitions.append({"order_id": n + 1, "from_status": "packing",
                                "to_status": status, "by": "Ann",
                                "at": NOW - age + timedelta(hours=2), "reason": "",
                                "station": "s"})
    with store.engine.begin() as db:
        for start in range(0, len(rows), 5000):
            db.execute(insert(orm.orders), rows[start:start + 5000])
        for start in range(0, len(transitions), 5000):
            db.execute(insert(orm.order_transitions), transitions[start:start + 5000])
        db.exec_driver_sql("ANALYZE")


def statements(engine, action) -> list[tuple[str, object]]:
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def sqlite_plan(store, statement, parameters) -> list[str]:
    with store.engine.connect() as conn:
        return [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                       parameters)]


def pg_plan_nodes(store, statement: str, parameters) -> list[dict]:
    with store.engine.connect() as conn:
        (plan,), = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters)
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.get("Plans", []))
    return nodes




def fill_intake(store, orders: int) -> None:
    """Each of the first `orders` orders' intake row; two in three were taken in with
    another order of the same buyer (a merge group), over the whole year."""
    rows = [{"channel": "shopify", "channel_order_id": f"#{n + 1}",
             "order_number": f"PD-{n + 1:07d}", "buyer_key": f"buyer-{n // 3}|addr",
             "lines": [], "reserved": {}, "review_reasons": [],
             "merge_group": f"M{n // 3}" if (n + n // 30) % 3 else "", "channel_status": "open",
             "updated_marker": "", "version": 1} for n in range(orders)]
    with store.engine.begin() as db:
        for start in range(0, len(rows), 5000):
            db.execute(insert(orm.order_intake), rows[start:start + 5000])
        db.exec_driver_sql("ANALYZE")
