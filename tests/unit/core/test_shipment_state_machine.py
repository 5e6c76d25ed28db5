from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import IllegalTransition
from app.domain.shipments import (
    FIRST_RETRY,
    SHIPMENT_TRANSITIONS,
    Shipment,
    ShipmentEvent,
    ShipmentState,
)
from app.domain.shipping import TrackingStatus

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
S = ShipmentState


def _shipment(state=S.LABEL_PENDING) -> Shipment:
    return Shipment("PD-1-1", "ezp", "easypost", ["PD-1"], NOW, state=state)


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("target", list(S))
def test_only_the_table_allows_a_change(start, target):
    shipment = _shipment(start)
    if target in SHIPMENT_TRANSITIONS[start]:
        shipment.transition(target, "Ann", NOW, station="dock")
        assert shipment.state is target and shipment.transitions[-1].station == "dock"
    else:
        with pytest.raises(IllegalTransition, match="cannot become"):
            shipment.transition(target, "Ann", NOW)


def test_a_passing_failure_waits_longer_each_time_and_a_refusal_stops_for_a_person():
    shipment = _shipment()
    shipment.failed("EasyPost is busy", True, NOW)
    assert shipment.next_attempt_at == NOW + FIRST_RETRY and not shipment.blocked
    shipment.failed("EasyPost is busy", True, NOW)
    assert shipment.next_attempt_at == NOW + 2 * FIRST_RETRY
    shipment.failed("Address not found", False, NOW)
    assert shipment.blocked == "Address not found" and shipment.next_attempt_at is None


def test_a_tracking_event_is_kept_once_and_delivered_ends_a_shipped_parcel():
    shipment = _shipment(S.SHIPPED)
    event = ShipmentEvent("delivered", NOW + timedelta(days=2), "Delivered", "SF", "delivered")
    assert shipment.record_event(event) and not shipment.record_event(
        ShipmentEvent("delivered", NOW + timedelta(days=2), "Delivered", "SF", "delivered"))
    assert shipment.follow(TrackingStatus.DELIVERED, event.at) is S.DELIVERED
    assert shipment.delivered_at == event.at
    assert _shipment(S.LABELLED).follow(TrackingStatus.IN_TRANSIT, NOW) is None
