"""The camera's barcodes are read in a child process: zxing-cpp holds the GIL for a whole
read (9 ms of a 720p frame, 20 ms and more of a still), and read in the app's process every
scan typed meanwhile waited for it (issue 19)."""

from __future__ import annotations

import os
import signal

import pytest

import scanners.decoder
from scanners.camera import CameraScanner
from scanners.decode_worker import GIVE_UP_AFTER
from scanners.testcard import render_code, scene, write_sequence

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

EAN = "4006381333931"


@pytest.fixture
def desk(tmp_path):
    code = render_code(EAN, "ean13")
    blank, shown = scene(seed=3), scene(code=code, at=(400, 250), seed=3)
    return write_sequence(tmp_path / "desk", [blank] * 3 + [shown] * 6 + [blank] * 5
                          + [shown] * 4)


@pytest.fixture
def reads_here(monkeypatch):
    """Counts the pictures read in this process."""
    calls = []
    real = scanners.decoder.decode

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(scanners.decoder, "decode", counted)
    monkeypatch.setattr("scanners.decode_worker.decode", counted)
    return calls


def run_to_end(qtbot, camera: CameraScanner) -> list:
    scans = []
    camera.scanned.connect(lambda *args: scans.append(args))
    with qtbot.waitSignal(camera.status_changed, timeout=20000,
                          check_params_cb=lambda text: "no more frames" in text):
        camera.start()
    assert camera.wait()
    return scans


def test_the_camera_reads_its_codes_in_a_child_process(qtbot, desk, reads_here):
    camera = CameraScanner(desk, frame_interval_ms=5, preview=False)
    assert camera.decoder.wait_ready()  # until then (a second) pictures are read here
    assert run_to_end(qtbot, camera) == [(EAN, "ean13", "camera")] * 2
    assert reads_here == []  # not one picture read in the app's process
    child = camera.decoder.process
    assert child is not None and child.pid != os.getpid() and child.poll() is None
    camera.stop()
    camera.decoder.close()
    assert child.poll() is not None  # stopped: the child is gone


def test_a_reader_that_dies_is_replaced_and_scanning_goes_on(qtbot, desk, reads_here):
    camera = CameraScanner(desk, frame_interval_ms=5, preview=False)
    assert camera.decoder.wait_ready()
    assert run_to_end(qtbot, camera) == [(EAN, "ean13", "camera")] * 2
    first = camera.decoder.process
    os.kill(first.pid, signal.SIGKILL)
    first.wait(5)
    camera.sightings.hold_off_s = 0  # the same code again counts again
    reads_here.clear()
    assert run_to_end(qtbot, camera)[:1] == [(EAN, "ean13", "camera")]
    assert camera.decoder.children == 2 and camera.decoder.process is not first
    # the picture in hand when it died, and those while the new one started, read here
    assert 1 <= len(reads_here) <= 18
    camera.stop()
    camera.decoder.close()


def test_readers_that_keep_dying_leave_the_camera_reading_in_its_own_process(
        qtbot, desk, reads_here, monkeypatch):
    monkeypatch.setattr("scanners.decode_worker.sys.executable", "/bin/false")
    camera = CameraScanner(desk, frame_interval_ms=5, preview=False)
    assert run_to_end(qtbot, camera) == [(EAN, "ean13", "camera")] * 2
    assert camera.decoder.children == GIVE_UP_AFTER and camera.decoder.in_process
    assert len(reads_here) == 18  # every frame, none lost
    camera.stop()
