"""Read-only questions the outer layers ask the store, answered with plain data."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.messages import Msg
from app.domain.orders import OrderStatus


@dataclass(frozen=True)
class SheetOrder:
    number: str
    channel: str
    buyer_name: str
    summary: str


@dataclass(frozen=True)
class SheetProduct:
    sku: str
    name: str
    code: str
    pack_quantity: int


def orders_for_sheet(uow, numbers: list[str]) -> list[SheetOrder]:
    with uow:
        result = []
        for number in numbers:
            order = uow.orders.get(number)
            if order is None or OrderStatus(order.status) not in (OrderStatus.READY,
                                                                  OrderStatus.CANCELLED):
                continue
            summary = ", ".join(f"{line.sku}×{line.quantity}" for line in order.lines)
            if OrderStatus(order.status) is OrderStatus.CANCELLED:  # to try the bench's alarm
                summary = Msg("CANCELLED: scan it to see the alarm ({summary})",
                              summary=summary)
            result.append(SheetOrder(order.number, order.channel, order.buyer_name, summary))
        return result


def products_for_sheet(uow, skus: list[str]) -> list[SheetProduct]:
    with uow:
        result = []
        for sku in skus:
            product = uow.products.get(sku)
            if product is None:
                continue
            for barcode in product.barcodes:
                result.append(SheetProduct(product.sku, product.name, barcode.code,
                                           barcode.pack_quantity))
        return result


@dataclass(frozen=True)
class OrderListing:
    """One order as `packdesk orders` lists it for merchants' scripts."""

    number: str
    channel: str
    channel_order_id: str
    status: str
    channel_status: str
    review_reasons: tuple[str, ...]
    masked: bool


def is_masked(*receiver: str | None) -> bool:
    """Marketplaces mask the receiver for software vendors (屈**, 1389289****)."""
    return any("*" in (part or "") for part in receiver)


def listing_masked(ship_name: str | None, phone: str | None, ship_phone: str | None,
                   ship_line1: str | None, receiver_oaid: str | None) -> bool:
    """A listed order's receiver is masked as Order.receiver_masked says: a masked part, or
    carried by its oaid."""
    return bool(receiver_oaid) or is_masked(ship_name, phone, ship_phone, ship_line1)


def list_orders(uow, channel: str | None = None,
                status: str | None = None) -> list[OrderListing]:
    statuses = [s.value for s in OrderStatus]
    if status is not None and status not in statuses:
        raise InvalidInput(Msg("Status {status!r} is not one of {statuses}.",
                               status=status, statuses=', '.join(statuses)))
    with uow:
        return [OrderListing(number, order_channel, channel_order_id or "", order_status,
                             channel_status or "", tuple(reasons or ()),
                             listing_masked(ship_name, phone, ship_phone, line1, oaid))
                for (number, order_channel, channel_order_id, order_status, ship_name, phone,
                     ship_phone, line1, oaid, reasons, channel_status)
                in uow.orders.listing(channel, status)]
