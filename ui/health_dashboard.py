"""The health dashboard: the operation's figures, each packer's pace, and charts over a
day (hourly), a week or a month (daily). A figure past its threshold shows in red."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats
from app.services.health import HealthDashboard, HealthFigures
from ui.board_model import Runner, run_now
from ui.i18n import shown_number, shown_percent, ui_language
from ui.ops import query_runner

REPORT_CHECK_MS = 60 * 60 * 1000  # hourly: a new week's report appears within the hour
WARN_STYLE = "color: #c62828; font-weight: bold;"


def _percent(value: float | None) -> str | None:
    return shown_percent(value)


class HealthDashboardWidget(QWidget):
    loaded = Signal(object)  # the HealthDashboard shown

    def __init__(self, load: Callable[[str], HealthDashboard], run: Runner = run_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load, self._run = load, run
        self.period = QComboBox(self)
        for label, key in ((self.tr("Day"), "day"), (self.tr("Week"), "week"),
                           (self.tr("Month"), "month")):
            self.period.addItem(label, key)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self.reload)
        self.figures: dict[str, QLabel] = {}
        self.packers = QTableWidget(0, 6, self)
        self.packers.setHorizontalHeaderLabels([
            self.tr("Packer"), self.tr("Orders"), self.tr("Orders / hour"),
            self.tr("Scan to label (s)"), self.tr("Mis-scans"), self.tr("Confirmed by hand")])
        self.packers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packers.verticalHeader().setVisible(False)
        # headings are longer in Chinese than the figures under them: size to fit both
        self.packers.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.chart = QChart()
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.notice = QLabel(self)
        self._layout()
        self.reload()

    def _layout(self) -> None:
        grid = QGridLayout()
        names = (("on_time", self.tr("On-time fulfilment")),
                 ("accuracy", self.tr("Inventory accuracy")),
                 ("returns", self.tr("Return rate")),
                 ("first_response", self.tr("First response to returns")),
                 ("mis_scans", self.tr("Mis-scan rate")))
        for column, (key, title) in enumerate(names):
            grid.addWidget(QLabel(title, self), 0, column)
            self.figures[key] = QLabel("—", self)
            self.figures[key].setAlignment(Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(self.figures[key], 1, column)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period"), self))
        top.addWidget(self.period)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.chart_view, 2)
        layout.addWidget(self.packers, 1)
        layout.addWidget(self.notice)

    def reload(self) -> None:
        period = self.period.currentData()
        self.notice.setText(self.tr("Loading…"))
        self._run(lambda: self._load(period), self._on_loaded, self._on_failed)

    def _on_loaded(self, dashboard: HealthDashboard) -> None:
        self._show_figures(dashboard.figures)
        self._show_packers(dashboard.figures)
        self._show_chart(dashboard)
        self.notice.setText(self.tr("%1 to %2 (UTC)")
                            .replace("%1", formats.moment(dashboard.figures.since, ui_language()))
                            .replace("%2", formats.moment(dashboard.figures.until, ui_language())))
        self.loaded.emit(dashboard)

    def _on_failed(self, error: BaseException) -> None:
        self.notice.setText(self.tr("Could not work out the figures: %1").replace("%1",
                                                                                 str(error)))

    def _show_figures(self, f: HealthFigures) -> None:
        crossed = {c.figure for c in f.crossings}
        minutes = f.first_response_minutes
        texts = {
            "on_time": (_percent(f.on_time_rate) or self.tr("nothing packed"), "on_time_rate"),
            "accuracy": (_percent(f.inventory_accuracy) or self.tr("no counts yet"),
                         "inventory_accuracy"),
            "returns": (_percent(f.return_rate) or self.tr("nothing packed"), "return_rate"),
            "first_response": (formats.minutes(minutes, ui_language()) if minutes is not None else
                               self.tr("no return cases yet"), "first_response_minutes"),
            "mis_scans": (_percent(f.mis_scan_rate) or self.tr("no scans"), "mis_scan_rate"),
        }
        for key, (text, figure) in texts.items():
            self.figures[key].setText(text)
            self.figures[key].setStyleSheet(WARN_STYLE if figure in crossed else "")

    def _show_packers(self, f: HealthFigures) -> None:
        self.packers.setRowCount(len(f.packers))
        for row, p in enumerate(f.packers):
            cells = (p.packer, str(p.orders_packed),
                     "" if p.orders_per_hour is None else shown_number(p.orders_per_hour, 1),
                     "" if p.scan_to_label_s is None else shown_number(p.scan_to_label_s),
                     _percent(p.mis_scan_rate) or "", str(p.by_hand))
            for column, text in enumerate(cells):
                self.packers.setItem(row, column, QTableWidgetItem(text))

    def _show_chart(self, dashboard: HealthDashboard) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        hourly = dashboard.period == "day"
        labels = [formats.clock(p.since, ui_language()) if hourly
                  else formats.chart_day(p.since, ui_language()) for p in dashboard.series]
        packed = QBarSet(self.tr("Orders packed"))
        on_time = QLineSeries()
        on_time.setName(self.tr("On time %"))
        for index, point in enumerate(dashboard.series):
            packed.append(point.orders_fulfilled)
            if point.on_time_rate is not None:
                on_time.append(index, point.on_time_rate * 100)
        bars = QBarSeries()
        bars.append(packed)
        self.chart.addSeries(bars)
        self.chart.addSeries(on_time)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        orders_axis = QValueAxis()
        top = max([1, *(p.orders_fulfilled for p in dashboard.series)])
        orders_axis.setRange(0, top)
        orders_axis.setLabelFormat("%d")
        if top <= 5:  # whole orders: one tick per order, never "1, 1, 2"
            orders_axis.setTickCount(top + 1)
        else:
            orders_axis.applyNiceNumbers()
        rate_axis = QValueAxis()
        rate_axis.setRange(0, 100)
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(orders_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(rate_axis, Qt.AlignmentFlag.AlignRight)
        for series, y_axis in ((bars, orders_axis), (on_time, rate_axis)):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)

    @property
    def bar_values(self) -> list[float]:
        """What the bars show (tests and screenshots read it)."""
        bars = [s for s in self.chart.series() if isinstance(s, QBarSeries)]
        return [bars[0].barSets()[0].at(i) for i in range(bars[0].barSets()[0].count())] \
            if bars else []


def build_health_dashboard(uow_factory, tasks=None, thresholds=None,
                           parent: QWidget | None = None) -> HealthDashboardWidget:
    from app.services.health import health_dashboard

    run = query_runner(tasks) if tasks is not None else run_now
    return HealthDashboardWidget(
        lambda period: health_dashboard(uow_factory(), period, thresholds), run, parent)


class WeeklyReportSchedule(QObject):
    """Writes each finished week's PDF report into a folder, checking every hour. A check
    writes one week a task and asks for the next when it is done, so the weeks due at
    start-up never hold a worker for all of them (issue 20)."""

    written = Signal(list)  # the paths written by the last check
    failed = Signal(str)

    def __init__(self, write_next: Callable[[], object], run: Runner = run_now,
                 interval_ms: int = REPORT_CHECK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._write_next, self._run = write_next, run
        self._made: list | None = None  # the paths of the check under way
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.timer.start()
        self.check_now()

    def check_now(self) -> None:
        if self._made is not None:  # a check is still writing its weeks
            return
        self._made = []
        self._step()

    def _step(self) -> None:
        self._run(self._write_next, self._on_step_done, self._on_step_failed)

    def _on_step_done(self, path) -> None:
        if path is None:
            made, self._made = self._made or [], None
            self.written.emit(made)
            return
        self._made.append(path)
        self._step()

    def _on_step_failed(self, error) -> None:
        self._made = None
        self.failed.emit(str(error))


def build_report_schedule(uow_factory, folder, tasks=None, thresholds=None,
                          parent: QObject | None = None) -> WeeklyReportSchedule:
    """The schedule on a store; reports are written on the TaskManager's I/O pool."""
    from pathlib import Path

    from printing.weekly_report import write_next_due_report

    # a week's PDF is a file in the folder, not a change of the store any view shows
    run = query_runner(tasks) if tasks is not None else run_now
    return WeeklyReportSchedule(
        lambda: write_next_due_report(uow_factory, Path(folder), limits=thresholds), run,
        parent=parent)
