"""A figure that stayed past its threshold three days in a row, and what carried the misses.

Plain arithmetic over each day's facts and figures (app/services/health.py), so a seeded
history can be worked out by hand: days are consecutive calendar days; a day whose figure
is within its threshold, or has no figure (nothing packed, nothing counted), ends a run.
Beside a run the report names the channel, hour, packer or SKU that carried most of the
misses over the run's days, when the facts tell it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from app.domain.messages import Msg
from app.services.health import MIS_SCANS, HealthFacts, HealthFigures

RUN_DAYS = 3


@dataclass(frozen=True)
class Streak:
    figure: str
    first_day: datetime
    last_day: datetime
    days: int
    carried_by: Msg | None  # "channel taobao: 3 of 4 late orders"; None when facts say nothing


def streaks(days: tuple[tuple[HealthFacts, HealthFigures], ...],
            run_days: int = RUN_DAYS) -> tuple[Streak, ...]:
    """Every run of at least `run_days` days in a row with the same figure crossed."""
    found = []
    figures = sorted({c.figure for _facts, f in days for c in f.crossings})
    for figure in figures:
        run: list[tuple[HealthFacts, HealthFigures]] = []
        for facts, day in (*days, (None, None)):
            if facts is not None and day is not None and \
                    figure in {c.figure for c in day.crossings}:
                run.append((facts, day))
                continue
            if len(run) >= run_days:
                found.append(Streak(figure, run[0][1].since, run[-1][1].since, len(run),
                                    carried_by(figure, [f for f, _ in run])))
            run = []
    return tuple(sorted(found, key=lambda s: (s.first_day, s.figure)))


def carried_by(figure: str, facts: list[HealthFacts]) -> Msg | None:
    if figure == "on_time_rate":
        late = [(channel, ship_by) for f in facts for _n, channel, ship_by, packed in f.fulfilled
                if ship_by is not None and packed > ship_by]
        return _most(Counter(c for c, _ in late), Counter(s.hour for _, s in late), len(late))
    if figure == "inventory_accuracy":
        off = Counter(sku for f in facts for sku, expected, counted in (f.count_results or ())
                      if expected != counted)
        if off:
            sku, count = off.most_common(1)[0]
            return Msg("SKU {sku}: {count} of {total} counts off", sku=sku, count=count,
                       total=sum(off.values()))
    if figure == "mis_scan_rate":
        misses: Counter[str] = Counter()
        for f in facts:
            for packer, result, count in f.scans:
                if result in MIS_SCANS:
                    misses[packer] += count
        if misses:
            packer, count = misses.most_common(1)[0]
            return Msg("packer {packer}: {count} of {total} mis-scans", packer=packer,
                       count=count, total=sum(misses.values()))
    return None  # returns and first responses are kept as totals: nothing to name


def _most(channels: Counter, hours: Counter, total: int) -> Msg | None:
    """The channel, or the promised hour if it carries a larger share, of the late orders."""
    if not total:
        return None
    channel, by_channel = channels.most_common(1)[0]
    hour, by_hour = hours.most_common(1)[0]
    if by_hour > by_channel:
        return Msg("orders due at {hour:02d}:00 UTC: {count} of {total} late orders",
                   hour=hour, count=by_hour, total=total)
    return Msg("channel {channel}: {count} of {total} late orders", channel=channel,
               count=by_channel, total=total)
