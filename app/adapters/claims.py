"""Claims and leases in SQL: one conditional UPDATE each, its row count the answer.

A claim is taken only where no live claim stands (`claimed_until` passed, or none), so two
processes cannot both hold a message: on PostgreSQL the second UPDATE waits for the first's
row locks and re-checks its WHERE against the committed claim; on SQLite the writers are
serialised. An outcome is written only `WHERE claim_token = mine`.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, Executable, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.outbox import OutboxStatus

RELEASED = {"claim_token": None, "claimed_by": None, "claimed_until": None}


def _run(session: Session, statement: Executable) -> CursorResult:
    """An UPDATE or INSERT, whose result tells how many rows it changed."""
    return cast(CursorResult, session.execute(statement))


class OutboxClaims:
    """Mixed into the outbox repository."""

    session: Session

    def claim(self, ids: list[int], token: str, holder: str, now: datetime,
              until: datetime) -> int:
        """Claim the messages no one else holds; how many were claimed."""
        c = orm.outbox.c
        return _run(self.session,
            update(orm.outbox).where(
                c.id.in_(ids), c.status == OutboxStatus.PENDING.value,
                or_(c.claim_token.is_(None), c.claimed_until < now, c.claim_token == token))
            .values(claim_token=token, claimed_by=holder[:64], claimed_until=until)
        ).rowcount

    def renew(self, ids: list[int], token: str, until: datetime) -> int:
        """Push the claims still held further out; how many are still held."""
        c = orm.outbox.c
        return _run(self.session,
            update(orm.outbox).where(c.id.in_(ids), c.claim_token == token,
                                     c.status == OutboxStatus.PENDING.value)
            .values(claimed_until=until)).rowcount

    def settle(self, message_id: int, token: str, **outcome) -> bool:
        """Write what became of a message, and release it, if this claimant still holds it."""
        c = orm.outbox.c
        return _run(self.session,
            update(orm.outbox).where(c.id == message_id, c.claim_token == token)
            .values(**outcome, **RELEASED)).rowcount == 1

    def release(self, ids: list[int], token: str) -> int:
        """Give messages back unsent (the cycle stopped), so another runner need not wait."""
        c = orm.outbox.c
        return _run(self.session,
            update(orm.outbox).where(c.id.in_(ids), c.claim_token == token)
            .values(**RELEASED)).rowcount


class SqlLeaseRepository:
    """Lease rows (`sync_leases`): taken when free or lapsed, renewed and given back by token."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def take(self, name: str, holder: str, token: str, now: datetime,
             until: datetime) -> bool:
        row = {"name": name, "holder": holder[:64], "token": token, "expires_at": until}
        if _run(self.session, _insert_if_missing(self.session, row)).rowcount == 1:
            return True
        c = orm.sync_leases.c
        return _run(self.session,
            update(orm.sync_leases).where(c.name == name,
                                          or_(c.expires_at < now, c.token == token))
            .values(holder=holder[:64], token=token, expires_at=until)).rowcount == 1

    def renew(self, name: str, token: str, until: datetime) -> bool:
        c = orm.sync_leases.c
        return _run(self.session,
            update(orm.sync_leases).where(c.name == name, c.token == token)
            .values(expires_at=until)).rowcount == 1

    def release(self, name: str, token: str, now: datetime) -> bool:
        c = orm.sync_leases.c
        return _run(self.session,
            update(orm.sync_leases).where(c.name == name, c.token == token)
            .values(expires_at=now)).rowcount == 1

    def holder(self, name: str, now: datetime) -> str | None:
        """Who holds the lease now, if anyone."""
        c = orm.sync_leases.c
        return self.session.scalar(select(c.holder).where(c.name == name, c.expires_at > now))


def _insert_if_missing(session: Session, row: dict):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(orm.sync_leases).values(**row).on_conflict_do_nothing(
        index_elements=["name"])
