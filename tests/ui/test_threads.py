"""Widget code runs on the main thread only: the debug check behind every result slot."""

from __future__ import annotations

import logging
import threading

import pytest

from ui import threads
from ui.tasks import TaskManager


class Painter:
    def __init__(self) -> None:
        self.painted: list[str] = []

    @threads.main_thread_only
    def paint(self, text: str) -> None:
        self.painted.append(text)


def _on_worker(action) -> BaseException | None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # handed back to the test
            caught.append(exc)

    worker = threading.Thread(target=run, name="a-worker")
    worker.start()
    worker.join()
    return caught[0] if caught else None


def test_a_slot_called_from_a_worker_raises_under_the_checks(monkeypatch):
    monkeypatch.setenv("PACKDESK_THREAD_CHECKS", "1")
    painter = Painter()
    painter.paint("main")
    error = _on_worker(lambda: painter.paint("worker"))
    assert isinstance(error, threads.WrongThread)
    assert "Painter.paint ran on thread 'a-worker'" in str(error)
    assert painter.painted == ["main"]


def test_without_the_checks_it_is_logged_once_and_the_app_goes_on(monkeypatch, caplog):
    monkeypatch.setenv("PACKDESK_THREAD_CHECKS", "0")
    monkeypatch.setattr(threads, "_reported", set())
    painter = Painter()
    with caplog.at_level(logging.ERROR, logger="ui.threads"):
        assert _on_worker(lambda: painter.paint("one")) is None
        assert _on_worker(lambda: painter.paint("two")) is None
    assert painter.painted == ["one", "two"]
    assert [r.getMessage() for r in caplog.records] == [
        "Painter.paint ran on thread 'a-worker', not the main thread"]


def test_task_results_reach_their_callbacks_on_the_main_thread(qtbot):
    tasks = TaskManager()
    seen: list[str] = []
    with qtbot.waitSignal(tasks._finished, timeout=5000):
        tasks.run_in_store(lambda: 42, lambda _r: seen.append(threading.current_thread().name))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [threading.main_thread().name]
    tasks.shutdown()


@pytest.mark.parametrize("name", ["show_order", "show_log", "set_label_status"])
def test_the_bench_view_painters_are_checked(name):
    from ui.pack_bench_view import PackBenchView

    assert getattr(PackBenchView, name).__wrapped__.__name__ == name


def test_work_asked_for_after_shutdown_is_dropped_not_raised(qtbot):
    """A timer that ticks once more while the app closes (the returns counter's deadline
    check) must not raise 'cannot schedule new futures after shutdown' into the loop."""
    tasks = TaskManager()
    tasks.shutdown()
    called = []
    future = tasks.run_in_store(lambda: called.append("ran"), called.append, called.append)
    assert future.cancelled()
    qtbot.wait(50)
    assert called == []
