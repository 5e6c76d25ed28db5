"""The parts of the station set-up screen (ui/settings_dialog.py) that talk to devices: a
test page on a printer with what the print queue says of it, the CUPS queues offered,
and the camera's picture. The devices come in as a StationDevices (main.py wires them);
without one the screen is the plain settings form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from printing.printers import PrinterUnavailable, cups_queues
from printing.spooler import JobState, PrintJob, Spooler
from printing.station import Route, make_printer
from printing.test_card import test_page
from ui.i18n import core_text, error_text
from ui.ops import OpChanges, QueryOp, StoreOp
from ui.pack_bench_label import job_text
from ui.tasks import TaskManager

_GOOD, _BAD, _WAIT = "color: #1b7f2a;", "color: #b3261e;", "color: #8a6d00;"
QUEUE_POLL_MS = 500
QUEUE_POLL_TRIES = 120  # a minute of asking the print queue before saying "check it"
_QUEUE_DONE = ("completed", "aborted", "canceled", "stopped")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


@dataclass
class StationDevices:
    """What the set-up screen tests: the spooler (test pages go through it like every
    job), the routes the form's printers make, the scan sources, the scale and camera."""

    tasks: TaskManager
    spooler: Spooler
    job_changed: object  # ui.print_log.PrintBridge.job_changed, the spooler's news
    label_route: Callable[[object], Route]  # StationSettings -> Route
    slip_route: Callable[[object], Route]
    sources: list = field(default_factory=list)
    scale: object | None = None
    camera: object | None = None  # the bench's running CameraScanner, if any
    language: str = "en"  # the words on the test pages
    open_camera: Callable[[str], object] | None = None  # a preview-only CameraScanner


class TestPrint(QWidget):
    """A "Print a test page" button and what became of the page: queued, waiting for the
    printer (and why), taken, and for a CUPS queue the job's state from the queue itself."""

    __test__ = False  # not a pytest class, whatever its name
    finished = Signal(bool)  # True: the printer (or its queue) says it printed

    def __init__(self, caption: str, devices: StationDevices, route_of: Callable[[], Route],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices, self.route_of = devices, route_of
        self.job_id: int | None = None
        self._tries = 0
        self._asks_queue = False
        self.button = QPushButton(caption, self)
        self.button.clicked.connect(self._on_button_clicked)
        self.status = QLabel(self.tr("Not printed yet."), self)
        self.status.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.status, 1)
        devices.job_changed.connect(self._on_job_changed)

    def _on_button_clicked(self) -> None:
        try:
            route = self.route_of()
            printer = make_printer(route)
            document = test_page(route, self.devices.language)
        except ValueError as exc:  # an address the form cannot make a printer of
            self._say(self.tr("Not printed: %1").replace("%1", core_text(str(exc.args[0]))),
                      _BAD)
            return
        self.button.setEnabled(False)
        self.job_id, self._tries = None, 0
        self._asks_queue = hasattr(printer, "job_state")
        self._say(self.tr("Sending the test page to %1…").replace("%1", job_text(printer.name)),
                  "")
        spooler = self.devices.spooler
        StoreOp(self, self.devices.tasks, lambda: spooler.submit(printer, document),
                OpChanges(print_jobs=True)).success(self._on_submitted) \
            .failure(self._on_submit_failed).run_in_background(self)

    def _on_submitted(self, job_id: int) -> None:
        self.job_id = job_id
        self._show(self.devices.spooler.job(job_id))  # news that came before the id did

    def _on_submit_failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self._say(self.tr("Not printed: %1").replace("%1", error_text(error)), _BAD)
        self.finished.emit(False)

    def _on_job_changed(self, job: PrintJob) -> None:
        if self.job_id is not None and job.id == self.job_id:
            self._show(job)

    def _show(self, job: PrintJob) -> None:
        printer = job_text(job.printer)
        if job.state is JobState.QUEUED and job.reason:
            self._say(self.tr("Job %1 waits for %2: %3. It prints when the printer is back.")
                      .replace("%1", str(job.id)).replace("%2", printer)
                      .replace("%3", job_text(job.reason)), _WAIT)
            self.button.setEnabled(True)
        elif job.state in (JobState.QUEUED, JobState.SENT):
            self._say(self.tr("Job %1 is going to %2…").replace("%1", str(job.id))
                      .replace("%2", printer), "")
        elif job.state is JobState.ACCEPTED and self._asks_queue:
            self._say(self.tr("%1 took job %2 (its job %3); asking the queue whether it "
                              "printed…").replace("%1", printer).replace("%2", str(job.id))
                      .replace("%3", job.reference), "")
            self._ask_queue()
        elif job.state is JobState.ACCEPTED:
            self.button.setEnabled(True)
            self._say(self.tr("Printed: %1 took the test page.").replace("%1", printer), _GOOD)
            self.finished.emit(True)
        elif job.state in (JobState.FAILED, JobState.CANCELLED):
            self.button.setEnabled(True)
            self._say(self.tr("Not printed: %1").replace("%1", job_text(job.reason)), _BAD)
            self.finished.emit(False)

    def _ask_queue(self) -> None:
        job_id, spooler = self.job_id, self.devices.spooler
        if job_id is None:
            return
        QueryOp(self, self.devices.tasks, lambda: spooler.printer_state(job_id),
                lambda state: self._on_queue_answered(job_id, state)) \
            .failure(self._on_submit_failed).run_in_background()

    def _on_queue_answered(self, job_id: int, state: str | None) -> None:
        if job_id != self.job_id:
            return  # a newer test page is on its way
        words = {"pending": self.tr("waiting in the queue"), "held": self.tr("held"),
                 "processing": self.tr("printing"), "stopped": self.tr("stopped"),
                 "canceled": self.tr("cancelled"), "aborted": self.tr("aborted"),
                 "completed": self.tr("completed")}
        said = words.get(state or "", core_text(state or "unknown"))
        if state == "completed":
            self.button.setEnabled(True)
            self._say(self.tr("Printed: the print queue says job %1 is completed.")
                      .replace("%1", str(job_id)), _GOOD)
            self.finished.emit(True)
        elif state in _QUEUE_DONE:
            self.button.setEnabled(True)
            self._say(self.tr("Not printed: the print queue says job %1 is %2. Look at the "
                              "printer, then print the test page again.")
                      .replace("%1", str(job_id)).replace("%2", said), _BAD)
            self.finished.emit(False)
        elif self._tries >= QUEUE_POLL_TRIES:
            self.button.setEnabled(True)
            self._say(self.tr("The print queue still says job %1 is %2: look at the printer.")
                      .replace("%1", str(job_id)).replace("%2", said), _WAIT)
            self.finished.emit(False)
        else:
            self._tries += 1
            self._say(self.tr("The print queue says job %1 is %2…").replace(
                "%1", str(job_id)).replace("%2", said), "")
            QTimer.singleShot(QUEUE_POLL_MS, self, self._ask_queue)

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)


def offer_cups_queues(tasks: TaskManager, fields: list[QLineEdit], note: QLabel) -> None:
    """Say which CUPS queues this machine has (asked on the I/O pool), and offer them as
    the address fields' completions."""
    from PySide6.QtWidgets import QCompleter

    def shown(queues: list[str]) -> None:
        for line in fields:
            line.setCompleter(QCompleter(queues, line))
        note.setText(tr("CUPS queues on this computer: %1").replace(
            "%1", ", ".join(queues)) if queues else tr("CUPS has no print queues yet."))

    def failed(error: BaseException) -> None:
        reason = error.reason if isinstance(error, PrinterUnavailable) else str(error)
        note.setText(tr("CUPS cannot be asked for its queues: %1").replace(
            "%1", core_text(reason)))

    QueryOp(note, tasks, cups_queues, shown).failure(failed).run_in_background()


class CameraCheck(QWidget):
    """Pick the camera (a number, or a video file) and see its picture. The bench's own
    camera is shown as it runs; another one is opened for the preview only, and closed with
    the screen."""

    def __init__(self, camera_field: QLineEdit, devices: StationDevices | None,
                 parent: QWidget | None = None) -> None:
        from scanners.preview import CameraPreview

        super().__init__(parent)
        self.field, self.devices = camera_field, devices
        self.previewing = None  # the CameraScanner this screen opened
        self.pick = QComboBox(self)
        self.pick.addItem(self.tr("No camera"), "")
        for index, name in enumerate(_camera_names()):
            self.pick.addItem(self.tr("Camera %1: %2").replace("%1", str(index))
                              .replace("%2", name), str(index))
        self.pick.addItem(self.tr("A number or a video file, typed below"), None)
        found = self.pick.findData(camera_field.text().strip())
        self.pick.setCurrentIndex(found if found >= 0 else self.pick.count() - 1)
        self.pick.activated.connect(self._on_pick_activated)
        self.show_button = QPushButton(self.tr("Show its picture"), self)
        self.show_button.clicked.connect(self._on_show_clicked)
        self.show_button.setVisible(devices is not None)
        self.preview = CameraPreview(self)
        self.preview.setVisible(devices is not None)
        row = QHBoxLayout()
        row.addWidget(self.pick, 1)
        row.addWidget(self.show_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(camera_field)
        column.addWidget(self.preview, 1)

    def _on_pick_activated(self, index: int) -> None:
        value = self.pick.itemData(index)
        if value is not None:
            self.field.setText(value)

    def _on_show_clicked(self) -> None:
        self.stop()
        chosen = self.field.text().strip()
        running = self.devices.camera if self.devices is not None else None
        if running is not None and str(running.source) == chosen:
            self.preview.attach(running)
            return
        if not chosen or self.devices is None or self.devices.open_camera is None:
            self.preview._on_camera_status_changed(self.tr("No camera"))
            return
        self.previewing = self.devices.open_camera(chosen)
        self.preview.attach(self.previewing)
        self.previewing.start()

    def stop(self) -> None:
        if self.previewing is not None:
            self.previewing.stop()
            self.previewing.wait()
            self.previewing = None


def _camera_names() -> list[str]:
    """The cameras Qt sees, by position (the number OpenCV opens, on most machines)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [device.description() for device in QMediaDevices.videoInputs()]


def preview_camera(source: str):
    """A CameraScanner for the set-up's camera page: it outlines the codes it sees in the
    picture, and its scans go nowhere (nothing connects its `scanned`)."""
    from scanners.camera import CameraScanner

    return CameraScanner(int(source) if source.isdigit() else source)
