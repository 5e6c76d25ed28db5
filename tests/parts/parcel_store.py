"""A store with orders to pack in one parcel: three orders for the same buyer and address,
from two channels, taken in through intake (which gives them one merge group)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.orders import Address
from app.services.channel_stock import add_channel
from app.services.intake import IncomingLine, IncomingOrder, take_in

PLACED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

MEI = Address("Mei Lin", "138 0000 1111", "8 Wensan Road", "Flat 1201", "Hangzhou",
              "Zhejiang", "310012", "CN")


def incoming(channel: str, order_id: str, hours: int, *lines: tuple[str, int],
             status: str = "open", address: Address = MEI) -> IncomingOrder:
    return IncomingOrder(
        channel, order_id, status, "Mei Lin", "138 0000 1111", address,
        tuple(IncomingLine(f"{order_id}-{n}", sku, f"Channel product {sku}", quantity)
              for n, (sku, quantity) in enumerate(lines)),
        placed_at=PLACED - timedelta(hours=hours))


# order key -> (channel, channel order id, hours ago, lines); "tb-1" is the oldest
PARCEL = {
    "shop-1": ("shop", "1001", 2, ("TB-CUP-RED", 1), ("WOO-SKU-0", 2)),
    "tb-1": ("tb", "T-77", 5, ("TB-CUP-RED", 2)),
    "shop-2": ("shop", "1002", 1, ("IPOD2008RED", 1)),
}


@pytest.fixture
def parcel_orders(uow) -> dict[str, str]:
    """order key -> order number, all three ready to pack and flagged as one merge group."""
    from tests.parts.sync_store import stock_the_store  # a plugin module itself: import late

    stock_the_store(uow)
    add_channel(uow(), "shop", "shopify")
    add_channel(uow(), "tb", "taobao")
    results = take_in([incoming(channel, order_id, hours, *lines)
                       for channel, order_id, hours, *lines in PARCEL.values()], uow())
    assert [r.outcome for r in results] == ["created"] * 3, results
    numbers = {key: result.order_number for key, result in zip(PARCEL, results, strict=True)}
    with uow() as u:  # the first order was grouped when the second arrived
        groups = {u.orders.intake_link_for(number).merge_group for number in numbers.values()}
    assert len(groups) == 1 and groups != {""}, groups
    return numbers
