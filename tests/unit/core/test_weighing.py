"""The weight gate's arithmetic: expected weight, tolerance, the likely cause, learning."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.weighing import (
    PackedUnit,
    WeightLearning,
    WeightResult,
    WeightTolerance,
    judge,
    learn_sample,
)

PARCEL = [PackedUnit("TEA-001", 2, 250.0), PackedUnit("CHP-007", 1, 85.0),
          PackedUnit("POT-003", 1, 640.0)]
BOX = 180.0  # expected 250*2 + 85 + 640 + 180 = 1405 g; 5 % = 70.25 g


def test_the_tolerance_is_the_larger_of_grams_and_percent():
    tolerance = WeightTolerance()
    assert tolerance.allowed_g(100) == 20.0
    assert tolerance.allowed_g(1405) == pytest.approx(70.25)
    with pytest.raises(InvalidInput):
        WeightTolerance(percent=120)


def test_a_parcel_within_tolerance_passes():
    verdict = judge(PARCEL, BOX, 1460.0, WeightTolerance())
    assert verdict.passed and verdict.expected_g == 1405.0
    assert verdict.message == "Weight checked: 1460 g, expected 1405 g."


def test_one_item_short_names_the_item_whose_weight_is_missing():
    tight = WeightTolerance(absolute_g=20, percent=1)  # 20 g: a missing 85 g cup shows
    verdict = judge(PARCEL, BOX, 1321.0, tight)
    assert verdict.result is WeightResult.LIGHT
    assert (verdict.likely_sku, verdict.likely_count) == ("CHP-007", 1)
    assert "about the weight of 1 × CHP-007" in verdict.message and "84 g less" in verdict.message


def test_two_of_a_kind_missing_and_an_extra_item():
    tight = WeightTolerance(absolute_g=20, percent=1)
    light = judge(PARCEL, BOX, 1405.0 - 500.0, tight)
    assert (light.likely_sku, light.likely_count) == ("TEA-001", 2)
    heavy = judge(PARCEL, BOX, 1405.0 + 645.0, tight)
    assert heavy.result is WeightResult.HEAVY and heavy.likely_sku == "POT-003"
    assert "too many" in heavy.message


def test_a_difference_no_item_explains():
    verdict = judge(PARCEL, BOX, 1405.0 - 400.0, WeightTolerance(absolute_g=20, percent=1))
    assert verdict.result is WeightResult.LIGHT and verdict.likely_sku == ""
    assert "Check the items and the box" in verdict.message


def test_a_negative_weight_asks_for_zeroing_and_an_unknown_weight_is_not_judged():
    assert judge(PARCEL, BOX, -12.0, WeightTolerance()).result is WeightResult.NEGATIVE
    unknown = judge([*PARCEL, PackedUnit("NEW-1", 1, None)], BOX, 1500.0, WeightTolerance())
    assert unknown.result is WeightResult.UNKNOWN and "NEW-1" in unknown.message


def test_a_weight_is_learned_from_parcels_with_one_unknown_product():
    units = [PackedUnit("TEA-001", 2, 250.0), PackedUnit("NEW-1", 3, None)]
    assert learn_sample(units, BOX, 180 + 500 + 3 * 120.0) == ("NEW-1", pytest.approx(120.0))
    assert learn_sample([*units, PackedUnit("NEW-2", 1, None)], BOX, 2000.0) is None
    learning = WeightLearning()
    for grams in (119.0, 121.0, 120.0):
        learning.add(grams)
    assert learning.usable and learning.mean_g == pytest.approx(120.0)
    assert learning.confidence == pytest.approx(0.6 * (1 - learning.spread_g / 120 * 10), abs=0.01)
    scattered = WeightLearning()
    for grams in (60.0, 180.0, 120.0, 90.0):
        scattered.add(grams)
    assert not scattered.usable and scattered.confidence == 0.0
