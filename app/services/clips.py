"""Pack videos: store a finished clip in the index, find an order's clips, and keep the
clips folder within its days and disk budget without losing evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.clips import PackClip, Retention, clips_to_delete


class ClipRepository(Protocol):
    def add(self, clip: PackClip) -> None: ...
    def find(self, key: str) -> list[PackClip]: ...
    def live(self) -> list[PackClip]: ...
    def protected_orders(self, numbers: list[str]) -> set[str]: ...


class ClipUnitOfWork(Protocol):
    clips: ClipRepository
    station: str
    def now(self) -> datetime: ...
    def __enter__(self) -> ClipUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...


@dataclass(frozen=True)
class ClipView:
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
    return ClipView(clip.id or 0, clip.order_number, clip.tracking_number,
                    clip.channel_order_id, clip.station, clip.path, clip.started_at,
                    clip.ended_at, clip.frames, clip.bytes, clip.sha256, tuple(clip.events),
                    clip.problem)


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
