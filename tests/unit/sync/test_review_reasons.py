"""Review reasons name the field and the problem, never the buyer's data: they are stored,
listed in "Orders needing review", printed by `packdesk import` and logged."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

from sync.model import UnifiedAddress, UnifiedLine, UnifiedOrder
from sync.validation import order_problems

AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _order(number: str, name: str, phone: str, line1: str, city: str, postcode: str,
           country: str) -> UnifiedOrder:
    return UnifiedOrder(
        "shopify", number, number, "open", name, phone, "buyer@example.com",
        UnifiedAddress(name, line1, "", city, "", postcode, country),
        (UnifiedLine("1", "CUP-RED", "Red cup", 1, Decimal("9.50"), "EUR"),),
        "", AT, AT, None, "", "")


BAD_ORDERS = [
    _order("#2001", "Jürgen Müller", "0170 55S 12345", "Hauptstraße 12", "Berlin", "1O115",
           "DE"),
    _order("#2002", "王小明", "13800138", "朝阳区建国路 88 号", "北京", "10002X", "CN"),
    _order("#2003", "Dana Whitfield", "555-1212-9", "742 Evergreen Terrace", "Springfield",
           "9021", "US"),
    _order("#2004", "Priya Natarajan", "+44 20 7946 0958 ext 7", "221B Baker Street",
           "London", "NW1-6XE!", "GB"),
    _order("#2005", "Lena Schmidt", "123", "Am Markt 5, 04109 Leipzig", "Leipzig", "04109",
           "Deutschland"),
    _order("#2006", "Kenji Sato", "", "1-2-3 Shibuya", "Tokyo", "", "JP"),
]


def _personal(order: UnifiedOrder) -> list[str]:
    """The buyer's texts, and the digits of the phone however they are grouped."""
    a = order.address
    texts = [order.buyer_name, order.phone, a.name, a.line1, a.city, a.postcode,
             a.country_code, re.sub(r"\D", "", order.phone)]
    return [t for t in texts if len(t.strip()) >= 3]


def test_no_review_reason_quotes_the_buyers_name_phone_or_address():
    for order in BAD_ORDERS:
        reasons = order_problems(order)
        assert reasons, f"{order.channel_order_id} should need review"
        for reason in reasons:
            quoted = [text for text in _personal(order) if text.lower() in reason.lower()]
            assert quoted == [], f"{order.channel_order_id}: {reason!r} quotes {quoted}"


def test_the_reasons_still_say_which_field_is_wrong_and_how():
    reasons = {order.channel_order_id: order_problems(order) for order in BAD_ORDERS}
    assert reasons["#2001"] == ["postcode is not a valid DE postcode",
                                "phone has letters or symbols in it"]
    assert reasons["#2002"] == ["postcode is not a valid CN postcode",
                                "phone is not an 11-digit mainland mobile number"]
    assert reasons["#2003"] == ["postcode is not a valid US postcode",
                                "phone is too short for a US number"]  # 8 digits
    assert reasons["#2004"] == ["postcode is not a valid GB postcode",
                                "phone has letters or symbols in it"]
    assert reasons["#2005"] == ["shipping country is not a two-letter country code",
                                "phone has 3 digits (expected 6 to 15)"]
    assert reasons["#2006"] == ["shipping address in JP has no postcode",
                                "no phone number for the carrier"]
