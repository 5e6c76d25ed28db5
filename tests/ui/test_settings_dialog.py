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
