"""Shopify lines as the Admin API gives them: currentQuantity, and line items in pages.

Shopify's Order.lineItems is a connection: at most `first` lines per page (250 at most), with
pageInfo to ask for the rest; LineItem.currentQuantity is what is left after an order edit
removed units or a refund took them back, while `quantity` stays what was ordered.
"""

from __future__ import annotations

import httpx

from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.validation import order_problems


def _adapter(server) -> ShopifyAdapter:
    return ShopifyAdapter(ShopifyCredentials(server.url, server.token, server.location_id))


def _pull(adapter, cursor=None):
    orders, errors = [], []
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors


def _line(n: int, quantity: int = 1, **extra) -> dict:
    return {"id": f"gid://shopify/LineItem/77{n:04d}", "sku": f"BULK-{n:03d}",
            "name": f"Bulk item {n}", "quantity": quantity,
            "originalUnitPriceSet": {"shopMoney": {"amount": "1.50", "currencyCode": "USD"}},
            **extra}


def test_an_order_of_more_than_100_lines_arrives_whole(shopify_server):
    shopify_server.orders.clear()
    [big] = shopify_server.add_orders(1, lineItems={"nodes": [_line(n) for n in range(230)]})
    orders, errors = _pull(_adapter(shopify_server))
    assert errors == []
    [order] = [o for o in orders if o.channel_order_id == big]
    assert len(order.lines) == 230
    assert [ln.sku for ln in order.lines] == [f"BULK-{n:03d}" for n in range(230)]


def _ask(server, lines_first: int) -> dict:
    query = ("query PackdeskOrders($first: Int!, $after: String, $query: String!) {"
             " orders(first: $first, after: $after, query: $query) { nodes { id"
             f" lineItems(first: {lines_first}) {{ pageInfo {{ hasNextPage endCursor }}"
             " nodes { id } } } } }")
    return httpx.post(f"{server.url}/admin/api/2026-01/graphql.json",
                      headers={"X-Shopify-Access-Token": server.token},
                      json={"query": query, "operationName": "PackdeskOrders",
                            "variables": {"first": 5, "after": None, "query": ""}}).json()


def test_the_server_pages_line_items_as_shopify_does(shopify_server):
    shopify_server.orders.clear()
    shopify_server.add_orders(1, lineItems={"nodes": [_line(n) for n in range(130)]})
    lines = _ask(shopify_server, 100)["data"]["orders"]["nodes"][0]["lineItems"]
    assert len(lines["nodes"]) == 100 and lines["pageInfo"]["hasNextPage"] is True
    refused = _ask(shopify_server, 300)
    assert "data" not in refused and "250" in refused["errors"][0]["message"]


def test_removed_and_refunded_units_are_not_packed(shopify_server):
    shopify_server.orders.clear()
    [edited] = shopify_server.add_orders(1, lineItems={"nodes": [
        _line(1, quantity=3, currentQuantity=1),  # two removed by an order edit
        _line(2, quantity=2, currentQuantity=0),  # refunded in full
        _line(3, quantity=2)]})
    orders, errors = _pull(_adapter(shopify_server))
    assert errors == []
    [order] = [o for o in orders if o.channel_order_id == edited]
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("BULK-001", 1), ("BULK-003", 2)]
    assert order_problems(order) == []
