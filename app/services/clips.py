"""Pack videos: store a finished clip in the index, find an order's clips, and keep the
clips folder within its days and disk budget without losing evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Protocol

from app.domain.alerts import Alert
from app.domain.clips import ClipsDisk, PackClip, Retention, clip_at, clips_to_delete
from app.domain.messages import Msg
from app.services.alert_notices import NoticeUnitOfWork, queue_alert_notices


class ClipRepository(Protocol):
    def add(self, clip: PackClip) -> None: ...
    def find(self, key: str) -> list[PackClip]: ...
    def of_order(self, number: str) -> list[PackClip]: ...
    def live(self) -> list[PackClip]: ...
    def protected_orders(self, numbers: list[str]) -> set[str]: ...
    def disk(self, station: str) -> ClipsDisk | None: ...
    def add_disk(self, disk: ClipsDisk) -> None: ...
    def usage(self, station: str) -> tuple[int, int]: ...


class _Alerts(Protocol):
    def add(self, alert: Alert) -> None: ...
    def known_keys(self, keys: list[str]) -> set[str]: ...


class ClipUnitOfWork(NoticeUnitOfWork, Protocol):
    clips: ClipRepository
    alerts: _Alerts
    station: str
    def now(self) -> datetime: ...
    def __enter__(self) -> ClipUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...


@dataclass(frozen=True)
class ClipView:
    """A read model of PackClip (app/domain/clips.py): the same facts, frozen."""

    id: int
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
    events: tuple[dict, ...]
    problem: str


def _view(clip: PackClip) -> ClipView:
    """The clip as the screens get it: frozen (it crosses to the main thread), its events a
    tuple, a stored clip's id, and no deletion stamp (only live clips are shown)."""
    return ClipView(**{f.name: getattr(clip, f.name) for f in fields(ClipView)
                       if f.name not in ("id", "events")},
                    id=clip.id or 0, events=tuple(clip.events))


def record_clip(uow: ClipUnitOfWork, clip: PackClip) -> ClipView:
    with uow:
        clip.station = clip.station or uow.station
        uow.clips.add(clip)
        uow.commit()
        return _view(clip)


def find_clips(uow: ClipUnitOfWork, key: str) -> tuple[ClipView, ...]:
    with uow:
        return tuple(_view(c) for c in uow.clips.find(key.strip()))


@dataclass(frozen=True)
class Pruned:
    deleted: int
    freed_bytes: int
    kept_for_returns: int
    failed: tuple[str, ...]  # files that could not be removed (their rows stay)


def prune_clips(uow: ClipUnitOfWork, rule: Retention,
                remove_file: Callable[[str], None]) -> Pruned:
    """Delete what the rule lets go, oldest first; a file that cannot be removed stays in
    the index, so nothing is forgotten that is still on the disk."""
    with uow:
        live = uow.clips.live()
        protected = uow.clips.protected_orders(sorted({c.order_number for c in live}))
        now = uow.now()
        chosen = clips_to_delete(live, now, rule, protected)
        failed, freed = [], 0
        for clip in chosen:
            try:
                remove_file(clip.path)
            except OSError as exc:
                failed.append(f"{clip.path}: {exc.strerror or exc}")
                continue
            clip.deleted_at = now
            freed += clip.bytes
        uow.commit()
        kept = sum(1 for c in live if c.order_number in protected)
        return Pruned(len(chosen) - len(failed), freed, kept, tuple(failed))


@dataclass(frozen=True)
class ClipMoment:
    """A clip to open at a scan's moment, or why there is none to play (`problem`)."""

    order_number: str
    clip: ClipView | None
    offset_ms: int
    problem: str  # "" when the clip can be played; else a Msg naming what happened


def open_clip_at(uow: ClipUnitOfWork, order_number: str, moment: datetime | None,
                 file_exists: Callable[[str], bool]) -> ClipMoment:
    """The pack video of an order at a moment (a scan's time; None: the last pack, from its
    start). A clip pruned by retention, or a file that is not on this station's disk, is
    named as such rather than failing to play."""
    number = (order_number or "").strip()
    with uow:
        chosen = clip_at(uow.clips.of_order(number), moment)
        view = _view(chosen) if chosen is not None else None
        deleted_at = chosen.deleted_at if chosen is not None else None
        offset = chosen.offset_of(moment) if chosen is not None and moment is not None else 0
    if chosen is None or view is None:
        return ClipMoment(number, None, 0, Msg(
            "No pack video was recorded for order {number}: the station had no camera, or "
            "filming was off.", number=number))
    if deleted_at is not None:
        return ClipMoment(number, view, 0, Msg(
            "The pack video of order {number} filmed on {filmed} was deleted on {deleted} by "
            "the clips' retention (older than the days kept, or over the disk budget).",
            number=number, filmed=f"{view.started_at:%Y-%m-%d %H:%M}",
            deleted=f"{deleted_at:%Y-%m-%d}"))
    if not file_exists(view.path):
        return ClipMoment(number, view, 0, Msg(
            "The pack video of order {number} was filmed at station {station}, but its file "
            "{path} is not on this disk: open it at that station, or restore the file.",
            number=number, station=view.station or "?", path=view.path))
    return ClipMoment(number, view, min(offset, _length_ms(view)), "")


def _length_ms(view: ClipView) -> int:
    return max(0, round((view.ended_at - view.started_at).total_seconds() * 1000))


@dataclass(frozen=True)
class ClipsDiskView:
    """What station settings show of the clips' disk."""

    station: str
    folder: str
    total_bytes: int
    free_bytes: int
    keep_free_bytes: int
    clips: int  # this station's clips still on its disk
    clips_bytes: int
    stopped: str  # why filming stopped, "" while it films
    low: bool
    encoder_stopped: str = ""  # why the encoder process ended, "" while one films


@dataclass(frozen=True)
class DiskReading:
    folder: str
    total_bytes: int
    free_bytes: int
    keep_free_bytes: int
    stopped: str = ""
    encoder_stopped: str = ""  # the encoder process died ("signal 9"), "" while one films


def report_clips_disk(uow: ClipUnitOfWork, reading: DiskReading) -> ClipsDiskView:
    """The station's clips disk as read now; a low disk, and an encoder that died, become
    alerts at the next alerts refresh (and reach the DingTalk, WeCom and mail routes)."""
    with uow:
        now = uow.now()
        disk = uow.clips.disk(uow.station)
        if disk is None:
            disk = ClipsDisk(uow.station, reading.folder, 0, 0, 0, now)
            uow.clips.add_disk(disk)
        disk.report(reading.folder, reading.total_bytes, reading.free_bytes,
                    reading.keep_free_bytes, reading.stopped[:500], now)
        if disk.encoder_report(reading.encoder_stopped[:500], now):
            _raise_encoder_alert(uow, disk, now)
        count, size = uow.clips.usage(uow.station)
        uow.commit()
        return ClipsDiskView(disk.station, disk.folder, disk.total_bytes, disk.free_bytes,
                             disk.keep_free_bytes, count, size, disk.stopped, disk.is_low,
                             disk.encoder_stopped)


def _raise_encoder_alert(uow: ClipUnitOfWork, disk: ClipsDisk, now: datetime) -> None:
    """The encoder's death is an alert now, not at the next alerts refresh: the next
    order's encoder may be filming by then, and the death would go unheard. The refresh
    finds it raised (its key) and clears it once a new encoder films."""
    from app.services.alerts import clip_encoder_conditions

    for condition in clip_encoder_conditions(
            [(disk.station, disk.encoder_stopped, disk.encoder_stopped_at)], now):
        if not uow.alerts.known_keys([condition.key]):
            alert = condition.alert()
            uow.alerts.add(alert)
            queue_alert_notices(uow, [alert], [])  # the routes hear of it, as of any alert
