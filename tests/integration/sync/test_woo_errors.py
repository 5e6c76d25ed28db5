"""WooCommerce answers that are not the store's JSON: a moved store, and a host that strips
the Authorization header (Woo's REST docs: "Occasionally some servers may not parse the
Authorization header correctly ... you may provide the consumer key/secret as query string
parameters instead", over HTTPS; over plain HTTP Woo only reads OAuth 1.0a)."""

from __future__ import annotations

import pytest

from sync.base import ChannelRejected
from sync.model import Fulfilment
from sync.woocommerce import WooCommerceAdapter, WooCredentials
from tests.channel_servers.woo_server import WooServer
from tests.parts.tls import local_tls


def adapter_for(server: WooServer, secret: str | None = None, **options) -> WooCommerceAdapter:
    return WooCommerceAdapter(WooCredentials(server.url, server.consumer_key,
                                             secret or server.consumer_secret), **options)


@pytest.fixture
def tls(tmp_path):
    return local_tls(tmp_path)


def https_server(tls, **options) -> WooServer:
    server = WooServer(**options)
    server.ssl_context = tls[0]
    return server


@pytest.mark.parametrize(("status", "location"), [
    (301, "https://shop.example.net/wp-json/wc/v3/orders"),  # the store moved host
    (302, "http://127.0.0.1:9/wp-json/wc/v3/orders"),         # or down to plain http
])
def test_a_redirect_says_where_it_leads(status, location):
    with WooServer(redirect_to=location, redirect_status=status) as server, \
            pytest.raises(ChannelRejected) as refused:
        adapter_for(server).pull_orders(None)
    assert f"redirected to {location}" in str(refused.value)
    assert "not valid JSON" not in str(refused.value)


def test_the_https_test_store_works_with_the_header(tls):
    with https_server(tls) as server:
        orders = adapter_for(server, verify=tls[1]).pull_orders(None).orders
    assert orders and server.keys_in_query == []


def test_a_host_stripping_authorization_gets_query_keys_over_https(tls):
    with https_server(tls, strip_authorization=True) as server:
        adapter = adapter_for(server, verify=tls[1])
        page = adapter.pull_orders(None)
        assert page.orders
        order_id = page.orders[0].channel_order_id
        result = adapter.push_fulfilment(Fulfilment(order_id, "1Z999", "UPS", (), "outbox-7"))
        assert result.already_applied is False
        assert server.orders[int(order_id)]["status"] == "completed"
    assert server.keys_in_query and set(server.keys_in_query) == {"https"}


def test_wrong_keys_on_such_a_host_are_still_refused(tls):
    with https_server(tls, strip_authorization=True) as server, \
            pytest.raises(ChannelRejected, match="credentials refused.*Consumer secret is invalid"):
        adapter_for(server, secret="cs_wrong", verify=tls[1]).pull_orders(None)


def test_over_plain_http_the_keys_never_go_into_the_address():
    with WooServer(strip_authorization=True) as server, \
            pytest.raises(ChannelRejected) as refused:
        adapter_for(server).pull_orders(None)
    message = str(refused.value)
    assert "Authorization header" in message and "https" in message
    assert server.keys_in_query == []
