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
    assert recorder.wait_started()  # the encoder's process is up before the camera runs
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
    for index in range(60):  # four seconds of frames at the clip's rate, all at once
        recorder.offer(picture, started + index / 15)
    assert time.perf_counter() - started < 0.5  # offering never waits for the encoder
    time.sleep(max(0.0, started + 60 / 15 - time.perf_counter()) + 0.1)
    result = recorder.end()
    recorder.close()
    assert result.frames >= 1 and recorder.dropped > 0


def test_the_encoder_gives_way_to_the_scans(tmp_path):
    """Issue 19: filming never slows a scan. The encoder runs in a process of its own (no
    GIL shared with the scans) at a lower priority than the app's threads (the store
    worker, the main thread), so on a busy machine the scheduler serves a scan first; the
    encoder keeps up with what is left."""
    import os

    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=15)
    try:
        assert recorder.wait_started()
        assert recorder.encoder_pid not in (None, os.getpid())
        encoder = os.getpriority(os.PRIO_PROCESS, recorder.encoder_pid)
        assert encoder > os.getpriority(os.PRIO_PROCESS, 0)  # the calling thread's own
        assert encoder == recorder.encoder_priority
    finally:
        recorder.close()


def test_the_encoder_is_handed_the_overlaid_picture_unchanged(tmp_path):
    """The encoder takes the overlaid picture's own buffer (no copy made holding the GIL):
    the clip comes out bit for bit as from a copied frame, for a picture of the clip's size,
    one resized to it, a grey one, and one with a second camera inset."""
    from datetime import UTC, datetime

    from scanners.clip_encoder import ClipEncoder, ClipEvent, _Clip

    size, fps = (320, 240), 15
    pictures = [scene(size=size, seed=1), scene(size=(640, 480), seed=2),
                cv2.cvtColor(scene(size=size, seed=3), cv2.COLOR_BGR2GRAY),
                scene(size=(400, 300), seed=0)]
    started = datetime.now(UTC)

    def film(recorder, name):
        clip = _Clip(tmp_path / name, "PD-100004", "PK000000046", "", started, 0.0)
        clip.events.append(ClipEvent(0, "verified TEA-001"))
        for index in range(12):
            at_ms = index * 1000 / fps
            if index >= 9:
                recorder.side.offer(scene(size=(160, 120), seed=index % 4), at_ms / 1000)
            recorder._write(clip, pictures[index % len(pictures)].copy(), at_ms)
        result = recorder._finish(clip)
        assert result.frames == 12 and not result.problem, result.problem
        return decoded_frames(clip.path)

    filmed = film(ClipEncoder(tmp_path / "a", size=size, fps=fps), "shared.mp4")
    # the same encoder, frames copied into FFmpeg's own buffer as before
    copied = ClipEncoder(tmp_path / "b", size=size, fps=fps)
    copied._video_frame = lambda picture: av.VideoFrame.from_ndarray(  # type: ignore[method-assign]
        picture, format="bgr24")
    reference = film(copied, "copied.mp4")
    assert [pts for pts, _ in filmed] == [pts for pts, _ in reference]
    for (_, ours), (_, theirs) in zip(filmed, reference, strict=True):
        assert np.array_equal(ours, theirs)
