"""Pack sessions (a parcel at a bench) and their scans."""

from __future__ import annotations

from functools import cache

from sqlalchemy import and_, bindparam, func, literal_column, or_, select, true, union_all
from sqlalchemy.orm import aliased, contains_eager, joinedload

from app.adapters import orm, pipeline
from app.adapters.repositories._base import _Repository, mapped
from app.adapters.repositories.products import _match, best_match
from app.domain.orders import Order
from app.domain.packing import PackSession, ScanEvent, SerialHolder, SessionOutcome
from app.services.unit_of_work import ScanReads

# the parts of a scan's one read: each row carries one of them (`k`), so that the
# session's scans and the parcel's lines come one row each, never multiplied together
_SCANS, _MEMBERS, _LINES, _ASKED = 1, 2, 3, 4


def _parcel_numbers():
    """The numbers of a session's parcel (`PackSession.order_numbers`) by the session's id,
    not correlated to the outer query: each order is then found along its number's index
    (a condition correlated inside the join made PostgreSQL walk every order)."""
    ps, po = orm.pack_sessions.c, orm.parcel_orders.c
    session_id = bindparam("session_id")
    members = select(po.order_number.label("number")).where(po.session_id == session_id)
    alone = (select(ps.order_number.label("number"))
             .where(ps.id == session_id, ~select(po.id).where(po.session_id == session_id)
                    .exists()))
    return union_all(members, alone).subquery()


@cache
def _for_scan():
    """Everything an item scan reads, in one statement (issue 20: on PostgreSQL each
    statement is a round trip): the session with its scans and parcel members, the
    parcel's orders with their lines, the scan already stored with this uid (of any
    session) and the products the scanned keys name. Built once, after the mappers."""
    ps, se, po, o, ol = (orm.pack_sessions, orm.scan_events, orm.parcel_orders, orm.orders,
                         orm.order_lines)
    parts = union_all(*(select(literal_column(str(k)).label("k"))
                        for k in (_SCANS, _MEMBERS, _LINES, _ASKED))).subquery()
    earlier = aliased(ScanEvent, name="earlier")
    product = _match().subquery()
    wanted = _parcel_numbers()
    return (select(PackSession, earlier, Order, product)
            .select_from(ps).join(parts, true())
            .outerjoin(se, and_(parts.c.k == _SCANS, se.c.session_id == ps.c.id))
            .outerjoin(po, and_(parts.c.k == _MEMBERS, po.c.session_id == ps.c.id))
            .outerjoin(wanted, parts.c.k == _LINES)
            .outerjoin(o, o.c.number == wanted.c.number)
            .outerjoin(ol, ol.c.order_id == o.c.id)
            .outerjoin(earlier, and_(parts.c.k == _ASKED,
                                     mapped(earlier.scan_uid) == bindparam("scan_uid")))
            .outerjoin(product, parts.c.k == _ASKED)
            .options(contains_eager(mapped(PackSession.events)),
                     contains_eager(mapped(PackSession.parcel_orders)),
                     contains_eager(mapped(Order.lines)))
            .where(ps.c.id == bindparam("session_id"))
            .order_by(parts.c.k, se.c.id, po.c.id, o.c.id, ol.c.id))


class SqlPackSessionRepository(_Repository):
    def get(self, session_id: int) -> PackSession | None:
        """A session with its scans and its parcel's orders' numbers, in one query."""
        return self.session.get(PackSession, session_id,
                                options=[joinedload(mapped(PackSession.events)),
                                         joinedload(mapped(PackSession.parcel_orders))])

    def for_scan(self, session_id: int, scan_uid: str, keys: list[str]) -> ScanReads:
        """What an item scan reads (`ScanReads`), in one statement; `keys`: the scanned
        code's lookup keys (`code_keys`). On PostgreSQL the scan's unit of work is
        pipelined from here: BEGIN goes with this read, its writes with the COMMIT."""
        pipeline.start(self.session)
        rows = self.session.execute(_for_scan(), {"session_id": session_id,
                                                  "scan_uid": scan_uid, "keys": keys}).unique().all()
        if not rows:
            return ScanReads(None, None, [], None)
        orders = list({id(row.Order): row.Order for row in rows if row.Order is not None}
                      .values())
        earlier = next((row.earlier for row in rows if row.earlier is not None), None)
        asked = [row for row in rows if row.sku is not None]
        return ScanReads(rows[0].PackSession, earlier, orders, best_match(asked, keys))

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

