"""The pack video's encoder: it draws the overlay (order number, tracking number, time, each
scan's verdict, a QR stamp) on each camera frame and writes H.264 in MP4 through FFmpeg
(PyAV). It runs in a child process of its own (`serve`, started by
scanners/pack_video.py `PackRecorder`): opening a clip's codec and encoding hold the GIL for
milliseconds at a time, and in the app's process they made a scan wait for it (issue 19:
scan-to-verdict p99 25.8 ms while filming against 14.8 ms without).

Frames come through a shared-memory ring (`multiprocessing.shared_memory`), one slot per
frame; the socket to the app carries only small messages: a frame's slot, shape and time,
begin/note/end, and back the slot freed, what went wrong and the finished clip. When the app
goes away (closed or killed) the socket reads end-of-file: the clip being filmed is flushed
and closed, so it plays, and the process ends. No orphan is left.
"""

from __future__ import annotations

import errno
import hashlib
import mmap
import os
import shutil
import sys
import time
from collections import deque
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


class ClipEncoder:
    """One clip at a time, told by messages in order (`handle`), fed frames (`_write`)."""

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
        self.side = SideView()  # a second camera's latest picture (inset when there is one)
        self._clip: _Clip | None = None

    def begin(self, clip: _Clip) -> None:
        if self._clip is not None:
            self._finish(self._clip)
        self._clip = clip
        self._check_disk(clip)

    def note(self, text: str, at_ms: float) -> None:
        if self._clip is not None:
            at = max(0, round(at_ms - self._clip.started_ms))
            self._clip.events.append(ClipEvent(at, text))

    def set_tracking(self, tracking_number: str) -> None:
        if self._clip is not None:
            self._clip.tracking_number = tracking_number

    def frame(self, frame: np.ndarray, grabbed_ms: float) -> None:
        if self._clip is not None and not self._clip.problem:
            self._write(self._clip, frame, grabbed_ms)

    def end(self) -> ClipResult | None:
        clip, self._clip = self._clip, None
        return self._finish(clip) if clip is not None else None

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




# -- the encoder's own process -----------------------------------------------------------
PENDING_FRAMES = 8  # frames waiting for the encoder; beyond it the oldest is dropped


def _give_way() -> int:
    """The encoder yields the CPU to the app: its whole process runs at a lower priority
    than the app's threads (the main thread, the store worker), so on a busy machine the
    scheduler serves a scan first; the encoder keeps up with what is left."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0)
                       + ENCODER_NICENESS)
        return os.getpriority(os.PRIO_PROCESS, 0)
    except (AttributeError, OSError):  # no priorities here: encode as is
        return 0


class _Rings:
    """The shared-memory rings the app has made, by generation (a frame bigger than the
    ring's slots makes a new one; the old stays mapped for the frames still in it). Each file is unlinked as soon as it is mapped here: the
    mappings stay, and nothing is left in /dev/shm whichever process dies first."""

    def __init__(self) -> None:
        self.rings: dict[int, tuple[mmap.mmap, int]] = {}  # generation: (mapping, slot bytes)

    def add(self, generation: int, path: str, slot_bytes: int, slots: int) -> None:
        fd = os.open(path, os.O_RDWR)
        try:
            mapping = mmap.mmap(fd, slot_bytes * slots)
        finally:
            os.close(fd)
            Path(path).unlink(missing_ok=True)
        self.rings[generation] = (mapping, slot_bytes)

    def picture(self, generation: int, slot: int, shape: tuple, dtype: str) -> np.ndarray:
        mapping, slot_bytes = self.rings[generation]
        return np.ndarray(shape, np.dtype(dtype), buffer=mapping, offset=slot * slot_bytes)


def serve(conn, folder: str, size: tuple[int, int], fps: int, threads: int,
          keep_free_bytes: int) -> None:
    """The child's loop: messages in the order the app sent them; one frame encoded between
    readings. Returns when the app says quit or its end of the socket is gone."""
    def send(*message) -> None:
        try:
            conn.send(message)
        except OSError:  # the app is gone: nothing to tell
            pass

    encoder = ClipEncoder(Path(folder), tuple(size), fps, threads=threads,  # type: ignore[arg-type]
                          keep_free_bytes=keep_free_bytes,
                          on_problem=lambda text: send("problem", text, encoder.stopped))
    rings, pending = _Rings(), deque[tuple]()
    dropped, told_stopped = 0, ""
    send("ready", _give_way(), os.getpid())

    def handle(message: tuple) -> bool:
        nonlocal dropped
        kind = message[0]
        if kind == "frame":
            pending.append(message[1:])
            if len(pending) > PENDING_FRAMES:
                old = pending.popleft()
                dropped += 1
                send("free", old[0], old[1], dropped)
        elif kind == "side":
            generation, slot, shape, dtype, grabbed_ms = message[1:]
            encoder.side.latest = (rings.picture(generation, slot, shape, dtype).copy(),
                                   grabbed_ms)
            send("free", generation, slot, dropped)
        elif kind == "ring":
            rings.add(*message[1:])
        elif kind == "begin":
            encoder.begin(_Clip(Path(message[1]), *message[2:]))
        elif kind == "note":
            encoder.note(message[1], message[2])
        elif kind == "tracking":
            encoder.set_tracking(message[1])
        elif kind == "end":
            while pending:  # frames taken before the end still belong to the clip
                generation, slot, shape, dtype, grabbed_ms = pending.popleft()
                if grabbed_ms <= message[2]:
                    encoder.frame(rings.picture(generation, slot, shape, dtype), grabbed_ms)
                send("free", generation, slot, dropped)
            send("clip", message[1], encoder.end())
        return kind != "quit"

    try:
        going = True
        while going:
            wait = 0.0 if pending else 0.05
            while going and conn.poll(wait):
                going, wait = handle(conn.recv()), 0.0
            if encoder.stopped != told_stopped:
                told_stopped = encoder.stopped
                send("stopped", told_stopped)
            if going and pending:
                generation, slot, shape, dtype, grabbed_ms = pending.popleft()
                encoder.frame(rings.picture(generation, slot, shape, dtype), grabbed_ms)
                send("free", generation, slot, dropped)
    except (EOFError, OSError):  # the app is gone (closed or killed): the frames it
        while pending:  # handed over are still in the ring, and belong to the clip
            generation, slot, shape, dtype, grabbed_ms = pending.popleft()
            encoder.frame(rings.picture(generation, slot, shape, dtype), grabbed_ms)
    finally:
        encoder.end()  # what was filmed is flushed and closed: it plays


def main(argv: list[str]) -> int:
    """`python -m scanners.clip_encoder FD FOLDER WIDTH HEIGHT FPS THREADS KEEP_FREE`: the
    socket to the app is file descriptor FD."""
    from multiprocessing.connection import Connection

    fd, folder, width, height, fps, threads, keep = argv
    serve(Connection(int(fd)), folder, (int(width), int(height)), int(fps), int(threads),
          int(keep))
    return 0


if __name__ == "__main__":
    # run from the module by its own name, so the clips it sends unpickle in the app as
    # scanners.clip_encoder.ClipResult, not __main__.ClipResult
    from scanners.clip_encoder import main as _main

    sys.exit(_main(sys.argv[1:]))
