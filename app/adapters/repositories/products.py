"""Products and their barcodes."""

from __future__ import annotations

from functools import cache

from sqlalchemy import bindparam, func, literal, select, union_all

from app.adapters import orm
from app.adapters.repositories._base import _chunks, _Repository
from app.domain.catalogue_conflicts import CatalogueConflict
from app.domain.packing import ProductMatch
from app.domain.products import Product


@cache
def _match():
    """match's statement, built once: the codes by barcode key, then by SKU."""
    pb, p, keys = orm.product_barcodes.c, orm.products.c, bindparam("keys", expanding=True)
    by_barcode = (select(literal(True).label("barcode"), pb.code_key.label("key"), p.sku,
                         p.name, pb.pack_quantity.label("units"), p.must_scan, p.is_box)
                  .join(orm.products, p.id == pb.product_id).where(pb.code_key.in_(keys)))
    by_sku = (select(literal(False).label("barcode"), p.sku_key.label("key"), p.sku, p.name,
                     literal(1).label("units"), p.must_scan, p.is_box)
              .where(p.sku_key.in_(keys)))
    return union_all(by_barcode, by_sku)


def best_match(rows, keys: list[str]) -> ProductMatch | None:
    """Of `_match`'s rows, the product a scan stands for: a barcode before a SKU, each in
    the order of `keys`."""
    found = {(bool(row.barcode), row.key): row for row in rows}
    for barcode in (True, False):
        for key in keys:
            row = found.get((barcode, key))
            if row is not None:
                return ProductMatch(row.sku, row.name, row.units, row.must_scan, row.is_box)
    return None


class SqlProductRepository(_Repository):
    def get(self, sku: str) -> Product | None:
        return self.session.scalars(
            select(Product).where(orm.products.c.sku_key == sku.strip().upper())
        ).first()

    def match(self, keys: list[str]) -> ProductMatch | None:
        """The product a scan stands for: a barcode key first, then the SKU itself (both
        looked up in one statement, each along its own index)."""
        if not keys:
            return None
        return best_match(self.session.execute(_match(), {"keys": keys}).all(), keys)

    def boxes(self) -> list[Product]:
        """The shipping boxes in the catalogue."""
        return list(self.session.scalars(select(Product).where(orm.products.c.is_box)))

    def known_skus(self, skus: list[str]) -> set[str]:
        """The SKU keys (trimmed, upper case) among `skus` that are products here."""
        keys = sorted({sku.strip().upper() for sku in skus if sku})
        p = orm.products.c
        return {key for chunk in _chunks(keys)
                for key in self.session.scalars(select(p.sku_key).where(p.sku_key.in_(chunk)))}

    def catalogue_rows(self) -> list[tuple[str, str, str, int, str, str, str]]:
        """Every product as the catalogue file has it, by SKU, in one query: SKU, name, the
        unit barcode (pack quantity 1; the first one when there are several), weight in
        grams, bin, picture, Chinese name."""
        p, pb = orm.products.c, orm.product_barcodes.c
        unit = (select(func.min(pb.code)).where(pb.product_id == p.id, pb.pack_quantity == 1)
                .correlate(orm.products).scalar_subquery())
        return [tuple(row) for row in self.session.execute(
            select(p.sku, p.name, unit, p.weight_g, p.bin_location, p.image_path, p.name_zh)
            .order_by(p.sku_key))]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(orm.products)) or 0

    def barcode_owners(self, keys: list[str]) -> dict[str, str]:
        """Which SKU each of these barcode keys is already on."""
        pb = orm.product_barcodes.c
        return {row.code_key: row.sku for chunk in _chunks(sorted(set(keys)))
                for row in self.session.execute(select(pb.code_key, pb.sku)
                                                .where(pb.code_key.in_(chunk)))}

    def search(self, text: str, limit: int = 200) -> list[Product]:
        """Products whose SKU or name contains `text` (all of them for ""), by SKU."""
        p = orm.products.c
        query = select(Product).order_by(p.sku_key).limit(limit)
        if text.strip():
            pattern = f"%{text.strip().upper()}%"
            query = query.where(p.sku_key.like(pattern) | p.name.ilike(f"%{text.strip()}%"))
        return list(self.session.scalars(query))

    def without_barcode(self, limit: int = 5000) -> list[Product]:
        """Products (not shipping boxes) that no unit barcode scans as, by SKU: the ones
        that need a label of the shop's own."""
        p, pb = orm.products.c, orm.product_barcodes.c
        unit = select(pb.id).where(pb.product_id == p.id, pb.pack_quantity == 1).exists()
        return list(self.session.scalars(select(Product).where(~unit, ~p.is_box)
                                         .order_by(p.sku_key).limit(limit)))

    def order_items(self, skus: list[str]) -> tuple[list[tuple[str, str, int]], dict[str, str]]:
        """For the products of an order, in one query: every code that scans as one of
        them (code key, SKU, units per scan; SKUs included) and their pictures."""
        p, pb = orm.products.c, orm.product_barcodes.c
        rows = self.session.execute(
            select(p.sku, p.image_path, pb.code_key, pb.pack_quantity)
            .select_from(orm.products.outerjoin(orm.product_barcodes, pb.product_id == p.id))
            .where(p.sku.in_(skus))).all()
        codes = [(row.code_key, row.sku, row.pack_quantity) for row in rows if row.code_key]
        images = {row.sku: row.image_path for row in rows if row.image_path}
        return codes + [(sku.upper(), sku, 1) for sku in skus], images


    # --- where a channel disagrees (app/domain/catalogue_conflicts.py) ------------------------

    def add_conflict(self, conflict: CatalogueConflict) -> None:
        self.session.add(conflict)

    def conflict(self, conflict_id: int) -> CatalogueConflict | None:
        return self.session.get(CatalogueConflict, conflict_id)

    def conflicts(self, skus: list[str] | None = None, open_only: bool = True,
                  limit: int = 1000) -> list[CatalogueConflict]:
        """Open ones (or all) for these SKUs (or every SKU), oldest first."""
        c = orm.catalogue_conflicts.c
        query = select(CatalogueConflict).order_by(c.id).limit(limit)
        if open_only:
            query = query.where(c.settled_at.is_(None))
        if skus is not None:
            keys = sorted({sku.strip() for sku in skus})
            found: list[CatalogueConflict] = []
            for chunk in _chunks(keys):
                found += self.session.scalars(query.where(c.sku.in_(chunk)))
            return sorted(found, key=lambda conflict: conflict.id or 0)
        return list(self.session.scalars(query))
