"""Each Chinese marketplace's test gateway replays a recorded order-detail payload from
tests/payloads/<platform>/, and the adapter pulls it through the gateway's paging, envelope
and signature checks to the same order its hand-reviewed verdict (.expected.json) holds.

The payloads are documentation-shaped, not captures: every field the platform's response
reference lists (PDD: the generated schema of pdd.order.information.get; 抖店:
order.orderDetail; JOS: jingdong.pop.order.enGet), values written by hand; see
tests/payloads/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.sync.test_cn_marketplaces import Kit, pull_all

PAYLOADS = Path(__file__).resolve().parents[2] / "payloads"
RECORDED = {"pinduoduo": ("pdd_server", "schema_order_information_masked.json"),
            "douyin": ("douyin_server", "schema_order_detail_masked.json"),
            "jd": ("jd_server", "schema_order_enget_masked.json")}


@pytest.mark.parametrize("kind", sorted(RECORDED))
def test_a_recorded_order_detail_pulls_through_the_gateway(kind, request):
    fixture, name = RECORDED[kind]
    server = request.getfixturevalue(fixture)
    server.orders.clear()
    payload = PAYLOADS / kind / name
    [order_id] = server.replay_file(str(payload))
    orders, errors, _ = pull_all(Kit(kind, server, "", 0, "").adapter())
    assert errors == []
    [order] = orders
    [expected] = json.loads(payload.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert order.channel_order_id == order_id == expected["channel_order_id"]
    assert order.status == expected["status"]
    assert order.receiver_masked is expected["receiver_masked"] is True
    assert [(ln.channel_line_id, ln.sku, ln.quantity, int(ln.unit_price * 100))
            for ln in order.lines] == [(ln["line_id"], ln["sku"], ln["quantity"],
                                        ln["unit_price_cents"]) for ln in expected["lines"]]
    assert (order.address.name, order.phone, order.address.region) == (
        expected["ship_to"]["name"], expected["ship_to"]["phone"],
        expected["ship_to"]["region"])
    assert order.buyer_note == expected["buyer_note"]
