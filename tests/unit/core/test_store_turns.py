"""A person's store work first, background writes between, one step at a time (issue 20).

Ordering is asserted with events recorded by the threads, never with times."""

from __future__ import annotations

import threading

from app.services.turns import StoreTurns, turns_of


def _until(condition, seconds: float = 5.0) -> bool:
    idle = threading.Event()
    for _ in range(int(seconds * 1000)):
        if condition():
            return True
        idle.wait(0.001)
    return condition()


def test_a_background_step_waits_while_a_person_is_in_the_store():
    turns, events = StoreTurns(), []
    in_store, done = threading.Event(), threading.Event()

    def person() -> None:
        with turns.person():
            in_store.set()
            assert done.wait(5)
            events.append("scan answered")

    def background() -> None:
        with turns.background_step():
            events.append("step")

    scan = threading.Thread(target=person)
    scan.start()
    assert in_store.wait(5)
    step = threading.Thread(target=background)
    step.start()
    assert _until(lambda: turns.steps_waited == 1)  # it is waiting, not running
    assert events == []
    done.set()
    scan.join(5)
    step.join(5)
    assert events == ["scan answered", "step"]


def test_a_person_waits_for_the_running_step_only_then_the_next_step_waits():
    turns, events = StoreTurns(), []
    in_step, finish_step, scanned = threading.Event(), threading.Event(), threading.Event()

    def first_step() -> None:
        with turns.background_step():
            in_step.set()
            assert finish_step.wait(5)
            events.append("step 1")

    def person() -> None:
        with turns.person():
            events.append("scan in")
            assert scanned.wait(5)
            events.append("scan answered")

    def second_step() -> None:
        with turns.background_step():
            events.append("step 2")

    step = threading.Thread(target=first_step)
    step.start()
    assert in_step.wait(5)
    scan = threading.Thread(target=person)
    scan.start()
    assert _until(lambda: turns.people_waited == 1)  # the scan waits for step 1
    assert events == []
    finish_step.set()
    assert _until(lambda: "scan in" in events)
    following = threading.Thread(target=second_step)
    following.start()
    assert _until(lambda: turns.steps_waited == 1)  # step 2 waits for the scan
    scanned.set()
    for thread in (step, scan, following):
        thread.join(5)
    assert events == ["step 1", "scan in", "scan answered", "step 2"]


def test_steps_and_people_do_not_wait_when_nobody_else_is_there():
    turns = StoreTurns()
    with turns.background_step():
        pass
    with turns.person():
        pass
    assert (turns.steps_waited, turns.people_waited) == (0, 0)


def test_a_factory_without_turns_gets_turns_of_its_own():
    shared = StoreTurns()

    class Maker:
        turns = shared

    assert turns_of(Maker()) is shared
    assert isinstance(turns_of(lambda: None), StoreTurns)
