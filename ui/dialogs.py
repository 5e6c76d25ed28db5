"""Small dialogs of the bench: supervisor approval, confirm by hand, pick one order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.commands import SupervisorApproval
from app.services.views import Candidate, LineView
from ui.board_model import status_label


class SupervisorDialog(QDialog):
    """A supervisor's name, PIN and reason, for a hold or a partial shipment."""

    def __init__(self, title: str, reasons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def approval(self) -> SupervisorApproval:
        return SupervisorApproval(self.name.text(), self.pin.text(), self.reason.currentText())

    def on_scanned(self, text: str, _symbology: str = "", _source: str = "") -> None:
        """A badge or PIN scanned while the dialog is open fills it, name first, as typed;
        it never submits a half-filled approval, and never reaches the bench behind."""
        text = text.strip()
        if not text:
            return
        if self.pin.hasFocus() or (self.name.text().strip() and not self.pin.text()):
            self.pin.setText(text)
            self.reason.setFocus()
        else:
            self.name.setText(text)
            self.pin.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        """Enter goes to the next empty field (a short badge arrives as typed keys and
        Enter); only with a name and a PIN does it submit."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.name.text().strip():
                self.name.setFocus()
                return
            if not self.pin.text():
                self.pin.setFocus()
                return
        super().keyPressEvent(event)


class ConfirmByHandDialog(QDialog):
    """An item whose barcode cannot be read, confirmed with a reason code (audited)."""

    def __init__(self, lines: tuple[LineView, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm an item by hand"))
        self.line = QComboBox(self)
        for line in lines:
            if not line.complete:
                whose = f"{line.order_number}  " if line.order_number else ""
                self.line.addItem(f"{whose}{line.sku}  {line.name}  "
                                  f"({line.verified}/{line.quantity})", line.sku)
        self.reason = QComboBox(self)
        self.reason.addItems([self.tr("Barcode damaged"), self.tr("No barcode on item"),
                              self.tr("Barcode will not scan"), self.tr("Scanner not working")])
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.line)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        return self.line.currentData(), self.reason.currentText()


class PickOrderDialog(QDialog):
    """Several orders match a scan: the packer picks one."""

    def __init__(self, candidates: tuple[Candidate, ...], parent: QWidget | None = None,
                 prompt: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which order?"))
        self.list = QListWidget(self)
        for candidate in candidates:
            item = QListWidgetItem(f"{candidate.number}   {candidate.channel}   "
                                   f"{candidate.buyer_name}   [{status_label(candidate.status)}]")
            item.setData(Qt.ItemDataRole.UserRole, candidate.number)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt or self.tr("More than one order matches this scan:"),
                                self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
