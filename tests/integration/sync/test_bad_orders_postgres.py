"""Issue 13 on PostgreSQL, which (unlike SQLite) enforces column widths and refuses NUL bytes:
a 300-character ship name or a NUL byte must not fail the page, every cycle."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import OrderStatus
from app.services.intake import take_in
from tests.integration.sync.test_intake_pages import _order
from tests.parts.sync_store import stock_the_store

pytestmark = pytest.mark.postgres
LONG_NAME = "Maximiliane Alexandra " * 14  # 308 characters


@pytest.fixture
def pg(postgres_url):
    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, station="pg-bench")
    stock_the_store(uow)
    yield store, uow
    store.dispose()


def _page():
    long_name = _order("L1", ("IPOD2008RED", 1), buyer=LONG_NAME.strip(), door="1 Elm St")
    nul = _order("N1", ("IPOD2008GREEN", 1), buyer="Nul\x00Byte", door="2 Oak\x00 St")
    nul = replace(nul, buyer_note="ring\x00twice")
    fine = _order("F1", ("IPOD2008BLACK", 2), buyer="Fine Buyer", door="3 Ash St")
    return [long_name, nul, fine]


def test_a_long_ship_name_and_a_nul_byte_do_not_fail_the_page(pg):
    _, uow = pg
    results = take_in(_page(), uow())
    assert [r.outcome for r in results] == ["review", "created", "created"]
    assert "ship name too long, cut to 255 characters" in results[0].reasons
    with uow() as u:
        cut = u.orders.get(results[0].order_number)
        assert cut.status == OrderStatus.NEEDS_REVIEW and len(cut.ship_to.name) == 255
        assert cut.ship_to.name == LONG_NAME.strip()[:255]
        cleaned = u.orders.get(results[1].order_number)
        assert (cleaned.ship_to.name, cleaned.ship_to.line1, cleaned.buyer_note) == \
            ("NulByte", "2 Oak St", "ringtwice")
        assert cleaned.status == OrderStatus.READY
        assert u.orders.get(results[2].order_number).status == OrderStatus.READY
        assert u.stock.get("IPOD2008BLACK").awaiting_shipment == 2


def test_an_order_postgres_refuses_is_parked_and_the_page_still_lands(pg):
    """A rule the store enforces that intake does not know: only that order is parked,
    its reason names the kind of problem and none of the buyer's data."""
    store, uow = pg
    with store.engine.begin() as db:
        db.execute(text("ALTER TABLE orders ADD CONSTRAINT no_refuseville "
                        "CHECK (ship_city <> 'Refuseville')"))
    page = _page()
    refused = _order("R1", ("IPOD2008RED", 5), buyer="Jürgen Sonnenschein", door="9 Elm St")
    refused = replace(refused, ship_to=replace(refused.ship_to, city="Refuseville"))
    results = take_in([page[2], refused, page[0]], uow())
    assert [r.outcome for r in results] == ["created", "parked", "review"]
    with uow() as u:
        [parked] = u.orders.intake_exceptions()
        assert parked.channel_order_id == "R1" and "store refused" in parked.reason
        assert "no_refuseville" in parked.reason
        assert "Sonnenschein" not in parked.reason and "138" not in parked.reason
        red = u.stock.get("IPOD2008RED")
        assert (red.available, red.awaiting_shipment) == (99, 1)  # the parked order reserved nothing
        assert u.orders.intake_link("shopify", "R1") is None
        for result in (results[0], results[2]):
            assert u.orders.get(result.order_number) is not None
