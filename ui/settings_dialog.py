"""The station set-up, one screen in pages: the station (id, language, idle lock), the
label and slip printers with a test page each, the scanners with the hardware self-test,
the camera with its picture, and the scale with its live weight. For supervisors
(app/services/permissions.py, Screen.STATION_SETTINGS)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.settings import StationSettings
from ui.i18n import LANGUAGES
from ui.station_setup import StationDevices, TestPrint, offer_cups_queues

PRINTER_KINDS = ("pdf_folder", "cups", "zpl_tcp")


class SettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, parent: QWidget | None = None,
                 read_clips_disk=None, devices: StationDevices | None = None) -> None:
        """`read_clips_disk(on_done)` reads the pack videos' disk off the main thread
        (ui.clips_disk.ClipsDiskWatch.report); None: the station films nothing. With
        `devices` the screen also prints test pages, runs the scanner check and shows the
        camera's picture and the scale's weight."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))
        self._original = settings
        self.devices = devices
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
        self.slip_printer = QComboBox(self)  # packing and return slips (the README names it)
        for kind, caption in zip(PRINTER_KINDS[:2], (self.tr("Save as PDF in a folder"),
                                                     self.tr("System print queue (CUPS)")),
                                 strict=True):
            self.slip_printer.addItem(caption, kind)
        self.slip_printer.setCurrentIndex(
            max(0, self.slip_printer.findData(settings.slip_printer)))
        self.slip_target = QLineEdit(settings.slip_printer_target, self)
        self.slip_target.setPlaceholderText(self.tr("folder, or queue name"))
        self.slip_paper = QComboBox(self)
        for paper, caption in (("A4", "A4"), ("Letter", self.tr("Letter"))):
            self.slip_paper.addItem(caption, paper)  # the setting keeps the paper's own name
        self.slip_paper.setCurrentIndex(max(0, self.slip_paper.findData(settings.slip_paper)))
        self.serial = QLineEdit(settings.serial_port, self)
        self.serial.setPlaceholderText("/dev/ttyACM0")
        self.scale_port = QLineEdit(settings.scale_port, self)
        self.scale_port.setPlaceholderText("/dev/ttyUSB0, /dev/hidraw0")
        self.scale_protocol = QComboBox(self)
        for kind, caption in (("text", "ST,GS,+ 1.234kg"), ("mt-sics", "Mettler Toledo MT-SICS"),
                              ("cas", "CAS"), ("dibal", "Dibal POS"), ("hid", "USB HID POS")):
            self.scale_protocol.addItem(caption, kind)
        self.scale_protocol.setCurrentIndex(
            max(0, self.scale_protocol.findData(settings.scale_protocol)))
        self.camera = QLineEdit(settings.camera, self)
        self.camera.setPlaceholderText(self.tr("camera number, or a video file"))
        self.gap = QSpinBox(self)
        self.gap.setRange(5, 100)
        self.gap.setSuffix(self.tr(" ms"))
        self.gap.setValue(settings.wedge_max_mean_gap_ms)
        self.sounds = QCheckBox(self.tr("Play sounds"), self)
        self.sounds.setChecked(settings.sounds)
        self.full_screen = QCheckBox(self.tr("Full screen (F11)"), self)
        self.full_screen.setChecked(settings.full_screen)
        self.clips_disk = QLabel(self.tr("Reading the clips' disk…") if read_clips_disk
                                 else self.tr("No pack videos at this station"), self)
        self.clips_disk.setWordWrap(True)
        self._build_layout()
        if devices is not None:  # room for the camera's picture, within the screen
            area = (parent.screen() if parent is not None else self.screen()).availableGeometry()
            self.resize(min(940, area.width() - 20), min(720, area.height() - 80))
        if read_clips_disk is not None:
            read_clips_disk(self._on_clips_disk_read)

    def _on_clips_disk_read(self, view) -> None:
        from ui.clips_disk import disk_text

        self.clips_disk.setText(disk_text(view))
        self.clips_disk.setStyleSheet("color: #b00020;" if view.low else "")
        # the lines that came in need their room (a form row keeps its first height)
        self.clips_disk.setMinimumHeight(self.clips_disk.heightForWidth(
            max(self.clips_disk.width(), 360)))
        self.adjustSize()

    def _build_layout(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._page(self._station_rows()), self.tr("Station"))
        self.tabs.addTab(self._printers_page(), self.tr("Printers"))
        self.tabs.addTab(self._scanners_page(), self.tr("Scanners"))
        self.tabs.addTab(self._camera_page(), self.tr("Camera"))
        self.tabs.addTab(self._scale_page(), self.tr("Scale"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        note = QLabel(self.tr("The label printer, the language and full screen are used at "
                              "once; slip printer and scanner changes apply when Packdesk "
                              "starts again."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.finished.connect(self._on_finished)

    def _page(self, rows, below: QWidget | None = None, fill: bool = True) -> QWidget:
        """A page: its form, then its check, which takes the room left when it `fill`s
        (the camera's picture, the scanners' list); else it stays under the form."""
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QFormLayout()
        for caption, field in rows:
            form.addRow(caption, field)
        column.addLayout(form)
        if below is not None:
            column.addWidget(below, 1 if fill else 0)
        if below is None or not fill:
            column.addStretch(1)
        return page

    def _station_rows(self):
        return [(self.tr("Station id"), self.station), (self.tr("Language"), self.language),
                (self.tr("Lock when idle after"), self.idle),
                (self.tr("Pack videos"), self.clips_disk), ("", self.sounds),
                ("", self.full_screen)]

    def _printers_page(self) -> QWidget:
        devices = self.devices
        self.label_test = self.slip_test = None
        label_rows = [(self.tr("Label printer"), self.printer),
                      (self.tr("Printer address"), self.target), (self.tr("Label size"), self.paper)]
        slip_rows = [(self.tr("Slip printer"), self.slip_printer),
                     (self.tr("Slip printer address"), self.slip_target),
                     (self.tr("Slip paper"), self.slip_paper)]
        if devices is not None:
            self.label_test = TestPrint(self.tr("Print a test label"), devices,
                                        lambda: devices.label_route(self.settings()), self)
            self.slip_test = TestPrint(self.tr("Print the test card"), devices,
                                       lambda: devices.slip_route(self.settings()), self)
            label_rows.append(("", self.label_test))
            slip_rows.append(("", self.slip_test))
        labels, slips = QGroupBox(self.tr("Shipping labels"), self), QGroupBox(
            self.tr("Packing slips, return slips and sheets"), self)
        for box, rows in ((labels, label_rows), (slips, slip_rows)):
            form = QFormLayout(box)
            for caption, field in rows:
                form.addRow(caption, field)
        self.queues_note = QLabel(self)
        self.queues_note.setWordWrap(True)
        if devices is not None:
            offer_cups_queues(devices.tasks, [self.target, self.slip_target], self.queues_note)
        page = QWidget(self)
        column = QVBoxLayout(page)
        for widget in (labels, slips, self.queues_note):
            column.addWidget(widget)
        column.addStretch(1)
        return page

    def _scanners_page(self) -> QWidget:
        rows = [(self.tr("Serial scanner port"), self.serial),
                (self.tr("Scanner key gap (mean, at most)"), self.gap)]
        self.self_test = None
        if self.devices is None:
            return self._page(rows)
        from ui.selftest import HardwareSelfTest

        self.self_test = HardwareSelfTest(self.devices.sources, self)
        return self._page(rows, self.self_test)

    def _camera_page(self) -> QWidget:
        from ui.station_setup import CameraCheck

        self.camera_check = CameraCheck(self.camera, self.devices, self)
        return self._page([], self.camera_check)

    def _scale_page(self) -> QWidget:
        rows = [(self.tr("Scale port"), self.scale_port),
                (self.tr("Scale protocol"), self.scale_protocol)]
        scale = self.devices.scale if self.devices is not None else None
        self.scale_check = None
        if scale is None:
            none = QLabel(self.tr("No scale is running at this station. Give its port and "
                                  "protocol, save, and start Packdesk again: its live "
                                  "weight shows here."), self)
            none.setWordWrap(True)
            return self._page(rows, none, fill=False)
        from ui.selftest import ScaleCheck

        self.scale_check = ScaleCheck(scale, self)
        return self._page(rows, self.scale_check, fill=False)

    def _on_finished(self) -> None:
        self.camera_check.stop()

    def settings(self) -> StationSettings:
        return replace(
            self._original, station_id=self.station.text().strip(),
            language=self.language.currentData(), idle_lock_minutes=self.idle.value(),
            label_printer=self.printer.currentData(),
            label_printer_target=self.target.text().strip(), label_size=self.paper.currentText(),
            slip_printer=self.slip_printer.currentData(),
            slip_printer_target=self.slip_target.text().strip(),
            slip_paper=self.slip_paper.currentData(),
            serial_port=self.serial.text().strip(), camera=self.camera.text().strip(),
            scale_port=self.scale_port.text().strip(),
            scale_protocol=self.scale_protocol.currentData(),
            wedge_max_mean_gap_ms=self.gap.value(), sounds=self.sounds.isChecked(),
            full_screen=self.full_screen.isChecked())
