"""Printing tools of a station: preview a label, print labels for many orders in one
job (with progress and cancel), and print the bench's command-barcode sheet."""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.command_codes import CAPTIONS, COUNTER_CAPTIONS, COUNTER_CODES, command_code
from app.domain.messages import Msg
from app.services.board import BoardFilter, read_board_page
from app.services.labels import label_for_order
from app.services.views import Completion
from printing.documents import BarcodeEntry, BarcodeSheetSection
from printing.order_documents import label_data
from printing.printers import PDF, Document
from printing.sheets import render_barcode_sheet
from printing.spooler import JobState, PrintJob, Spooler
from printing.station import Route, make_printer, render_labels
from ui.board_model import status_label
from ui.i18n import error_text, ui_language
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.print_log import PrintBridge
from ui.tasks import TaskManager

TRACKING_GIVEN = OpChanges(orders=True)  # an order without one gets its tracking number
QUEUED = OpChanges(print_jobs=True)


class PdfPreview(QDialog):
    """The pages of a PDF as they will print, with a Print button."""

    def __init__(self, title: str, pdf: bytes, on_print: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        pages = QWidget(self)
        column = QVBoxLayout(pages)
        for index in range(self.document.pageCount()):
            size = self.document.pagePointSize(index)
            scale = 560 / max(size.height(), 1)
            image = self.document.render(index, QSize(int(size.width() * scale),
                                                      int(size.height() * scale)))
            page = QLabel(pages)
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #999;")
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if on_print is not None:
            print_button = buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole)
            print_button.clicked.connect(on_print)
            buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(520, 700)


def label_pdf(completion: Completion, paper: str) -> bytes:
    buffer = io.BytesIO()
    from printing.labels import render_shipping_label

    render_shipping_label(label_data(completion), buffer, size=paper)
    return buffer.getvalue()


def command_sheet_pdf(language: str | None = None) -> bytes:
    """The command barcodes to pin at a bench, captioned in the UI's language."""
    buffer = io.BytesIO()
    section = BarcodeSheetSection(Msg("Bench commands"), [
        BarcodeEntry(caption, command_code(command)) for command, caption in CAPTIONS.items()])
    counter = BarcodeSheetSection(Msg("Returns counter"), [
        BarcodeEntry(caption, COUNTER_CODES[command])
        for command, caption in COUNTER_CAPTIONS.items()])
    render_barcode_sheet(Msg("Packdesk bench commands"), [section, counter], buffer,
                         language=language or ui_language())
    return buffer.getvalue()


class BatchLabelsDialog(QDialog):
    """Labels for many orders in one print job: pick orders, watch progress, cancel."""

    def __init__(self, uow_factory, tasks: TaskManager, spooler: Spooler, bridge: PrintBridge,
                 route: Route, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print labels for many orders"))
        self.uow_factory, self.tasks, self.spooler, self.route = uow_factory, tasks, spooler, route
        self.job_id: int | None = None
        self.orders = QListWidget(self)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.progress = QProgressBar(self)
        self.status = QLabel(self.tr("Loading the orders waiting to ship…"), self)
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print labels for the selected orders"), self)
        self.cancel_button = QPushButton(self.tr("Cancel the job"), self)
        self.cancel_button.setEnabled(False)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        bridge.job_changed.connect(self._on_bridge_job_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.orders)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, 560)
        QueryOp(self, self.tasks, self._read_orders, self._on_orders_read) \
            .failure(self._on_failed).in_store_order().run_in_background()

    def _read_orders(self):
        with self.uow_factory() as uow:
            rows = [*read_board_page(uow, BoardFilter(status="ready"), limit=300).rows,
                    *read_board_page(uow, BoardFilter(status="packed"), limit=300).rows]
        return rows

    def _on_orders_read(self, rows) -> None:
        for row in rows:
            item = QListWidgetItem(f"{row.number}   {row.channel}   {row.buyer_name}   "
                                   f"[{status_label(row.status)}]")
            item.setData(Qt.ItemDataRole.UserRole, row.number)
            self.orders.addItem(item)
        self.status.setText(self.tr("{0} orders waiting to ship. Select the ones to label.")
                            .format(len(rows)))

    def selected_numbers(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.orders.selectedItems()]

    def _on_print_button_clicked(self) -> None:
        numbers = self.selected_numbers()
        if not numbers:
            self.status.setText(self.tr("Select at least one order."))
            return
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Getting tracking numbers…"))
        StoreOp(self, self.tasks,
                lambda: [label_for_order(self.uow_factory(), n) for n in numbers],
                TRACKING_GIVEN).success(self._on_labels_ready).failure(self._on_failed) \
            .run_in_background(self)

    def _on_labels_ready(self, completions: list[Completion]) -> None:
        labels = [label_data(completion) for completion in completions]
        self.progress.setRange(0, len(labels))
        self.progress.setValue(0)

        def render(progress, cancelled) -> Document:
            return render_labels(labels, self.route, progress, cancelled)

        StoreOp(self, self.tasks,  # the queue keeps the job first: a store write
                lambda: self.spooler.submit_batch(make_printer(self.route),
                                                  f"Labels for {len(labels)} orders",
                                                  len(labels), render), QUEUED) \
            .success(self._on_job_queued).failure(self._on_failed).run_in_background(self)

    def _on_job_queued(self, job_id: int) -> None:
        self.job_id = job_id
        self.cancel_button.setEnabled(True)
        self._on_bridge_job_changed(self.spooler.job(job_id))  # what it did meanwhile

    def _on_bridge_job_changed(self, job: PrintJob) -> None:
        if job.id != self.job_id:
            return
        self.progress.setValue(job.done)
        finished = job.state in (JobState.ACCEPTED, JobState.FAILED, JobState.CANCELLED)
        self.status.setText(self.tr("Job {0}: {1} {2}").format(job.id, job.state.value,
                                                              job.reason))
        if finished:
            self.cancel_button.setEnabled(False)
            self.print_button.setEnabled(True)

    def _on_cancel_button_clicked(self) -> None:
        if self.job_id is not None and not self.spooler.cancel(self.job_id):
            self.status.setText(self.tr("Too late to cancel: the job reached the printer."))

    def _on_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(error_text(error))


def product_label_pdf(sku: str, name: str, code: str) -> bytes:
    """A product's barcode label (EAN-13 for a 13-digit GTIN, else Code 128), as
    `packdesk print product-labels` renders it."""
    from printing.documents import ProductLabel
    from printing.sheets import render_product_labels

    buffer = io.BytesIO()
    render_product_labels([ProductLabel(sku, name, code, "ean13" if len(code) == 13
                                        and code.isdigit() else "code128")], buffer)
    return buffer.getvalue()


def product_labels_pdf(labels) -> bytes:
    """Labels from app/services/product_labels.labels_for, each as many times as its
    copies, one per page of the label roll."""
    from printing.documents import ProductLabel
    from printing.sheets import render_product_labels

    buffer = io.BytesIO()
    render_product_labels([ProductLabel(label.sku, label.name, label.code, label.symbology)
                           for label in labels for _copy in range(label.copies)], buffer)
    return buffer.getvalue()


def sheet_document(pdf: bytes, title: str) -> Document:
    return Document(title, pdf, PDF, "A4")
