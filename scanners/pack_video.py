"""The pack video: the packing table filmed from the order's opening to its label, with the
order number, tracking number, time and each scan's verdict burned in.

A second camera (the side of the table) may feed `recorder.side`: its latest picture is
inset in each frame, so one clip, one checksum and one scan log show both views.

The camera's capture thread offers each frame (`offer`, never blocking): it is copied into
a slot of a shared-memory ring and its slot named to the encoder, which runs in a child
process (scanners/clip_encoder.py), so that opening a clip's codec and encoding never hold
this process's GIL while a scan waits for it. When the encoder falls behind, the oldest
waiting frame is dropped (or the new one, when every slot of the ring is taken), never a
scan. Frame times are the wall clock in milliseconds from
the clip's start (CLOCK_MONOTONIC, the same in both processes), so a scan at 12.480 s is
the frame at 12.480 s. Every frame also carries a small QR code with the order number and
its own time, so a clip can be checked by a machine without OCR.

A full disk or a failing encoder stops the recording and says why (`on_problem`); packing
never waits for it. The disk is watched: below `keep_free_bytes` free, the clip being filmed
is closed (what was filmed plays) and no new clip starts until there is room again; the
station is told once when filming stops and once when it starts again. An encoder process
that dies is said too, and a new one starts with the next order. The encoder ends with the
app, even a killed one: its socket reads end-of-file, it closes the clip (it plays) and
exits.
"""

from __future__ import annotations

import itertools
import json
import mmap
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from app.domain.messages import Msg
from scanners.clip_encoder import (  # noqa: F401  (the names callers know from here)
    ENCODER_NICENESS,
    SIDE_SHARE,
    ClipEncoder,
    ClipEvent,
    ClipResult,
    SideView,
    _Clip,
    _digest,
    disk_space,
)

# frames in a camera's shared ring: the encoder's 8 waiting, one in hand, and room; the side
# camera's go with the main camera's, one at most for each
RING_SLOTS = {"frame": 12, "side": 12}
_ROOT = Path(__file__).resolve().parents[1]


class _Ring:
    """Slots of one frame each in a file of the shared-memory disk, mapped here and (once
    named to it) in the encoder; the encoder unlinks the file when it has mapped it."""

    def __init__(self, generation: int, slot_bytes: int, slots: int) -> None:
        where = "/dev/shm" if os.path.isdir("/dev/shm") else None
        fd, self.path = tempfile.mkstemp(prefix="packdesk-frames-", dir=where)
        try:
            os.ftruncate(fd, slot_bytes * slots)
            self.mapping = mmap.mmap(fd, slot_bytes * slots)
        finally:
            os.close(fd)
        self.generation, self.slot_bytes = generation, slot_bytes
        self.free = list(range(slots))

    def discard(self) -> None:
        Path(self.path).unlink(missing_ok=True)


class _Encoder:
    """One encoder process and the two threads that talk to it: the sender (so offering,
    noting and beginning never wait on the socket) and the reader (its answers)."""

    def __init__(self, recorder: PackRecorder) -> None:
        ours, theirs = socket.socketpair()
        args = [sys.executable, "-m", "scanners.clip_encoder", str(theirs.fileno()),
                str(recorder.folder.resolve()), *map(str, recorder.size), str(recorder.fps),
                str(recorder.threads), str(recorder.keep_free_bytes)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
        self.process = subprocess.Popen(args, pass_fds=(theirs.fileno(),),
                                        stdin=subprocess.DEVNULL, env=env)
        theirs.close()
        self.conn = Connection(ours.detach())
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.rings: dict[str, _Ring] = {}  # each camera's own, so one never starves the other
        self.made: list[_Ring] = []
        self.generations = itertools.count()
        self.waiting: dict[int, queue.Queue] = {}
        self.dropped = 0  # frames the encoder dropped (the oldest waiting)
        self.dead = threading.Event()
        self.up = threading.Event()  # the encoder answered (or is gone)
        self.closing = False
        self._recorder = recorder
        self.sender = threading.Thread(target=self._send, name="pack-video-send", daemon=True)
        self.reader = threading.Thread(target=self._read, name="pack-video-read", daemon=True)
        self.sender.start()
        self.reader.start()

    def _send(self) -> None:
        while (message := self.outbox.get()) is not None:
            try:
                self.conn.send(message)
            except OSError:
                return  # the encoder is gone: the reader says so

    def _read(self) -> None:
        recorder = self._recorder
        try:
            while True:
                kind, *rest = self.conn.recv()
                if kind == "ready":
                    recorder.encoder_priority, recorder.encoder_pid = rest
                    recorder.encoder_stopped = ""
                    self.up.set()
                elif kind == "free":
                    generation, slot, self.dropped = rest
                    for ring in list(self.rings.values()):
                        if ring.generation == generation:  # not a ring given up
                            ring.free.append(slot)
                elif kind == "stopped":
                    recorder.stopped = rest[0]
                elif kind == "problem":
                    recorder.stopped = rest[1]
                    recorder.on_problem(rest[0])
                elif kind == "clip":
                    answer = self.waiting.pop(rest[0], None)
                    if answer is not None:
                        answer.put(rest[1])
        except (EOFError, OSError):
            pass  # the encoder ended (closed, crashed or killed)
        except Exception:  # an answer that makes no sense: that encoder is not to be trusted
            self.process.kill()
        self._gone()

    def _gone(self) -> None:
        code = self.process.wait()
        self.dead.set()
        self.up.set()
        self.outbox.put(None)
        for answer in list(self.waiting.values()):
            answer.put(None)
        for ring in self.made:  # those it never mapped (it unlinks the ones it did)
            ring.discard()
        self.conn.close()
        if not self.closing:
            reason = f"signal {-code}" if code < 0 else f"exit code {code}"
            self._recorder.encoder_stopped = reason
            self._recorder.on_problem(Msg(
                "The pack video encoder stopped ({reason}); the clip being filmed may be "
                "lost. Packing goes on; filming starts again with the next order.",
                reason=reason))

    def ship(self, kind: str, frame: np.ndarray, grabbed_ms: float) -> bool:
        """The frame copied into a free slot of its camera's ring and named to the encoder;
        False when every slot is taken (the encoder is far behind) or it is gone."""
        if self.dead.is_set():
            return False
        ring = self.rings.get(kind)
        if ring is None or frame.nbytes > ring.slot_bytes:
            ring = _Ring(next(self.generations), frame.nbytes, RING_SLOTS[kind])
            self.outbox.put(("ring", ring.generation, ring.path, ring.slot_bytes,
                             RING_SLOTS[kind]))
            self.rings[kind] = ring
            self.made.append(ring)
        try:
            slot = ring.free.pop()
        except IndexError:
            return False
        slot_view = np.ndarray(frame.shape, frame.dtype, buffer=ring.mapping,
                               offset=slot * ring.slot_bytes)
        np.copyto(slot_view, frame)  # a plain copy: numpy lets go of the GIL for it
        del slot_view
        self.outbox.put((kind, ring.generation, slot, frame.shape, frame.dtype.str, grabbed_ms))
        return True

    def ask_end(self, end_ms: float, timeout_s: float) -> ClipResult | None:
        answer: queue.Queue = queue.Queue()
        token = id(answer)
        self.waiting[token] = answer
        if self.dead.is_set():
            self.waiting.pop(token, None)
            return None
        self.outbox.put(("end", token, end_ms))
        try:
            return answer.get(timeout=timeout_s)
        except queue.Empty:
            return None
        finally:
            self.waiting.pop(token, None)

    def quit(self, timeout_s: float = 5.0) -> None:
        self.closing = True
        self.outbox.put(("quit",))
        try:
            self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.reader.join(timeout_s)


class PackRecorder:
    """One clip at a time; begin() at the order's opening, end() when its label printed."""

    def __init__(self, folder: Path, size: tuple[int, int] = (1280, 720), fps: int = 15,
                 on_problem: Callable[[str], None] | None = None, threads: int = 1,
                 keep_free_bytes: int | None = None) -> None:
        from app.domain.clips import DEFAULT_KEEP_FREE_BYTES

        self.folder, self.size, self.fps, self.threads = Path(folder), size, fps, threads
        self.on_problem = on_problem or (lambda text: None)
        self.keep_free_bytes = (DEFAULT_KEEP_FREE_BYTES if keep_free_bytes is None
                                else keep_free_bytes)
        self.stopped = ""  # why filming stopped for want of disk; "" while it films
        # why the encoder process ended ("signal 9"); "" while one is up (told to the store,
        # where it is an alert: ui/clips_disk.py)
        self.encoder_stopped = ""
        self.side = SideView()  # a second camera's sink: its latest goes with the next frame
        self.encoder_priority: int | None = None  # the encoder process's nice value, once up
        self.encoder_pid: int | None = None
        self._not_offered = 0  # frames no slot was free for
        self._dropped_before = 0  # frames dropped by encoders that have ended
        self._lock = threading.Lock()
        self._shipped_ms: dict[str, float] = {}  # the last frame handed over, of each camera
        self._filming = False  # a clip is open (begin ... end)
        self._encoder = _Encoder(self)

    def wait_started(self, timeout_s: float = 30.0) -> bool:
        """Wait until the encoder process is up (it takes a second to start, and frames
        offered meanwhile beyond the ring's slots are not filmed); False if it is not."""
        encoder = self._encoder
        return encoder.up.wait(timeout_s) and not encoder.dead.is_set()

    @property
    def dropped(self) -> int:
        """Frames not filmed because the encoder was behind."""
        return self._not_offered + self._dropped_before + self._encoder.dropped

    # -- any thread ------------------------------------------------------------------
    def offer(self, frame: np.ndarray, grabbed_at: float | None = None) -> None:
        """A camera frame (BGR); `grabbed_at` is time.perf_counter() when it was taken."""
        grabbed_ms = (grabbed_at if grabbed_at is not None else time.perf_counter()) * 1000
        with self._lock:
            kind = "frame"
            if not self._filming:
                return  # no clip open: nothing to hand over
            last = self._shipped_ms.get(kind)
            if last is not None and 0 <= grabbed_ms - last < 1000 / self.fps - 2:
                return  # faster than the clip's frame rate: the encoder would skip it
            side = self.side.latest
            if (side is not None and side[1] != self._shipped_ms.get("side")
                    and self._encoder.ship("side", np.asarray(side[0]), side[1])):
                self._shipped_ms["side"] = side[1]
            if self._encoder.ship(kind, np.asarray(frame), grabbed_ms):
                self._shipped_ms[kind] = grabbed_ms
            else:
                self._not_offered += 1

    def begin(self, order_number: str, tracking_number: str = "",
              channel_order_id: str = "") -> Path:
        started = datetime.now(UTC)
        name = f"{started:%Y%m%d-%H%M%S}-{_safe(order_number)}.mp4"
        path = self.folder / started.strftime("%Y-%m-%d") / name
        with self._lock:
            self._shipped_ms.clear()
            self._filming = True
            if self._encoder.dead.is_set():  # it stopped (and said so): a new one
                self._dropped_before += self._encoder.dropped
                self._encoder = _Encoder(self)
        self._encoder.outbox.put(("begin", str(path), order_number, tracking_number,
                                  channel_order_id, started, time.perf_counter() * 1000))
        return path

    def note(self, text: str) -> None:
        """A scan's verdict, shown on the picture and kept in the clip's log."""
        self._encoder.outbox.put(("note", text, time.perf_counter() * 1000))

    def set_tracking(self, tracking_number: str) -> None:
        self._encoder.outbox.put(("tracking", tracking_number))

    def end(self, timeout_s: float = 10.0) -> ClipResult | None:
        """Close the clip (the label printed, the order left); None when none was open."""
        self._filming = False
        return self._encoder.ask_end(time.perf_counter() * 1000, timeout_s)

    def close(self) -> None:
        self.end()
        self._encoder.quit()

    def disk(self) -> tuple[int, int]:
        """(total, free) bytes of the clips' disk, now."""
        return disk_space(self.folder)


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
