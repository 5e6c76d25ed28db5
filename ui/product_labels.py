"""Product labels from the product editor: one product's, or a batch (several products,
or every product without a barcode, each with its number of copies). The core gives each
label its code (a product without one gets the shop's own, stored:
app/services/product_labels.py); the PDF is rendered on the I/O pool and handed to the
station's print path (preview, then the spooler: ui/station_parts.py). Also the editor's
list of a product's other barcodes, each with the units one scan counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PackdeskError
from app.services import catalogue, product_labels
from app.services.product_labels import LabelRequest
from ui.i18n import error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.print_tools import product_labels_pdf
from ui.tasks import TaskManager

PrintLabels = Callable[[str, bytes], object]  # (title, pdf): preview, then spool


def _failure(error: BaseException) -> str:
    return error_text(error) if isinstance(error, PackdeskError) else str(error)


def labels_then_print(uow_factory, tasks: TaskManager, requests: Sequence[LabelRequest],
                      by: str, title: str, print_labels: PrintLabels,
                      on_done: Callable[[list], None], on_failed: Callable[[str], None],
                      parent: QObject | None = None) -> None:
    """The labels' codes from the store (one unit of work), the PDF on the I/O pool, then
    the print path; `on_done` gets the labels (which codes were made just now). A product
    that had no barcode gets its own code: the other product lists are told."""
    requests = list(requests)

    def rendered(labels) -> None:
        QueryOp(parent, tasks, lambda: product_labels_pdf(labels), lambda pdf: (
            print_labels(title, pdf), on_done(labels))) \
            .failure(lambda e: on_failed(_failure(e))).run_in_background()

    StoreOp(parent, tasks, lambda: product_labels.labels_for(uow_factory(), requests, by),
            lambda labels: OpChanges(products=any(label.code_is_new for label in labels))) \
        .success(rendered).failure(lambda e: on_failed(_failure(e))).run_in_background(parent)


def print_product_labels(editor, requests: Sequence[LabelRequest], title: str) -> None:
    """The editor's own label button: the same path as a batch."""
    def done(labels) -> None:
        if any(label.code_is_new for label in labels):
            editor._say(editor.tr("{0} had no barcode: its own code {1} is now on it and on "
                                  "the label.").format(labels[0].sku, labels[0].code), False)
            editor.refresh()

    labels_then_print(editor.uow_factory, editor.tasks, requests, editor.by, title,
                      editor.print_labels, done, lambda text: editor._say(text, True), editor)


def _count_item(count: int) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.EditRole, int(count))
    return item


def _count_of(item: QTableWidgetItem | None) -> int:
    """The number in a count cell (the core refuses one out of range, naming the code)."""
    value = item.data(Qt.ItemDataRole.EditRole) if item is not None else 1
    return value if isinstance(value, int) else 1


class MoreBarcodes(QWidget):
    """A product's other codes (a second GTIN, a case code) and the units one scan of
    each counts at receiving and at the bench."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("moreBarcodes")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Units per scan")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFixedHeight(104)
        add = QPushButton(self.tr("Add a barcode"), self)
        add.setObjectName("addBarcode")
        add.clicked.connect(lambda: self.add_code("", 1, edit=True))
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.clicked.connect(self._on_remove_clicked)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)

    def add_code(self, code: str, units: int, edit: bool = False) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        self.table.setItem(index, 0, QTableWidgetItem(code))
        self.table.setItem(index, 1, _count_item(units))  # an int: edited with a spin box
        if edit:
            self.table.setCurrentCell(index, 0)
            self.table.editItem(self.table.item(index, 0))

    def set_codes(self, codes: Sequence[tuple[str, int]]) -> None:
        self.table.setRowCount(0)
        for code, units in codes:
            self.add_code(code, units)

    def codes(self) -> tuple[tuple[str, int], ...]:
        """The rows with a code in them (an empty row added by mistake is no code)."""
        found = []
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            text = item.text().strip() if item is not None else ""
            if text:
                found.append((text, _count_of(self.table.item(index, 1))))
        return tuple(found)

    def _on_remove_clicked(self) -> None:
        index = self.table.currentRow()
        if index >= 0:
            self.table.removeRow(index)


class ProductLabelsDialog(QWidget):
    """Tick the products, say how many labels of each, print them as one job."""

    printed = Signal(object)  # the labels sent to the print path

    def __init__(self, uow_factory, tasks: TaskManager, print_labels: PrintLabels, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.print_labels, self.by = (uow_factory, tasks,
                                                                    print_labels, by)
        self.setObjectName("productLabels")
        self.setWindowTitle(self.tr("Product labels — for supervisors"))
        self.resize(900, 620)
        self.rows: list[catalogue.ProductView] = []
        intro = QLabel(self.tr("Tick the products and how many labels each needs. A product "
                               "without a barcode gets the shop's own code (an EAN-13 "
                               "starting with 20), stored on it, so its label scans."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Product name"),
                                              self.tr("Barcode"), self.tr("Labels")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        no_code = QPushButton(self.tr("Tick all without a barcode"), self)
        no_code.setObjectName("tickUnlabelled")
        no_code.clicked.connect(self.tick_unlabelled)
        none = QPushButton(self.tr("Untick all"), self)
        none.clicked.connect(lambda: self._tick(lambda _row: False))
        self.print_button = QPushButton(self.tr("Print the labels…"), self)
        self.print_button.setObjectName("printLabels")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.notice = QLabel(self)
        self.notice.setObjectName("labelsNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (no_code, none):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        tasks.ops.operation_did_execute.connect(self._on_operation_did_execute)
        self.refresh()

    @Slot(object, object)
    def _on_operation_did_execute(self, changes: OpChanges, initiator: object) -> None:
        """Products changed elsewhere (saved, pulled, given a code): the list again, the
        ticks and counts kept."""
        if changes.products and initiator is not self:
            self.refresh()

    def refresh(self) -> None:
        QueryOp(self, self.tasks, lambda: catalogue.find_products(self.uow_factory(), "", 5000),
                self._show).failure(lambda e: self._say(_failure(e), True)).in_store_order() \
            .run_in_background()

    def _show(self, rows) -> None:
        ticked = {sku: copies for sku, copies in self.chosen()}
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for index, product in enumerate(self.rows):
            sku = QTableWidgetItem(product.sku)
            sku.setFlags(sku.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            sku.setCheckState(Qt.CheckState.Checked if product.sku in ticked
                              else Qt.CheckState.Unchecked)
            self.table.setItem(index, 0, sku)
            self.table.setItem(index, 1, QTableWidgetItem(product.name))
            self.table.setItem(index, 2, QTableWidgetItem(product.barcode or self.tr(
                "none: an own code is given")))
            for column in (0, 1, 2):
                cell = self.table.item(index, column)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(index, 3, _count_item(ticked.get(product.sku, 1)))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.setColumnWidth(3, max(self.table.columnWidth(3), 90))  # room to type 120

    def tick(self, sku: str, copies: int = 1) -> None:
        for index, product in enumerate(self.rows):
            if product.sku == sku:
                self.table.item(index, 0).setCheckState(Qt.CheckState.Checked)
                self.table.item(index, 3).setData(Qt.ItemDataRole.EditRole, copies)

    def tick_unlabelled(self) -> None:
        def ticked(unlabelled) -> None:
            skus = {p.sku for p in unlabelled}
            self._tick(lambda row: self.rows[row].sku in skus)
            self._say(self.tr("Products without a barcode: {0}.").format(len(skus)), False)

        QueryOp(self, self.tasks,
                lambda: product_labels.products_without_barcode(self.uow_factory()), ticked) \
            .failure(lambda e: self._say(_failure(e), True)).in_store_order() \
            .run_in_background()

    def _tick(self, wanted: Callable[[int], bool]) -> None:
        for index in range(self.table.rowCount()):
            self.table.item(index, 0).setCheckState(
                Qt.CheckState.Checked if wanted(index) else Qt.CheckState.Unchecked)

    def chosen(self) -> list[tuple[str, int]]:
        found = []
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append((item.text(), _count_of(self.table.item(index, 3))))
        return found

    def _on_print_clicked(self) -> None:
        requests = [LabelRequest(sku, copies) for sku, copies in self.chosen()]
        self.print_button.setEnabled(False)
        title = self.tr("Product labels ({0})").format(sum(r.copies for r in requests))
        labels_then_print(self.uow_factory, self.tasks, requests, self.by, title,
                          self.print_labels, self._on_printed, self._on_failed, self)

    def _on_printed(self, labels) -> None:
        self.print_button.setEnabled(True)
        made = [label for label in labels if label.code_is_new]
        text = self.tr("{0} labels for {1} products sent to the printer.").format(
            sum(label.copies for label in labels), len(labels))
        if made:
            text += " " + self.tr("Own codes given to: {0}.").format(
                ", ".join(f"{label.sku} {label.code}" for label in made))
        self._say(text, False)
        self.printed.emit(labels)
        self.refresh()

    def _on_failed(self, text: str) -> None:
        self.print_button.setEnabled(True)
        self._say(text, True)

    def _say(self, text: str, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("font-size: 15px; color: %s;" % ("#b71c1c" if error
                                                                    else "#1b5e20"))
