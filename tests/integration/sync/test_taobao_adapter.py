"""The Taobao adapter against the local TOP gateway."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sync.base import ChannelRejected, RateLimited, StaleStock
from sync.model import Fulfilment, FulfilmentLine, StockLevel
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from sync.validation import order_problems
from tests.channel_servers.taobao_server import TaobaoServer


def adapter_for(server: TaobaoServer, sign_method: str = "hmac-sha256", **options):
    credentials = TaobaoCredentials(f"{server.url}/router/rest", server.app_key,
                                    server.app_secret, server.session, sign_method)
    return TaobaoAdapter(credentials, **options)


def pull_all(adapter, cursor=None):
    orders, errors = [], []
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors, cursor


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_every_sign_method_is_accepted(taobao_server, sign_method):
    orders, errors, _ = pull_all(adapter_for(taobao_server, sign_method))
    assert len(orders) == 3 and errors == []


def test_wrong_secret_fails_the_signature(taobao_server):
    credentials = TaobaoCredentials(f"{taobao_server.url}/router/rest", taobao_server.app_key,
                                    "wrong", taobao_server.session)
    with pytest.raises(ChannelRejected, match="Invalid signature"):
        TaobaoAdapter(credentials).pull_orders(None)
    assert "wrong" not in repr(credentials) and taobao_server.session not in repr(credentials)


def test_trade_maps_to_a_clean_order(taobao_server):
    [order, *_], _, _ = pull_all(adapter_for(taobao_server))
    assert order.address.country_code == "CN" and order.address.city == "杭州市"
    assert order.phone == "13800138000" and order.buyer_note == "请用顺丰"
    assert [(ln.sku, ln.quantity, str(ln.unit_price)) for ln in order.lines] == [
        ("TB-CUP-RED", 2, "39.90"), ("TB-CUP-BLUE", 1, "39.90")]
    assert order.placed_at.utcoffset() == timedelta(hours=8)
    assert order_problems(order) == []


def test_backward_paging_over_windows_delivers_each_trade_once(taobao_server):
    taobao_server.add_trades(30)
    taobao_server.faults.inject("dup", match="increment", count=2)
    adapter = adapter_for(taobao_server, page_size=7, window=timedelta(minutes=40))
    orders, _, cursor = pull_all(adapter)
    assert len(orders) == len({o.channel_order_id for o in orders}) == 33
    tid = orders[0].channel_order_id
    taobao_server.touch(tid, status="TRADE_CLOSED")
    taobao_server.trades[tid]["modified"] = taobao_server.trades[tid]["modified"]
    # the trade was touched "now", inside the lag; a later pull sees it once the lag passes
    later = adapter_for(taobao_server, page_size=7, lag=timedelta(0))
    changed, _, _ = pull_all(later, cursor)
    assert [(o.channel_order_id, o.status) for o in changed] == [(tid, "cancelled")]


def test_unpaid_trades_are_skipped_and_refunds_flagged(taobao_server):
    [unpaid] = taobao_server.add_trades(1, status="WAIT_BUYER_PAY")
    [refunding] = taobao_server.add_trades(1)
    taobao_server.trades[refunding]["orders"]["order"][0]["refund_status"] = "WAIT_SELLER_AGREE"
    orders, _, _ = pull_all(adapter_for(taobao_server))
    statuses = {o.channel_order_id: o.status for o in orders}
    assert unpaid not in statuses and statuses[refunding] == "partially_refunded"


def test_consignment_applied_once(taobao_server):
    adapter = adapter_for(taobao_server)
    tid = next(iter(taobao_server.trades))
    parcel = Fulfilment(tid, "SF1234567890", "SF", (), "outbox-3")
    assert adapter.push_fulfilment(parcel).already_applied is False
    assert adapter.push_fulfilment(parcel).already_applied is True
    assert [a["out_sid"] for a in taobao_server.applied] == ["SF1234567890"]
    assert taobao_server.trades[tid]["status"] == "WAIT_BUYER_CONFIRM_GOODS"


def test_split_consignment_ships_named_lines(taobao_server):
    tid = next(iter(taobao_server.trades))
    oid = taobao_server.trades[tid]["orders"]["order"][0]["oid_str"]
    adapter_for(taobao_server).push_fulfilment(
        Fulfilment(tid, "ZTO1", "ZTO", (FulfilmentLine(oid, 2),), "k"))
    assert taobao_server.trades[tid]["status"] == "SELLER_CONSIGNED_PART"


def test_stock_on_a_sku_is_set_and_read_back(taobao_server):
    adapter = adapter_for(taobao_server)
    assert adapter.read_stock("TB-CUP-RED") == 10
    assert adapter.set_stock(StockLevel("TB-CUP-RED", 7, 10, "s1")).already_applied is False
    assert adapter.read_stock("TB-CUP") == 27
    with pytest.raises(StaleStock) as stale:
        adapter.set_stock(StockLevel("TB-CUP-RED", 5, 10, "s2"))
    assert stale.value.remote_quantity == 7
    assert [(a["sku"], a["quantity"]) for a in taobao_server.applied] == [("TB-CUP-RED", 7)]


def test_call_limit_becomes_rate_limited(taobao_server):
    taobao_server.faults.inject("throttle", retry_after=4)
    with pytest.raises(RateLimited) as limited:
        adapter_for(taobao_server).pull_orders(None)
    assert limited.value.retry_after_s == 4


def test_window_longer_than_a_day_is_refused(taobao_server):
    with pytest.raises(ValueError, match="one day"):
        adapter_for(taobao_server, window=timedelta(days=2))
