"""Wrong PINs: after 5 in a row a name is locked (30 s, then longer), a supervisor is
alerted, a right PIN afterwards resets it; an unknown name costs the same PIN work."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.errors import NotAllowed
from app.services import commands as c
from app.services.alerts import refresh_alerts
from app.services.auth import log_in
from tests.parts.store import FIXED_NOW


class Clock:
    def __init__(self):
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


@pytest.fixture
def clocked(demo_store):
    clock = Clock()
    return uow_factory(demo_store.session_factory, "bench-1", clock=clock), clock


def test_five_wrong_pins_lock_the_name_and_alert_a_supervisor(clocked):
    uow, clock = clocked
    for _ in range(5):
        with pytest.raises(NotAllowed, match="Name or PIN is not right"):
            log_in(c.LogIn("Ann", "0000"), uow())
    with pytest.raises(NotAllowed) as locked:  # even the right PIN, while locked
        log_in(c.LogIn("Ann", "1234"), uow())
    assert str(locked.value) == ("Ann is locked after 5 wrong PINs in a row; try again in "
                                 "30 s, or ask a supervisor.")
    raised = refresh_alerts(uow()).raised
    assert [(a.kind, a.subject) for a in raised] == [("login_locked", "ann")]
    assert "locked after 5 wrong PINs in a row" in raised[0].message
    clock.now += timedelta(seconds=31)
    assert log_in(c.LogIn("Ann", "1234"), uow()).name == "Ann"  # and the count starts over
    for _ in range(4):
        with pytest.raises(NotAllowed, match="not right"):
            log_in(c.LogIn("ann", "0000"), uow())
    assert log_in(c.LogIn("Ann", "1234"), uow()).name == "Ann"


def test_each_lock_lasts_longer(clocked):
    uow, clock = clocked
    for _ in range(5):
        with pytest.raises(NotAllowed):
            log_in(c.LogIn("Li Wei", "0000"), uow())
    clock.now += timedelta(seconds=31)
    for _ in range(5):
        with pytest.raises(NotAllowed):
            log_in(c.LogIn("Li Wei", "0000"), uow())
    with pytest.raises(NotAllowed, match="try again in 60 s"):
        log_in(c.LogIn("Li Wei", "2468"), uow())


def test_an_unknown_name_costs_the_same_pin_work_as_a_known_one(clocked, monkeypatch):
    uow, _clock = clocked
    calls = []
    real = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda *a, **k: calls.append(1) or real(*a, **k))
    for name in ("Ann", "Nobody Here"):
        with pytest.raises(NotAllowed, match="Name or PIN is not right"):
            log_in(c.LogIn(name, "0000"), uow())
    assert calls == [1, 1]  # one scrypt each: nothing tells which names exist


def test_five_wrong_supervisor_approvals_lock_the_name_like_log_ins(clocked):
    """Each approval's own transaction rolls back; the wrong PIN is still counted, in a unit
    of work of its own, and the fifth locks Sam everywhere (approvals and the log-in)."""
    from app.services.bench import PackBenchService

    uow, clock = clocked
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder("PD-100007", "Ann"))
    assert opened.opened, opened.message
    wrong = c.SupervisorApproval("Sam", "0000", "damaged")
    for _ in range(4):
        with pytest.raises(NotAllowed, match="Supervisor name or PIN is not right"):
            bench.hold(c.HoldOrder(opened.session_id, wrong))
    with pytest.raises(NotAllowed) as fifth:
        bench.hold(c.HoldOrder(opened.session_id, wrong))
    assert str(fifth.value) == ("Sam is locked after 5 wrong PINs in a row; try again in 30 s, "
                                "or ask another supervisor.")
    right = c.SupervisorApproval("Sam", "9999", "damaged")
    with pytest.raises(NotAllowed, match="Sam is locked"):  # even the right PIN, while locked
        bench.hold(c.HoldOrder(opened.session_id, right))
    with pytest.raises(NotAllowed, match="Sam is locked"):
        log_in(c.LogIn("Sam", "9999"), uow())
    raised = refresh_alerts(uow()).raised
    assert [(a.kind, a.subject) for a in raised] == [("login_locked", "sam")]
    assert bench.open_order(c.OpenOrder("PD-100007", "Ann")).outcome != "on_hold"
    clock.now += timedelta(seconds=31)
    assert "on hold" in bench.hold(c.HoldOrder(opened.session_id, right))


def test_wrong_supervisor_pins_of_a_takeover_and_a_weight_override_count_too(clocked):
    from app.services.bench import PackBenchService

    uow, _clock = clocked
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder("PD-100005", "Ann"))
    bench.scan_item(c.ScanItem(opened.session_id, "s1", opened.order.lines[0].sku))
    wrong = c.SupervisorApproval("Sam", "1111", "short")
    for _ in range(2):
        with pytest.raises(NotAllowed, match="not right"):
            bench.complete(c.CompletePack(opened.session_id, wrong))
    with pytest.raises(NotAllowed, match="not right"):
        bench.take_over(c.TakeOverOrder("PD-100005", "Li Wei", wrong))
    with uow() as u:
        assert u.packers.attempts_for("Sam").failures == 3


def test_an_approval_with_the_right_pin_writes_no_attempts_row(clocked, demo_store):
    """The approved action's transaction stays free of login_attempts rows, so two stations
    approving with one supervisor at once cannot collide on a new row."""
    from sqlalchemy import func, select

    from app.adapters import orm
    from app.services.bench import PackBenchService

    uow, _clock = clocked
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder("PD-100007", "Ann"))
    bench.hold(c.HoldOrder(opened.session_id, c.SupervisorApproval("Sam", "9999", "damaged")))
    with demo_store.engine.connect() as db:
        assert db.scalar(select(func.count()).select_from(orm.login_attempts)) == 0
