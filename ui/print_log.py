"""The print log: every job of this station and its state, live.

The spooler reports from its own thread; PrintBridge re-emits each change as a Qt
signal, which Qt delivers on the main thread, where the table and the bench listen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from printing.spooler import JobState, PrintJob, Spooler
from ui.i18n import shown_time
from ui.threads import main_thread_only

Index = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {JobState.ACCEPTED: "#c8e6c9", JobState.FAILED: "#ffcdd2",
                 JobState.QUEUED: "#fff9c4", JobState.SENT: "#e3f2fd"}


class PrintBridge(QObject):
    job_changed = Signal(object)  # PrintJob

    def spooler_callback(self, job: PrintJob) -> None:
        """Given to Spooler(on_change=...); runs on the spooler's thread, so only emits."""
        self.job_changed.emit(job)


class PrintJobsModel(QAbstractTableModel):
    COLUMNS = ("id", "title", "printer", "state", "reason")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[PrintJob] = []

    @main_thread_only
    def update_job(self, job: PrintJob) -> None:
        for row, known in enumerate(self._jobs):
            if known.id == job.id:
                self._jobs[row] = job
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._jobs.insert(0, job)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Job"), self.tr("Document"), self.tr("Printer"), self.tr("State"),
                self.tr("Details"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(job.id), job.title, job.printer, job.state.value,
                    job.reason or job.reference)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and job.state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[job.state]))
        return None


class PrintLog(QWidget):
    def __init__(self, spooler: Spooler, bridge: PrintBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print log"))
        self.spooler = spooler
        self.model = PrintJobsModel(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        current = {job.id for job in spooler.jobs()}
        read = getattr(spooler.job_log, "read", None)
        if read is not None:  # earlier sessions' jobs, from the log on disk
            earlier = read()
            for at, job in earlier.jobs:
                if job.id not in current:
                    self.model.update_job(replace(job, id=-job.id,
                                                  title=f"{shown_time(at)} {job.title}"))
            if earlier.unreadable:
                self.notice.setText(self.tr(
                    "Left out: {0} line(s) of the print log that could not be read (cut "
                    "short when the app stopped).").format(earlier.unreadable))
                self.notice.show()
        for job in sorted(spooler.jobs(), key=lambda j: j.id):
            self.model.update_job(job)
        bridge.job_changed.connect(self.model.update_job)
        table = QTableView(self)
        table.setModel(self.model)
        table.horizontalHeader().setStretchLastSection(True)
        retry = QPushButton(self.tr("Retry waiting jobs now"), self)
        retry.clicked.connect(spooler.retry_now)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(retry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(table)
        layout.addLayout(buttons)
        self.resize(900, 400)
