"""A second camera (the side of the table) filmed into the same clip: its picture is inset
bottom right in the main camera's frames; it films but does not scan."""

from __future__ import annotations

import numpy as np
import pytest

from scanners.camera import CameraScanner
from scanners.pack_video import SIDE_SHARE, PackRecorder
from scanners.testcard import render_code, scene, write_video
from tests.integration.scanners.test_pack_video import decoded_frames

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_the_side_camera_is_inset_in_the_clip_and_does_not_scan(qtbot, tmp_path):
    main = CameraScanner(write_video(tmp_path / "top.mp4", [scene(size=(640, 480), seed=1)] * 45,
                                     fps=30), preview=False)
    blue = np.zeros((360, 480, 3), np.uint8)
    blue[:, :] = (230, 40, 20)  # BGR: a blue box on the side of the table
    code = render_code("4006381333931", "ean13")
    blue[10:10 + code.shape[0], 10:10 + code.shape[1]] = code[..., None] if code.ndim == 2 \
        else code
    side = CameraScanner(write_video(tmp_path / "side.avi", [blue] * 60, fps=30),
                         preview=False, scans=False)
    recorder = PackRecorder(tmp_path / "clips", size=(640, 360), fps=10)
    assert recorder.wait_started()
    main.frame_sinks.append(recorder)
    side.frame_sinks.append(recorder.side)
    scanned = []
    side.scanned.connect(lambda *args: scanned.append(args))
    recorder.begin("PD-100001")
    side.start()
    with qtbot.waitSignal(main.status_changed, timeout=15000,
                          check_params_cb=lambda text: "no more frames" in text):
        main.start()
    assert main.wait() and side.wait()
    result = recorder.end()
    recorder.close()
    frames = decoded_frames(result.path)
    assert len(frames) == result.frames >= 8
    inset_w = int(640 * SIDE_SHARE)
    inset_h = int(inset_w * 360 / 480)
    top, left = 360 - 48 - 4 - inset_h, 640 - inset_w - 4
    with_side = 0
    for _pts, picture in frames:
        corner = picture[top + inset_h - 20:top + inset_h - 5, left + inset_w - 40:left + inset_w - 5]
        main_view = picture[100:140, 40:120]
        if np.abs(corner.mean(axis=(0, 1)) - (230, 40, 20)).max() < 30:
            with_side += 1
            assert np.abs(main_view.mean(axis=(0, 1)) - (230, 40, 20)).max() > 60
    assert with_side >= len(frames) - 2  # every frame once the side camera had a picture
    assert scanned == []  # the side camera films only: its barcode is not a scan
