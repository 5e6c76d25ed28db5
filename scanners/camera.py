"""A webcam (or a video file / image sequence standing in for one) as a scan source.

Capture runs on a worker thread, which hands each frame to a barcode reader in a child
process (scanners/decode_worker.py: zxing-cpp holds the GIL for a whole read, and a scan
typed meanwhile waited for it); results reach the main thread through queued signals, so
the UI never waits on a frame. Live frames get the fast decoder pass; after a
few empty frames one still gets every pass, pyzbar included.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import cv2
import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from scanners.decode_worker import DecoderProcess
from scanners.decoder import to_gray
from scanners.source import ScanSource


@dataclass
class SightingFilter:
    """Report a code once per hold-off, or again as soon as it has left the view and returned.

    A code counts as gone after `gone_after_frames` frames without it, so one frame where
    the decoder misses a code still in view does not make it count twice.
    """

    hold_off_s: float = 1.5
    gone_after_frames: int = 3
    _reported_at: dict[tuple[str, str], float] = field(default_factory=dict)
    _missing: dict[tuple[str, str], int] = field(default_factory=dict)

    def admit(self, seen: list[tuple[str, str]], now: float) -> list[tuple[str, str]]:
        """Which of this frame's (text, symbology) codes to report, in order."""
        fresh = []
        for code in dict.fromkeys(seen):
            reported = self._reported_at.get(code)
            came_back = self._missing.get(code, 0) >= self.gone_after_frames
            if reported is None or came_back or now - reported >= self.hold_off_s:
                fresh.append(code)
                self._reported_at[code] = now
            self._missing[code] = 0
        for code in list(self._missing):
            if code not in seen:
                self._missing[code] += 1
                if now - self._reported_at.get(code, now) > 60:
                    del self._missing[code], self._reported_at[code]  # long gone: forget
        return fresh


def open_capture(source: int | str) -> cv2.VideoCapture:
    """A camera index, a video file, or an image sequence such as "frames/%03d.png"."""
    if isinstance(source, str) and "%" in source:
        return cv2.VideoCapture(source, cv2.CAP_IMAGES)
    return cv2.VideoCapture(source)


def to_qimage(frame: np.ndarray) -> QImage:
    """A deep copy: the worker's numpy buffer is reused for the next frame."""
    if frame.ndim == 2:
        h, w = frame.shape
        return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_Grayscale8).copy()
    h, w = frame.shape[:2]
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()


class CameraScanner(ScanSource):
    """Scans from a camera; `frame_ready(image, quads)` feeds a live preview."""

    kind = "camera"
    frame_ready = Signal(QImage, list)
    # worker -> main thread (queued): codes seen in one frame and when it was grabbed
    _frame_decoded = Signal(list, float)
    _capture_event = Signal(str)

    def __init__(self, source: int | str = 0, hold_off_s: float = 1.5,
                 fallback_after_frames: int = 8, frame_interval_ms: float | None = None,
                 preview: bool = True, parent: QObject | None = None,
                 scans: bool = True) -> None:
        super().__init__(parent)
        self.source = source
        self.scans = scans  # False: a camera that only films (the side of the table)
        self.fallback_after_frames = fallback_after_frames
        self.frame_interval_ms = frame_interval_ms
        self.preview = preview
        self.sightings = SightingFilter(hold_off_s)
        # each gets every frame from the capture thread, e.g. the pack video's recorder;
        # a sink must not block (it queues the frame and returns)
        self.frame_sinks: list = []
        self.last_scan_latency_ms: float | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.decoder = DecoderProcess()  # kept across a file's replays; ended by stop()
        self._frame_decoded.connect(self._on_worker_frame_decoded)
        self._capture_event.connect(self._on_worker_capture_event)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the worker to finish; it releases the camera after its current frame."""
        self._stop.set()

    def wait(self, timeout_s: float = 5.0) -> bool:
        """Block until the worker has ended (for shutdown and tests)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.running

    # -- worker thread ----------------------------------------------------------------
    def _run(self) -> None:
        if self.scans:
            self.decoder.prepare()  # its child starts while the camera opens
        capture = open_capture(self.source)
        try:
            if not capture.isOpened():
                self._capture_event.emit("missing")
                return
            self._capture_event.emit("opened")
            self._capture_loop(capture, self._frame_interval_s(capture))
        finally:
            capture.release()
            if self._stop.is_set():
                self.decoder.close()

    def _frame_interval_s(self, capture: cv2.VideoCapture) -> float:
        """Files are played at their own pace; a camera paces itself."""
        if self.frame_interval_ms is not None:
            return self.frame_interval_ms / 1000
        if isinstance(self.source, int):
            return 0.0
        fps = capture.get(cv2.CAP_PROP_FPS)
        return 1 / fps if 1 <= fps <= 240 else 1 / 30

    def _capture_loop(self, capture: cv2.VideoCapture, interval_s: float) -> None:
        empty_frames, hard_code_in_view = 0, False
        next_at = time.perf_counter()
        while not self._stop.is_set():
            ok, frame = capture.read()
            grabbed_at = time.perf_counter()
            if not ok:
                self._capture_event.emit("ended")
                return
            for sink in list(self.frame_sinks):
                sink.offer(frame, grabbed_at)
            if not self.scans:
                next_at += interval_s
                self._stop.wait(max(0.0, next_at - time.perf_counter()))
                continue
            # Every pass on a still after empty frames, and on each frame while a code that
            # only those passes read stays in view (else it would seem to come and go).
            still = hard_code_in_view or empty_frames + 1 >= self.fallback_after_frames
            reads = self.decoder.decode(to_gray(frame), fast=not still)
            if still:
                hard_code_in_view, empty_frames = bool(reads), 0
            else:
                empty_frames = 0 if reads else empty_frames + 1
            self._frame_decoded.emit([(r.text, r.symbology) for r in reads], grabbed_at)
            if self.preview:
                self.frame_ready.emit(to_qimage(frame), [r.position for r in reads])
            next_at += interval_s
            self._stop.wait(max(0.0, next_at - time.perf_counter()))

    # -- main thread ------------------------------------------------------------------
    def _on_worker_frame_decoded(self, seen: list, grabbed_at: float) -> None:
        for text, symbology in self.sightings.admit([tuple(c) for c in seen], grabbed_at):
            self.last_scan_latency_ms = (time.perf_counter() - grabbed_at) * 1000
            self.scanned.emit(text, symbology, self.kind)

    def _on_worker_capture_event(self, what: str) -> None:
        where = str(self.source)
        if what == "missing" and isinstance(self.source, int):
            text = self.tr("No camera found at index %1. Plug one in, or choose another "
                           "camera or a video file in Settings.").replace("%1", where)
        elif what == "missing":
            text = self.tr("Cannot open the video %1: the file is missing or not a video."
                           ).replace("%1", where)
        elif what == "opened":
            text = self.tr("Camera %1 on").replace("%1", where)
        else:
            text = self.tr("Camera %1 stopped: no more frames").replace("%1", where)
        self._set_status(text)
