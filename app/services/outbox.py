"""The outbox as the sync runner drains it: in id order per channel, one message at a time.

The network call happens between two units of work (read the message, then record what the
channel did), never inside one: a crash in between leaves the message pending, and the
adapter's idempotency (keys, read-before-write) makes the second attempt land nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.channels import ChannelSku, pushed_quantity
from app.domain.errors import NotAllowed, NotFound
from app.domain.outbox import OutboxMessage, OutboxStatus
from app.services.unit_of_work import SyncUnitOfWork

SUPERSEDED = "superseded"  # a newer stock level for the same SKU made this one moot
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class OutboxItem:
    id: int
    channel: str
    kind: str
    idempotency_key: str
    payload: dict
    attempts: int


@dataclass(frozen=True)
class ShipmentNotice:
    """A fulfilment in the channel's terms: its line ids; empty lines = the whole order."""

    channel_order_id: str
    tracking_number: str
    carrier: str
    lines: tuple[tuple[str, int], ...]
    idempotency_key: str


def _item(message: OutboxMessage) -> OutboxItem:
    return OutboxItem(message.id, message.channel, message.kind, message.idempotency_key,
                      dict(message.payload), message.attempts)


def next_batch(channel: str, uow: SyncUnitOfWork, limit: int = 50) -> list[OutboxItem]:
    """Pending messages up to the first one not yet due, oldest first; stock levels a newer one supersedes are closed."""
    with uow:
        batch, superseded = [], False
        for message in uow.outbox.pending(channel, limit):
            if message.next_attempt_at is not None and message.next_attempt_at > uow.now():
                break  # the channel hears of changes in order: wait for this one
            if message.kind == "stock_level" and uow.outbox.newer_stock_level(message):
                message.status, message.sent_at = SUPERSEDED, uow.now()
                superseded = True
                continue
            batch.append(_item(message))
        if superseded:
            uow.commit()
        return batch


def shipment_notice(item: OutboxItem, uow: SyncUnitOfWork) -> ShipmentNotice:
    """Turn the bench's shipped SKUs back into the channel's line ids."""
    payload = item.payload
    with uow:
        link = uow.orders.intake_link(item.channel, payload["channel_order_id"])
        ordered_lines = [dict(line) for line in link.lines] if link is not None else None
    lines: list[tuple[str, int]] = []
    whole = ordered_lines is not None
    shipped_skus = set()
    for shipped in payload.get("lines") or []:
        left = int(shipped["quantity"])
        shipped_skus.add(shipped["sku"])
        for line in [ln for ln in ordered_lines or [] if ln["sku"] == shipped["sku"]]:
            take = min(left, line["quantity"])
            whole = whole and take == line["quantity"]
            if take:
                lines.append((line["line_id"], take))
            left -= take
        whole = whole and left == 0
    whole = whole and all(line["sku"] in shipped_skus for line in ordered_lines or [])
    return ShipmentNotice(payload["channel_order_id"], payload.get("tracking_number") or "",
                          payload.get("carrier") or "", () if whole else tuple(lines),
                          item.idempotency_key)


@dataclass(frozen=True)
class RefundNotice:
    """A refund in the channel's terms: (line id, units, cents) per channel line."""

    channel_order_id: str
    amount_cents: int
    lines: tuple[tuple[str, int, int], ...]
    reason: str
    idempotency_key: str
    currency: str = ""


def refund_notice(item: OutboxItem, uow: SyncUnitOfWork) -> RefundNotice:
    """Turn the graded SKUs of a return back into the channel's line ids, cents kept whole."""
    payload = item.payload
    with uow:
        link = uow.orders.intake_link(item.channel, payload["channel_order_id"])
        ordered = [dict(line) for line in link.lines] if link is not None else []
    if not ordered:
        raise NotFound(f"Order {payload['channel_order_id']} did not come in from "
                       f"{item.channel}; Packdesk does not know its channel lines.")
    lines: list[tuple[str, int, int]] = []
    for refunded in payload.get("lines") or []:
        lines += _refund_lines(refunded, ordered, payload.get("rma_number", ""))
    reason = f"Packdesk return {payload.get('rma_number', '')}".strip()
    if payload.get("shipping_paid_by"):
        reason += f", return shipping paid by {payload['shipping_paid_by']}"
    return RefundNotice(payload["channel_order_id"], int(payload["amount_cents"]), tuple(lines),
                        reason, item.idempotency_key, payload.get("currency") or "")


def _refund_lines(refunded: dict, ordered: list[dict], rma: str) -> list[tuple[str, int, int]]:
    units, cents = int(refunded["quantity"]), int(refunded.get("amount_cents") or 0)
    left, cents_left, lines = units, cents, []
    for line in [ln for ln in ordered if ln["sku"] == refunded["sku"]]:
        take = min(left, int(line["quantity"]))
        if take:
            share = cents_left if take == left else cents * take // units
            lines.append((line["line_id"], take, share))
            left, cents_left = left - take, cents_left - share
    if left:
        raise NotAllowed(f"Return {rma} refunds {left} more of {refunded['sku']} than the "
                         "channel's order lists.")
    return lines


def stock_now(channel_code: str, sku: str, uow: SyncUnitOfWork) -> tuple[int, int | None]:
    """(quantity to publish from today's stock, last quantity seen at the channel)."""
    with uow:
        channel = uow.outbox.channel(channel_code)
        item = uow.stock.get(sku)
        listing = uow.stock.listing(channel_code, sku)
        if channel is None:
            raise NotFound(f"Channel {channel_code} is not set up.")
        quantity = pushed_quantity(item, channel, listing) if item is not None else 0
        return quantity, listing.last_seen_quantity if listing else None


def record_sent(item: OutboxItem, uow: SyncUnitOfWork, note: str = "",
                seen_quantity: int | None = None) -> None:
    with uow:
        message = _load(item, uow)
        message.status, message.sent_at = OutboxStatus.SENT.value, uow.now()
        message.attempts += 1
        message.last_error = note
        if seen_quantity is not None:
            _remember_seen(item.channel, item.payload["sku"], seen_quantity, uow)
        uow.commit()


def _remember_seen(channel: str, sku: str, quantity: int, uow: SyncUnitOfWork) -> None:
    listing = uow.stock.listing(channel, sku)
    if listing is None:
        listing = ChannelSku(channel, sku)
        uow.stock.add_listing(listing)
    listing.last_seen_quantity = quantity


def record_failure(item: OutboxItem, reason: str, uow: SyncUnitOfWork,
                   retry_at: datetime | None, counts: bool = True) -> str:
    """Try again at `retry_at`; with no retry time, or too many tries, it is FAILED for good.

    `counts=False` is for the channel being unreachable: waiting out an outage is no attempt.
    """
    with uow:
        message = _load(item, uow)
        message.last_error = reason[:2000]
        if counts:
            message.attempts += 1
        if retry_at is None or message.attempts >= MAX_ATTEMPTS:
            message.status = OutboxStatus.FAILED.value
        else:
            message.next_attempt_at = retry_at
        uow.commit()
        return message.status


def _load(item: OutboxItem, uow: SyncUnitOfWork) -> OutboxMessage:
    message = uow.outbox.message(item.id)
    if message is None:
        raise NotFound(f"Outbox message {item.id} is gone.")
    return message


def queue_depth(uow: SyncUnitOfWork, channel: str | None = None) -> int:
    with uow:
        return uow.outbox.depth(channel)


def send_again(message_id: int, uow: SyncUnitOfWork) -> None:
    """A supervisor fixed the cause of a FAILED message: put it back in the queue."""
    with uow:
        message = uow.outbox.message(message_id)
        if message is None:
            raise NotFound(f"Outbox message {message_id} is gone.")
        if message.status != OutboxStatus.FAILED.value:
            raise NotAllowed(f"Outbox message {message_id} has not failed.")
        message.status, message.attempts, message.next_attempt_at = \
            OutboxStatus.PENDING.value, 0, None
        uow.commit()
