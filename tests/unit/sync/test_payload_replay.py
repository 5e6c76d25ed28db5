"""Every recorded payload in tests/payloads/<channel>/ maps to its hand-reviewed verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync.replay import ReplayError, read_payload, replay

PAYLOADS = Path(__file__).resolve().parents[2] / "payloads"
PAIRS = sorted(p for p in PAYLOADS.glob("*/*.json") if not p.name.endswith(".expected.json"))


def test_there_are_payloads_for_the_api_channels():
    assert {p.parent.name for p in PAIRS} >= {"shopify", "woocommerce"}
    assert all(p.with_suffix(".expected.json").exists() for p in PAIRS)


@pytest.mark.parametrize("payload", PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_recorded_payload_gives_its_reviewed_verdict(payload: Path):
    expected = json.loads(payload.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert replay(read_payload(payload), payload.parent.name) == expected


def test_a_completed_woo_order_with_refunds_is_not_packed_again():
    [_, completed] = replay(read_payload(PAYLOADS / "woocommerce/docs_list_all_orders.json"),
                            "woocommerce")
    assert (completed["channel_order_id"], completed["status"], completed["taken_in"]) == \
        ("723", "fulfilled", False)


def test_a_failed_shopify_fulfilment_gives_no_tracking_number():
    [order] = replay(read_payload(PAYLOADS / "shopify/order_450789469_graphql.json"), "shopify")
    assert order["tracking_number"] == "" and order["verdict"] == "taken in, ready to pack"


def test_the_envelope_may_stay_around_the_orders(tmp_path):
    """A TOP answer and a bare Woo order are found where they are."""
    woo = json.loads((PAYLOADS / "woocommerce/docs_retrieve_an_order.json").read_text())
    wrapped = tmp_path / "webhook.json"
    wrapped.write_text(json.dumps({"body": {"order": woo}}))
    assert [v["channel_order_id"] for v in replay(read_payload(wrapped), "woocommerce")] \
        == ["727"]


def test_an_order_that_does_not_map_says_why_and_where_it_waits():
    woo = json.loads((PAYLOADS / "woocommerce/docs_retrieve_an_order.json").read_text())
    [verdict] = replay({**woo, "status": "wc-shipped-by-plugin"}, "woocommerce")
    assert verdict == {"channel_order_id": "727", "taken_in": False, "verdict":
                       "not taken in: order status 'wc-shipped-by-plugin' is not one Packdesk "
                       "knows; it would wait in the exceptions list (Tools → Orders needing "
                       "review)"}


def test_a_file_that_is_not_a_payload_is_named(tmp_path):
    page = tmp_path / "copied.html"
    page.write_text("<html>order 727</html>")
    with pytest.raises(ReplayError, match="is not JSON .*not a screenshot or a copy"):
        read_payload(page)
    with pytest.raises(ReplayError, match="no taobao order found in the file.*it looks like a "
                       "shopify payload: run again with --channel shopify"):
        replay(read_payload(PAYLOADS / "shopify/order_450789469_graphql.json"), "taobao")


def test_a_shopify_webhook_order_says_which_shape_to_send_instead():
    rest = {"order": {"id": 450789469, "financial_status": "authorized",
                      "line_items": [{"id": 466157049, "sku": "IPOD2008GREEN"}]}}
    with pytest.raises(ReplayError, match="REST or webhook order .* GraphQL Admin API"):
        replay(rest, "shopify")
