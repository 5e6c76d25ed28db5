"""The carriers' and the Chinese platforms' errors reach a packer or a merchant in Chinese,
with every value the English names (the tracking number, the code, the platform's words)."""

from __future__ import annotations

import json

import pytest

from app.domain.shipping import AddressRefused, BalanceExhausted
from app.domain.translation import translate
from printing.carriers import easypost, kdniao, sf_express
from sync import pinduoduo
from sync.base import ChannelRejected
from sync.carrier_codes import CarrierNotMapped
from sync.cn_open import AuthorisationExpired, raise_platform_error


def test_an_sf_address_refusal_reads_in_chinese_with_sfs_own_words():
    with pytest.raises(AddressRefused) as refused:
        sf_express.raise_business("EXP_RECE_CREATE_ORDER", "1010", "寄件地址不详")
    assert str(refused.value).startswith("SF Express refused the address (1010 寄件地址不详)")
    assert translate(refused.value, "zh_CN") == (
        "顺丰速运 拒绝了该地址（1010 寄件地址不详）；请改正收件人或寄件人信息后重新打印面单。")


def test_a_kdniao_balance_used_up_says_to_top_it_up_at_the_branch():
    with pytest.raises(BalanceExhausted) as empty:
        kdniao.raise_refusal("e-waybill for order PD-1001", "106", "单号余额不足")
    assert "the e-waybill balance is used up (106 单号余额不足)" in str(empty.value)
    assert translate(empty.value, "zh_CN") == (
        "快递鸟：电子面单余额已用完（106 单号余额不足）；请到快递公司网点充值后再打印。")


def test_an_easypost_refusal_keeps_easyposts_words_inside_the_chinese():
    body = json.dumps({"error": {"code": "PAYMENT_REQUIRED",
                                 "message": "Insufficient funds"}}).encode()
    error = easypost.error_for(402, body)
    assert isinstance(error, BalanceExhausted)
    assert translate(error, "en") == ("EasyPost refused the postage: Insufficient funds. Top up "
                                      "the EasyPost balance or fix its billing, then ask again.")
    assert translate(error, "zh_CN") == (
        "EasyPost 拒绝扣除运费：Insufficient funds。请为 EasyPost 充值或修正付款设置，然后重新申请。")


def test_a_shopify_tracking_company_is_sent_as_shopify_spells_it():
    from sync.carrier_codes import BUILT_IN

    assert BUILT_IN["shopify"]["SF"] == "SF Express"
    assert type(BUILT_IN["shopify"]["SF"]) is str  # a wire value, not a message


def test_an_unmapped_carrier_names_the_platform_in_chinese():
    refusal = CarrierNotMapped("ZJS", "pinduoduo")
    assert isinstance(refusal, ChannelRejected)
    assert "carrier 'ZJS' has no Pinduoduo company code" in str(refusal)
    said = translate(refusal, "zh_CN")
    assert "承运商 'ZJS' 没有拼多多的快递公司编码" in said
    assert "--set carrier.ZJS=<拼多多的编码>" in said


def test_an_expired_pinduoduo_authorisation_says_where_to_authorise_again_in_chinese():
    with pytest.raises(AuthorisationExpired) as expired:
        raise_platform_error("pdd", "pdd.order.number.list.increment.get", pinduoduo.ERRORS,
                             "10019", "", "access_token已过期")
    said = translate(expired.value, "zh_CN")
    assert said.startswith("pdd：店铺授权被 pdd.order.number.list.increment.get 拒绝（")
    assert "请在拼多多商家后台（拼多多 商家后台 → 服务市场）重新授权 Packdesk" in said
    assert "access_token已过期" in said

