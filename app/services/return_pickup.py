"""A return pick-up at the buyer's door (上门取件), booked from the returns counter.

The clerk picks a carrier that books pick-ups and the buyer's window; the carrier is asked
outside any transaction (network work, on the counter's I/O pool), with the RMA number as
the carrier's reference, so asking again does not buy a second return label. The booking
is then recorded on the case in one unit of work: its code goes on the return slip. A case
booked meanwhile by another station keeps the first booking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from app.domain.carriers import CarrierProfile
from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.returns import ReturnStatus
from app.domain.shipping import Carrier, PickupBooking, PickupRequest
from app.services.returns import case_view
from app.services.shipments import buyer_party, profile_copy, sender_party
from app.services.unit_of_work import ReturnsUnitOfWork
from app.services.views import ReturnCaseView

CarrierFor = Callable[[CarrierProfile], Carrier]
PICKUP_APIS = ("easypost", "sf_express", "shippo")  # the adapters that book pick-ups
PICKUP_HOURS = (time(9), time(18))  # the buyer's window: the next day, in the store's zone


def next_day_window(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    day = (now.astimezone(zone) + timedelta(days=1)).date()
    return (datetime.combine(day, PICKUP_HOURS[0], zone),
            datetime.combine(day, PICKUP_HOURS[1], zone))


def pickup_carrier_code(uow: ReturnsUnitOfWork) -> str:
    """The shop's first carrier that books pick-ups; refused in words when it has none."""
    with uow:
        found = next((c.code for c in uow.carriers.everyone() if c.api in PICKUP_APIS), None)
    if found is None:
        raise NotAllowed(Msg("No carrier that books pick-ups is set up; add SF Express, EasyPost or Shippo in the carrier settings."))
    return found


@dataclass(frozen=True)
class BookReturnPickup:
    rma_number: str
    by: str
    carrier_code: str
    ready_from: datetime
    ready_until: datetime


def book_return_pickup(cmd: BookReturnPickup, carriers: CarrierFor,
                       uow_factory: Callable[[], ReturnsUnitOfWork]) -> ReturnCaseView:
    asked = _request(cmd, uow_factory())
    if isinstance(asked, ReturnCaseView):
        return asked  # booked already: the code it has is the one to give
    request, profile = asked
    booking = carriers(profile).book_pickup(request)  # CarrierError: said in words
    return _record(cmd, booking, profile, uow_factory())


def _request(cmd: BookReturnPickup, uow: ReturnsUnitOfWork):
    with uow:
        return_case = uow.returns.get(cmd.rma_number.strip().upper())
        if return_case is None:
            raise NotFound(Msg("There is no return {rma_number}.",
                               rma_number=cmd.rma_number.strip().upper()))
        if return_case.pickup_code:
            return case_view(return_case, uow)
        if ReturnStatus(return_case.status) is not ReturnStatus.APPROVED:
            raise NotAllowed(Msg("Return {rma_number} is {status}; a pick-up is booked only for an approved return.",
                                 rma_number=return_case.rma_number, status=return_case.status))
        order = uow.orders.get(return_case.order_number)
        carrier = uow.carriers.get(cmd.carrier_code)
        if carrier is None or not carrier.api:
            raise NotAllowed(Msg("Carrier {code} books no pick-ups (it has no carrier API); choose one that does, such as SF Express or EasyPost.",
                                 code=cmd.carrier_code))
        if order is None:
            raise NotFound(Msg("There is no order {number}.", number=return_case.order_number))
        request = PickupRequest(reference=return_case.rma_number, address=buyer_party(order),
                                ready_from=cmd.ready_from, ready_until=cmd.ready_until,
                                weight_g=order.weight_g, to=sender_party(carrier))
        return request, profile_copy(carrier)


def _record(cmd: BookReturnPickup, booking: PickupBooking, profile: CarrierProfile,
            uow: ReturnsUnitOfWork) -> ReturnCaseView:
    with uow:
        return_case = uow.returns.get(cmd.rma_number.strip().upper(), for_update=True)
        if return_case is None:
            raise NotFound(Msg("There is no return {rma_number}.", rma_number=cmd.rma_number))
        if not return_case.pickup_code:
            return_case.pickup_booked(booking.pickup_code, profile.name, booking.window,
                                      booking.tracking_number, cmd.by, uow.now(), uow.station)
            uow.commit()
        return case_view(return_case, uow)
