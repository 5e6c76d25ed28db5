"""Products and their barcodes."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.barcodes import product_code_key


@dataclass(eq=False)
class ProductBarcode:
    """One code printed on a product or its case; a case code counts pack_quantity units."""

    code: str
    pack_quantity: int = 1
    kind: str = "gtin"  # gtin | own | case
    code_key: str = ""
    sku: str = ""

    def __post_init__(self) -> None:
        if not self.code_key:
            self.code_key = product_code_key(self.code)


@dataclass(eq=False)
class Product:
    sku: str
    name: str
    weight_g: int = 0
    image_path: str | None = None
    must_scan: bool = False
    category: str = ""
    bin_location: str = ""
    barcodes: list[ProductBarcode] = field(default_factory=list)
    id: int | None = None

    def add_barcode(self, code: str, pack_quantity: int = 1, kind: str = "gtin") -> ProductBarcode:
        barcode = ProductBarcode(code=code, pack_quantity=pack_quantity, kind=kind, sku=self.sku)
        self.barcodes.append(barcode)
        return barcode
