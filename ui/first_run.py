"""A new store's first run: its first supervisor and this station's name, then the next
steps (products, people, printer, carrier) as links to the screens that do them.

main.py shows the first-run screen instead of the lock screen when the store has nobody
in it yet; the store is set up by the same service as `packdesk init`, which refuses a
store that has data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PackdeskError
from app.services.auth import PackerView
from app.services.people import init_store
from app.services.permissions import Screen
from ui.i18n import error_text
from ui.ops import StoreOp
from ui.tasks import TaskManager


@dataclass(frozen=True)
class FirstRunResult:
    supervisor: PackerView
    station: str


def _big(widget: QWidget, size: int = 22) -> QWidget:
    widget.setStyleSheet(f"font-size: {size}px; padding: 4px;")
    return widget


class FirstRunPage(QWidget):
    """Name and PIN (twice) of the first supervisor, and the station's name."""

    created = Signal(object)  # FirstRunResult

    def __init__(self, uow_factory, tasks: TaskManager, station: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks = uow_factory, tasks
        self.setObjectName("firstRun")
        title = QLabel(self.tr("Welcome to Packdesk"), self)
        title.setStyleSheet("font-size: 40px; font-weight: 700;")
        intro = QLabel(self.tr("This store is new: nobody is in it yet. Set up its first "
                               "supervisor, who adds the products, the packers and the "
                               "printer next."), self)
        intro.setWordWrap(True)
        font = intro.font()
        font.setPixelSize(18)  # a font, not a style sheet: the height below must know it
        intro.setFont(font)
        intro.setFixedWidth(640)  # a centred word-wrapped label needs a width to wrap at
        intro.setMinimumHeight(intro.heightForWidth(640))
        intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.name = QLineEdit(self)
        self.name.setObjectName("firstSupervisor")
        self.pin = QLineEdit(self)
        self.pin_again = QLineEdit(self)
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setPlaceholderText(self.tr("4 to 8 digits"))
        self.station = QLineEdit(station, self)
        self.station.setObjectName("stationName")
        form_box = QWidget(self)
        form_box.setMaximumWidth(640)
        form = QFormLayout(form_box)
        for caption, field in ((self.tr("Supervisor's name"), self.name),
                               (self.tr("PIN"), self.pin),
                               (self.tr("The same PIN again"), self.pin_again),
                               (self.tr("This station's name"), self.station)):
            field.setMinimumWidth(320)
            form.addRow(_big(QLabel(caption, self), 20), _big(field))
        self.button = QPushButton(self.tr("Set up the store"), self)
        self.button.setObjectName("setUpStore")
        self.button.setStyleSheet("font-size: 22px; padding: 8px 24px;")
        self.notice = QLabel(self)
        self.notice.setObjectName("firstRunNotice")
        self.notice.setWordWrap(True)
        self.notice.setFixedWidth(640)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, intro, form_box, self.button, self.notice):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.name.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        self.pin_again.returnPressed.connect(self.station.setFocus)
        self.station.returnPressed.connect(self._on_button_clicked)
        self.button.clicked.connect(self._on_button_clicked)
        self.name.setFocus()

    def _on_button_clicked(self) -> None:
        name, pin, station = self.name.text().strip(), self.pin.text(), self.station.text()
        if not name:
            return self._say(self.tr("Enter the supervisor's name."), error=True)
        if pin != self.pin_again.text():
            self.pin.clear()
            self.pin_again.clear()
            self.pin.setFocus()
            return self._say(self.tr("The two PINs differ; type the PIN twice again."),
                             error=True)
        station = " ".join(station.split())
        if not station:
            return self._say(self.tr("Give this station a name, like bench-1."), error=True)
        self.button.setEnabled(False)
        # the store's first person: no other screen is open yet to be told
        StoreOp(self, self.tasks, lambda: init_store(self.uow_factory(), name, pin)) \
            .success(lambda person: self._on_created(person, station)) \
            .failure(self._on_failed).run_in_background(self)
        return None

    def _on_created(self, person, station: str) -> None:
        self.pin.clear()
        self.pin_again.clear()
        self._say(self.tr("{0} is the supervisor of this store.").format(person.name), False)
        self.created.emit(FirstRunResult(PackerView(person.name, person.role), station))

    def _on_failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.pin_again.clear()
        self._say(error_text(error) if isinstance(error, PackdeskError) else repr(error), True)

    def _say(self, text: str, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setProperty("error", error)
        self.notice.setStyleSheet("font-size: 20px; color: %s;" % ("#b71c1c" if error
                                                                    else "#1b5e20"))


def run_first_run(uow_factory, station: str) -> FirstRunResult | None:
    """The first-run screen in a window of its own, until the store is set up (or the
    window closed: None). main.py runs it before the bench is built, so that the bench
    starts under the station name chosen here."""
    tasks = TaskManager()
    page = FirstRunPage(uow_factory, tasks, station)
    page.setWindowTitle(page.tr("Packdesk — a new store"))
    page.resize(1280, 800)
    loop = QEventLoop()
    done: list[FirstRunResult] = []
    page.created.connect(lambda result: (done.append(result), loop.quit()))
    page.destroyed.connect(loop.quit)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.show()
    loop.exec()
    tasks.shutdown(wait=True)
    if done:
        page.close()
    return done[0] if done else None


class NextStepsPage(QWidget):
    """What a new store needs before its first parcel, each a link to the screen that
    does it; `open_step(screen)` opens it for the supervisor logged in."""

    start_packing = Signal()

    def __init__(self, open_step: Callable[[Screen], object],
                 progress: Callable[[Callable[[dict], None]], None] | None = None,
                 parent: QWidget | None = None) -> None:
        """`progress(done)` reads how far the store is (off the main thread) and hands the
        figures to `done`; the page asks whenever it shows."""
        super().__init__(parent)
        self.setObjectName("nextSteps")
        self.open_step, self.progress = open_step, progress
        title = QLabel(self.tr("Next steps for a new store"), self)
        title.setStyleSheet("font-size: 32px; font-weight: 700;")
        column = QVBoxLayout(self)
        column.addWidget(title)
        self.links: dict[Screen, QCommandLinkButton] = {}
        steps = (
            (Screen.CATALOGUE, self.tr("Add products"),
             self.tr("One at a time: SKU, names in two languages, barcodes and case codes, "
                     "weight, size, bin, picture; labels for products without a barcode.")),
            (Screen.CATALOGUE_IMPORT, self.tr("Import the catalogue from a CSV file"),
             self.tr("Columns sku, name, barcode, weight_g, bin, image, opening_stock; each "
                     "bad row is named and kept aside.")),
            (Screen.PEOPLE, self.tr("Add packers and counter clerks"),
             self.tr("Each with a name, a role and a PIN of their own.")),
            (Screen.STATION_SETTINGS, self.tr("Set up the label printer"),
             self.tr("A PDF folder, a CUPS queue or a ZPL printer; the slip printer and the "
                     "idle lock too.")),
            (Screen.IMPORT_ORDERS, self.tr("Import orders from a CSV file"),
             self.tr("Or connect a sales channel: packdesk channel add.")),
            (Screen.CARRIERS, self.tr("Set up the carrier"),
             self.tr("The shop's own tracking-number range, or a carrier account (EasyPost, "
                     "Shippo, SF Express, Cainiao, KDNiao) that issues the labels.")),
        )
        for screen, caption, detail in steps:
            link = QCommandLinkButton(caption, detail, self)
            link.clicked.connect(lambda _checked=False, s=screen: self.open_step(s))
            self.links[screen] = link
            column.addWidget(link)
        self.so_far = QLabel(self)
        self.so_far.setObjectName("setupSoFar")
        self.so_far.setStyleSheet("font-size: 16px; color: #1b5e20; margin-top: 8px;")
        column.addWidget(self.so_far)
        self.start = QPushButton(self.tr("Start packing"), self)
        self.start.setObjectName("startPacking")
        self.start.setStyleSheet("font-size: 22px; padding: 8px 24px;")
        self.start.clicked.connect(self.start_packing)
        column.addSpacing(12)
        column.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.progress is not None:
            self.progress(self.show_progress)

    def show_progress(self, figures: dict) -> None:
        self.so_far.setText(self.tr("So far: products {0}, packers and clerks {1}, carriers "
                                    "{2}, orders {3}.").format(
            figures["products"], figures["people"], figures["carriers"], figures["orders"]))

    def show_available(self, available: Callable[[Screen], bool]) -> None:
        """A step whose screen this station does not have is left out."""
        for screen, link in self.links.items():
            link.setVisible(available(screen))
