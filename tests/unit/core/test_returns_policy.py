"""The return policy: day 7 against day 8, time zones, categories, hygiene, refunds."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.returns import Grade, ReasonCode
from app.services.return_policy import (
    DEFAULT_RULE,
    PolicyLine,
    ReturnRule,
    evaluate,
    rule_for,
    unit_refund_cents,
    window_end,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
SHIPPED = datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI)
TEA = PolicyLine("TEA-001", "tea")


def _verdict(now, lines=(TEA,), rules=(), zone=SHANGHAI, delivered=None, shipped=SHIPPED,
             channel="shopify"):
    return evaluate(list(lines), list(rules), channel, delivered, shipped, now, zone)


def test_day_seven_is_the_last_day_of_a_no_reason_return_and_day_eight_is_too_late():
    last_minute_of_day_7 = datetime(2026, 11, 9, 23, 59, 59, tzinfo=SHANGHAI)
    first_minute_of_day_8 = datetime(2026, 11, 10, 0, 0, tzinfo=SHANGHAI)
    assert _verdict(last_minute_of_day_7).passes
    late = _verdict(first_minute_of_day_8)
    assert not late.passes
    assert "day 8" in late.reason and "up to day 7 (2026-11-09)" in late.reason
    assert _verdict(first_minute_of_day_8).window_ends == first_minute_of_day_8


def test_days_are_counted_in_the_store_zone_not_in_utc():
    """Shipped 23:30 UTC on the 1st is the 2nd in Shanghai: day 7 there is the 9th."""
    shipped = datetime(2026, 11, 1, 23, 30, tzinfo=UTC)
    asked = datetime(2026, 11, 9, 10, 0, tzinfo=SHANGHAI)  # 02:00 UTC on the 9th
    assert _verdict(asked, zone=SHANGHAI, shipped=shipped).passes
    in_utc = _verdict(asked, zone=UTC, shipped=shipped)
    assert not in_utc.passes and "day 8" in in_utc.reason
    # New York: shipped at 18:30 on the 1st; the 9th at 02:00 UTC is still the 8th there
    assert _verdict(asked, zone=NEW_YORK, shipped=shipped).passes


def test_window_end_is_local_midnight_after_the_last_day_even_across_a_dst_change():
    start = datetime(2026, 10, 30, 12, 0, tzinfo=NEW_YORK)  # DST ends on 1 November
    end = window_end(start, 7, NEW_YORK)
    assert end == datetime(2026, 11, 7, 0, 0, tzinfo=NEW_YORK)
    assert end.utcoffset() == timedelta(hours=-5)


def test_delivery_counts_before_shipping_and_an_unshipped_order_cannot_be_returned():
    delivered = datetime(2026, 11, 5, 9, 0, tzinfo=SHANGHAI)
    on_day_10_after_shipping = datetime(2026, 11, 12, 9, 0, tzinfo=SHANGHAI)
    verdict = _verdict(on_day_10_after_shipping, delivered=delivered)
    assert verdict.passes and "since delivery" in verdict.reason
    assert "shipping (delivery unknown)" in _verdict(SHIPPED + timedelta(days=1)).reason
    nothing = _verdict(SHIPPED, shipped=None)
    assert not nothing.passes and "has not shipped" in nothing.reason


def test_non_returnable_categories_refuse_a_no_reason_return_but_not_a_seller_fault():
    rules = [ReturnRule(category="ear", returnable=False)]
    earbuds = PolicyLine("EAR-015", "ear")
    refused = _verdict(SHIPPED + timedelta(days=1), [TEA, earbuds], rules)
    assert not refused.passes
    assert refused.line_reasons == (("EAR-015", refused.reason),)
    assert "EAR-015: ear items cannot be returned" in refused.reason
    faulty = PolicyLine("EAR-015", "ear", ReasonCode.DAMAGED)
    assert _verdict(SHIPPED + timedelta(days=1), [faulty], rules).passes


def test_opened_hygiene_items_are_refused_unopened_ones_pass():
    rules = [ReturnRule(category="soc", hygiene=True)]
    later = SHIPPED + timedelta(days=2)
    assert _verdict(later, [PolicyLine("SOC-016", "soc", opened=False)], rules).passes
    opened = _verdict(later, [PolicyLine("SOC-016", "soc", opened=True)], rules)
    assert not opened.passes and "opened hygiene item" in opened.reason


def test_seller_faults_get_the_longer_window():
    day_20 = SHIPPED + timedelta(days=20)
    assert not _verdict(day_20).passes
    assert _verdict(day_20, [PolicyLine("TEA-001", "tea", ReasonCode.WRONG_ITEM)]).passes
    assert not _verdict(SHIPPED + timedelta(days=31),
                        [PolicyLine("TEA-001", "tea", ReasonCode.WRONG_ITEM)]).passes


def test_the_most_specific_rule_wins():
    anywhere_tea = ReturnRule(category="tea", window_days=10)
    shop_tea = ReturnRule(channel="taobao", category="tea", window_days=15)
    shop = ReturnRule(channel="taobao", window_days=12)
    rules = [anywhere_tea, shop_tea, shop]
    assert rule_for(rules, "taobao", "tea") is shop_tea
    assert rule_for(rules, "shopify", "tea") is anywhere_tea
    assert rule_for(rules, "taobao", "cup") is shop
    assert rule_for(rules, "shopify", "cup") is DEFAULT_RULE
    on_day_14 = SHIPPED + timedelta(days=14)
    assert _verdict(on_day_14, rules=rules, channel="taobao").passes
    assert not _verdict(on_day_14, rules=rules, channel="shopify").passes


@pytest.mark.parametrize(("reason", "grade", "cents"), [
    (ReasonCode.CHANGED_MIND, Grade.RESELLABLE, 1999),
    (ReasonCode.CHANGED_MIND, Grade.MISSING_PARTS, 999),
    (ReasonCode.CHANGED_MIND, Grade.DAMAGED, 0),
    (ReasonCode.DAMAGED, Grade.DAMAGED, 1999),
    (ReasonCode.NOT_AS_DESCRIBED, Grade.MISSING_PARTS, 1999),
])
def test_a_unit_refunds_by_its_grade_unless_the_shop_was_at_fault(reason, grade, cents):
    assert unit_refund_cents(1999, reason, grade, DEFAULT_RULE) == cents
