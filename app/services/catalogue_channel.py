"""The catalogue a sales channel already holds: its products and variants, taken into the
store a page at a time.

Whose figure wins: nobody's silently.
- A new product takes the channel's name, barcode and weight; so does an empty field (no
  weight, no GTIN yet).
- The channel a name or weight came from may change it later (`Product.name_from_channel`,
  `weight_from_channel` say whose it is): the merchant keeps it there.
- Anything else that differs (another channel's figure, a person's from the editor or a
  catalogue file, a weight learned from the scale, a different barcode) is kept as a
  conflict for a supervisor to settle (app/services/catalogue_conflicts.py); the product
  keeps its value until then. A barcode that is not a valid GTIN, or that another SKU
  carries, is left out and named in the report.
- The channel's stock is an opening balance: a ledger move "opening stock", only for a SKU
  with no stock yet, so a second pull never counts it twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.barcodes import product_code_key, product_code_kind, product_code_problem
from app.domain.catalogue_conflicts import ConflictField
from app.domain.messages import Msg
from app.domain.products import Product
from app.domain.stock import StockItem
from app.services.catalogue import MAX_OPENING_STOCK, MAX_WEIGHT_G, OPENING_STOCK
from app.services.catalogue_conflicts import Disagreements, channel_origin, unit_gtins
from app.services.unit_of_work import SyncUnitOfWork, UnitOfWork


@dataclass(frozen=True)
class ChannelProduct:
    """One sellable unit as the channel lists it (a variant, or a product without any)."""

    sku: str
    name: str
    barcode: str = ""
    weight_g: int | None = None  # None: the channel gives no weight
    image_url: str = ""
    stock: int | None = None  # None: the channel does not count it


@dataclass(frozen=True)
class ProductNote:
    sku: str
    note: str  # a Msg


@dataclass
class PullReport:
    """What a pull did, added up over its pages."""

    channel: str
    added: int = 0
    updated: int = 0
    stocked: int = 0  # SKUs whose opening stock went into the ledger
    units: int = 0
    without_sku: int = 0  # listed at the channel with no SKU: cannot be scanned or matched
    conflicts: int = 0  # differences kept for a supervisor (new, or offered anew)
    notes: list[ProductNote] = field(default_factory=list)  # left out, kept, to settle
    since: datetime | None = None  # only what changed since then was asked for
    pulled_elsewhere: str = ""  # the station pulling this catalogue now (nothing was done)

    def add(self, other: PullReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.stocked += other.stocked
        self.units += other.units
        self.without_sku += other.without_sku
        self.conflicts += other.conflicts
        self.notes.extend(other.notes)


def _sku_problem(sku: str, name: str) -> Msg | None:
    if len(sku) > 64 or any(c.isspace() for c in sku):
        return Msg("The SKU “{sku}” must be 1 to 64 characters without spaces; change it at "
                   "the channel.", sku=sku[:70])
    if not name:
        return Msg("SKU {sku} has no name at the channel.", sku=sku)
    return None


def _barcode(uow: UnitOfWork, product: Product, code: str, channel: str,
             seen: Disagreements) -> Msg | None:
    """The channel's barcode on a product with no GTIN yet; a different one is kept as a
    conflict; what kept it off, if anything did."""
    problem = product_code_problem(code)
    if problem:
        return Msg("Barcode left out (fix it at the channel and pull again): {problem}",
                   problem=problem)
    key = product_code_key(code)
    if key in {b.code_key for b in product.barcodes}:
        seen.agrees(product, ConflictField.BARCODE, channel)
        return None
    owner = uow.products.barcode_owners([key]).get(key)
    if owner is not None and owner.upper() != product.sku.upper():
        return Msg("Barcode {code} left out: it is on {owner} already; a barcode belongs to "
                   "one product.", code=code, owner=owner)
    if unit_gtins(product):
        seen.offer(product, ConflictField.BARCODE, code, channel)
        return None
    product.add_barcode(code, kind=product_code_kind(code), added_by=channel_origin(channel),
                        added_at=seen.now)
    return None


def _name(product: Product, name: str, channel: str, new: bool, seen: Disagreements) -> None:
    if name == product.name:
        seen.agrees(product, ConflictField.NAME, channel)
    elif new or product.name_from_channel == channel:
        product.name, product.name_from_channel = name, channel
    else:
        seen.offer(product, ConflictField.NAME, name, channel)


def _weight(product: Product, grams: int | None, channel: str, new: bool,
            seen: Disagreements) -> None:
    if grams is None or not 0 < grams <= MAX_WEIGHT_G:
        return
    if grams == product.weight_g:
        seen.agrees(product, ConflictField.WEIGHT, channel)
    elif new or product.weight_g <= 0 or (product.weight_from_channel == channel
                                          and not product.weight_learned):
        product.weight_g, product.weight_learned = grams, False
        product.weight_from_channel = channel
    else:
        seen.offer(product, ConflictField.WEIGHT, str(grams), channel)


def _opening(uow: UnitOfWork, sku: str, quantity: int | None, by: str, now) -> int:
    if not quantity or quantity <= 0 or quantity > MAX_OPENING_STOCK:
        return 0
    item = uow.stock.get(sku)
    if item is not None and (item.on_hand or item.shipped or item.returns_in_transit):
        return 0
    if item is None:
        item = StockItem(sku=sku)
        uow.stock.add(item)
    item.receive(quantity, now, by, OPENING_STOCK, uow.station)
    return quantity


def take_in_channel_products(uow: UnitOfWork, channel: str, products: list[ChannelProduct],
                             by: str) -> PullReport:
    """One page of the channel's catalogue, in one unit of work."""
    report = PullReport(channel)
    seen: set[str] = set()
    with uow:
        now = uow.now()
        disagreements = Disagreements(uow, [p.sku.strip() for p in products if p.sku.strip()],
                                      now)
        for given in products:
            sku, name = given.sku.strip(), " ".join(given.name.split())[:255]
            if not sku:
                report.without_sku += 1
                continue
            if sku.upper() in seen:
                report.notes.append(ProductNote(sku, Msg(
                    "SKU {sku} is on more than one product at {channel}; the first was "
                    "taken.", sku=sku, channel=channel)))
                continue
            seen.add(sku.upper())
            problem = _sku_problem(sku, name)
            if problem:
                report.notes.append(ProductNote(sku, problem))
                continue
            product = uow.products.get(sku)
            new = product is None
            if product is None:
                product = Product(sku=sku, name=name, name_from_channel=channel)
                uow.products.add(product)
            _name(product, name, channel, new, disagreements)
            if given.image_url and len(given.image_url) <= 1024:
                product.image_url = given.image_url
            note = (_barcode(uow, product, given.barcode.strip(), channel, disagreements)
                    if given.barcode.strip() else None)
            if note is not None:
                report.notes.append(ProductNote(sku, note))
            _weight(product, given.weight_g, channel, new, disagreements)
            report.added, report.updated = report.added + new, report.updated + (not new)
            units = _opening(uow, sku, given.stock, by, now)
            if units:
                report.stocked, report.units = report.stocked + 1, report.units + units
        report.conflicts = disagreements.raised
        uow.commit()
    return report


def catalogue_since(uow: SyncUnitOfWork, channel: str) -> tuple[datetime | None,
                                                               datetime | None]:
    """From when the next pull of the channel's catalogue asks for changes (None: all),
    and when a pull last read every variant (None: never)."""
    with uow:
        found = uow.outbox.channel(channel)
        return (found.catalogue_since, found.catalogue_whole_at) if found is not None \
            else (None, None)


def note_catalogue_pulled(uow: SyncUnitOfWork, channel: str, since: datetime | None,
                          whole_at: datetime | None = None) -> None:
    """A pull is stored to its end: the next asks only for what changed from `since` on;
    `whole_at`: this one read every variant, started then."""
    with uow:
        found = uow.outbox.channel(channel)
        if found is not None:
            found.catalogue_since = since
            if whole_at is not None:
                found.catalogue_whole_at = whole_at
            uow.commit()
