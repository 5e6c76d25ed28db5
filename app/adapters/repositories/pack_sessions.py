"""Pack sessions (a parcel at a bench) and their scans."""

from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.orm import aliased, joinedload

from app.adapters import orm
from app.adapters.repositories._base import _Repository, mapped
from app.domain.packing import PackSession, ScanEvent, SerialHolder, SessionOutcome


@cache
def _for_scan():
    """A session with its scans and parcel, and the scan (of any session) with a given uid:
    one statement, built once when first used, after the mappers (the scan path's reads,
    issue 20)."""
    earlier = aliased(ScanEvent, name="earlier")
    return (select(PackSession, earlier)
            .outerjoin(earlier, earlier.scan_uid == bindparam("scan_uid"))
            .options(joinedload(mapped(PackSession.events)),
                     joinedload(mapped(PackSession.parcel_orders)))
            .where(orm.pack_sessions.c.id == bindparam("session_id")))


class SqlPackSessionRepository(_Repository):
    def get(self, session_id: int) -> PackSession | None:
        """A session with its scans and its parcel's orders' numbers, in one query."""
        return self.session.get(PackSession, session_id,
                                options=[joinedload(mapped(PackSession.events)),
                                         joinedload(mapped(PackSession.parcel_orders))])

    def for_scan(self, session_id: int,
                 scan_uid: str) -> tuple[PackSession | None, ScanEvent | None]:
        """The session a scan is for (as `get` loads it) and the scan already stored with
        this uid, if any (a scan delivered twice), in one query."""
        row = self.session.execute(_for_scan(), {"session_id": session_id,
                                               "scan_uid": scan_uid}).unique().first()
        return (None, None) if row is None else (row[0], row[1])

    def newest_id(self) -> int | None:
        return self.session.scalar(select(func.max(orm.pack_sessions.c.id)))

    def open_for_order(self, order_number: str) -> PackSession | None:
        """The open session packing this order, alone or in a merged parcel."""
        c, p = orm.pack_sessions.c, orm.parcel_orders.c
        merged = select(p.session_id).where(p.session_id == c.id)
        in_parcel = select(p.session_id).where(p.order_number == order_number)
        return self.session.scalars(
            select(PackSession).where(
                or_(and_(c.order_number == order_number, ~merged.exists()),
                    c.id.in_(in_parcel)),
                c.outcome == SessionOutcome.OPEN.value)
            .order_by(c.id.desc())
        ).first()


    def serial_holder(self, sku: str, serial: str, session_id: int | None) -> SerialHolder | None:
        """Where a serial number of this SKU went, outside the given session."""
        ps, c = orm.pack_sessions.c, orm.packed_serials.c
        row = self.session.execute(
            select(c.order_number, ps.station, ps.outcome)
            .join(orm.pack_sessions, ps.id == c.session_id)
            .where(c.sku == sku, c.serial == serial, c.session_id != session_id)).first()
        if row is None:
            return None
        return SerialHolder(row.order_number, row.station, row.outcome != SessionOutcome.OPEN)


class SqlScanEventRepository(_Repository):
    def by_uid(self, scan_uid: str) -> ScanEvent | None:
        return self.session.scalars(
            select(ScanEvent).where(orm.scan_events.c.scan_uid == scan_uid)
        ).first()

