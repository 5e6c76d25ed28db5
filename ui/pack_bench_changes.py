"""What each of the bench's store operations changed (ui/ops.py `OpChanges`), so the
order board and the stock history refresh when the bench packed, opened or set an order
aside, and not at every item scan."""

from __future__ import annotations

from app.services.bench_flow import BenchStep, StepKind
from ui.ops import NOTHING, OpChanges

ORDERS = OpChanges(orders=True)  # an order's status or parcel changed (the board shows it)
PACKED = OpChanges(orders=True, stock=True)


def step_changes(step: BenchStep) -> OpChanges:
    """A packed order changed its status and the stock, an order opened (or merged into
    the parcel) its status; an item counted changed only its pack session."""
    if step.kind is StepKind.PACKED:
        return PACKED
    if step.opened is not None and step.opened.opened:
        return ORDERS
    return NOTHING
