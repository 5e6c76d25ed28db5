"""Orders for bench tests, and what the store says of them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.adapters import orm
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


def tracking_number(store, number: str) -> str:
    with store.engine.connect() as db:
        c = orm.orders.c
        return db.execute(select(c.tracking_number).where(c.number == number)).scalar_one()

