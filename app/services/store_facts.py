"""Small facts about the store as a whole."""

from __future__ import annotations


def order_count(uow) -> int:
    with uow:
        return uow.orders.count()


def setup_progress(uow) -> dict[str, int]:
    """How far a new store is: products, active people besides supervisors, carriers and
    orders (the next-steps page says so beside each step)."""
    with uow:
        people = uow.packers.everyone()
        return {"products": uow.products.count(),
                "people": sum(1 for p in people if p.active and not p.is_supervisor),
                "carriers": len(uow.carriers.everyone()),
                "orders": uow.orders.count()}
