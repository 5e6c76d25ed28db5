"""The store worker's tasks are people's actions: while one runs, a background writer's
next step waits for it (app/services/turns.py, issue 20). Ordering by events, not times."""

from __future__ import annotations

import threading

import pytest

from app.services.turns import StoreTurns
from ui.tasks import TaskManager


@pytest.fixture
def turns():
    return StoreTurns()


@pytest.fixture
def tasks(qapp, turns):
    manager = TaskManager(turns=turns)
    yield manager
    manager.shutdown()


def test_a_background_step_waits_for_the_store_workers_task(qtbot, tasks, turns):
    events: list[str] = []
    step_asked, step_waiting = threading.Event(), threading.Event()

    def background() -> None:
        step_asked.wait(5)
        with turns.background_step():
            events.append("background step")

    def scan() -> str:
        step_asked.set()  # the intake asks for its next step while the scan is in the store
        for _ in range(5000):
            if turns.steps_waited:
                step_waiting.set()
                break
            threading.Event().wait(0.001)
        events.append("scan stored")
        return "verified"

    writer = threading.Thread(target=background)
    writer.start()
    with qtbot.waitCallback(timeout=10_000) as answered:
        tasks.run_in_store(scan, answered)
    writer.join(5)
    answered.assert_called_with("verified")
    assert step_waiting.is_set()
    assert events == ["scan stored", "background step"]


def test_the_periodic_and_io_workers_are_not_people(qtbot, tasks, turns):
    seen = []
    for run in (tasks.run_periodic, tasks.run_io):
        with qtbot.waitCallback(timeout=10_000) as done:
            run(lambda: seen.append(turns.steps_waited), done)
    with turns.background_step():  # nobody is in the store: no wait
        pass
    assert turns.steps_waited == 0
