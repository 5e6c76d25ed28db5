"""What a shipping label shows, for a just-packed order or any order asked for by number."""

from __future__ import annotations

from dataclasses import replace

from app.domain.carriers import CarrierProfile
from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.parcels import Parcel
from app.services.retry import with_retries
from app.services.unit_of_work import UnitOfWork
from app.services.views import Completion, LabelParty, order_view, parcel_view


def completion_view(order: Order, carrier: CarrierProfile, packer: str) -> Completion:
    a = order.ship_to
    receiver = LabelParty(a.name, a.phone or order.phone, tuple(a.lines()))
    sender = LabelParty(carrier.sender_name, carrier.sender_phone,
                        tuple(line for line in carrier.sender_address.splitlines() if line))
    packed = order.last_transition_to(OrderStatus.PACKED)
    return Completion(
        order=order_view(order), tracking_number=order.tracking_number or "",
        carrier=carrier.name, service=carrier.service, sender=sender, receiver=receiver,
        weight_g=order.weight_g, partial=order.partial, packed_by=packer,
        packed_at=packed.at if packed else None,
        ship_to_fields={"name": a.name, "phone": a.phone or order.phone, "line1": a.line1,
                        "line2": a.line2, "city": a.city, "region": a.region,
                        "postcode": a.postcode, "country": a.country},
    )


def parcel_completion_view(parcel: Parcel, carrier: CarrierProfile, packer: str) -> Completion:
    """One label for the parcel: the oldest order's address (intake merged the orders because
    it is the same door), every order's number, the weight of them all."""
    view = completion_view(parcel.orders[0], carrier, packer)
    if not parcel.merged:
        return view
    return replace(view, order=parcel_view(parcel),
                   weight_g=sum(order.weight_g for order in parcel.orders),
                   partial=any(order.partial for order in parcel.orders))


STOPPED = {OrderStatus.ON_HOLD: "on hold", OrderStatus.NEEDS_REVIEW: "waiting for review"}


def label_for_order(uow: UnitOfWork, number: str, override_by: str = "") -> Completion:
    """An order's label data; an order with no tracking number gets one from its carrier.
    An order on hold or in review gets none (no tracking number is spent on it) unless a
    supervisor overrides (`override_by`, checked by the caller)."""

    def attempt() -> Completion:
        with uow:
            order = uow.orders.get(number)
            if order is None:
                raise NotFound(Msg("There is no order {number}.", number=number))
            if OrderStatus(order.status) is OrderStatus.CANCELLED:
                raise NotAllowed(Msg("Order {number} is cancelled; it gets no label.",
                                     number=number))
            stopped = STOPPED.get(OrderStatus(order.status))
            if stopped and not override_by:
                raise NotAllowed(Msg("Order {number} is {why}; it gets no label. A supervisor "
                                     "can print it anyway: packdesk print label {number} "
                                     "--override (asks for the supervisor's name and PIN).",
                                     number=number, why=stopped))
            carrier = ((uow.carriers.get(order.carrier) if order.carrier else None)
                       or uow.carriers.first())
            if carrier is None:
                raise NotAllowed(Msg("No carrier profile is set up."))
            if not order.tracking_number and carrier.issues_labels:
                raise NotAllowed(Msg("Order {number}'s label is still pending at {carrier}; it "
                                     "prints when the carrier answers (packdesk labels --once).",
                                     number=number, carrier=carrier.name))
            if not order.tracking_number:
                order.tracking_number = carrier.allocate()
                order.carrier = carrier.code
                uow.commit()
            packed = order.last_transition_to(OrderStatus.PACKED)
            return completion_view(order, carrier, packed.by if packed else "")

    return with_retries(attempt, f"Labelling order {number}")


def label_for_parcel(uow: UnitOfWork, numbers: list[str]) -> Completion:
    """The label of orders packed together (or of one order) again, as it was printed: for
    REPRINT after a restart. Nothing changes: each order has its tracking number."""
    with uow:
        found = [uow.orders.get(number) for number in numbers]
        missing = [n for n, order in zip(numbers, found, strict=True) if order is None]
        if missing:
            raise NotFound(Msg("There is no order {missing}.", missing=missing[0]))
        orders = [order for order in found if order is not None]
        unlabelled = [order.number for order in orders if not order.tracking_number]
        if unlabelled:
            raise NotAllowed(Msg("Order {unlabelled} has no tracking number yet.",
                                 unlabelled=unlabelled[0]))
        parcel = Parcel(orders)
        first = parcel.orders[0]
        carrier = ((uow.carriers.get(first.carrier) if first.carrier else None)
                   or uow.carriers.first())
        if carrier is None:
            raise NotAllowed(Msg("No carrier profile is set up."))
        packed = first.last_transition_to(OrderStatus.PACKED)
        return parcel_completion_view(parcel, carrier, packed.by if packed else "")


def packing_slip_for(uow: UnitOfWork, number: str) -> Completion:
    """What a packing slip shows: the order, its lines and where it goes; nothing changes."""
    with uow:
        order = uow.orders.get(number)
        if order is None:
            raise NotFound(Msg("There is no order {number}.", number=number))
        carrier = ((uow.carriers.get(order.carrier) if order.carrier else None)
                   or uow.carriers.first())
        if carrier is None:
            raise NotAllowed(Msg("No carrier profile is set up."))
        packed = order.last_transition_to(OrderStatus.PACKED)
        view = completion_view(order, carrier, packed.by if packed else "")
        return replace(view, packed_at=order.placed_at)
