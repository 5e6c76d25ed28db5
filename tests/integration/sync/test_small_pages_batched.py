"""A platform whose cost limit keeps its pages small (Shopify: about 16 orders) must not
make intake pay a transaction per page: pages are gathered into one batch of up to
STORE_BATCH orders, stored in steps sized by time (not by page), the cursor stored once
with the batch's last step."""

from __future__ import annotations

from sync import channel_sync
from sync.runner import SyncRunner, adapter_factory
from tests.channel_servers.shopify_server import ShopifyServer
from tests.parts.sync_store import connect_shopify


def test_small_pages_are_stored_together(sync_uow, credentials, monkeypatch):
    stored = []
    real = channel_sync.take_in_with_retries

    def counting(items, uow, cursor=None, **kwargs):
        stored.append((len(items), cursor is not None))
        return real(items, uow, cursor=cursor, **kwargs)

    monkeypatch.setattr(channel_sync, "take_in_with_retries", counting)
    with ShopifyServer(order_count=40) as server:
        connect_shopify(sync_uow, credentials, server)
        runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=5.0))
        (state,) = runner.run_once()
        assert not state.last_result.startswith("error"), state.last_result
        asked = [line for line in server.request_log if "PackdeskOrders" in line]
        ids = list(server.orders)
    assert len(asked) >= 3  # the shop served several pages (16 orders a page)
    assert sum(count for count, _cursor in stored) == 40
    assert [moved for _count, moved in stored] == [False] * (len(stored) - 1) + [True]
    with sync_uow() as u:
        assert all(u.orders.intake_link("shopify", str(i)) is not None for i in ids)
