"""Hardware self-test: the first screen of a new bench.

Print the test card (on the slip printer, through the spooler) and scan it, and see
exactly what arrived (suffix and group separators made
visible), which source it came from, how fast the keys came (a keyboard scanner must be
much faster than a person), and whether the GS1 code parses, field by field. With a scale,
its live weight and the zero check of the shift's start: nothing on it must read 0.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scanners.gs1 import Gs1Error, is_gs1, parse
from scanners.scale import Scale, SerialScale
from scanners.scale_protocols import Reading, ScaleState
from scanners.serial import SerialScanner
from scanners.source import ScanSource
from scanners.wedge import BurstTiming, KeyboardWedge
from ui.i18n import core_text, error_text, shown_weight
from ui.ops import OpChanges, StoreOp
from ui.tasks import TaskManager

_SIGNS = {"\r": "⏎", "\n": "␊", "\t": "⇥", "\x1d": "<GS>", " ": "␣"}
_GOOD, _BAD = "color: #1b7f2a;", "color: #b3261e;"
ZERO_LIMIT_G = 5.0  # an empty scale reading more than this must be zeroed


def visible(raw: str) -> str:
    """Raw scanner characters with the invisible ones shown: ⏎ ⇥ <GS> and <0xNN>."""
    return "".join(_SIGNS.get(c, c if c.isprintable() else f"<0x{ord(c):02X}>") for c in raw)


class HardwareSelfTest(QWidget):
    """Shows what each source delivers; takes the sources to watch as arguments. With
    `print_card` (printing.test_card.TestCardPrinting) and `tasks`, it prints the test
    card too: the submission is a store write, so it runs on the store worker."""

    card_printed = Signal(str)  # where the test card went

    def __init__(self, sources: list[ScanSource], parent: QWidget | None = None,
                 scale: Scale | None = None, print_card: Callable[[], str] | None = None,
                 tasks: TaskManager | None = None) -> None:
        super().__init__(parent)
        self.sources = list(sources)
        self.scale = scale
        self.print_card, self.tasks = print_card, tasks
        self._build()
        if scale is not None:
            self._build_scale(scale)
        for source in self.sources:
            source.scanned.connect(self._on_source_scanned)
            source.status_changed.connect(self._on_source_status_changed)
            if isinstance(source, KeyboardWedge):
                source.burst_measured.connect(self._on_wedge_burst_measured)
            if source.status:
                self.statuses.addItem(source.status)

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Hardware self-test"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(max(mono.pointSize(), 14))
        self.instructions = QLabel(self.tr(
            "Scan each code on the test card. Every scanner, camera and serial port "
            "connected to this bench shows up here."))
        self.instructions.setWordWrap(True)
        self.raw_label, self.text_label = QLabel("—"), QLabel("—")
        for label in (self.raw_label, self.text_label):
            label.setFont(mono)
            label.setWordWrap(True)
        self.source_label, self.timing_label = QLabel("—"), QLabel("—")
        self.gs1_label, self.ais_label = QLabel("—"), QLabel("")
        self.ais_label.setFont(mono)
        received = QGroupBox(self.tr("Last scan"))
        form = QFormLayout(received)
        form.addRow(self.tr("Received:"), self.raw_label)
        form.addRow(self.tr("Scan text:"), self.text_label)
        form.addRow(self.tr("Source:"), self.source_label)
        form.addRow(self.tr("Key timing:"), self.timing_label)
        form.addRow(self.tr("GS1:"), self.gs1_label)
        form.addRow("", self.ais_label)
        self.statuses = QListWidget()
        self.print_card_button = QPushButton(self.tr("Print the test card"))
        self.print_card_button.setVisible(self.print_card is not None and self.tasks is not None)
        self.print_card_button.clicked.connect(self._on_print_card_button_clicked)
        self.card_status = QLabel("")
        self.card_status.setWordWrap(True)
        card = QHBoxLayout()
        card.addWidget(self.print_card_button)
        card.addWidget(self.card_status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.instructions)
        layout.addLayout(card)
        layout.addWidget(received)
        layout.addWidget(QLabel(self.tr("Devices:")))
        layout.addWidget(self.statuses)
        title = QFont(self.font())
        title.setPointSize(title.pointSize() + 2)
        received.setFont(title)

    def _build_scale(self, scale: Scale) -> None:
        self.scale_check = ScaleCheck(scale, self)
        check = self.scale_check
        self.weight_label, self.zero_label = check.weight_label, check.zero_label
        self.zero_check, self.zero_button = check.zero_check, check.zero_button
        self.layout().insertWidget(2, check)
        scale.status_changed.connect(self._on_source_status_changed)
        if scale.status:
            self.statuses.addItem(scale.status)

    # -- slots ------------------------------------------------------------------------
    def _on_print_card_button_clicked(self) -> None:
        if self.print_card is None or self.tasks is None:
            return
        self.print_card_button.setEnabled(False)
        self.card_status.setStyleSheet("")
        self.card_status.setText(self.tr("Sending the test card to the printer…"))
        StoreOp(self, self.tasks, self.print_card, OpChanges(print_jobs=True)) \
            .success(self._on_card_sent).failure(self._on_card_failed).run_in_background(self)

    def _on_card_sent(self, where: str) -> None:
        self.print_card_button.setEnabled(True)
        self.card_status.setStyleSheet(_GOOD)
        self.card_status.setText(self.tr("Test card: %1. Scan each of its codes.")
                                 .replace("%1", core_text(where)))
        self.card_printed.emit(where)

    def _on_card_failed(self, error: BaseException) -> None:
        self.print_card_button.setEnabled(True)
        self.card_status.setStyleSheet(_BAD)
        self.card_status.setText(self.tr("The test card did not print: %1")
                                 .replace("%1", error_text(error)))

    def _on_source_scanned(self, text: str, symbology: str, kind: str) -> None:
        source = self.sender()
        self.raw_label.setText(visible(self._raw_of(source, text)))
        self.text_label.setText(visible(text))
        self.source_label.setText(self._describe_source(source, kind, symbology))
        if not isinstance(source, KeyboardWedge):
            self.timing_label.setText(self.tr("not a keyboard: no key timing"))
        self._show_gs1(text, symbology)

    def _on_wedge_burst_measured(self, burst: BurstTiming) -> None:
        """Typing shows up here too: a scanner slower than a person is set up wrong."""
        self.raw_label.setText(visible(burst.raw))
        wedge = self.sender()
        line = self.tr("%1 keys, mean gap %2 ms, longest %3 ms").replace(
            "%1", str(len(burst.gaps_ms) + 1)).replace("%2", f"{burst.mean_gap_ms:.1f}").replace(
            "%3", f"{burst.max_gap_ms:.1f}")
        if burst.was_scan:
            verdict = self.tr("scanner speed (limit %1 ms)")
            self.timing_label.setStyleSheet(_GOOD)
        else:
            verdict = self.tr("typing speed, not taken as a scan (limit %1 ms)")
            self.timing_label.setStyleSheet(_BAD)
            self.source_label.setText(self.tr("Keyboard (typed by hand)"))
        limit = f"{wedge.max_mean_gap_ms:g}" if isinstance(wedge, KeyboardWedge) else "?"
        self.timing_label.setText(f"{line}: {verdict.replace('%1', limit)}")

    def _on_source_status_changed(self, text: str) -> None:
        self.statuses.addItem(text)
        self.statuses.scrollToBottom()

    # -- helpers ----------------------------------------------------------------------
    def _raw_of(self, source: ScanSource, text: str) -> str:
        if isinstance(source, KeyboardWedge):
            return source.last_burst.raw
        if isinstance(source, SerialScanner) and source.last_raw:
            return source.last_raw.decode("utf-8", errors="replace")
        return text

    def _describe_source(self, source, kind: str, symbology: str) -> str:
        names = {"wedge": self.tr("Keyboard scanner"), "serial": self.tr("Serial scanner"),
                 "camera": self.tr("Camera")}
        where = getattr(source, "port_path", None) or getattr(source, "source", None)
        name = names.get(kind, kind)
        if where is not None and kind != "wedge":
            name = f"{name} ({where})"
        return self.tr("%1, symbology %2").replace("%1", name).replace("%2", symbology)

    def _show_gs1(self, text: str, symbology: str) -> None:
        if not is_gs1(text, symbology):
            self.gs1_label.setText(self.tr("not a GS1 code (scan the GS1 code on the test card)"))
            self.gs1_label.setStyleSheet("")
            self.ais_label.setText("")
            return
        try:
            scan = parse(text)
        except Gs1Error as error:
            self.gs1_label.setText(self.tr("does not parse: %1").replace("%1", str(error)))
            self.gs1_label.setStyleSheet(_BAD)
            self.ais_label.setText("")
            return
        self.gs1_label.setText(self.tr("parses"))
        self.gs1_label.setStyleSheet(_GOOD)
        self.ais_label.setText("\n".join(f"({ai}) {visible(value)}"
                                         for ai, value in scan.raw_ais.items()))


class ScaleCheck(QGroupBox):
    """The scale's live weight and the zero check of the shift's start: on the self-test
    and on the station set-up's Scale page."""

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scale"))
        self.scale = scale
        self._zero_checking = False
        form = QFormLayout(self)
        self.weight_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 8)
        self.weight_label.setFont(big)
        self.zero_label = QLabel(self.tr("Not checked yet this shift."))
        self.zero_label.setWordWrap(True)
        self.zero_check = QPushButton(self.tr("Zero check"))
        self.zero_check.clicked.connect(self._on_zero_check_clicked)
        self.zero_button = QPushButton(self.tr("Zero the scale"))
        self.zero_button.setVisible(isinstance(scale, SerialScale) and scale.protocol == "mt-sics")
        self.zero_button.clicked.connect(self._on_zero_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zero_check)
        buttons.addWidget(self.zero_button)
        buttons.addStretch(1)
        form.addRow(self.tr("Weight:"), self.weight_label)
        form.addRow(self.tr("Zero check:"), self.zero_label)
        form.addRow("", buttons)
        scale.reading.connect(self._on_scale_reading)
        scale.settled.connect(self._on_scale_settled)
        if scale.last is not None:
            self._on_scale_reading(scale.last)

    def _on_scale_reading(self, reading: Reading) -> None:
        words = {ScaleState.OVERLOAD: self.tr("overload: take the weight off"),
                 ScaleState.UNDERLOAD: self.tr("under zero: zero the scale"),
                 ScaleState.BUSY: self.tr("busy"),
                 ScaleState.ERROR: self.tr("not readable")}
        if reading.state is ScaleState.OK and reading.grams is not None:
            state = self.tr("stable") if reading.stable else self.tr("moving")
            self.weight_label.setText(f"{shown_weight(reading.grams)} · {state}")
            self.weight_label.setStyleSheet("" if reading.stable else "color: #8a6d00;")
        elif reading.state is not ScaleState.BUSY or reading.detail:
            detail = f" ({reading.detail})" if reading.detail else ""
            self.weight_label.setText(words[reading.state] + detail)
            self.weight_label.setStyleSheet(_BAD)

    def _on_zero_check_clicked(self) -> None:
        self._zero_checking = True
        self.zero_label.setText(self.tr("Take everything off the scale and wait for a stable "
                                        "reading…"))
        self.zero_label.setStyleSheet("")
        held = self.scale.settled_g if self.scale is not None else None
        if held is not None:
            self._on_scale_settled(held)

    def _on_zero_button_clicked(self) -> None:
        if isinstance(self.scale, SerialScale):
            self.scale.zero()

    def _on_scale_settled(self, grams: float) -> None:
        if not self._zero_checking:
            return
        if abs(grams) <= ZERO_LIMIT_G:
            self._zero_checking = False
            self.zero_label.setText(self.tr("Passed: the empty scale reads %1 g.")
                                    .replace("%1", f"{grams:.0f}"))
            self.zero_label.setStyleSheet(_GOOD)
        else:
            hint = (self.tr("press Zero the scale") if self.zero_button.isVisible()
                    else self.tr("press the scale's zero key"))
            self.zero_label.setText(self.tr("Failed: the scale reads %1 g with nothing on it; "
                                            "%2, then check again.")
                                    .replace("%1", f"{grams:.0f}").replace("%2", hint))
            self.zero_label.setStyleSheet(_BAD)

