"""The Douyin e-waybill adapter against the 抖店 test gateway: masked buyers by order_id,
cancel, and the faults (timeout, 5xx, refused address, no balance)."""

from __future__ import annotations

import pytest

from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
    CarrierUnavailable,
    LabelFormat,
    Party,
)
from app.domain.translation import translate
from printing.carriers.douyin_waybill import DouyinWaybill
from printing.carriers.ewaybill import EwaybillError, render_label
from sync.douyin import sign as douyin_sign
from tests.channel_servers.douyin_server import ACCESS_TOKEN, APP_KEY, APP_SECRET
from tests.channel_servers.douyin_waybill_server import DouyinWaybillServer
from tests.integration.carriers.labels import decoded_pdf
from tests.integration.carriers.parties import shipment

ORDER_ID = "6920000000000012345"
MASKED = Party(name="王*", phone="1**********", line1="文一西路***", city="杭州市",
               region="浙江省", district="余杭区", masked=True)
REAL = {"province_name": "浙江省", "city_name": "杭州市", "district_name": "余杭区",
        "detail_address": "文一西路969号"}


@pytest.fixture
def douyin():
    with DouyinWaybillServer(orders={ORDER_ID: REAL}) as server:
        yield server


def adapter(server, secret: str = APP_SECRET, sign_method: str = "md5",
            timeout_s: float = 5.0) -> DouyinWaybill:
    return DouyinWaybill(APP_KEY, secret, ACCESS_TOKEN, "zhongtong", douyin_sign,
                         sign_method=sign_method, url=server.url, timeout_s=timeout_s)


@pytest.mark.parametrize("sign_method", ["md5", "hmac-sha256"])
def test_a_masked_douyin_buyer_goes_by_order_id_and_prints_only_through_douyin(douyin,
                                                                              sign_method):
    request = shipment("PD-5001", receiver=MASKED, channel="douyin", channel_order_id=ORDER_ID)
    label = adapter(douyin, sign_method=sign_method).create_shipment(request)
    sent = douyin.waybills[label.tracking_number]
    assert sent.order_id == ORDER_ID and sent.pack_id == "PD-5001"
    assert sent.request["receiver_info"]["contact"]["name"] == "王*"
    assert label.fields["sorting_code"] == "300-A12 05"
    with pytest.raises(EwaybillError) as refused:
        render_label(label, LabelFormat.PDF)
    assert "the Douyin print component" in str(refused.value)
    assert "抖音电子面单打印组件" in translate(refused.value, "zh_CN")


def test_a_masked_buyer_of_no_douyin_order_is_refused(douyin):
    with pytest.raises(CarrierError) as refused:
        adapter(douyin).create_shipment(shipment("PD-5002", receiver=MASKED))
    assert refused.value.code == "210010"


def test_a_plain_address_is_drawn_and_scans_as_the_douyin_number(douyin, tmp_path):
    carrier = adapter(douyin)
    label = carrier.create_shipment(shipment("PD-5003"))
    assert carrier.create_shipment(shipment("PD-5003")).tracking_number == label.tracking_number
    assert label.fields["mark_destination"] == "杭州余杭"
    assert decoded_pdf(label, tmp_path, 300).count(label.tracking_number) == 2


def test_a_wrong_secret_is_refused_for_good_in_words(douyin):
    with pytest.raises(CarrierError) as refused:
        adapter(douyin, secret="wrong").create_shipment(shipment("PD-5004"))
    assert not refused.value.temporary and "check the app key and secret" in str(refused.value)
    assert "签名校验失败" in translate(refused.value, "zh_CN")


@pytest.mark.parametrize("receiver", [
    Party(name="王五", phone="13900000000", city="三沙市"),
    Party(name="王五", phone="13900000000", city="三沙市", district="西沙群岛", line1="永兴岛1号")])
def test_a_refused_address(douyin, receiver):
    with pytest.raises(AddressRefused):
        adapter(douyin).create_shipment(shipment("PD-5005", receiver=receiver))


def test_an_exhausted_balance_and_a_cancel(douyin):
    douyin.amounts["zhongtong"] = 1
    carrier = adapter(douyin)
    label = carrier.create_shipment(shipment("PD-5006"))
    with pytest.raises(BalanceExhausted):
        carrier.create_shipment(shipment("PD-5007"))
    carrier.cancel_shipment(label)
    assert douyin.amounts["zhongtong"] == 1
    with pytest.raises(CarrierError, match="已取消"):
        carrier.cancel_shipment(label)
    with pytest.raises(CarrierError, match="不存在"):
        carrier.cancel_shipment(CarrierLabel("7519", "douyin_waybill", LabelFormat.FIELDS))


@pytest.mark.parametrize("fault", ["500", "503", "drop", "malformed"])
def test_server_errors_are_temporary(douyin, fault):
    douyin.faults.inject(fault)
    with pytest.raises(CarrierUnavailable):
        adapter(douyin).create_shipment(shipment("PD-5008"))


def test_the_flow_limit_is_temporary(douyin):
    douyin.scripted.append((50002, "服务端限流，请求过于频繁", "isp.flow-limit"))
    with pytest.raises(CarrierUnavailable):
        adapter(douyin).create_shipment(shipment("PD-5009"))


def test_a_timeout_is_temporary(douyin):
    douyin.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable):
        adapter(douyin, timeout_s=0.3).create_shipment(shipment("PD-5010"))
