"""A return whose refund Taobao refused, as the sync runner leaves it: the case refunded and
waiting, its outbox message FAILED for a person (Taobao refunds are agreed in the seller
centre; sync/taobao.py refuses every push)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services import outbox as box
from app.services.channel_stock import add_channel
from app.services.leases import Claimant
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)

SHIPPED_AT = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)
REFUSAL = ("taobao: Taobao refunds are approved in the seller centre; Packdesk marks this "
           "case for a person")


def _ship_taobao_order(uow, number: str) -> str:
    with uow() as u:
        product = u.products.get("TEA-001")
        order = Order(number, "taobao", f"T-{number}", "Mei Lin", "",
                      Address("Mei Lin", city="Hangzhou", country="CN"),
                      [OrderLine(product.sku, product.name, 1, 1999)],
                      tracking_number=f"PK{number[3:]}")
        u.orders.add(order)
        item = u.stock.get(product.sku)
        item.reserve(1, number, SHIPPED_AT, "intake")
        item.ship(1, number, SHIPPED_AT, "Ann")
        order.lines[0].verified_quantity = 1
        order.transition(OrderStatus.PACKING, "Ann", SHIPPED_AT)
        order.transition(OrderStatus.PACKED, "Ann", SHIPPED_AT)
        u.commit()
        return product.barcodes[0].code


def refused_taobao_refund(uow, number: str = "PD-910001") -> str:
    """The RMA number of a graded Taobao return whose refund the channel refused."""
    code = _ship_taobao_order(uow, number)
    with uow() as u:
        set_up = u.returns.channel_set_up("taobao")
    if not set_up:  # a refund is sent only to a channel set up here
        add_channel(uow(), "taobao", "taobao")
    service = ReturnsService(uow)
    case = service.create(CreateReturn(number, (ReturnRequestLine("TEA-001", 1, "damaged"),),
                                       "shop", "Ann"))
    service.receive(ReceiveItem(case.rma_number, code, "Ann"))
    service.finish_receiving(case.rma_number, "Ann")
    service.grade(GradeUnit(case.rma_number, "TEA-001", "damaged", "quarantine", "Ann",
                            photo_path="/photos/dent.jpg"))
    assert service.refund(case.rma_number, "Ann").refund_status == "pending"
    [item] = [i for i in box.next_batch("taobao", uow(), Claimant("test-sync"))
              if i.kind == "refund"]
    assert box.record_failure(item, REFUSAL, uow(), retry_at=None) == "failed"
    return case.rma_number
