"""A difference between a channel and a product: settled once, by a person, and what that
person turned down is remembered (so the same source does not offer it again)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.catalogue_conflicts import CatalogueConflict, Side
from app.domain.errors import InvalidInput, NotAllowed

AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _conflict() -> CatalogueConflict:
    return CatalogueConflict("TEA-1", "weight_g", "200", "shop", "250", "woo", AT)


def test_keeping_turns_the_channels_figure_down_and_taking_turns_the_products_down():
    kept, taken = _conflict(), _conflict()
    assert kept.is_open and kept.turned_down() is None
    kept.settle(Side.KEPT, "Mei", AT)
    taken.settle(Side.OFFERED, " Mei ", AT)
    assert kept.turned_down() == ("woo", "250")
    assert taken.turned_down() == ("shop", "200")
    assert (taken.settled_by, taken.settled_at, taken.is_open) == ("Mei", AT, False)


def test_settled_once_by_somebody():
    conflict = _conflict()
    with pytest.raises(InvalidInput):
        conflict.settle(Side.KEPT, "  ", AT)
    with pytest.raises(InvalidInput):
        conflict.settle("both", "Mei", AT)
    conflict.settle(Side.KEPT, "Mei", AT)
    with pytest.raises(NotAllowed, match="settled already by Mei"):
        conflict.settle(Side.OFFERED, "Ann", AT)


def test_sources_that_came_to_agree_close_it_without_turning_anything_down():
    conflict = _conflict()
    conflict.settle(Side.AGREED, "", AT)
    assert not conflict.is_open and conflict.turned_down() is None
