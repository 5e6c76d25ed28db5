"""What the bench shows besides the order: the queue (orders ready, due today, late) and
the packer's own pace this shift. Read on the periodic worker, never on the Qt thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from app.services.unit_of_work import UnitOfWork

SHORTEST_SHIFT = timedelta(minutes=15)  # one order in the first minute is not 60 an hour


@dataclass(frozen=True)
class BenchFigures:
    waiting: int  # ready to pack, at any station
    due_today: int  # of those, to ship by the end of today
    late: int  # of those, past their ship-by time
    packed: int  # by this packer this shift
    per_hour: float | None  # this packer's pace this shift; None before their first order


def shift_began(now: datetime) -> datetime:
    """A shift is the packer's day: from local midnight (the machine's time zone)."""
    local = now.astimezone()
    return datetime.combine(local.date(), time(), tzinfo=local.tzinfo)


def bench_figures(uow: UnitOfWork, packer: str) -> BenchFigures:
    """The queue, and `packer`'s orders per hour since they first opened one today."""
    with uow:
        now = uow.now()
        day_start = shift_began(now)
        waiting, due_today, late = uow.orders.queue_counts(now, day_start + timedelta(days=1))
        packed, first = uow.orders.packer_day(packer, day_start)
    if first is None:
        return BenchFigures(waiting, due_today, late, packed, None)
    hours = max(now - first, SHORTEST_SHIFT).total_seconds() / 3600
    return BenchFigures(waiting, due_today, late, packed, packed / hours)
