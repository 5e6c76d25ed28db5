"""Orders that need a person before the bench, and payloads intake could not map.

An order waits here with its reasons (bad address, unknown SKU, not enough stock, partly
refunded); "Approve" sends it to the bench once the cause is fixed. A parked payload is
dismissed once it was dealt with at the channel.

The queue is read with a QueryOp and changed with StoreOps (ui/ops.py), never on the main
thread; the list reads again when another screen's operation changed the review queue.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import PackdeskError
from app.services.intake import ReviewRow, approve_review, resolve_exception, review_queue
from app.services.intake_data import ReviewKind
from app.services.unit_of_work import SyncUnitOfWorkFactory
from ui.i18n import core_texts, error_text
from ui.ops import OpChanges, QueryOp, StoreOp, failure_text
from ui.plain_text import plain_labels
from ui.row_table import chosen, fill, row_table

if TYPE_CHECKING:
    from ui.tasks import TaskManager

log = logging.getLogger(__name__)
REVIEW_CHANGES = OpChanges(orders=True, review=True, stock=True)


class ReviewListWidget(QWidget):
    changed = Signal()
    refreshed = Signal()  # the rows on screen were read again

    def __init__(self, uow: SyncUnitOfWorkFactory, supervisor: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow, self.supervisor, self.tasks = uow, supervisor, tasks
        self.rows: list[ReviewRow] = []
        self._changed = False
        self.table = row_table([self.tr("Order"), self.tr("Channel"), self.tr("Channel order"),
                                self.tr("Why"), self.tr("Ship with")], self, stretch=3)
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
        tasks.ops.operation_did_execute.connect(self._on_operation_did_execute)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        QueryOp(self, self.tasks, lambda: review_queue(self.uow()), self._on_read) \
            .failure(self._on_failed).run_in_background()

    def _on_read(self, rows: list[ReviewRow]) -> None:
        self.rows = rows
        fill(self.table, [(row.key if row.kind is ReviewKind.ORDER else self.tr("not imported"),
                           row.channel, row.channel_order_id, core_texts(row.reasons), row.merge_group)
                          for row in self.rows])
        self._on_table_selection()
        self.refreshed.emit()
        if self._changed:
            self._changed = False
            self.changed.emit()

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, initiator: object) -> None:
        if initiator is not self and changes.review:
            self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def selected(self) -> ReviewRow | None:
        return chosen(self.table, self.rows)

    @Slot()
    def _on_table_selection(self) -> None:
        row = self.selected()
        self.approve_button.setEnabled(row is not None and row.kind is ReviewKind.ORDER)
        self.dismiss_button.setEnabled(row is not None and row.kind is ReviewKind.EXCEPTION)

    def _run(self, action) -> None:
        StoreOp(self, self.tasks, action, REVIEW_CHANGES).success(self._on_done) \
            .failure(self._on_action_failed).run_in_background(self)

    def _on_done(self, said: str | None) -> None:
        self.message.setText(said or "")
        self._changed = True  # said once the list shows the change
        self.refresh()

    def _on_action_failed(self, error: BaseException) -> None:
        if isinstance(error, PackdeskError):
            self.message.setText(str(error))
        else:
            log.error("review action failed", exc_info=error)
            self.message.setText(failure_text(error))

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
