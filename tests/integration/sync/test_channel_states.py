"""Every order status each platform documents, walked through its adapter and test server.

The tables below are copied from the platforms' own documentation, not from our code:
- WooCommerce: the order statuses of WooCommerce's OrderStatus enum
  (woocommerce.github.io/code-reference, Automattic\\WooCommerce\\Enums\\OrderStatus) and the
  REST v3 order `status` options, plus the blocks checkout's `checkout-draft`.
- Shopify Admin GraphQL 2026-01: every value of OrderDisplayFulfillmentStatus and of
  OrderDisplayFinancialStatus (shopify.dev/docs/api/admin-graphql/2026-01/enums/...).
- Taobao TOP: the trade `status` values of taobao.trades.sold.get / trade.fullinfo.get
  (open.taobao.com, 交易状态可选值).
A status the mapper does not know, or maps to the wrong kind, fails its row.
"""

from __future__ import annotations

from sync.shopify import ShopifyAdapter, ShopifyCredentials
from sync.taobao import TaobaoAdapter, TaobaoCredentials, map_trade
from sync.woocommerce import WooCommerceAdapter, WooCredentials

WOO_DOCUMENTED = {
    "pending": "awaiting_payment",  # received, no payment made
    "processing": "open",  # paid, stock reduced: pack it
    "on-hold": "awaiting_payment",  # awaiting payment confirmation
    "completed": "fulfilled",
    "cancelled": "cancelled",
    "refunded": "refunded",
    "failed": "awaiting_payment",  # payment failed or declined
    "checkout-draft": "awaiting_payment",  # a checkout not finished yet
    "trash": "cancelled",
}

SHOPIFY_FULFILLMENT_DOCUMENTED = {  # with displayFinancialStatus PAID
    "FULFILLED": "fulfilled",
    "IN_PROGRESS": "open",
    "ON_HOLD": "on_hold",
    "OPEN": "open",
    "PARTIALLY_FULFILLED": "open",
    "PENDING_FULFILLMENT": "open",
    "REQUEST_DECLINED": "open",
    "RESTOCKED": "cancelled",
    "SCHEDULED": "on_hold",
    "UNFULFILLED": "open",
}

SHOPIFY_FINANCIAL_DOCUMENTED = {  # with displayFulfillmentStatus UNFULFILLED
    "AUTHORIZED": "open",  # validated, captured at fulfilment
    "EXPIRED": "awaiting_payment",
    "PAID": "open",
    "PARTIALLY_PAID": "awaiting_payment",
    "PARTIALLY_REFUNDED": "partially_refunded",
    "PENDING": "awaiting_payment",
    "REFUNDED": "refunded",
    "VOIDED": "cancelled",
}

TAOBAO_DOCUMENTED = {
    "TRADE_NO_CREATE_PAY": "awaiting_payment",  # 没有创建支付宝交易
    "WAIT_BUYER_PAY": "awaiting_payment",  # 等待买家付款
    "SELLER_CONSIGNED_PART": "open",  # 卖家部分发货
    "WAIT_SELLER_SEND_GOODS": "open",  # 等待卖家发货,即:买家已付款
    "WAIT_BUYER_CONFIRM_GOODS": "fulfilled",  # 等待买家确认收货,即:卖家已发货
    "TRADE_BUYER_SIGNED": "fulfilled",  # 买家已签收,货到付款专用
    "TRADE_FINISHED": "fulfilled",  # 交易成功
    "TRADE_CLOSED": "cancelled",  # 付款以后用户退款成功,交易自动关闭
    "TRADE_CLOSED_BY_TAOBAO": "cancelled",  # 付款以前,卖家或买家主动关闭交易
    "PAY_PENDING": "awaiting_payment",  # 国际信用卡支付付款确认中
    "WAIT_PRE_AUTH_CONFIRM": "awaiting_payment",  # 0元购合约中
    "PAID_FORBID_CONSIGN": "on_hold",  # 拼团中订单或者发货强管控的订单,已付款但禁止发货
}

KIND = {"open": "packable", "partially_refunded": "packable", "on_hold": "hold",
        "awaiting_payment": "hold", "cancelled": "cancelled", "refunded": "cancelled",
        "fulfilled": "ignore"}


def pull_all(adapter, cursor=None):
    orders, errors = [], []
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors, cursor


def test_every_unified_status_has_a_kind_on_purpose():
    from sync import model

    assert getattr(model, "DISPOSITIONS", None) == KIND


def test_woocommerce_walks_every_documented_status(woo_server):
    ids = {status: woo_server.add_orders(1, status=status)[0] for status in WOO_DOCUMENTED}
    adapter = WooCommerceAdapter(WooCredentials(woo_server.url, woo_server.consumer_key,
                                                woo_server.consumer_secret))
    orders, errors, _ = pull_all(adapter)
    assert errors == []
    got = {o.channel_order_id: o.status for o in orders}
    assert {status: got.get(str(ids[status])) for status in WOO_DOCUMENTED} == WOO_DOCUMENTED


def _shopify(server) -> ShopifyAdapter:
    return ShopifyAdapter(ShopifyCredentials(server.url, server.token, server.location_id))


def test_shopify_walks_every_documented_fulfilment_status(shopify_server):
    ids = {status: shopify_server.add_orders(1, displayFulfillmentStatus=status,
                                             displayFinancialStatus="PAID")[0]
           for status in SHOPIFY_FULFILLMENT_DOCUMENTED}
    orders, errors, _ = pull_all(_shopify(shopify_server))
    assert errors == []
    got = {o.channel_order_id: o.status for o in orders}
    assert {s: got.get(ids[s]) for s in SHOPIFY_FULFILLMENT_DOCUMENTED} == \
        SHOPIFY_FULFILLMENT_DOCUMENTED


def test_shopify_walks_every_documented_financial_status(shopify_server):
    ids = {status: shopify_server.add_orders(1, displayFinancialStatus=status,
                                             displayFulfillmentStatus="UNFULFILLED")[0]
           for status in SHOPIFY_FINANCIAL_DOCUMENTED}
    orders, errors, _ = pull_all(_shopify(shopify_server))
    assert errors == []
    got = {o.channel_order_id: o.status for o in orders}
    assert {s: got.get(ids[s]) for s in SHOPIFY_FINANCIAL_DOCUMENTED} == \
        SHOPIFY_FINANCIAL_DOCUMENTED


def test_shopify_status_it_does_not_know_is_parked_not_packed(shopify_server):
    [odd] = shopify_server.add_orders(1, displayFulfillmentStatus="SOMETHING_NEW")
    orders, errors, _ = pull_all(_shopify(shopify_server))
    assert odd not in {o.channel_order_id for o in orders}
    assert [e.channel_order_id for e in errors] == [odd]
    assert "SOMETHING_NEW" in errors[0].reason


def test_taobao_maps_every_documented_trade_status(taobao_server):
    [tid] = taobao_server.add_trades(1)
    for status, expected in TAOBAO_DOCUMENTED.items():
        trade = {**taobao_server.trades[tid], "status": status}
        assert (status, map_trade(trade).status) == (status, expected)


def test_taobao_pull_delivers_every_paid_state_and_skips_the_unpaid(taobao_server):
    taobao_server.trades.clear()
    ids = {status: taobao_server.add_trades(1, status=status)[0] for status in TAOBAO_DOCUMENTED}
    adapter = TaobaoAdapter(TaobaoCredentials(f"{taobao_server.url}/router/rest",
                                              taobao_server.app_key, taobao_server.app_secret,
                                              taobao_server.session))
    orders, errors, _ = pull_all(adapter)
    assert errors == []
    got = {o.channel_order_id: o.status for o in orders}
    delivered = {s: e for s, e in TAOBAO_DOCUMENTED.items() if e != "awaiting_payment"}
    assert {s: got.get(ids[s]) for s in TAOBAO_DOCUMENTED} == \
        {s: delivered.get(s) for s in TAOBAO_DOCUMENTED}
