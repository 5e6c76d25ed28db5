"""Helpers every repository shares: the session holder, IN-list chunks, pending rows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy.orm import QueryableAttribute, Session

from app.adapters import orm
from app.domain.events import RecordsEvents


class _Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj) -> None:
        self.session.add(obj)
        if isinstance(obj, RecordsEvents):  # its events reach the unit of work at commit
            orm.seen_aggregates(self.session).add(obj)


def mapped(attribute: object) -> QueryableAttribute[Any]:
    """A domain class's attribute as the mapping instruments it (the dataclass declares it
    a plain list, so the type checker cannot know)."""
    return cast(QueryableAttribute[Any], attribute)


def _chunks(values: list, size: int = 500):
    """IN lists of a size every SQLite build accepts."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _pending(session: Session, cls: type, **attrs):
    """An object added in this unit of work but not flushed yet (a batch sees its own rows)."""
    for obj in session.new:
        if isinstance(obj, cls) and all(getattr(obj, k) == v for k, v in attrs.items()):
            return obj
    return None


def _prefix(column, text: str):
    """A prefix match an index can serve (LIKE is case-folded and skips it in SQLite)."""
    return (column >= text) & (column < text + "\uffff")


def _aware(value):
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value

