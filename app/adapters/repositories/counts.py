"""Cycle count sessions."""

from __future__ import annotations

from sqlalchemy import select

from app.adapters import orm
from app.adapters.repositories._base import _Repository
from app.domain.counting import CountSession


class SqlCountRepository(_Repository):
    def get(self, session_id: int) -> CountSession | None:
        return self.session.get(CountSession, session_id)

    def recent(self, limit: int = 50) -> list[CountSession]:
        c = orm.count_sessions.c
        return list(self.session.scalars(select(CountSession).order_by(c.id.desc())
                                         .limit(limit)))

