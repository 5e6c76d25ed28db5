"""The evidence station: the pack video's encoding speed and the weight gate's delay.

- `video_encode_realtime_ratio`: seconds of 1280×720 video at 15 fps (a packing-desk scene
  with a code moving over it, overlay and QR stamp included) encoded per second of wall
  time, with this process held to ONE core. At least 1.0 keeps up in real time.
- `weight_gate_ms`: a scale on a serial line (a pty pair made by socat) sending the common
  text format at 10 readings a second; from the first reading the scale flags stable to the
  gate's verdict on the settled weight (the settle filter wants 3 agreeing readings).
- `scan_to_verdict_recording_p99_ms`: scan_bench's scan-to-verdict p99 (the same 40 orders
  on the same 100k-order store) while the pack video films every parcel at 1280×720 and
  15 fps from a video-file camera that also decodes each frame for barcodes, as a station's
  camera does. Beside `scan_to_verdict_p99_ms`, it shows what filming costs a scan.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SECONDS = 8
FPS = 15


def _encode_ratio() -> dict:
    from scanners.clip_encoder import ClipEncoder, _Clip
    from scanners.testcard import render_code, scene

    code = render_code("4006381333931", "ean13")
    frames = [scene(size=(1280, 720), code=code, at=(200 + 20 * (i % 30), 250), seed=i % 4)
              for i in range(30)]
    folder = Path(tempfile.mkdtemp(prefix="packdesk-video-"))
    # the encoder as it runs in its own process, here in this one held to one core
    recorder = ClipEncoder(folder, size=(1280, 720), fps=FPS, threads=1)
    affinity = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(affinity)})
    try:
        clip = _Clip(folder / "bench.mp4", "PD-100001", "PK000000045", "", datetime.now(UTC),
                     0.0)
        count = SECONDS * FPS
        started = time.perf_counter()
        for index in range(count):
            recorder._write(clip, frames[index % len(frames)], index * 1000 / FPS)
        result = recorder._finish(clip)
        elapsed = time.perf_counter() - started
    finally:
        os.sched_setaffinity(0, affinity)
    assert result.frames == count and not result.problem, result.problem
    size_mb = result.bytes / 1024**2
    shutil.rmtree(folder, ignore_errors=True)
    ratio = (count / FPS) / elapsed
    return {"key": "video_encode_realtime_ratio", "value": round(ratio, 2), "unit": "x",
            "target": ">= 1.0", "note": f"1280x720 {FPS} fps libx264 ultrafast, 1 core, "
                                        f"{SECONDS} s in {elapsed:.1f} s, {size_mb:.1f} MB"}


def _weight_gate() -> dict:
    if not shutil.which("socat"):
        return {"key": "weight_gate_ms", "value": float("nan"), "unit": "ms",
                "target": "<= 300", "note": "socat missing (apt-get install socat)"}
    from PySide6.QtCore import QEventLoop, QTimer

    from app.domain.weighing import PackedUnit, WeightTolerance, judge
    from scanners.scale import SerialScale
    from ui.app import qt_application

    # the bench's own application, so the recording bench after this one can build the
    # station's widgets in it (a QCoreApplication made here has no fonts or windows)
    app = qt_application()
    folder = Path(tempfile.mkdtemp(prefix="packdesk-scale-"))
    device, feeder_path = folder / "ttyScale", folder / "scale-side"
    socat = subprocess.Popen(["socat", "-d", "-d", f"PTY,link={device},raw,echo=0",
                              f"PTY,link={feeder_path},raw,echo=0"], stderr=subprocess.PIPE,
                             text=True)
    for line in socat.stderr:
        if "starting data transfer loop" in line:
            break
    feeder = os.open(feeder_path, os.O_RDWR | os.O_NOCTTY)
    scale = SerialScale(str(device), "text", retry_ms=50)
    units = [PackedUnit("TEA-001", 2, 250.0), PackedUnit("CUP-002", 1, 180.0)]
    delays: list[float] = []
    first_stable: list[float] = []

    def on_settled(grams: float) -> None:
        verdict = judge(units, 180.0, grams, WeightTolerance())
        if verdict.passed and first_stable:
            delays.append((time.perf_counter() - first_stable[0]) * 1000)

    scale.settled.connect(on_settled)
    scale.start()

    def scale_side(parcels: int) -> None:
        for parcel in range(parcels):
            weight = 0.860 + parcel * 0.0003
            for _ in range(3):  # lifted on, moving
                os.write(feeder, f"US,GS,+  {weight - 0.2:.3f}kg\r\n".encode())
                time.sleep(0.1)
            first_stable.clear()
            for _ in range(6):
                if not first_stable:
                    first_stable.append(time.perf_counter())
                os.write(feeder, f"ST,GS,+  {weight:.3f}kg\r\n".encode())
                time.sleep(0.1)
            os.write(feeder, b"ST,GS,+  0.000kg\r\n" * 4)  # taken off
            time.sleep(0.4)

    parcels = 10
    side = threading.Thread(target=scale_side, args=(parcels,), daemon=True)
    side.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if not side.is_alive() else None)
    timer.start(50)
    loop.exec()
    scale.stop()
    os.close(feeder)
    socat.terminate()
    socat.wait(5)
    shutil.rmtree(folder, ignore_errors=True)
    del app
    worst = max(delays) if delays else float("nan")
    return {"key": "weight_gate_ms", "value": round(worst, 1), "unit": "ms", "target": "<= 300",
            "note": f"worst of {len(delays)} parcels, median {statistics.median(delays):.0f} ms; "
                    "scale at 10 readings/s, 3 agreeing readings settle"
            if delays else "no parcel settled"}


def _scan_to_verdict_recording(count: int = 40, store_orders: int = 100_000) -> dict:
    from PySide6.QtCore import QTimer

    from bench.big_store import big_store
    from bench.scan_bench import _measure_scans, _percentile
    from scanners.camera import CameraScanner
    from scanners.pack_video import PackRecorder
    from scanners.testcard import scene, write_video
    from ui import station_parts as parts

    parts_kept: dict = {}

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        desk = write_video(workdir / "desk.mp4", [scene(size=(1280, 720), seed=i % 4)
                                                  for i in range(150)], fps=FPS)
        store_path = big_store(workdir, orders=store_orders)

        def setup(app, uow) -> None:
            camera = CameraScanner(desk, preview=False)
            recorder = PackRecorder(workdir / "clips", size=(1280, 720), fps=FPS,
                                    keep_free_bytes=0)
            parts.attach_pack_video(app, camera, recorder, uow)
            replay = QTimer(app.window, interval=200)  # the file ends: the camera goes on
            replay.timeout.connect(lambda: None if camera.running else camera.start())
            replay.start()
            camera.start()
            app.on_shutdown.insert(0, lambda: (replay.stop(), camera.stop(), camera.wait()))
            parts_kept.update(recorder=recorder)

        tagged = _measure_scans(store_path, workdir, setup, count=count,
                                store_orders=store_orders)
        clips = sorted((workdir / "clips").rglob("*.mp4"))
        dropped = parts_kept["recorder"].dropped
    samples = [ms for _kind, ms in tagged]
    return {"key": "scan_to_verdict_recording_p99_ms", "value": _percentile(samples, 0.99),
            "unit": "ms", "target": "<= 16",
            "note": f"{len(samples)} scans on {store_orders // 1000}k orders while filming "
                    f"1280x720 {FPS} fps from a video-file camera: {len(clips)} clips, "
                    f"{dropped} frames dropped by the encoder's queue"}


def run() -> list[dict]:
    return [_encode_ratio(), _weight_gate(), _scan_to_verdict_recording()]
