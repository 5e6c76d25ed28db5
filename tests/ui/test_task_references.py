"""A background task's work and callbacks are let go of on the main thread.

They hold widgets (a lambda over `self`, a bound slot). When a worker thread dropped the
last reference, the widget was deleted on that thread, its timers stayed registered with
the main thread's dispatcher, and the next tick crashed the process: a segfault in
QTimerInfoList::activateTimers, in the suite after a product editor and a receiving screen
(and in a CI run). Here a plain object stands for the widget and records where it died."""

from __future__ import annotations

import threading
import time

import pytest

from ui.tasks import TaskManager


class _Widgetish:
    died_on: list[str] = []

    def __del__(self) -> None:
        _Widgetish.died_on.append(threading.current_thread().name)


def _slowly(value):
    """The work takes a moment: the test has let go of the widget before it ends."""
    time.sleep(0.1)
    return value


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.mark.parametrize("run", ["run_in_store", "run_periodic", "run_io"])
def test_the_work_is_let_go_of_on_the_main_thread(qtbot, tasks, run):
    _Widgetish.died_on.clear()
    done = []
    widget = _Widgetish()
    getattr(tasks, run)(lambda held=widget: _slowly(held.__class__.__name__), done.append)
    del widget  # the task's lambda holds the last reference now
    qtbot.waitUntil(lambda: done == ["_Widgetish"], timeout=5000)
    qtbot.waitUntil(lambda: _Widgetish.died_on != [], timeout=5000)
    assert _Widgetish.died_on == ["MainThread"], _Widgetish.died_on


def test_a_failing_task_lets_go_of_its_callbacks_on_the_main_thread(qtbot, tasks):
    _Widgetish.died_on.clear()
    failed = []
    widget = _Widgetish()

    def on_failed(error) -> None:
        failed.append(type(error).__name__)

    def work(keep=widget) -> None:
        _slowly(None)
        raise ValueError("a scan the store refused")

    tasks.run_in_store(work, None, on_failed)
    del widget, work, on_failed
    qtbot.waitUntil(lambda: failed == ["ValueError"], timeout=5000)
    qtbot.waitUntil(lambda: _Widgetish.died_on != [], timeout=5000)
    assert _Widgetish.died_on == ["MainThread"], _Widgetish.died_on
