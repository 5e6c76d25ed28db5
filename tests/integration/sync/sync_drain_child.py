"""A sync process to kill: drains the outbox of DB to the Shopify test server at URL.

Usage: python -m tests.integration.sync.sync_drain_child SQLITE_URL SHOP_URL TOKEN LOCATION [LEASE_S]
"""

from __future__ import annotations

import sys

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from sync.carrier_codes import CarrierCodes
from sync.runner import SyncRunner
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.parts.sync_store import OWN_FLEET


def main(db_url: str, shop_url: str, token: str, location: str, lease_s: str = "300") -> int:
    store = open_store(db_url)
    runner = SyncRunner(uow_factory(store.session_factory, station="sync-child"),
                        lambda channel: ShopifyAdapter(ShopifyCredentials(shop_url, token,
                                                                          location),
                                                       carriers=CarrierCodes("shopify",
                                                                             OWN_FLEET),
                                                       timeout_s=5.0),
                        lease_s=float(lease_s))
    states = runner.run_once()
    print("\n".join(f"{s.code} {s.online} {s.queue_depth} {s.last_result}" for s in states))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
