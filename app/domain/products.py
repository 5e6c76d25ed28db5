"""Products and their barcodes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.barcodes import product_code_key
from app.domain.boxes import Dimensions
from app.domain.weighing import WeightLearning


@dataclass(eq=False)
class ProductBarcode:
    """One code printed on a product or its case; a case code counts pack_quantity units."""

    code: str
    pack_quantity: int = 1
    kind: str = "gtin"  # gtin | own | case
    code_key: str = ""
    sku: str = ""
    added_by: str = ""  # who put it on the product ("" before this was kept)
    added_at: datetime | None = None

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
    is_box: bool = False  # a shipping box: its weight_g is the tare
    weight_learned: bool = False  # weight_g came from parcels that passed, not a person
    # the sales channel whose catalogue gave weight_g ("" when a person set it, or nobody):
    # a re-pull of that channel may change it; a person's weight is never replaced
    weight_from_channel: str = ""
    image_url: str = ""  # the picture's address at the channel
    name_from_channel: str = ""  # the channel whose catalogue gave the name, as for weight
    weight_samples: int = 0
    weight_mean_g: float = 0.0
    weight_m2: float = 0.0
    # its size in mm (a box: the inside), for the box suggestion; 0 is unknown
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    name_zh: str = ""  # the name in Chinese, beside `name` (the catalogue's two languages)
    id: int | None = None

    @property
    def size(self) -> Dimensions:
        return Dimensions(self.length_mm, self.width_mm, self.height_mm)

    @property
    def known_weight_g(self) -> float | None:
        """The weight the gate may judge with: set by a person, or learned well enough."""
        return float(self.weight_g) if self.weight_g > 0 else None

    @property
    def weight_learning(self) -> WeightLearning:
        return WeightLearning(self.weight_samples, self.weight_mean_g, self.weight_m2)

    def learn_weight(self, grams: float) -> None:
        """One parcel that passed said this unit weighs `grams`; once enough agree, the
        learned weight is used (a weight a person set is never replaced)."""
        if self.weight_g > 0 and not self.weight_learned:
            return
        learning = self.weight_learning
        learning.add(grams)
        self.weight_samples, self.weight_mean_g, self.weight_m2 = (
            learning.samples, learning.mean_g, learning.m2)
        if learning.usable:
            self.weight_g, self.weight_learned = round(learning.mean_g), True

    def add_barcode(self, code: str, pack_quantity: int = 1, kind: str = "gtin",
                    added_by: str = "", added_at: datetime | None = None) -> ProductBarcode:
        barcode = ProductBarcode(code=code, pack_quantity=pack_quantity, kind=kind, sku=self.sku,
                                 added_by=added_by[:64], added_at=added_at)
        self.barcodes.append(barcode)
        return barcode
