"""The pack video encoder (a child process) killed while an order is filmed: packing goes
on, the packer is told on the status bar, and the supervisors get an alert at once, on the
alerts panel and on their routes, as for any station fault; it clears when the next
order's encoder films."""

from __future__ import annotations

import os
import signal

import pytest

from app.domain.alert_routes import AlertRoute
from app.services.alert_notices import add_route
from app.services.alerts import open_alerts, refresh_alerts
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from scanners.camera import CameraScanner
from scanners.pack_video import PackRecorder
from scanners.testcard import scene, write_video
from sync.alert_delivery import AlertDelivery
from tests.channel_servers.robot_servers import WeComRobotServer
from tests.e2e.driver import scan
from ui import station_parts as parts
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_killed_encoder_is_an_alert_and_packing_goes_on(qtbot, two_orders, tmp_path,
                                                          credentials):
    uow, item_code = two_orders
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="B1",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    desk = write_video(tmp_path / "desk.mp4", [scene(size=(640, 480), seed=i % 3)
                                               for i in range(300)], fps=30)
    camera = CameraScanner(desk, preview=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=10, keep_free_bytes=0)
    watch = parts.attach_pack_video(app, camera, recorder, uow)
    assert recorder.wait_started()
    shown: list[str] = []
    app.window.statusBar().messageChanged.connect(shown.append)
    qtbot.addWidget(app.window)
    app.window.show()
    camera.start()
    with WeComRobotServer() as robot:
        add_route(uow(), AlertRoute("floor", "wecom", robot.webhook, ["clip_encoder"]))
        try:
            app.window.on_scan("Ann", "", "badge")
            app.window.on_scan("1234", "", "badge")
            qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench,
                            timeout=5000)
            with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                                  check_params_cb=lambda result, _m: result == "opened"):
                scan(app.window, "PD-900777")
            killed = recorder.encoder_pid
            os.kill(killed, signal.SIGKILL)
            qtbot.waitUntil(lambda: watch.last is not None
                            and watch.last.encoder_stopped == "signal 9", timeout=10000)
            assert any(text.startswith("The pack video encoder stopped (signal 9)")
                       for text in shown), shown
            # the supervisors' alert is there at once, before any alerts refresh
            [alert] = [a for a in open_alerts(uow()) if a.kind == "clip_encoder"]
            assert alert.subject == "B1" and not alert.cleared
            assert alert.message == (
                "The pack video encoder stopped at station B1 (signal 9); the clip being "
                "filmed may be lost. Packing goes on; filming starts again with the next "
                "order.")
            with qtbot.waitSignal(app.bench.label_done, timeout=15000):  # packing goes on
                scan(app.window, item_code)
            with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                                  check_params_cb=lambda result, _m: result == "opened"):
                scan(app.window, "PD-900778")
            assert recorder.wait_started()  # the next order's encoder
            assert recorder.encoder_pid != killed
            with qtbot.waitSignal(app.bench.label_done, timeout=15000):
                scan(app.window, item_code)
            qtbot.waitUntil(lambda: watch.last is not None and not watch.last.encoder_stopped
                            or watch.report() and False, timeout=10000)
        finally:
            camera.stop()
            camera.wait()
            app.shutdown()
        raised = refresh_alerts(uow()).raised
        assert [a for a in raised if a.kind == "clip_encoder"] == []  # not raised twice
        [alert] = [a for a in open_alerts(uow()) if a.kind == "clip_encoder"]
        assert alert.cleared  # a new encoder films
        assert AlertDelivery(uow, credentials).deliver().sent == 2  # raised, then cleared
        contents = [m["content"] for m in robot.messages()]
    assert contents[0].startswith("**[Packdesk] Pack video encoder stopped: B1")
