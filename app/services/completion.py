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
from app.domain.parcels import Parcel
from app.domain.stock import StockItem
from app.services.auth import check_supervisor
from app.services.commands import CompletePack
from app.services.labels import parcel_completion_view
from app.services.packing import load_open_parcel
from app.services.unit_of_work import UnitOfWork
from app.services.views import Completion

NO_CHANNEL_PUSH = {"manual", "csv", "demo"}


def complete_pack(cmd: CompletePack, uow: UnitOfWork) -> Completion:
    """One transaction for every order of the parcel: one tracking number, stock moved and a
    fulfilment queued per order, each with its own lines."""
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        _refuse_cancelled(parcel)
        partial = not parcel.is_fully_verified
        by = pack_session.packer
        if partial:
            if parcel.items_verified == 0:
                raise NotAllowed(Msg("Nothing has been verified yet; scan the items first."))
            empty = [o.number for o in parcel.orders if o.items_verified == 0]
            if empty:
                raise NotAllowed(Msg("Nothing of order {number} has been verified: scan its "
                                     "items, or drop it from the parcel (PD:DROP).",
                                     number=empty[0]))
            by = check_supervisor(uow, cmd.approval, Msg("Shipping part of an order"))
        now = uow.now()
        carrier = carrier_for(next((o for o in parcel.orders if o.carrier), parcel.orders[0]),
                              uow)
        tracking = next((o.tracking_number for o in parcel.orders if o.tracking_number), None)
        if parcel.merged and not tracking:
            tracking = carrier.allocate()
        reason = cmd.approval.reason if partial and cmd.approval else ""
        for order in parcel.orders:
            _move_stock(order, uow, by)
            if not order.tracking_number:
                order.tracking_number = tracking or carrier.allocate()
                order.carrier = carrier.code
            elif parcel.merged:
                order.tracking_number, order.carrier = tracking, carrier.code
            order.partial = not order.is_fully_verified
            order.transition(OrderStatus.PACKED, pack_session.packer, now,
                             f"partial: {reason}" if order.partial else "", uow.station)
            _queue_fulfilment(order, pack_session.id, uow)
        pack_session.close(SessionOutcome.PARTIAL if partial else SessionOutcome.COMPLETED, now)
        uow.commit()
        return parcel_completion_view(parcel, carrier, pack_session.packer)


def _refuse_cancelled(parcel: Parcel) -> None:
    cancelled = parcel.cancelled()
    if not cancelled:
        return
    if parcel.merged:
        raise NotAllowed(Msg("Order {number} in this parcel was cancelled; it must not ship. "
                             "Take its items out and drop it from the parcel (PD:DROP), then "
                             "complete.", number=cancelled[0].number))
    raise NotAllowed(Msg("Order {number} was cancelled; it must not ship.",
                         number=cancelled[0].number))


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
