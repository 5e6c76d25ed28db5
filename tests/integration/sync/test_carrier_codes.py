"""Our carrier codes reach each channel in its own words (sync/carrier_codes.py): Taobao's
company_code, Shopify's tracking company, WooCommerce's provider; an unmapped one is an error
naming carrier and channel, sent nowhere."""

from __future__ import annotations

import pytest

from sync.carrier_codes import BUILT_IN, CarrierCodes, CarrierNotMapped
from sync.model import Fulfilment
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from sync.woocommerce import WooCommerceAdapter, WooCredentials


def test_every_channel_kind_has_a_table_and_a_setting_overrides_it():
    from sync.credentials import SECRET_FIELDS

    assert set(SECRET_FIELDS) - {"csv"} == set(BUILT_IN)
    codes = CarrierCodes("douyin", {"carrier.sf": "sf-express-new", "carrier.OWN": "yunda",
                                    "carrier.EMPTY": " ", "shop_url": "x"})
    assert codes.code_for("SF") == "sf-express-new" and codes.code_for("own") == "yunda"
    assert codes.ours("yunda") == "OWN" and codes.ours("unknown-co") == "unknown-co"
    with pytest.raises(CarrierNotMapped, match=r"douyin: carrier 'EMPTY' has no Douyin"):
        codes.code_for("EMPTY")


def test_taobao_consigns_with_tops_company_code(taobao_server):
    tid = next(iter(taobao_server.trades))
    adapter = TaobaoAdapter(TaobaoCredentials(f"{taobao_server.url}/router/rest",
                                              taobao_server.app_key, taobao_server.app_secret,
                                              taobao_server.session),
                            carriers=CarrierCodes("taobao", {"carrier.OWN": "POSTB"}))
    adapter.push_fulfilment(Fulfilment(tid, "9896000000001", "OWN", (), "k"))
    lines = taobao_server.trades[tid]["orders"]["order"]
    assert {ln["logistics_company"] for ln in lines} == {"POSTB"}
    with pytest.raises(CarrierNotMapped, match="carrier 'NOPE' has no Taobao company code"):
        adapter.push_fulfilment(Fulfilment(tid, "X1", "NOPE", (), "k2"))


def test_shopify_gets_its_tracking_company_name(shopify_server):
    order_id = next(iter(shopify_server.orders))
    adapter = ShopifyAdapter(ShopifyCredentials(shopify_server.url, shopify_server.token,
                                                shopify_server.location_id))
    with pytest.raises(CarrierNotMapped, match="Shopify"):
        adapter.push_fulfilment(Fulfilment(order_id, "SF1", "OWN", (), "k0"))
    assert shopify_server.orders[order_id]["fulfillments"] == []
    adapter.push_fulfilment(Fulfilment(order_id, "SF1400000000", "SF", (), "k"))
    [shipped] = shopify_server.orders[order_id]["fulfillments"]
    assert shipped["trackingInfo"] == [{"number": "SF1400000000", "company": "SF Express"}]


def test_woocommerce_note_names_the_provider(woo_server):
    order_id = next(iter(woo_server.orders))
    adapter = WooCommerceAdapter(WooCredentials(woo_server.url, woo_server.consumer_key,
                                                woo_server.consumer_secret))
    adapter.push_fulfilment(Fulfilment(str(order_id), "1Z999", "FEDEX", (), "k"))
    [note] = woo_server.notes[int(order_id)]
    assert note["note"].startswith("Shipped with Fedex, tracking number 1Z999.")
