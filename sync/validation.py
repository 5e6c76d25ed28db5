"""Checks an incoming order must pass before it reaches the bench.

Each helper returns human reasons (empty when fine); the core sends an order with any reason
to "needs review" and shows the reasons to whoever fixes it. A reason names the field and
what is wrong with it, never the buyer's data: reasons are stored, listed, printed and logged
beside the order they belong to.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.domain.addresses import postcode_rule, region_problem
from app.domain.messages import Msg
from app.domain.phones import phone_problems as check_phone
from sync.model import UnifiedAddress, UnifiedLine, UnifiedOrder

# Chinese carriers route by 省市区 and the marketplaces often send no 邮编: a missing one
# is no reason to stop a Chinese order, though Google's data lists it as required.
POSTCODE_OPTIONAL = frozenset({"CN"})
_MASKED_PHONE = re.compile(r"\+?[\d*\s\-]+")
_COUNTRY = re.compile(r"[A-Z]{2}")
_CURRENCY = re.compile(r"[A-Z]{3}")


def address_problems(address: UnifiedAddress) -> list[str]:
    reasons = []
    if not address.name.strip():
        reasons.append(Msg("shipping address has no recipient name"))
    if not address.line1.strip():
        reasons.append(Msg("shipping address has no street line"))
    if not (address.city.strip() or address.region.strip()):
        reasons.append(Msg("shipping address has no city or region"))
    country = address.country_code.strip()
    if not _COUNTRY.fullmatch(country):
        reasons.append(Msg("shipping country is not a two-letter country code"))
        return reasons
    if region_problem(country, address.region):
        reasons.append(Msg("region is not one of {country}'s states or provinces",
                           country=country))
    postcode = address.postcode.strip()
    pattern, required = postcode_rule(country)  # Google's address data for the country
    if not postcode:
        if required and country not in POSTCODE_OPTIONAL:
            reasons.append(Msg("shipping address in {country} has no postcode", country=country))
    elif pattern and not pattern.fullmatch(postcode):
        reasons.append(Msg("postcode is not a valid {country} postcode", country=country))
    return reasons


def phone_problems(phone: str, country_code: str, masked: bool = False) -> list:
    """A parcel carrier needs a phone it can dial (app/domain/phones.py, by phonenumbers).
    A phone the marketplace masked (138****0000) is dialled by the carrier from its
    e-waybill, not by us: digits and asterisks are all it may hold."""
    if masked and "*" in (phone or ""):
        return [] if _MASKED_PHONE.fullmatch(phone.strip()) else [
            Msg("phone has letters or symbols in it")]
    return list(check_phone(phone, country_code))


def line_problems(line: UnifiedLine) -> list[str]:
    label = line.name or line.channel_line_id or "a line"
    reasons = []
    if not line.sku.strip():
        reasons.append(Msg("line {label!r} has no SKU, so it cannot be scanned", label=label))
    if not isinstance(line.quantity, int) or line.quantity <= 0:
        reasons.append(Msg("line {label!r} has quantity {quantity} (must be 1 or more)",
                           label=label, quantity=line.quantity))
    price = line.unit_price
    if not isinstance(price, Decimal) or not price.is_finite() or price < 0:
        reasons.append(Msg("line {label!r} has price {price} (must be 0 or more)",
                           label=label, price=price))
    if not _CURRENCY.fullmatch(line.currency or ""):
        reasons.append(Msg("line {label!r} has currency {currency!r} (expected e.g. USD, CNY)",
                           label=label, currency=line.currency))
    return reasons


def order_problems(order: UnifiedOrder) -> list[str]:
    """Every reason this order cannot go straight to the bench; empty means it can."""
    reasons = address_problems(order.address)
    reasons += phone_problems(order.phone, order.address.country_code, order.receiver_masked)
    if not order.lines:
        reasons.append(Msg("order has no lines"))
    for line in order.lines:
        reasons += line_problems(line)
    return reasons

