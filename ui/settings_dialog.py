"""Station settings: language, idle lock, label printer, scanners, sounds."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.settings import StationSettings
from ui.i18n import LANGUAGES

PRINTER_KINDS = ("pdf_folder", "cups", "zpl_tcp")


class SettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))
        self._original = settings
        self.station = QLineEdit(settings.station_id, self)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.idle_lock_minutes)
        self.printer = QComboBox(self)
        for kind, caption in zip(PRINTER_KINDS, (self.tr("Save as PDF in a folder"),
                                                 self.tr("System print queue (CUPS)"),
                                                 self.tr("ZPL thermal printer (TCP 9100)")),
                                 strict=True):
            self.printer.addItem(caption, kind)
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.label_printer)))
        self.target = QLineEdit(settings.label_printer_target, self)
        self.target.setPlaceholderText(self.tr("folder, queue name, or host:port"))
        self.paper = QComboBox(self)
        self.paper.addItems(["4x6", "100x150"])
        self.paper.setCurrentText(settings.label_size)
        self.serial = QLineEdit(settings.serial_port, self)
        self.serial.setPlaceholderText("/dev/ttyACM0")
        self.scale_port = QLineEdit(settings.scale_port, self)
        self.scale_port.setPlaceholderText("/dev/ttyUSB0, /dev/hidraw0")
        self.scale_protocol = QComboBox(self)
        for kind, caption in (("text", "ST,GS,+ 1.234kg"), ("mt-sics", "Mettler Toledo MT-SICS"),
                              ("cas", "CAS"), ("hid", "USB HID POS")):
            self.scale_protocol.addItem(caption, kind)
        self.scale_protocol.setCurrentIndex(
            max(0, self.scale_protocol.findData(settings.scale_protocol)))
        self.camera = QLineEdit(settings.camera, self)
        self.camera.setPlaceholderText(self.tr("camera number, or a video file"))
        self.gap = QSpinBox(self)
        self.gap.setRange(5, 100)
        self.gap.setSuffix(" ms")
        self.gap.setValue(settings.wedge_max_mean_gap_ms)
        self.sounds = QCheckBox(self.tr("Play sounds"), self)
        self.sounds.setChecked(settings.sounds)
        self._build_layout()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Station id"), self.station)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock when idle after"), self.idle)
        form.addRow(self.tr("Label printer"), self.printer)
        form.addRow(self.tr("Printer address"), self.target)
        form.addRow(self.tr("Label size"), self.paper)
        form.addRow(self.tr("Serial scanner port"), self.serial)
        form.addRow(self.tr("Scale port"), self.scale_port)
        form.addRow(self.tr("Scale protocol"), self.scale_protocol)
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("Scanner key gap (mean, at most)"), self.gap)
        form.addRow("", self.sounds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The label printer is used at once; language and "
                                        "scanner changes apply when Packdesk starts again."),
                                self))
        layout.addWidget(buttons)

    def settings(self) -> StationSettings:
        return replace(
            self._original, station_id=self.station.text().strip(),
            language=self.language.currentData(), idle_lock_minutes=self.idle.value(),
            label_printer=self.printer.currentData(),
            label_printer_target=self.target.text().strip(), label_size=self.paper.currentText(),
            serial_port=self.serial.text().strip(), camera=self.camera.text().strip(),
            scale_port=self.scale_port.text().strip(),
            scale_protocol=self.scale_protocol.currentData(),
            wedge_max_mean_gap_ms=self.gap.value(), sounds=self.sounds.isChecked())
