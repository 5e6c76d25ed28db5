"""Station settings: what the dialog shows is what it saves, scale included."""

from __future__ import annotations

from app.settings import StationSettings, load_settings, save_settings
from ui.settings_dialog import SettingsDialog


def test_the_scale_settings_round_trip_through_the_dialog_and_the_file(qtbot, tmp_path):
    original = StationSettings(station_id="B2", scale_port="/dev/ttyUSB0",
                               scale_protocol="mt-sics", weight_tolerance_g=15.0)
    dialog = SettingsDialog(original)
    qtbot.addWidget(dialog)
    assert dialog.scale_protocol.currentData() == "mt-sics"
    dialog.scale_port.setText(" /dev/hidraw0 ")
    dialog.scale_protocol.setCurrentIndex(dialog.scale_protocol.findData("hid"))
    chosen = dialog.settings()
    assert (chosen.scale_port, chosen.scale_protocol) == ("/dev/hidraw0", "hid")
    assert chosen.weight_tolerance_g == 15.0  # not on the dialog: kept as it was
    save_settings(chosen, tmp_path / "settings.json")
    loaded, warning = load_settings(tmp_path / "settings.json")
    assert warning is None and loaded == chosen


def test_the_slip_printer_and_full_screen_are_on_the_dialog(qtbot):
    """The README says Station settings chooses the slip printer: it does now."""
    original = StationSettings(slip_printer="pdf_folder", slip_printer_target="/tmp/slips",
                               slip_paper="A4", full_screen=True)
    dialog = SettingsDialog(original)
    qtbot.addWidget(dialog)
    assert dialog.slip_target.text() == "/tmp/slips" and dialog.full_screen.isChecked()
    dialog.slip_printer.setCurrentIndex(dialog.slip_printer.findData("cups"))
    dialog.slip_target.setText(" Office-A4 ")
    dialog.slip_paper.setCurrentText("Letter")
    dialog.full_screen.setChecked(False)
    chosen = dialog.settings()
    assert (chosen.slip_printer, chosen.slip_printer_target, chosen.slip_paper,
            chosen.full_screen) == ("cups", "Office-A4", "Letter", False)
