"""The pack videos' index: one aggregate, its own file (the repositories split by aggregate)."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.clips import ClipsDisk, PackClip
from app.domain.returns import ReturnStatus

_SETTLED_RETURNS = (ReturnStatus.CLOSED.value, ReturnStatus.REJECTED.value,
                    ReturnStatus.REFUNDED.value)


class SqlClipRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, clip: PackClip) -> None:
        self.session.add(clip)

    def find(self, key: str) -> list[PackClip]:
        """Clips of an order, by its number, tracking number or channel order id."""
        c = orm.pack_clips.c
        return list(self.session.scalars(
            select(PackClip).where(or_(c.order_number == key, c.tracking_number == key,
                                       c.channel_order_id == key), c.deleted_at.is_(None))
            .order_by(c.started_at)))

    def of_order(self, number: str) -> list[PackClip]:
        """Every clip of an order, pruned ones too (to say that it was pruned)."""
        c = orm.pack_clips.c
        return list(self.session.scalars(select(PackClip).where(c.order_number == number)
                                          .order_by(c.started_at)))

    def live(self) -> list[PackClip]:
        c = orm.pack_clips.c
        return list(self.session.scalars(select(PackClip).where(c.deleted_at.is_(None))
                                          .order_by(c.started_at)))

    def protected_orders(self, numbers: list[str]) -> set[str]:
        """Which of these orders have a return case still open (their clip is evidence)."""
        r = orm.return_cases.c
        found: set[str] = set()
        for start in range(0, len(numbers), 500):
            found |= set(self.session.scalars(
                select(r.order_number).where(r.order_number.in_(numbers[start:start + 500]),
                                             r.status.not_in(_SETTLED_RETURNS))))
        return found

    def disk(self, station: str) -> ClipsDisk | None:
        return self.session.scalars(select(ClipsDisk).where(
            orm.clip_disks.c.station == station)).first()

    def add_disk(self, disk: ClipsDisk) -> None:
        self.session.add(disk)

    def usage(self, station: str) -> tuple[int, int]:
        """(clips, bytes) this station keeps on its disk, from the index."""
        c = orm.pack_clips.c
        count, size = self.session.execute(
            select(func.count(c.id), func.coalesce(func.sum(c.bytes), 0))
            .where(c.station == station, c.deleted_at.is_(None))).one()
        return int(count), int(size)
