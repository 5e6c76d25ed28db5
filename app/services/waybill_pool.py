"""The label of a parcel whose carrier issues waybill numbers ahead (JD Logistics).

A number comes from the store's pool (taken once, whichever station asks: the repository's
compare-and-set), or, when the pool is empty, straight from the carrier. Then the parcel is
sent to the carrier for that number. A carrier that cannot be reached does not stop the
bench: the label is drawn with the pool number at once and the send waits in the store,
replayed by the parcel jobs when the carrier answers (app/services/waybill_sends.py).
An empty pool with the carrier away is the label-pending lane's, like any carrier down.
"""

from __future__ import annotations

from app.domain.carriers import CarrierProfile
from app.domain.messages import Msg
from app.domain.shipments import FIRST_RETRY
from app.domain.shipping import (
    CarrierLabel,
    CarrierUnavailable,
    PooledCarrier,
    ShipmentRequest,
)
from app.services.unit_of_work import UnitOfWorkFactory

POOL_SIZE = "pool_size"  # the carrier account's setting: numbers kept in the store


class PoolExhausted(CarrierUnavailable):
    """No pre-fetched number is left and the carrier cannot issue one now."""


def pool_size(profile: CarrierProfile) -> int:
    try:
        return max(0, int((profile.api_settings or {}).get(POOL_SIZE) or 0))
    except ValueError:
        return 0


def pooled_label(reference: str, request: ShipmentRequest, profile: CarrierProfile,
                 carrier: PooledCarrier, uow_factory: UnitOfWorkFactory) -> CarrierLabel:
    """The parcel's label with a pool number; CarrierError when no label can be had."""
    with uow_factory() as uow:
        number = uow.waybill_pool.take(profile.code, reference, uow.now(), uow.station)
        held = uow.waybill_pool.held_by(reference)
        uow.commit()
    if number is not None and held is not None and held.sent:
        return carrier.pool_label(request, number)  # sent before a crash: not sent again
    if number is None:
        number = _fetch_one(reference, profile, carrier, uow_factory)
    try:
        label = carrier.send_waybill(request, number)
    except CarrierUnavailable as exc:
        with uow_factory() as uow:
            uow.waybill_pool.send_failed(number, f"{profile.name}: {exc}",
                                         uow.now() + FIRST_RETRY)
            uow.commit()
        return carrier.pool_label(request, number)
    with uow_factory() as uow:
        uow.waybill_pool.sent(number, uow.now())
        uow.commit()
    return label


def _fetch_one(reference: str, profile: CarrierProfile, carrier: PooledCarrier,
               uow_factory: UnitOfWorkFactory) -> str:
    try:
        number = carrier.fetch_numbers(1)[0]
    except CarrierUnavailable as exc:
        raise PoolExhausted(Msg("no pre-fetched waybill number is left and {carrier} cannot issue one now ({error}); raise the pool size in the carrier settings",
                                carrier=profile.name, error=exc), "pool-exhausted") from exc
    with uow_factory() as uow:
        uow.waybill_pool.add(profile.code, [number], uow.now(), reference=reference,
                             station=uow.station)
        uow.commit()
    return number
