"""UnifiedOrder (what adapters and the CSV import produce) -> IncomingOrder (what the core
takes in). The core cannot import sync/, so the translation, and the channel-side validation
reasons, are done here."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.messages import Msg
from app.domain.orders import Address
from app.services.intake import IncomingLine, IncomingOrder, Unmapped
from sync.model import MappingError, UnifiedLine, UnifiedOrder
from sync.validation import order_problems

MAX_RAW_CHARS = 20_000


def to_cents(price: Decimal) -> int:
    try:
        return int((price * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, TypeError, ValueError):
        return 0


def incoming_line(line: UnifiedLine) -> IncomingLine:
    return IncomingLine(line.channel_line_id, line.sku.strip(), line.name,
                        line.quantity if isinstance(line.quantity, int) else 0,
                        to_cents(line.unit_price))


def incoming_order(order: UnifiedOrder, channel_code: str | None = None) -> IncomingOrder:
    """`channel_code` is the store's name for the channel (e.g. "shopify-eu"), when it differs
    from the adapter's kind."""
    a = order.address
    return IncomingOrder(
        channel=channel_code or order.channel, channel_order_id=order.channel_order_id,
        status=order.status, buyer_name=order.buyer_name or a.name, phone=order.phone,
        ship_to=Address(a.name, order.phone, a.line1, a.line2, a.city, a.region, a.postcode,
                        a.country_code[:2]),
        lines=tuple(incoming_line(line) for line in order.lines),
        buyer_note=order.buyer_note, placed_at=order.placed_at, ship_by=order.ship_by,
        tracking_number=order.tracking_number, carrier=order.carrier,
        review_reasons=tuple(order_problems(order)),
        updated_marker=order.updated_at.isoformat() if order.updated_at else "",
        receiver_oaid=order.receiver_oaid)


def unmapped(error: MappingError, channel_code: str | None = None) -> Unmapped:
    return Unmapped(channel_code or error.channel, error.channel_order_id, error.reason,
                    kept_raw(error.raw))


def kept_raw(raw: object) -> dict:
    """The payload as the exceptions table keeps it: JSON only, and not too much of it."""
    raw = raw if isinstance(raw, dict) else {"raw": repr(raw)}
    raw = json.loads(json.dumps(raw, default=str))
    if len(repr(raw)) > MAX_RAW_CHARS:
        raw = {"truncated": repr(raw)[:MAX_RAW_CHARS]}
    return raw


def batch(orders: list[UnifiedOrder], errors: list[MappingError],
          channel_code: str | None = None) -> list[IncomingOrder | Unmapped]:
    """Each order on its own: one that cannot be translated is parked, the others go on."""
    items: list[IncomingOrder | Unmapped] = []
    for order in orders:
        try:
            items.append(incoming_order(order, channel_code))
        except (AttributeError, TypeError, ValueError, LookupError, ArithmeticError) as exc:
            items.append(Unmapped(channel_code or order.channel, order.channel_order_id, Msg(
                "the order could not be read ({kind}); it was not imported",
                kind=type(exc).__name__), kept_raw(order.raw)))
    return items + [unmapped(e, channel_code) for e in errors]
