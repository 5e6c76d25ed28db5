"""A check that widget code runs on the Qt main thread, where Qt needs it.

Workers hand results back through signals of main-thread QObjects (ui/tasks.py), so a slot
that touches a widget must never run anywhere else. `main_thread_only` asserts it. With
PACKDESK_THREAD_CHECKS=1 (the test suite sets it) a slot called from another thread raises;
otherwise the first such call is logged with the slot's name and the thread, and the app
goes on: a packer's bench is not stopped for a diagnostic.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable)
_reported: set[str] = set()


class WrongThread(AssertionError):
    pass


def strict() -> bool:
    return os.environ.get("PACKDESK_THREAD_CHECKS", "") not in ("", "0")


def assert_main_thread(what: str) -> None:
    if threading.current_thread() is threading.main_thread():
        return
    message = f"{what} ran on thread {threading.current_thread().name!r}, not the main thread"
    if strict():
        raise WrongThread(message)
    if what not in _reported:
        _reported.add(what)
        log.error(message)


def main_thread_only(slot: F) -> F:
    """Decorate a slot or method that touches widgets."""
    name = slot.__qualname__

    @functools.wraps(slot)
    def checked(*args, **kwargs):
        assert_main_thread(name)
        return slot(*args, **kwargs)

    return checked  # type: ignore[return-value]
