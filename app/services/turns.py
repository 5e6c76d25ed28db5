"""Whose turn it is to write to the store, within one station's process (issue 20).

SQLite has one writer lock, and a scan that finds it taken sleeps in SQLite's busy handler
(1, 2, 5, 10, 15 ... ms) until the holder commits: behind a 250-order intake transaction a
scan waited 300 ms. Here a person's action comes first: background writers (the channel
intake, the alerts refresh's writes) run in small steps, each a short transaction taken
with `background_step()`; a step does not start while a person's action is in the store,
and an action that starts while a step runs waits for that one step only, woken the moment
it ends (not at SQLite's next poll). Both waits are bounded, so a stuck side never stops the
other: it falls back to SQLite's own lock.

This orders the writers of one process only; another process (a cron `sync --once`, another
station on PostgreSQL) still meets SQLite's lock or the database's row locks as before.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

PERSON_WAITS_AT_MOST_S = 0.5  # a step that overruns this is waited for by SQLite's lock
STEP_WAITS_AT_MOST_S = 2.0  # background work is slowed by a busy bench, never stopped


class StoreTurns:
    """A person's store work first; background writes between, one small step at a time."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._people = 0  # people's actions in the store now (the store worker runs one)
        self._steps = 0  # background steps in their transaction now
        self.steps_waited = 0  # steps that started late because a person was served
        self.people_waited = 0  # actions that waited for a step to end

    @contextmanager
    def person(self) -> Iterator[None]:
        """Around one action of a person (a scan, a save): waits for a background step
        that is running to end, and keeps new steps from starting until it is done."""
        self.person_in()
        try:
            yield
        finally:
            self.person_out()

    def person_in(self) -> None:
        """`person()` without a generator (the store worker's own try/finally: a failure's
        traceback through a generator frame is a reference cycle, freed by whichever
        thread collects it, and it holds the task's widgets)."""
        with self._changed:
            self._people += 1
            if self._steps:
                self.people_waited += 1
                self._changed.wait_for(lambda: not self._steps, PERSON_WAITS_AT_MOST_S)

    def person_out(self) -> None:
        with self._changed:
            self._people -= 1
            self._changed.notify_all()

    @contextmanager
    def background_step(self) -> Iterator[None]:
        """Around one short background transaction: starts once no person's action is in
        the store (or after STEP_WAITS_AT_MOST_S)."""
        with self._changed:
            if self._people:
                self.steps_waited += 1
                self._changed.wait_for(lambda: not self._people, STEP_WAITS_AT_MOST_S)
            self._steps += 1
        try:
            yield
        finally:
            with self._changed:
                self._steps -= 1
                self._changed.notify_all()


def turns_of(uow_factory: object) -> StoreTurns:
    """The turns a unit-of-work factory's writers share (app/adapters/unit_of_work.py
    `uow_factory` makes one per store); a factory without them gets turns of its own,
    which order nothing."""
    turns = getattr(uow_factory, "turns", None)
    return turns if isinstance(turns, StoreTurns) else StoreTurns()
