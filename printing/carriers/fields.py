"""The names of the fields a carrier answers instead of a label (LabelFormat.FIELDS).

Every adapter that returns fields fills these keys, and printing/carriers/ewaybill.py
draws the standard Chinese e-waybill from them, whoever the carrier.
"""

from __future__ import annotations

from app.domain.shipping import Party

TRACKING = "tracking_number"
CARRIER = "carrier_name"
SERVICE = "service"
MARK_DESTINATION = "mark_destination"  # 大头笔 / SF destRouteLabel: the big sort code
PACKAGE_CENTER = "package_center"  # 集包地
PACKAGE_CODE = "package_code"  # 集包编码 / SF codingMapping
SORTING_CODE = "sorting_code"  # 分拣码 / 三段码
QR = "qr"  # the carrier's two-dimensional code content, when it gives one
REFERENCE = "reference"
WEIGHT_KG = "weight_kg"
ITEMS = "items"
TEMPLATE = "template"  # "100x180" or "76x130"
ENCRYPTED = "encrypted"  # "1": the carrier's print data is encrypted for its own component
PRINT_COMPONENT = "print_component"  # which component alone may print it (Cainiao's if unset)


def party(prefix: str, who: Party) -> dict[str, str]:
    """receiver_name, receiver_phone, receiver_address (or sender_...) for one party."""
    place = " ".join(p for p in (who.region, who.city, who.district) if p)
    address = " ".join(p for p in (place, who.line1, who.line2) if p)
    return {f"{prefix}_name": who.name, f"{prefix}_phone": who.phone,
            f"{prefix}_address": address, f"{prefix}_company": who.company}


def items_text(items: tuple) -> str:
    return "; ".join(f"{item.name} x{item.quantity}" for item in items)
