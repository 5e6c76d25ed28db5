"""Shipping boxes: the smallest box the parcel's items fit in.

A box is a product marked `is_box`; its length, width and height are the inside of the box
and its weight is the tare the weight gate adds. An item fits when its sides, longest to
shortest, are within the box's (it may be turned any way), and the items together take at
most FILL of the box's volume (room for padding, and for the packer's hands).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.messages import Msg

FILL = 0.8


@dataclass(frozen=True)
class Dimensions:
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0

    @property
    def known(self) -> bool:
        return min(self.length_mm, self.width_mm, self.height_mm) > 0

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm

    @property
    def sides(self) -> tuple[int, int, int]:
        longest, middle, shortest = sorted((self.length_mm, self.width_mm, self.height_mm),
                                           reverse=True)
        return longest, middle, shortest

    def holds(self, other: Dimensions) -> bool:
        """`other` fits inside, turned whichever way."""
        return all(inner <= outer for inner, outer in zip(other.sides, self.sides, strict=True))

    def text(self) -> str:
        return "×".join(f"{side / 10:g}" for side in
                        (self.length_mm, self.width_mm, self.height_mm)) + " cm"


@dataclass(frozen=True)
class PackedItem:
    sku: str
    size: Dimensions
    quantity: int


@dataclass(frozen=True)
class BoxOption:
    sku: str
    name: str
    inside: Dimensions
    tare_g: float


@dataclass(frozen=True)
class BoxSuggestion:
    box: BoxOption | None  # None: nothing to suggest (the message says why)
    message: str


def box_fits(items: list[PackedItem], box: BoxOption) -> bool:
    if not box.inside.known:
        return False
    volume = sum(i.size.volume_mm3 * i.quantity for i in items)
    return all(box.inside.holds(i.size) for i in items) and \
        volume <= FILL * box.inside.volume_mm3


def suggest_box(items: list[PackedItem], boxes: list[BoxOption]) -> BoxSuggestion:
    """The smallest box (by volume, then tare) that the items fit in, or why there is none."""
    usable = sorted((b for b in boxes if b.inside.known),
                    key=lambda b: (b.inside.volume_mm3, b.tare_g, b.sku))
    if not usable:
        return BoxSuggestion(None, Msg("No box sizes in the catalogue: no box to suggest."))
    unsized = [i.sku for i in items if not i.size.known]
    if unsized:
        return BoxSuggestion(None, Msg("No box suggested: {sku} has no size in the catalogue.",
                                       sku=unsized[0]))
    for box in usable:
        if box_fits(items, box):
            return BoxSuggestion(box, Msg("Box {sku} ({size}) fits these items.",
                                          sku=box.sku, size=box.inside.text()))
    largest = max(items, key=lambda i: i.size.volume_mm3)
    return BoxSuggestion(None, Msg("No box fits these items (the largest is {sku}): use a "
                                   "bigger box or two parcels.", sku=largest.sku))


def box_choice(box: BoxOption, items: list[PackedItem],
               suggestion: BoxSuggestion) -> tuple[bool, str]:
    """(big enough, what the bench says) when a box is scanned: its tare counts, and a box
    too small is said, with the one that fits. Unknown sizes are not held against it."""
    if box.inside.known and all(i.size.known for i in items) and not box_fits(items, box):
        if suggestion.box is not None:
            return False, Msg("Box {sku} is too small for these items; {fits} fits. Scan "
                              "the box you use.", sku=box.sku, fits=suggestion.box.sku)
        return False, Msg("Box {sku} is too small for these items. Scan the box you use.",
                          sku=box.sku)
    return True, Msg("Box {sku} ({name}): its {tare} g count in the parcel's weight.",
                     sku=box.sku, name=box.name, tare=f"{box.tare_g:g}")
