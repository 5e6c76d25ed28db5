"""Shipments in the store, and the claims that let one runner at a time ask the carrier
for a parcel's label (the same conditional-UPDATE claims as the outbox's, app/adapters/claims.py)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, Executable, Text, or_, select, update
from sqlalchemy import cast as sa_cast
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.shipments import RefundState, Shipment, ShipmentState


def _changed(session: Session, statement: Executable) -> CursorResult:
    """An UPDATE, whose result tells how many rows it changed (a compare-and-set)."""
    return cast(CursorResult, session.execute(statement))

class SqlShipmentRepository:
    """Shipments, and the claims that let one runner at a time ask the carrier for one."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, shipment: Shipment) -> None:
        self.session.add(shipment)

    def get(self, reference: str) -> Shipment | None:
        return self.session.scalars(
            select(Shipment).where(orm.shipments.c.reference == reference)).first()

    def by_tracking(self, tracking_number: str) -> Shipment | None:
        return self.session.scalars(select(Shipment).where(
            orm.shipments.c.tracking_number == tracking_number.strip())).first()

    def for_order(self, order_number: str) -> list[Shipment]:
        """Newest first; the JSON list is matched in Python (few shipments per order)."""
        s = orm.shipments.c
        like = f'%"{order_number}"%'
        found = self.session.scalars(select(Shipment).where(
            sa_cast(s.order_numbers, Text).like(like)).order_by(s.id.desc())).all()
        return [sh for sh in found if order_number in sh.order_numbers]

    def due_for_label(self, now: datetime, limit: int = 50) -> list[str]:
        s = orm.shipments.c
        return list(self.session.scalars(
            select(s.reference).where(
                s.state == ShipmentState.LABEL_PENDING.value, s.blocked == "",
                s.carrier_api != "",
                or_(s.next_attempt_at.is_(None), s.next_attempt_at <= now),
                or_(s.claimed_until.is_(None), s.claimed_until < now))
            .order_by(s.id).limit(limit)))

    def wanting_refund(self, now: datetime, limit: int = 50) -> list[str]:
        s = orm.shipments.c
        return list(self.session.scalars(
            select(s.reference).where(s.refund == RefundState.WANTED.value,
                                      or_(s.claimed_until.is_(None), s.claimed_until < now))
            .order_by(s.id).limit(limit)))

    def to_track(self, limit: int = 200) -> list[tuple[str, str, str]]:
        """(reference, carrier code, tracking number) of parcels on their way."""
        s = orm.shipments.c
        rows = self.session.execute(
            select(s.reference, s.carrier_code, s.tracking_number).where(
                s.state.in_((ShipmentState.LABELLED.value, ShipmentState.SHIPPED.value)),
                s.carrier_api != "", s.tracking_number.isnot(None))
            .order_by(s.id).limit(limit))
        return [tuple(r) for r in rows]

    def unprinted(self, station: str, limit: int = 20) -> list[str]:
        s = orm.shipments.c
        return list(self.session.scalars(
            select(s.reference).where(s.station == station, s.label.isnot(None),
                                      s.label_printed_at.is_(None),
                                      s.state == ShipmentState.LABELLED.value)
            .order_by(s.id).limit(limit)))

    def take_to_print(self, reference: str, now: datetime) -> bool:
        """Mark the label as handed to the print queue, once (compare-and-set)."""
        s = orm.shipments.c
        return _changed(self.session,
            update(orm.shipments).where(s.reference == reference, s.label.isnot(None),
                                        s.label_printed_at.is_(None))
            .values(label_printed_at=now, version=s.version + 1)).rowcount == 1

    def shipped_between(self, since: datetime, until: datetime) -> list[Shipment]:
        s = orm.shipments.c
        return list(self.session.scalars(select(Shipment).where(
            s.shipped_at >= since, s.shipped_at < until).order_by(s.carrier_code, s.id)))

    def claim(self, reference: str, token: str, holder: str, now: datetime,
              until: datetime) -> bool:
        """Take the shipment's claim where no live one stands; the version moves so an
        ORM write made from an older read fails instead of dropping the claim."""
        s = orm.shipments.c
        return _changed(self.session,
            update(orm.shipments).where(
                s.reference == reference,
                or_(s.claim_token.is_(None), s.claimed_until < now, s.claim_token == token))
            .values(claim_token=token, claimed_by=holder[:64], claimed_until=until,
                    version=s.version + 1)).rowcount == 1

    def release(self, reference: str, token: str) -> bool:
        s = orm.shipments.c
        return _changed(self.session,
            update(orm.shipments).where(s.reference == reference, s.claim_token == token)
            .values(claim_token=None, claimed_by=None, claimed_until=None,
                    version=s.version + 1)).rowcount == 1
