"""Replay a channel's payload through the adapter's mapping: what Packdesk would take in.

For support: a merchant sends the JSON a channel gave them (an API answer, a webhook body,
one order or a page of them), and `packdesk orders replay FILE --channel X` prints, for each
order in it, whether Packdesk would take it in, hold it, send it to review, or leave it out,
and why. Nothing is stored and nothing is sent. The orders are found by their shape anywhere
in the file, so an answer's envelope (`trade_fullinfo_get_response`, `data.orders.nodes`, …)
may stay around them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.messages import Msg
from app.services.intake import HOLD_WORDS, NOT_TAKEN_IN
from sync import douyin, jd, pinduoduo, shopify, taobao, woocommerce
from sync.fields import map_safely, text
from sync.intake_map import incoming_order
from sync.model import DISPOSITIONS, MappingError, UnifiedOrder


@dataclass(frozen=True)
class ChannelShape:
    mapper: Callable[[dict[str, Any]], UnifiedOrder]
    is_order: Callable[[dict[str, Any]], bool]
    order_id: Callable[[dict[str, Any]], str]


SHAPES: dict[str, ChannelShape] = {
    "shopify": ChannelShape(
        shopify.map_order,
        lambda d: "lineItems" in d and text(d.get("id")).startswith("gid://shopify/Order/"),
        lambda d: text(d.get("id"))),
    "woocommerce": ChannelShape(woocommerce.map_order,
                                lambda d: "line_items" in d and "id" in d and "status" in d,
                                lambda d: text(d.get("id"))),
    "taobao": ChannelShape(taobao.map_trade,
                           lambda d: ("tid" in d or "tid_str" in d) and "orders" in d,
                           lambda d: text(d.get("tid_str")) or text(d.get("tid"))),
    "pinduoduo": ChannelShape(pinduoduo.map_order,
                              lambda d: "order_sn" in d and "item_list" in d,
                              lambda d: text(d.get("order_sn"))),
    "jd": ChannelShape(jd.map_order, lambda d: "orderId" in d and "itemInfoList" in d,
                       lambda d: text(d.get("orderId"))),
    "douyin": ChannelShape(douyin.map_order,
                           lambda d: "order_id" in d and "sku_order_list" in d,
                           lambda d: text(d.get("order_id"))),
}


class ReplayError(ValueError):
    """The file cannot be replayed at all; the message says why and what to do."""


def read_payload(path: Path) -> Any:
    """JSON, or JSON Lines (a Shopify bulk export: one object a line)."""
    try:
        body = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ReplayError(Msg("cannot read {path}: {reason}", path=str(path),
                              reason=exc.strerror)) from exc
    except UnicodeDecodeError as exc:
        raise ReplayError(Msg("{name} is not UTF-8 text; channels send JSON in UTF-8: save "
                              "the payload as it came", name=Path(path).name)) from exc
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        try:
            return [json.loads(line) for line in body.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise ReplayError(Msg("{name} is not JSON (line {line}, column {column}: "
                                  "{reason}); send the payload as the channel gave it, not a "
                                  "screenshot or a copy from a web page", name=Path(path).name,
                                  line=exc.lineno, column=exc.colno, reason=exc.msg)) from exc


def found_orders(payload: Any, shape: ChannelShape) -> Iterator[dict[str, Any]]:
    """Every order-shaped object in the payload, outermost first, in file order."""
    if isinstance(payload, dict):
        if shape.is_order(payload):
            yield payload
            return
        for value in payload.values():
            yield from found_orders(value, shape)
    elif isinstance(payload, list):
        for value in payload:
            yield from found_orders(value, shape)


def replay(payload: Any, channel: str) -> list[dict[str, Any]]:
    """One verdict per order in the payload (plain data, as the golden files keep it)."""
    if channel not in SHAPES:
        raise ReplayError(Msg("channel {channel!r} is not one Packdesk syncs; choose one of "
                              "{channels}", channel=channel, channels=", ".join(sorted(SHAPES))))
    shape = SHAPES[channel]
    orders = list(found_orders(payload, shape))
    if not orders:
        raise ReplayError(Msg("no {channel} order found in the file: it holds no object "
                              "shaped like a {channel} order{hint}", channel=channel,
                              hint=_hint(payload, channel)))
    return [verdict(map_safely(channel, shape.order_id(row) or Msg("(no id)"), row,
                               shape.mapper)) for row in orders]


def _hint(payload: Any, channel: str) -> str:
    """Which channel the file looks like instead, or how to get the shape Packdesk reads."""
    others = [name for name, shape in SHAPES.items()
              if name != channel and next(found_orders(payload, shape), None) is not None]
    if others:
        return Msg("; it looks like a {other} payload: run again with --channel {other}",
                   other=others[0])
    if channel == "shopify" and next(found_orders(payload, _REST_SHOPIFY), None) is not None:
        return Msg("; this is a REST or webhook order (line_items, financial_status), and "
                   "Packdesk reads Shopify through the GraphQL Admin API: send the order as "
                   "the GraphQL `order` query answers it (or its bulk export lines)")
    return Msg(" (is --channel right?)")


_REST_SHOPIFY = ChannelShape(shopify.map_order,
                             lambda d: "line_items" in d and "financial_status" in d,
                             lambda d: text(d.get("id")))


def verdict(mapped: UnifiedOrder | MappingError) -> dict[str, Any]:
    if isinstance(mapped, MappingError):
        return {"channel_order_id": mapped.channel_order_id, "taken_in": False,
                "verdict": Msg("not taken in: {reason}; it would wait in the exceptions list "
                               "(Tools → Orders needing review)", reason=mapped.reason)}
    incoming = incoming_order(mapped)
    reasons = [str(r) for r in incoming.review_reasons]
    status, disposition = mapped.status, DISPOSITIONS[mapped.status]
    if status in NOT_TAKEN_IN:
        said = HOLD_WORDS.get(status, status.replace("_", " "))
        words, taken = Msg("not taken in as a new order: the channel says {said}; an order "
                           "Packdesk already has would be updated to match", said=said), False
    elif disposition == "hold":
        words, taken = Msg("taken in and held: the channel has put the order on hold"), True
    elif reasons:
        words, taken = Msg("taken in for review: {reasons}", reasons="; ".join(reasons)), True
    else:
        words, taken = Msg("taken in, ready to pack"), True
    a = incoming.ship_to
    return {
        "channel_order_id": incoming.channel_order_id, "taken_in": taken, "verdict": words,
        "status": status, "disposition": disposition, "review_reasons": reasons,
        "receiver_masked": mapped.receiver_masked,
        "ship_to": {"name": a.name, "phone": a.phone, "line1": a.line1, "line2": a.line2,
                    "city": a.city, "region": a.region, "postcode": a.postcode,
                    "country": a.country},
        "lines": [{"line_id": ln.channel_line_id, "sku": ln.sku, "name": ln.name,
                   "quantity": ln.quantity, "unit_price_cents": ln.unit_price_cents}
                  for ln in incoming.lines],
        "placed_at": incoming.placed_at.isoformat() if incoming.placed_at else None,
        "tracking_number": incoming.tracking_number, "carrier": incoming.carrier,
        "buyer_note": incoming.buyer_note,
    }


def report_line(found: dict[str, Any]) -> str:
    """The verdict as one person-readable block."""
    head = f"{found['channel_order_id']}: {found['verdict']}"
    if "lines" not in found:
        return head
    lines = [f"    {ln['quantity']} x {ln['sku'] or Msg('(no SKU)')}  {ln['name']}"
             for ln in found["lines"]]
    a = found["ship_to"]
    place = ", ".join(filter(None, [a["city"], a["region"], a["postcode"], a["country"]]))
    shipped = Msg("status {status} ({disposition}), ship to {name}, {place}",
                  status=found["status"], disposition=found["disposition"],
                  name=a["name"] or Msg("(no name)"), place=place or Msg("(no address)"))
    masked = f" [{Msg('receiver masked by the marketplace')}]" if found["receiver_masked"] else ""
    return "\n".join([head, f"    {shipped}{masked}", *lines])
