"""Fixtures shared by the bench's UI tests."""

from tests.ui.orders import one_item_order  # noqa: F401 (a fixture)
