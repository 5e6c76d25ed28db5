"""Whether a return is allowed, and how much of the price comes back.

Rules are kept per channel and per product category; the most specific one wins. Days
are counted as calendar days in the store's time zone: a parcel delivered at 23:30 on
the 1st was delivered on the 1st there, whatever UTC says, and day 7 is the last day a
no-reason return is accepted (day 8 is too late). Seller faults (damaged, wrong item, not
as described) ignore the non-returnable and hygiene rules and have a longer window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from app.domain.messages import Msg
from app.domain.returns import SELLER_AT_FAULT, Grade, ReasonCode


@dataclass(eq=False)
class ReturnRule:
    """A channel's (or every channel's, "") rule for a category (or every category, "")."""

    channel: str = ""
    category: str = ""
    window_days: int = 7
    fault_window_days: int = 30
    returnable: bool = True
    hygiene: bool = False  # returnable only unopened
    damaged_refund_percent: int = 0
    missing_parts_refund_percent: int = 50
    id: int | None = None


DEFAULT_RULE = ReturnRule()


@dataclass(frozen=True)
class PolicyLine:
    sku: str
    category: str
    reason: str = ReasonCode.CHANGED_MIND
    opened: bool = False


@dataclass(frozen=True)
class PolicyVerdict:
    passes: bool
    reason: str
    window_ends: datetime | None  # the first moment too late for a no-reason return
    line_reasons: tuple[tuple[str, str], ...] = ()  # (sku, why it fails)


def rule_for(rules: Iterable[ReturnRule], channel: str, category: str) -> ReturnRule:
    """The most specific rule: channel and category, then category, then channel, then any."""
    by_key = {(rule.channel, rule.category): rule for rule in rules}
    for key in ((channel, category), ("", category), (channel, ""), ("", "")):
        if key in by_key:
            return by_key[key]
    return DEFAULT_RULE


def window_end(start: datetime, days: int, zone: tzinfo) -> datetime:
    """End (exclusive) of the `days`-th calendar day after `start`, in the store's zone."""
    last_day = start.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=zone)


def _line_problem(line: PolicyLine, rule: ReturnRule, start: datetime, now: datetime,
                  zone: tzinfo) -> str | None:
    fault = ReasonCode(line.reason) in SELLER_AT_FAULT
    if not fault and not rule.returnable:
        return Msg("{sku}: {category} items cannot be returned without a fault.", sku=line.sku,
                   category=line.category or "these")
    if not fault and rule.hygiene and line.opened:
        return Msg("{sku}: an opened hygiene item cannot be returned.", sku=line.sku)
    days = rule.fault_window_days if fault else rule.window_days
    ends = window_end(start, days, zone)
    if now >= ends:
        late_by = (now.astimezone(zone).date() - start.astimezone(zone).date()).days
        return Msg("{sku}: day {day} since it reached the buyer; returns are accepted up to "
                   "day {days} ({last}).", sku=line.sku, day=late_by, days=days,
                   last=f"{(ends - timedelta(seconds=1)).astimezone(zone):%Y-%m-%d}")
    return None


def evaluate(lines: Iterable[PolicyLine], rules: list[ReturnRule], channel: str,
             delivered_at: datetime | None, shipped_at: datetime | None, now: datetime,
             zone: tzinfo) -> PolicyVerdict:
    """The verdict for returning these lines now, with the reason a clerk can read out."""
    start = delivered_at or shipped_at
    if start is None:
        return PolicyVerdict(False, Msg("The order has not shipped; there is nothing to "
                                        "return."), None)
    problems = []
    for line in lines:
        problem = _line_problem(line, rule_for(rules, channel, line.category), start, now, zone)
        if problem:
            problems.append((line.sku, problem))
    ends = window_end(start, rule_for(rules, channel, "").window_days, zone)
    if problems:
        reason = problems[0][1] if len(problems) == 1 else " ".join(p for _, p in problems)
        return PolicyVerdict(False, reason, ends, tuple(problems))
    day = (now.astimezone(zone).date() - start.astimezone(zone).date()).days
    if delivered_at:
        return PolicyVerdict(True, Msg("Within the return window: day {day} since delivery.",
                                       day=day), ends)
    return PolicyVerdict(True, Msg("Within the return window: day {day} since shipping "
                                   "(delivery unknown).", day=day), ends)


def unit_refund_cents(unit_price_cents: int, reason: str, grade: str, rule: ReturnRule) -> int:
    """What one graded unit refunds: the full price when the shop was at fault."""
    if ReasonCode(reason) in SELLER_AT_FAULT or Grade(grade) is Grade.RESELLABLE:
        percent = 100
    elif Grade(grade) is Grade.MISSING_PARTS:
        percent = rule.missing_parts_refund_percent
    else:
        percent = rule.damaged_refund_percent
    return unit_price_cents * percent // 100
