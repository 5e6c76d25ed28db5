"""The Pinduoduo e-waybill adapter against the PDD test gateway: masked buyers by order_sn,
cancel, what is left, and the faults (timeout, 5xx, refused address, no balance)."""

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
from printing.carriers.ewaybill import EwaybillError, render_label
from printing.carriers.pdd_waybill import PddWaybill
from sync.cn_open import md5_wrapped
from tests.channel_servers.pdd_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET
from tests.channel_servers.pdd_waybill_server import TEMPLATE_URL, PddWaybillServer
from tests.integration.carriers.labels import decoded_pdf
from tests.integration.carriers.parties import shipment

ORDER_SN = "260101-000000000000042"
MASKED = Party(name="李**", phone="138****5678", line1="科技园南区*****", city="深圳市",
               region="广东省", district="南山区", masked=True)
REAL = {"name": "李雷", "mobile": "13812345678", "province": "广东省", "city": "深圳市",
        "district": "南山区", "detail": "科技园南区8栋301"}


@pytest.fixture
def pdd():
    with PddWaybillServer(orders={ORDER_SN: REAL}) as server:
        yield server


def adapter(server: PddWaybillServer, secret: str = CLIENT_SECRET,
            timeout_s: float = 5.0) -> PddWaybill:
    return PddWaybill(CLIENT_ID, secret, ACCESS_TOKEN, "YUNDA", TEMPLATE_URL, md5_wrapped,
                      url=f"{server.url}/api/router", timeout_s=timeout_s)


def test_a_masked_pinduoduo_buyer_goes_by_order_sn_and_prints_only_through_pdd(pdd):
    request = shipment("PD-4001", receiver=MASKED, channel="pinduoduo",
                       channel_order_id=ORDER_SN)
    label = adapter(pdd).create_shipment(request)
    sent = pdd.waybills[label.tracking_number].request
    assert sent["order_info"] == {"order_channels_type": "PDD", "trade_order_list": [ORDER_SN]}
    assert sent["recipient"]["name"] == "李**"  # sent as PDD gave it; PDD resolves it
    assert label.fields["encrypted"] == "1" and "encryptedData" in label.fields["print_data"]
    with pytest.raises(EwaybillError) as refused:
        render_label(label, LabelFormat.PDF)
    assert "print it through the Pinduoduo print component" in str(refused.value)
    assert "拼多多打印组件" in translate(refused.value, "zh_CN")


def test_a_masked_buyer_without_a_pdd_order_is_refused(pdd):
    with pytest.raises(CarrierError) as refused:
        adapter(pdd).create_shipment(shipment("PD-4002", receiver=MASKED))
    assert refused.value.code == "isv.MASKED_RECEIVER_NEED_ORDER_SN"


def test_a_plain_address_is_drawn_and_scans_as_the_pdd_number(pdd, tmp_path):
    label = adapter(pdd).create_shipment(shipment("PD-4003"))
    assert label.fields["mark_destination"] == "浙杭 余杭 312"
    assert decoded_pdf(label, tmp_path, 203).count(label.tracking_number) == 2


def test_asked_twice_keeps_its_number(pdd):
    carrier = adapter(pdd)
    first = carrier.create_shipment(shipment("PD-4004"))
    again = carrier.create_shipment(shipment("PD-4004"))
    other = carrier.create_shipment(shipment("PD-4005"))
    assert first.tracking_number == again.tracking_number != other.tracking_number
    assert len(pdd.applied) == 2


def test_a_wrong_secret_is_refused_for_good_in_words(pdd):
    with pytest.raises(CarrierError) as refused:
        adapter(pdd, secret="wrong").create_shipment(shipment("PD-4006"))
    assert refused.value.code == "20004" and not refused.value.temporary
    assert "check the client id and secret" in str(refused.value)
    assert "签名sign校验失败" in translate(refused.value, "zh_CN")


@pytest.mark.parametrize("receiver", [
    Party(name="王五", phone="13900000000", city="三沙市"),
    Party(name="王五", phone="13900000000", city="三沙市", district="西沙群岛", line1="永兴岛1号")])
def test_a_refused_address(pdd, receiver):
    with pytest.raises(AddressRefused):
        adapter(pdd).create_shipment(shipment("PD-4007", receiver=receiver))


def test_an_exhausted_balance_then_a_cancel_gives_one_back(pdd):
    pdd.quantities["YUNDA"] = 1
    carrier = adapter(pdd)
    assert carrier.remaining() == 1
    label = carrier.create_shipment(shipment("PD-4008"))
    with pytest.raises(BalanceExhausted) as empty:
        carrier.create_shipment(shipment("PD-4009"))
    assert "recharge it" in str(empty.value)
    with pytest.raises(BalanceExhausted):
        carrier.check_connection()
    carrier.cancel_shipment(label)
    assert carrier.remaining() == 1 and "1 numbers are left" in carrier.check_connection()
    with pytest.raises(CarrierError, match="已取消"):
        carrier.cancel_shipment(label)
    with pytest.raises(CarrierError, match="不存在"):
        carrier.cancel_shipment(CarrierLabel("4399", "pdd_waybill", LabelFormat.FIELDS))


@pytest.mark.parametrize("fault", ["500", "503", "drop", "malformed"])
def test_server_errors_are_temporary(pdd, fault):
    pdd.faults.inject(fault)
    with pytest.raises(CarrierUnavailable):
        adapter(pdd).create_shipment(shipment("PD-4010"))


def test_the_frequency_limit_is_temporary(pdd):
    pdd.scripted.append({"error_code": 70031, "error_msg": "调用过于频繁,请调整调用频率"})
    with pytest.raises(CarrierUnavailable):
        adapter(pdd).create_shipment(shipment("PD-4011"))


def test_a_timeout_is_temporary(pdd):
    pdd.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable):
        adapter(pdd, timeout_s=0.3).create_shipment(shipment("PD-4012"))
