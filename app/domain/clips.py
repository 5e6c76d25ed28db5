"""Pack videos as evidence: which clip shows which parcel, and which clips may go.

A clip is indexed by order number, tracking number and channel order id. Retention deletes
oldest first — past the days kept, then while the clips take more than the disk budget —
and never a clip of an order with an open return case or dispute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain.messages import Msg


@dataclass(eq=False)
class PackClip:
    order_number: str
    tracking_number: str
    channel_order_id: str
    station: str
    path: str
    started_at: datetime
    ended_at: datetime
    frames: int
    bytes: int
    sha256: str
    events: list[dict] = field(default_factory=list)  # [{"at_ms": 12480, "text": "verified …"}]
    problem: str = ""
    deleted_at: datetime | None = None
    id: int | None = None

    def offset_of(self, moment: datetime) -> int:
        """Milliseconds into the clip at which `moment` (a scan's time) is seen."""
        return max(0, round((moment - self.started_at).total_seconds() * 1000))


@dataclass(frozen=True)
class Retention:
    keep_days: int = 90
    budget_bytes: int = 50 * 1024**3

    def __post_init__(self) -> None:
        if self.keep_days < 1 or self.budget_bytes < 0:
            raise ValueError(Msg("Clips are kept at least a day, in a budget of 0 bytes or more."))


def clips_to_delete(clips: list[PackClip], now: datetime, rule: Retention,
                    protected: set[str]) -> list[PackClip]:
    """Oldest first: every clip past the days kept, then as many as it takes to fit the
    budget. Clips of `protected` orders (open returns, disputes) are never chosen."""
    live = sorted((c for c in clips if c.deleted_at is None), key=lambda c: c.started_at)
    cutoff = now - timedelta(days=rule.keep_days)
    chosen = [c for c in live if c.started_at < cutoff and c.order_number not in protected]
    total = sum(c.bytes for c in live) - sum(c.bytes for c in chosen)
    for clip in live:
        if total <= rule.budget_bytes:
            break
        if clip in chosen or clip.order_number in protected:
            continue
        chosen.append(clip)
        total -= clip.bytes
    return chosen


# a scan seen just after the label (the clip closes on the label) still belongs to its clip
_AFTER_END = timedelta(seconds=5)


def clip_at(clips: list[PackClip], moment: datetime | None) -> PackClip | None:
    """The clip that shows `moment` (a scan's time), live or deleted: the one filming then,
    else the last one started before it. Without a moment, the last pack filmed (what a
    returns clerk wants: the parcel as it left)."""
    ordered = sorted(clips, key=lambda c: c.started_at)
    if not ordered:
        return None
    if moment is None:
        live = [c for c in ordered if c.deleted_at is None]
        return (live or ordered)[-1]
    filming = [c for c in ordered if c.started_at <= moment <= c.ended_at + _AFTER_END]
    if filming:
        return filming[-1]
    before = [c for c in ordered if c.started_at <= moment]
    return before[-1] if before else ordered[0]


# filming stops while the clips' disk has less than this free, so the disk never fills up
DEFAULT_KEEP_FREE_BYTES = 2 * 1024**3


MIN_ROOM_BYTES = 1024**2  # even with nothing kept free, a full disk does not film


def room_to_film(free_bytes: int, keep_free_bytes: int, stopped: bool = False) -> bool:
    """Room to film; once filming stopped, it starts again only with twice the room kept
    free, so a disk on the edge does not stop and start with every order."""
    reserve = max(keep_free_bytes, MIN_ROOM_BYTES)
    return free_bytes >= (2 * reserve if stopped else reserve)


@dataclass(eq=False)
class ClipsDisk:
    """A station's clips folder as last reported: its disk's size and free space, and why
    filming stopped there, if it did. A low disk is an alert (its key: since when)."""

    station: str
    folder: str
    total_bytes: int
    free_bytes: int
    keep_free_bytes: int
    reported_at: datetime
    stopped: str = ""  # why filming stopped ("" while it films)
    low_since: datetime | None = None
    id: int | None = None
    encoder_stopped: str = ""  # why the encoder process ended ("" while one films)
    encoder_stopped_at: datetime | None = None  # since when: each death is its own alert

    @property
    def is_low(self) -> bool:
        return bool(self.stopped) or not room_to_film(self.free_bytes, self.keep_free_bytes)

    def report(self, folder: str, total_bytes: int, free_bytes: int, keep_free_bytes: int,
               stopped: str, at: datetime) -> None:
        """A new reading; going low starts a new condition, room again ends it."""
        was_low = self.low_since is not None
        self.folder, self.total_bytes, self.free_bytes = folder, total_bytes, free_bytes
        self.keep_free_bytes, self.stopped, self.reported_at = keep_free_bytes, stopped, at
        if self.is_low and not was_low:
            self.low_since = at
        elif not self.is_low:
            self.low_since = None

    def encoder_report(self, stopped: str, at: datetime) -> bool:
        """The encoder as last heard: a death starts a new condition (True), a new encoder
        ends it."""
        died = bool(stopped) and not self.encoder_stopped
        if died:
            self.encoder_stopped_at = at
        elif not stopped:
            self.encoder_stopped_at = None
        self.encoder_stopped = stopped
        return died
