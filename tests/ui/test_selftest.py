"""The hardware self-test screen, fed by real sources: key events, a pty, an image sequence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest

from scanners.camera import CameraScanner
from scanners.serial import SerialScanner
from scanners.testcard import TEST_CARD_GS1, render_code, scene, write_sequence
from scanners.wedge import KeyboardWedge
from ui.selftest import HardwareSelfTest, visible

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

GS = "\x1d"
CARD_ELEMENTS = "0109501101530003" + "17291231" + "10TEST-LOT" + GS + "21SELFTEST1"


@pytest.fixture
def wedge(qapp):
    source = KeyboardWedge()
    source.install(qapp)
    yield source
    source.uninstall()


@pytest.fixture
def screen(qtbot, wedge):
    widget = HardwareSelfTest([wedge])
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def keyboard_scan(widget, text: str, delay_ms: int) -> None:
    """Keys as a keyboard-wedge scanner (or a person) sends them, Enter last."""
    for char in text:
        if char == GS:
            QTest.qWait(delay_ms)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, GS))
        else:
            QTest.keyClick(widget, char, Qt.KeyboardModifier.NoModifier, delay_ms)
    QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, delay_ms)


def test_visible_marks_suffix_separators_and_controls():
    assert visible("01" + GS + "10A B\r\n\t\x00") == "01<GS>10A␣B⏎␊⇥<0x00>"


def test_keyboard_scan_of_the_test_card(qtbot, screen, wedge):
    with qtbot.waitSignal(wedge.scanned, timeout=3000):
        keyboard_scan(screen, "]C1" + CARD_ELEMENTS, 2)
    assert screen.raw_label.text() == "]C1" + visible(CARD_ELEMENTS) + "⏎"
    assert screen.source_label.text() == "Keyboard scanner, symbology gs1-128"
    assert "scanner speed" in screen.timing_label.text()
    assert screen.gs1_label.text() == "parses"
    assert screen.ais_label.text().splitlines() == [
        "(01) 09501101530003", "(17) 291231", "(10) TEST-LOT", "(21) SELFTEST1"]


def test_typing_by_hand_is_shown_as_typing(qtbot, screen, wedge):
    with qtbot.waitSignal(wedge.burst_measured, timeout=5000):
        keyboard_scan(screen, "1234", 45)
    assert screen.raw_label.text() == "1234⏎"
    assert "typing speed" in screen.timing_label.text()
    assert screen.source_label.text() == "Keyboard (typed by hand)"


def test_gs1_code_that_does_not_parse_says_why(qtbot, screen, wedge):
    with qtbot.waitSignal(wedge.scanned, timeout=3000):
        keyboard_scan(screen, "]C10109501101530004", 2)
    assert screen.gs1_label.text().startswith("does not parse: (01) 09501101530004")
    assert "check digit" in screen.gs1_label.text()


def test_a_plain_code_is_not_gs1(qtbot, screen, wedge):
    with qtbot.waitSignal(wedge.scanned, timeout=3000):
        keyboard_scan(screen, "4006381333931", 2)
    assert screen.gs1_label.text().startswith("not a GS1 code")
    assert screen.source_label.text() == "Keyboard scanner, symbology ean13"


def test_serial_scanner_shows_its_line_end(qtbot, pty_scanner):
    serial = SerialScanner(pty_scanner.device, retry_ms=50)
    widget = HardwareSelfTest([serial])
    qtbot.addWidget(widget)
    serial.start()
    try:
        with qtbot.waitSignal(serial.scanned, timeout=3000):
            pty_scanner.send(CARD_ELEMENTS.encode() + b"\r\n")
    finally:
        serial.stop()
    assert widget.raw_label.text() == visible(CARD_ELEMENTS) + "⏎␊"
    assert widget.source_label.text() == (
        f"Serial scanner ({pty_scanner.device}), symbology gs1-128")
    assert widget.timing_label.text() == "not a keyboard: no key timing"
    assert widget.gs1_label.text() == "parses"
    statuses = [widget.statuses.item(i).text() for i in range(widget.statuses.count())]
    assert f"Serial scanner on {pty_scanner.device} connected" in statuses


def test_camera_reading_the_test_card(qtbot, tmp_path):
    card = render_code(TEST_CARD_GS1, "gs1-qr", scale=5)
    pattern = write_sequence(tmp_path / "card", [scene(size=(640, 480), code=card,
                                                       at=(200, 100), seed=9)] * 3)
    camera = CameraScanner(pattern, frame_interval_ms=5, preview=False)
    widget = HardwareSelfTest([camera])
    qtbot.addWidget(widget)
    with qtbot.waitSignal(camera.scanned, timeout=10000):
        camera.start()
    camera.stop()
    camera.wait()
    assert widget.source_label.text() == f"Camera ({pattern}), symbology gs1-qr"
    assert widget.gs1_label.text() == "parses"
    assert "(21) SELFTEST1" in widget.ais_label.text()


def test_the_scale_shows_its_weight_and_the_zero_check_of_the_shift(qtbot, pty_scanner,
                                                                      wedge):
    from scanners.scale import SerialScale

    scale = SerialScale(pty_scanner.device, "mt-sics", retry_ms=50, settle=2)
    scale.start()
    try:
        widget = HardwareSelfTest([wedge], scale=scale)
        qtbot.addWidget(widget)
        widget.show()
        pty_scanner.send(b"S D      0.410 kg\r\n")
        qtbot.waitUntil(lambda: "moving" in widget.weight_label.text(), timeout=3000)
        assert widget.weight_label.text() == "410 g · moving"
        assert widget.zero_button.isVisible()  # MT-SICS takes a zero command
        widget.zero_check.click()
        assert "Take everything off" in widget.zero_label.text()
        pty_scanner.send(b"S S      0.035 kg\r\n" * 2)  # an empty scale that reads 35 g
        qtbot.waitUntil(lambda: widget.zero_label.text().startswith("Failed"), timeout=3000)
        assert widget.zero_label.text() == ("Failed: the scale reads 35 g with nothing on it; "
                                            "press Zero the scale, then check again.")
        widget.zero_button.click()
        qtbot.waitUntil(lambda: pty_scanner.received().endswith(b"Z\r\nSIR\r\n"), timeout=3000)
        pty_scanner.send(b"Z A\r\n" + b"S S      0.000 kg\r\n" * 2)
        qtbot.waitUntil(lambda: widget.zero_label.text().startswith("Passed"), timeout=3000)
        assert widget.zero_label.text() == "Passed: the empty scale reads 0 g."
        pty_scanner.send(b"S +\r\n")
        qtbot.waitUntil(lambda: "overload" in widget.weight_label.text(), timeout=3000)
        widget.grab().save(str(pty_scanner.device) + "-selftest.png")
    finally:
        scale.stop()


def test_the_self_test_prints_its_test_card_and_the_printed_codes_read_back(qtbot, wedge,
                                                                            tmp_path):
    """main: the self-test asked for a test card nobody could print. Now its button sends
    the card through the spooler to the slip printer (a PDF folder here); the printed page,
    rasterised as a 300 dpi laser prints it, reads back with libzbar (GS1-128, its group
    separator kept) and zxing-cpp (GS1 DataMatrix), and the self-test parses the GS1 code."""
    import subprocess

    import zxingcpp
    from PIL import Image
    from pyzbar.pyzbar import decode

    from printing.spooler import Spooler
    from printing.station import PrinterKind, Route
    from printing.test_card import TEST_CARD_CODE128, TEST_CARD_EAN13, TestCardPrinting
    from ui.tasks import TaskManager

    tasks, spooler = TaskManager(), Spooler()
    try:
        printer = TestCardPrinting(Route(PrinterKind.PDF_FOLDER, str(tmp_path / "slips"), "A4"),
                                   spooler)
        widget = HardwareSelfTest([wedge], print_card=printer, tasks=tasks)
        qtbot.addWidget(widget)
        assert not widget.print_card_button.isHidden()
        with qtbot.waitSignal(widget.card_printed, timeout=10000):
            widget.print_card_button.click()
        assert widget.card_status.text().startswith("Test card: job ")
        qtbot.waitUntil(lambda: any((tmp_path / "slips").glob("*.pdf")), timeout=15000)
    finally:
        spooler.close()
        tasks.shutdown()
    [pdf] = (tmp_path / "slips").glob("*.pdf")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(tmp_path / "card")],
                   check=True)
    [page] = [Image.open(p) for p in sorted(tmp_path.glob("card*.pgm"))]
    by_zbar = {(r.type, r.data.decode()) for r in decode(page)}
    assert by_zbar == {("CODE128", CARD_ELEMENTS), ("EAN13", TEST_CARD_EAN13),
                       ("CODE128", TEST_CARD_CODE128)}
    by_zxing = {(r.format.name, r.text, r.content_type.name) for r in zxingcpp.read_barcodes(page)}
    assert ("DataMatrix", TEST_CARD_GS1, "GS1") in by_zxing
    assert ("Code128", TEST_CARD_GS1, "GS1") in by_zxing
    widget._show_gs1(CARD_ELEMENTS, "gs1-128")  # what the scanner would type from the card
    assert widget.gs1_label.text() == "parses"
    assert "(21) SELFTEST1" in widget.ais_label.text()


def test_without_a_printer_the_self_test_offers_no_card_button(qtbot, wedge):
    widget = HardwareSelfTest([wedge])
    qtbot.addWidget(widget)
    assert widget.print_card_button.isHidden()
