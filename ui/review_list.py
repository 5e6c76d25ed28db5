"""Orders that need a person before the bench, and payloads intake could not map.

An order waits here with its reasons (bad address, unknown SKU, not enough stock, partly
refunded); "Approve" sends it to the bench once the cause is fixed. A parked payload is
dismissed once it was dealt with at the channel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import PackdeskError
from app.services.intake import ReviewRow, approve_review, resolve_exception, review_queue
from app.services.unit_of_work import SyncUnitOfWorkFactory
from ui.plain_text import plain_labels
from ui.row_table import chosen, fill, row_table


class ReviewListWidget(QWidget):
    changed = Signal()

    def __init__(self, uow: SyncUnitOfWorkFactory, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow, self.supervisor = uow, supervisor
        self.rows: list[ReviewRow] = []
        self.table = row_table([self.tr("Order"), self.tr("Channel"), self.tr("Channel order"),
                                self.tr("Why"), self.tr("Ship with")], self)
        self.message = QLabel(self)
        self.approve_button = QPushButton(self.tr("Approve for packing"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.dismiss_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        plain_labels(self)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.rows = review_queue(self.uow())
        fill(self.table, [(row.key if row.kind == "order" else self.tr("not imported"),
                           row.channel, row.channel_order_id, row.reasons, row.merge_group)
                          for row in self.rows])
        self._on_table_selection()

    def selected(self) -> ReviewRow | None:
        return chosen(self.table, self.rows)

    @Slot()
    def _on_table_selection(self) -> None:
        row = self.selected()
        self.approve_button.setEnabled(row is not None and row.kind == "order")
        self.dismiss_button.setEnabled(row is not None and row.kind == "exception")

    def _run(self, action) -> None:
        try:
            self.message.setText(action() or "")
        except PackdeskError as exc:
            self.message.setText(str(exc))
            return
        self.refresh()
        self.changed.emit()

    @Slot()
    def _on_approve_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(lambda: approve_review(row.key, self.supervisor, self.uow()))

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(lambda: resolve_exception(int(row.key), self.uow()))
