"""The bench's state machine: what comes after an answer, and what the tables allow."""

import pytest

from app.domain.bench_state import (
    TRANSITIONS,
    BenchEvent,
    BenchMachine,
    BenchState,
    LabelEvent,
    LabelState,
    Next,
    ParcelNews,
    next_after_item,
)
from app.domain.errors import NotAllowed


def test_the_last_item_completes_unless_a_merge_is_offered_or_the_scale_is_empty():
    assert next_after_item(ParcelNews(True, False)) is Next.SCAN_ON
    assert next_after_item(ParcelNews(False, True)) is Next.SCAN_ON  # a refusal never packs
    assert next_after_item(ParcelNews(True, True)) is Next.COMPLETE
    assert next_after_item(ParcelNews(True, True, ("PD-2",))) is Next.OFFER_MERGE
    assert next_after_item(ParcelNews(True, True, (), True, None)) is Next.WEIGH
    assert next_after_item(ParcelNews(True, True, (), True, 3.0)) is Next.WEIGH  # empty scale
    assert next_after_item(ParcelNews(True, True, (), True, 412.0)) is Next.COMPLETE


def test_an_order_goes_from_open_to_packed_and_the_bench_refuses_what_the_table_has_not():
    bench = BenchMachine()
    with pytest.raises(NotAllowed):
        bench.fire(BenchEvent.PACKED)  # nothing open: nothing to pack
    assert bench.fire(BenchEvent.OPENED) is BenchState.ORDER_OPEN
    assert bench.fire(BenchEvent.WEIGHT_MISSING) is BenchState.AWAITING_WEIGHT
    assert bench.fire(BenchEvent.WEIGHT_REFUSED) is BenchState.WEIGHT_OFF
    assert bench.fire(BenchEvent.PACKED) is BenchState.LABEL_PRINTING
    with pytest.raises(NotAllowed):
        bench.fire(BenchEvent.SCANNED)  # packed: the next scan is an order's
    assert bench.fire(BenchEvent.OPENED) is BenchState.ORDER_OPEN
    assert bench.fire(BenchEvent.CLOSED) is BenchState.IDLE
    assert all(target in BenchState for target in TRANSITIONS.values())


def test_a_label_not_printed_holds_the_next_order_until_that_label_printed_or_is_let_go():
    bench = BenchMachine()
    bench.fire_label(LabelEvent.SENT)
    bench.fire_label(LabelEvent.FAILED, ("PD-1",))
    assert bench.holds_next_order
    bench.fire_label(LabelEvent.SENT)  # a reprint: still held until it printed
    bench.fire_label(LabelEvent.PRINTED, ("PD-0",))  # another order's label
    assert bench.holds_next_order and bench.label_numbers == ("PD-1",)
    bench.fire_label(LabelEvent.PRINTED, ("PD-1",))
    assert not bench.holds_next_order and bench.label is LabelState.NONE
    bench.fire_label(LabelEvent.FAILED, ("PD-2",))
    bench.fire_label(LabelEvent.LET_GO)  # PD:SKIPLABEL, or another label printer
    assert not bench.holds_next_order


def test_the_bench_machines_are_workflows_made_of_their_events_moves():
    """The bench is on the one workflow mechanism (app/domain/workflow.py): every state is
    in its workflow's table, every event's move is a move the workflow allows, and a move
    no event makes is refused with the bench's words."""
    from app.domain.bench_state import BENCH_FLOW, LABEL_FLOW

    for flow, states in ((BENCH_FLOW, BenchState), (LABEL_FLOW, LabelState)):
        assert set(flow.workflow.table) == set(states)
        assert all(flow.workflow.allows(source, target)
                   for (source, _event), target in flow.moves.items())
        assert not flow.workflow.finals  # a bench never stops taking orders
    bench = BenchMachine()
    assert not BENCH_FLOW.workflow.allows(BenchState.IDLE, BenchState.LABEL_PRINTING)
    with pytest.raises(NotAllowed, match=r"^The bench cannot go from idle to label printing"):
        BENCH_FLOW.workflow.check(bench, BenchState.LABEL_PRINTING)
    with pytest.raises(NotAllowed, match=r"^The bench cannot go from idle by packed\.$"):
        bench.fire(BenchEvent.PACKED)
    assert bench.state is BenchState.IDLE


def test_an_event_flow_refuses_an_event_table_that_moves_where_its_states_cannot():
    from enum import StrEnum

    from app.domain.workflow import EventFlow

    class Door(StrEnum):
        SHUT = "shut"
        OPEN = "open"

    class Push(StrEnum):
        PUSH = "push"

    door = EventFlow.of(Door, {(Door.SHUT, Push.PUSH): Door.OPEN}, lambda *_: "no",
                        lambda *_: "no")
    assert door.workflow.finals == {Door.OPEN}
    assert door.workflow.pairs() == [(Door.SHUT, Door.OPEN)]
