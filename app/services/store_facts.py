"""Small facts about the store as a whole."""

from __future__ import annotations


def order_count(uow) -> int:
    with uow:
        return uow.orders.count()
