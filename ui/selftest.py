"""Hardware self-test: the first screen of a new bench.

Scan the test card and see exactly what arrived (suffix and group separators made
visible), which source it came from, how fast the keys came (a keyboard scanner must be
much faster than a person), and whether the GS1 code parses, field by field.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from scanners.gs1 import Gs1Error, is_gs1, parse
from scanners.serial import SerialScanner
from scanners.source import ScanSource
from scanners.wedge import BurstTiming, KeyboardWedge

_SIGNS = {"\r": "⏎", "\n": "␊", "\t": "⇥", "\x1d": "<GS>", " ": "␣"}
_GOOD, _BAD = "color: #1b7f2a;", "color: #b3261e;"


def visible(raw: str) -> str:
    """Raw scanner characters with the invisible ones shown: ⏎ ⇥ <GS> and <0xNN>."""
    return "".join(_SIGNS.get(c, c if c.isprintable() else f"<0x{ord(c):02X}>") for c in raw)


class HardwareSelfTest(QWidget):
    """Shows what each source delivers; takes the sources to watch as arguments."""

    def __init__(self, sources: list[ScanSource], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = list(sources)
        self._build()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.instructions)
        layout.addWidget(received)
        layout.addWidget(QLabel(self.tr("Devices:")))
        layout.addWidget(self.statuses)
        title = QFont(self.font())
        title.setPointSize(title.pointSize() + 2)
        received.setFont(title)

    # -- slots ------------------------------------------------------------------------
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
