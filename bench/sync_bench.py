"""ingest_map_orders_per_s: pull + map orders from each local channel server (no store yet)."""

from __future__ import annotations

import time

from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.woocommerce import WooCommerceAdapter, WooCredentials
from tests.channel_servers.shopify_server import ShopifyServer
from tests.channel_servers.woo_server import WooServer

ORDERS = 2000


def _drain(adapter) -> int:
    cursor, done, count = None, False, 0
    while not done:
        page = adapter.pull_orders(cursor)
        count += len(page.orders) + len(page.mapping_errors)
        cursor, done = page.next_cursor, page.done
    return count


def _measure(server, make) -> tuple[float, int]:
    with server:
        adapter = make(server)
        started = time.perf_counter()
        count = _drain(adapter)
        elapsed = time.perf_counter() - started
        adapter.close()
    return count / elapsed, count


def run() -> list[dict]:
    shopify_rate, n1 = _measure(
        ShopifyServer(order_count=ORDERS, bucket_size=1e9, restore_rate=1e9),
        lambda s: ShopifyAdapter(ShopifyCredentials(s.url, s.token, s.location_id),
                                 page_size=100))
    woo = WooServer(order_count=0)
    woo.add_orders(ORDERS)
    woo_rate, n2 = _measure(woo, lambda s: WooCommerceAdapter(
        WooCredentials(s.url, s.consumer_key, s.consumer_secret), page_size=100))
    note = "local 127.0.0.1 server, page 100, pull + map + dedup; no store"
    return [
        {"key": "ingest_map_orders_per_s.shopify", "value": shopify_rate, "unit": "orders/s",
         "target": ">= 2000 (with store)", "note": f"{n1} orders; {note}"},
        {"key": "ingest_map_orders_per_s.woocommerce", "value": woo_rate, "unit": "orders/s",
         "target": ">= 2000 (with store)", "note": f"{n2} orders; {note}"},
    ]
