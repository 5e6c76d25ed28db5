"""Differences between a channel's catalogue and the product, kept for a supervisor.

A pull (app/services/catalogue_channel.py) calls `Disagreements.offer` for each field a
channel gives: a value the product may take silently (a new product, an empty field, the
channel the figure came from changing its own figure) returns True; anything else is kept
as a conflict, once per product, field and channel, and nothing on the product changes. A
supervisor settles it by picking a side (`settle_conflict`); the settled ones are the
product's trail (`product_trail`). A side a person turned down is not offered again by the
same source with the same value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from app.domain.barcodes import product_code_key, product_code_kind
from app.domain.catalogue_conflicts import CatalogueConflict, ConflictField, Side
from app.domain.errors import NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.products import Product
from app.services.unit_of_work import UnitOfWork

SCALE = "(scale)"  # kept_from of a weight learned from parcels that passed
FROM_CHANNEL = "channel:"  # ProductBarcode.added_by of a barcode a channel's catalogue gave


def channel_origin(channel: str) -> str:
    return f"{FROM_CHANNEL}{channel}"[:64]


@dataclass(frozen=True)
class ConflictView:
    id: int
    sku: str
    product_name: str
    field: str
    kept: str  # the product's value now (what "keep" keeps)
    kept_from: str  # a channel code, "" a person or a file, SCALE the scale
    offered: str
    offered_from: str
    raised_at: datetime
    settled_at: datetime | None
    settled_by: str
    chosen: str


def product_value(product: Product, field: str) -> str:
    if field == ConflictField.NAME:
        return product.name
    if field == ConflictField.WEIGHT:
        return str(product.weight_g) if product.weight_g > 0 else ""
    return ", ".join(b.code for b in unit_gtins(product))


def value_source(product: Product, field: str) -> str:
    if field == ConflictField.NAME:
        return product.name_from_channel
    if field == ConflictField.WEIGHT:
        return SCALE if product.weight_learned else product.weight_from_channel
    origins = {b.added_by for b in unit_gtins(product)}
    origin = origins.pop() if len(origins) == 1 else ""
    return origin.removeprefix(FROM_CHANNEL) if origin.startswith(FROM_CHANNEL) else ""


def unit_gtins(product: Product) -> list:
    return [b for b in product.barcodes if b.kind == "gtin" and b.pack_quantity == 1]


class Disagreements:
    """The conflicts of one page's SKUs, read in one query; `raised` counts the new or
    changed ones."""

    def __init__(self, uow: UnitOfWork, skus: list[str], now: datetime) -> None:
        self.uow, self.now, self.raised = uow, now, 0
        self.known: dict[tuple[str, str], list[CatalogueConflict]] = defaultdict(list)
        for conflict in uow.products.conflicts(skus, open_only=False, limit=100_000):
            self.known[(conflict.sku.upper(), conflict.field)].append(conflict)

    def agrees(self, product: Product, field: str, channel: str) -> None:
        """The channel now says what the product says: its open difference is over."""
        for conflict in self.known[(product.sku.upper(), field)]:
            if conflict.is_open and conflict.offered_from == channel:
                conflict.settle(Side.AGREED, "", self.now)

    def offer(self, product: Product, field: str, offered: str, channel: str) -> None:
        """Keep the channel's different value as a conflict (or refresh the open one)."""
        kept, kept_from = product_value(product, field), value_source(product, field)
        conflicts = self.known[(product.sku.upper(), field)]
        if any(c.turned_down() == (channel, offered) for c in conflicts if not c.is_open):
            return  # a person chose against this very figure from this channel
        for conflict in conflicts:
            if conflict.is_open and conflict.offered_from == channel:
                if (conflict.offered, conflict.kept) != (offered, kept):
                    conflict.offer_again(kept[:255], kept_from, offered[:255])
                    self.raised += 1
                return
        conflict = CatalogueConflict(product.sku, field, kept[:255], kept_from, offered[:255],
                                     channel, self.now)
        self.uow.products.add_conflict(conflict)
        conflicts.append(conflict)
        self.raised += 1


def _view(conflict: CatalogueConflict, product: Product | None) -> ConflictView:
    kept = (product_value(product, conflict.field) if product is not None and conflict.is_open
            else conflict.kept)
    kept_from = (value_source(product, conflict.field) if product is not None
                 and conflict.is_open else conflict.kept_from)
    return ConflictView(conflict.id or 0, conflict.sku, product.name if product else "",
                        conflict.field, kept, kept_from, conflict.offered,
                        conflict.offered_from, conflict.raised_at, conflict.settled_at,
                        conflict.settled_by, conflict.chosen)


def open_conflicts(uow: UnitOfWork, limit: int = 1000,
                   settled_too: bool = False) -> list[ConflictView]:
    """What is waiting for a supervisor, oldest first; `settled_too`: the trail of every
    product as well (what was chosen, by whom, when)."""
    with uow:
        return [_view(c, uow.products.get(c.sku))
                for c in uow.products.conflicts(open_only=not settled_too, limit=limit)]


def product_trail(uow: UnitOfWork, sku: str) -> list[ConflictView]:
    """Every difference a channel raised on this product, open or settled, oldest first."""
    with uow:
        product = uow.products.get(sku)
        return [_view(c, product) for c in uow.products.conflicts([sku], open_only=False)]


def _take_offered(uow: UnitOfWork, product: Product, conflict: CatalogueConflict) -> None:
    value, channel = conflict.offered, conflict.offered_from
    if conflict.field == ConflictField.NAME:
        product.name, product.name_from_channel = value, channel
    elif conflict.field == ConflictField.WEIGHT:
        product.weight_g, product.weight_learned = int(value), False
        product.weight_from_channel = channel
    else:
        key = product_code_key(value)
        owner = uow.products.barcode_owners([key]).get(key)
        if owner is not None and owner.upper() != product.sku.upper():
            raise NotAllowed(Msg("Barcode {code} is on {owner} now; a barcode belongs to one "
                                 "product. Take it off {owner} first.", code=value,
                                 owner=owner))
        for barcode in unit_gtins(product):
            if barcode.code_key != key:
                product.barcodes.remove(barcode)
        if key not in {b.code_key for b in product.barcodes}:
            product.add_barcode(value, kind=product_code_kind(value),
                                added_by=channel_origin(channel), added_at=conflict.settled_at)


def settle_conflict(uow: UnitOfWork, conflict_id: int, side: str, by: str) -> ConflictView:
    """A supervisor's choice: keep the product's value, or take the channel's. The product
    and the conflict change in one unit of work; the conflict keeps who chose, when, and
    the two values as they stood."""
    with uow:
        conflict = uow.products.conflict(conflict_id)
        if conflict is None:
            raise NotFound(Msg("There is no catalogue difference number {id}.",
                               id=conflict_id))
        product = uow.products.get(conflict.sku)
        if product is None:
            raise NotFound(Msg("There is no product {sku}.", sku=conflict.sku))
        if side == Side.AGREED:
            raise NotAllowed(Msg("Choose the product's value or the channel's."))
        if conflict.is_open:
            conflict.kept = product_value(product, conflict.field)[:255]
            conflict.kept_from = value_source(product, conflict.field)
        conflict.settle(side, by, uow.now())
        if side == Side.OFFERED:
            _take_offered(uow, product, conflict)
        view = _view(conflict, product)
        uow.commit()
        return view
