"""An order that leaves in two parcels tells Douyin each parcel's tracking number with the
sub-orders and units it carries (order.logisticsAddMultiPack, 拆单发货): the order is 部分发货
after the first parcel and 已发货 after the second, and a parcel pushed again is not shipped
twice."""

from __future__ import annotations

import copy

from sync.carrier_codes import CarrierCodes
from sync.douyin import DouyinAdapter, DouyinCredentials, map_status
from sync.model import Fulfilment, FulfilmentLine


def two_line_order(server) -> tuple[str, str, str]:
    """The first order with a second sub-order (two units of another SKU)."""
    order_id = next(iter(server.orders))
    order = server.orders[order_id]
    second = copy.deepcopy(order["sku_order_list"][0])
    second.update(order_id=f"{order_id}2", code="DY-LID-01", item_num=2, product_name="杯盖")
    order["sku_order_list"].append(second)
    return order_id, order["sku_order_list"][0]["order_id"], second["order_id"]


def adapter(server) -> DouyinAdapter:
    return DouyinAdapter(DouyinCredentials(server.url, server.app_key, server.app_secret,
                                           server.access_token),
                         carriers=CarrierCodes("douyin", {"carrier.SF": "shunfeng"}))


def test_each_parcel_goes_with_the_lines_it_carries(douyin_server):
    order_id, flask, lid = two_line_order(douyin_server)
    first = Fulfilment(order_id, "SF1001", "SF", (FulfilmentLine(flask, 1),
                                                        FulfilmentLine(lid, 1)), "parcel-1")
    second = Fulfilment(order_id, "SF1002", "SF", (FulfilmentLine(lid, 1),), "parcel-2")
    with_douyin = adapter(douyin_server)
    assert not with_douyin.push_fulfilment(first).already_applied
    assert map_status(douyin_server.orders[order_id]) == "open"  # 101 部分发货: more to pack
    assert douyin_server.orders[order_id]["order_status"] == 101
    assert not with_douyin.push_fulfilment(second).already_applied
    packs = [a for a in douyin_server.applied if a["op"] == "order.logisticsAddMultiPack"]
    assert [(p["tracking_no"], p["lines"]) for p in packs] == [
        ("SF1001", {flask: 1, lid: 1}), ("SF1002", {lid: 1})]
    assert douyin_server.orders[order_id]["order_status"] == 3
    assert not [a for a in douyin_server.applied if a["op"] == "order.logisticsAdd"]


def test_a_parcel_pushed_again_is_not_shipped_twice(douyin_server):
    order_id, flask, lid = two_line_order(douyin_server)
    parcel = Fulfilment(order_id, "SF2001", "SF", (FulfilmentLine(lid, 1),), "parcel-1")
    assert not adapter(douyin_server).push_fulfilment(parcel).already_applied
    assert adapter(douyin_server).push_fulfilment(parcel).already_applied  # its tracking shows
    douyin_server.orders[order_id]["logistics_info"].clear()  # even if the detail lags
    adapter(douyin_server).push_fulfilment(parcel)  # same request_id: Douyin ships nothing
    assert douyin_server.shipped_units[order_id] == {lid: 1}


def test_more_units_than_the_sub_order_holds_are_refused_by_douyin(douyin_server):
    import pytest

    from sync.base import ChannelRejected

    order_id, flask, _ = two_line_order(douyin_server)
    too_many = Fulfilment(order_id, "SF3001", "SF", (FulfilmentLine(flask, 2),), "p")
    with pytest.raises(ChannelRejected):
        adapter(douyin_server).push_fulfilment(too_many)
    assert douyin_server.orders[order_id]["order_status"] == 2
