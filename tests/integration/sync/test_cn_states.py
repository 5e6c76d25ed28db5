"""Every order status Pinduoduo, JD and Douyin document, walked through adapter and server.

The tables are copied from the platforms' documentation, not from our code:
- Pinduoduo: the enums of pdd.order.number.list.increment.get (order_status 发货状态,
  confirm_status 成交状态, group_status 成团状态, refund_status 售后状态,
  after_sales_status, risk_control_status), from the generated schema reference in
  channel_samples/marketplaces_cn/pinduoduo_schema_reference.
- JD: the orderState values jingdong.pop.order.enSearch documents (order_state 可选值).
- Douyin: order_status of order.searchList / order.orderDetail, main_status's refund
  endings, and after_sale_info.refund_status.
Each value's kind (packable, hold, cancelled, ignore) is the test's own reading of the
documented meaning; a value mapped otherwise, or not known, fails its row.
"""

from __future__ import annotations

from sync.douyin import DouyinAdapter, DouyinCredentials
from sync.jd import JdAdapter, JdCredentials
from sync.model import DISPOSITIONS
from sync.pinduoduo import PddCredentials, PinduoduoAdapter

PDD_ORDER_STATUS = {1: "packable", 2: "ignore", 3: "ignore"}  # 待发货 已发货待签收 已签收
PDD_CONFIRM_STATUS = {0: "hold", 1: "packable", 2: "cancelled"}  # 未成交 已成交 已取消
PDD_GROUP_STATUS = {0: "hold", 1: "packable", 2: "cancelled"}  # 拼团中 已成团 团失败
PDD_REFUND_STATUS = {1: "packable", 2: "hold", 3: "hold", 4: "cancelled"}  # 无售后或售后关闭
# 售后处理中 退款中 退款成功
PDD_RISK_CONTROL_STATUS = {0: "packable", 1: "hold"}  # 正常订单 审核中订单
PDD_AFTER_SALES_STATUS = {
    0: "packable", 2: "hold", 3: "hold", 4: "hold", 5: "hold", 6: "hold", 7: "hold",
    8: "hold", 9: "packable", 10: "cancelled", 11: "packable", 12: "packable",
    13: "packable", 14: "hold", 15: "hold", 16: "packable", 17: "packable", 18: "hold",
    21: "hold", 22: "hold", 24: "packable", 25: "packable", 27: "hold", 31: "hold",
    32: "hold"}

JD_ORDER_STATE = {
    "WAIT_SELLER_STOCK_OUT": "packable",  # 等待出库
    "WAIT_GOODS_RECEIVE_CONFIRM": "ignore",  # 等待确认收货
    "WAIT_SELLER_DELIVERY": "packable",  # 等待发货 (海外购)
    "PAUSE": "hold",  # 暂停
    "FINISHED_L": "ignore",  # 完成
    "TRADE_CANCELED": "cancelled",  # 取消
    "LOCKED": "hold",  # 已锁定
    "POP_ORDER_PAUSE": "hold",  # pop业务暂停
}

DOUYIN_ORDER_STATUS = {1: "hold", 103: "hold", 105: "hold", 2: "packable", 101: "packable",
                       3: "ignore", 4: "cancelled", 5: "ignore"}
DOUYIN_MAIN_STATUS_REFUNDED = {21: "cancelled", 22: "cancelled", 39: "cancelled"}
DOUYIN_REFUND_STATUS = {0: "packable", 1: "hold", 2: "hold", 3: "cancelled", 4: "packable"}


def pull_all(adapter):
    orders, errors, cursor = [], [], None
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors


def kinds(adapter, ids: dict) -> dict:
    orders, errors = pull_all(adapter)
    assert errors == []
    got = {o.channel_order_id: DISPOSITIONS[o.status] for o in orders}
    return {value: got.get(order_id) for value, order_id in ids.items()}


def _pdd(server):
    server.orders.clear()
    return PinduoduoAdapter(PddCredentials(f"{server.url}/api/router", server.client_id,
                                           server.client_secret, server.access_token))


def test_pinduoduo_walks_every_documented_value_of_every_status_field(pdd_server):
    tables = {"order_status": PDD_ORDER_STATUS, "confirm_status": PDD_CONFIRM_STATUS,
              "group_status": PDD_GROUP_STATUS, "refund_status": PDD_REFUND_STATUS,
              "risk_control_status": PDD_RISK_CONTROL_STATUS,
              "after_sales_status": PDD_AFTER_SALES_STATUS}
    for name, table in tables.items():
        adapter = _pdd(pdd_server)
        ids = {value: pdd_server.add_orders(1, **{name: value})[0] for value in table}
        assert (name, kinds(adapter, ids)) == (name, table)


def test_pinduoduo_value_it_does_not_know_is_parked(pdd_server):
    adapter = _pdd(pdd_server)
    [odd] = pdd_server.add_orders(1, after_sales_status=99)
    orders, errors = pull_all(adapter)
    assert orders == [] and [e.channel_order_id for e in errors] == [odd]
    assert "after_sales_status 99" in errors[0].reason


def test_jd_walks_every_documented_order_state(jd_server):
    jd_server.orders.clear()
    ids = {state: jd_server.add_orders(1, orderState=state)[0] for state in JD_ORDER_STATE}
    adapter = JdAdapter(JdCredentials(f"{jd_server.url}/routerjson", jd_server.app_key,
                                      jd_server.app_secret, jd_server.access_token))
    assert kinds(adapter, ids) == JD_ORDER_STATE


def _douyin(server):
    server.orders.clear()
    return DouyinAdapter(DouyinCredentials(server.url, server.app_key, server.app_secret,
                                           server.access_token))


def test_douyin_walks_every_documented_order_status(douyin_server):
    adapter = _douyin(douyin_server)
    ids = {s: douyin_server.add_orders(1, order_status=s, main_status=s)[0]
           for s in DOUYIN_ORDER_STATUS}
    assert kinds(adapter, ids) == DOUYIN_ORDER_STATUS


def test_douyin_refund_endings_and_line_refunds(douyin_server):
    adapter = _douyin(douyin_server)
    ids = {s: douyin_server.add_orders(1, main_status=s)[0] for s in DOUYIN_MAIN_STATUS_REFUNDED}
    assert kinds(adapter, ids) == DOUYIN_MAIN_STATUS_REFUNDED
    adapter = _douyin(douyin_server)
    ids = {}
    for status in DOUYIN_REFUND_STATUS:
        [order_id] = douyin_server.add_orders(1)
        douyin_server.orders[order_id]["sku_order_list"][0]["after_sale_info"][
            "refund_status"] = status
        ids[status] = order_id
    assert kinds(adapter, ids) == DOUYIN_REFUND_STATUS


def test_douyin_one_line_refunded_of_two_holds_the_order(douyin_server):
    adapter = _douyin(douyin_server)
    [order_id] = douyin_server.add_orders(1)
    lines = douyin_server.orders[order_id]["sku_order_list"]
    lines.append({**lines[0], "order_id": f"{order_id}2",
                  "after_sale_info": {"after_sale_status": 12, "refund_status": 3}})
    [order], _ = pull_all(adapter)
    assert order.status == "on_hold"
