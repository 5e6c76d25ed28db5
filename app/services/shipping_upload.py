"""Which packed orders a shipping-upload file tells the marketplace of, and which it told.

A merchant who does not sync a marketplace by its API ships there by uploading the
platform's bulk-shipping (批量发货) file: one row per order and parcel, its tracking number
and the platform's carrier code. The file's template is the platform's (sync/shipping_upload.py);
this module picks the rows and marks them, so a second export gives only the orders packed
since (unless the merchant asks for all again).

The mark is a note in the order's trail (reason UPLOADED ...), as the bench records a read
buyer note: it says who exported the order, when and into which file, and needs no table.
Nothing of the receiver is read into a row: a masked receiver cannot leak into the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.orders import Order
from app.services.unit_of_work import UnitOfWork

UPLOADED = "shipping upload file"  # the trail's reason starts with it: exported once


@dataclass(frozen=True)
class UploadRow:
    """One order of one parcel, as the upload file says it (no receiver in it)."""

    order_number: str
    channel_order_id: str
    tracking_number: str
    carrier: str  # our carrier code; the template turns it into the platform's


def uploaded(order: Order) -> bool:
    return any(record.reason.startswith(UPLOADED) for record in order.transitions)


def rows_to_upload(uow: UnitOfWork, channel: str, since: datetime,
                   include_uploaded: bool = False) -> list[UploadRow]:
    """The channel's orders packed since `since` with their tracking number, oldest first;
    those already in an upload file left out unless `include_uploaded`."""
    with uow:
        return [UploadRow(order.number, order.channel_order_id, order.tracking_number or "",
                          order.carrier)
                for order in uow.orders.packed_since(channel, since)
                if include_uploaded or not uploaded(order)]


def mark_uploaded(uow: UnitOfWork, numbers: list[str], file_name: str, by: str) -> int:
    """The orders' trails say they went into this file; one unit of work. Returns how many
    were marked (an order already marked keeps its first mark)."""
    marked = 0
    with uow:
        for order in uow.orders.get_many(numbers, trails=True).values():
            if uploaded(order):
                continue
            order.note(by, uow.now(), f"{UPLOADED}: {file_name}", uow.station)
            marked += 1
        uow.commit()
    return marked
