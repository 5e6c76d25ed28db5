"""A backfill reads one bulk export, not thousands of cost-limited pages (issue 20: intake of
a big shop; Shopify prices a paged orders query so that a page holds about 16 orders).

The test server implements bulk operations from shopify.dev (shopify_bulk_server.py): the
JSONL's line items come as their own lines, in no promised order; the file is fetched from
pre-signed storage without the shop's token."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sync.base import ChannelRejected, Page
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.channel_servers.shopify_server import ShopifyServer


def _server(count: int, start: datetime | None = None) -> ShopifyServer:
    server = ShopifyServer(order_count=0, bucket_size=1e9, restore_rate=1e9,
                           start=start or datetime.now(UTC) - timedelta(days=2))
    server.start()
    server.add_orders(count)
    return server


def _adapter(server: ShopifyServer, **options) -> ShopifyAdapter:
    return ShopifyAdapter(ShopifyCredentials(server.url, server.token, server.location_id),
                          **options)


def _pull(adapter: ShopifyAdapter, cursor: str | None = None, stop_after: int | None = None
          ) -> tuple[list, str]:
    orders: list = []
    while True:
        page: Page = adapter.pull_orders(cursor)
        orders += page.orders
        cursor = page.next_cursor
        if page.done or (stop_after is not None and len(orders) >= stop_after):
            return orders, cursor


def _operations(server: ShopifyServer) -> list[str]:
    return [label.rsplit(" ", 1)[-1] for label in server.request_log if "graphql" in label]


def test_a_backfill_is_one_bulk_export_with_every_line_of_every_order():
    server = _server(600)
    try:
        big = server.add_orders(1)[0]  # an order of 230 lines: a page would need 24 asks
        lines = server.orders[big]["lineItems"]["nodes"]
        server.orders[big]["lineItems"]["nodes"] = [
            {**lines[0], "id": f"gid://shopify/LineItem/9{n:04d}", "sku": f"SKU-{n}"}
            for n in range(230)]
        adapter = _adapter(server, overlap=timedelta(minutes=1))
        orders, cursor = _pull(adapter)
        ids = [o.channel_order_id for o in orders]
        assert len(ids) == 601 == len(set(ids))
        assert len(next(o for o in orders if o.channel_order_id == big).lines) == 230
        assert all(len(o.lines) == 3 for o in orders if o.channel_order_id != big)
        calls = _operations(server)
        assert calls.count("PackdeskBulkOrders") == 1
        # what changed during the export comes by pages: the last minute (the overlap) of
        # a shop that took an order a second is 60 orders, 4 pages of 16
        # (the big order is in that minute: its lines beyond the page's 10 are asked for)
        assert 1 <= calls.count("PackdeskOrders") <= 5
        assert calls.count("PackdeskOrderLineItems") <= 3
        # the file came from storage, and the shop's token did not go with it
        assert len(server.bulk_downloads) == 1
        assert "x-shopify-access-token" not in server.bulk_downloads[0]
        # steady state: the next pass is recent, so pages, no second export
        server.touch(server.add_orders(1)[0])
        more, _ = _pull(adapter, cursor)
        assert len(more) == 1 and _operations(server).count("PackdeskBulkOrders") == 1
        adapter.close()
    finally:
        server.stop()


def test_a_process_killed_halfway_through_the_file_goes_on_where_the_store_left_off():
    server = _server(700)
    try:
        first = _adapter(server)
        taken, cursor = _pull(first, stop_after=250)
        assert json.loads(cursor)["page"].startswith("bulk:")
        first.close()  # killed: the downloaded file is gone with the process
        second = _adapter(server)
        rest, _ = _pull(second, cursor)
        ids = [o.channel_order_id for o in taken + rest]
        assert len(ids) == 700 == len(set(ids))
        assert _operations(server).count("PackdeskBulkOrders") == 1  # the same export
        assert len(server.bulk_downloads) == 2
        second.close()
    finally:
        server.stop()


@pytest.mark.parametrize("code", ["INTERNAL_SERVER_ERROR", "TIMEOUT"])
def test_an_export_shopify_could_not_finish_falls_back_to_pages(code):
    server = _server(60)
    try:
        server.bulk_fail_with = code
        adapter = _adapter(server)
        orders, _ = _pull(adapter)
        assert len({o.channel_order_id for o in orders}) == 60
        assert "PackdeskOrders" in _operations(server)
        adapter.close()
    finally:
        server.stop()


def test_an_export_denied_names_the_access_scope_to_give():
    server = _server(5)
    try:
        server.bulk_fail_with = "ACCESS_DENIED"
        adapter = _adapter(server)
        with pytest.raises(ChannelRejected, match="read_orders"):
            _pull(adapter)
        adapter.close()
    finally:
        server.stop()


def test_an_export_still_running_ends_the_cycle_and_the_next_one_picks_it_up():
    server = _server(40)
    try:
        server.bulk_delay_s = 1.0
        adapter = _adapter(server, bulk_wait_s=0.1)
        page = adapter.pull_orders(None)
        assert page.done and page.orders == []  # the cycle goes on to push the outbox
        assert json.loads(page.next_cursor)["page"].startswith("bulk:")
        later = _adapter(server, bulk_wait_s=5)
        orders, _ = _pull(later, page.next_cursor)
        assert len({o.channel_order_id for o in orders}) == 40
        assert _operations(server).count("PackdeskBulkOrders") == 1
        adapter.close()
        later.close()
    finally:
        server.stop()


def test_our_own_export_left_running_by_a_killed_process_is_adopted():
    server = _server(30)
    try:
        server.bulk_delay_s = 0.5
        killed = _adapter(server, bulk_wait_s=0.0)
        killed.pull_orders(None)  # started the export, then died before storing a cursor
        killed.close()
        again = _adapter(server, bulk_wait_s=5)
        orders, _ = _pull(again)
        assert len({o.channel_order_id for o in orders}) == 30
        assert _operations(server).count("PackdeskBulkOrders") == 2  # refused, then adopted
        assert len(server.bulk_ops) == 1
        again.close()
    finally:
        server.stop()


def test_an_expired_export_starts_again():
    server = _server(300)
    try:
        first = _adapter(server)
        taken, cursor = _pull(first, stop_after=250)
        first.close()
        server.expire_bulk(next(iter(server.bulk_ops)))  # a week later
        second = _adapter(server)
        rest, _ = _pull(second, cursor)
        assert {o.channel_order_id for o in taken + rest} == set(server.orders)
        second.close()
    finally:
        server.stop()


def test_a_recent_window_reads_pages():
    server = _server(20, start=datetime.now(UTC) - timedelta(minutes=30))
    try:
        adapter = _adapter(server, lookback=timedelta(hours=1))
        orders, _ = _pull(adapter)
        assert len(orders) == 20 and "PackdeskBulkOrders" not in _operations(server)
        adapter.close()
    finally:
        server.stop()
