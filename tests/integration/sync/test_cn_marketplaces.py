"""Pinduoduo, JD and Douyin adapters against their local gateways: orders in (paged
backwards, each once, masked receivers as sent), a shipment with the channel's own company
code, stock set and read back, and each platform's errors and faults in our error classes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from sync.base import ChannelDataError, ChannelRejected, ChannelUnavailable, RateLimited, StaleStock
from sync.carrier_codes import CarrierCodes, CarrierNotMapped
from sync.cn_open import AuthorisationExpired, PlatformRejected
from sync.douyin import DouyinAdapter, DouyinCredentials
from sync.jd import JdAdapter, JdCredentials
from sync.model import Fulfilment, FulfilmentLine, StockLevel
from sync.pinduoduo import PddCredentials, PinduoduoAdapter
from sync.validation import order_problems


def pull_all(adapter, cursor=None):
    orders, errors = [], []
    while True:
        page = adapter.pull_orders(cursor)
        orders, errors, cursor = orders + page.orders, errors + page.mapping_errors, \
            page.next_cursor
        if page.done:
            return orders, errors, cursor


@dataclass
class Kit:
    """One platform's server and how to make an adapter for it."""

    name: str
    server: Any
    sku: str
    stock: int
    sent_op: str

    def adapter(self, secret: str | None = None, **options):
        s = self.server
        if self.name == "pinduoduo":
            return PinduoduoAdapter(PddCredentials(f"{s.url}/api/router", s.client_id,
                                                   secret or s.client_secret, s.access_token),
                                    **options)
        if self.name == "jd":
            return JdAdapter(JdCredentials(f"{s.url}/routerjson", s.app_key,
                                           secret or s.app_secret, s.access_token), **options)
        return DouyinAdapter(DouyinCredentials(s.url, s.app_key, secret or s.app_secret,
                                               s.access_token, options.pop("sign_method",
                                                                           "hmac-sha256")),
                             **options)

    def order_ids(self) -> list[str]:
        return list(self.server.orders)


def _kit(request, name: str) -> Kit:
    if name == "pinduoduo":
        return Kit("pinduoduo", request.getfixturevalue("pdd_server"), "PDD-TEA-100", 40,
                   "logistics.online.send")
    if name == "jd":
        return Kit("jd", request.getfixturevalue("jd_server"), "JD-KETTLE-W", 25,
                   "pop.order.shipment")
    return Kit("douyin", request.getfixturevalue("douyin_server"), "DY-FLASK-500", 12,
               "order.logisticsAdd")


@pytest.fixture(params=["pinduoduo", "jd", "douyin"])
def kit(request) -> Kit:
    return _kit(request, request.param)


@pytest.fixture(params=["pinduoduo", "jd"])
def whole_order_kit(request) -> Kit:
    """The platforms whose shipping call ships whole orders (Douyin splits: its own test,
    test_cn_part_shipments)."""
    return _kit(request, request.param)


def test_orders_arrive_with_lines_and_the_receiver_masked_as_sent(kit):
    orders, errors, _ = pull_all(kit.adapter())
    assert errors == [] and len(orders) == 3
    order = orders[0]
    assert order.status == "open" and order.receiver_masked
    assert "*" in order.address.name and "*" in order.phone  # never unmasked, never invented
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [
        {"pinduoduo": ("PDD-TEA-100", 2), "jd": ("JD-KETTLE-W", 1),
         "douyin": ("DY-FLASK-500", 1)}[kit.name]]
    assert order.lines[0].currency == "CNY" and order.lines[0].unit_price > 0
    assert order.placed_at.utcoffset() == timedelta(hours=8)
    assert order_problems(order) == []  # a masked receiver is not a review reason


def test_backward_paging_delivers_each_order_once_through_a_repeated_page(kit):
    kit.server.add_orders(23)
    kit.server.faults.inject("dup", count=2)
    window = timedelta(minutes=30) if kit.name == "pinduoduo" else timedelta(minutes=40)
    orders, errors, cursor = pull_all(kit.adapter(page_size=5, window=window))
    assert errors == []
    assert len(orders) == len({o.channel_order_id for o in orders}) == 26
    again, _, _ = pull_all(kit.adapter(page_size=5, window=window), cursor)
    assert again == []  # the overlap re-reads, nothing is delivered twice


def test_a_wrong_secret_is_refused_by_the_gateways_own_check(kit):
    with pytest.raises(PlatformRejected) as refused:
        kit.adapter(secret="wrong").pull_orders(None)
    assert refused.value.code in ("20004", "12", "40002")


def test_a_shipment_lands_with_the_channels_company_code_once(kit):
    [first, *_] = kit.order_ids()
    adapter = kit.adapter()
    parcel = Fulfilment(first, "ZT7700123", "ZTO", (), "key-1")
    assert adapter.push_fulfilment(parcel).already_applied is False
    assert adapter.push_fulfilment(parcel).already_applied is True  # read first: not twice
    [sent] = [a for a in kit.server.applied if a["op"] == kit.sent_op]
    company = {k: v for k, v in sent.items() if "logistics_id" in k or "copr" in k
               or "company" in k}
    assert list(company.values()) == [{"pinduoduo": 115, "jd": "1499",
                                       "douyin": "zhongtong"}[kit.name]]
    [shipped] = [o for o in pull_all(kit.adapter(lag=timedelta(0)))[0]
                 if o.channel_order_id == first]
    assert shipped.status == "fulfilled" and shipped.tracking_number == "ZT7700123"
    assert shipped.carrier == "ZTO"


def test_an_unmapped_carrier_is_named_and_nothing_is_sent(kit):
    [first, *_] = kit.order_ids()
    with pytest.raises(CarrierNotMapped, match=r"carrier 'OWN' has no .* company code"):
        kit.adapter().push_fulfilment(Fulfilment(first, "PK1", "OWN", (), "k"))
    assert kit.server.applied == []


def test_a_carrier_code_set_on_the_channel_is_used(kit):
    [first, *_] = kit.order_ids()
    code = {"pinduoduo": "YTO", "jd": "463", "douyin": "yuantong"}[kit.name]
    carriers = CarrierCodes(kit.name, {"carrier.OWN": code})
    kit.adapter(carriers=carriers).push_fulfilment(Fulfilment(first, "YT1", "OWN", (), "k"))
    assert [a["op"] for a in kit.server.applied] == [kit.sent_op]


def test_stock_is_set_and_read_back_and_a_stale_compare_refused(kit):
    adapter = kit.adapter()
    assert adapter.read_stock(kit.sku) == kit.stock
    with pytest.raises(StaleStock) as stale:
        adapter.set_stock(StockLevel(kit.sku, 5, kit.stock + 1, "k"))
    assert stale.value.remote_quantity == kit.stock
    assert adapter.set_stock(StockLevel(kit.sku, 5, kit.stock, "k")).already_applied is False
    assert adapter.read_stock(kit.sku) == 5
    assert adapter.set_stock(StockLevel(kit.sku, 5, 5, "k")).already_applied is True
    assert [a for a in kit.server.applied if "quantity" in a] == [
        {**{k: v for k, v in kit.server.applied[0].items()}, "sku": kit.sku, "quantity": 5}]


def test_an_unknown_sku_is_refused_for_a_person(kit):
    with pytest.raises(ChannelRejected):
        kit.adapter().read_stock("NO-SUCH-SKU")


@pytest.mark.parametrize(("fault", "error"), [
    ("500", ChannelUnavailable), ("503", ChannelUnavailable), ("drop", ChannelUnavailable),
    ("429", RateLimited), ("throttle", RateLimited), ("malformed", ChannelDataError)])
def test_faults_come_out_as_the_sync_error_classes(kit, fault, error):
    kit.server.faults.inject(fault)
    with pytest.raises(error):
        kit.adapter().pull_orders(None)


def test_no_answer_in_time_is_temporary(kit):
    kit.server.faults.inject("slow", delay_s=1.5)
    with pytest.raises(ChannelUnavailable, match="no answer in time"):
        kit.adapter(timeout_s=0.3).pull_orders(None)
    kit.server.wait_idle()


def test_an_expired_token_needs_a_person_and_says_what_to_do(kit):
    kit.server.token_expired = True
    with pytest.raises(AuthorisationExpired, match="authorise Packdesk again"):
        kit.adapter().pull_orders(None)


def test_the_platforms_rate_limit_waits_its_limiter_window():
    """PDD publishes each API's limiter: the increment list allows 3000 calls in 60 s."""
    from tests.channel_servers.pdd_server import PddServer

    with PddServer() as server:
        server.faults.inject("throttle")
        adapter = PinduoduoAdapter(PddCredentials(f"{server.url}/api/router",
                                                  server.client_id, server.client_secret,
                                                  server.access_token))
        with pytest.raises(RateLimited) as limited:
            adapter.pull_orders(None)
    assert limited.value.retry_after_s == 60.0


def test_a_part_shipment_is_not_sent_as_the_whole_order(whole_order_kit):
    """Pinduoduo's and JD's shipping calls ship whole orders."""
    kit = whole_order_kit
    [first, *_] = kit.order_ids()
    line = pull_all(kit.adapter())[0][0].lines[0].channel_line_id
    with pytest.raises(ChannelRejected, match="left in part .* ships whole orders"):
        kit.adapter().push_fulfilment(Fulfilment(first, "ZT1", "ZTO",
                                                 (FulfilmentLine(line, 1),), "k"))
    assert kit.server.applied == []


def test_a_taobao_receiver_masked_by_top_is_no_review_reason(taobao_server):
    from sync.taobao import TaobaoAdapter, TaobaoCredentials

    taobao_server.trades.clear()
    taobao_server.add_trades(1, receiver_name="屈**", receiver_mobile="1389289****")
    adapter = TaobaoAdapter(TaobaoCredentials(f"{taobao_server.url}/router/rest",
                                              taobao_server.app_key, taobao_server.app_secret,
                                              taobao_server.session))
    [order], _, _ = pull_all(adapter)
    assert order.receiver_masked and order.phone == "1389289****"
    assert order_problems(order) == []


def test_douyin_md5_signing_is_accepted_too(douyin_server):
    adapter = DouyinAdapter(DouyinCredentials(douyin_server.url, douyin_server.app_key,
                                              douyin_server.app_secret,
                                              douyin_server.access_token, "md5"))
    orders, errors, _ = pull_all(adapter)
    assert len(orders) == 3 and errors == []


def test_pinduoduo_windows_stay_within_the_documented_30_minutes(pdd_server):
    with pytest.raises(ValueError, match="at most 30 minutes"):
        PinduoduoAdapter(PddCredentials("https://gw-api.pinduoduo.com/api/router", "c", "s",
                                        "t"), window=timedelta(minutes=31))
    pdd_server.add_orders(5)
    adapter = PinduoduoAdapter(PddCredentials(f"{pdd_server.url}/api/router",
                                              pdd_server.client_id, pdd_server.client_secret,
                                              pdd_server.access_token),
                               lookback=timedelta(hours=3))
    orders, errors, _ = pull_all(adapter)  # six windows of 30 minutes, none refused
    assert errors == [] and len(orders) == 8
