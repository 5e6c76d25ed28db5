"""The parcel jobs' part for carriers with a waybill-number pool (JD Logistics):

- top_up_pools: each carrier account whose `pool_size` is set is kept at that many free
  numbers, fetched from the carrier under a lease (one station fetches at a time, so two
  stations do not both fill the same gap);
- replay_waybill_sends: a parcel printed offline with a pool number is sent to the carrier
  now, each number claimed first so that it is sent once; a parcel stopped before the
  carrier heard of it is withdrawn, not sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.messages import Msg
from app.domain.parcels import Parcel
from app.domain.shipments import FIRST_RETRY, MAX_RETRY, ShipmentState
from app.domain.shipping import CarrierError, PooledCarrier
from app.services.leases import Claimant, release_lease, take_lease
from app.services.shipments import CarrierFor, profile_copy, request_for
from app.services.unit_of_work import SyncUnitOfWorkFactory, UnitOfWorkFactory
from app.services.waybill_pool import pool_size

TOP_UP_LEASE = "waybill-pool-top-up"
BY = "carrier"


@dataclass(frozen=True)
class SendOutcome:
    number: str
    reference: str
    outcome: str  # "sent", "withdrawn", "again later", "refused"
    error: str = ""


def top_up_pools(carriers: CarrierFor, uow_factory: SyncUnitOfWorkFactory,
                 claimant: Claimant) -> dict[str, int] | None:
    """Numbers added per carrier code; None when another station is topping up now."""
    if not take_lease(TOP_UP_LEASE, claimant, uow_factory()):
        return None
    try:
        with uow_factory() as uow:
            profiles = [profile_copy(p) for p in uow.carriers.everyone()
                        if p.api and pool_size(p) > 0]
            gaps = {p.code: pool_size(p) - uow.waybill_pool.free_count(p.code)
                    for p in profiles}
        added: dict[str, int] = {}
        for profile in profiles:
            if gaps[profile.code] <= 0:
                continue
            carrier = carriers(profile)
            if not isinstance(carrier, PooledCarrier):
                continue
            try:
                numbers = carrier.fetch_numbers(gaps[profile.code])
            except CarrierError:
                continue  # the carrier away or refusing: the pool is topped up next round
            with uow_factory() as uow:
                added[profile.code] = uow.waybill_pool.add(profile.code, numbers, uow.now())
                uow.commit()
        return added
    finally:
        release_lease(TOP_UP_LEASE, claimant, uow_factory())


def replay_waybill_sends(carriers: CarrierFor, uow_factory: UnitOfWorkFactory,
                         claimant: Claimant, limit: int = 50) -> list[SendOutcome]:
    with uow_factory() as uow:
        due = uow.waybill_pool.due_to_send(uow.now(), limit)
    return [outcome for number in due
            if (outcome := _replay(number, carriers, uow_factory, claimant)) is not None]


def _replay(number: str, carriers: CarrierFor, uow_factory: UnitOfWorkFactory,
            claimant: Claimant) -> SendOutcome | None:
    with uow_factory() as uow:
        now = uow.now()
        held = uow.waybill_pool.claim(number, claimant.token, now, now + claimant.lease)
        if held is None or held.reference is None:
            return None
        reference = held.reference
        shipment = uow.shipments.get(reference)
        if shipment is None or ShipmentState(shipment.state) is ShipmentState.CANCELLED:
            uow.waybill_pool.send_failed(number, Msg("withdrawn: the parcel was stopped before the carrier heard of it"), None)
            uow.commit()
            return SendOutcome(number, reference, "withdrawn")
        orders = [o for o in (uow.orders.get(n) for n in shipment.order_numbers) if o]
        carrier = uow.carriers.get(shipment.carrier_code)
        if carrier is None or not orders:
            uow.waybill_pool.send_failed(number, Msg("the parcel's carrier or orders are gone from the store"), None)
            uow.commit()
            return SendOutcome(number, reference, "refused")
        channel = uow.outbox.channel(Parcel(orders).orders[0].channel)
        request = request_for(shipment, orders, carrier, shipment.label_format or "pdf",
                              channel.kind if channel else "")
        profile, attempts = profile_copy(carrier), held.attempts
        order_numbers = list(shipment.order_numbers)
        uow.commit()
    try:
        adapter = carriers(profile)
        if not isinstance(adapter, PooledCarrier):
            raise CarrierError(Msg("{carrier} no longer takes pre-fetched numbers", carrier=profile.name))
        adapter.send_waybill(request, number)
    except CarrierError as exc:
        error = f"{profile.name}: {exc}"
        with uow_factory() as uow:
            later = uow.now() + min(FIRST_RETRY * 2 ** attempts, MAX_RETRY)
            uow.waybill_pool.send_failed(number, error, later if exc.temporary else None)
            if not exc.temporary:
                for order_number in order_numbers:
                    order = uow.orders.get(order_number)
                    if order is not None:
                        order.note(BY, uow.now(), Msg("{carrier} refused waybill {number}, printed while it was away: {error}", carrier=profile.name, number=number, error=exc)[:500], uow.station)
            uow.commit()
        return SendOutcome(number, reference, "again later" if exc.temporary else "refused",
                           error)
    with uow_factory() as uow:
        uow.waybill_pool.sent(number, uow.now())
        uow.commit()
    return SendOutcome(number, reference, "sent")
