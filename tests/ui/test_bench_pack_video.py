"""A pack filmed at the bench: a video file as the camera, key events at scanner timing.
The clip is in the store's index, plays, and its verdict times match the scan log."""

from __future__ import annotations

from datetime import timedelta

import av
import pytest
from sqlalchemy import select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.services.bench import PackBenchService
from app.services.clips import find_clips
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from scanners.camera import CameraScanner
from scanners.pack_video import PackRecorder
from scanners.testcard import scene, write_video
from tests.e2e.driver import scan
from ui import station_parts as parts
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_pack_is_filmed_from_the_order_to_its_label(qtbot, demo_store, one_item_order,
                                                      tmp_path, monkeypatch):
    import threading

    import app.services.clips as clips_service

    indexed_on = []
    record_clip = clips_service.record_clip

    def recording_thread(uow, clip):
        indexed_on.append(threading.current_thread().name)
        return record_clip(uow, clip)

    monkeypatch.setattr(clips_service, "record_clip", recording_thread)
    uow = uow_factory(demo_store.session_factory, station="B1")
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="B1",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    desk = write_video(tmp_path / "desk.mp4", [scene(size=(640, 480), seed=i % 3)
                                               for i in range(150)], fps=30)
    camera = CameraScanner(desk, preview=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=10)
    parts.attach_pack_video(app, camera, recorder, uow)
    assert recorder.wait_started()
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    camera.start()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda result, _m: result == "opened"):
            scan(app.window, "PD-900777")
        qtbot.wait(400)  # the packer reaches for the item
        with qtbot.waitSignal(app.bench.label_done, timeout=15000):
            scan(app.window, one_item_order)
        qtbot.waitUntil(lambda: bool(find_clips(uow(), "PD-900777")), timeout=15000)
    finally:
        camera.stop()
        camera.wait()
        app.shutdown()
    (clip,) = find_clips(uow(), "PD-900777")
    assert clip.station == "B1" and clip.frames > 0
    # the index row is written in the store worker's queue, between scans: written beside
    # them (the I/O pool) it raced the next scan for the store's writer lock and the GIL
    assert len(indexed_on) == 1 and indexed_on[0].startswith("store"), indexed_on
    assert clip.tracking_number and find_clips(uow(), clip.tracking_number)
    with av.open(clip.path) as played:
        assert sum(1 for _ in played.decode(video=0)) == clip.frames
    texts = [e["text"] for e in clip.events]
    assert texts[0] == "opened" and "verified 1/1" in texts
    with demo_store.engine.connect() as db:
        c = orm.scan_events.c
        scanned_at = db.execute(select(c.at).where(c.order_number == "PD-900777",
                                                   c.result == "verified")).scalar_one()
    verified_at = next(e["at_ms"] for e in clip.events if e["text"] == "verified 1/1")
    # the clip's verdict is on the scan log's clock (the store's time of the scan)
    expected = (scanned_at - clip.started_at) / timedelta(milliseconds=1)
    assert abs(verified_at - expected) < 300, (verified_at, expected)


def test_an_encoder_that_dies_mid_order_is_said_and_packing_goes_on(qtbot, demo_store,
                                                                  one_item_order, tmp_path):
    """The encoder's process is killed while an order is filmed: the station says so in its
    status bar, the parcel still packs and its label prints; no clip is indexed for it."""
    import os
    import signal

    uow = uow_factory(demo_store.session_factory, station="B1")
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="B1",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    desk = write_video(tmp_path / "desk.mp4", [scene(size=(640, 480), seed=i % 3)
                                               for i in range(150)], fps=30)
    camera = CameraScanner(desk, preview=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=10)
    parts.attach_pack_video(app, camera, recorder, uow)
    qtbot.addWidget(app.window)
    app.window.show()
    assert recorder.wait_started()
    camera.start()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda result, _m: result == "opened"):
            scan(app.window, "PD-900777")
        os.kill(recorder.encoder_pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: app.window.statusBar().currentMessage().startswith(
            "The pack video encoder stopped (signal 9)"), timeout=10000)
        with qtbot.waitSignal(app.bench.label_done, timeout=15000):
            scan(app.window, one_item_order)
        assert app.bench.last_completion is not None  # packed: filming never held it
        qtbot.wait(500)  # the clip's close is answered (none: its encoder died)
    finally:
        camera.stop()
        camera.wait()
        app.shutdown()
    assert find_clips(uow(), "PD-900777") == ()
