"""Two counters on one PostgreSQL store: the same case received from both, nothing lost."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.channel_stock import add_channel
from app.services.demo import build_demo
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)


@pytest.fixture
def pg_store(postgres_url):
    store = open_store(postgres_url)
    yield store
    store.dispose()


def _shipped(uow, quantity: int) -> str:
    with uow() as u:
        tea = u.products.get("TEA-001")
        at = u.now() - timedelta(days=1)
        order = Order("PD-900040", "shopify", "#9040", "Jürgen Weiß", "+49 89 233 00",
                      Address("Jürgen Weiß", city="München"),
                      [OrderLine(tea.sku, tea.name, quantity, 1500)])
        u.orders.add(order)
        item = u.stock.get(tea.sku)
        item.reserve(quantity, order.number, at, "intake")
        item.ship(quantity, order.number, at, "Ann")
        order.lines[0].verified_quantity = quantity
        order.transition(OrderStatus.PACKING, "Ann", at)
        order.transition(OrderStatus.PACKED, "Ann", at)
        u.commit()
        return tea.barcodes[0].code


@pytest.mark.postgres
def test_two_counters_receiving_one_case_at_once_count_every_unit(pg_store):
    first = uow_factory(pg_store.session_factory, "counter-1")
    second = uow_factory(pg_store.session_factory, "counter-2")
    build_demo(first(), seed=3, products=5, orders=2)
    add_channel(first(), "shopify", "shopify")  # refunds go to a channel set up here
    code = _shipped(first, 8)
    counters = [ReturnsService(first), ReturnsService(second)]
    case = counters[0].create(CreateReturn("PD-900040", (ReturnRequestLine("TEA-001", 8),),
                                           "buyer", "Ann"))
    in_transit = counters[1].mark_in_transit(case.rma_number, "Li Wei", "SF123")
    assert in_transit.history[-1][2:] == ("in_transit", "Li Wei", "tracking SF123")

    def receive(n: int) -> str:
        return counters[n % 2].receive(ReceiveItem(case.rma_number, code, f"clerk-{n % 2}")).result

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(receive, range(8)))
    assert results == ["received"] * 8
    received = counters[0].finish_receiving(case.rma_number, "Ann")
    assert received.units_received == 8 and received.missing == ()
    for _ in range(8):
        graded = counters[1].grade(GradeUnit(case.rma_number, "TEA-001", "resellable",
                                             "restock", "Li Wei",
                                             bin=received.lines[0].home_bin))
    assert (graded.status, graded.refund_cents) == ("graded", 8 * 1500)
    assert counters[0].refund(case.rma_number, "Ann").refund_status == "pending"
