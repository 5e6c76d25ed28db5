"""Packed marketplace orders in a store, for the shipping-upload file's tests (CLI and UI)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.orders import Address, Order, OrderLine, OrderStatus

PACKED_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
MASKED_NAME, MASKED_PHONE = "屈**", "1389289****"


def packed_order(number: str, channel: str, channel_order_id: str, tracking: str,
                 carrier: str = "ZTO", at: datetime = PACKED_AT, masked: bool = True,
                 shipped: bool = False) -> Order:
    """An order packed at `at` (and shipped after, when asked), its receiver masked as the
    marketplaces give it to vendors."""
    name, phone = (MASKED_NAME, MASKED_PHONE) if masked else ("王建国", "13800138000")
    order = Order(number, channel, channel_order_id, name, phone,
                  Address(name, phone, "科技园*****" if masked else "科技园路1号", "",
                          "深圳市", "广东省", "518000", "CN"),
                  [OrderLine("SKU-1", "杯子", 1, 1000, 1)], tracking_number=tracking,
                  carrier=carrier)
    order.transition(OrderStatus.PACKING, "ann", at - timedelta(minutes=5))
    order.transition(OrderStatus.PACKED, "ann", at)
    if shipped:
        order.transition(OrderStatus.SHIPPED, "handover", at + timedelta(hours=3))
    return order


def store_orders(uow, *orders: Order) -> None:
    with uow() as u:
        for order in orders:
            u.orders.add(order)
        u.commit()
