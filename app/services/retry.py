"""Retrying a command that lost an optimistic race."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from app.domain.errors import ConcurrencyConflict
from app.domain.messages import Msg

T = TypeVar("T")
ATTEMPTS = 4


def with_retries(action: Callable[[], T], what: str, attempts: int = ATTEMPTS) -> T:
    """Run `action` (which opens its own unit of work) again when another writer won.

    Each try reloads the aggregates, so the second try sees the other station's change.
    After the last try the person is told plainly what happened.
    """
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except ConcurrencyConflict:
            if attempt == attempts:
                raise ConcurrencyConflict(Msg(
                    "{what}: another station kept changing the same record; tried {attempts} "
                    "times. Please scan again.", what=what, attempts=attempts)) from None
            time.sleep(random.uniform(0.001, 0.005) * attempt)
    raise AssertionError("unreachable")
