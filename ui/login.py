"""Log in with name and PIN; also the lock screen after the bench sat idle."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import PackdeskError
from app.services.auth import PackerView
from app.services.bench import PackBenchService
from ui.i18n import error_text
from ui.ops import StoreOp
from ui.tasks import TaskManager


class LoginPage(QWidget):
    logged_in = Signal(object)  # PackerView

    def __init__(self, service: PackBenchService, tasks: TaskManager, station: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        title = QLabel(self.tr("Packdesk"), self)
        title.setStyleSheet("font-size: 48px; font-weight: 700;")
        self.station_label = QLabel(self.tr("Station {0}").format(station), self)
        self.station_label.setStyleSheet("font-size: 18px; color: #555;")
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setFixedWidth(720)  # centred and wrapped: it needs a width to wrap at
        self.notice.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.notice.setStyleSheet("font-size: 20px;")
        self.name = QLineEdit(self)
        self.name.setObjectName("loginName")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("loginPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.name, self.pin):
            field.setStyleSheet("font-size: 28px; padding: 6px;")
            field.setMinimumWidth(380)
        self.button = QPushButton(self.tr("Log in"), self)
        self.button.setStyleSheet("font-size: 24px; padding: 8px 24px;")
        form_box = QWidget(self)
        form_box.setMaximumWidth(560)
        form = QFormLayout(form_box)
        name_label, pin_label = QLabel(self.tr("Name"), self), QLabel(self.tr("PIN"), self)
        for label in (name_label, pin_label):
            label.setStyleSheet("font-size: 24px;")
        form.addRow(name_label, self.name)
        form.addRow(pin_label, self.pin)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, self.station_label):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(24)
        column.addWidget(form_box, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        # the whole width, centred text: a wrapped label laid out with an alignment gets its
        # one-line height and cuts a long notice (a lock-out, an order left open) off
        self.notice.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.notice.setContentsMargins(40, 0, 40, 0)
        column.addWidget(self.notice)
        column.addStretch(2)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._on_button_clicked)
        self.button.clicked.connect(self._on_button_clicked)

    def reset(self, notice: str = "", name: str = "") -> None:
        self.name.setText(name)
        self.pin.clear()
        self._set_notice(notice, error=False)
        (self.pin if name else self.name).setFocus()

    def take_scan(self, text: str) -> None:
        """A scanned name or PIN goes where the cursor is, as if typed and entered."""
        if self.pin.hasFocus() or self.name.text().strip():
            self.pin.setText(text)
            self._on_button_clicked()
        else:
            self.name.setText(text)
            self.pin.setFocus()

    def _on_button_clicked(self) -> None:
        name, pin = self.name.text().strip(), self.pin.text()
        if not name or not pin:
            self._set_notice(self.tr("Enter your name and PIN."), error=True)
            return
        self.button.setEnabled(False)
        # a write (the log-in is recorded, a lock-out counted) no other view shows; on the
        # store worker, after the people change that added this packer a moment ago
        StoreOp(self, self.tasks, lambda: self.service.log_in(name, pin)) \
            .success(self._on_logged_in).failure(self._on_failed).run_in_background(self)

    def _on_logged_in(self, packer: PackerView) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.logged_in.emit(packer)

    def _on_failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        message = error_text(error) if isinstance(error, PackdeskError) else repr(error)
        self._set_notice(message, error=True)

    def _set_notice(self, text: str, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("font-size: 20px; color: %s;" % ("#b71c1c" if error else "#333"))
