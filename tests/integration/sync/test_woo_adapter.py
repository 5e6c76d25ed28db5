"""The WooCommerce adapter against the local REST v3 store."""

from __future__ import annotations

import pytest

from sync.base import ChannelRejected, StaleStock
from sync.model import Fulfilment, FulfilmentLine, StockLevel
from sync.validation import order_problems
from sync.woocommerce import WooCommerceAdapter, WooCredentials
from tests.channel_servers.woo_server import WooServer


def adapter_for(server: WooServer, **options) -> WooCommerceAdapter:
    credentials = WooCredentials(server.url, server.consumer_key, server.consumer_secret)
    return WooCommerceAdapter(credentials, **options)


def pull_all(adapter, cursor=None):
    orders, errors = [], []
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors, cursor


def test_docs_orders_map_and_need_review_for_missing_skus(woo_server):
    orders, errors, _ = pull_all(adapter_for(woo_server))
    assert errors == [] and len(orders) == 2
    order = next(o for o in orders if o.channel_order_id == "727")
    assert order.status == "open" and order.address.city == "San Francisco"
    assert order.phone == "(555) 555-5555" and order.email == "john.doe@example.com"
    assert order.lines[0].quantity == 2 and order.lines[0].currency == "USD"
    assert any("has no SKU" in reason for reason in order_problems(order))


def test_pages_through_x_wp_totalpages_once_each(woo_server):
    woo_server.add_orders(23)
    orders, _, cursor = pull_all(adapter_for(woo_server, page_size=10))
    assert len(orders) == len({o.channel_order_id for o in orders}) == 25
    assert pull_all(adapter_for(woo_server, page_size=10), cursor)[0] == []


def test_duplicate_page_is_delivered_once(woo_server):
    woo_server.add_orders(8)
    woo_server.faults.inject("dup", match="/orders", count=3)
    orders, _, _ = pull_all(adapter_for(woo_server, page_size=4))
    assert len(orders) == len({o.channel_order_id for o in orders}) == 10


def test_cancellation_arrives_on_the_next_pass(woo_server):
    adapter = adapter_for(woo_server)
    _, _, cursor = pull_all(adapter)
    woo_server.touch(727, status="cancelled")
    orders, _, _ = pull_all(adapter, cursor)
    assert [(o.channel_order_id, o.status) for o in orders] == [("727", "cancelled")]


def test_unpaid_orders_are_delivered_as_awaiting_payment(woo_server):
    """Delivered, not dropped: intake keeps a new one out and holds one it knows."""
    [unpaid] = woo_server.add_orders(1, status="pending")
    orders, errors, _ = pull_all(adapter_for(woo_server))
    assert {o.channel_order_id: o.status for o in orders}[str(unpaid)] == "awaiting_payment"
    assert errors == []


def test_fulfilment_note_and_completion_applied_once(woo_server):
    adapter = adapter_for(woo_server)
    parcel = Fulfilment("727", "9400111899560000000000", "USPS", (), "outbox-5")
    assert adapter.push_fulfilment(parcel).already_applied is False
    assert adapter.push_fulfilment(parcel).already_applied is True
    assert [a["op"] for a in woo_server.applied] == ["order_note", "order_update"]
    assert "9400111899560000000000" in woo_server.notes[727][0]["note"]
    assert woo_server.orders[727]["status"] == "completed"


def test_partial_fulfilment_leaves_the_order_open(woo_server):
    line = str(woo_server.orders[727]["line_items"][0]["id"])
    adapter_for(woo_server).push_fulfilment(
        Fulfilment("727", "T1", "USPS", (FulfilmentLine(line, 1),), "k1"))
    assert woo_server.orders[727]["status"] == "processing"
    assert len(woo_server.notes[727]) == 1


def test_stock_set_reads_back_and_detects_stale(woo_server):
    adapter = adapter_for(woo_server)
    assert adapter.read_stock("WOO-SHIRT-M") == 5
    assert adapter.set_stock(StockLevel("WOO-SHIRT-M", 3, 5, "s1")).already_applied is False
    assert woo_server.products[732]["stock_quantity"] == 3
    assert adapter.set_stock(StockLevel("WOO-SHIRT-M", 3, 5, "s1")).already_applied is True
    with pytest.raises(StaleStock) as stale:
        adapter.set_stock(StockLevel("WOO-SHIRT-M", 1, 5, "s2"))
    assert stale.value.remote_quantity == 3
    assert [a["quantity"] for a in woo_server.applied] == [3]


def test_unknown_sku_and_bad_credentials_are_named(woo_server):
    with pytest.raises(ChannelRejected, match="NOPE"):
        adapter_for(woo_server).read_stock("NOPE")
    bad = WooCommerceAdapter(WooCredentials(woo_server.url, "ck_x", "cs_y"))
    with pytest.raises(ChannelRejected, match="credentials refused"):
        bad.pull_orders(None)
    assert "cs_y" not in repr(WooCredentials(woo_server.url, "ck_x", "cs_y"))
