"""The catalogue pulled in the background by several `packdesk sync` PROCESSES on one store
(stations and a cron job), on SQLite and on PostgreSQL: one runner at a time pulls a
channel's catalogue (its lease), so the channel hands out each variant once; the next pull
asks only for what changed since; a process killed mid-pull leaves its time unmoved and
the next runner pulls the whole of it again."""

from __future__ import annotations

import signal
from collections import Counter

from tests.channel_servers.shopify_server import ShopifyServer
from tests.channel_servers.woo_server import WooServer
from tests.parts.sync_store import connect_shopify, connect_woo

EXTRA_VARIANTS = 130  # with the seeded five: three pages of 50


def _skus(uow) -> set[str]:
    with uow() as u:
        return {p.sku for p in u.products.search("", limit=10_000)}


def _since(uow, code):
    with uow() as u:
        return u.outbox.channel(code).catalogue_since


def test_three_processes_pull_each_variant_once_then_only_what_changed(stations):
    with ShopifyServer(order_count=2, bucket_size=1e6, restore_rate=1e6) as shop, \
            WooServer(order_count=0) as woo:
        shop.add_variants(EXTRA_VARIANTS)
        connect_shopify(stations.uow, stations.credentials, shop)
        connect_woo(stations.uow, stations.credentials, woo)
        # slow pages: the runners are all at it at the same time
        shop.faults.inject("slow", match="PackdeskCatalogue", count=3, delay_s=0.5)
        woo.faults.inject("slow", match="GET /wp-json/wc/v3/products", count=2, delay_s=0.5)
        runners = [stations.start("--once", "--catalogue", name=f"station{n}")
                   for n in (1, 2, 3)]
        report = "\n".join(stations.finish(child) for child in runners)
        shop.wait_idle()
        woo.wait_idle()
        served, woo_served = Counter(shop.variants_served), Counter(woo.catalogue_served)
        skus = _skus(stations.uow)
        assert _since(stations.uow, "shopify") is not None, report
        # an edit at each shop: the next pass asks for it alone
        shop.set_variant("SOCK-00007", title="size 7 (new)")
        woo.edit_product("WOO-SINGLE", name="Premium Quality II")
        cron = stations.start("--once", "--catalogue", name="cron")
        report += "\n" + stations.finish(cron)
        shop.wait_idle()
        woo.wait_idle()
        changed = Counter(shop.variants_served) - served
        woo_changed = Counter(woo.catalogue_served) - woo_served
        query = shop.catalogue_queries[-1]
    assert served == {v["id"]: 1 for v in shop.catalogue}, report
    assert set(woo_served) == {"WOO-SHIRT", "WOO-SINGLE", "WOO-SHIRT-S", "WOO-SHIRT-M"}
    assert set(woo_served.values()) == {1}, (woo_served, report)
    assert {f"SOCK-{i:05d}" for i in range(EXTRA_VARIANTS)} <= skus
    assert {"IPOD2008GREEN", "WOO-SINGLE", "WOO-SHIRT-M"} <= skus
    assert "catalogue: " in report
    assert list(changed.values()) == [1] and len(changed) == 1, (changed, report)
    assert query.startswith("updated_at:>='")
    assert dict(woo_changed) == {"WOO-SINGLE": 1}, (woo_changed, report)
    with stations.uow() as u:
        assert u.products.get("SOCK-00007").name == "Socks – size 7 (new)"
        assert u.products.get("WOO-SINGLE").name == "Premium Quality II"


def test_a_pull_killed_halfway_is_pulled_whole_by_the_next_runner(stations):
    with ShopifyServer(order_count=0, bucket_size=1e6, restore_rate=1e6) as shop:
        shop.add_variants(EXTRA_VARIANTS)
        connect_shopify(stations.uow, stations.credentials, shop)
        shop.faults.inject("slow", match="PackdeskCatalogue", count=2, delay_s=3.0)
        doomed = stations.start("--once", "--catalogue", "--lease", "20", name="doomed")
        assert stations.wait_until(lambda: len(shop.catalogue_queries) >= 1, 60)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(10)
        assert _since(stations.uow, "shopify") is None  # the pull did not finish
        # until the killed runner's lease lapses, another one does not pull
        early = stations.start("--once", "--catalogue", name="early")
        early_report = stations.finish(early)
        assert "catalogue being pulled by doomed" in early_report, early_report
        assert stations.wait_until(lambda: "catalogue being pulled" not in stations.finish(
            stations.start("--once", "--catalogue", name="late")), 60)
        shop.wait_idle()
    assert {f"SOCK-{i:05d}" for i in range(EXTRA_VARIANTS)} <= _skus(stations.uow)
    assert _since(stations.uow, "shopify") is not None
