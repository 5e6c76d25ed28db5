"""Differences to settle, for a supervisor: where a channel's catalogue and a product
disagree about a name, a barcode or a weight. A pull never overwrites the product's value;
the supervisor picks a side here (app/services/catalogue_conflicts.py decides what that
changes), and the choice stays in the product's trail."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.catalogue_conflicts import (
    SCALE,
    ConflictView,
    open_conflicts,
    settle_conflict,
)
from ui.i18n import error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.row_table import chosen, fill, row_table
from ui.tasks import TaskManager


class CatalogueConflictsScreen(QWidget):
    settled = Signal(object)  # the ConflictView as settled
    refreshed = Signal()  # the table shows the store again

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.supervisor = uow_factory, tasks, supervisor
        self.setObjectName("catalogueConflicts")
        self.setWindowTitle(self.tr("Differences to settle — for supervisors"))
        self.resize(980, 520)
        self.rows: list[ConflictView] = []
        self.fields = {"name": self.tr("Name"), "barcode": self.tr("Barcode"),
                       "weight_g": self.tr("Weight (g)")}
        heading = QLabel(self.tr("A sales channel says something else than the product. "
                                 "Nothing was changed: choose which value the product "
                                 "keeps."), self)
        heading.setWordWrap(True)
        self.table = row_table([self.tr("SKU"), self.tr("Product"), self.tr("What"),
                                self.tr("On the product"), self.tr("The channel says"),
                                self.tr("Settled")], self, stretch=3)
        # both values share the room left and wrap, so "Settled" is never pushed out of
        # sight behind a scroll bar
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setObjectName("conflictsTable")
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.keep_button = QPushButton(self.tr("Keep the product's value"), self)
        self.keep_button.setObjectName("keepProductValue")
        self.keep_button.clicked.connect(lambda: self._settle("kept"))
        self.take_button = QPushButton(self.tr("Take the channel's value"), self)
        self.take_button.setObjectName("takeChannelValue")
        self.take_button.clicked.connect(lambda: self._settle("offered"))
        self.settled_too = QCheckBox(self.tr("Show the settled ones too (who chose what)"),
                                     self)
        self.settled_too.setObjectName("showSettled")
        self.settled_too.toggled.connect(lambda _checked: self.refresh())
        self.notice = QLabel(self)
        self.notice.setObjectName("conflictsNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.settled_too)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        self._set_buttons_enabled(False)
        self.refresh()

    def refresh(self) -> None:
        settled_too = self.settled_too.isChecked()
        QueryOp(self, self.tasks, lambda: open_conflicts(self.uow_factory(),
                                                         settled_too=settled_too),
                self._show).failure(self._on_failed).in_store_order().run_in_background()

    def _whose(self, source: str) -> str:
        if source == SCALE:
            return self.tr("learned from the scale")
        return self.tr("from {channel}").format(channel=source) if source \
            else self.tr("set by a person or a file")

    def _show(self, rows: list[ConflictView]) -> None:
        self.rows = rows
        fill(self.table, [(c.sku, c.product_name, self.fields.get(c.field, c.field),
                           f"{c.kept or '–'} ({self._whose(c.kept_from)})",
                           f"{c.offered} ({self._whose(c.offered_from)})", self._settled(c))
                          for c in rows])
        self._set_buttons_enabled(False)
        if not any(c.settled_at is None for c in rows):
            self.notice.setStyleSheet("")
            self.notice.setText(self.tr("No differences to settle: the channels and the "
                                        "products agree."))
        self.refreshed.emit()

    def _settled(self, conflict: ConflictView) -> str:
        if conflict.settled_at is None:
            return ""
        if conflict.chosen == "agreed":
            return self.tr("the sources agree now")
        side = (self.tr("kept the product's") if conflict.chosen == "kept"
                else self.tr("took the channel's"))
        return self.tr("{who} {side}, {when}").format(
            who=conflict.settled_by, side=side,
            when=conflict.settled_at.astimezone().strftime("%Y-%m-%d %H:%M"))

    def _on_table_selection_changed(self) -> None:
        conflict = chosen(self.table, self.rows)
        self._set_buttons_enabled(conflict is not None and conflict.settled_at is None)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        self.keep_button.setEnabled(enabled)
        self.take_button.setEnabled(enabled)

    def _settle(self, side: str) -> None:
        conflict = chosen(self.table, self.rows)
        if conflict is None:
            return
        self._set_buttons_enabled(False)
        StoreOp(self, self.tasks,  # the product's field may take the channel's value
                lambda: settle_conflict(self.uow_factory(), conflict.id, side, self.supervisor),
                OpChanges(products=True)) \
            .success(self._on_settled).failure(self._on_failed).run_in_background(self)

    def _on_settled(self, view: ConflictView) -> None:
        value = view.offered if view.chosen == "offered" else view.kept
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.setText(self.tr("{sku}: {what} is now {value}.").format(
            sku=view.sku, what=self.fields.get(view.field, view.field), value=value or "–"))
        self.settled.emit(view)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self._on_table_selection_changed()
        self.notice.setStyleSheet("color: #b71c1c;")
        self.notice.setText(self.tr("Not settled: {reason}").format(reason=error_text(error)))
