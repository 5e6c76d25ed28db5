"""The station set-up screen (Settings → Station settings…): a test page on each printer and
what the print queue says of it, the scanner check, the camera's picture, the scale's
weight, the language; supervisors only. Real parts: cupsd with cups-pdf, a raw socket
printer, a pty scale, an image sequence as the camera."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.settings import StationSettings
from main import _label_route, _slip_route
from printing.spooler import RetryPolicy, Spooler
from printing.test_card import TEST_CARD_CODE128, TEST_CARD_EAN13, TEST_PAGE_CODE
from tests.parts.cups import free_port
from tests.ui.station import (
    log_in,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
)
from ui.print_log import PrintBridge
from ui.settings_dialog import SettingsDialog
from ui.station_setup import StationDevices, preview_camera
from ui.tasks import TaskManager
from ui.tool_windows import close_tool_windows

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def devices(tmp_path):
    tasks, bridge = TaskManager(), PrintBridge()
    spooler = Spooler(on_change=bridge.spooler_callback, retry=RetryPolicy(first_delay=0.2))
    yield StationDevices(tasks, spooler, bridge.job_changed, _label_route, _slip_route,
                         open_camera=preview_camera)
    spooler.close()
    tasks.shutdown()


def _setup(qtbot, settings: StationSettings, devices) -> SettingsDialog:
    dialog = SettingsDialog(settings, devices=devices)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _tabs(dialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_a_test_label_and_the_test_card_print_on_cups_queues_and_the_queue_says_completed(
        qtbot, cups_server, devices, tmp_path):
    settings = StationSettings(label_printer="pdf_folder", label_printer_target=str(tmp_path),
                               slip_printer="pdf_folder", slip_printer_target=str(tmp_path))
    dialog = _setup(qtbot, settings, devices)
    assert _tabs(dialog) == ["Station", "Printers", "Scanners", "Camera", "Scale"]
    qtbot.waitUntil(lambda: "CUPS queues on this computer:" in dialog.queues_note.text(),
                    timeout=10000)
    assert cups_server.pdf_queue in dialog.queues_note.text()
    # the supervisor picks the queues on the form: the test pages go where the form says
    dialog.printer.setCurrentIndex(dialog.printer.findData("cups"))
    dialog.target.setText(cups_server.pdf_queue)
    dialog.slip_printer.setCurrentIndex(dialog.slip_printer.findData("cups"))
    dialog.slip_target.setText(cups_server.pdf_queue)
    texts = []
    for test in (dialog.label_test, dialog.slip_test):
        with qtbot.waitSignal(test.finished, timeout=60000) as done:
            test.button.click()
        assert done.args == [True], test.status.text()
        job = devices.spooler.job(test.job_id)
        assert test.status.text() == (f"Printed: the print queue says job {test.job_id} is "
                                      "completed.")
        assert "#1b7f2a" in test.status.styleSheet()  # green
        printed = cups_server.pdf_of_job(job.reference)  # cups-pdf wrote the page
        texts.append(_codes_on(printed, tmp_path))
    assert TEST_PAGE_CODE in texts[0]  # the label's Code 128 scans back
    assert {TEST_CARD_EAN13, TEST_CARD_CODE128} <= texts[1]  # the card's codes too
    label, card = (devices.spooler.job(t.job_id) for t in (dialog.label_test, dialog.slip_test))
    assert (label.title, card.title) == ("Label printer test", "Scanner test card")


def _codes_on(pdf, folder) -> set[str]:
    """The codes a scanner reads on the printed page (rasterised at 300 dpi)."""
    import subprocess

    import zxingcpp
    from PIL import Image

    stem = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(stem)], check=True)
    return {r.text for page in sorted(folder.glob(f"{pdf.stem}*.pgm"))
            for r in zxingcpp.read_barcodes(Image.open(page))}


def test_a_test_label_to_a_raw_socket_printer_arrives_as_zpl(qtbot, devices, zpl_listener):
    settings = StationSettings(label_printer="zpl_tcp",
                               label_printer_target=f"127.0.0.1:{zpl_listener.port}")
    dialog = _setup(qtbot, settings, devices)
    with qtbot.waitSignal(dialog.label_test.finished, timeout=20000) as done:
        dialog.label_test.button.click()
    assert done.args == [True]
    [payload] = zpl_listener.wait_for(1)
    assert payload.startswith(b"^XA") and TEST_PAGE_CODE.encode() in payload
    assert b"^FDLabel printer test^FS" in payload  # the title, in ZPL's own font
    assert dialog.label_test.status.text() == (
        f"Printed: label printer 127.0.0.1:{zpl_listener.port} took the test page.")


def test_a_printer_that_is_off_says_why_the_test_page_waits(qtbot, devices):
    port = free_port()
    dialog = _setup(qtbot, StationSettings(label_printer="zpl_tcp",
                                           label_printer_target=f"127.0.0.1:{port}"), devices)
    dialog.label_test.button.click()
    qtbot.waitUntil(lambda: "waits for" in dialog.label_test.status.text(), timeout=20000)
    text = dialog.label_test.status.text()
    assert text.startswith(f"Job {dialog.label_test.job_id} waits for label printer "
                           f"127.0.0.1:{port}: nothing answers on the port")
    assert text.endswith("It prints when the printer is back.")
    dialog.target.setText("no-port-here:x")  # an address that makes no printer
    dialog.label_test.button.click()
    assert dialog.label_test.status.text() == ("Not printed: label printer address "
                                               "'no-port-here:x' needs host:port")


def test_the_scanner_check_shows_a_keyboard_scan(qtbot, devices, qapp):
    from scanners.wedge import KeyboardWedge

    wedge = KeyboardWedge()
    wedge.install(qapp)
    try:
        devices.sources = [wedge]
        dialog = _setup(qtbot, StationSettings(), devices)
        dialog.tabs.setCurrentIndex(2)
        with qtbot.waitSignal(wedge.scanned, timeout=3000):
            for char in "4006381333931":
                QTest.keyClick(dialog, char, Qt.KeyboardModifier.NoModifier, 2)
            QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 2)
        assert dialog.self_test.source_label.text() == "Keyboard scanner, symbology ean13"
        assert "scanner speed" in dialog.self_test.timing_label.text()
    finally:
        wedge.uninstall()


def test_the_camera_page_shows_the_picked_camera_and_closes_it_with_the_screen(
        qtbot, devices, tmp_path):
    from scanners.testcard import scene, write_sequence

    pattern = write_sequence(tmp_path / "cam", [scene(size=(320, 240), seed=3)] * 40)
    dialog = _setup(qtbot, StationSettings(), devices)
    check = dialog.camera_check
    assert check.pick.currentData() == ""  # no camera yet
    dialog.camera.setText(str(pattern))  # a camera nobody plugged in: a video file here
    check.show_button.click()
    qtbot.waitUntil(lambda: not check.preview.frame.isNull(), timeout=10000)
    assert check.preview.frame.width() == 320
    camera = check.previewing
    assert dialog.settings().camera == str(pattern)
    dialog.reject()
    assert check.previewing is None and not camera.running


def test_the_scale_page_shows_the_live_weight(qtbot, devices, pty_scanner):
    from scanners.scale import SerialScale

    no_scale = _setup(qtbot, StationSettings(), devices)
    assert no_scale.scale_check is None
    scale = SerialScale(pty_scanner.device, "mt-sics", retry_ms=50, settle=2)
    scale.start()
    try:
        devices.scale = scale
        dialog = _setup(qtbot, StationSettings(scale_port=str(pty_scanner.device),
                                               scale_protocol="mt-sics"), devices)
        dialog.tabs.setCurrentIndex(4)
        pty_scanner.send(b"S S      1.250 kg\r\n" * 2)
        qtbot.waitUntil(lambda: dialog.scale_check.weight_label.text() == "1.25 kg · stable",
                        timeout=3000)
    finally:
        scale.stop()


def _open_setup(qtbot, window) -> SettingsDialog:
    [entry] = [a for a in window.settings_menu.actions() if a.toolTip() and
               a.text() in ("Station settings…", "工位设置…")]
    entry.trigger()
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, SettingsDialog) and w.isVisible())


def test_only_a_supervisor_opens_the_set_up_and_the_language_chosen_there_is_used_at_once(
        qtbot, demo_store, station_dirs):  # noqa: F811
    from main import build_station

    station, _runner = build_station(station_settings(station_dirs), demo_store)
    station.window.resize(1280, 800)  # not qtbot's: the language builds another window
    station.window.show()
    qtbot.waitExposed(station.window)
    try:
        log_in(qtbot, station, "Ann", "1234")  # a packer
        [entry] = [a for a in station.window.settings_menu.actions()
                   if a.text() == "Station settings…"]
        entry.trigger()
        assert station.window.refusal.text().startswith("Only a supervisor may open the "
                                                         "station settings")
        assert not any(isinstance(w, SettingsDialog) for w in QApplication.topLevelWidgets()
                       if w.isVisible())
        station.window._on_bench_logout_requested()  # Tools → Log out
        log_in(qtbot, station, "Sam", "9999")  # a supervisor
        dialog = _open_setup(qtbot, station.window)
        assert _tabs(dialog) == ["Station", "Printers", "Scanners", "Camera", "Scale"]
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        old_window = station.window
        dialog.accept()
        qtbot.waitUntil(lambda: station.window is not old_window
                        and station.window.isVisible(), timeout=10000)
        dialog = _open_setup(qtbot, station.window)
        assert _tabs(dialog) == ["工位", "打印机", "扫码枪", "摄像头", "电子秤"]
        assert dialog.label_test.button.text() == "打印测试面单"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))  # and back
        old_window = station.window
        dialog.accept()
        qtbot.waitUntil(lambda: station.window is not old_window
                        and station.window.isVisible(), timeout=10000)
        assert station.window.tools_menu.title() == "&Tools"
    finally:
        close_tool_windows()
        station.shutdown()
        station.window.close()

