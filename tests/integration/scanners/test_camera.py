"""The camera source driven by image sequences of a packing desk, as a webcam would be."""

from __future__ import annotations

import cv2
import pytest
from PySide6.QtGui import QColor

from scanners.camera import CameraScanner
from scanners.preview import CameraPreview
from scanners.testcard import TEST_CARD_GS1, render_code, scene, write_sequence, write_video

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

EAN = "4006381333931"


@pytest.fixture
def ean_code():
    return render_code(EAN, "ean13")


def run_to_end(qtbot, camera: CameraScanner) -> None:
    with qtbot.waitSignal(camera.status_changed, timeout=10000,
                          check_params_cb=lambda text: "no more frames" in text):
        camera.start()
    assert camera.wait()


def test_each_sighting_is_one_scan(qtbot, tmp_path, ean_code):
    """In view, gone for 5 frames, back: two scans, not one per frame."""
    blank, shown = scene(seed=1), scene(code=ean_code, at=(400, 250), seed=1)
    pattern = write_sequence(tmp_path / "desk", [blank] * 3 + [shown] * 8 + [blank] * 5
                             + [shown] * 4)
    camera = CameraScanner(pattern, frame_interval_ms=5, preview=False)
    scans = []
    camera.scanned.connect(lambda *args: scans.append(args))
    run_to_end(qtbot, camera)
    assert scans == [(EAN, "ean13", "camera")] * 2
    assert camera.last_scan_latency_ms is not None


def test_video_file_played_at_its_own_pace(qtbot, tmp_path, ean_code):
    frames = [scene(size=(640, 480), seed=6)] * 4 + [
        scene(size=(640, 480), code=ean_code, at=(120, 160), seed=6)] * 6
    video = write_video(tmp_path / "desk.mp4", frames, fps=30)
    camera = CameraScanner(video, preview=False)
    scans = []
    camera.scanned.connect(lambda *args: scans.append(args))
    run_to_end(qtbot, camera)
    assert scans == [(EAN, "ean13", "camera")]


def test_gs1_test_card_in_view(qtbot, tmp_path):
    card = render_code(TEST_CARD_GS1, "gs1-datamatrix", scale=5)
    pattern = write_sequence(tmp_path / "card", [scene(code=card, at=(300, 120), seed=2)] * 3)
    camera = CameraScanner(pattern, frame_interval_ms=5, preview=False)
    with qtbot.waitSignal(camera.scanned, timeout=10000) as blocker:
        camera.start()
    camera.stop()
    camera.wait()
    text, symbology, source = blocker.args
    assert (symbology, source) == ("gs1-datamatrix", "camera")
    assert text.startswith("0109501101530003")


def test_a_hard_code_is_read_on_a_still_after_empty_frames(qtbot, tmp_path):
    """Too small for the live pass; the still pass (upscaling) reads it."""
    tiny = cv2.resize(render_code("SKU-RED-42", "code128", scale=2), None, fx=0.7, fy=0.7,
                      interpolation=cv2.INTER_AREA)
    frame = scene(size=(640, 480), code=tiny, at=(150, 200), seed=3)
    pattern = write_sequence(tmp_path / "far", [frame] * 12)
    camera = CameraScanner(pattern, frame_interval_ms=5, fallback_after_frames=4,
                           preview=False)
    scans = []
    camera.scanned.connect(lambda *args: scans.append(args[0]))
    run_to_end(qtbot, camera)
    assert scans == ["SKU-RED-42"]


def test_no_camera_says_so(qtbot):
    camera = CameraScanner(0)
    with qtbot.waitSignal(camera.status_changed, timeout=10000) as blocker:
        camera.start()
    assert camera.wait()
    assert blocker.args[0].startswith("No camera found at index 0")


def test_missing_video_file_says_so(qtbot, tmp_path):
    camera = CameraScanner(str(tmp_path / "nowhere.mp4"))
    with qtbot.waitSignal(camera.status_changed, timeout=10000) as blocker:
        camera.start()
    assert camera.wait()
    assert "Cannot open the video" in blocker.args[0]


def test_stop_ends_the_worker(qtbot, tmp_path):
    pattern = write_sequence(tmp_path / "long", [scene(size=(320, 240), seed=4)] * 50)
    camera = CameraScanner(pattern, frame_interval_ms=20, preview=False)
    with qtbot.waitSignal(camera.status_changed, timeout=10000):
        camera.start()
    camera.stop()
    assert camera.wait()


def test_preview_outlines_the_code(qtbot, tmp_path, ean_code):
    pattern = write_sequence(tmp_path / "pv", [scene(size=(640, 480), code=ean_code,
                                                     at=(150, 150), seed=5)] * 3)
    camera = CameraScanner(pattern, frame_interval_ms=5)
    preview = CameraPreview()
    qtbot.addWidget(preview)
    preview.resize(640, 480)
    preview.attach(camera)
    preview.show()
    run_to_end(qtbot, camera)
    qtbot.waitUntil(lambda: bool(preview.quads))
    shot = preview.grab().toImage()
    (quad,) = preview.quads
    x, y = quad[0]
    rect = preview.image_rect()
    scale = rect.width() / preview.frame.width()
    px = shot.pixelColor(round(rect.x() + x * scale), round(rect.y() + y * scale))
    assert px.green() > 150 and px.red() < 100, px.name()
    assert QColor(px).isValid()
