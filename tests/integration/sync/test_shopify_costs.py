"""Shopify's query cost as Shopify reports it: waits come from the answer's
extensions.cost (requestedQueryCost, throttleStatus.currentlyAvailable and restoreRate), and
a query over the single-query limit (MAX_COST_EXCEEDED) is asked again with a smaller page."""

from __future__ import annotations

import pytest

from sync import shopify_queries as q
from sync.base import RateLimited
from sync.model import Fulfilment, StockLevel
from tests.channel_servers.graphql_cost import MAX_SINGLE_QUERY_COST, requested_cost
from tests.channel_servers.shopify_server import ShopifyServer
from tests.integration.sync.test_shopify_adapter import adapter_for, pull_all


def orders_cost(first: int) -> int:
    return requested_cost(q.ORDERS, {"first": first, "after": None, "query": ""})


def test_a_page_over_the_single_query_limit_is_asked_again_smaller():
    with ShopifyServer(order_count=7) as server:
        orders, errors, _ = pull_all(adapter_for(server, page_size=50))  # too big a page
        asked = [line for line in server.request_log if "PackdeskOrders" in line]
    assert errors == [] and len({o.channel_order_id for o in orders}) == 7
    assert orders_cost(50) > MAX_SINGLE_QUERY_COST
    assert all(requested <= MAX_SINGLE_QUERY_COST for _, requested, _ in server.costs)
    # one refused page, then pages that fit
    assert len(asked) == 1 + len([c for c in server.costs if c[0] == "PackdeskOrders"])


def test_throttled_waits_for_the_cost_shopify_named():
    with ShopifyServer(order_count=2, restore_rate=50.0) as server:
        adapter = adapter_for(server, page_size=2)
        server.faults.inject("throttle")
        with pytest.raises(RateLimited) as limited:
            adapter.pull_orders(None)
    # the bucket is empty: the requested cost refills at restoreRate points a second
    assert limited.value.retry_after_s == pytest.approx(orders_cost(2) / 50.0, abs=0.5)


def test_a_low_bucket_waits_before_asking_with_the_cost_shopify_named():
    requested = orders_cost(2)
    with ShopifyServer(bucket_size=requested + 13, restore_rate=0.5) as server:
        adapter = adapter_for(server, page_size=2)
        adapter.pull_orders(None)  # takes `requested`, refunded down to the actual cost
        _, _, actual = server.costs[-1]
        available = requested + 13 - actual
        with pytest.raises(RateLimited, match="bucket low") as limited:
            adapter.pull_orders(None)
        assert len(server.request_log) == 1
    assert limited.value.retry_after_s == pytest.approx((requested - available) / 0.5, abs=1.0)


def test_every_call_packdesk_makes_fits_the_single_query_limit(shopify_server):
    adapter = adapter_for(shopify_server, page_size=2)
    orders, _, _ = pull_all(adapter)
    adapter.push_fulfilment(Fulfilment(orders[0].channel_order_id, "1Z999", "UPS", (), "k-1"))
    start = adapter.read_stock("IPOD2008RED")
    adapter.set_stock(StockLevel("IPOD2008RED", start - 1, start, "k-2"))
    answered = {operation for operation, _, _ in shopify_server.costs}
    assert {"PackdeskOrders", "PackdeskFulfillmentOrders", "PackdeskFulfillmentCreate",
            "PackdeskInventoryItem", "PackdeskSetStock"} <= answered


def test_the_default_orders_page_fits_the_single_query_limit():
    """Shopify prices a query by its `first:` sizes: the page the adapter asks for by
    default must fit, so a pull does not start every cycle with a refused request."""
    with ShopifyServer(order_count=40) as server:
        orders, errors, _ = pull_all(adapter_for(server))
        asked = [line for line in server.request_log if "PackdeskOrders" in line]
    assert errors == [] and len({o.channel_order_id for o in orders}) == 40
    assert len(asked) == len([c for c in server.costs if c[0] == "PackdeskOrders"])  # none refused
    assert len(asked) <= 4  # 16 orders a page, not 2
