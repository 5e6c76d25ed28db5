"""The orders that changed since the last alerts refresh, and their facts (issue 20).

A steady refresh (the minute after the last one) reads only what can have changed: the
orders updated since (every update raises `orders.change_seq`, `ix_orders_change_seq`),
the orders taken in since (by id), the open orders whose promise passed in between
(`ix_orders_status_ship_by`) and the ones whose waiting crossed a stuck limit in between
(`ix_orders_status_placed_at`, and their transitions by `ix_order_transitions_to_status_at`). Each is a range from the last
refresh to now: O(changes), whatever the standing alerts, open orders or year of history.
Where the last refresh left off is one row of `alert_marks`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, insert, or_, select, union_all, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.adapters import orm
from app.adapters.alert_facts import STUCK_STATUSES, _entered
from app.adapters.planning import filter_only
from app.domain.alerts import AlertMark
from app.domain.orders import OPEN_STATUSES, OrderStatus

MARK = "orders"
ORDER_KINDS = ("stuck", "late", "stock_conflict")  # the alerts an order's facts raise


def read_mark(session: Session) -> AlertMark | None:
    m = orm.alert_marks.c
    row = session.execute(select(m.refreshed_at, m.full_at, m.order_id, m.order_id_before,
                                 m.change_seq, m.change_seq_before, m.signature)
                          .where(m.name == MARK)).first()
    return AlertMark(*row) if row is not None else None


def write_mark(session: Session, mark: AlertMark, *, existed: bool) -> None:
    """The row is made by the first refresh; two stations making it at once agree."""
    m = orm.alert_marks
    values = {"refreshed_at": mark.refreshed_at, "full_at": mark.full_at,
              "order_id": mark.order_id, "order_id_before": mark.order_id_before,
              "change_seq": mark.change_seq, "change_seq_before": mark.change_seq_before,
              "signature": mark.signature}
    if existed:
        session.execute(update(m).where(m.c.name == MARK).values(**values))
        return
    try:
        with session.begin_nested():
            session.execute(insert(m).values(name=MARK, **values))
    except IntegrityError:  # another station's first refresh made it: it is as good
        pass


def newest_orders(session: Session) -> tuple[int, int]:
    """The newest order's id and the highest change number, one index step each."""
    o = orm.orders.c
    row = session.execute(select(select(func.max(o.id)).scalar_subquery(),
                                 select(func.max(o.change_seq)).scalar_subquery())).one()
    return int(row[0] or 0), int(row[1] or 0)


def changed_orders(session: Session, *, since: datetime, now: datetime, after_id: int,
                   after_seq: int, stuck_limits: list[timedelta]) -> set[int]:
    """Ids of the orders whose alerts may differ from the last refresh's: taken in after
    `after_id`, updated after change `after_seq`, promised between `since` and `now`, or
    waiting into one of the stuck limits between them. One index range each, sent as one
    statement."""
    o, t = orm.orders.c, orm.order_transitions.c
    ranges = [select(o.id).where(o.id > after_id),
              select(o.id).where(o.change_seq > after_seq)]
    ranges += [select(o.id).where(o.status == status, o.ship_by >= since, o.ship_by < now)
               for status in sorted(OPEN_STATUSES)]
    for limit in stuck_limits:
        for status in STUCK_STATUSES:
            ranges.append(select(o.id).where(o.status == status, o.placed_at >= since - limit,
                                             o.placed_at < now - limit))
            ranges.append(select(t.order_id).where(t.to_status == status.value,
                                                   t.at >= since - limit, t.at < now - limit))
    return set(session.scalars(union_all(*ranges)))


def order_facts(session: Session, ids: list[int],
                now: datetime) -> tuple[list, list, list, list]:
    """The numbers of these orders, and their (stuck, late, stock) facts shaped as the full
    reads shape them: (number, channel, status, entered_at), (number, channel, status,
    ship_by) and (number, channel, stock reasons)."""
    o, t, i = orm.orders.c, orm.order_transitions.c, orm.order_intake.c
    numbers: list[str] = []
    stuck: list[tuple] = []
    late: list[tuple] = []
    stock: list[tuple] = []
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(o.number, o.channel, o.status, o.ship_by, _entered(o, t),
                   i.review_reasons)
            .select_from(orm.orders.outerjoin(orm.order_intake, i.order_number == o.number))
            .where(o.id.in_(ids[start:start + 500])))
        for number, channel, status, ship_by, entered, reasons in rows:
            numbers.append(number)
            if status in STUCK_STATUSES and entered is not None:
                stuck.append((number, channel, status, entered))
            if status in OPEN_STATUSES and ship_by is not None and ship_by < now:
                late.append((number, channel, status, ship_by))
            if status == OrderStatus.NEEDS_REVIEW and reasons is not None:
                stock.append((number, channel, [x for x in reasons or []
                                                if x.startswith("not enough stock")]))
    return numbers, stuck, late, stock


def uncleared_of_orders(session: Session, numbers: list[str]) -> dict[str, int]:
    """Key and id of the uncleared stuck, late and stock alerts of these orders, by the
    unique key index (a stuck alert's key starts with its order's number); never along
    the uncleared ones (`filter_only`), which are every standing alert."""
    a = orm.alerts.c
    found: dict[str, int] = {}
    for start in range(0, len(numbers), 200):
        chunk = numbers[start:start + 200]
        exact = [f"{kind}:{number}" for number in chunk for kind in ("late", "stock")]
        ranges = [and_(a.key >= f"stuck:{number}:", a.key < f"stuck:{number};")
                  for number in chunk]
        found.update({key: alert_id for key, alert_id in session.execute(
            select(a.key, a.id).where(or_(a.key.in_(exact), *ranges),
                                      filter_only(a.cleared_at).is_(None)))})
    return found


def uncleared_of_kinds(session: Session, kinds: list[str]) -> dict[str, int]:
    """Key and id of the uncleared alerts of these kinds (`ix_alerts_kind_cleared_at`)."""
    a = orm.alerts.c
    return {key: alert_id for key, alert_id in session.execute(
        select(a.key, a.id).where(a.kind.in_(kinds), a.cleared_at.is_(None)))}
