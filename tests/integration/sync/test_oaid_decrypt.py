"""Taobao keeps a masked trade's oaid; Taobao (taobao.top.oaid.decrypt) and JD
(jingdong.jos.order.oaid.decrypt) decrypt one receiver for one document, against their test
gateways (each checks the request's signature with its own implementation): the plain
receiver when the app holds the permission, and a refusal, an oaid that is not the order's
or a gateway that does not answer in time all leave the document with what the store holds."""

from __future__ import annotations

import logging

import pytest

from app.domain.errors import NotFound
from app.services.channel_stock import ChannelView
from sync.base import ChannelDataError, ChannelRejected, ChannelUnavailable
from sync.intake_map import incoming_order
from sync.jd import JdAdapter, JdCredentials
from sync.receiver_reveal import ChannelReceiverReveal
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from tests.channel_servers.jd_server import PLAIN_RECEIVER as JD_PLAIN
from tests.channel_servers.taobao_server import PLAIN_RECEIVER as TB_PLAIN
from tests.integration.sync.test_cn_marketplaces import pull_all


def taobao(server, timeout_s: float = 20.0) -> TaobaoAdapter:
    return TaobaoAdapter(TaobaoCredentials(f"{server.url}/router/rest", server.app_key,
                                           server.app_secret, server.session),
                         timeout_s=timeout_s)


def jd(server, timeout_s: float = 20.0) -> JdAdapter:
    return JdAdapter(JdCredentials(f"{server.url}/routerjson", server.app_key,
                                   server.app_secret, server.access_token),
                     timeout_s=timeout_s)


def reveal_through(adapter, kind: str, granted: bool = True) -> ChannelReceiverReveal:
    """The reveal the bench uses, for one channel whose adapter is `adapter`."""
    def channel_of(code: str) -> ChannelView:
        if code != "shop":
            raise NotFound(code)
        return ChannelView(code, kind, code, 1.0, 0,
                           {"receiver_decrypt": "granted"} if granted else {}, None, "", True)
    return ChannelReceiverReveal(channel_of, lambda view: adapter)


@pytest.fixture
def masked_trade(taobao_server):
    taobao_server.trades.clear()
    [tid] = taobao_server.add_masked_trades(1)
    return tid


# --- Taobao: the oaid comes in with the trade -------------------------------------------

def test_a_masked_taobao_trade_keeps_its_oaid_through_intake(taobao_server, masked_trade):
    [order], errors, _ = pull_all(taobao(taobao_server))
    assert errors == []
    oaid = taobao_server.trades[masked_trade]["oaid"]
    assert order.receiver_masked and order.receiver_oaid == oaid
    assert incoming_order(order, "shop").receiver_oaid == oaid  # (TOP: only with include_oaid)


def test_a_trade_read_without_include_oaid_has_none(taobao_server, masked_trade):
    answer = taobao(taobao_server).call("taobao.trade.fullinfo.get", tid=masked_trade,
                                        fields="tid,oaid")
    assert "oaid" not in answer["trade"]


# --- Taobao: taobao.top.oaid.decrypt -------------------------------------------------------

def test_taobao_decrypts_the_receiver_of_a_trade_with_the_permission(taobao_server,
                                                                     masked_trade):
    taobao_server.decrypt_permitted = True
    plain = taobao(taobao_server).reveal_receiver(masked_trade)
    assert (plain.name, plain.phone, plain.line1) == (
        TB_PLAIN["name"], TB_PLAIN["mobile"], TB_PLAIN["address_detail"])
    assert (plain.region, plain.city, plain.line2) == ("浙江省", "杭州市", "余杭区 五常街道")
    assert plain.country == "CN"
    assert TB_PLAIN["name"] not in repr(plain)  # a log line never shows the receiver
    assert [op["op"] for op in taobao_server.applied] == ["top.oaid.decrypt"]


def test_taobao_without_the_permission_refuses_and_the_document_keeps_the_store(
        taobao_server, masked_trade, caplog):
    adapter = taobao(taobao_server)
    with pytest.raises(ChannelRejected, match="taobao.top.oaid.decrypt"):
        adapter.reveal_receiver(masked_trade)
    with caplog.at_level(logging.WARNING):
        assert reveal_through(adapter, "taobao")("shop", masked_trade) is None
    assert "did not decrypt" in caplog.text and TB_PLAIN["name"] not in caplog.text


def test_taobao_refuses_an_oaid_that_is_not_the_trades(taobao_server, masked_trade):
    taobao_server.decrypt_permitted = True
    [other] = taobao_server.add_masked_trades(1)
    taobao_server.trades[masked_trade]["oaid"] = taobao_server.trades[other]["oaid"]
    with pytest.raises(ChannelRejected, match="isv.invalid-parameter"):
        taobao(taobao_server).reveal_receiver(masked_trade)


def test_a_taobao_trade_without_an_oaid_is_not_sent_to_decrypt(taobao_server):
    taobao_server.decrypt_permitted = True
    [tid] = taobao_server.add_trades(1)  # a plain receiver: TOP gives no oaid
    assert reveal_through(taobao(taobao_server), "taobao")("shop", tid) is None
    assert not any("oaid.decrypt" in r for r in taobao_server.request_log)


def test_a_taobao_decrypt_that_does_not_answer_in_time_prints_the_store(taobao_server,
                                                                         masked_trade):
    taobao_server.decrypt_permitted = True
    taobao_server.faults.inject("slow", match="taobao.top.oaid.decrypt", delay_s=2.0)
    adapter = taobao(taobao_server, timeout_s=0.5)
    with pytest.raises(ChannelUnavailable, match="no answer in time"):
        adapter.reveal_receiver(masked_trade)
    taobao_server.faults.inject("slow", match="taobao.top.oaid.decrypt", delay_s=2.0)
    assert reveal_through(taobao(taobao_server, timeout_s=0.5), "taobao")(
        "shop", masked_trade) is None


def test_a_taobao_channel_without_the_setting_is_never_asked(taobao_server, masked_trade):
    taobao_server.decrypt_permitted = True
    assert reveal_through(taobao(taobao_server), "taobao", granted=False)(
        "shop", masked_trade) is None
    assert not any("oaid.decrypt" in r for r in taobao_server.request_log)


# --- JD: jingdong.jos.order.oaid.decrypt ---------------------------------------------------

def test_jd_decrypts_the_receiver_of_an_order_with_the_permission(jd_server):
    jd_server.decrypt_permitted = True
    order_id = next(iter(jd_server.orders))
    plain = jd(jd_server).reveal_receiver(order_id)
    assert (plain.name, plain.phone, plain.line1) == (
        JD_PLAIN["customerName"], JD_PLAIN["consMobilePhone"], JD_PLAIN["address"])
    assert [op["op"] for op in jd_server.applied] == ["jos.order.oaid.decrypt"]


def test_jd_without_the_permission_refuses_and_the_document_keeps_the_store(jd_server,
                                                                            caplog):
    order_id = next(iter(jd_server.orders))
    adapter = jd(jd_server)
    with pytest.raises(ChannelRejected, match="无解密权限"):
        adapter.reveal_receiver(order_id)
    with caplog.at_level(logging.WARNING):
        assert reveal_through(adapter, "jd")("shop", order_id) is None
    assert JD_PLAIN["customerName"] not in caplog.text


def test_jd_refuses_an_oaid_that_is_not_the_orders(jd_server):
    jd_server.decrypt_permitted = True
    first, second, *_ = jd_server.orders
    jd_server.orders[first]["oaid"] = jd_server.orders[second]["oaid"]  # another's oaid
    with pytest.raises(ChannelRejected, match="oaid不合法"):
        jd(jd_server).reveal_receiver(first)
    jd_server.orders[first]["oaid"] = ""
    with pytest.raises(ChannelDataError, match="no oaid to decrypt"):
        jd(jd_server).reveal_receiver(first)
    assert jd_server.applied == []


def test_a_jd_decrypt_that_does_not_answer_in_time_prints_the_store(jd_server):
    jd_server.decrypt_permitted = True
    order_id = next(iter(jd_server.orders))
    jd_server.faults.inject("slow", match="jingdong.jos.order.oaid.decrypt", delay_s=2.0)
    with pytest.raises(ChannelUnavailable, match="no answer in time"):
        jd(jd_server, timeout_s=0.5).reveal_receiver(order_id)
    jd_server.faults.inject("slow", match="jingdong.jos.order.oaid.decrypt", delay_s=2.0)
    assert reveal_through(jd(jd_server, timeout_s=0.5), "jd")("shop", order_id) is None


def test_a_request_signed_wrongly_is_refused_by_the_jd_gateway(jd_server):
    jd_server.decrypt_permitted = True
    bad = JdAdapter(JdCredentials(f"{jd_server.url}/routerjson", jd_server.app_key,
                                  "not-the-secret", jd_server.access_token))
    with pytest.raises(ChannelRejected, match="无效签名|Invalid Signature"):
        bad.reveal_receiver(next(iter(jd_server.orders)))
