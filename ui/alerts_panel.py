"""The alerts panel: what needs a supervisor, and a system-tray note when something new
comes up. An alert goes away from the panel when someone acknowledges it with their name.

Where the desktop has no tray (a test, a kiosk), the panel alone carries the alerts. On a
store the panel reads through QueryOps and acknowledges through StoreOps (ui/ops.py), and
reads again when another operation says alerts changed.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.alerts import AlertRefresh, AlertView
from ui.board_model import Runner, run_now
from ui.i18n import core_text, shown_time
from ui.ops import OpChanges, OpHub, query_runner, store_runner
from ui.threads import main_thread_only

REFRESH_MS = 60_000
TRAY_MS = 10_000
PANEL_WIDTH = 460  # docked: a row read without undocking, the bench keeps the rest
FIRST_ROWS = 40  # filled at once: more than a screenful of the dock
ROWS_A_TURN = 40  # the rest, this many a turn of the event loop (a scan waits one turn)


class AlertsPanel(QWidget):
    alerts_raised = Signal(int)  # how many new alerts the last refresh found
    refreshed = Signal()

    def __init__(self, refresh: Callable[[str | None], AlertRefresh],
                 acknowledge: Callable[[int, str], AlertView], run: Runner = run_now,
                 interval_ms: int = REFRESH_MS, parent: QWidget | None = None,
                 who: Callable[[], str | None] | None = None, write: Runner | None = None) -> None:
        """`who` is the person logged in at the station: alerts are acknowledged in their
        name, and no name is typed. Without it (a panel on its own) the name is typed.
        `run` reads, `write` acknowledges (`run` too when not given). `refresh` is given
        the fingerprint of the list on screen and leaves the list unread when it stands."""
        super().__init__(parent)
        self._refresh, self._acknowledge, self._run = refresh, acknowledge, run
        self._write = write or run
        self._who = who
        self._alerts: list[AlertView] = []
        self._shown: str | None = None  # the fingerprint of the list on screen
        self._filling = 0  # bumped by each new list: the rows still to fill of an older stop
        self._refits = 0  # bumped by each change of the message column's width
        self.tray = self._make_tray()
        self._build()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        tray = QSystemTrayIcon(QIcon(icon), self)
        tray.setToolTip(self.tr("Packdesk alerts"))
        tray.show()
        return tray

    def _build(self) -> None:
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Raised"), self.tr("Kind"),
                                              self.tr("What happened")])
        header = self.table.horizontalHeader()
        # one line each, as wide as their longest text (_fit_columns): a header that measured
        # the rows itself would read up to a thousand of them at each row filled
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # wraps in its room
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # each row's height is fitted to its text as it is filled (_fit_rows), never by the
        # header measuring every row at each layout: a thousand wrapped rows took 0.2-0.4 s
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the message column's width changes the rows' heights: they follow it
        header.sectionResized.connect(lambda *_: self._refit_rows())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Your name"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"), self)
        self.acknowledge_button.clicked.connect(self._on_acknowledge_button_clicked)
        self.refresh_button = QPushButton(self.tr("Check now"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.name.setVisible(self._who is None)
        self.notice = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.acknowledge_button)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.notice)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Docked beside the bench, the panel is wide enough to read a row without undocking:
        the time and kind on one line each, the message wrapped in what is left."""
        return QSize(max(super().sizeHint().width(), PANEL_WIDTH), super().sizeHint().height())

    @property
    def alerts(self) -> list[AlertView]:
        return list(self._alerts)

    def refresh(self) -> None:
        shown = self._shown
        self._run(lambda: self._refresh(shown), self._on_refresh_done, self._on_failed)

    def acknowledge_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._alerts):
            self.notice.setText(self.tr("Choose an alert first."))
            return
        name = self.name.text() if self._who is None else self._who()
        if name is None:
            self.notice.setText(self.tr("Log in to acknowledge an alert."))
            return
        alert_id = self._alerts[row].id
        self._write(lambda: self._acknowledge(alert_id, name), self._on_acknowledged,
                    self._on_failed)

    def follow_changes(self, hub: OpHub) -> None:
        """Read again when another screen's operation changed the alerts."""
        hub.operation_did_execute.connect(self._on_operation_did_execute)

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, initiator: object) -> None:
        if changes.alerts and initiator is not self:
            self.refresh()

    def _on_acknowledge_button_clicked(self) -> None:
        self.acknowledge_selected()

    def _on_refresh_done(self, refresh: AlertRefresh) -> None:
        if not refresh.open_unchanged:
            self._shown = refresh.fingerprint
            self._show(list(refresh.open))
        if refresh.raised:
            self._notify(refresh.raised)
            self.alerts_raised.emit(len(refresh.raised))
        self.refreshed.emit()

    def _on_acknowledged(self, alert: AlertView) -> None:
        self._shown = None  # the next refresh reads the list again
        self._show([a for a in self._alerts if a.id != alert.id])
        self.notice.setText(self.tr("Acknowledged by %1.").replace("%1", alert.acknowledged_by))

    def _on_failed(self, error: BaseException) -> None:
        self.notice.setText(str(error))

    @main_thread_only
    def _show(self, alerts: list[AlertView]) -> None:
        """The list on screen: only the rows that changed are made again (a big store's
        list changes by a few alerts a refresh, issue 20), the first of them at once, the
        rest a few a turn of the loop (the station's main thread is the scans' too)."""
        self._alerts, before = alerts, self._alerts
        self._filling += 1
        self._apply_changes(before, alerts)
        # each distinct time and kind once: a refresh raises its alerts at one time, and a
        # long list (30,000 at 1M) formatted row by row held the loop for seconds
        self._fit_columns({shown_time(t) for t in {a.raised_at for a in alerts}},
                          {self.kind_label(k) for k in {a.kind for a in alerts}})
        self._fill_rows(self._filling, 0)
        self.notice.setText(self.tr("1 alert to acknowledge") if len(alerts) == 1 else
                            self.tr("%n alerts to acknowledge", "", len(alerts)))

    def _apply_changes(self, before: list[AlertView], after: list[AlertView]) -> None:
        """Rows taken out and put in where the lists differ (an alert that changed is a new
        row); the rows put in are empty until `_fill_rows` fills them."""
        if not before or self.table.rowCount() != len(before):
            self.table.clearContents()
            self.table.setRowCount(len(after))
            return
        matcher = SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):  # later rows first
            if tag == "equal":
                continue
            for _ in range(i2 - i1):
                self.table.removeRow(i1)
            for _ in range(j2 - j1):
                self.table.insertRow(i1)

    def _fill_rows(self, filling: int, start: int) -> None:
        """The empty rows from `start` on, a few a turn."""
        if filling != self._filling:
            return  # a newer list is on its way
        budget = FIRST_ROWS if start == 0 else ROWS_A_TURN
        row = start
        while row < len(self._alerts) and budget:
            if self.table.item(row, 2) is None:
                self._fill_row(row, self._alerts[row])
                budget -= 1
            row += 1
        if row < len(self._alerts):
            QTimer.singleShot(0, lambda: self._fill_rows(filling, row))

    def _fill_row(self, row: int, alert: AlertView) -> None:
        cells = (shown_time(alert.raised_at),
                 self.kind_label(alert.kind),
                 core_text(alert.message) + (self.tr(" (cleared)") if alert.cleared else ""))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if alert.cleared:
                item.setForeground(QColor("#7a7a7a"))
            item.setData(Qt.ItemDataRole.UserRole, alert.id)
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)

    def _fit_columns(self, *texts: set[str]) -> None:
        """The time and kind columns as wide as their widest text, as an item shows it
        (the delegate's margins), and never narrower than their title."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                     None, self.table) + 1) + 8  # + the grid
        for column, shown in enumerate(texts):
            widest = max((metrics.horizontalAdvance(text) for text in shown), default=0)
            header.resizeSection(column, max(widest + margin,
                                             header.sectionSizeFromContents(column).width()))

    def _refit_rows(self) -> None:
        """The rows' heights again, after the message column's width changed."""
        self._refits += 1
        self._fit_rows(self._refits, 0)

    def _fit_rows(self, refit: int, start: int) -> None:
        if refit != self._refits:
            return  # the width changed again: a newer refit runs
        end = min(self.table.rowCount(), start + (FIRST_ROWS if start == 0 else ROWS_A_TURN))
        for row in range(start, end):
            if self.table.item(row, 2) is not None:  # rows still to fill: fitted when filled
                self.table.resizeRowToContents(row)
        if end < self.table.rowCount():
            QTimer.singleShot(0, lambda: self._fit_rows(refit, end))

    def _notify(self, raised: tuple[AlertView, ...]) -> None:
        if self.tray is None:
            return
        title = (self.tr("1 new alert") if len(raised) == 1
                 else self.tr("%n new alerts", "", len(raised)))
        self.tray.showMessage(title, "\n".join(a.message for a in raised[:3]),
                              QSystemTrayIcon.MessageIcon.Warning, TRAY_MS)

    def kind_label(self, kind: str) -> str:
        return {"stuck": self.tr("Stuck"), "late": self.tr("Late"),
                "sync_failure": self.tr("Sync failure"),
                "stock_conflict": self.tr("Stock conflict"),
                "return_escalated": self.tr("Return escalated"),
                "printer_down": self.tr("Printer down"),
                "login_locked": self.tr("Log-in locked"),
                "label_pending": self.tr("Label pending"),
                "label_refused": self.tr("Label refused"),
                "not_handed_over": self.tr("Not handed over"),
                "parcel_quiet": self.tr("Parcel not moving"),
                "returned_to_sender": self.tr("Returned to sender"),
                "clips_disk": self.tr("Pack videos stopped"),
                "clip_encoder": self.tr("Pack video encoder stopped")}.get(kind, kind)


def build_alerts_panel(uow_factory, tasks=None, parent: QWidget | None = None,
                       who: Callable[[], str | None] | None = None) -> AlertsPanel:
    """The panel on a store. A refresh reads every open order, so it and the
    acknowledgements (in order after it) run on the periodic worker, never in the scans'
    queue (issue 20)."""
    from app.services.alerts import acknowledge_alert, refresh_alerts

    panel: AlertsPanel | None = None
    run, write = run_now, None
    if tasks is not None:
        run = query_runner(tasks, periodic=True)
        write = store_runner(tasks, OpChanges(alerts=True), periodic=True,
                             initiator=lambda: panel)
    panel = AlertsPanel(lambda shown: refresh_alerts(uow_factory(), shown=shown),
                        lambda alert_id, name: acknowledge_alert(uow_factory(), alert_id, name),
                        run, parent=parent, who=who, write=write)
    if tasks is not None:
        panel.follow_changes(tasks.ops)
    panel.refresh()
    return panel
