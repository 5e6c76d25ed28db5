"""What Packdesk asks of a carrier, and what a carrier answers.

One interface for every carrier adapter (printing/carriers/<name>.py): create a shipment
and get the carrier's tracking number and label, cancel it, book a pick-up, track it.
The types are plain data so the core can reason about them without knowing any carrier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from app.domain.errors import PackdeskError
from app.domain.orders import Address


class CarrierError(PackdeskError):
    """A carrier refused or could not answer. `temporary` errors are asked again later
    (timeouts, 5xx, rate limits); others need a person (a refused address, no balance)."""

    temporary = False

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class CarrierUnavailable(CarrierError):
    """The carrier did not answer, or answered 5xx / busy: try again later."""

    temporary = True


class AddressRefused(CarrierError):
    """The carrier will not deliver to this address as given; the message says why."""


class BalanceExhausted(CarrierError):
    """The e-waybill balance (or postage account) is used up; the merchant must top it up."""


class LabelFormat(StrEnum):
    PDF = "pdf"
    ZPL = "zpl"
    PNG = "png"
    FIELDS = "fields"  # the carrier returned fields only; Packdesk draws the e-waybill


@dataclass(frozen=True)
class Party(Address):
    """A sender or receiver as a carrier takes it: an address, and what carriers ask more."""

    district: str = ""
    company: str = ""
    email: str = ""
    oaid: str = ""  # Taobao/Tmall masked receiver: the carrier resolves it, we never see it
    # the marketplace gave the receiver masked (张**, 138****0000): only its own e-waybill
    # (Cainiao by oaid, Pinduoduo by order_sn, Douyin by order_id) can reach the buyer
    masked: bool = False


@dataclass(frozen=True)
class ParcelItem:
    sku: str
    name: str
    quantity: int
    unit_value_cents: int = 0
    weight_g: int = 0
    hs_code: str = ""
    origin_country: str = ""


@dataclass(frozen=True)
class ShipmentRequest:
    """One parcel. `reference` is Packdesk's idempotency key for the request (the order
    number, or the parcel's id for a merged parcel): asking twice must not buy two labels."""

    reference: str
    sender: Party
    receiver: Party
    weight_g: int
    items: tuple[ParcelItem, ...] = ()
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    service: str = ""
    currency: str = ""
    channel: str = ""
    channel_order_id: str = ""
    label_format: LabelFormat = LabelFormat.PDF
    dpi: int = 203


@dataclass(frozen=True)
class Rate:
    service: str
    amount_cents: int
    currency: str
    days: int | None = None
    rate_id: str = ""


@dataclass(frozen=True)
class CarrierLabel:
    """What the carrier answered: its tracking number, and the label as it gave it (bytes
    of a PDF, ZPL or PNG), or the fields Packdesk draws the standard e-waybill from."""

    tracking_number: str
    carrier_code: str
    label_format: LabelFormat
    label: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)
    shipment_id: str = ""
    rate: Rate | None = None


class TrackingStatus(StrEnum):
    PRE_TRANSIT = "pre_transit"
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    FAILED_ATTEMPT = "failed_attempt"
    RETURNED_TO_SENDER = "returned_to_sender"
    EXCEPTION = "exception"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrackingEvent:
    tracking_number: str
    status: TrackingStatus
    at: datetime
    description: str = ""
    location: str = ""
    carrier_status: str = ""  # the carrier's own code, kept as evidence


@dataclass(frozen=True)
class PickupRequest:
    """A pick-up at the buyer's door for a return (上门取件), or at the merchant's."""

    reference: str
    address: Party
    ready_from: datetime
    ready_until: datetime
    weight_g: int = 0
    parcels: int = 1
    to: Party | None = None


@dataclass(frozen=True)
class PickupBooking:
    pickup_code: str
    carrier_code: str
    booking_id: str = ""
    tracking_number: str = ""
    window: str = ""


@dataclass(frozen=True)
class CarrierManifest:
    """The end-of-day manifest as the carrier took it by API (EasyPost's ScanForm): its id,
    the tracking numbers on it, and the carrier's own form when it gives one."""

    manifest_id: str
    carrier_code: str
    tracking_numbers: tuple[str, ...]
    form_url: str = ""


class Carrier(Protocol):
    """One carrier's API. Adapters raise CarrierError subclasses, never raw HTTP errors."""

    code: str

    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel: ...

    def cancel_shipment(self, label: CarrierLabel) -> None: ...

    def book_pickup(self, request: PickupRequest) -> PickupBooking: ...

    def track(self, tracking_number: str) -> list[TrackingEvent]: ...


@dataclass(frozen=True)
class PoolNumber:
    """A pre-fetched waybill number in the store: free (no reference), or the parcel's."""

    number: str
    carrier_code: str
    reference: str | None
    sent: bool
    attempts: int = 0  # waybill.send asked this many times


@runtime_checkable
class PooledCarrier(Protocol):
    """A carrier that issues waybill numbers ahead of the parcel (JD Logistics'
    jingdong.etms.waybillcode.get) and takes the parcel's details for one later
    (jingdong.etms.waybill.send): the bench prints with a stored number while it is away."""

    code: str

    def fetch_numbers(self, count: int) -> list[str]: ...

    def send_waybill(self, request: ShipmentRequest, number: str) -> CarrierLabel: ...

    def pool_label(self, request: ShipmentRequest, number: str) -> CarrierLabel: ...
