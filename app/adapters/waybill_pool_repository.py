"""The carrier's pre-fetched waybill numbers in the store (table waybill_numbers).

A number is free, then taken by one parcel, then sent to the carrier. Taking is a
compare-and-set (UPDATE ... WHERE reference IS NULL) on a row picked FOR UPDATE SKIP LOCKED
on PostgreSQL, so stations sharing one store never take the same number and do not queue
behind each other's pick; SQLite has one writer, and the compare-and-set alone decides.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, Executable, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.shipping import PoolNumber

w = orm.waybill_numbers.c


def _changed(session: Session, statement: Executable) -> int:
    return cast(CursorResult, session.execute(statement)).rowcount


class SqlWaybillPool:
    def __init__(self, session: Session) -> None:
        self.session = session

    def free_count(self, carrier_code: str) -> int:
        return int(self.session.scalar(select(func.count()).where(
            w.carrier_code == carrier_code, w.reference.is_(None))) or 0)

    def add(self, carrier_code: str, numbers: list[str], now: datetime,
            reference: str | None = None, station: str = "") -> int:
        """Store numbers the carrier issued; one already known is not stored twice."""
        known = set(self.session.scalars(select(w.number).where(w.number.in_(numbers))))
        fresh = [n for n in dict.fromkeys(numbers) if n not in known]
        if fresh:
            self.session.execute(insert(orm.waybill_numbers), [
                {"carrier_code": carrier_code, "number": n, "fetched_at": now,
                 "reference": reference, "taken_at": now if reference else None,
                 "taken_station": station if reference else "",
                 "send_attempts": 0, "last_error": ""} for n in fresh])
        return len(fresh)

    def held_by(self, reference: str) -> PoolNumber | None:
        return self._one(w.reference == reference)

    def _one(self, where) -> PoolNumber | None:
        row = self.session.execute(select(w.number, w.carrier_code, w.reference, w.sent_at,
                                          w.send_attempts).where(where)).first()
        return PoolNumber(row[0], row[1], row[2], row[3] is not None, row[4]) if row else None

    def take(self, carrier_code: str, reference: str, now: datetime,
             station: str = "") -> str | None:
        """A free number for this parcel, or the one it already holds; None: pool empty."""
        held = self.held_by(reference)
        if held is not None:
            return held.number
        while True:
            pick = (select(w.id).where(w.carrier_code == carrier_code, w.reference.is_(None))
                    .order_by(w.id).limit(1))
            if self.session.bind is not None and self.session.bind.dialect.name == "postgresql":
                pick = pick.with_for_update(skip_locked=True)
            row_id = self.session.scalar(pick)
            if row_id is None:
                return None
            if _changed(self.session, update(orm.waybill_numbers).where(
                    w.id == row_id, w.reference.is_(None)).values(
                    reference=reference, taken_at=now, taken_station=station[:64])) == 1:
                return self.session.scalar(select(w.number).where(w.id == row_id))

    def due_to_send(self, now: datetime, limit: int = 50) -> list[str]:
        """Numbers printed on a parcel while the carrier was away, whose waybill.send is
        due again (a number being sent by the bench has no next_send_at: not due)."""
        return list(self.session.scalars(select(w.number).where(
            w.reference.isnot(None), w.sent_at.is_(None), w.next_send_at <= now,
            or_(w.claimed_until.is_(None), w.claimed_until < now)).order_by(w.id).limit(limit)))

    def unsent_count(self, carrier_code: str) -> int:
        return int(self.session.scalar(select(func.count()).where(
            w.carrier_code == carrier_code, w.reference.isnot(None), w.sent_at.is_(None))) or 0)

    def claim(self, number: str, token: str, now: datetime, until: datetime) -> PoolNumber | None:
        if _changed(self.session, update(orm.waybill_numbers).where(
                w.number == number, w.sent_at.is_(None),
                or_(w.claim_token.is_(None), w.claimed_until < now, w.claim_token == token))
                .values(claim_token=token, claimed_until=until)) != 1:
            return None
        return self._one(w.number == number)

    def sent(self, number: str, now: datetime) -> None:
        """The carrier took this number's waybill.send (claim let go)."""
        self.session.execute(update(orm.waybill_numbers).where(w.number == number).values(
            sent_at=now, last_error="", claim_token=None, claimed_until=None,
            send_attempts=w.send_attempts + 1))

    def send_failed(self, number: str, error: str, next_at: datetime | None) -> None:
        """Asked again at next_at; None: it waits for a person (the error says why)."""
        self.session.execute(update(orm.waybill_numbers).where(w.number == number).values(
            last_error=error[:2000], next_send_at=next_at, claim_token=None,
            claimed_until=None, send_attempts=w.send_attempts + 1))

    def withdraw(self, number: str, note: str, now: datetime) -> bool:
        """The parcel was stopped before its send reached the carrier: the send is not
        made. False when a runner holds the number (it may be sending it right now)."""
        return _changed(self.session, update(orm.waybill_numbers).where(
            w.number == number, w.sent_at.is_(None),
            or_(w.claim_token.is_(None), w.claimed_until < now)).values(
            next_send_at=None, last_error=note[:2000])) == 1
