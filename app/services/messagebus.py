"""Hands the events of one transaction to their handlers (cosmicpython's messagebus).

The unit of work calls `handle_before_commit` with what it collected from its aggregates,
inside the transaction, and `handle_after_commit` once the transaction is stored. Which
handler follows which event is written down in app/services/handlers.py, nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from app.domain.events import Event
from app.services.handlers import AFTER_COMMIT, BEFORE_COMMIT, Handler, HandlerUnitOfWork

log = logging.getLogger(__name__)


def _by_kind(events: Sequence[Event], handlers: Mapping[type[Event], Handler]):
    grouped: dict[type[Event], list[Event]] = {}
    for event in events:
        if type(event) in handlers:
            grouped.setdefault(type(event), []).append(event)
    # in the handlers' order: the ledger's rows first, then what is derived from them
    return [(handlers[kind], grouped[kind]) for kind in handlers if kind in grouped]


def handle_before_commit(events: Sequence[Event], uow: HandlerUnitOfWork) -> None:
    """Part of the transaction: a handler that fails fails the user's action with it."""
    for handler, batch in _by_kind(events, BEFORE_COMMIT):
        handler(batch, uow)


def follows_commit(event: Event) -> bool:
    return type(event) in AFTER_COMMIT


def handle_after_commit(events: Sequence[Event], uow: HandlerUnitOfWork) -> None:
    """The change is stored already: a handler that fails is logged, and the user's action
    stands."""
    for handler, batch in _by_kind(events, AFTER_COMMIT):
        try:
            handler(batch, uow)
        except Exception:
            log.exception("after-commit handler %s failed", handler.__name__)
