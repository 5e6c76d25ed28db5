"""A parcel: the orders one pack session packs into one box, oldest order first.

Most parcels hold one order. Orders from the same buyer to the same address (intake gives
them one merge group) may be packed together as a merged parcel: each order keeps its own
lines, and an item scan fills the lines of its SKU in a fixed order, the oldest order
first (placed earliest; then the one that arrived first), so the same scans always give
the same result and the packer can be told which order a unit went to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.messages import Msg
from app.domain.orders import Order, OrderLine, OrderStatus

_NEVER = datetime.max.replace(tzinfo=UTC)


@dataclass(eq=False)
class ParcelOrder:
    """An order packed in a pack session's merged parcel (kept with the session)."""

    order_number: str
    joined_at: datetime
    id: int | None = None


def oldest_first(order: Order) -> tuple:
    return (order.placed_at or _NEVER, order.id or 0, order.number)


def fill_oldest_first(rooms: Iterable[int], units: int) -> list[tuple[int, int]] | None:
    """Units spread over the lines of one SKU (their free room, oldest order first):
    (index, units) shares, or None when the lines have not that much room together."""
    shares: list[tuple[int, int]] = []
    for index, room in enumerate(rooms):
        if units <= 0:
            break
        take = min(room, units)
        if take > 0:
            shares.append((index, take))
            units -= take
    return shares if units <= 0 else None


class Parcel:
    """The orders of one pack session, oldest first; a parcel of one is a plain order."""

    def __init__(self, orders: Iterable[Order]) -> None:
        self.orders: list[Order] = sorted(orders, key=oldest_first)

    @classmethod
    def of(cls, orders: Parcel | Order) -> Parcel:
        return orders if isinstance(orders, Parcel) else cls([orders])

    @property
    def merged(self) -> bool:
        return len(self.orders) > 1

    @property
    def numbers(self) -> list[str]:
        return [order.number for order in self.orders]

    def order(self, number: str) -> Order | None:
        return next((order for order in self.orders if order.number == number), None)

    def lines_for(self, sku: str) -> list[tuple[Order, OrderLine]]:
        return [(order, line) for order in self.orders for line in order.lines
                if line.sku == sku]

    def allocate(self, sku: str, units: int) -> list[tuple[Order, OrderLine, int]] | None:
        """Where `units` of `sku` go, oldest order first; None when that is too many."""
        lines = self.lines_for(sku)
        shares = fill_oldest_first((line.outstanding for _order, line in lines), units)
        if shares is None:
            return None
        return [(lines[index][0], lines[index][1], take) for index, take in shares]

    def take_back(self, order_number: str, sku: str, units: int) -> None:
        """Units of an undone scan leave that order's lines, the last filled first."""
        order = self.order(order_number)
        if order is not None:
            order.take_back(sku, units)

    def cancelled(self) -> list[Order]:
        return [o for o in self.orders if OrderStatus(o.status) is OrderStatus.CANCELLED]

    @property
    def is_fully_verified(self) -> bool:
        return all(order.is_fully_verified for order in self.orders)

    @property
    def items_verified(self) -> int:
        return sum(order.items_verified for order in self.orders)

    def outstanding(self) -> str:
        open_lines = [(order, line) for order, line in self.all_lines() if not line.is_complete]
        if not open_lines:
            return (Msg("nothing, the parcel is complete") if self.merged
                    else Msg("nothing, the order is complete"))
        return ", ".join(f"{line.sku} ×{line.outstanding}" for _order, line in open_lines[:4]) + (
            "…" if len(open_lines) > 4 else "")

    def all_lines(self) -> list[tuple[Order, OrderLine]]:
        return [(order, line) for order in self.orders for line in order.lines]


def parcel_fill_message(sku: str, name: str, filled: list[tuple[str, int, int]],
                        manual_reason: str = "") -> Msg:
    """What a scan (or a unit confirmed by hand) in a merged parcel did: for each order it
    went to, (order number, verified, quantity) after the scan."""
    if manual_reason:
        number, verified, quantity = filled[0]
        return Msg("{sku} confirmed by hand ({reason}): {verified} of {quantity} for order "
                   "{number}", sku=sku, reason=manual_reason, verified=verified,
                   quantity=quantity, number=number)
    if len(filled) == 1:
        number, verified, quantity = filled[0]
        return Msg("{sku} {name}: {verified} of {quantity} for order {number}", sku=sku,
                   name=name, verified=verified, quantity=quantity, number=number)
    return Msg("{sku} {name}: {shares} (oldest order first)", sku=sku, name=name,
               shares="; ".join(f"{number} {verified}/{quantity}"
                                for number, verified, quantity in filled))
