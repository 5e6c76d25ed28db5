"""Plain input records for every printed document.

Rows inside a document (slip lines, sheet entries, product labels) are NamedTuples, so
plain tuples such as ``(sku, name, quantity, bin)`` are accepted as well.

The core builds these from the store; printing/ never reads the store itself, so the
renderers can be used headless, in tests and in benchmarks with nothing but these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

from app.domain.orders import Address as Address  # the parties of labels and slips

Symbology = Literal["code128", "ean13"]


@dataclass(frozen=True)
class ShippingLabelData:
    order_number: str
    channel: str
    channel_order_id: str
    tracking_number: str
    carrier: str
    service: str
    sender: Address
    receiver: Address
    parcel_index: int = 1
    parcel_count: int = 1
    weight_g: int = 0
    created_at: datetime | None = None


LabelLine = ShippingLabelData  # the name the lead's brief also uses


class PackingSlipLine(NamedTuple):
    sku: str
    name: str
    quantity: int
    bin: str = ""


@dataclass(frozen=True)
class PackingSlipData:
    order_number: str
    channel: str
    channel_order_id: str
    buyer: str
    receiver: Address
    lines: list[PackingSlipLine] = field(default_factory=list)
    buyer_note: str = ""
    ordered_at: datetime | None = None


class ReturnSlipLine(NamedTuple):
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class ReturnSlipData:
    rma_number: str
    order_number: str
    lines: list[ReturnSlipLine]
    return_address: Address
    instructions: str = ""
    deadline: datetime | None = None
    pickup_code: str = ""  # a pick-up booked at the buyer's door (上门取件)
    pickup_carrier: str = ""
    pickup_window: str = ""


class BarcodeEntry(NamedTuple):
    caption: str
    code_text: str
    symbology: Symbology = "code128"


@dataclass(frozen=True)
class BarcodeSheetSection:
    title: str
    entries: list[BarcodeEntry]


class ProductLabel(NamedTuple):
    sku: str
    name: str
    code: str
    symbology: Symbology = "code128"
