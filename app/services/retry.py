"""Retrying a command that lost an optimistic race, met a busy store or a dropped
connection."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from app.domain.errors import ConcurrencyConflict, StoreFault
from app.domain.messages import Msg

T = TypeVar("T")
ATTEMPTS = 4
BUSY_ATTEMPTS = 2  # each one waits the store's busy timeout (SQLite backs off inside it)
BUSY_BACKOFF_S = 0.25


def with_retries(action: Callable[[], T], what: str, attempts: int = ATTEMPTS) -> T:
    """Run `action` (which opens its own unit of work) again when another writer won.

    Each try reloads the aggregates, so the second try sees the other station's change.
    A store busy past its timeout is tried again after a pause, a dropped connection once
    (the pool connects anew). After the last try the person is told plainly what happened.
    """
    busy = disconnected = 0
    attempt = 1
    while True:
        try:
            return action()
        except StoreFault as fault:
            # a busy store: back off and try again; a dropped connection: once, on a new one
            if fault.kind == StoreFault.BUSY and busy + 1 < BUSY_ATTEMPTS:
                busy += 1
                time.sleep(BUSY_BACKOFF_S * 2 ** (busy - 1) * random.uniform(0.8, 1.2))
                continue
            if fault.kind == StoreFault.DISCONNECTED and not disconnected:
                disconnected += 1
                continue
            raise
        except ConcurrencyConflict:
            if attempt == attempts:
                raise ConcurrencyConflict(Msg(
                    "{what}: another station kept changing the same record; tried {attempts} "
                    "times. Please scan again.", what=what, attempts=attempts)) from None
            time.sleep(random.uniform(0.001, 0.005) * attempt)
            attempt += 1
