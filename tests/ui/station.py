"""The whole station as `packdesk` builds it (main.build_station), on a test store."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.settings import StationSettings
from main import build_station


def station_settings(tmp_path, **changes) -> StationSettings:
    values = dict(station_id="bench-1", language="en", sounds=False,
                  label_folder=str(tmp_path / "labels"),
                  slip_printer_target=str(tmp_path / "slips"))
    return StationSettings(**{**values, **changes})


@pytest.fixture
def station_dirs(tmp_path, monkeypatch):
    """Settings, print log and reports under tmp_path, never the user's folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def start_station(qtbot, store, settings, first_day=None):
    bench_app, _runner = build_station(settings, store, first_day)
    qtbot.addWidget(bench_app.window)
    bench_app.window.resize(1280, 800)
    bench_app.window.show()
    qtbot.waitExposed(bench_app.window)
    return bench_app


def log_in(qtbot, bench_app, name: str, pin: str) -> None:
    bench_app.window.on_scan(name, "", "badge")
    bench_app.window.on_scan(pin, "", "badge")
    qtbot.waitUntil(lambda: bench_app.window.packer is not None, timeout=10000)


def screen_actions(window):
    """Every menu entry that opens a screen (each says in its tool tip who may)."""
    return [a for menu in (window.tools_menu, window.settings_menu) for a in menu.actions()
            if a.toolTip().startswith("Needs ")]


def tool_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()
            and w.objectName() != "refusal" and not hasattr(w, "bench")]
