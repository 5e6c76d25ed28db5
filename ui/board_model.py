"""The order board's table model: pages of 200 orders, fetched as the view scrolls.

Each page is a keyset page read off the main thread (through the runner, normally the
TaskManager's I/O pool, since SQLite in WAL mode lets readers run beside the writer).
A filter change bumps a generation number, so a page that arrives late for an old
filter is dropped instead of mixed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.domain import formats
from app.services.board import BoardFilter, BoardPage, BoardRow, Lateness
from ui.i18n import shown_time, ui_language

ReadPage = Callable[[BoardFilter, int | None], BoardPage]
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]],
                  Any]

ROW_COLOURS = {Lateness.LATE: "#f8d7da", Lateness.DUE_SOON: "#fff3cd"}
DONE_TEXT = "#7a7a7a"
WEIGHT_UNKNOWN_TEXT = "#b71c1c"  # the label would print no weight: someone should set it
NUMBER_ROLE = Qt.ItemDataRole.UserRole
LATENESS_ROLE = Qt.ItemDataRole.UserRole + 1


def status_label(status: str) -> str:
    """An order status as a supervisor reads it, translated."""
    # spelled out for lupdate, which cannot see through an alias of translate()
    labels = {"needs_review": QCoreApplication.translate("BoardModel", "Needs review"),
              "ready": QCoreApplication.translate("BoardModel", "Ready"),
              "packing": QCoreApplication.translate("BoardModel", "Packing"),
              "packed": QCoreApplication.translate("BoardModel", "Packed"),
              "shipped": QCoreApplication.translate("BoardModel", "Shipped"),
              "on_hold": QCoreApplication.translate("BoardModel", "On hold"),
              "cancelled": QCoreApplication.translate("BoardModel", "Cancelled")}
    return labels.get(status, status)


def run_now(work, on_done, on_failed) -> None:
    """The runner for tests and tools without a TaskManager: run in this thread."""
    try:
        result = work()
    except Exception as exc:  # handed to on_failed, as TaskManager does
        on_failed(exc)
        return
    on_done(result)


class BoardModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows now held
    failed = Signal(str)

    COLUMNS = ("number", "channel", "status", "buyer_name", "placed_at", "ship_by",
               "tracking_number", "weight_g")

    def __init__(self, read_page: ReadPage, run: Runner = run_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read_page = read_page
        self._run = run
        self._filter = BoardFilter()
        self._rows: list[BoardRow] = []
        self._after: int | None = None
        self._exhausted = False
        self._loading = False
        self._generation = 0

    # --- filtering --------------------------------------------------------------------------

    @property
    def board_filter(self) -> BoardFilter:
        return self._filter

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_filter(self, board_filter: BoardFilter) -> None:
        """Start over with a new filter; the first page is asked for at once."""
        self._generation += 1
        self.beginResetModel()
        self._filter = board_filter
        self._rows, self._after, self._exhausted = [], None, False
        self._set_loading(False)
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filter(self._filter)

    def row_at(self, row: int) -> BoardRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- lazy fetching ----------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        generation, board_filter, after = self._generation, self._filter, self._after
        self._run(lambda: self._read_page(board_filter, after),
                  lambda page: self._on_page_read(generation, page),
                  lambda error: self._on_page_failed(generation, error))

    def _on_page_read(self, generation: int, page: BoardPage) -> None:
        if generation != self._generation:
            return
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._after = page.next_after
        self._exhausted = page.next_after is None
        self._set_loading(False)
        self.page_loaded.emit(len(self._rows))

    def _on_page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._exhausted = True  # no retry loop from the view's scrolling
        self._set_loading(False)
        self.failed.emit(str(error))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- the table --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if 0 <= section < len(self.COLUMNS):
            return self._headers()[section]
        return None

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Order"), self.tr("Channel"), self.tr("Status"), self.tr("Buyer"),
                self.tr("Placed"), self.tr("Ship by"), self.tr("Tracking"), self.tr("Weight"))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and row.lateness in ROW_COLOURS:
            return QBrush(QColor(ROW_COLOURS[row.lateness]))
        weight_cell = self.COLUMNS[index.column()] == "weight_g"
        if role == Qt.ItemDataRole.ForegroundRole:
            if weight_cell and row.no_weight:
                return QBrush(QColor(WEIGHT_UNKNOWN_TEXT))
            return QBrush(QColor(DONE_TEXT if row.lateness == Lateness.DONE else "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if weight_cell and row.no_weight:
                return self.tr("No weight for {0}: set it in Tools → Products…, or the label "
                               "prints no weight").format(", ".join(row.no_weight))
            return self._lateness_text(row.lateness)
        if role == NUMBER_ROLE:
            return row.number
        if role == LATENESS_ROLE:
            return row.lateness.value
        return None

    def _display(self, row: BoardRow, column: str) -> str:
        value = getattr(row, column)
        if column == "status":
            return self.status_label(value)
        if column in ("placed_at", "ship_by"):
            return shown_time(value)
        if column == "weight_g":
            if row.no_weight:
                return self.tr("weight unknown")
            return formats.weight(value, ui_language()) if value else ""
        return value or ""

    def status_label(self, status: str) -> str:
        return status_label(status)

    def _lateness_text(self, lateness: Lateness) -> str:
        return {Lateness.LATE: self.tr("Late: past its ship-by time"),
                Lateness.DUE_SOON: self.tr("Due to ship within 4 hours"),
                Lateness.ON_TIME: self.tr("On time"),
                Lateness.DONE: self.tr("Packed, shipped or cancelled"),
                Lateness.NO_PROMISE: self.tr("No ship-by time")}[lateness]
