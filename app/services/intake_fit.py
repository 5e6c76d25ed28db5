"""An incoming order made to fit the store before the page is written.

A page is written in a few statements (app/adapters/bulk.py); one value the store cannot keep
would fail the whole page, every cycle. So every value is checked here first, and what a
merchant would want happens instead:

- a NUL character (invisible junk some plugins leave) is removed; nothing readable is lost;
- text longer than its column is cut to fit and the order goes to review, saying so: the
  parcel still ships, but a person checks the name or address first;
- a channel order id too long to keep, or a quantity or price no parcel can have, cannot be
  stored truthfully: the order is parked in the exceptions list with the reason.

The widths are the store's columns (a test holds them equal to app/adapters/orm.py).
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter, gt
from typing import Any

from app.domain.messages import Msg
from app.domain.orders import Address
from app.services.intake_data import IncomingLine, IncomingOrder, Unmapped

CHANNEL_ORDER_ID_CHARS = 64
ORDER_TEXT_CHARS = {"buyer_name": 255, "phone": 64, "tracking_number": 64, "carrier": 32}
ADDRESS_TEXT_CHARS = {"name": 255, "phone": 64, "line1": 255, "line2": 255, "city": 128,
                      "region": 128, "postcode": 32, "country": 2}
LINE_TEXT_CHARS = {"sku": 64, "name": 255, "channel_line_id": 255}
LABELS = {"buyer_name": "buyer name", "phone": "phone", "tracking_number": "tracking number",
          "carrier": "carrier", "name": "ship name", "line1": "street line",
          "line2": "second street line", "city": "city", "region": "region",
          "postcode": "postcode", "country": "country", "sku": "SKU",
          "channel_line_id": "line id"}
MAX_QUANTITY = 1_000_000
MAX_PRICE_CENTS = 2**31 - 1  # the store keeps cents in a 32-bit integer column


def fit(item: IncomingOrder | Unmapped) -> IncomingOrder | Unmapped:
    """The order as the store can keep it, with a review reason for anything cut; or the
    order parked when it cannot be kept truthfully. Cheap when nothing needs fitting."""
    if isinstance(item, Unmapped):
        return _fit_unmapped(item)
    order_id = item.channel_order_id.replace("\x00", "")
    if len(order_id) > CHANNEL_ORDER_ID_CHARS:
        return Unmapped(item.channel, order_id[:CHANNEL_ORDER_ID_CHARS], Msg(
            "channel order id is {length} characters, longer than the {limit} Packdesk "
            "keeps", length=len(order_id), limit=CHANNEL_ORDER_ID_CHARS))
    too_big = _impossible_numbers(item)
    if too_big:
        return Unmapped(item.channel, order_id, too_big)
    reasons: list[str] = []
    changes = _fitted_fields(item, _ORDER_FIT, reasons)
    ship_to = _fitted_fields(item.ship_to, _ADDRESS_FIT, reasons)
    lines = [_fit_line(line, reasons) for line in item.lines]
    note = item.buyer_note.replace("\x00", "")
    unchanged = not (changes or ship_to or reasons) and order_id == item.channel_order_id \
        and note == item.buyer_note and all(a is b for a, b in zip(lines, item.lines, strict=True))
    if unchanged:
        return item
    return replace(item, channel_order_id=order_id, buyer_note=note,
                   ship_to=replace(item.ship_to, **ship_to) if ship_to else item.ship_to,
                   lines=tuple(lines), review_reasons=item.review_reasons + tuple(reasons),
                   **changes)


def _fit_unmapped(item: Unmapped) -> Unmapped:
    order_id = item.channel_order_id.replace("\x00", "")[:CHANNEL_ORDER_ID_CHARS]
    return item if order_id == item.channel_order_id else replace(item, channel_order_id=order_id)


class _Widths(dict[str, int]):
    """A table of widths with its fields' values read in one call, for the common case."""

    def __init__(self, widths: dict[str, int]) -> None:
        super().__init__(widths)
        self.values_of = attrgetter(*widths)  # every table names more than one field
        self.widths = tuple(widths.values())


_ORDER_FIT, _ADDRESS_FIT, _LINE_FIT = (_Widths(ORDER_TEXT_CHARS), _Widths(ADDRESS_TEXT_CHARS),
                                       _Widths(LINE_TEXT_CHARS))


def _fitted_fields(record: IncomingOrder | Address | IncomingLine, limits: _Widths,
                   reasons: list[str], line: str = "") -> dict[str, Any]:
    """The fields of `record` that change to fit, each cut one with its reason."""
    values = limits.values_of(record)
    if "\x00" not in "".join(values) and not any(map(gt, map(len, values), limits.widths)):
        return {}  # the common case, checked in one pass: nothing to fit
    changes = {}
    for name, limit in limits.items():
        value = getattr(record, name)
        if len(value) <= limit and "\x00" not in value:
            continue  # the common case: nothing to fit
        if "\x00" in value:
            value = value.replace("\x00", "")
        if len(value) > limit:
            reasons.append(
                Msg("{what} of line {line} too long, cut to {limit} characters",
                    what=LABELS[name], line=line, limit=limit) if line else
                Msg("{what} too long, cut to {limit} characters", what=LABELS[name],
                    limit=limit))
            value = value[:limit]
        if value is not getattr(record, name):
            changes[name] = value
    return changes


def _fit_line(line: IncomingLine, reasons: list[str]) -> IncomingLine:
    changes = _fitted_fields(line, _LINE_FIT, reasons, line.channel_line_id[:40] or "?")
    return replace(line, **changes) if changes else line


def _impossible_numbers(item: IncomingOrder) -> str:
    for line in item.lines:
        if abs(line.quantity) > MAX_QUANTITY:
            return Msg("line {line} has quantity {quantity}: more than the {limit} one order "
                       "line may hold", line=line.channel_line_id[:40],
                       quantity=_short(line.quantity), limit=MAX_QUANTITY)
        if abs(line.unit_price_cents) > MAX_PRICE_CENTS:
            return Msg("line {line} has a unit price of {cents} cents: more than Packdesk "
                       "can keep", line=line.channel_line_id[:40],
                       cents=_short(line.unit_price_cents))
    return ""


def _short(number: int) -> str:
    """A number too large to print in full (1e999999 has a million digits)."""
    digits = len(str(abs(number))) if number.bit_length() < 4000 else None
    if digits is not None and digits <= 20:
        return str(number)
    return f"a number of about {round(number.bit_length() * 0.30103)} digits"
