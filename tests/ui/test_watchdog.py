"""The event-loop watchdog names a stall and where the main thread was stuck."""

from __future__ import annotations

import logging
import time

from ui.watchdog import EventLoopWatchdog


def _stuck_in_a_long_computation(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # the main thread busy, as a frozen bench is
        pass


def test_a_blocked_event_loop_is_reported_with_the_main_threads_stack(qtbot, caplog):
    watchdog = EventLoopWatchdog(stall_s=0.5)
    try:
        qtbot.wait(300)
        with caplog.at_level(logging.WARNING, logger="ui.watchdog"):
            _stuck_in_a_long_computation(1.2)
            qtbot.waitUntil(lambda: len(caplog.records) >= 2, timeout=3000)
        stall, back = (r.getMessage() for r in caplog.records[:2])
        assert "the event loop has not run for" in stall
        assert "_stuck_in_a_long_computation" in stall
        assert back == "the event loop runs again"
        assert watchdog.stalls == 1
    finally:
        watchdog.stop()


def test_a_running_event_loop_is_not_reported(qtbot, caplog):
    watchdog = EventLoopWatchdog(stall_s=0.5)
    try:
        with caplog.at_level(logging.WARNING, logger="ui.watchdog"):
            qtbot.wait(1500)
        assert not caplog.records and watchdog.stalls == 0
    finally:
        watchdog.stop()


def test_a_stall_names_the_operations_in_flight(qtbot, caplog):
    import threading

    from ui.ops import StoreOp
    from ui.tasks import TaskManager

    tasks = TaskManager()
    released = threading.Event()
    watchdog = EventLoopWatchdog(stall_s=0.5, ops=tasks.ops)
    try:
        StoreOp(None, tasks, lambda: released.wait(10)).run_in_background()
        qtbot.wait(300)
        with caplog.at_level(logging.WARNING, logger="ui.watchdog"):
            _stuck_in_a_long_computation(1.2)
            qtbot.waitUntil(lambda: len(caplog.records) >= 1, timeout=3000)
        assert "1 operation(s) in flight" in caplog.records[0].getMessage()
    finally:
        released.set()
        watchdog.stop()
        tasks.shutdown()
