"""Receiving by scanning: open a receipt, scan what arrived, close it.

A GS1 code (GS1-128, DataMatrix) is split here, at the UI's edge: its GTIN is the product,
AI 10 the lot and AI 17 the expiry; AI 30/37 a count. The core only sees plain fields.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.lots import ReceiptStatus
from app.services import receiving as rc
from app.services.unit_of_work import StockUnitOfWorkFactory
from scanners.gs1 import Gs1Error, is_gs1, parse
from ui.dialogs import SupervisorDialog
from ui.i18n import core_text
from ui.ops import OpChanges, StoreOp
from ui.stock_history import STOCK_CHANGED, error_text, fill_table, read_only_table
from ui.tasks import TaskManager


@dataclass(frozen=True)
class InboundScan:
    code: str
    lot: str = ""
    expiry: date | None = None
    count: int | None = None
    gs1: bool = False  # lot and expiry come from the code itself


def split_scan(text: str, symbology: str = "") -> InboundScan:
    """A plain code stays as it is; a GS1 code gives its GTIN, lot, expiry and count."""
    text = text.strip("\r\n")
    if not is_gs1(text, symbology):
        return InboundScan(text.strip())
    scan = parse(text)  # Gs1Error says what is wrong with the code
    if not scan.gtin:
        raise Gs1Error("the GS1 code carries no GTIN (01 or 02): scan the product's code")
    return InboundScan(scan.gtin, scan.lot or "", scan.expiry, scan.count, gs1=True)


class AttachCodeDialog(SupervisorDialog):
    """A supervisor puts a code nobody knows on a product: the SKU, how many units the
    code stands for (a case code counts its units), and the supervisor's name and PIN."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attach {code} to a product").format(code=code),
                         [self.tr("New supplier barcode"), self.tr("Case code")], parent)
        self.sku = QLineEdit(self)
        self.sku.setObjectName("attachSku")
        self.pack_quantity = QSpinBox(self)
        self.pack_quantity.setRange(1, rc.MAX_UNITS_PER_SCAN)
        form = self.findChild(QFormLayout)
        form.insertRow(0, self.tr("Product (SKU)"), self.sku)
        form.insertRow(1, self.tr("Units per scan of this code"), self.pack_quantity)
        self.sku.setFocus()

    def on_scanned(self, text: str, _symbology: str = "", _source: str = "") -> None:
        """The product's shelf label or an already known code of it names the SKU first;
        then the badge fills the supervisor and the PIN as in every approval."""
        if not self.sku.text().strip() or self.sku.hasFocus():
            self.sku.setText(text.strip())
            self.name.setFocus()
            return
        super().on_scanned(text, _symbology, _source)


class ReceivingWidget(QWidget):
    """One receipt at a time; every scan adds stock at once, undo takes the last back."""

    received = Signal(object)  # a ReceiptView after each change

    def __init__(self, tasks: TaskManager, uow: StockUnitOfWorkFactory, person: str,
                 station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.uow, self.person = tasks, uow, person
        self.receipt: rc.ReceiptView | None = None
        self.reference = QLineEdit(self)
        self.supplier = QLineEdit(self)
        self.open_button = QPushButton(self.tr("Open receipt"), self)
        self.scan = QLineEdit(self)
        self.scan.setPlaceholderText(self.tr("Scan an item (GS1 codes fill lot and expiry)"))
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, rc.MAX_UNITS_PER_SCAN)
        self.lot = QLineEdit(self)
        self.has_expiry = QCheckBox(self.tr("Expires"), self)
        self.expiry = QDateEdit(self)
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.undo_button = QPushButton(self.tr("Undo last scan"), self)
        self.close_button = QPushButton(self.tr("Close receipt"), self)
        self.attach_button = QPushButton(self.tr("Attach to a product…"), self)
        self.attach_button.setObjectName("attachCode")
        self.attach_button.hide()
        self.unknown: rc.ReceiveScan | None = None  # the refused scan a supervisor may attach
        self.attach_dialog: AttachCodeDialog | None = None
        self.status = QLabel(self.tr("Station {station}: no receipt open.")
                             .format(station=station), self)
        self.message = QLabel(self)
        self.lines = read_only_table(self, [self.tr("SKU"), self.tr("Product"),
                                            self.tr("Units"), self.tr("Lot"),
                                            self.tr("Expires")])
        self._build_layout()
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.scan.returnPressed.connect(self._on_scan_return_pressed)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self._set_open(False)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Delivery note"), self.reference)
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Scan"), self.scan)
        form.addRow(self.tr("Units per scan"), self.quantity)
        form.addRow(self.tr("Lot"), self.lot)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.has_expiry)
        expiry_row.addWidget(self.expiry)
        form.addRow(self.tr("Expiry"), expiry_row)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.undo_button, self.close_button,
                       self.attach_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.lines)

    def _set_open(self, is_open: bool) -> None:
        for widget in (self.scan, self.undo_button, self.close_button):
            widget.setEnabled(is_open)
        for widget in (self.reference, self.supplier, self.open_button):
            widget.setEnabled(not is_open)

    def _run(self, work, on_done=None) -> None:
        StoreOp(self, self.tasks, work, STOCK_CHANGED).success(on_done or self._on_view) \
            .failure(self._on_failed).run_in_background(self)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        cmd = rc.OpenReceipt(self.person, self.reference.text(), self.supplier.text())
        self._run(lambda: rc.open_receipt(cmd, self.uow()))

    @Slot(str, str, str)
    def on_scanned(self, text: str, symbology: str = "", source: str = "") -> None:
        """Connect a scan source's `scanned` signal here while the screen is shown."""
        if self.attach_dialog is not None:  # the SKU and the badge go to the dialog
            self.attach_dialog.on_scanned(text, symbology, source)
            return
        if self.receipt is None:
            self.message.setText(self.tr("Open a receipt before scanning."))
            return
        try:
            inbound = split_scan(text, symbology)
        except Gs1Error as exc:
            self.message.setText(self.tr("Not a readable GS1 code: {why}").format(why=exc))
            return
        if inbound.gs1:  # the code says it all; what was typed before does not apply
            self.lot.setText(inbound.lot)
            self.has_expiry.setChecked(inbound.expiry is not None)
            if inbound.expiry is not None:
                self.expiry.setDate(QDate(inbound.expiry.year, inbound.expiry.month,
                                          inbound.expiry.day))
        expiry = self.expiry.date().toPython() if self.has_expiry.isChecked() else None
        cmd = rc.ReceiveScan(self.receipt.id, uuid.uuid4().hex, inbound.code, self.person,
                             inbound.count or self.quantity.value(), self.lot.text(), expiry)
        self._forget_unknown()
        StoreOp(self, self.tasks, lambda: rc.receive_scan(cmd, self.uow()), STOCK_CHANGED) \
            .success(self._on_view).failure(lambda error: self._on_scan_failed(cmd, error)) \
            .run_in_background(self)

    @Slot()
    def _on_scan_return_pressed(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.on_scanned(text, "", "keyboard")

    @Slot()
    def _on_undo_button_clicked(self) -> None:
        if self.receipt is not None:
            receipt_id = self.receipt.id
            self._run(lambda: rc.undo_last(receipt_id, self.person, self.uow()))

    @Slot()
    def _on_close_button_clicked(self) -> None:
        if self.receipt is not None:
            receipt_id = self.receipt.id
            self._run(lambda: rc.close_receipt(receipt_id, self.person, self.uow()))

    def _on_view(self, view: rc.ReceiptView) -> None:
        is_open = view.status == ReceiptStatus.OPEN
        self.receipt = view if is_open else None
        self._set_open(is_open)
        self.status.setText(self.tr("Receipt {reference} ({status}): {units} units of "
                                    "{skus} SKUs").format(
            reference=view.reference, status=view.status, units=sum(view.units.values()),
            skus=len(view.units)))
        self.message.setText(core_text(view.message))
        fill_table(self.lines, [(line.sku, line.name, line.quantity, line.lot, line.expiry)
                                for line in reversed(view.lines)])
        if not is_open:
            self.reference.clear()
            self.lot.clear()
            self.has_expiry.setChecked(False)
        self.received.emit(view)

    def _on_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(self, error))

    def _on_scan_failed(self, cmd: rc.ReceiveScan, error: BaseException) -> None:
        self._on_failed(error)
        if isinstance(error, rc.UnknownProductCode):
            self.unknown = cmd
            self.attach_button.setText(self.tr("Attach {code} to a product…")
                                       .format(code=error.code))
            self.attach_button.show()

    def _forget_unknown(self) -> None:
        self.unknown = None
        self.attach_button.hide()

    @Slot()
    def _on_attach_button_clicked(self) -> None:
        scan = self.unknown
        if scan is None:
            return
        self.attach_dialog = dialog = AttachCodeDialog(scan.text, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.attach_dialog = None
            return
        self.attach_dialog = None
        cmd = rc.AttachAndReceive(scan, dialog.sku.text().strip(), dialog.approval(),
                                  dialog.pack_quantity.value())
        # the code is the product's from now on, and its units are stock
        StoreOp(self, self.tasks, lambda: rc.attach_and_receive(cmd, self.uow()),
                STOCK_CHANGED | OpChanges(products=True)) \
            .success(self._on_attached).failure(self._on_failed).run_in_background(self)

    def _on_attached(self, view: rc.ReceiptView) -> None:
        self._forget_unknown()
        self._on_view(view)
