"""Alerts raised from a real store at a fixed time, acknowledged by name, cleared on their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.alerts import AlertKind, AlertThresholds
from app.domain.channels import Channel
from app.domain.errors import InvalidInput, NotAllowed
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxMessage, OutboxStatus
from app.services.alerts import acknowledge_alert, open_alerts, refresh_alerts

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _order(number: str, channel: str, placed_hours_ago: float, ship_in_hours: float,
           status: OrderStatus = OrderStatus.READY) -> Order:
    placed = NOW - timedelta(hours=placed_hours_ago)
    order = Order(number, channel, f"#{number}", "Mei", "1", Address("Mei"),
                  [OrderLine("TEA-1", "Tea", 1)], status=status, placed_at=placed,
                  ship_by=NOW + timedelta(hours=ship_in_hours))
    return order


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def alert_uow(store, clock):
    factory = uow_factory(store.session_factory, "test-bench", clock=clock)
    with factory() as uow:
        uow.session.add(Channel("taobao", "taobao", settings={"stuck_after_hours": 1}))
        uow.session.add(Channel("shopify", "shopify", last_result="error: 401 Unauthorized"))
        uow.orders.add(_order("R-OLD", "shopify", 5, 20))  # ready 5 h: past 4 h
        uow.orders.add(_order("R-NEW", "shopify", 2, 20))  # ready 2 h: fine
        uow.orders.add(_order("T-2H", "taobao", 2, 20))  # 2 h, taobao's limit is 1 h
        uow.orders.add(_order("LATE", "shopify", 1, -1, OrderStatus.PACKING))
        uow.orders.add(_order("DONE", "shopify", 30, -10, OrderStatus.PACKED))
        uow.outbox.add(OutboxMessage("shopify", "fulfilment", "k-1", {}, NOW,
                                     OutboxStatus.FAILED.value, 5, "HTTP 422: bad tracking"))
        uow.commit()
    return factory


def test_each_condition_raises_one_alert(alert_uow):
    refresh = refresh_alerts(alert_uow())
    got = sorted((a.kind, a.subject) for a in refresh.raised)
    assert got == sorted([
        (AlertKind.STUCK, "R-OLD"), (AlertKind.STUCK, "T-2H"), (AlertKind.LATE, "LATE"),
        (AlertKind.SYNC_FAILURE, "shopify"), (AlertKind.SYNC_FAILURE, "shopify")])
    messages = " ".join(a.message for a in refresh.raised)
    assert "HTTP 422: bad tracking" in messages and "401 Unauthorized" in messages
    assert "past the 1.0 h limit" in messages and "past the 4.0 h limit" in messages
    assert refresh_alerts(alert_uow()).raised == ()  # raised once per condition
    assert len(open_alerts(alert_uow())) == 5


def test_a_longer_default_keeps_shopify_quiet(alert_uow):
    refresh = refresh_alerts(alert_uow(), AlertThresholds(stuck_after=timedelta(hours=6)))
    stuck = [a.subject for a in refresh.raised if a.kind == AlertKind.STUCK]
    assert stuck == ["T-2H"]


def test_acknowledging_needs_a_name_and_happens_once(alert_uow, clock):
    late = next(a for a in refresh_alerts(alert_uow()).raised if a.kind == AlertKind.LATE)
    with pytest.raises(InvalidInput, match="name"):
        acknowledge_alert(alert_uow(), late.id, "  ")
    clock.now = NOW + timedelta(minutes=3)
    seen = acknowledge_alert(alert_uow(), late.id, "Sam")
    assert (seen.acknowledged_by, seen.acknowledged_at) == ("Sam", NOW + timedelta(minutes=3))
    assert late.id not in {a.id for a in open_alerts(alert_uow())}
    with pytest.raises(NotAllowed, match="already acknowledged by Sam"):
        acknowledge_alert(alert_uow(), late.id, "Ann")


def test_an_alert_clears_when_its_condition_goes_away(alert_uow, clock):
    refresh_alerts(alert_uow())
    with alert_uow() as uow:
        order = uow.orders.get("LATE")
        order.transition(OrderStatus.PACKED, "Ann", NOW)
        uow.commit()
    after = refresh_alerts(alert_uow())
    late = next(a for a in after.open if a.kind == AlertKind.LATE)
    assert late.cleared and after.raised == ()


def test_time_passing_makes_a_fresh_order_stuck(alert_uow, clock):
    refresh_alerts(alert_uow())
    clock.now = NOW + timedelta(hours=2, minutes=1)
    raised = refresh_alerts(alert_uow()).raised
    assert [a.subject for a in raised if a.kind == AlertKind.STUCK] == ["R-NEW"]
