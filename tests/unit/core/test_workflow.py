"""Every state machine of the core goes through one workflow (app/domain/workflow.py): each
table is walked, every listed move is allowed and every other refused with the machine's
own words, and every status of each enum is in its table."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from types import SimpleNamespace

import pytest

from app.domain.counting import COUNT_FLOW, CountSession, CountStatus
from app.domain.errors import IllegalTransition, NotAllowed
from app.domain.lots import RECEIPT_FLOW, Receipt, ReceiptStatus
from app.domain.orders import ORDER_FLOW, Address, Order, OrderStatus
from app.domain.outbox import OUTBOX_FLOW, OutboxKind, OutboxMessage, OutboxStatus
from app.domain.packing import SESSION_FLOW, PackSession, SessionOutcome
from app.domain.print_jobs import FINAL_STATES, JOB_FLOW, JobState
from app.domain.returns import REFUND_FLOW, RETURN_FLOW, RefundStatus, ReturnCase, ReturnStatus
from app.domain.shipments import (
    LABEL_REFUND_FLOW,
    SHIPMENT_FLOW,
    RefundState,
    Shipment,
    ShipmentState,
)
from app.domain.transitions import Transition
from app.domain.workflow import Workflow

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

FLOWS: dict[str, tuple[Workflow, type[StrEnum]]] = {
    "orders": (ORDER_FLOW, OrderStatus),
    "returns": (RETURN_FLOW, ReturnStatus),
    "refunds": (REFUND_FLOW, RefundStatus),
    "shipments": (SHIPMENT_FLOW, ShipmentState),
    "label refunds": (LABEL_REFUND_FLOW, RefundState),
    "counts": (COUNT_FLOW, CountStatus),
    "receipts": (RECEIPT_FLOW, ReceiptStatus),
    "pack sessions": (SESSION_FLOW, SessionOutcome),
    "outbox messages": (OUTBOX_FLOW, OutboxStatus),
    "print jobs": (JOB_FLOW, JobState),
}


def _order(status: OrderStatus) -> Order:
    return Order("SO-1", "shopify", "1", "Ann", "", Address("Ann"), status=status)


def _case(status: ReturnStatus, refund: RefundStatus = RefundStatus.NONE) -> ReturnCase:
    return ReturnCase("RMA-1", "SO-1", "shopify", "1", "Bo", "shop", AT, status=status,
                      refund_status=refund)


def _shipment(state: ShipmentState, refund: RefundState = RefundState.NONE) -> Shipment:
    return Shipment("SO-1-1", "sf", "sf_express", ["SO-1"], AT, state=state,
                    tracking_number="SF1", refund=refund)


def _count(status: CountStatus) -> CountSession:
    return CountSession("location", "A-01", "Cy", AT, status=status, id=7)


def _message(status: OutboxStatus) -> OutboxMessage:
    return OutboxMessage("shopify", OutboxKind.REFUND, "refund:shopify:RMA-1", {}, AT,
                         status=status, id=3)


def _subject(flow: Workflow, state: StrEnum):
    """An aggregate of the machine in `state` (a print job: a record with an id)."""
    return {ORDER_FLOW: lambda: _order(state), RETURN_FLOW: lambda: _case(state),
            REFUND_FLOW: lambda: _case(ReturnStatus.REFUNDED, state),
            SHIPMENT_FLOW: lambda: _shipment(state),
            LABEL_REFUND_FLOW: lambda: _shipment(ShipmentState.CANCELLED, state),
            COUNT_FLOW: lambda: _count(state),
            RECEIPT_FLOW: lambda: Receipt("R-1", "Di", AT, status=state),
            SESSION_FLOW: lambda: PackSession("SO-1", "Ann", "bench-1", AT, outcome=state),
            OUTBOX_FLOW: lambda: _message(state),
            JOB_FLOW: lambda: SimpleNamespace(id=11, state=state)}[flow]()


@pytest.mark.parametrize("name", FLOWS)
def test_every_status_of_the_enum_is_in_its_table(name):
    flow, states = FLOWS[name]
    assert set(flow.table) == set(states), f"{name}: a status is missing from the table"
    assert all(set(targets) <= set(states) for targets in flow.table.values())


def test_a_table_that_forgets_a_status_is_refused_when_it_is_written():
    class Light(StrEnum):
        RED = "red"
        GREEN = "green"
        AMBER = "amber"

    with pytest.raises(ValueError, match="missing"):
        Workflow(Light, {Light.RED: frozenset({Light.GREEN}), Light.GREEN: frozenset()},
                 lambda *_: "no")


@pytest.mark.parametrize("name", FLOWS)
def test_every_listed_move_is_allowed_and_recorded(name):
    flow, states = FLOWS[name]
    for source, target in flow.pairs():
        subject = _subject(flow, source)
        record = flow.move(subject, target, Transition, "Ann", AT, "because", "bench-1")
        assert flow.state_of(subject) is target
        assert (record.from_status, record.to_status, record.by, record.at, record.reason,
                record.station) == (source.value, target.value, "Ann", AT, "because", "bench-1")


@pytest.mark.parametrize("name", FLOWS)
def test_every_other_move_is_refused_and_the_state_stays(name):
    flow, states = FLOWS[name]
    allowed = set(flow.pairs())
    refused = [(s, t) for s in states for t in states if (s, t) not in allowed]
    assert refused
    for source, target in refused:
        subject = _subject(flow, source)
        with pytest.raises(flow.error):
            flow.move(subject, target, Transition, "Ann", AT)
        assert flow.state_of(subject) is source


def test_the_refusals_keep_each_machines_words():
    with pytest.raises(IllegalTransition, match=r"^Order SO-1 is on hold; it cannot become "
                                                r"packed\.$"):
        _order(OrderStatus.ON_HOLD).transition(OrderStatus.PACKED, "Ann", AT)
    with pytest.raises(IllegalTransition, match=r"^Return RMA-1 is in transit; it cannot "
                                                r"become graded\.$"):
        _case(ReturnStatus.IN_TRANSIT).transition(ReturnStatus.GRADED, "Bo", AT)
    with pytest.raises(IllegalTransition, match=r"^Parcel SF1 is shipped; it cannot become "
                                                r"label pending\.$"):
        _shipment(ShipmentState.SHIPPED).transition(ShipmentState.LABEL_PENDING, "Bo", AT)
    with pytest.raises(IllegalTransition, match=r"^Count 7: cannot go from approved to "
                                                r"counting\.$"):
        _count(CountStatus.APPROVED).transition(CountStatus.COUNTING, "Cy", AT)
    with pytest.raises(IllegalTransition, match=r"^Receipt R-1 is closed; open a new one\.$"):
        Receipt("R-1", "Di", AT, status=ReceiptStatus.CLOSED).close("Di", AT)
    with pytest.raises(NotAllowed, match=r"^The pack session for SO-1 is closed\.$"):
        PackSession("SO-1", "Ann", "b1", AT, outcome=SessionOutcome.HELD).close(
            SessionOutcome.COMPLETED, AT)
    with pytest.raises(NotAllowed, match=r"^Outbox message 3 has not failed \(it is sent\)\.$"):
        _message(OutboxStatus.SENT).send_again("Bo", AT)
    with pytest.raises(IllegalTransition, match=r"^Outbox message 3 is sent; it cannot become "
                                                r"closed\.$"):
        _message(OutboxStatus.SENT).close("Bo", "agreed in the seller centre", AT)


def test_the_business_verbs_go_through_their_table_and_record_who_and_when():
    order = _order(OrderStatus.READY)
    order.transition(OrderStatus.PACKING, "Ann", AT, "opened", "bench-1")
    assert [(t.from_status, t.to_status, t.by, t.station) for t in order.transitions] == [
        ("ready", "packing", "Ann", "bench-1")]
    count = _count(CountStatus.COUNTING)
    count.close_counting({}, "Cy", AT, "bench-2")
    assert count.status == "submitted" and count.history[-1]["station"] == "bench-2"
    receipt = Receipt("R-1", "Di", AT)
    receipt.close("Di", AT)
    assert (receipt.status, receipt.closed_by, receipt.closed_at) == ("closed", "Di", AT)
    message = _message(OutboxStatus.FAILED)
    message.send_again("Bo", AT)
    assert (message.status, message.attempts) == ("pending", 0)
    case = _case(ReturnStatus.REFUNDED, RefundStatus.FAILED)
    case.close_refund_by_hand("Bo", AT, "agreed in the seller centre")
    assert (case.status, case.refund_status) == ("closed", "manual")
    shipment = _shipment(ShipmentState.CANCELLED)
    shipment.refund_label(RefundState.WANTED, "Bo", AT)
    shipment.refund_label(RefundState.REFUSED, "carrier", AT, "too late to void")
    assert (shipment.refund, shipment.refund_note) == ("refused", "too late to void")
    with pytest.raises(IllegalTransition):
        shipment.refund_label(RefundState.REFUNDED, "carrier", AT)


def test_final_print_job_states_are_the_ones_the_table_never_leaves():
    assert {JobState.ACCEPTED, JobState.FAILED, JobState.CANCELLED} == FINAL_STATES
