"""End of day: each parcel scanned onto the carrier's cage or truck, and the manifest.

A parcel scanned out becomes shipped (who, when, at which station) and so do its orders.
Scanning the same parcel again says so and changes nothing; an unknown number, a parcel
whose label is still pending, and a stopped (cancelled) parcel are refused in words that
say what to do with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import OrderStatus
from app.domain.shipments import ShipmentState
from app.domain.shipping import CarrierError, CarrierManifest
from app.services.shipments import CarrierFor, profile_copy
from app.services.unit_of_work import UnitOfWork

S = ShipmentState


@dataclass(frozen=True)
class ScanOut:
    tracking_number: str
    carrier: str
    order_numbers: tuple[str, ...]
    weight_g: int
    already: bool  # it had been scanned out before: nothing changed
    message: str


@dataclass(frozen=True)
class ManifestParcel:
    tracking_number: str
    order_numbers: tuple[str, ...]
    weight_g: int
    shipped_at: datetime | None
    shipped_by: str
    shipment_id: str = ""  # the carrier's id of it, for a manifest sent by API


@dataclass(frozen=True)
class ManifestCarrier:
    carrier_code: str
    carrier_name: str
    parcels: tuple[ManifestParcel, ...]

    @property
    def count(self) -> int:
        return len(self.parcels)

    @property
    def weight_g(self) -> int:
        return sum(p.weight_g for p in self.parcels)


def scan_out(tracking_number: str, station: str, by: str, uow: UnitOfWork) -> ScanOut:
    number = tracking_number.strip()
    with uow:
        shipment = uow.shipments.by_tracking(number) if number else None
        if shipment is None:
            raise NotFound(Msg("No parcel has tracking number {number}. Check that the label "
                               "is one of ours and set the parcel aside.", number=number))
        state = S(shipment.state)
        orders = tuple(shipment.order_numbers)
        if state is S.CANCELLED:
            raise NotAllowed(Msg("Parcel {number} (order {orders}) was stopped; it must not "
                                 "leave. Take it off the cage and give it to a supervisor.",
                                 number=number, orders=", ".join(orders)))
        if state is not S.LABELLED:
            who = shipment.shipped_by or "?"
            when = f"{shipment.shipped_at:%Y-%m-%d %H:%M}" if shipment.shipped_at else "?"
            return ScanOut(number, shipment.carrier_code, orders, shipment.weight_g, True,
                           Msg("Parcel {number} was already scanned out by {by} at {when}.",
                               number=number, by=who, when=when))
        now = uow.now()
        shipment.transition(S.SHIPPED, by, now, "scanned out", station)
        shipment.shipped_at, shipment.shipped_by, shipment.shipped_station = now, by, station
        for order_number in orders:
            order = uow.orders.get(order_number)
            if order is not None and order.can_transition(OrderStatus.SHIPPED):
                order.transition(OrderStatus.SHIPPED, by, now,
                                 f"scanned out to {shipment.carrier_code}", station)
        uow.commit()
        return ScanOut(number, shipment.carrier_code, orders, shipment.weight_g, False,
                       Msg("Parcel {number} ({orders}) scanned out to {carrier}.",
                           number=number, orders=", ".join(orders),
                           carrier=shipment.carrier_code))


def manifest(uow: UnitOfWork, since: datetime, until: datetime,
             only: set[str] | None = None) -> list[ManifestCarrier]:
    """Parcels scanned out in [since, until) per carrier (or only the tracking numbers
    given: one hand-over's parcels), with counts and weights."""
    with uow:
        by_carrier: dict[str, list[ManifestParcel]] = {}
        for shipment in uow.shipments.shipped_between(since, until):
            if only is not None and shipment.tracking_number not in only:
                continue
            by_carrier.setdefault(shipment.carrier_code, []).append(ManifestParcel(
                shipment.tracking_number or "", tuple(shipment.order_numbers),
                shipment.weight_g, shipment.shipped_at, shipment.shipped_by,
                shipment.carrier_shipment_id or ""))
        found = []
        for code, parcels in sorted(by_carrier.items()):
            profile = uow.carriers.get(code)
            found.append(ManifestCarrier(code, profile.name if profile else code,
                                         tuple(parcels)))
        return found


@dataclass(frozen=True)
class ManifestSent:
    """What a carrier with a manifest API made of one carrier's part of the hand-over."""

    carrier_name: str
    manifest: CarrierManifest | None = None
    error: str = ""


def send_manifests(found: list[ManifestCarrier], carriers: CarrierFor,
                   uow: UnitOfWork) -> list[ManifestSent]:
    """Each carrier's manifest sent by API where its adapter has one (EasyPost's ScanForm),
    beside the PDF; a carrier without one is left out, a refusal is said and the others go
    on. Network work: outside any transaction."""
    with uow:
        profiles = {c.carrier_code: uow.carriers.get(c.carrier_code) for c in found}
        copies = {code: profile_copy(p) for code, p in profiles.items() if p and p.api}
    sent = []
    for carrier in found:
        profile = copies.get(carrier.carrier_code)
        ids = tuple(p.shipment_id for p in carrier.parcels if p.shipment_id)
        try:
            send = getattr(carriers(profile), "send_manifest", None) if profile else None
            if send is not None and ids:
                sent.append(ManifestSent(carrier.carrier_name, manifest=send(ids)))
        except CarrierError as exc:
            sent.append(ManifestSent(carrier.carrier_name, error=str(exc)))
    return sent
