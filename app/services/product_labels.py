"""Product labels, one product or many: what each label carries, and a code for a product
that has none.

A product without a unit barcode gets the shop's own GS1-style code before its label is
printed: an EAN-13 in the restricted-circulation range 20 (GS1 General Specifications
2.1.11: prefixes 20-29 are for use inside a company, never on goods sold elsewhere), its
body the product's store id, with its GS1 check digit. The code is stored on the product in
the same unit of work, so the label printed scans at the bench and at receiving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.barcodes import gtin_check_digit, product_code_key
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Msg
from app.domain.products import Product
from app.services.unit_of_work import UnitOfWork

OWN_PREFIX = "20"
MAX_COPIES = 500


@dataclass(frozen=True)
class LabelRequest:
    sku: str
    copies: int = 1


@dataclass(frozen=True)
class ProductLabelView:
    sku: str
    name: str  # both names when the product has a Chinese one
    code: str
    symbology: str  # "ean13" | "code128"
    copies: int
    code_is_new: bool  # the code was made for this label just now


@dataclass(frozen=True)
class UnlabelledProduct:
    sku: str
    name: str


def own_code(number: int) -> str:
    """The shop's own EAN-13 for a product number: 20, ten digits, the check digit."""
    body = f"{OWN_PREFIX}{number:010d}"
    return body + str(gtin_check_digit(body))


def symbology_of(code: str) -> str:
    return "ean13" if len(code) == 13 and code.isascii() and code.isdigit() else "code128"


def _label_name(product: Product) -> str:
    if product.name_zh and product.name_zh != product.name:
        return f"{product.name} / {product.name_zh}"
    return product.name


def _give_own_code(uow: UnitOfWork, product: Product, by: str, given: set[str]) -> str:
    """A free own code for the product (the next number when someone typed this one, or
    it went to another product of this batch; the session does not flush on its own)."""
    number = product.id or 1
    while True:
        code = own_code(number)
        if code not in given and not uow.products.barcode_owners([product_code_key(code)]):
            product.add_barcode(code, 1, "own", added_by=by, added_at=uow.now())
            given.add(code)
            return code
        number += 1


def products_without_barcode(uow: UnitOfWork) -> list[UnlabelledProduct]:
    with uow:
        return [UnlabelledProduct(p.sku, p.name) for p in uow.products.without_barcode()]


def labels_for(uow: UnitOfWork, requests: Sequence[LabelRequest], by: str
               ) -> list[ProductLabelView]:
    """The labels to print, in the order asked; a product with no unit barcode gets its
    own code first (stored), so that what is printed is what scans."""
    if not requests:
        raise InvalidInput(Msg("Choose at least one product to print labels for."))
    for request in requests:
        if not 1 <= request.copies <= MAX_COPIES:
            raise InvalidInput(Msg("Labels for {sku}: give 1 to {most} copies, not {copies}.",
                                   sku=request.sku, most=MAX_COPIES, copies=request.copies))
    with uow:
        labels: list[ProductLabelView] = []
        given: set[str] = set()
        for request in requests:
            product = uow.products.get(request.sku)
            if product is None:
                raise NotFound(Msg("There is no product {sku}.", sku=request.sku.strip()))
            unit = next((b.code for b in product.barcodes if b.pack_quantity == 1), "")
            new = not unit
            if new:
                unit = _give_own_code(uow, product, by, given)
            labels.append(ProductLabelView(product.sku, _label_name(product), unit,
                                           symbology_of(unit), request.copies, new))
        uow.commit()
        return labels
