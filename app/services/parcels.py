"""Merged parcels at the bench: more orders for the same buyer and address join the parcel
being packed, or an order leaves it again (a cancellation, an order that must wait).

Each is one command in one unit of work. Orders join only while they are ready to pack;
an order's version guards the race with another bench opening it at the same moment.
"""

from __future__ import annotations

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.parcels import Parcel
from app.services import commands as c
from app.services.packing import load_open_parcel
from app.services.unit_of_work import UnitOfWork
from app.services.views import (
    OpenOrderResult,
    OpenOutcome,
    ScanVerdict,
    Verdict,
    parcel_view,
    scan_log,
)


def merge_parcel(cmd: c.MergeParcel, uow: UnitOfWork) -> OpenOrderResult:
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        if parcel.cancelled():
            raise NotAllowed(Msg("Order {number} in this parcel was cancelled; drop it before "
                                 "adding orders.", number=parcel.cancelled()[0].number))
        ready = uow.orders.ready_to_merge_with(parcel.numbers[0])
        asked = list(cmd.numbers) or ready
        joining: list[Order] = []
        left_out = [number for number in asked if number not in ready]
        tracking = _tracking(parcel.orders)
        for number in (n for n in asked if n in ready):
            order = uow.orders.get(number)
            if order is None:
                left_out.append(number)
                continue
            if tracking and order.tracking_number and order.tracking_number != tracking:
                left_out.append(number)  # the channel gave it its own waybill
                continue
            tracking = tracking or order.tracking_number or ""
            joining.append(order)
        if not joining:
            return OpenOrderResult(OpenOutcome.NOTHING_TO_MERGE, Msg(
                "No other order for this buyer and address can join this parcel now."),
                parcel_view(parcel), pack_session.id, log=scan_log(pack_session.events))
        now = uow.now()
        for order in joining:
            order.transition(OrderStatus.PACKING, pack_session.packer, now,
                             f"packed in one parcel with {parcel.numbers[0]}", uow.station)
        pack_session.merge([order.number for order in joining], now)
        uow.commit()
        merged = Parcel(parcel.orders + joining)
        item_codes, images = uow.products.order_items(
            sorted({line.sku for _order, line in merged.all_lines()}))
        return OpenOrderResult(OpenOutcome.MERGED, _merged_message(merged, left_out),
                               parcel_view(merged, images), pack_session.id,
                               log=scan_log(pack_session.events), item_codes=tuple(item_codes))


def _tracking(orders: list[Order]) -> str:
    return next((order.tracking_number for order in orders if order.tracking_number), "")


def _merged_message(parcel: Parcel, left_out: list[str]) -> Msg:
    merged = Msg("One parcel for {count} orders: {numbers}. Scan every order's items; each "
                 "line says which order it is for.", count=len(parcel.orders),
                 numbers=", ".join(parcel.numbers))
    if not left_out:
        return merged
    return Msg("{merged} Not added (no longer ready to pack, or it has its own waybill): "
               "{numbers}.", merged=merged, numbers=", ".join(left_out))


def drop_order(cmd: c.DropOrder, uow: UnitOfWork) -> ScanVerdict:
    """The order leaves the parcel: its scans are taken back; a cancelled order stays
    cancelled, any other goes back to ready with its reserved stock still reserved."""
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        number = cmd.number.strip().upper()
        order = pack_session.drop(parcel, number, uow.now())
        cancelled = OrderStatus(order.status) is OrderStatus.CANCELLED
        if not cancelled:
            order.transition(OrderStatus.READY, pack_session.packer, uow.now(),
                             "taken out of a merged parcel", uow.station)
        uow.commit()
        rest = Parcel([o for o in parcel.orders if o.number != number])
        template = ("Cancelled order {number} is out of the parcel: put its items back. "
                    "Packing goes on with {numbers}." if cancelled else
                    "Order {number} is out of the parcel and back in the queue: take its "
                    "items out. Packing goes on with {numbers}.")
        return ScanVerdict(Verdict.DROPPED, Msg(template, number=number,
                                          numbers=", ".join(rest.numbers)),
                           parcel_view(rest), log=scan_log(pack_session.events))
