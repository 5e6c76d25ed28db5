"""The weight gate: does the parcel on the scale weigh what its contents should?

Expected weight = every unit's product weight + the box's tare. The tolerance is the larger
of an absolute and a relative margin (default 20 g and 5 %). Outside it, the verdict names
the likely cause: a missing or extra unit whose weight matches the difference. Products with
no weight yet learn one from packs that passed the gate without them (`WeightLearning`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InvalidInput
from app.domain.messages import Msg


class WeightResult(StrEnum):
    WITHIN = "within"
    LIGHT = "light"  # something missing?
    HEAVY = "heavy"  # something extra?
    NEGATIVE = "negative"  # the scale needs zeroing
    UNKNOWN = "unknown"  # a product has no weight yet: the gate cannot judge


@dataclass(frozen=True)
class WeightTolerance:
    absolute_g: float = 20.0
    percent: float = 5.0

    def __post_init__(self) -> None:
        if self.absolute_g < 0 or not 0 <= self.percent <= 100:
            raise InvalidInput(Msg("A weight tolerance is a number of grams of 0 or more and a percentage from 0 to 100."))

    def allowed_g(self, expected_g: float) -> float:
        return max(self.absolute_g, expected_g * self.percent / 100)


@dataclass(frozen=True)
class PackedUnit:
    """One line of the parcel as the gate sees it."""

    sku: str
    quantity: int
    weight_g: float | None  # None: the product has no weight yet


@dataclass(frozen=True)
class WeightVerdict:
    result: WeightResult
    expected_g: float
    weighed_g: float
    allowed_g: float
    likely_sku: str = ""  # the unit whose weight explains the difference
    likely_count: int = 0
    message: str = ""

    @property
    def difference_g(self) -> float:
        return self.weighed_g - self.expected_g

    @property
    def passed(self) -> bool:
        return self.result is WeightResult.WITHIN


def expected_weight(units: list[PackedUnit], box_tare_g: float) -> float | None:
    """The parcel's weight, or None when a product in it has no weight."""
    if any(u.weight_g is None for u in units):
        return None
    return box_tare_g + sum(u.weight_g * u.quantity for u in units if u.weight_g is not None)


def _likely(units: list[PackedUnit], difference_g: float,
            allowed_g: float) -> tuple[str, int]:
    """The SKU and count (1 to 3) of units whose weight best explains the difference."""
    best: tuple[float, str, int] | None = None
    for unit in units:
        if not unit.weight_g:
            continue
        for count in (1, 2, 3):
            if difference_g < 0 and count > unit.quantity:
                break  # can't be missing more units than the order has
            gap = abs(abs(difference_g) - unit.weight_g * count)
            if gap <= allowed_g and (best is None or gap < best[0]):
                best = (gap, unit.sku, count)
    return (best[1], best[2]) if best else ("", 0)


def judge(units: list[PackedUnit], box_tare_g: float, weighed_g: float,
          tolerance: WeightTolerance) -> WeightVerdict:
    """What the scale says about the parcel, with the likely cause when it is off."""
    expected = expected_weight(units, box_tare_g)
    if weighed_g < 0:
        return WeightVerdict(WeightResult.NEGATIVE, expected or 0.0, weighed_g, 0.0, message=Msg(
            "The scale shows {weighed} g, below zero: take the parcel off and zero the scale.",
            weighed=round(weighed_g)))
    if expected is None:
        missing = ", ".join(u.sku for u in units if u.weight_g is None)
        return WeightVerdict(WeightResult.UNKNOWN, 0.0, weighed_g, 0.0, message=Msg(
            "No weight is known for {skus} yet; the parcel's {weighed} g is not checked.",
            skus=missing, weighed=round(weighed_g)))
    allowed = tolerance.allowed_g(expected)
    difference = weighed_g - expected
    if abs(difference) <= allowed:
        return WeightVerdict(WeightResult.WITHIN, expected, weighed_g, allowed, message=Msg(
            "Weight checked: {weighed} g, expected {expected} g.",
            weighed=round(weighed_g), expected=round(expected)))
    result = WeightResult.LIGHT if difference < 0 else WeightResult.HEAVY
    sku, count = _likely(units, difference, allowed)
    values = {"weighed": round(weighed_g), "expected": round(expected),
              "difference": round(abs(difference)), "sku": sku, "count": count}
    if result is WeightResult.LIGHT:
        text = ("The parcel weighs {weighed} g, {difference} g less than the {expected} g "
                "expected: about the weight of {count} × {sku}. Is one missing?"
                if sku else
                "The parcel weighs {weighed} g, {difference} g less than the {expected} g "
                "expected. Check the items and the box.")
    else:
        text = ("The parcel weighs {weighed} g, {difference} g more than the {expected} g "
                "expected: about the weight of {count} × {sku}. Is one too many in the box?"
                if sku else
                "The parcel weighs {weighed} g, {difference} g more than the {expected} g "
                "expected. Check for an extra item or the wrong box.")
    return WeightVerdict(result, expected, weighed_g, allowed, sku, count, Msg(text, **values))


@dataclass
class WeightLearning:
    """A product's weight learned from parcels that passed without it: each parcel with only
    this product unknown gives one sample (what is left after the rest and the box).

    `confidence` grows with samples that agree: 0 with none, towards 1 with many whose
    spread is small compared to the mean."""

    samples: int = 0
    mean_g: float = 0.0
    m2: float = 0.0  # Welford's running sum of squared differences

    def add(self, grams: float) -> None:
        if grams <= 0:
            return  # a parcel that leaves nothing for the product says nothing about it
        self.samples += 1
        delta = grams - self.mean_g
        self.mean_g += delta / self.samples
        self.m2 += delta * (grams - self.mean_g)

    @property
    def spread_g(self) -> float:
        return (self.m2 / (self.samples - 1)) ** 0.5 if self.samples > 1 else 0.0

    @property
    def confidence(self) -> float:
        if self.samples == 0 or self.mean_g <= 0:
            return 0.0
        agreement = max(0.0, 1.0 - self.spread_g / self.mean_g * 10)  # 10 % spread: none
        return round(min(1.0, self.samples / 5) * agreement, 2)

    @property
    def usable(self) -> bool:
        """Good enough for the gate to judge with: 3 agreeing samples or more."""
        return self.samples >= 3 and self.confidence >= 0.5


def learn_sample(units: list[PackedUnit], box_tare_g: float,
                 weighed_g: float) -> tuple[str, float] | None:
    """(sku, grams per unit) when exactly one product in the parcel has no weight."""
    unknown = [u for u in units if u.weight_g is None]
    if len(unknown) != 1 or unknown[0].quantity <= 0:
        return None
    rest = box_tare_g + sum(u.weight_g * u.quantity for u in units if u.weight_g is not None)
    return unknown[0].sku, (weighed_g - rest) / unknown[0].quantity
