"""The catalogue pulled from a channel: Shopify `productVariants` and WooCommerce products
and variations, from local servers written from the platforms' docs, into a real SQLite
store; and `packdesk products pull` as a process."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone

from app.services import catalogue
from app.services.catalogue import ProductInput
from app.services.catalogue_conflicts import open_conflicts
from app.services.stock import stock_history
from sync.catalogue_pull import pull_catalogue, report_lines
from tests.parts.file_keyring import FileKeyring, child_env
from tests.parts.store_faults import ROOT
from tests.parts.sync_store import connect_shopify, connect_taobao, connect_woo


def _product(uow, sku):
    with uow() as u:
        product = u.products.get(sku)
        return (product.name, [b.code for b in product.barcodes], product.weight_g,
                product.weight_from_channel, product.image_url)


def _on_hand(uow, sku):
    with uow() as u:
        item = u.stock.get(sku)
        return None if item is None else item.on_hand


def test_shopify_variants_come_in_with_barcode_weight_picture_and_opening_stock(
        uow, credentials, shopify_server):
    connect_shopify(uow, credentials, shopify_server, "shop")
    report = pull_catalogue(uow, "shop", "Sam", credentials)
    assert (report.added, report.updated, report.without_sku) == (4, 0, 1)
    assert _product(uow, "IPOD2008GREEN") == (
        "IPod Nano - 8gb – green", ["4006381333931"], 200, "shop",
        "https://cdn.shopify.com/s/files/1/0000/0001/products/ipod-nano-green.png")
    # KILOGRAMS, OUNCES, POUNDS in whole grams; the product's picture when the variant has none
    assert _product(uow, "IPOD2008RED")[1:4] == (["012345678905"], 200, "shop")
    assert _product(uow, "IPOD2008RED")[4].endswith("/ipod-nano.png")
    assert _product(uow, "IPOD2008BLACK")[2] == 200
    assert _product(uow, "TEA-OOLONG")[0:3:2] == ("Oolong tea 100 g", 113)
    # a barcode with a wrong check digit is left out, named, and the product still comes in
    assert _product(uow, "IPOD2008BLACK")[1] == []
    lines = report_lines(report)
    assert any(line.startswith("IPOD2008BLACK: Barcode left out (fix it at the channel and "
                               "pull again): The barcode 4006381333932 is not a valid GTIN") for line in lines), lines
    assert "without a SKU, not taken: 1" in lines[1]
    # stock: an opening balance through the ledger; 0 available makes no move
    assert (report.stocked, report.units) == (3, 54)
    assert (_on_hand(uow, "IPOD2008GREEN"), _on_hand(uow, "IPOD2008BLACK")) == (10, None)
    moves = stock_history(uow(), "IPOD2008GREEN")
    assert [(m.reason, m.quantity) for m in moves.rows] == [(catalogue.OPENING_STOCK, 10)]
    # every page fitted the single-query limit; Shopify charged what it documents
    assert all(requested <= 1000 for op, requested, _ in shopify_server.costs
               if op == "PackdeskCatalogue")


def test_a_re_pull_asks_for_what_changed_follows_the_channel_and_keeps_differences(
        uow, credentials, shopify_server):
    connect_shopify(uow, credentials, shopify_server, "shop")
    pull_catalogue(uow, "shop", "Sam", credentials)
    view = catalogue.product_details(uow(), "IPOD2008RED")
    catalogue.save_product(uow(), ProductInput("IPOD2008RED", view.name, view.barcode, 215))
    shopify_server.set_variant("IPOD2008RED", weight=("GRAMS", 230.0))
    shopify_server.set_variant("IPOD2008GREEN", weight=("GRAMS", 210.0),
                               barcode="4006381333948")
    shopify_server.set_variant("TEA-OOLONG", title="Tin")
    served = dict(shopify_server.variants_served)
    report = pull_catalogue(uow, "shop", "Sam", credentials)
    # only the three variants edited since the first pull were asked for and sent
    assert shopify_server.catalogue_queries[-1].startswith("updated_at:>='")
    assert sum((shopify_server.variants_served - Counter(served)).values()) == 3
    assert (report.added, report.updated, report.units) == (0, 3, 0)  # stock counted once
    assert _product(uow, "IPOD2008RED")[2:4] == (215, "")  # the person's figure stays
    assert _product(uow, "IPOD2008GREEN")[2] == 210  # the channel's own weight follows it
    # a different barcode is not added beside the old one: it waits for a supervisor
    assert _product(uow, "IPOD2008GREEN")[1] == ["4006381333931"]
    assert _product(uow, "TEA-OOLONG")[0] == "Oolong tea 100 g – Tin"  # the channel's name
    waiting = {(c.sku, c.field, c.kept, c.kept_from, c.offered, c.offered_from)
               for c in open_conflicts(uow())}
    assert waiting == {("IPOD2008RED", "weight_g", "215", "", "230", "shop"),
                       ("IPOD2008GREEN", "barcode", "4006381333931", "shop", "4006381333948",
                        "shop")}
    assert report.conflicts == 2
    assert "Differences with the products kept for a supervisor to settle: 2" \
        in "\n".join(report_lines(report))
    assert _on_hand(uow, "IPOD2008GREEN") == 10
    assert len(stock_history(uow(), "IPOD2008GREEN").rows) == 1
    # pulled again: the variants edited within the overlap (OVERLAP, for clocks that differ)
    # come again and change nothing; the differences are not raised twice
    again = pull_catalogue(uow, "shop", "Sam", credentials)
    assert (again.added, again.updated, again.conflicts) == (0, 3, 0)
    assert len(open_conflicts(uow())) == 2


def test_a_large_shopify_catalogue_is_paged_within_the_query_cost_limit(
        uow, credentials, shopify_server):
    shopify_server.add_variants(130)
    connect_shopify(uow, credentials, shopify_server, "shop")
    report = pull_catalogue(uow, "shop", "Sam", credentials)
    assert report.added == 134
    pages = [c for c in shopify_server.costs if c[0] == "PackdeskCatalogue"]
    assert len(pages) == 3 and all(requested <= 1000 for _, requested, _ in pages)


def test_woocommerce_products_and_variations_with_their_gtin(uow, credentials, woo_server):
    connect_woo(uow, credentials, woo_server, "woo")
    report = pull_catalogue(uow, "woo", "Sam", credentials)
    assert (report.added, report.notes) == (3, [])
    assert _product(uow, "WOO-SINGLE")[:4] == ("Premium Quality", ["4006381333931"], 250, "woo")
    assert _product(uow, "WOO-SHIRT-S")[0:3:2] == ("Ship Your Idea – Green", 180)
    assert _product(uow, "WOO-SHIRT-S")[4].endswith("/T_3_front-12.jpg")
    assert (_on_hand(uow, "WOO-SINGLE"), _on_hand(uow, "WOO-SHIRT-M")) == (10, 5)
    # a store that weighs in grams
    woo_server.weight_unit = "g"
    woo_server.edit_product("WOO-SINGLE", weight="260")
    again = pull_catalogue(uow, "woo", "Sam", credentials)
    assert _product(uow, "WOO-SINGLE")[2] == 260
    assert again.updated == 1  # only the product modified since (modified_after)


def test_products_pull_on_the_command_line(tmp_path, sqlite_url, shopify_server):
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.domain.people import Role
    from app.services.auth import add_packer
    from sync.credentials import CredentialStore

    store = open_store(sqlite_url)
    keys = tmp_path / "keyring.json"
    connect_shopify(uow_factory(store.session_factory), CredentialStore(FileKeyring(keys)),
                    shopify_server, "shop")
    add_packer(uow_factory(store.session_factory)(), "Sam", "9999", Role.SUPERVISOR)
    store.dispose()
    env = {**child_env(keys), "PACKDESK_SUPERVISOR": "Sam", "PACKDESK_PIN": "9999"}
    done = subprocess.run([sys.executable, "main.py", "--db", sqlite_url, "products", "pull",
                           "--channel", "shop"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr  # one barcode left out, one variant without SKU
    assert done.stdout.startswith("From shop: products added 4, changed 0. Opening stock: "
                                  "54 units for 3 SKUs"), done.stdout
    assert "IPOD2008BLACK: Barcode left out" in done.stdout
    listing = subprocess.run([sys.executable, "main.py", "--db", sqlite_url, "products",
                              "list", "IPOD"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
    assert "IPOD2008GREEN\tIPod Nano - 8gb – green\t4006381333931\t200 g" in listing.stdout
    missing = subprocess.run([sys.executable, "main.py", "--db", sqlite_url, "products",
                              "pull", "--channel", "nope"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "There is no channel nope" in missing.stderr


def test_taobao_items_and_their_skus_by_merchant_code(uow, credentials, taobao_server):
    connect_taobao(uow, credentials, taobao_server, "tb")
    report = pull_catalogue(uow, "tb", "Sam", credentials)
    assert (report.added, report.notes, report.without_sku) == (3, [], 0)
    assert _product(uow, "TB-CUP-RED")[:4] == ("青瓷茶杯 – 红色", ["6903244981002"], 0, "")
    assert _product(uow, "TB-CUP-RED")[4] == "https://img.alicdn.com/bao/uploaded/i1/cup.jpg"
    assert _product(uow, "TB-TEA")[:2] == ("乌龙茶 100g", ["6901234567892"])
    assert (_on_hand(uow, "TB-CUP-BLUE"), _on_hand(uow, "TB-TEA")) == (20, 12)
    # the item with SKUs is not a product of its own: its SKUs are what is packed
    with uow() as u:
        assert u.products.get("TB-CUP") is None
    methods = [line.split()[-1] for line in taobao_server.request_log]
    assert methods.count("taobao.item.seller.get") == 2


def test_a_catalogue_of_thousands_of_variants_comes_through_one_bulk_export(
        uow, credentials, shopify_server):
    shopify_server.add_variants(2000)
    connect_shopify(uow, credentials, shopify_server, "shop")
    report = pull_catalogue(uow, "shop", "Sam", credentials)
    assert (report.added, report.without_sku) == (2004, 1)
    operations = [op for op, _, _ in shopify_server.costs]
    assert "PackdeskCatalogue" not in operations  # no page was read
    assert operations.count("PackdeskBulkOrders") == 1
    [download] = shopify_server.bulk_downloads
    assert "x-shopify-access-token" not in download  # pre-signed storage, not the shop
    # the same figures as the pages give: weight in grams, stock at the bench's location
    assert _product(uow, "IPOD2008RED")[1:4] == (["012345678905"], 200, "shop")
    assert _product(uow, "IPOD2008RED")[4].endswith("/ipod-nano.png")
    assert (_on_hand(uow, "IPOD2008GREEN"), _on_hand(uow, "SOCK-01999")) == (10, 3)
    assert _product(uow, "SOCK-01999")[2] == 40


def test_taobao_is_asked_only_for_items_modified_since_the_last_pull(
        uow, credentials, taobao_server):
    connect_taobao(uow, credentials, taobao_server, "tb")
    pull_catalogue(uow, "tb", "Sam", credentials)
    assert taobao_server.onsale_asked[-1] == ("", 2)  # the first pull: everything
    taobao_server.edit_item("520000002", title="乌龙茶 250g")
    report = pull_catalogue(uow, "tb", "Sam", credentials)
    start, matched = taobao_server.onsale_asked[-1]
    assert matched == 1  # the edited item only
    # start_modified in Beijing time: the last pull's start, less the overlap
    beijing_now = datetime.now(timezone(timedelta(hours=8))).replace(tzinfo=None)
    asked = datetime.strptime(start, "%Y-%m-%d %H:%M:%S")
    assert timedelta(minutes=9) < beijing_now - asked < timedelta(minutes=12)
    assert (report.added, report.updated) == (0, 1)
    assert _product(uow, "TB-TEA")[0] == "乌龙茶 250g"
    methods = [line.split()[-1] for line in taobao_server.request_log]
    assert methods.count("taobao.item.seller.get") == 3  # two items, then the edited one


def test_a_bulk_export_of_what_changed_carries_the_updated_at_filter(
        uow, credentials, shopify_server):
    from datetime import UTC

    from app.services.catalogue_channel import note_catalogue_pulled

    shopify_server.add_variants(2000)
    connect_shopify(uow, credentials, shopify_server, "shop")
    pull_catalogue(uow, "shop", "Sam", credentials)
    served = Counter(shopify_server.variants_served)
    with shopify_server.lock:  # the five seeded variants were last edited a week ago
        for node in shopify_server.catalogue[:5]:
            node["updatedAt"] = (datetime.now(UTC) - timedelta(days=7)).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
    # changes since four days ago: the 2000 socks, through one filtered export
    note_catalogue_pulled(uow(), "shop", datetime.now(UTC) - timedelta(days=4))
    pull_catalogue(uow, "shop", "Sam", credentials)
    assert [op for op, _, _ in shopify_server.costs].count("PackdeskBulkOrders") == 2
    assert sum((Counter(shopify_server.variants_served) - served).values()) == 2000
    # since yesterday nothing changed: the count says so, no export is run, no page has any
    served = Counter(shopify_server.variants_served)
    note_catalogue_pulled(uow(), "shop", datetime.now(UTC) - timedelta(days=1))
    report = pull_catalogue(uow, "shop", "Sam", credentials)
    assert [op for op, _, _ in shopify_server.costs].count("PackdeskBulkOrders") == 2
    assert Counter(shopify_server.variants_served) == served
    assert (report.added, report.updated) == (0, 0)


def test_a_day_after_the_last_whole_read_every_variant_is_read_again(
        uow, credentials, woo_server):
    """A WooCommerce variation saved on its own leaves its product's date_modified as it
    was: `modified_after` does not list it, the daily whole read does."""
    from datetime import UTC

    connect_woo(uow, credentials, woo_server, "woo")
    pull_catalogue(uow, "woo", "Sam", credentials)
    woo_server.edit_product("WOO-SHIRT-M", weight="0.19")  # the variation alone
    assert pull_catalogue(uow, "woo", "Sam", credentials).updated == 0
    assert _product(uow, "WOO-SHIRT-M")[2] == 180
    with uow() as u:  # the last whole read was a day ago
        u.outbox.channel("woo").catalogue_whole_at = datetime.now(UTC) - timedelta(days=1)
        u.commit()
    report = pull_catalogue(uow, "woo", "Sam", credentials)
    assert report.since is None and report.updated == 3
    assert _product(uow, "WOO-SHIRT-M")[2] == 190
    assert pull_catalogue(uow, "woo", "Sam", credentials).since is not None
