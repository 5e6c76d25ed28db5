"""The bench's year store (bench/year_store.py) is a store the app reads as its own: the
real schema, about 3% of orders open, merge groups (a pair of one buyer's orders), returns and scan
events, and the alerts it must raise. Built small here; the bench builds a million the same way."""

from __future__ import annotations

from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.alerts import refresh_alerts
from app.services.board import BoardFilter, read_board_page
from bench.year_store import ANCHOR, build


def test_a_small_year_store_is_a_store_with_a_year_of_history(tmp_path):
    path = tmp_path / "year.db"
    build(path, 20_000)
    store = open_store(f"sqlite:///{path}")
    try:
        with store.engine.connect() as db:
            count = dict(db.execute(select(orm.orders.c.status, func.count())
                                    .group_by(orm.orders.c.status)).all())
            total = sum(count.values())
            opened = sum(count.get(s, 0) for s in ("ready", "needs_review", "packing",
                                                  "on_hold"))
            assert total == 20_000 and 0.02 < opened / total < 0.04, count
            assert count["shipped"] > 0.9 * total and count["cancelled"] > 0
            for table in (orm.scan_events, orm.pack_sessions, orm.order_transitions,
                          orm.return_cases, orm.outbox, orm.order_intake, orm.alerts):
                assert db.execute(select(func.count()).select_from(table)).scalar() > 0, table
            grouped = db.execute(select(func.count(), func.count(
                orm.order_intake.c.merge_group.distinct())).where(
                orm.order_intake.c.merge_group > "")).one()
            assert grouped[0] == 2 * grouped[1] and 0.05 < grouped[0] / total < 0.1, grouped
            first, last = db.execute(select(func.min(orm.orders.c.placed_at),
                                            func.max(orm.orders.c.placed_at))).one()
            assert 360 <= (last - first).days <= 366
        factory = uow_factory(store.session_factory, "bench", clock=lambda: ANCHOR)
        raised = {a.kind for a in refresh_alerts(factory()).raised}
        assert {"stuck", "late", "return_escalated"} <= raised
        page = read_board_page(factory(), BoardFilter(merge_candidates=True))
        assert all(row.merge_group and row.status in ("ready", "needs_review")
                   for row in page.rows)
    finally:
        store.dispose()
