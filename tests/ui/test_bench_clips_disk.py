"""The bench on a station whose clips' disk is nearly full (a real small filesystem): packing
goes on, the packer is told once that filming stopped and why, station settings show the
disk, and the supervisors get the alert."""

from __future__ import annotations

import pytest

from app.services.alerts import refresh_alerts
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from scanners.camera import CameraScanner
from scanners.pack_video import PackRecorder
from scanners.testcard import scene, write_video
from tests.e2e.driver import scan
from ui import station_parts as parts
from ui.app import build_bench_app
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
MB = 1024**2


def test_a_nearly_full_disk_stops_filming_once_and_packing_goes_on(qtbot, two_orders,
                                                                    small_disk, tmp_path):
    uow, item_code = two_orders
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="B1",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    desk = write_video(tmp_path / "desk.mp4", [scene(size=(640, 480), seed=i % 3)
                                               for i in range(300)], fps=30)
    camera = CameraScanner(desk, preview=False)
    small_disk.leave_free(3 * MB)
    recorder = PackRecorder(small_disk.folder / "clips", size=(640, 360), fps=10,
                            keep_free_bytes=4 * MB)
    watch = parts.attach_pack_video(app, camera, recorder, uow)
    assert recorder.wait_started()
    shown: list[str] = []
    app.window.statusBar().messageChanged.connect(shown.append)
    qtbot.addWidget(app.window)
    app.window.show()
    camera.start()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        for number in ("PD-900777", "PD-900778"):
            with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                                  check_params_cb=lambda result, _m: result == "opened"):
                scan(app.window, number)
            with qtbot.waitSignal(app.bench.label_done, timeout=15000):  # packing goes on
                scan(app.window, item_code)
        qtbot.waitUntil(lambda: watch.last is not None and watch.last.low, timeout=10000)
        stopped = [text for text in shown if text.startswith("Pack videos stopped")]
        assert len(stopped) == 1, shown  # once, not once per order
        assert stopped[0].startswith(f"Pack videos stopped: only 3.0 MB free on the clips' disk "
                                     f"({small_disk.folder / 'clips'}); 4.0 MB is kept free. "
                                     "Packing goes on without them;")
        dialog = SettingsDialog(StationSettings(station_id="B1"), app.window, watch.report)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: "free of" in dialog.clips_disk.text(), timeout=10000)
        assert dialog.clips_disk.text().startswith(
            f"0.0 MB in 0 clip(s) · 3.0 MB free of 16.0 MB\nat {small_disk.folder / 'clips'}\n"
            "Filming stopped: only 3.0 MB free on the clips' disk")
    finally:
        camera.stop()
        camera.wait()
        app.shutdown()
    [alert] = [a for a in refresh_alerts(uow()).raised if a.kind == "clips_disk"]
    assert alert.subject == "B1" and "3.0 MB free of 16.0 MB" in alert.message
