"""Two channels disagree about one SKU: nothing on the product changes until a supervisor
picks a side, the choice is in the product's trail, and a side turned down is not offered
again. Shopify and WooCommerce are the local servers written from their docs; the store is
a real SQLite file; the command line runs as a process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.domain.errors import NotAllowed
from app.services.catalogue_conflicts import open_conflicts, product_trail, settle_conflict
from sync.catalogue_pull import pull_catalogue
from tests.parts.file_keyring import FileKeyring, child_env
from tests.parts.store_faults import ROOT
from tests.parts.sync_store import connect_shopify, connect_woo

SKU = "IPOD2008RED"
WOO_GTIN = "5901234123457"


def _product(uow):
    with uow() as u:
        product = u.products.get(SKU)
        return (product.name, product.name_from_channel, [b.code for b in product.barcodes],
                product.weight_g, product.weight_from_channel)


def _waiting(uow) -> dict[str, tuple]:
    return {c.field: (c.kept, c.kept_from, c.offered, c.offered_from)
            for c in open_conflicts(uow()) if c.sku == SKU}


def test_shopify_and_woo_disagree_about_one_sku_and_a_supervisor_settles_it(
        uow, credentials, shopify_server, woo_server):
    connect_shopify(uow, credentials, shopify_server, "shop")
    connect_woo(uow, credentials, woo_server, "woo")
    pull_catalogue(uow, "shop", "Sam", credentials)
    shopify_before = _product(uow)
    assert shopify_before == ("IPod Nano - 8gb – red", "shop", ["012345678905"], 200, "shop")
    woo_server.add_simple_product(901, SKU, "iPod Nano 8 GB red", "0.25", WOO_GTIN)
    report = pull_catalogue(uow, "woo", "Sam", credentials)
    # nothing overwritten: the product is as Shopify gave it, the differences wait
    assert _product(uow) == shopify_before
    assert report.conflicts == 3
    assert _waiting(uow) == {
        "name": ("IPod Nano - 8gb – red", "shop", "iPod Nano 8 GB red", "woo"),
        "barcode": ("012345678905", "shop", WOO_GTIN, "woo"),
        "weight_g": ("200", "shop", "250", "woo")}
    # pulled again, the same differences are not raised twice
    woo_server.edit_product(SKU, name="iPod Nano 8 GB red")
    assert pull_catalogue(uow, "woo", "Sam", credentials).conflicts == 0
    assert len(open_conflicts(uow())) == 3

    ids = {c.field: c.id for c in open_conflicts(uow())}
    settle_conflict(uow(), ids["weight_g"], "offered", "Mei")
    settle_conflict(uow(), ids["name"], "kept", "Mei")
    settle_conflict(uow(), ids["barcode"], "offered", "Mei")
    assert _product(uow) == ("IPod Nano - 8gb – red", "shop", [WOO_GTIN], 250, "woo")
    assert open_conflicts(uow()) == []
    with pytest.raises(NotAllowed):
        settle_conflict(uow(), ids["name"], "offered", "Mei")
    trail = product_trail(uow(), SKU)
    assert [(t.field, t.chosen, t.settled_by) for t in trail] == [
        ("name", "kept", "Mei"), ("barcode", "offered", "Mei"), ("weight_g", "offered", "Mei")]
    assert all(t.settled_at is not None for t in trail)

    # Shopify still says 200 g and its old barcode: a person chose against those, so they
    # are not offered again; a new figure from Shopify is
    shopify_server.set_variant(SKU, title="red")
    assert pull_catalogue(uow, "shop", "Sam", credentials).conflicts == 0
    assert _product(uow)[2:] == ([WOO_GTIN], 250, "woo")
    # the weight is Woo's now: Woo's own change follows, silently
    woo_server.edit_product(SKU, weight="0.3")
    pull_catalogue(uow, "woo", "Sam", credentials)
    assert _product(uow)[3:] == (300, "woo")
    shopify_server.set_variant(SKU, weight=("GRAMS", 220.0))
    pull_catalogue(uow, "shop", "Sam", credentials)
    assert _waiting(uow) == {"weight_g": ("300", "woo", "220", "shop")}


def test_differences_listed_and_settled_on_the_command_line(
        tmp_path, sqlite_url, shopify_server, woo_server):
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.domain.people import Role
    from app.services.auth import add_packer
    from sync.credentials import CredentialStore

    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    keys = tmp_path / "keyring.json"
    credentials = CredentialStore(FileKeyring(keys))
    connect_shopify(uow, credentials, shopify_server, "shop")
    connect_woo(uow, credentials, woo_server, "woo")
    add_packer(uow(), "Mei", "2580", Role.SUPERVISOR)
    pull_catalogue(uow, "shop", "Sam", credentials)
    woo_server.add_simple_product(901, SKU, "iPod Nano 8 GB red", "0.2")  # same weight
    pull_catalogue(uow, "woo", "Sam", credentials)
    [conflict] = open_conflicts(uow())
    store.dispose()

    def packdesk(*args, supervisor=True):
        env = {k: v for k, v in child_env(keys).items()
               if k not in ("PACKDESK_SUPERVISOR", "PACKDESK_PIN")}
        if supervisor:
            env.update(PACKDESK_SUPERVISOR="Mei", PACKDESK_PIN="2580")
        return subprocess.run([sys.executable, "main.py", "--db", sqlite_url, "products",
                               *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL)

    listing = packdesk("conflicts", supervisor=False)  # reading needs nobody
    assert listing.returncode == 0, listing.stderr
    assert (f"{conflict.id}\t{SKU}\tname\tIPod Nano - 8gb – red (shop)\t"
            "iPod Nano 8 GB red (woo)") in listing.stdout
    refused = packdesk("settle", str(conflict.id), "--take", supervisor=False)
    assert refused.returncode != 0 and "needs a supervisor" in refused.stderr
    done = packdesk("settle", str(conflict.id), "--take")
    assert done.returncode == 0, done.stderr
    assert f"{SKU}: name is now iPod Nano 8 GB red (Mei chose it)." in done.stdout
    trail = packdesk("conflicts", SKU, supervisor=False)
    assert "settled" in trail.stdout and "by Mei: offered" in trail.stdout
    assert "No differences to settle." in packdesk("conflicts", supervisor=False).stdout
