"""The order facts behind the stuck and late alerts, read by index ranges (issue 20).

The alerts refresh runs every minute on every station, so what it reads must not grow with
the store. Each query reads one status at a time along an index that starts with the
status and then the time that makes an order due (`ix_orders_status_ship_by`,
`ix_orders_status_placed_at`), from the oldest up to the cut-off, and stops at the limit:
O(log n + k) for the k orders that can be due, whatever the year of shipped history
behind them. One range per status keeps the index order, so no sort of every open order
is needed; the few ranges are merged here.
"""

from __future__ import annotations

import bisect
import heapq
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.orders import OPEN_STATUSES, OrderStatus
from app.domain.returns import ReturnStatus

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# statuses an order can be stuck in: waiting for a person, not being worked on
STUCK_STATUSES = (OrderStatus.NEEDS_REVIEW, OrderStatus.READY)


def late_orders(session: Session, now: datetime, limit: int = 1000) -> list[tuple]:
    """Open orders promised to ship before `now`, earliest promise first:
    (number, channel, status, ship_by)."""
    o = orm.orders.c
    legs = []
    for status in sorted(OPEN_STATUSES):
        query = (select(o.number, o.channel, o.status, o.ship_by)
                 .where(o.status == status, o.ship_by < now)
                 .order_by(o.ship_by).limit(limit))
        legs.append([tuple(row) for row in session.execute(query)])
    return list(heapq.merge(*legs, key=lambda row: (row[3], row[0])))[:limit]


def _entered(o, t):
    """When the order entered its current status: its last transition into it, else its
    placing (intake records no transition)."""
    return func.coalesce(
        select(func.max(t.at)).where(t.order_id == o.id, t.to_status == o.status)
        .scalar_subquery(), o.placed_at, type_=orm.UtcDateTime())


def stuck_orders(session: Session, entered_before: datetime, limit: int = 1000) -> list[tuple]:
    """Orders in needs review or ready since before the cut-off, longest waiting first (the
    `limit` longest): (number, channel, status, entered_at).

    An order enters a status at its placing or later, so only orders placed before the
    cut-off can be stuck: the range on (status, placed_at) holds every candidate, and the
    order's own transitions (by its id) say when it entered the status it is in. Read in
    placing order, a range can stop once `limit` orders entered before the next one was
    even placed. An order with no placing time is read by the same index (its NULL range,
    a query of its own)."""
    o, t = orm.orders.c, orm.order_transitions.c
    entered = _entered(o, t).label("entered")
    longest: list[tuple] = []  # by (entered, number), at most `limit`
    for status in STUCK_STATUSES:
        for placed in (o.placed_at < entered_before, o.placed_at.is_(None)):
            # `entered` is worked out once a row and compared here: in the WHERE clause
            # SQLite would run the order's transition look-up a second time
            rows = session.execute(select(o.number, o.channel, o.status, entered, o.placed_at)
                                   .where(o.status == status, placed).order_by(o.placed_at))
            for number, channel, status_, entered_at, placed_at in rows:
                if len(longest) == limit and placed_at is not None \
                        and placed_at > longest[-1][3]:
                    break  # this order and every later one entered after those kept
                if entered_at is not None and entered_at < entered_before:
                    bisect.insort(longest, (number, channel, status_, entered_at),
                                  key=lambda row: (row[3], row[0]))
                    del longest[limit:]
            rows.close()
    return longest


def escalated_returns(session: Session, limit: int = 500) -> list[tuple]:
    """(RMA, order number) of return cases escalated to a supervisor and still waiting:
    one range of `ix_return_cases_status_escalated_at` per waiting status (a time after
    the epoch is an index range; IS NOT NULL is not one), never the year of closed cases
    nor the open ones nobody escalated."""
    cases = orm.return_cases.c
    waiting = sorted(set(ReturnStatus) - {ReturnStatus.CLOSED, ReturnStatus.REJECTED})
    rows = session.execute(
        select(cases.rma_number, cases.order_number)
        .where(cases.status.in_(waiting), cases.escalated_at > EPOCH).limit(limit))
    return [tuple(r) for r in rows]


# --- the alerts themselves: compared by key, listed as rows ----------------------------------

def known_keys(session: Session, keys: list[str]) -> set[str]:
    """Which of `keys` were raised before (cleared or not), by the unique key index."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        found.update(session.scalars(
            select(orm.alerts.c.key).where(orm.alerts.c.key.in_(keys[start:start + 500]))))
    return found


def uncleared_keys(session: Session) -> dict[str, int]:
    """Key and id of every alert whose condition has not gone away (`ix_alerts_cleared_at`)."""
    a = orm.alerts.c
    rows = session.execute(select(a.key, a.id).where(a.cleared_at.is_(None)))
    return {key: alert_id for key, alert_id in rows}


def open_fingerprint(session: Session) -> str:
    """What changes whenever the list of open alerts does: a new alert (the newest id), one
    cleared (the latest clearing) or acknowledged (the latest acknowledgement). Three index
    ends (`ix_alerts_open`, `ix_alerts_cleared_at`, the primary key), however many alerts
    there are: a refresh that changed nothing need not read the open list again."""
    a = orm.alerts.c
    row = session.execute(select(
        select(func.max(a.id)).scalar_subquery(),
        select(func.max(a.cleared_at)).scalar_subquery(),
        select(func.max(a.acknowledged_at)).scalar_subquery())).one()
    return "|".join("" if v is None else str(v) for v in row)


def open_rows(session: Session, limit: int = 1000) -> list[tuple]:
    """Alerts nobody has acknowledged, newest first, as (id, kind, subject, message,
    raised_at, acknowledged_by, acknowledged_at, cleared_at, template, template_values),
    along `ix_alerts_open`."""
    a = orm.alerts.c
    return [tuple(r) for r in session.execute(
        select(a.id, a.kind, a.subject, a.message, a.raised_at, a.acknowledged_by,
               a.acknowledged_at, a.cleared_at, a.template, a.template_values)
        .where(a.acknowledged_at.is_(None))
        .order_by(a.raised_at.desc(), a.id.desc()).limit(limit))]
