"""Checks an incoming order must pass before it reaches the bench.

Each helper returns human reasons (empty when fine); the core sends an order with any reason
to "needs review" and shows the reasons to whoever fixes it. A reason names the field and
what is wrong with it, never the buyer's data: reasons are stored, listed, printed and logged
beside the order they belong to.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sync.model import UnifiedAddress, UnifiedLine, UnifiedOrder

# Postcode shapes for the countries we ship most; other countries only need a non-empty one
# when they are listed in POSTCODE_REQUIRED.
POSTCODE_PATTERNS: dict[str, re.Pattern[str]] = {
    "US": re.compile(r"^\d{5}(-\d{4})?$"),
    "CN": re.compile(r"^\d{6}$"),
    "CA": re.compile(r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$"),
    "GB": re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$"),
    "DE": re.compile(r"^\d{5}$"),
    "FR": re.compile(r"^\d{5}$"),
    "AU": re.compile(r"^\d{4}$"),
    "JP": re.compile(r"^\d{3}-?\d{4}$"),
}
POSTCODE_REQUIRED = frozenset({"US", "CA", "GB", "DE", "FR", "AU", "JP"})
_PHONE_NOISE = re.compile(r"[\s\-().]")
_CN_MOBILE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")


def address_problems(address: UnifiedAddress) -> list[str]:
    reasons = []
    if not address.name.strip():
        reasons.append("shipping address has no recipient name")
    if not address.line1.strip():
        reasons.append("shipping address has no street line")
    if not (address.city.strip() or address.region.strip()):
        reasons.append("shipping address has no city or region")
    country = address.country_code.strip()
    if not re.fullmatch(r"[A-Z]{2}", country):
        reasons.append("shipping country is not a two-letter country code")
        return reasons
    postcode = address.postcode.strip()
    pattern = POSTCODE_PATTERNS.get(country)
    if not postcode:
        if country in POSTCODE_REQUIRED:
            reasons.append(f"shipping address in {country} has no postcode")
    elif pattern and not pattern.match(postcode):
        reasons.append(f"postcode is not a valid {country} postcode")
    return reasons


def phone_problems(phone: str, country_code: str) -> list[str]:
    """A parcel carrier needs a phone it can dial; CN carriers want an 11-digit mobile."""
    cleaned = _PHONE_NOISE.sub("", phone or "")
    if not cleaned:
        return ["no phone number for the carrier"]
    if not re.fullmatch(r"\+?\d+", cleaned):
        return ["phone has letters or symbols in it"]
    if country_code == "CN" and not _CN_MOBILE.match(cleaned):
        return ["phone is not an 11-digit mainland mobile number"]
    digits = len(cleaned.lstrip("+"))
    if not 6 <= digits <= 15:
        return [f"phone has {digits} digits (expected 6 to 15)"]
    return []


def line_problems(line: UnifiedLine) -> list[str]:
    label = line.name or line.channel_line_id or "a line"
    reasons = []
    if not line.sku.strip():
        reasons.append(f"line {label!r} has no SKU, so it cannot be scanned")
    if not isinstance(line.quantity, int) or line.quantity <= 0:
        reasons.append(f"line {label!r} has quantity {line.quantity} (must be 1 or more)")
    price = line.unit_price
    if not isinstance(price, Decimal) or not price.is_finite() or price < 0:
        reasons.append(f"line {label!r} has price {price} (must be 0 or more)")
    if not re.fullmatch(r"[A-Z]{3}", line.currency or ""):
        reasons.append(f"line {label!r} has currency {line.currency!r} (expected e.g. USD, CNY)")
    return reasons


def order_problems(order: UnifiedOrder) -> list[str]:
    """Every reason this order cannot go straight to the bench; empty means it can."""
    reasons = address_problems(order.address)
    reasons += phone_problems(order.phone, order.address.country_code)
    if not order.lines:
        reasons.append("order has no lines")
    for line in order.lines:
        reasons += line_problems(line)
    return reasons

