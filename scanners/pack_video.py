"""The pack video: the packing table filmed from the order's opening to its label, with the
order number, tracking number, time and each scan's verdict burned in.

The camera's capture thread offers each frame (`offer`, never blocking: when the encoder
falls behind, the oldest waiting frame is dropped, never a scan); an encoder thread of its
own draws the overlay and writes H.264 in MP4 through FFmpeg (PyAV). Frame times are the
wall clock in milliseconds from the clip's start, so a scan at 12.480 s is the frame at
12.480 s. Every frame also carries a small QR code with the order number and its own time,
so a clip can be checked by a machine (tests, a platform's dispute desk) without OCR.

A full disk or a failing encoder stops the recording and says why (`on_problem`); packing
never waits for it.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import zxingcpp

VERDICT_COLOURS = {"verified": (60, 170, 40), "complete": (60, 170, 40)}  # BGR
REFUSED_COLOUR = (40, 40, 220)
NOTE_SECONDS = 3.0  # a verdict stays on the picture this long


@dataclass(frozen=True)
class ClipEvent:
    at_ms: int  # from the clip's start
    text: str  # "verified TEA-001", "wrong_item CUP-002" ...


@dataclass
class ClipResult:
    path: Path
    order_number: str
    tracking_number: str
    channel_order_id: str
    started_at: datetime
    ended_at: datetime
    frames: int
    bytes: int
    sha256: str
    events: list[ClipEvent] = field(default_factory=list)
    problem: str = ""  # why it ended early, if it did


@dataclass
class _Clip:
    path: Path
    order_number: str
    tracking_number: str
    channel_order_id: str
    started_at: datetime
    started_ms: float  # perf_counter ms at the start
    events: list[ClipEvent] = field(default_factory=list)
    frames: int = 0
    last_pts: int = -1
    problem: str = ""
    container: av.container.OutputContainer | None = None
    stream: av.video.stream.VideoStream | None = None


class PackRecorder:
    """One clip at a time; begin() at the order's opening, end() when its label printed."""

    def __init__(self, folder: Path, size: tuple[int, int] = (1280, 720), fps: int = 15,
                 on_problem: Callable[[str], None] | None = None, threads: int = 1) -> None:
        self.folder, self.size, self.fps, self.threads = Path(folder), size, fps, threads
        self.on_problem = on_problem or (lambda text: None)
        self._frames: queue.Queue = queue.Queue(maxsize=8)
        self._control: queue.Queue = queue.Queue()
        self._clip: _Clip | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pack-video", daemon=True)
        self._thread.start()
        self.dropped = 0

    # -- any thread ------------------------------------------------------------------
    def offer(self, frame: np.ndarray, grabbed_at: float | None = None) -> None:
        """A camera frame (BGR); `grabbed_at` is time.perf_counter() when it was taken."""
        item = (frame, (grabbed_at if grabbed_at is not None else time.perf_counter()) * 1000)
        try:
            self._frames.put_nowait(item)
        except queue.Full:
            try:
                self._frames.get_nowait()
                self.dropped += 1
            except queue.Empty:
                pass
            self._frames.put_nowait(item)

    def begin(self, order_number: str, tracking_number: str = "",
              channel_order_id: str = "") -> Path:
        started = datetime.now(UTC)
        name = f"{started:%Y%m%d-%H%M%S}-{_safe(order_number)}.mp4"
        path = self.folder / started.strftime("%Y-%m-%d") / name
        self._control.put(("begin", _Clip(path, order_number, tracking_number, channel_order_id,
                                          started, time.perf_counter() * 1000)))
        return path

    def note(self, text: str) -> None:
        """A scan's verdict, shown on the picture and kept in the clip's log."""
        self._control.put(("note", text, time.perf_counter() * 1000))

    def set_tracking(self, tracking_number: str) -> None:
        self._control.put(("tracking", tracking_number))

    def end(self, timeout_s: float = 10.0) -> ClipResult | None:
        """Close the clip (the label printed, the order left); None when none was open."""
        done: queue.Queue = queue.Queue()
        self._control.put(("end", done, time.perf_counter() * 1000))
        try:
            return done.get(timeout=timeout_s)
        except queue.Empty:
            return None

    def close(self) -> None:
        self.end()
        self._stop.set()
        self._thread.join(5)

    # -- the encoder thread ----------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.is_set():
            self._handle_control()
            try:
                frame, grabbed_ms = self._frames.get(timeout=0.05)
            except queue.Empty:
                continue
            self._handle_control()
            if self._clip is not None and not self._clip.problem:
                self._write(self._clip, frame, grabbed_ms)

    def _handle_control(self) -> None:
        while True:
            try:
                message = self._control.get_nowait()
            except queue.Empty:
                return
            kind = message[0]
            if kind == "begin":
                if self._clip is not None:
                    self._finish(self._clip)
                self._clip = message[1]
            elif kind == "note" and self._clip is not None:
                at = max(0, round(message[2] - self._clip.started_ms))
                self._clip.events.append(ClipEvent(at, message[1]))
            elif kind == "tracking" and self._clip is not None:
                self._clip.tracking_number = message[1]
            elif kind == "end":
                clip, self._clip = self._clip, None
                if clip is not None:
                    self._drain(clip, message[2])
                message[1].put(self._finish(clip) if clip is not None else None)

    def _drain(self, clip: _Clip, end_ms: float) -> None:
        """Frames taken before the end still belong to the clip."""
        while True:
            try:
                frame, grabbed_ms = self._frames.get_nowait()
            except queue.Empty:
                return
            if grabbed_ms <= end_ms and not clip.problem:
                self._write(clip, frame, grabbed_ms)

    def _open(self, clip: _Clip) -> None:
        clip.path.parent.mkdir(parents=True, exist_ok=True)
        clip.container = av.open(str(clip.path), "w")
        stream = clip.container.add_stream("libx264", rate=self.fps)
        stream.width, stream.height = self.size
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, 1000)
        stream.codec_context.time_base = Fraction(1, 1000)
        stream.options = {"preset": "ultrafast", "crf": "28", "threads": str(self.threads)}
        clip.stream = stream

    def _write(self, clip: _Clip, frame: np.ndarray, grabbed_ms: float) -> None:
        pts = round(grabbed_ms - clip.started_ms)
        if pts < 0 or pts - clip.last_pts < 1000 / self.fps - 2 and clip.last_pts >= 0:
            return  # before the clip, or faster than the clip's frame rate
        try:
            if clip.container is None:
                self._open(clip)
            picture = self._overlaid(clip, frame, pts)
            video = av.VideoFrame.from_ndarray(picture, format="bgr24")
            video.pts, video.time_base = pts, Fraction(1, 1000)
            for packet in clip.stream.encode(video):
                clip.container.mux(packet)
            clip.frames += 1
            clip.last_pts = pts
        except (OSError, av.FFmpegError) as exc:
            clip.problem = f"recording stopped: {_reason(exc)}"
            self.on_problem(f"The pack video for {clip.order_number} stopped: {_reason(exc)}. "
                            "Packing goes on without it.")

    def _overlaid(self, clip: _Clip, frame: np.ndarray, pts: int) -> np.ndarray:
        width, height = self.size
        picture = frame if frame.shape[1::-1] == (width, height) else cv2.resize(
            frame, (width, height), interpolation=cv2.INTER_AREA)
        picture = np.ascontiguousarray(picture)
        if picture.ndim == 2:
            picture = cv2.cvtColor(picture, cv2.COLOR_GRAY2BGR)
        wall = clip.started_at.timestamp() + pts / 1000
        stamp = datetime.fromtimestamp(wall, UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " UTC"
        cv2.rectangle(picture, (0, 0), (width, 44), (20, 20, 20), -1)
        top = f"{clip.order_number}   {clip.tracking_number or '-'}   {stamp}"
        cv2.putText(picture, top, (12, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2,
                    cv2.LINE_AA)
        recent = [e for e in clip.events if 0 <= pts - e.at_ms <= NOTE_SECONDS * 1000]
        if recent:
            text = recent[-1].text
            colour = VERDICT_COLOURS.get(text.split(" ", 1)[0], REFUSED_COLOUR)
            cv2.rectangle(picture, (0, height - 48), (width, height), colour, -1)
            cv2.putText(picture, text[:80], (12, height - 14), cv2.FONT_HERSHEY_SIMPLEX, 0.9,
                        (255, 255, 255), 2, cv2.LINE_AA)
        code = np.array(zxingcpp.create_barcode(f"{clip.order_number}|{pts}",
                                                zxingcpp.BarcodeFormat.QRCode).to_image(scale=3))
        code = cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)
        size = code.shape[0]
        picture[52:52 + size, width - size - 8:width - 8] = code
        return picture

    def _finish(self, clip: _Clip) -> ClipResult:
        if clip.container is not None:
            try:
                for packet in clip.stream.encode():
                    clip.container.mux(packet)
            except (OSError, av.FFmpegError) as exc:
                clip.problem = clip.problem or f"recording stopped: {_reason(exc)}"
            try:
                clip.container.close()
            except (OSError, av.FFmpegError) as exc:
                clip.problem = clip.problem or f"recording stopped: {_reason(exc)}"
        digest, size = _digest(clip.path)
        return ClipResult(clip.path, clip.order_number, clip.tracking_number,
                          clip.channel_order_id, clip.started_at, datetime.now(UTC),
                          clip.frames, size, digest, list(clip.events), clip.problem)


def _digest(path: Path) -> tuple[str, int]:
    if not path.exists():
        return "", 0
    sha = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest(), path.stat().st_size


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == 28:
        return "the disk is full"
    return str(exc) or type(exc).__name__


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:64] or "order"


class ClipTampered(Exception):
    """The clip on disk is not the one recorded: its checksum differs."""


def export_clip(path: Path, sha256: str, meta: dict, events: list[dict],
                folder: Path) -> tuple[Path, Path]:
    """A copy of the clip for a platform's dispute desk, with its checksum and scan log beside
    it (`<clip>.json`). The copy is checked against the checksum taken when it was recorded."""
    digest, _size = _digest(path)
    if not digest:
        raise FileNotFoundError(f"the clip {path} is not on this disk any more")
    if digest != sha256:
        raise ClipTampered(f"the clip {path} does not match its recorded checksum; it was "
                           "changed after recording and cannot serve as evidence")
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    tmp = copy.with_suffix(".part")
    with path.open("rb") as source, tmp.open("wb") as target:
        for block in iter(lambda: source.read(1 << 20), b""):
            target.write(block)
    if _digest(tmp)[0] != sha256:
        tmp.unlink(missing_ok=True)
        raise OSError(f"the copy of {path} in {folder} came out different; try again")
    tmp.replace(copy)
    log = copy.with_suffix(".json")
    log.write_text(json.dumps({**meta, "sha256": sha256, "file": copy.name,
                               "scans": events}, ensure_ascii=False, indent=2, default=str),
                   encoding="utf-8")
    return copy, log


def clip_record(result: ClipResult, station: str):
    """The index row of a finished clip (app.domain.clips.PackClip)."""
    from app.domain.clips import PackClip

    return PackClip(result.order_number, result.tracking_number, result.channel_order_id,
                    station, str(result.path), result.started_at, result.ended_at,
                    result.frames, result.bytes, result.sha256,
                    [{"at_ms": e.at_ms, "text": e.text} for e in result.events], result.problem)
