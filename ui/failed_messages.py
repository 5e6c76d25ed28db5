"""Changes a channel refused for good (FAILED), and "Send again" once the cause is fixed.

Reads and writes run through `run` (the TaskManager's store worker in the app), never on
the main thread; after a message is queued again the runner is woken to send it now.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.outbox import OutboxKind
from app.services.outbox import OutboxRow
from ui.i18n import error_text
from ui.row_table import chosen, fill, row_table

Run = Callable[[Callable, Callable, Callable], None]


class FailedMessagesWindow(QWidget):
    refreshed = Signal()
    sent_again = Signal(object)  # the OutboxRow queued again

    def __init__(self, load: Callable[[], list[OutboxRow]],
                 send_again: Callable[[int], OutboxRow], run: Run,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load, self._send_again, self._run = load, send_again, run
        self.rows: list[OutboxRow] = []
        self.setWindowTitle(self.tr("Failed channel messages"))
        self.table = row_table([self.tr("Message"), self.tr("Channel"), self.tr("Change"),
                                self.tr("About"), self.tr("Why it failed")], self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = QLabel(self)
        self.send_again_button = QPushButton(self.tr("Send again"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_again_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        for widget in (self.table, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.send_again_button.clicked.connect(self._on_send_again_button_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self._on_table_selection()

    @Slot()
    def refresh(self) -> None:
        self._run(self._load, self._on_loaded, self._on_failed)

    def kind_label(self, kind: str) -> str:
        return {OutboxKind.FULFILMENT: self.tr("Shipment"), OutboxKind.REFUND: self.tr("Refund"),
                OutboxKind.STOCK_LEVEL: self.tr("Stock level")}.get(kind, kind)

    def _on_loaded(self, rows: list[OutboxRow]) -> None:
        self.rows = list(rows)
        fill(self.table, [(f"#{row.id}", row.channel, self.kind_label(row.kind), row.about,
                           row.last_error) for row in self.rows])
        if not self.rows and not self.message.text():
            self.message.setText(self.tr("No failed messages."))
        self._on_table_selection()
        self.refreshed.emit()

    def selected(self) -> OutboxRow | None:
        return chosen(self.table, self.rows)

    @Slot()
    def _on_table_selection(self) -> None:
        self.send_again_button.setEnabled(self.selected() is not None)

    @Slot()
    def _on_send_again_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.send_again_button.setEnabled(False)
        self._run(lambda: self._send_again(row.id), self._on_queued, self._on_failed)

    def _on_queued(self, row: OutboxRow) -> None:
        self.message.setText(self.tr("Message #%1 to %2 is queued again; it is sent now.")
                             .replace("%1", str(row.id)).replace("%2", row.channel))
        self.sent_again.emit(row)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.refresh()


def build_failed_messages(uow_factory, tasks, supervisor: str, runner=None,
                          parent: QWidget | None = None) -> FailedMessagesWindow:
    """The window on a store; a message queued again wakes the runner for its channel."""
    from app.services.outbox import list_messages, send_again
    from ui.board_model import run_now
    from ui.ops import store_runner

    # the list is read in the store's order, so it shows the message just queued again
    run = store_runner(tasks) if tasks is not None else run_now
    window = FailedMessagesWindow(lambda: list_messages(uow_factory(), failed_only=True),
                                  lambda message_id: send_again(message_id, uow_factory(),
                                                                supervisor),
                                  run, parent=parent)
    if runner is not None:
        window.sent_again.connect(lambda row: runner.sync_now(row.channel))
    window.refresh()
    return window
