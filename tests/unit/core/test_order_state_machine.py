from datetime import UTC, datetime

import pytest

from app.domain.errors import IllegalTransition
from app.domain.orders import ALLOWED_TRANSITIONS, Address, Order, OrderStatus

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _order(status=OrderStatus.READY) -> Order:
    return Order("PD-1", "shopify", "#1", "Ann", "", Address("Ann"), status=status)


def test_every_transition_records_who_when_and_where():
    order = _order()
    order.transition(OrderStatus.PACKING, "Ann", NOW, station="bench-1")
    order.transition(OrderStatus.PACKED, "Ann", NOW)
    assert [(t.from_status, t.to_status, t.by) for t in order.transitions] == [
        ("ready", "packing", "Ann"), ("packing", "packed", "Ann")]
    assert order.transitions[0].station == "bench-1"


@pytest.mark.parametrize("start", list(OrderStatus))
@pytest.mark.parametrize("target", list(OrderStatus))
def test_only_the_table_allows_a_transition(start, target):
    order = _order(start)
    if target in ALLOWED_TRANSITIONS[start]:
        order.transition(target, "Sam", NOW)
        assert order.status is target
    else:
        with pytest.raises(IllegalTransition, match="cannot become"):
            order.transition(target, "Sam", NOW)
        assert order.status is start and not order.transitions


def test_cancelled_and_delivered_orders_are_final_and_a_shipped_one_can_only_be_delivered():
    assert not ALLOWED_TRANSITIONS[OrderStatus.CANCELLED]
    assert not ALLOWED_TRANSITIONS[OrderStatus.DELIVERED]
    assert ALLOWED_TRANSITIONS[OrderStatus.SHIPPED] == {OrderStatus.DELIVERED}


def test_a_note_made_while_in_a_status_is_not_when_the_order_entered_it():
    order = _order(OrderStatus.PACKING)
    order.transition(OrderStatus.PACKED, "Ann", NOW)
    order.note("carrier", NOW.replace(hour=11), "label 9400 from easypost", "")
    assert order.last_transition_to(OrderStatus.PACKED).by == "Ann"
