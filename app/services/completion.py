"""Completing a pack: one transaction for the order, the stock, the audit and the outbox.

The shipping label is drawn afterwards from the returned Completion, outside the
transaction: a label can always be printed again, a half-written order cannot.
"""

from __future__ import annotations

from app.domain.carriers import CarrierProfile
from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.outbox import OutboxMessage
from app.domain.packing import SessionOutcome
from app.domain.stock import StockItem
from app.services.auth import check_supervisor
from app.services.commands import CompletePack
from app.services.labels import completion_view
from app.services.packing import load_open_session
from app.services.unit_of_work import UnitOfWork
from app.services.views import Completion

NO_CHANNEL_PUSH = {"manual", "csv", "demo"}


def complete_pack(cmd: CompletePack, uow: UnitOfWork) -> Completion:
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        if OrderStatus(order.status) is OrderStatus.CANCELLED:
            raise NotAllowed(Msg("Order {number} was cancelled; it must not ship.",
                                 number=order.number))
        partial = not order.is_fully_verified
        by = pack_session.packer
        if partial:
            if order.items_verified == 0:
                raise NotAllowed(Msg("Nothing has been verified yet; scan the items first."))
            by = check_supervisor(uow, cmd.approval, Msg("Shipping part of an order"))
        now = uow.now()
        _move_stock(order, uow, by)
        carrier = carrier_for(order, uow)
        if not order.tracking_number:
            order.tracking_number = carrier.allocate()
            order.carrier = carrier.code
        order.partial = partial
        reason = cmd.approval.reason if partial and cmd.approval else ""
        order.transition(OrderStatus.PACKED, pack_session.packer, now,
                         f"partial: {reason}" if partial else "", uow.station)
        pack_session.close(SessionOutcome.PARTIAL if partial else SessionOutcome.COMPLETED, now)
        _queue_fulfilment(order, pack_session.id, uow)
        uow.commit()
        return completion_view(order, carrier, pack_session.packer)


def _move_stock(order: Order, uow: UnitOfWork, by: str) -> None:
    """Verified units ship; units a partial shipment leaves behind go back to available."""
    now = uow.now()
    for line in order.lines:
        item = uow.stock.get(line.sku)
        if item is None:
            item = StockItem(sku=line.sku)
            uow.stock.add(item)
        if line.verified_quantity:
            item.ship(line.verified_quantity, order.number, now, by, uow.station)
        short = line.quantity - line.verified_quantity
        if short > 0:
            item.release(short, order.number, now, by, reason="short shipped")


def carrier_for(order: Order, uow: UnitOfWork) -> CarrierProfile:
    carrier = (uow.carriers.get(order.carrier) if order.carrier else None) or uow.carriers.first()
    if carrier is None:
        raise NotAllowed(Msg("No carrier profile is set up; add one in Settings → Carriers."))
    return carrier


def _queue_fulfilment(order: Order, session_id: int | None, uow: UnitOfWork) -> None:
    if order.channel in NO_CHANNEL_PUSH:
        return
    uow.outbox.add(OutboxMessage(
        channel=order.channel, kind="fulfilment",
        idempotency_key=f"fulfilment:{order.channel}:{order.channel_order_id}:{session_id}",
        payload={
            "order_number": order.number, "channel_order_id": order.channel_order_id,
            "tracking_number": order.tracking_number, "carrier": order.carrier,
            "lines": [{"sku": line.sku, "quantity": line.verified_quantity}
                      for line in order.lines if line.verified_quantity],
        },
        created_at=uow.now(),
    ))
