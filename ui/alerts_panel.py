"""The alerts panel: what needs a supervisor, and a system-tray note when something new
comes up. An alert goes away from the panel when someone acknowledges it with their name.

Where the desktop has no tray (a test, a kiosk), the panel alone carries the alerts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
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
from ui.threads import main_thread_only

REFRESH_MS = 60_000
TRAY_MS = 10_000


class AlertsPanel(QWidget):
    alerts_raised = Signal(int)  # how many new alerts the last refresh found
    refreshed = Signal()

    def __init__(self, refresh: Callable[[], AlertRefresh],
                 acknowledge: Callable[[int, str], AlertView], run: Runner = run_now,
                 interval_ms: int = REFRESH_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refresh, self._acknowledge, self._run = refresh, acknowledge, run
        self._alerts: list[AlertView] = []
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
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Your name"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"), self)
        self.acknowledge_button.clicked.connect(self._on_acknowledge_button_clicked)
        self.refresh_button = QPushButton(self.tr("Check now"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.notice = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.acknowledge_button)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.notice)

    @property
    def alerts(self) -> list[AlertView]:
        return list(self._alerts)

    def refresh(self) -> None:
        self._run(self._refresh, self._on_refresh_done, self._on_failed)

    def acknowledge_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._alerts):
            self.notice.setText(self.tr("Choose an alert first."))
            return
        alert_id, name = self._alerts[row].id, self.name.text()
        self._run(lambda: self._acknowledge(alert_id, name), self._on_acknowledged,
                  self._on_failed)

    def _on_acknowledge_button_clicked(self) -> None:
        self.acknowledge_selected()

    def _on_refresh_done(self, refresh: AlertRefresh) -> None:
        self._show(list(refresh.open))
        if refresh.raised:
            self._notify(refresh.raised)
            self.alerts_raised.emit(len(refresh.raised))
        self.refreshed.emit()

    def _on_acknowledged(self, alert: AlertView) -> None:
        self._show([a for a in self._alerts if a.id != alert.id])
        self.notice.setText(self.tr("Acknowledged by %1.").replace("%1", alert.acknowledged_by))

    def _on_failed(self, error: BaseException) -> None:
        self.notice.setText(str(error))

    @main_thread_only
    def _show(self, alerts: list[AlertView]) -> None:
        self._alerts = alerts
        self.table.setRowCount(len(alerts))
        for row, alert in enumerate(alerts):
            cells = (alert.raised_at.astimezone().strftime("%m-%d %H:%M"),
                     self.kind_label(alert.kind),
                     alert.message + (self.tr(" (cleared)") if alert.cleared else ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if alert.cleared:
                    item.setForeground(QColor("#7a7a7a"))
                item.setData(Qt.ItemDataRole.UserRole, alert.id)
                self.table.setItem(row, column, item)
        self.notice.setText(self.tr("%n alert(s) to acknowledge", "", len(alerts)))

    def _notify(self, raised: tuple[AlertView, ...]) -> None:
        if self.tray is None:
            return
        title = self.tr("%n new alert(s)", "", len(raised))
        self.tray.showMessage(title, "\n".join(a.message for a in raised[:3]),
                              QSystemTrayIcon.MessageIcon.Warning, TRAY_MS)

    def kind_label(self, kind: str) -> str:
        return {"stuck": self.tr("Stuck"), "late": self.tr("Late"),
                "sync_failure": self.tr("Sync failure"),
                "stock_conflict": self.tr("Stock conflict"),
                "return_escalated": self.tr("Return escalated"),
                "printer_down": self.tr("Printer down"),
                "login_locked": self.tr("Log-in locked")}.get(kind, kind)


def build_alerts_panel(uow_factory, tasks=None, parent: QWidget | None = None) -> AlertsPanel:
    """The panel on a store. A refresh reads every open order, so it and the
    acknowledgements (in order after it) run on the periodic worker, never in the scans'
    queue (issue 20)."""
    from app.services.alerts import acknowledge_alert, refresh_alerts

    run = tasks.run_periodic if tasks is not None else run_now
    panel = AlertsPanel(lambda: refresh_alerts(uow_factory()),
                        lambda alert_id, name: acknowledge_alert(uow_factory(), alert_id, name),
                        run, parent=parent)
    panel.refresh()
    return panel
