"""Issue 20: the weekly reports due at start-up (four weeks on a store with history, most
of a minute at 1M orders) are written one week a task beside the scans: a scan is
answered while a report is being written."""

from __future__ import annotations

import threading
from concurrent.futures import wait
from datetime import UTC, datetime

from app.adapters.unit_of_work import uow_factory
from app.services import commands as c
from app.services.bench import PackBenchService
from ui.health_dashboard import build_report_schedule
from ui.tasks import TaskManager

MONDAY = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def test_a_scan_is_answered_while_the_reports_due_at_start_up_are_written(
        store, uow, one_item_order, qtbot, tmp_path):
    """The first report is held at its first step (it asks the time) until the scan has
    been answered; then the four due weeks are written, each its own task."""
    events: list[str] = []
    report_started, release = threading.Event(), threading.Event()

    def held_clock() -> datetime:
        if not report_started.is_set():
            events.append("report started")
            report_started.set()
            release.wait(10)
        return MONDAY

    tasks = TaskManager()
    steps: list[int] = []
    run_io = tasks.run_io
    tasks.run_io = lambda work, done=None, failed=None: (steps.append(1),
                                                         run_io(work, done, failed))[1]
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder("PD-900777", "Ann"))
    schedule = build_report_schedule(
        uow_factory(store.session_factory, "test-bench", clock=held_clock),
        tmp_path / "reports", tasks)
    schedule.written.connect(lambda paths: events.append(f"{len(paths)} reports written"))
    try:
        schedule.start()
        assert report_started.wait(5)
        scanned = tasks.run_in_store(lambda: bench.scan_item(
            c.ScanItem(opened.session_id, "uid-1", one_item_order)))
        try:
            answered, _waiting = wait([scanned], timeout=5)
            assert scanned in answered, "the scan waited behind the weekly reports"
            events.append(f"scan answered: {scanned.result().result}")
        finally:
            release.set()
        qtbot.waitUntil(lambda: len(events) == 3, timeout=60000)
        assert events == ["report started", "scan answered: verified", "4 reports written"]
        assert len(steps) == 5  # a task a week, and one that finds nothing more due
        assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
            f"packdesk-report-2026-W{week}.pdf" for week in (44, 45, 46, 47)]
    finally:
        schedule.timer.stop()
        tasks.shutdown()
