"""Every fault on every channel: the adapter raises a channel error, a retry finishes the job,
and the change lands exactly once."""

from __future__ import annotations

import pytest

from sync.base import ChannelDataError, ChannelError, ChannelUnavailable, RateLimited
from sync.model import Fulfilment, StockLevel
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from sync.woocommerce import WooCommerceAdapter, WooCredentials
from tests.channel_servers.shopify_server import ShopifyServer
from tests.channel_servers.taobao_server import TaobaoServer
from tests.channel_servers.woo_server import WooServer

FAULTS = [("429", RateLimited), ("500", ChannelUnavailable), ("503", ChannelUnavailable),
          ("slow", ChannelUnavailable), ("drop", ChannelUnavailable),
          ("malformed", ChannelDataError)]


def shopify(server):
    return ShopifyAdapter(ShopifyCredentials(server.url, server.token, server.location_id),
                          timeout_s=0.5)


def woo(server):
    return WooCommerceAdapter(WooCredentials(server.url, server.consumer_key,
                                             server.consumer_secret), timeout_s=0.5)


def taobao(server):
    return TaobaoAdapter(TaobaoCredentials(f"{server.url}/router/rest", server.app_key,
                                           server.app_secret, server.session), timeout_s=0.5)


CHANNELS = {
    "shopify": (ShopifyServer, shopify, "PackdeskFulfillmentCreate", "PackdeskSetStock",
                "IPOD2008RED", 6),
    "woocommerce": (WooServer, woo, "PUT /wp-json/wc/v3/orders", "PUT /wp-json/wc/v3/products",
                    "WOO-SHIRT-M", 5),
    "taobao": (TaobaoServer, taobao, "logistics.offline.send", "item.quantity.update",
               "TB-CUP-RED", 10),
}


def retry(action, attempts: int = 4):
    """What the runner does: try again after a channel error, up to a bound."""
    for _ in range(attempts - 1):
        try:
            return action()
        except ChannelError:
            continue
    return action()


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(("fault", "error"), FAULTS)
def test_pull_survives(channel, fault, error):
    server_type, make, *_ = CHANNELS[channel]
    with server_type() as server:
        adapter = make(server)
        server.faults.inject(fault, delay_s=1.5)
        with pytest.raises(error):
            adapter.pull_orders(None)
        orders, cursor, done = [], None, False
        while not done:
            page = retry(lambda c=cursor: adapter.pull_orders(c))
            orders, cursor, done = orders + page.orders, page.next_cursor, page.done
        assert orders and len(orders) == len({o.channel_order_id for o in orders})


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("fault", ["500", "drop", "slow", "malformed"])
def test_fulfilment_lands_once_when_the_answer_is_lost(channel, fault):
    server_type, make, fulfil_op, *_ = CHANNELS[channel]
    with server_type() as server:
        adapter = make(server)
        order_id = str(next(iter(getattr(server, "orders", None) or server.trades)))
        parcel = Fulfilment(order_id, "TRACK-1", "UPS", (), "outbox-1")
        server.faults.inject(fault, match=fulfil_op, after_apply=True, delay_s=1.5)
        with pytest.raises(ChannelError):
            adapter.push_fulfilment(parcel)
        result = retry(lambda: adapter.push_fulfilment(parcel))
        # a slow answer may still be on its way when we retry; then our retry did the work
        assert result.already_applied is (fault != "slow")
        assert server.wait_idle()
        shipped = [a for a in server.applied if a["op"] in
                   ("fulfillmentCreate", "order_update", "logistics.offline.send")]
        if fault == "slow" and channel == "woocommerce":
            # no idempotency key at Woo: a write still in flight may be repeated; it is an
            # absolute "completed", so the order ends the same, and the note is not repeated
            assert {a.get("status") for a in shipped} == {"completed"}
            assert len(server.notes[int(order_id)]) == 1
        else:
            assert len(shipped) == 1


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("fault", ["429", "500", "drop", "slow", "malformed"])
def test_stock_lands_once_when_the_answer_is_lost(channel, fault):
    server_type, make, _, stock_op, sku, start = CHANNELS[channel]
    with server_type() as server:
        adapter = make(server)
        level = StockLevel(sku, start - 2, start, "outbox-2")
        server.faults.inject(fault, match=stock_op, after_apply=fault != "429", delay_s=1.5)
        with pytest.raises(ChannelError):
            adapter.set_stock(level)
        retry(lambda: adapter.set_stock(level))
        assert server.wait_idle()
        writes = [a["quantity"] for a in server.applied if a.get("sku") == sku]
        if fault == "slow" and channel != "shopify":
            # without idempotency keys an in-flight absolute write may be repeated, same value
            assert set(writes) == {start - 2}
        else:
            assert writes == [start - 2]
        assert adapter.read_stock(sku) == start - 2
