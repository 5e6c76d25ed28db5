"""Issue 20: a steady alerts refresh is incremental. It reads the orders that changed since
the last refresh (alert_marks), not every standing condition: the work SQLite does for it
(its virtual-machine steps, counted by the store's own progress handler, never a timer) is
the same with 40 or 400 late and stuck orders standing. And what it raises and clears is
what a full read of the same store raises and clears."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from sqlalchemy import delete, event, insert, select, update

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.alerts import refresh_alerts
from tests.parts.history import NOW, fill_history

STEP = 100  # VM instructions per progress-handler call


def _standing(store, count: int) -> None:
    """`count` orders ready for 10 hours, promised 2 hours ago: each both stuck and late."""
    with store.engine.begin() as db:
        db.execute(insert(orm.orders), [
            {"number": f"PD-9{n:05d}", "channel": "shopify", "channel_order_id": f"late-{n}",
             "buyer_name": "B", "ship_name": "B", "status": "ready",
             "placed_at": NOW - timedelta(hours=10), "ship_by": NOW - timedelta(hours=2),
             "version": 1} for n in range(count)])
        db.exec_driver_sql("ANALYZE")


def _acknowledge_all(store) -> None:
    """A supervisor saw every alert: they stand (not cleared) but are no longer open."""
    with store.engine.begin() as db:
        db.execute(update(orm.alerts).values(acknowledged_by="Sam", acknowledged_at=NOW))


def _vm_steps(store, action) -> int:
    """SQLite virtual-machine steps (in STEP) run on the store's connections by `action`."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    def watch(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_progress_handler(count, STEP)

    def unwatch(dbapi_connection, _record) -> None:
        dbapi_connection.set_progress_handler(None, STEP)

    event.listen(store.engine, "checkout", watch)
    event.listen(store.engine, "checkin", unwatch)
    try:
        action()
    finally:
        event.remove(store.engine, "checkout", watch)
        event.remove(store.engine, "checkin", unwatch)
    return steps[0]


def _steady_refresh_steps(tmp_path, standing: int) -> int:
    store = open_store(f"sqlite:///{tmp_path / f'standing-{standing}.db'}")
    try:
        fill_history(store, 3000)
        _standing(store, standing)
        factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
        first = refresh_alerts(factory())
        assert sum(a.kind == "late" for a in first.raised) >= standing
        _acknowledge_all(store)
        refresh_alerts(factory())  # the minute after: the marks are set
        return _vm_steps(store, lambda: refresh_alerts(factory()))
    finally:
        store.dispose()


def test_a_steady_refresh_does_not_read_every_standing_late_and_stuck_order(tmp_path):
    few, many = _steady_refresh_steps(tmp_path, 40), _steady_refresh_steps(tmp_path, 400)
    assert few > 0
    # a read of every standing order does ten times the work for ten times the orders
    assert many < few * 1.3 + 20, (few, many)


def _uncleared(store) -> set[str]:
    a = orm.alerts.c
    with store.engine.connect() as db:
        return set(db.scalars(select(a.key).where(a.cleared_at.is_(None))))


def _about_to_be_due(store) -> None:
    """Orders that fall due a few minutes from NOW with nothing written to them: a promise
    at NOW + 5 min, one placed 3 h 55 min ago, one back in ready since 3 h 55 min ago (placed
    long before)."""
    o, soon = orm.orders, NOW - timedelta(hours=4) + timedelta(minutes=5)
    with store.engine.begin() as db:
        for number, placed, ship_by in (("PD-990003", NOW - timedelta(hours=1),
                                         NOW + timedelta(minutes=5)),
                                        ("PD-990004", soon, NOW + timedelta(days=2)),
                                        ("PD-990005", NOW - timedelta(hours=30),
                                         NOW + timedelta(days=3))):
            order_id = db.execute(insert(o).values(
                number=number, channel="shopify", channel_order_id=number, buyer_name="B",
                ship_name="B", status="ready", placed_at=placed, ship_by=ship_by,
                version=1)).inserted_primary_key[0]
            if number == "PD-990005":
                db.execute(insert(orm.order_transitions).values(
                    order_id=order_id, from_status="on_hold", to_status="ready", by="Sam",
                    at=soon, reason="", station="s"))


def _changes(store) -> None:
    """What happens between two refreshes: an order packed, a promise moved, an old order
    taken in late."""
    o = orm.orders
    with store.engine.begin() as db:
        db.execute(update(o).where(o.c.number == "PD-900000").values(status="packed"))
        db.execute(update(o).where(o.c.number == "PD-900001")
                   .values(ship_by=NOW + timedelta(days=1)))
        db.execute(insert(o).values(
            number="PD-990001", channel="taobao", channel_order_id="old-1", buyer_name="B",
            ship_name="B", status="ready", placed_at=NOW - timedelta(days=3),
            ship_by=NOW - timedelta(days=2), version=1))


LATER = NOW + timedelta(minutes=10)  # within the hour: a steady refresh


def _steady_after_changes(store, factory, clock) -> tuple:
    refresh_alerts(factory())
    clock[0] = NOW + timedelta(minutes=1)
    refresh_alerts(factory())
    _changes(store)
    clock[0] = LATER
    steady = refresh_alerts(factory())
    with factory() as u:
        mark = u.alerts.mark()
    assert mark is not None and mark.full_at == NOW  # it read only the changes
    return steady, _uncleared(store)


def _expected(raised, uncleared) -> None:
    shown = {f"{a.kind}:{a.subject}" for a in raised}
    assert {"late:PD-990001", "late:PD-990003", "stuck:PD-990004", "stuck:PD-990005"} <= shown
    assert "late:PD-900000" not in uncleared  # packed: cleared
    assert "late:PD-900001" not in uncleared  # promised later: cleared
    assert "late:PD-900002" in uncleared  # still late: standing


def test_a_steady_refresh_raises_and_clears_what_a_full_read_does(tmp_path):
    path = tmp_path / "steady.db"
    store = open_store(f"sqlite:///{path}")
    try:
        fill_history(store, 3000)
        _standing(store, 30)
        _about_to_be_due(store)
        clock = [NOW]
        factory = uow_factory(store.session_factory, "test-bench", clock=lambda: clock[0])
        refresh_alerts(factory())
        clock[0] = NOW + timedelta(minutes=1)
        refresh_alerts(factory())
        _changes(store)
        store.engine.dispose()
        shutil.copyfile(path, tmp_path / "full.db")
        clock[0] = LATER
        steady = refresh_alerts(factory())
        with factory() as u:
            mark = u.alerts.mark()
        assert mark is not None and mark.full_at == NOW  # it read only the changes
        steady_uncleared = _uncleared(store)
    finally:
        store.dispose()
    full_store = open_store(f"sqlite:///{tmp_path / 'full.db'}")
    try:
        with full_store.engine.begin() as db:
            db.execute(delete(orm.alert_marks))  # no marks: a full read
        full = refresh_alerts(uow_factory(full_store.session_factory, "test-bench",
                                          clock=lambda: LATER)())
        full_uncleared = _uncleared(full_store)
    finally:
        full_store.dispose()
    assert {(a.kind, a.subject, a.message) for a in steady.raised} == \
        {(a.kind, a.subject, a.message) for a in full.raised}
    assert steady_uncleared == full_uncleared
    _expected(steady.raised, steady_uncleared)


@pytest.mark.postgres
def test_postgres_a_steady_refresh_clears_what_changed_and_keeps_what_stands(postgres_url):
    """The same marks on PostgreSQL: every update raises the order's change number there
    too, and the changed orders' ranges are one statement."""
    store = open_store(postgres_url)
    try:
        _standing(store, 5)
        _about_to_be_due(store)
        clock = [NOW]
        factory = uow_factory(store.session_factory, "test-bench", clock=lambda: clock[0])
        steady, uncleared = _steady_after_changes(store, factory, clock)
    finally:
        store.dispose()
    _expected(steady.raised, uncleared)
