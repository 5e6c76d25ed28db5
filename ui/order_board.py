"""The order board: every order, filtered and searched, coloured by lateness.

Double-click (or Enter on) an order to open its history; a scan line there, or "Pack
video" on the board, opens the order's pack video at that moment. Searching waits for a
short pause in typing, so a fast typist does not start a query per key. On a store the board
reads through QueryOps (ui/ops.py) and reads its first page again when an operation says
orders changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.board import BoardFilter, OrderHistory
from ui.board_model import NUMBER_ROLE, BoardModel, ReadPage, Runner, run_now, status_label
from ui.i18n import core_text, shown_time
from ui.ops import OpChanges, OpHub, query_runner
from ui.row_table import wrap_rows

STATUSES = ("needs_review", "ready", "packing", "packed", "shipped", "on_hold", "cancelled")
AGES = (None, timedelta(hours=4), timedelta(hours=24), timedelta(days=3))
SEARCH_PAUSE_MS = 250
FILMED_KINDS = ("scan", "pack")  # history lines a pack video shows
OpenClip = Callable[[str, datetime | None, QWidget], None]  # order, moment, parent


class OrderHistoryDialog(QDialog):
    """One order's story, oldest first: intake, review, packing, stock, sync, returns."""

    def __init__(self, history: OrderHistory, parent: QWidget | None = None,
                 open_clip: OpenClip | None = None) -> None:
        super().__init__(parent)
        self.history, self._open_clip = history, open_clip
        self.setWindowTitle(self.tr("Order %1").replace("%1", history.number))
        layout = QVBoxLayout(self)
        status = status_label(history.status)
        layout.addWidget(QLabel(self.tr("%1 · %2 · %3 · %4").replace("%1", history.number)
                                .replace("%2", history.channel).replace("%3", status)
                                .replace("%4", history.buyer_name)))
        self.entries = QTableWidget(len(history.entries), 4, self)
        self.entries.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"),
                                                self.tr("Details"), self.tr("By")])
        kinds = {"intake": self.tr("Intake"), "review": self.tr("Review"),
                 "transition": self.tr("Status"), "pack": self.tr("Pack session"),
                 "scan": self.tr("Scan"), "stock": self.tr("Stock"), "sync": self.tr("Sync"),
                 "return": self.tr("Return case")}
        for row, entry in enumerate(history.entries):
            when = shown_time(entry.at, seconds=True)
            shown = (when, kinds.get(entry.kind, entry.kind), core_text(entry.text), entry.by)
            for column, text in enumerate(shown):
                self.entries.setItem(row, column, QTableWidgetItem(text))
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.resizeColumnsToContents()  # a Chinese date runs wider than the default
        self.entries.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        wrap_rows(self.entries)  # long details wrap, not "…"
        layout.addWidget(self.entries)
        self.clip_button = QPushButton(self.tr("Pack video at this scan"), self)
        self.clip_button.setEnabled(False)
        self.clip_button.setVisible(open_clip is not None)
        self.clip_button.clicked.connect(self._on_clip_button_clicked)
        self.entries.itemSelectionChanged.connect(self._on_entries_item_selection_changed)
        self.entries.cellDoubleClicked.connect(lambda row, _column: self.open_clip_at_row(row))
        layout.addWidget(self.clip_button)
        self.resize(900, 500)

    def _filmed_row(self, row: int) -> bool:
        return 0 <= row < len(self.history.entries) and \
            self.history.entries[row].kind in FILMED_KINDS

    def open_clip_at_row(self, row: int) -> None:
        """The pack video at the moment of this history line (a scan, a pack session)."""
        if self._open_clip is not None and self._filmed_row(row):
            self._open_clip(self.history.number, self.history.entries[row].at, self)

    def _on_entries_item_selection_changed(self) -> None:
        self.clip_button.setEnabled(self._filmed_row(self.entries.currentRow()))

    def _on_clip_button_clicked(self) -> None:
        self.open_clip_at_row(self.entries.currentRow())


class OrderBoard(QWidget):
    history_opened = Signal(object)  # the OrderHistoryDialog, once shown

    def __init__(self, read_page: ReadPage, read_history: Callable[[str], OrderHistory],
                 read_channels: Callable[[], list[str]], run: Runner = run_now,
                 parent: QWidget | None = None, open_clip: OpenClip | None = None) -> None:
        super().__init__(parent)
        self._read_history, self._run, self._open_clip = read_history, run, open_clip
        self._history_windows: dict[str, OrderHistoryDialog] = {}  # number -> its window
        self._history_asked: set[str] = set()  # being read
        self.model = BoardModel(read_page, run, self)
        self._build(read_channels)
        self.model.set_filter(BoardFilter())

    def _build(self, read_channels) -> None:
        self.channel = QComboBox(self)
        self.channel.addItem(self.tr("All channels"), "")
        # the channel list is not needed for the first screen: read it after the first page
        QTimer.singleShot(0, self, lambda: self._run(read_channels, self._on_channels_read,
                                                     self._on_failed))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), "")
        for status in STATUSES:
            self.status.addItem(self.model.status_label(status), status)
        self.age = QComboBox(self)
        for label, age in zip((self.tr("Any age"), self.tr("Older than 4 h"),
                               self.tr("Older than 24 h"), self.tr("Older than 3 days")),
                              AGES, strict=True):
            self.age.addItem(label, age)
        self.needs_review = QCheckBox(self.tr("Needs review"), self)
        self.on_hold = QCheckBox(self.tr("On hold"), self)
        self.merge = QCheckBox(self.tr("Merge candidates"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Order number, buyer, SKU or tracking"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(  # the hint whole, in either language
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self._search_pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_pause.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.clip_button = QPushButton(self.tr("Pack video"), self)
        self.clip_button.setToolTip(self.tr("The selected order's pack video, from its start"))
        self.clip_button.setVisible(self._open_clip is not None)
        self.clip_button.clicked.connect(self._on_clip_button_clicked)
        for combo in (self.channel, self.status, self.age):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.needs_review, self.on_hold, self.merge):
            box.toggled.connect(self.apply_filter)
        self._layout()

    def _layout(self) -> None:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(False)
        self._size_columns()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)
        self.notice = QLabel(self)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_failed)
        bar = QHBoxLayout()
        for widget in (self.channel, self.status, self.age, self.needs_review, self.on_hold,
                       self.merge):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.clip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide enough that the buyer's name is read whole beside the seven other columns."""
        return QSize(1120, 640)

    def _size_columns(self) -> None:
        """Fixed widths from the font, so a page arriving never re-measures 200 rows."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        samples = ("PD-0000000-B", "woocommerce", self.tr("Needs review"), "",
                   "2026-12-31 23:59", "2026-12-31 23:59", "SF0000000000000",
                   max(self.tr("weight unknown"), "99.99 kg", key=metrics.horizontalAdvance))
        for column, sample in enumerate(samples):
            if sample:
                header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def current_filter(self) -> BoardFilter:
        return BoardFilter(
            channel=self.channel.currentData() or "", status=self.status.currentData() or "",
            older_than=self.age.currentData(), needs_review=self.needs_review.isChecked(),
            on_hold=self.on_hold.isChecked(), merge_candidates=self.merge.isChecked(),
            search=self.search.text().strip())

    def apply_filter(self) -> None:
        self._search_pause.stop()
        wanted = self.current_filter()
        if wanted != self.model.board_filter:
            self.notice.setText(self.tr("Loading…"))
            self.model.set_filter(wanted)

    def open_history(self, number: str) -> None:
        """One window per order: a second double-click (or the activation that comes with
        one) raises the window already open, or already being read, instead of another."""
        open_window = self._history_windows.get(number)
        if open_window is not None:
            open_window.raise_()
            open_window.activateWindow()
            return
        if number in self._history_asked:
            return
        self._history_asked.add(number)

        def failed(error: BaseException) -> None:
            self._history_asked.discard(number)
            self._on_failed(error)

        self._run(lambda: self._read_history(number), self._on_history_read, failed)

    def follow_changes(self, hub: OpHub) -> None:
        """Read the first page again when another screen's operation changed orders."""
        hub.operation_did_execute.connect(self._on_operation_did_execute)

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, initiator: object) -> None:
        if changes.orders and initiator is not self:
            self.model.reload()

    def _on_refresh_button_clicked(self) -> None:
        """Orders change under the board (intake, packing): read the first page again."""
        self.notice.setText(self.tr("Loading…"))
        self.model.reload()

    def _on_clip_button_clicked(self) -> None:
        number = self.model.data(self.table.currentIndex(), NUMBER_ROLE)
        if not number:
            self.notice.setText(self.tr("Select an order to see its pack video."))
        elif self._open_clip is not None:
            self._open_clip(number, None, self)

    def _on_channels_read(self, channels: list[str]) -> None:
        for code in channels:
            self.channel.addItem(code, code)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        number = self.model.data(index, NUMBER_ROLE)
        if number:
            self.open_history(number)

    def _on_history_read(self, history: OrderHistory) -> None:
        self._history_asked.discard(history.number)
        dialog = OrderHistoryDialog(history, self, self._open_clip)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(900, 560)  # the story readable without resizing it first
        self._history_windows[history.number] = dialog
        dialog.destroyed.connect(lambda _obj=None, n=history.number:
                                 self._history_windows.pop(n, None))
        dialog.show()
        self.history_opened.emit(dialog)

    def _on_model_page_loaded(self, rows: int) -> None:
        more = self.tr(" (scroll for more)") if self.model.canFetchMore() else ""
        shown = (self.tr("1 order shown") if rows == 1
                 else self.tr("%n orders shown", "", rows))  # English has two forms
        self.notice.setText(shown + more)

    def _on_failed(self, message) -> None:
        self.notice.setText(self.tr("Could not read the orders: %1").replace("%1", str(message)))


def build_order_board(uow_factory, tasks=None, parent: QWidget | None = None,
                      open_clip: OpenClip | None = None) -> OrderBoard:
    """The board on a store: reads on the TaskManager's I/O pool, or in place without one;
    `open_clip` (ui.clip_player.ClipOpener.open_at) plays pack videos from it."""
    from app.services.board import board_channels, order_history, read_board_page

    run = query_runner(tasks) if tasks is not None else run_now
    board = OrderBoard(lambda f, after: read_board_page(uow_factory(), f, after),
                       lambda number: order_history(uow_factory(), number),
                       lambda: board_channels(uow_factory()), run, parent, open_clip)
    if tasks is not None:
        board.follow_changes(tasks.ops)
    return board
