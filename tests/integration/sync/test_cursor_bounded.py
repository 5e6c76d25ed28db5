"""A long pull pass keeps its cursor small (issue 20): the cursor holds only the order versions
the next pass's overlap can deliver again, not every order of the pass. On a 1M-order backfill
a cursor that grows with the pass is written with every page: quadratic work."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.channel_servers.shopify_server import ShopifyServer


def test_the_cursor_stays_bounded_over_a_long_pass_and_the_overlap_still_dedupes():
    overlap = timedelta(seconds=30)
    # 300 orders, one updated each second: a pass of 300 s against a 30 s overlap
    with ShopifyServer(order_count=0, bucket_size=1e9, restore_rate=1e9,
                       start=datetime.now(UTC) - timedelta(hours=2)) as server:
        server.add_orders(300)
        adapter = ShopifyAdapter(ShopifyCredentials(server.url, server.token,
                                                    server.location_id),
                                 page_size=16, overlap=overlap)
        cursor, done, delivered, largest = None, False, [], 0
        while not done:
            page = adapter.pull_orders(cursor)
            delivered += [o.channel_order_id for o in page.orders]
            cursor, done = page.next_cursor, page.done
            largest = max(largest, len(json.loads(cursor)["seen"]))
        assert sorted(delivered) == sorted(set(delivered)) and len(delivered) == 300
        # the overlap (30 orders) and one page in flight, never the whole pass
        assert largest <= 30 + 16 + 1, largest
        # the next pass starts 30 s before the newest change: nothing delivered twice
        again, done = [], False
        while not done:
            page = adapter.pull_orders(cursor)
            again += page.orders
            cursor, done = page.next_cursor, page.done
        assert again == []
        # and an order changed now arrives in that next pass
        server.touch(server.add_orders(1)[0])
        later, done = [], False
        while not done:
            page = adapter.pull_orders(cursor)
            later += page.orders
            cursor, done = page.next_cursor, page.done
        assert len(later) == 1
        adapter.close()
