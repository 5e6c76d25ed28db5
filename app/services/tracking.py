"""Following a parcel to the door: the carrier's tracking events, pulled or received.

Events are kept once each on the parcel's shipment and written into its orders' trails, so
the order's history shows where the parcel is. A parcel the carrier moved before it was
scanned out counts as shipped by the carrier's first scan; delivered makes the order
delivered; returned to sender is kept and alerted on (app/services/alerts.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.orders import OrderStatus
from app.domain.shipments import ShipmentEvent, ShipmentState
from app.domain.shipping import CarrierError, TrackingEvent, TrackingStatus
from app.services.leases import Claimant, release_lease, take_lease
from app.services.shipments import BY, CarrierFor, profile_copy
from app.services.unit_of_work import SyncUnitOfWorkFactory, UnitOfWork

S = ShipmentState
NOT_MOVED = frozenset({TrackingStatus.PRE_TRANSIT, TrackingStatus.UNKNOWN})
TRACK_LEASE = "track:carriers"


@dataclass(frozen=True)
class TrackingResult:
    recorded: int  # new events kept
    unknown: tuple[str, ...]  # tracking numbers no parcel of ours has
    delivered: tuple[str, ...]  # order numbers that became delivered


def _words(event: TrackingEvent) -> str:
    where = f" ({event.location})" if event.location else ""
    what = f": {event.description}" if event.description else ""
    return f"tracking {event.status.value.replace('_', ' ')}{what}{where}"


def record_tracking(events: Iterable[TrackingEvent], uow: UnitOfWork) -> TrackingResult:
    recorded, unknown, delivered = 0, [], []
    with uow:
        now = uow.now()
        for event in sorted(events, key=lambda e: e.at):
            shipment = uow.shipments.by_tracking(event.tracking_number)
            if shipment is None:
                unknown.append(event.tracking_number)
                continue
            kept = shipment.record_event(ShipmentEvent(
                event.status.value, event.at, event.description[:2000], event.location[:255],
                event.carrier_status[:64], now))
            if not kept:
                continue
            recorded += 1
            orders = [o for o in (uow.orders.get(n) for n in shipment.order_numbers) if o]
            if S(shipment.state) is S.LABELLED and event.status not in NOT_MOVED:
                shipment.transition(S.SHIPPED, BY, event.at, "first carrier scan")
                shipment.shipped_at, shipment.shipped_by = event.at, BY
                for order in orders:
                    if order.can_transition(OrderStatus.SHIPPED):
                        order.transition(OrderStatus.SHIPPED, BY, event.at, "first carrier scan")
            state = shipment.follow(event.status, event.at)
            if state is not None:
                shipment.transition(state, BY, event.at, _words(event))
            for order in orders:
                if state is S.DELIVERED and order.can_transition(OrderStatus.DELIVERED):
                    order.transition(OrderStatus.DELIVERED, BY, event.at, _words(event))
                    delivered.append(order.number)
                else:
                    order.note(BY, event.at, _words(event), "")
        uow.commit()
    return TrackingResult(recorded, tuple(dict.fromkeys(unknown)), tuple(delivered))


def track_once(carriers: CarrierFor, uow_factory: SyncUnitOfWorkFactory, claimant: Claimant,
               limit: int = 200) -> TrackingResult | None:
    """Pull every parcel on its way from its carrier, once; None when another runner holds
    the tracking lease (it is doing the same now)."""
    if not take_lease(TRACK_LEASE, claimant, uow_factory()):
        return None
    try:
        with uow_factory() as uow:
            parcels = uow.shipments.to_track(limit)
            stored = {code: uow.carriers.get(code) for code in {c for _r, c, _n in parcels}}
            profiles = {code: profile_copy(p) for code, p in stored.items() if p is not None}
        events: list[TrackingEvent] = []
        for _reference, code, number in parcels:
            if code not in profiles:
                continue
            try:
                events += carriers(profiles[code]).track(number)
            except CarrierError:
                continue  # asked again next time; a parcel that stays quiet is alerted on
        return record_tracking(events, uow_factory())
    finally:
        release_lease(TRACK_LEASE, claimant, uow_factory())
