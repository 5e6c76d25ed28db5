"""The Shopify adapter against the local Admin GraphQL server."""

from __future__ import annotations

import time

import pytest

from sync.base import ChannelRejected, Page, RateLimited, StaleStock
from sync.model import Fulfilment, FulfilmentLine, StockLevel
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.channel_servers.shopify_server import ShopifyServer


def adapter_for(server: ShopifyServer, **options) -> ShopifyAdapter:
    """The paged orders query (these tests are about pages; a first pull of a long look-back
    goes through a bulk export by default: test_shopify_bulk.py)."""
    credentials = ShopifyCredentials(server.url, server.token, server.location_id)
    return ShopifyAdapter(credentials, **{"bulk_after": None, **options})


def pull_all(adapter: ShopifyAdapter, cursor: str | None = None) -> tuple[list, list, str]:
    """Every page, waiting out the query-cost bucket as the sync cycle does (a page costs
    what Shopify's calculation says, several hundred points with 100 lines an order)."""
    orders, errors = [], []
    while True:
        try:
            page: Page = adapter.pull_orders(cursor)
        except RateLimited as limited:
            assert limited.retry_after_s < 30, limited
            time.sleep(limited.retry_after_s)
            continue
        orders += page.orders
        errors += page.mapping_errors
        cursor = page.next_cursor
        if page.done:
            return orders, errors, cursor


def test_pulls_every_order_once_across_pages(shopify_server):
    shopify_server.add_orders(11)
    adapter = adapter_for(shopify_server, page_size=5)
    orders, errors, _ = pull_all(adapter)
    assert errors == []
    assert len({o.channel_order_id for o in orders}) == len(orders) == 12
    first = orders[0]
    assert first.buyer_name == "Bob Norman"
    assert [line.sku for line in first.lines] == ["IPOD2008GREEN", "IPOD2008RED",
                                                  "IPOD2008BLACK"]
    assert str(first.lines[0].unit_price) == "199.00"
    assert first.address.country_code == "US" and first.address.region == "KY"
    assert first.status == "open"


def test_next_pass_brings_only_changed_orders(shopify_server):
    adapter = adapter_for(shopify_server, page_size=5)
    shopify_server.add_orders(4)
    _, _, cursor = pull_all(adapter)
    again, _, cursor = pull_all(adapter, cursor)
    assert again == []  # the overlap window re-reads them, dedup drops them
    changed = sorted(shopify_server.orders)[2]
    shopify_server.touch(changed, cancelledAt="2025-01-01T00:00:00Z")
    orders, _, _ = pull_all(adapter, cursor)
    assert [(o.channel_order_id, o.status) for o in orders] == [(changed, "cancelled")]


def test_duplicate_page_is_delivered_once(shopify_server):
    shopify_server.add_orders(9)
    shopify_server.faults.inject("dup", match="PackdeskOrders", count=2)
    orders, _, _ = pull_all(adapter_for(shopify_server, page_size=3))
    assert len(orders) == len({o.channel_order_id for o in orders}) == 10


def test_unmappable_order_is_reported_not_raised(shopify_server):
    [bad] = shopify_server.add_orders(1)
    shopify_server.orders[bad]["lineItems"]["nodes"][0]["quantity"] = "two"
    orders, errors, _ = pull_all(adapter_for(shopify_server))
    assert len(orders) == 1
    assert [(e.channel_order_id, e.channel) for e in errors] == [(bad, "shopify")]
    assert "quantity" in errors[0].reason and "'two'" in errors[0].reason


def test_fulfilment_with_tracking_is_applied_once(shopify_server):
    adapter = adapter_for(shopify_server)
    order_id = next(iter(shopify_server.orders))
    parcel = Fulfilment(order_id, "1Z999AA10123456784", "UPS", (), "outbox-17")
    assert adapter.push_fulfilment(parcel).already_applied is False
    assert adapter.push_fulfilment(parcel).already_applied is True
    assert [a["tracking"] for a in shopify_server.applied] == ["1Z999AA10123456784"]
    [order], _, _ = pull_all(adapter)
    assert order.status == "fulfilled" and order.tracking_number == "1Z999AA10123456784"


def test_partial_fulfilment_ships_only_named_lines(shopify_server):
    adapter = adapter_for(shopify_server)
    order_id = next(iter(shopify_server.orders))
    line = shopify_server.orders[order_id]["lineItems"]["nodes"][1]["id"]
    adapter.push_fulfilment(Fulfilment(order_id, "T-1", "UPS", (FulfilmentLine(line, 1),), "k1"))
    assert shopify_server.orders[order_id]["displayFulfillmentStatus"] == "PARTIALLY_FULFILLED"
    with pytest.raises(ChannelRejected, match="nothing left"):
        adapter.push_fulfilment(Fulfilment(order_id, "T-2", "UPS", (FulfilmentLine(line, 1),),
                                           "k2"))


def test_fulfilment_for_unknown_order_is_rejected(shopify_server):
    with pytest.raises(ChannelRejected, match="not found"):
        adapter_for(shopify_server).push_fulfilment(
            Fulfilment("gid://shopify/Order/1", "T", "UPS", (), "k"))


def test_stock_compare_and_set(shopify_server):
    adapter = adapter_for(shopify_server)
    assert adapter.read_stock("IPOD2008RED") == 6
    adapter.set_stock(StockLevel("IPOD2008RED", 4, 6, "outbox-1"))
    assert adapter.read_stock("IPOD2008RED") == 4
    with pytest.raises(StaleStock) as stale:
        adapter.set_stock(StockLevel("IPOD2008RED", 3, 6, "outbox-2"))
    assert stale.value.remote_quantity == 4
    assert shopify_server.inventory["IPOD2008RED"]["available"] == 4


def test_stock_retry_with_same_key_applies_once(shopify_server):
    adapter = adapter_for(shopify_server)
    level = StockLevel("IPOD2008GREEN", 2, 6, "outbox-9")
    shopify_server.faults.inject("drop", match="PackdeskSetStock", after_apply=True)
    with pytest.raises(Exception, match="connection failed"):
        adapter.set_stock(level)
    adapter.set_stock(level)  # same key, same numbers: Shopify replays the first answer
    assert [a["quantity"] for a in shopify_server.applied] == [2]


def test_unknown_sku_is_rejected_with_its_name(shopify_server):
    with pytest.raises(ChannelRejected, match="NOPE-1"):
        adapter_for(shopify_server).read_stock("NOPE-1")


def test_throttle_becomes_rate_limited(shopify_server):
    shopify_server.faults.inject("throttle")
    with pytest.raises(RateLimited) as limited:
        adapter_for(shopify_server).pull_orders(None)
    assert limited.value.retry_after_s > 0


def test_wrong_token_is_rejected(shopify_server):
    credentials = ShopifyCredentials(shopify_server.url, "shpat_wrong", shopify_server.location_id)
    with pytest.raises(ChannelRejected, match="credentials refused"):
        ShopifyAdapter(credentials).pull_orders(None)


def test_credentials_never_show_the_token(shopify_server):
    credentials = ShopifyCredentials(shopify_server.url, shopify_server.token, "loc")
    assert shopify_server.token not in repr(credentials)


def test_plain_http_to_a_remote_host_is_refused():
    with pytest.raises(ValueError, match="https"):
        ShopifyAdapter(ShopifyCredentials("http://shop.example.com", "t", "loc"))
