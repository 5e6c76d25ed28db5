"""Stock per SKU, explained: every move with the figures right after it, what each channel
is told it may sell, and the lots in the order they should leave (first expiry first).

The store is read by a QueryOp in the store worker's order (ui/ops.py), so it sees every
write submitted before it; the widget only paints the plain views that come back, and reads
the SKU on screen again when an operation says stock changed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PackdeskError
from app.services import stock
from app.services.unit_of_work import StockUnitOfWorkFactory
from ui.i18n import core_text
from ui.i18n import error_text as core_error_text
from ui.ops import OpChanges, QueryOp
from ui.tasks import TaskManager

STOCK_CHANGED = OpChanges(stock=True)  # what receiving, a count or a return declare


def error_text(widget: QWidget, error: BaseException) -> str:
    """A core error says what to do; anything else is named, never a traceback."""
    if isinstance(error, PackdeskError):
        return core_error_text(error)
    return widget.tr("The store could not do that: {error}").format(error=error)


def fill_table(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for index, row in enumerate(rows):
        for column, value in enumerate(row):
            table.setItem(index, column, QTableWidgetItem("" if value is None else str(value)))
    table.resizeColumnsToContents()


def read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.resizeColumnsToContents()  # the headings whole before the first SKU is shown
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StockHistoryWidget(QWidget):
    """Type or scan a SKU; see its figures, its ledger, its channel quotas and its lots."""

    shown = Signal(str)  # the SKU whose history is on screen

    def __init__(self, tasks: TaskManager, uow: StockUnitOfWorkFactory,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.uow = tasks, uow
        self.history: stock.StockHistoryView | None = None
        tasks.ops.operation_did_execute.connect(self._on_operation_did_execute)
        self.sku = QLineEdit(self)
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.show_button = QPushButton(self.tr("Show"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.moves = read_only_table(self, [
            self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Units"), self.tr("Why"),
            self.tr("Who"), self.tr("Station"), self.tr("Order"), self.tr("Available"),
            self.tr("Awaiting shipment"), self.tr("Frozen"), self.tr("Returns in transit"),
            self.tr("Sellable")])
        self.quotas = read_only_table(self, [
            self.tr("Channel"), self.tr("Allocation ratio"), self.tr("Floor buffer"),
            self.tr("Told it may sell")])
        self.lots = read_only_table(self, [self.tr("Lot"), self.tr("Expires"),
                                           self.tr("Units left")])
        self._build_layout()
        self.sku.returnPressed.connect(self._on_show_button_clicked)
        self.show_button.clicked.connect(self._on_show_button_clicked)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.sku)
        top.addWidget(self.show_button)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Channel quotas"), self))
        side.addWidget(self.quotas)
        side.addWidget(QLabel(self.tr("Lots, first to leave first"), self))
        side.addWidget(self.lots)
        body = QHBoxLayout()
        body.addWidget(self.moves, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body)

    @Slot()
    def _on_show_button_clicked(self) -> None:
        self.show_sku(self.sku.text())

    def show_sku(self, sku: str) -> None:
        sku = sku.strip()
        if not sku:
            self.summary.setText(self.tr("Type or scan a SKU first."))
            return
        self.sku.setText(sku)
        self.summary.setText(self.tr("Loading {sku} ...").format(sku=sku))

        def work():
            return (stock.stock_history(self.uow(), sku), stock.channel_quotas(self.uow(), sku),
                    stock.lots(self.uow(), sku))

        QueryOp(self, self.tasks, work, self._on_loaded).failure(self._on_failed) \
            .in_store_order().run_in_background()

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, _initiator: object) -> None:
        """Stock moved elsewhere (receiving, a count, a return): the SKU on screen again."""
        if changes.stock and self.history is not None:
            self.show_sku(self.history.level.sku)

    def _on_loaded(self, result) -> None:
        history, quotas, lots = result
        self.history = history
        level = history.level
        self.summary.setText(self.tr(
            "{sku} {name}: available {available}, awaiting shipment {awaiting}, frozen "
            "{frozen}, returns in transit {transit}: sellable {sellable}. On hand {on_hand}."
        ).format(sku=level.sku, name=level.name, available=level.available,
                 awaiting=level.awaiting_shipment, frozen=level.frozen,
                 transit=level.returns_in_transit, sellable=level.sellable,
                 on_hand=level.on_hand)
            + ("" if history.consistent else " " + self.tr(
                "The ledger does not add up to these figures: tell a supervisor.")))
        fill_table(self.moves, [
            (f"{r.at:%Y-%m-%d %H:%M:%S}", core_text(r.from_bucket), core_text(r.to_bucket),
             r.quantity, core_text(r.reason),
             r.by, r.station, r.order_number, r.totals["available"],
             r.totals["awaiting_shipment"], r.totals["frozen"],
             r.totals["returns_in_transit"], r.sellable) for r in history.rows])
        fill_table(self.quotas, [(q.channel, f"{q.allocation_ratio:g}" + ("*" if
                                  q.ratio_overridden else ""),
                                  str(q.floor_buffer) + ("*" if q.buffer_overridden else ""),
                                  q.pushed_quantity) for q in quotas])
        fill_table(self.lots, [(lot.lot, lot.expiry, lot.on_hand) for lot in lots])
        self.shown.emit(level.sku)

    def _on_failed(self, error: BaseException) -> None:
        self.history = None
        for table in (self.moves, self.quotas, self.lots):
            table.setRowCount(0)
        self.summary.setText(error_text(self, error))
