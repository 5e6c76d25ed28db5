"""The health dashboard on the seeded week of test_health_figures (figures worked by hand)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.adapters.unit_of_work import uow_factory
from tests.integration.core.test_health_figures import seed_week
from ui.health_dashboard import WARN_STYLE, build_health_dashboard

SUNDAY_EVENING = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)


@pytest.fixture
def week_uow(store):
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: SUNDAY_EVENING)
    seed_week(factory)
    return factory


def test_the_week_shows_its_figures_warnings_and_chart(week_uow, qtbot):
    dashboard = build_health_dashboard(week_uow)
    qtbot.addWidget(dashboard)
    assert dashboard.figures["on_time"].text() == "75.0%"
    assert dashboard.figures["on_time"].styleSheet() == WARN_STYLE
    assert dashboard.figures["returns"].text() == "50.0%"
    assert dashboard.figures["mis_scans"].text() == "15.0%"
    assert dashboard.figures["mis_scans"].styleSheet() == ""
    assert dashboard.figures["accuracy"].text() == "no counts yet"
    assert dashboard.bar_values == [2, 1, 1, 0, 0, 0, 0]
    rows = {dashboard.packers.item(r, 0).text(): [dashboard.packers.item(r, c).text()
                                                  for c in range(1, 5)]
            for r in range(dashboard.packers.rowCount())}
    assert rows == {"Ann": ["2", "4.0", "900", "20.0%"], "Li Wei": ["2", "2.0", "450", "10.0%"]}
    assert "11/16/26, 12:00\u202fAM to 11/23/26, 12:00\u202fAM (UTC)" in dashboard.notice.text()


def test_month_and_day_views_change_the_buckets(week_uow, qtbot):
    dashboard = build_health_dashboard(week_uow)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.loaded, timeout=5000):
        dashboard.period.setCurrentIndex(2)
    assert len(dashboard.bar_values) == 30 and sum(dashboard.bar_values) == 5
    with qtbot.waitSignal(dashboard.loaded, timeout=5000):
        dashboard.period.setCurrentIndex(0)
    assert len(dashboard.bar_values) == 24 and sum(dashboard.bar_values) == 0
    assert dashboard.figures["on_time"].text() == "nothing packed"


def test_the_chart_paints(week_uow, qtbot, tmp_path):
    dashboard = build_health_dashboard(week_uow)
    qtbot.addWidget(dashboard)
    dashboard.resize(900, 700)
    image = dashboard.chart_view.grab().toImage()
    image.save(str(tmp_path / "health_chart.png"))
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # bars, a line, axes and labels, not a blank rectangle


def test_the_schedule_writes_finished_weeks_into_the_folder(store, qtbot, tmp_path):
    from ui.health_dashboard import build_report_schedule
    from ui.tasks import TaskManager

    monday = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: monday)
    seed_week(factory)
    tasks = TaskManager()
    schedule = build_report_schedule(factory, tmp_path / "reports", tasks)
    with qtbot.waitSignal(schedule.written, timeout=30000) as written:
        schedule.start()
    assert sorted(p.name for p in written.args[0]) == [
        f"packdesk-report-2026-W{week}.pdf" for week in (44, 45, 46, 47)]
    with qtbot.waitSignal(schedule.written, timeout=30000) as again:
        schedule.check_now()
    assert again.args == [[]]
    schedule.timer.stop()
    tasks.shutdown()


def test_a_schedule_into_an_unwritable_place_says_why(store, qtbot, tmp_path):
    from ui.health_dashboard import build_report_schedule

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: SUNDAY_EVENING)
    schedule = build_report_schedule(factory, blocker / "reports")
    with qtbot.waitSignal(schedule.failed, timeout=5000) as failed:
        schedule.check_now()
    assert "file" in failed.args[0]
