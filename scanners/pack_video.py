"""The pack video: the packing table filmed from the order's opening to its label, with the
order number, tracking number, time and each scan's verdict burned in.

A second camera (the side of the table) may feed `recorder.side`: its latest picture is
inset in each frame, so one clip, one checksum and one scan log show both views.

The camera's capture thread offers each frame (`offer`, never blocking: when the encoder
falls behind, the oldest waiting frame is dropped, never a scan); an encoder thread of its
own draws the overlay and writes H.264 in MP4 through FFmpeg (PyAV). Frame times are the
wall clock in milliseconds from the clip's start, so a scan at 12.480 s is the frame at
12.480 s. Every frame also carries a small QR code with the order number and its own time,
so a clip can be checked by a machine (tests, a platform's dispute desk) without OCR.

A full disk or a failing encoder stops the recording and says why (`on_problem`); packing
never waits for it. The disk is watched: below `keep_free_bytes` free, the clip being filmed
is closed (what was filmed plays) and no new clip starts until there is room again; the
station is told once when filming stops and once when it starts again.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import queue
import shutil
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

from app.domain.messages import Msg

VERDICT_COLOURS = {"verified": (60, 170, 40), "complete": (60, 170, 40),  # BGR
                   "manual": (189, 119, 2),
                   # not a refusal: an order opened or handed over, the parcel's box
                   "opened": (79, 71, 55), "taken_over": (79, 71, 55), "ready": (79, 71, 55),
                   "box": (46, 52, 78), "undone": (64, 93, 93), "dropped": (64, 93, 93)}
REFUSED_COLOUR = (40, 40, 220)
NOTE_SECONDS = 3.0  # a verdict stays on the picture this long
DISK_CHECK_MS = 2000  # while filming, the free space is looked at this often
SIDE_SHARE = 1 / 3  # a second camera's picture: this share of the clip's width, inset
SIDE_STALE_MS = 1000  # a side picture older than this is not shown (that camera stopped)
ENCODER_NICENESS = 10  # how much lower the encoder thread runs than the app's other threads


class SideView:
    """A second camera (the side of the table) for the same clip: give it to that camera's
    frame_sinks; its latest picture is inset in the main camera's frames. It never blocks:
    a new picture replaces the one waiting."""

    def __init__(self) -> None:
        self.latest: tuple[np.ndarray, float] | None = None

    def offer(self, frame: np.ndarray, grabbed_at: float | None = None) -> None:
        self.latest = (frame, (grabbed_at if grabbed_at is not None
                               else time.perf_counter()) * 1000)


def disk_space(folder: Path) -> tuple[int, int]:
    """(total, free) bytes of the disk that holds `folder` (or its nearest existing parent)."""
    where = Path(folder)
    while not where.exists() and where != where.parent:
        where = where.parent
    usage = shutil.disk_usage(where)
    return usage.total, usage.free


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
    last_disk_check: int = -DISK_CHECK_MS
    problem: str = ""
    container: av.container.OutputContainer | None = None
    stream: av.video.stream.VideoStream | None = None


class PackRecorder:
    """One clip at a time; begin() at the order's opening, end() when its label printed."""

    def __init__(self, folder: Path, size: tuple[int, int] = (1280, 720), fps: int = 15,
                 on_problem: Callable[[str], None] | None = None, threads: int = 1,
                 keep_free_bytes: int | None = None,
                 space: Callable[[Path], tuple[int, int]] = disk_space) -> None:
        from app.domain.clips import DEFAULT_KEEP_FREE_BYTES

        self.folder, self.size, self.fps, self.threads = Path(folder), size, fps, threads
        self.on_problem = on_problem or (lambda text: None)
        self.keep_free_bytes = (DEFAULT_KEEP_FREE_BYTES if keep_free_bytes is None
                                else keep_free_bytes)
        self._space = space
        self.stopped = ""  # why filming stopped for want of disk; "" while it films
        self.side = SideView()  # a second camera's sink (inset when it has pictures)
        self._frames: queue.Queue = queue.Queue(maxsize=8)
        self._control: queue.Queue = queue.Queue()
        self._clip: _Clip | None = None
        self._stop = threading.Event()
        self.encoder_priority: int | None = None  # the encoder thread's nice value, once set
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
    def _give_way(self) -> None:
        """The encoder yields the CPU to the scans: on Linux a thread has its own nice
        value, so only this thread runs lower (the app and the store worker do not)."""
        try:
            native_id = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, native_id,
                           os.getpriority(os.PRIO_PROCESS, native_id) + ENCODER_NICENESS)
            self.encoder_priority = os.getpriority(os.PRIO_PROCESS, native_id)
        except (AttributeError, OSError):  # no per-thread priorities here: encode as is
            self.encoder_priority = 0

    def _run(self) -> None:
        self._give_way()
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
                self._check_disk(self._clip)
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

    def disk(self) -> tuple[int, int]:
        """(total, free) bytes of the clips' disk, now."""
        return self._space(self.folder)

    def _check_disk(self, clip: _Clip) -> None:
        """Too little room: this clip ends here (what was filmed is kept and plays), and
        filming waits for room; room again: filming goes on. Each is said once."""
        try:
            _total, free = self._space(self.folder)
        except OSError as exc:
            self._stop_filming(clip, f"the clips folder cannot be read ({_reason(exc)})")
            return
        from app.domain.clips import room_to_film

        if room_to_film(free, self.keep_free_bytes, bool(self.stopped)):
            if self.stopped:
                self.stopped = ""
                self.on_problem(Msg("Filming again: there is room on the clips' disk "
                                    "({free} free).", free=_size(free)))
            return
        self._stop_filming(clip, Msg("only {free} free on the clips' disk ({folder}); "
                                     "{keep} is kept free", free=_size(free),
                                     folder=str(self.folder), keep=_size(self.keep_free_bytes)))

    def _stop_filming(self, clip: _Clip, reason: str, flush: bool = True) -> None:
        clip.problem = f"recording stopped: {reason}"
        self._close(clip, flush)
        if not self.stopped:
            self.stopped = reason
            self.on_problem(Msg("Pack videos stopped: {reason}. Packing goes on without "
                                "them; delete old clips (packdesk clips prune) or free space, "
                                "and filming starts again with the next order.",
                                reason=reason))
        self.stopped = reason

    def _close(self, clip: _Clip, flush: bool = True) -> None:
        """Flush and close the clip's file, so what was filmed plays. After a write that
        failed, nothing more is muxed (FFmpeg's muxer is in no state for it)."""
        if clip.container is None:
            return
        container, clip.container = clip.container, None
        try:
            for packet in clip.stream.encode() if flush else ():
                container.mux(packet)
        except (OSError, av.FFmpegError):
            pass  # the disk is full: the frames already written still play
        try:
            container.close()
        except (OSError, av.FFmpegError):
            pass

    def _write(self, clip: _Clip, frame: np.ndarray, grabbed_ms: float) -> None:
        pts = round(grabbed_ms - clip.started_ms)
        if pts < 0 or pts - clip.last_pts < 1000 / self.fps - 2 and clip.last_pts >= 0:
            return  # before the clip, or faster than the clip's frame rate
        if pts - clip.last_disk_check >= DISK_CHECK_MS:
            clip.last_disk_check = pts
            self._check_disk(clip)
            if clip.problem:
                return
        try:
            if clip.container is None:
                self._open(clip)
            picture = self._with_side(self._overlaid(clip, frame, pts), grabbed_ms)
            video = self._video_frame(picture)
            video.pts, video.time_base = pts, Fraction(1, 1000)
            for packet in clip.stream.encode(video):
                clip.container.mux(packet)
            clip.frames += 1
            clip.last_pts = pts
        except (OSError, av.FFmpegError) as exc:
            if _disk_full(exc):
                self._stop_filming(clip, Msg("the clips' disk is full ({folder})",
                                             folder=str(self.folder)), flush=False)
                return
            clip.problem = f"recording stopped: {_reason(exc)}"
            self.on_problem(f"The pack video for {clip.order_number} stopped: {_reason(exc)}. "
                            "Packing goes on without it.")

    @staticmethod
    def _video_frame(picture: np.ndarray) -> av.VideoFrame:
        """The picture's own buffer handed to FFmpeg, not a copy: from_ndarray copies a
        1280x720 frame twice holding the GIL (0.8 ms of CPU a frame), and the scans' threads
        wait for the GIL meanwhile, longest when this low-priority thread is descheduled
        holding it. The encoder converts it to YUV (a new frame) before this returns."""
        return av.VideoFrame.from_numpy_buffer(picture, format="bgr24")

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

    def _with_side(self, picture: np.ndarray, grabbed_ms: float) -> np.ndarray:
        """The second camera's latest picture, inset bottom right above the verdict bar."""
        latest = self.side.latest
        if latest is None or abs(grabbed_ms - latest[1]) > SIDE_STALE_MS:
            return picture
        width, height = self.size
        inset_w = int(width * SIDE_SHARE)
        inset_h = int(inset_w * latest[0].shape[0] / max(1, latest[0].shape[1]))
        inset_h = min(inset_h, height - 52 - 48 - 8)
        side = latest[0] if latest[0].ndim == 3 else cv2.cvtColor(latest[0],
                                                                   cv2.COLOR_GRAY2BGR)
        side = cv2.resize(side, (inset_w, inset_h), interpolation=cv2.INTER_AREA)
        top, left = height - 48 - 4 - inset_h, width - inset_w - 4
        picture[top - 2:top + inset_h + 2, left - 2:left + inset_w + 2] = (255, 255, 255)
        picture[top:top + inset_h, left:left + inset_w] = side
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


def _disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or "No space left" in str(exc)


def _reason(exc: BaseException) -> str:
    if _disk_full(exc):
        return "the disk is full"
    return str(exc) or type(exc).__name__


def _size(size: int) -> str:
    return f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{size / 1024**2:.1f} MB"


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
