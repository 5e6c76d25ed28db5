"""Which pack videos may go: oldest first, past the days kept or over the budget, never the
clip of an order with an open return."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clips import PackClip, Retention, clips_to_delete

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def clip(number: str, days_ago: float, size: int = 100) -> PackClip:
    start = NOW - timedelta(days=days_ago)
    return PackClip(number, "", "", "B1", f"/clips/{number}.mp4", start,
                    start + timedelta(minutes=1), 900, size, "0" * 64)


def test_past_the_days_kept_and_then_oldest_first_within_the_budget():
    clips = [clip("PD-1", 100), clip("PD-2", 95), clip("PD-3", 30), clip("PD-4", 10),
             clip("PD-5", 1)]
    chosen = clips_to_delete(clips, NOW, Retention(keep_days=90, budget_bytes=250), set())
    assert [c.order_number for c in chosen] == ["PD-1", "PD-2", "PD-3"]  # 300 > 250: PD-3 too


def test_a_clip_of_an_open_return_is_never_chosen():
    clips = [clip("PD-1", 100), clip("PD-2", 95), clip("PD-3", 30)]
    chosen = clips_to_delete(clips, NOW, Retention(keep_days=90, budget_bytes=0), {"PD-1"})
    assert [c.order_number for c in chosen] == ["PD-2", "PD-3"]


def test_deleted_clips_count_for_nothing_and_the_rule_is_checked():
    gone = clip("PD-1", 100)
    gone.deleted_at = NOW
    assert clips_to_delete([gone, clip("PD-2", 5)], NOW, Retention(90, 1000), set()) == []
    assert clip("PD-9", 0).offset_of(NOW + timedelta(seconds=12.48)) == 12480
    with pytest.raises(ValueError):
        Retention(keep_days=0)
