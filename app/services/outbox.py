"""The outbox as the sync runner drains it: in id order per channel, one message at a time.

Several runners (stations, cron) drain one outbox, so a runner first CLAIMS a batch from the
head of a channel's queue; while another runner's claim on the head stands, it leaves the
channel alone (the channel hears of changes in order). Outcomes are written only by the
claimant, by its token; a claim left by a killed runner lapses and is taken over.

The network call happens between two units of work (read the message, then record what the
channel did), never inside one: a crash in between leaves the message pending, and the
adapter's idempotency (keys, read-before-write) makes the second attempt land nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.channels import ChannelSku, pushed_quantity
from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.outbox import OUTBOX_FLOW, OutboxKind, OutboxMessage, OutboxStatus
from app.services.leases import Claimant, ClaimLost
from app.services.unit_of_work import SyncUnitOfWork

SUPERSEDED = OutboxStatus.SUPERSEDED.value  # a newer stock level made this one moot
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class OutboxItem:
    id: int
    channel: str
    kind: str
    idempotency_key: str
    payload: dict
    attempts: int
    claim_token: str = ""


@dataclass(frozen=True)
class ShipmentNotice:
    """A fulfilment in the channel's terms: its line ids; empty lines = the whole order."""

    channel_order_id: str
    tracking_number: str
    carrier: str
    lines: tuple[tuple[str, int], ...]
    idempotency_key: str


def _stored(message: OutboxMessage) -> int:
    """A message read from the store has its id."""
    if message.id is None:
        raise ValueError(Msg("this outbox message has not been stored yet"))
    return message.id


def _item(message: OutboxMessage, token: str) -> OutboxItem:
    return OutboxItem(_stored(message), message.channel, message.kind, message.idempotency_key,
                      dict(message.payload), message.attempts, token)


def next_batch(channel: str, uow: SyncUnitOfWork, claimant: Claimant,
               limit: int = 50) -> list[OutboxItem]:
    """Claim the head of the channel's queue up to the first message not yet due (or held by
    another runner); stock levels a newer one supersedes are closed. Empty when the queue is
    empty, not yet due, or another runner holds its head or claimed it first."""
    while True:
        claimed, batch = _claim_head(channel, uow, claimant, limit)
        if batch or not claimed:
            return batch  # (a head that was all superseded: claim the next one)


def _claim_head(channel: str, uow: SyncUnitOfWork, claimant: Claimant,
                limit: int) -> tuple[int, list[OutboxItem]]:
    with uow:
        now, head = uow.now(), []
        for message in uow.outbox.pending(channel, limit):
            if message.claim_token not in (None, claimant.token) and \
                    message.claimed_until is not None and message.claimed_until >= now:
                break  # another runner is sending this channel's changes: after it, in order
            if message.next_attempt_at is not None and message.next_attempt_at > now:
                break  # the channel hears of changes in order: wait for this one
            head.append(message)
        ids = [_stored(message) for message in head]
        if not ids or uow.outbox.claim(ids, claimant.token, claimant.holder, now,
                                       now + claimant.lease) != len(ids):
            return 0, []  # (rolled back on leaving) another runner claimed some of it first
        batch = []
        for message in head:
            if message.kind == OutboxKind.STOCK_LEVEL and uow.outbox.newer_stock_level(message):
                OUTBOX_FLOW.check(message, OutboxStatus.SUPERSEDED)
                uow.outbox.settle(_stored(message), claimant.token, status=SUPERSEDED, sent_at=now)
                continue
            batch.append(_item(message, claimant.token))
        uow.commit()
        return len(ids), batch


def keep_claims(items: list[OutboxItem], claimant: Claimant, uow: SyncUnitOfWork) -> bool:
    """Renew the claims on a batch being sent; False if any of them was lost."""
    if not items:
        return True
    with uow:
        held = uow.outbox.renew([i.id for i in items], claimant.token,
                                uow.now() + claimant.lease)
        uow.commit()
        return held == len(items)


def release_claims(items: list[OutboxItem], claimant: Claimant, uow: SyncUnitOfWork) -> None:
    """Messages this runner claimed and will not send now go back to the queue at once."""
    if items:
        with uow:
            uow.outbox.release([i.id for i in items], claimant.token)
            uow.commit()


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
        raise NotFound(Msg("Order {channel_order_id} did not come in from {channel}; Packdesk does not know its channel lines.",
                           channel_order_id=payload['channel_order_id'], channel=item.channel))
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
        raise NotAllowed(Msg("Return {rma} refunds {left} more of {sku} than the channel's order lists.",
                             rma=rma, left=left, sku=refunded['sku']))
    return lines


def stock_now(channel_code: str, sku: str, uow: SyncUnitOfWork) -> tuple[int, int | None]:
    """(quantity to publish from today's stock, last quantity seen at the channel)."""
    with uow:
        channel = uow.outbox.channel(channel_code)
        item = uow.stock.get(sku)
        listing = uow.stock.listing(channel_code, sku)
        if channel is None:
            raise NotFound(Msg("Channel {channel_code} is not set up.", channel_code=channel_code))
        quantity = pushed_quantity(item, channel, listing) if item is not None else 0
        return quantity, listing.last_seen_quantity if listing else None


def record_sent(item: OutboxItem, uow: SyncUnitOfWork, note: str = "",
                seen_quantity: int | None = None) -> None:
    with uow:
        _settle(item, uow, status=OutboxStatus.SENT.value, sent_at=uow.now(),
                attempts=item.attempts + 1, last_error=note)
        if seen_quantity is not None:
            _remember_seen(item.channel, item.payload["sku"], seen_quantity, uow)
        uow.commit()


def _settle(item: OutboxItem, uow: SyncUnitOfWork, **outcome) -> None:
    """Record what became of a claimed message (a claimed message is pending)."""
    OUTBOX_FLOW.check_move(item, OutboxStatus.PENDING, outcome["status"])
    if not uow.outbox.settle(item.id, item.claim_token, **outcome):
        raise ClaimLost(Msg("Outbox message {id}: this runner's claim lapsed and another runner took it over; it records the outcome.",
                            id=item.id))


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
    attempts = item.attempts + (1 if counts else 0)
    status = OutboxStatus.FAILED.value if retry_at is None or attempts >= MAX_ATTEMPTS \
        else OutboxStatus.PENDING.value
    with uow:
        _settle(item, uow, status=status, attempts=attempts, last_error=reason[:2000],
                **({"next_attempt_at": retry_at} if status == OutboxStatus.PENDING else {}))
        uow.commit()
        return status


def queue_depth(uow: SyncUnitOfWork, channel: str | None = None) -> int:
    with uow:
        return uow.outbox.depth(channel)


@dataclass(frozen=True)
class OutboxRow:
    """One message as a person sees it (`packdesk outbox list`, the failed-messages window)."""

    id: int
    channel: str
    kind: str
    status: str
    about: str  # the channel order, SKU or return it concerns
    attempts: int
    last_error: str
    claimed_by: str
    created_at: datetime


def _about(message: OutboxMessage) -> str:
    payload = message.payload or {}
    if message.kind == OutboxKind.STOCK_LEVEL:
        return f"{payload.get('sku', '')} = {payload.get('quantity', '')}"
    if message.kind == OutboxKind.REFUND:
        return f"{payload.get('rma_number', '')} ({payload.get('channel_order_id', '')})"
    if message.kind == OutboxKind.ALERT:
        return f"{payload.get('event', '')} {payload.get('alert_kind', '')} " \
            f"{payload.get('subject', '')}".strip()
    return str(payload.get("order_number") or payload.get("channel_order_id") or "")


def list_messages(uow: SyncUnitOfWork, failed_only: bool = False, channel: str | None = None,
                  limit: int = 500) -> list[OutboxRow]:
    with uow:
        status = OutboxStatus.FAILED.value if failed_only else None
        return [OutboxRow(_stored(m), m.channel, m.kind, m.status, _about(m), m.attempts,
                          m.last_error, m.claimed_by or "", m.created_at)
                for m in uow.outbox.messages(status, channel, limit)]


def send_again(message_id: int, uow: SyncUnitOfWork, by: str = "") -> OutboxRow:
    """A supervisor fixed the cause of a FAILED message: put it back in the queue."""
    with uow:
        message = uow.outbox.message(message_id)
        if message is None:
            raise NotFound(Msg("Outbox message {id} is not in the store.", id=message_id))
        message.send_again(by, uow.now())
        row = OutboxRow(_stored(message), message.channel, message.kind, message.status,
                        _about(message), 0, message.last_error, "", message.created_at)
        uow.commit()
        return row


def send_all_failed(uow: SyncUnitOfWork, channel: str | None = None,
                    by: str = "") -> list[OutboxRow]:
    """Every FAILED message (of one channel, if given) back in the queue, in id order."""
    return [send_again(row.id, uow, by) for row in list_messages(uow, True, channel, 100_000)]
