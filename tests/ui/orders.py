"""Orders for bench tests, and what the store says of them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine


@pytest.fixture
def one_item_order(demo_store, uow):
    with uow() as u:
        tea = u.products.get("TEA-001")
        order = Order("PD-900777", "manual", "#777", "Li Wei", "+86 21 5555 0101",
                      Address("Li Wei", "+86 21 5555 0101", "88 Nanjing Road",
                              city="Shanghai", postcode="200001", country="CN"),
                      [OrderLine(tea.sku, tea.name, 1)])
        u.orders.add(order)
        u.stock.get(tea.sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
        return tea.barcodes[0].code


@pytest.fixture
def two_orders(demo_store, one_item_order):
    """Two one-item orders for station B1 (PD-900777 and PD-900778): its unit of work and
    the item's code."""
    uow = uow_factory(demo_store.session_factory, station="B1")
    with uow() as u:
        tea = u.products.get("TEA-001")
        order = Order("PD-900778", "manual", "#778", "Li Wei", "+86 21 5555 0101",
                      Address("Li Wei", "+86 21 5555 0101", "88 Nanjing Road",
                              city="Shanghai", postcode="200001", country="CN"),
                      [OrderLine(tea.sku, tea.name, 1)])
        u.orders.add(order)
        u.stock.get(tea.sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
    return uow, one_item_order


def tracking_number(store, number: str) -> str:
    with store.engine.connect() as db:
        c = orm.orders.c
        return db.execute(select(c.tracking_number).where(c.number == number)).scalar_one()

