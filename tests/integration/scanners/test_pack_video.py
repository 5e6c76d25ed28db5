"""A pack filmed from a video-file camera: the clip exists, plays, carries the overlay (its
QR stamp decoded back from the frames), and its times match the scan log."""

from __future__ import annotations

import time

import av
import cv2
import numpy as np
import pytest
import zxingcpp

from scanners.camera import CameraScanner
from scanners.pack_video import PackRecorder
from scanners.testcard import render_code, scene, write_video

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

EAN = "4006381333931"


def decoded_frames(path):
    """(pts in ms, BGR picture) of every frame of an MP4, decoded by FFmpeg."""
    with av.open(str(path)) as clip:
        stream = clip.streams.video[0]
        return [(round(float(frame.pts * stream.time_base) * 1000), frame.to_ndarray(format="bgr24"))
                for frame in clip.decode(stream)]


def stamp_of(picture) -> str:
    return next(r.text for r in zxingcpp.read_barcodes(picture[40:200, -200:])
                if r.format == zxingcpp.BarcodeFormat.QRCode)


def test_a_pack_recorded_from_a_video_file_camera(qtbot, tmp_path):
    code = render_code(EAN, "ean13")
    frames = [scene(size=(640, 480), seed=3)] * 20 + [
        scene(size=(640, 480), code=code, at=(150, 160), seed=3)] * 25
    camera = CameraScanner(write_video(tmp_path / "desk.mp4", frames, fps=30), preview=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=15)
    camera.frame_sinks.append(recorder)
    scanned_at = []
    camera.scanned.connect(lambda *args: (scanned_at.append(time.perf_counter()),
                                          recorder.note(f"verified {args[0]}")))
    began = time.perf_counter()
    path = recorder.begin("PD-100001", "PK000000045", "SHOP-1001")
    with qtbot.waitSignal(camera.status_changed, timeout=15000,
                          check_params_cb=lambda text: "no more frames" in text):
        camera.start()
    assert camera.wait()
    recorder.set_tracking("PK000000045")
    result = recorder.end()
    recorder.close()

    assert result is not None and result.path == path and path.exists() and not result.problem
    assert result.bytes == path.stat().st_size and len(result.sha256) == 64
    played = decoded_frames(path)
    assert len(played) == result.frames >= 10  # it plays: FFmpeg decodes every frame back
    assert played[0][1].shape == (360, 640, 3)
    # the overlay: each frame's QR stamp names the order and that frame's own time
    for pts, picture in played[::3]:
        order, at = stamp_of(picture).split("|")
        assert order == "PD-100001" and abs(int(at) - pts) <= 1
    # the top band is dark with white text, the verdict band green once the EAN was seen
    assert played[0][1][5:40, :, :].mean() < 90
    (event,) = result.events
    assert event.text == f"verified {EAN}"
    assert abs(event.at_ms - (scanned_at[0] - began) * 1000) < 50  # the scan log's clock
    after = [p for pts, p in played if event.at_ms + 100 <= pts <= event.at_ms + 2500]
    assert after, "no frame after the scan"
    band = after[0][-40:, :, :].reshape(-1, 3).mean(axis=0)
    assert band[1] > 120 and band[2] < 120  # green (BGR): the verdict is on the picture


def test_a_full_disk_stops_the_recording_and_says_so(tmp_path):
    problems = []
    recorder = PackRecorder(tmp_path / "clips", size=(320, 240), fps=15,
                            on_problem=problems.append)
    (tmp_path / "clips").write_text("not a folder")  # the clips folder cannot be made
    recorder.begin("PD-100002")
    for _ in range(5):
        recorder.offer(np.zeros((240, 320, 3), np.uint8))
        time.sleep(0.08)
    result = recorder.end()
    recorder.close()
    assert result is not None and result.problem.startswith("recording stopped")
    assert problems and "Packing goes on without it" in problems[0]


def test_frames_offered_faster_than_the_encoder_drop_the_oldest(tmp_path):
    recorder = PackRecorder(tmp_path / "clips", size=(320, 240), fps=15)
    recorder.begin("PD-100003")
    picture = cv2.cvtColor(np.full((240, 320), 128, np.uint8), cv2.COLOR_GRAY2BGR)
    started = time.perf_counter()
    for _ in range(400):
        recorder.offer(picture)
    assert time.perf_counter() - started < 0.5  # offering never waits for the encoder
    result = recorder.end()
    recorder.close()
    assert result.frames >= 1 and recorder.dropped > 0


def test_the_encoder_gives_way_to_the_scans(tmp_path):
    """Issue 19: filming never slows a scan. The encoder thread runs at a lower priority
    than the app's other threads (the store worker, the main thread), so on a busy machine
    the scheduler serves a scan first; the encoder keeps up with what is left."""
    import os

    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=15)
    try:
        deadline = time.perf_counter() + 5
        while recorder.encoder_priority is None and time.perf_counter() < deadline:
            time.sleep(0.01)
        encoder = os.getpriority(os.PRIO_PROCESS, recorder._thread.native_id)
        assert encoder > os.getpriority(os.PRIO_PROCESS, 0)  # the calling thread's own
        assert encoder == recorder.encoder_priority
    finally:
        recorder.close()
