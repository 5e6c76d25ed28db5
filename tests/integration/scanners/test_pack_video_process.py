"""The pack video's encoder runs in a child process (issue 19: in the app's process it held
the GIL while a scan waited). It must end with the app, even a killed one, leaving a clip
that plays; and when it dies, the recorder says so and films again with the next order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from scanners.pack_video import PackRecorder
from scanners.testcard import scene
from tests.integration.scanners.test_pack_video import decoded_frames, stamp_of

ROOT = Path(__file__).resolve().parents[3]


def _gone(pid: int) -> bool:
    """No such process, or only its zombie (reaped by whoever adopted it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def _film(recorder: PackRecorder, frames: int, fps: int = 15) -> None:
    for index in range(frames):
        recorder.offer(scene(size=(320, 240), seed=index % 4))
        time.sleep(1 / fps)


def test_a_killed_app_leaves_no_encoder_behind_and_a_clip_that_plays(tmp_path):
    app = textwrap.dedent(f"""
        import os, signal, sys, time
        from scanners.pack_video import PackRecorder
        from scanners.testcard import scene
        recorder = PackRecorder({str(tmp_path / "clips")!r}, size=(320, 240), fps=15)
        assert recorder.wait_started()
        path = recorder.begin("PD-100009", "PK000000049")
        recorder.note("verified TEA-001 1/2")
        for index in range(20):
            recorder.offer(scene(size=(320, 240), seed=index % 4))
            time.sleep(1 / 15)
        print(recorder.encoder_pid, recorder._encoder.rings['frame'].path, path, flush=True)
        time.sleep(0.3)  # the frames offered reach the encoder
        os.kill(os.getpid(), signal.SIGKILL)  # the app is killed mid-order
    """)
    killed = subprocess.run([sys.executable, "-c", app], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    pid_text, ring, path_text = killed.stdout.split(maxsplit=2)
    encoder, path = int(pid_text), Path(path_text.strip())
    assert not Path(ring).exists()  # the frames' shared memory is not left behind
    deadline = time.monotonic() + 20
    while not _gone(encoder) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(encoder), "the encoder outlived the app"
    played = decoded_frames(path)  # the encoder closed the clip as it went: it plays
    assert len(played) >= 5
    order, _at = stamp_of(played[-1][1]).split("|")
    assert order == "PD-100009"


def test_a_closed_recorder_ends_its_encoder(tmp_path):
    recorder = PackRecorder(tmp_path / "clips", size=(320, 240), fps=15)
    assert recorder.wait_started()
    encoder = recorder.encoder_pid
    assert encoder is not None and not _gone(encoder)
    recorder.close()
    assert _gone(encoder)


def test_an_encoder_that_dies_is_said_and_the_next_order_is_filmed(tmp_path):
    said: list[str] = []
    recorder = PackRecorder(tmp_path / "clips", size=(320, 240), fps=15,
                            on_problem=said.append)
    try:
        assert recorder.wait_started()
        first = recorder.encoder_pid
        assert first is not None
        recorder.begin("PD-100010")
        _film(recorder, 5)
        os.kill(first, signal.SIGKILL)  # the encoder crashes mid-clip
        deadline = time.monotonic() + 10
        while not said and time.monotonic() < deadline:
            time.sleep(0.02)
        assert said == [f"The pack video encoder stopped (signal {int(signal.SIGKILL)}); the "
                        "clip being filmed may be lost. Packing goes on; filming starts "
                        "again with the next order."]
        started = time.perf_counter()
        _film(recorder, 3)  # the camera goes on offering: nothing waits
        assert recorder.end() is None  # that clip is not indexed as if it were whole
        assert time.perf_counter() - started < 2
        path = recorder.begin("PD-100011")  # a new encoder for the next order
        assert recorder.wait_started() and recorder.encoder_pid != first
        _film(recorder, 8)
        result = recorder.end()
    finally:
        recorder.close()
    assert result is not None and result.path == path and not result.problem
    assert result.frames >= 5 and len(decoded_frames(path)) == result.frames
    assert len(said) == 1  # the new encoder closing normally is not a failure
