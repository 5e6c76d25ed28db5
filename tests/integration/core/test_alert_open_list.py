"""Issue 20: the open list an alerts refresh hands back is read only when it changed. A panel
hands back the fingerprint of the list it shows; a steady minute on a store with hundreds of
open alerts then reads three index ends, not every open alert (SQLite's own step counter,
never a timer). A new alert, one cleared, or one acknowledged at another station makes the
next refresh read the list again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.alerts import acknowledge_alert, refresh_alerts
from tests.integration.core.test_alert_refresh_incremental import _standing, _vm_steps
from tests.parts.history import NOW, fill_history


def _open_store(tmp_path, name: str, standing: int):
    store = open_store(f"sqlite:///{tmp_path / name}")
    fill_history(store, 500)
    _standing(store, standing)
    return store


def _steady_steps(tmp_path, standing: int) -> int:
    store = _open_store(tmp_path, f"open-{standing}.db", standing)
    try:
        factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
        first = refresh_alerts(factory())
        assert len(first.open) >= standing
        second = refresh_alerts(factory(), shown=first.fingerprint)
        assert second.open_unchanged and second.open == ()
        return _vm_steps(store, lambda: refresh_alerts(factory(), shown=second.fingerprint
                                                       or first.fingerprint))
    finally:
        store.dispose()


def test_a_steady_refresh_leaves_a_standing_open_list_unread(tmp_path):
    few, many = _steady_steps(tmp_path, 40), _steady_steps(tmp_path, 400)
    assert few > 0
    # reading the open list does ten times the work for ten times the alerts
    assert many < few * 1.3 + 20, (few, many)


def test_the_list_is_read_again_when_an_alert_is_raised_cleared_or_acknowledged(tmp_path):
    store = _open_store(tmp_path, "changes.db", 5)
    clock = [NOW]
    try:
        factory = uow_factory(store.session_factory, "test-bench", clock=lambda: clock[0])
        shown = refresh_alerts(factory())
        assert not shown.open_unchanged and len(shown.open) >= 10  # 5 late, 5 stuck
        steady = refresh_alerts(factory(), shown=shown.fingerprint)
        assert steady.open_unchanged

        # acknowledged at another station: one fewer on the list
        acknowledge_alert(uow_factory(store.session_factory, "station-2",
                                      clock=lambda: clock[0])(), shown.open[0].id, "Sam")
        after_ack = refresh_alerts(factory(), shown=shown.fingerprint)
        assert not after_ack.open_unchanged
        assert len(after_ack.open) == len(shown.open) - 1

        # packed: its late and stuck alerts clear, and the list says so
        with store.engine.begin() as db:
            db.execute(update(orm.orders).where(orm.orders.c.number == "PD-900001")
                       .values(status="packed"))
        clock[0] = NOW + timedelta(minutes=1)
        after_clear = refresh_alerts(factory(), shown=after_ack.fingerprint)
        assert not after_clear.open_unchanged
        assert any(a.cleared and a.subject == "PD-900001" for a in after_clear.open)

        # a new late order: raised, and on the list
        with store.engine.begin() as db:
            db.execute(orm.orders.insert().values(
                number="PD-990777", channel="shopify", channel_order_id="late-x",
                buyer_name="B", ship_name="B", status="ready",
                placed_at=NOW - timedelta(hours=10), ship_by=NOW - timedelta(hours=2),
                version=1))
        clock[0] = NOW + timedelta(minutes=2)
        after_new = refresh_alerts(factory(), shown=after_clear.fingerprint)
        assert {a.subject for a in after_new.raised} == {"PD-990777"}
        assert not after_new.open_unchanged
        assert "PD-990777" in {a.subject for a in after_new.open}

        # nothing since: unchanged again
        clock[0] = NOW + timedelta(minutes=3)
        assert refresh_alerts(factory(), shown=after_new.fingerprint).open_unchanged
    finally:
        store.dispose()


def test_the_sync_worker_never_reads_the_open_list(tmp_path):
    store = _open_store(tmp_path, "sync.db", 5)
    try:
        factory = uow_factory(store.session_factory, "cron", clock=lambda: NOW)
        refresh = refresh_alerts(factory(), read_open=False)
        assert len(refresh.raised) >= 10 and refresh.open == () and refresh.open_unchanged
    finally:
        store.dispose()
