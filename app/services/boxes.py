"""The parcel's box: the smallest box its items fit in is suggested when the order opens,
and a box's barcode scanned at the bench is the box used (its tare goes to the weight gate
at completion, app/services/completion.py)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.boxes import (
    BoxOption,
    BoxSuggestion,
    Dimensions,
    PackedItem,
    box_choice,
    suggest_box,
)
from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.domain.packing import PackSession, ProductMatch
from app.domain.parcels import Parcel
from app.services.unit_of_work import UnitOfWork
from app.services.views import ScanVerdict, parcel_view, scan_log


def _options(uow: UnitOfWork) -> list[BoxOption]:
    return [BoxOption(b.sku, b.name, b.size, float(b.weight_g)) for b in uow.products.boxes()]


def _items(uow: UnitOfWork, lines: list[tuple[str, int]]) -> list[PackedItem]:
    wanted: dict[str, int] = {}
    for sku, quantity in lines:
        wanted[sku] = wanted.get(sku, 0) + quantity
    items = []
    for sku, quantity in wanted.items():
        product = uow.products.get(sku)
        items.append(PackedItem(sku, product.size if product else Dimensions(), quantity))
    return items


def use_box(uow: UnitOfWork, pack_session: PackSession, parcel: Parcel,
            match: ProductMatch) -> ScanVerdict:
    """A box scanned into an open parcel (inside the caller's unit of work): it is the box
    used; the verdict says so, and whether it is big enough."""
    box = uow.products.get(match.sku)
    if box is None:  # the scan matched it a moment ago, in this unit of work
        raise NotFound(Msg("There is no product {sku}.", sku=match.sku))
    option = BoxOption(box.sku, box.name, box.size, float(box.weight_g))
    lines = [(line.sku, line.quantity) for order in parcel.orders for line in order.lines]
    items = _items(uow, lines)
    pack_session.box_sku = box.sku
    uow.commit()
    fits, message = box_choice(option, items, suggest_box(items, _options(uow)))
    return ScanVerdict("box" if fits else "box_small", message, parcel_view(parcel), box.sku,
                       scan_log(pack_session.events))


@dataclass(frozen=True)
class ParcelBox:
    """What the bench shows of an open parcel's box: the one scanned, and the suggestion."""

    scanned: str  # the box's SKU, "" before one is scanned
    scanned_size: str
    suggestion: BoxSuggestion


def parcel_box(uow: UnitOfWork, session_id: int) -> ParcelBox:
    """The open parcel's box and the smallest box its items fit in (a read)."""
    from app.services.packing import load_open_parcel  # packing hands box scans to use_box

    with uow:
        pack_session, parcel = load_open_parcel(uow, session_id)
        lines = [(line.sku, line.quantity) for order in parcel.orders for line in order.lines]
        suggestion = suggest_box(_items(uow, lines), _options(uow))
        scanned = uow.products.get(pack_session.box_sku) if pack_session.box_sku else None
        return ParcelBox(scanned.sku if scanned else "",
                         scanned.size.text() if scanned and scanned.size.known else "",
                         suggestion)
