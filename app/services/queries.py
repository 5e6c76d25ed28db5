"""Read-only questions the outer layers ask the store, answered with plain data."""

from __future__ import annotations

from dataclasses import dataclass

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
            if order is None or OrderStatus(order.status) is not OrderStatus.READY:
                continue
            summary = ", ".join(f"{line.sku}×{line.quantity}" for line in order.lines)
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
