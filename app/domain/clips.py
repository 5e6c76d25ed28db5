"""Pack videos as evidence: which clip shows which parcel, and which clips may go.

A clip is indexed by order number, tracking number and channel order id. Retention deletes
oldest first — past the days kept, then while the clips take more than the disk budget —
and never a clip of an order with an open return case or dispute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta


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
            raise ValueError("Clips are kept at least a day, in a budget of 0 bytes or more.")


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
