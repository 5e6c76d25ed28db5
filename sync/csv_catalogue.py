"""The catalogue as a CSV import matches lines without a SKU: by barcode, then by name.

Shopify's order export leaves `Lineitem sku` empty for every variant that has no SKU (common
in small shops); such a line is still one of our products when its barcode (GTIN, a column
some export apps add as `Lineitem barcode`) or its exact title is in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.domain.barcodes import code_keys

AMBIGUOUS = ""  # a name that two products share matches neither


@dataclass(frozen=True)
class Catalogue:
    """Product code key -> SKU, and casefolded product name -> SKU."""

    by_code: Mapping[str, str] = field(default_factory=dict)
    by_name: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, products: Iterable[tuple[str, str, Iterable[str]]]) -> Catalogue:
        """From (sku, name, code keys) of each product."""
        by_code: dict[str, str] = {}
        by_name: dict[str, str] = {}
        for sku, name, keys in products:
            for key in keys:
                by_code.setdefault(key, sku)
            folded = _fold(name)
            if folded:
                by_name[folded] = sku if by_name.get(folded, sku) == sku else AMBIGUOUS
        return cls(by_code, by_name)

    def sku_for_barcode(self, code: str) -> str | None:
        """The SKU whose barcode this is (a GTIN in any of its lengths, UPC-E included)."""
        return next((self.by_code[key] for key in code_keys(code) if key in self.by_code), None)

    def sku_for_name(self, name: str) -> str | None:
        return self.by_name.get(_fold(name)) or None

    def shares_name(self, name: str) -> bool:
        return self.by_name.get(_fold(name)) == AMBIGUOUS


def _fold(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def catalogue_from_store(uow_factory, chunk: int = 500) -> Catalogue:
    """Every product with its barcodes, read once before an import (a query per 500
    products for the codes, not one per product)."""
    with uow_factory() as u:
        names = {p.sku: p.name for p in u.products.search("", limit=10_000_000)}
        skus = list(names)
        codes: dict[str, list[str]] = {sku: [] for sku in skus}
        for start in range(0, len(skus), chunk):
            for key, sku, _units in u.products.order_items(skus[start:start + chunk])[0]:
                codes[sku].append(key)
        return Catalogue.of((sku, names[sku], codes[sku]) for sku in skus)
