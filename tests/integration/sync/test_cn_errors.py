"""Pinduoduo, JD and Douyin errors as each platform means them, answered by their gateways:
a call limit waits, a busy or failing platform is tried again later, an expired
authorisation needs a person, a refused request fails for good. Codes from each platform's
error-code table (see the adapters' ERRORS)."""

from __future__ import annotations

import pytest

from sync.base import ChannelUnavailable, RateLimited
from sync.carrier_codes import CarrierCodes
from sync.cn_open import AuthorisationExpired, PlatformRejected
from sync.douyin import DouyinAdapter, DouyinCredentials
from sync.jd import JdAdapter, JdCredentials
from sync.model import Fulfilment
from sync.pinduoduo import PddCredentials, PinduoduoAdapter

PDD_CASES = [
    (70031, "调用过于频繁,请调整调用频率", RateLimited),
    (50000, "系统繁忙，请稍后重试", ChannelUnavailable),  # 5000x: the words decide
    (50001, "业务服务错误 订单已取消", PlatformRejected),
    (50002, "业务服务超时", ChannelUnavailable),
    (70032, "当前接口因为系统维护，暂时下线", ChannelUnavailable),
    (10019, "access_token已过期", AuthorisationExpired),
    (20031, "用户没有授权访问此接口", AuthorisationExpired),
    (10000, "参数错误", PlatformRejected),
]
JD_CASES = [
    ("2", "限制时间内调用失败次数", "App Call Limited", RateLimited),
    ("19", "无效的access_token", "Invalid access_token", AuthorisationExpired),
    ("18", "缺少access_token参数", "Missing access_token", AuthorisationExpired),
    ("66", "服务繁忙,请稍后重试", "System Busy", ChannelUnavailable),
    ("12", "无效签名", "Invalid Signature", PlatformRejected),
    ("15", "不存在的方法名", "Invalid Method", PlatformRejected),
]
DOUYIN_CASES = [
    (20000, "服务不可用", "isp.service-error", ChannelUnavailable),
    (30001, "access_token不存在", "isv.access-token-no-exist", AuthorisationExpired),
    (30002, "access_token已过期", "isv.access-token-expired", AuthorisationExpired),
    (50002, "请求过于频繁", "isp.flow-limit", RateLimited),
    (40003, "业务处理失败", "isv.business-failed", PlatformRejected),
]


@pytest.mark.parametrize(("code", "msg", "error"), PDD_CASES)
def test_pinduoduo_error_codes(pdd_server, code, msg, error):
    pdd_server.answer_error("pdd.order.number.list.increment.get", code, msg)
    adapter = PinduoduoAdapter(PddCredentials(f"{pdd_server.url}/api/router",
                                              pdd_server.client_id, pdd_server.client_secret,
                                              pdd_server.access_token))
    with pytest.raises(error) as raised:
        adapter.pull_orders(None)
    assert str(code) in str(raised.value) and msg in str(raised.value)


@pytest.mark.parametrize(("code", "zh", "en", "error"), JD_CASES)
def test_jd_error_codes(jd_server, code, zh, en, error):
    jd_server.answer_error("jingdong.pop.order.enSearch", code, zh, en)
    adapter = JdAdapter(JdCredentials(f"{jd_server.url}/routerjson", jd_server.app_key,
                                      jd_server.app_secret, jd_server.access_token))
    with pytest.raises(error) as raised:
        adapter.pull_orders(None)
    assert zh in str(raised.value)


def test_jd_app_call_limit_is_a_long_ban_not_a_sleep(jd_server):
    jd_server.answer_error("jingdong.pop.order.enSearch", "2", "限制时间内调用失败次数")
    adapter = JdAdapter(JdCredentials(f"{jd_server.url}/routerjson", jd_server.app_key,
                                      jd_server.app_secret, jd_server.access_token))
    with pytest.raises(RateLimited) as limited:
        adapter.pull_orders(None)
    assert limited.value.retry_after_s == 3600.0  # the sync shows it offline until then


def test_jd_business_refusal_inside_the_result_fails_for_a_person(jd_server):
    """A company id JD does not list is refused in sopjosshipment_result (success false)."""
    order_id = next(iter(jd_server.orders))
    adapter = JdAdapter(JdCredentials(f"{jd_server.url}/routerjson", jd_server.app_key,
                                      jd_server.app_secret, jd_server.access_token),
                        carriers=CarrierCodes("jd", {"carrier.SF": "99999"}))
    with pytest.raises(PlatformRejected, match="物流公司不存在"):
        adapter.push_fulfilment(Fulfilment(order_id, "X1", "SF", (), "k"))
    assert jd_server.applied == []


@pytest.mark.parametrize(("code", "msg", "sub_code", "error"), DOUYIN_CASES)
def test_douyin_error_codes(douyin_server, code, msg, sub_code, error):
    douyin_server.answer_error("order.searchList", code, msg, sub_code)
    adapter = DouyinAdapter(DouyinCredentials(douyin_server.url, douyin_server.app_key,
                                              douyin_server.app_secret,
                                              douyin_server.access_token))
    with pytest.raises(error) as raised:
        adapter.pull_orders(None)
    assert sub_code in str(raised.value)
