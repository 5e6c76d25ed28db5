"""Tools → Shipping-upload file for a marketplace…: a supervisor writes one channel's packed
orders in its platform's bulk-shipping (批量发货) template (sync/shipping_upload.py), as
`packdesk shipments export` does. The channels are read and the file is written off the main
thread; the export marks the orders in their trails, so it is a store write (a StoreOp on the
I/O pool: it waits on the disk) that says it changed orders.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.channel_stock import list_channels
from sync.shipping_upload import TEMPLATES, UploadResult, export_shipping_upload, platform_name
from ui.i18n import core_text, error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.tasks import TaskManager

ORDERS_MARKED = OpChanges(orders=True)  # each exported order's trail says so


class ShippingUploadDialog(QDialog):
    """Channel, first day and whether to take the orders exported before; then the file."""

    def __init__(self, uow_factory, tasks: TaskManager, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shipping-upload file for a marketplace"))
        self.uow_factory, self.tasks, self.who = uow_factory, tasks, who
        self.channel = QComboBox(self)
        self.channel.setObjectName("channel")
        # the store's channels arrive after the dialog shows: the box grows to show them whole
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumWidth(440)
        self.since = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.again = QCheckBox(self.tr("Also orders exported before"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Packed on or after"), self.since)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.again)
        layout.addWidget(self.export_button)
        layout.addWidget(self.status)
        for kind in sorted(TEMPLATES):  # orders imported from a platform's CSV, by its name
            self.channel.addItem(f"{kind} ({core_text(platform_name(kind))})", kind)
        QueryOp(self, tasks, lambda: list_channels(uow_factory()), self._on_channels_read) \
            .failure(self._on_failed).run_in_background()

    def _on_channels_read(self, channels) -> None:
        for view in channels:
            if view.kind in TEMPLATES and self.channel.findData(view.code) < 0:
                name = view.name or core_text(platform_name(view.kind))
                label = view.code if name == view.code else f"{view.code} ({name})"
                self.channel.insertItem(0, label, view.code)
        self.channel.setCurrentIndex(0)

    def chosen_since(self) -> datetime:
        day = self.since.date().toPython()
        return datetime.combine(day, datetime.min.time()).astimezone(UTC)

    def _on_export_clicked(self) -> None:
        channel = self.channel.currentData()
        kind = TEMPLATES.get(channel)
        suffix = kind.suffix if kind else ".xlsx"
        proposed = f"{channel}-shipping-upload-{datetime.now().date().isoformat()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the shipping-upload file"),
                                              proposed, self.tr("Upload files (*.csv *.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        channel, since, again = self.channel.currentData(), self.chosen_since(), \
            self.again.isChecked()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing {0}…").format(path))
        StoreOp(self, self.tasks, lambda: export_shipping_upload(
            self.uow_factory, channel, since, path, self.who, again), ORDERS_MARKED) \
            .on_io_pool().success(self._on_exported).failure(self._on_failed) \
            .run_in_background(self)

    def _on_exported(self, result: UploadResult) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("{0} orders written to {1}. Upload it in the {2} seller "
                                    "centre's bulk shipping.").format(
            result.rows, result.path, core_text(platform_name(result.kind))))

    def _on_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(error_text(error))
