"""The Cainiao adapter against the TOP test gateway: e-waybills (oaid too), cancel, faults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
    CarrierUnavailable,
    LabelFormat,
    Party,
    PickupRequest,
)
from printing.carriers.cainiao import Cainiao
from printing.carriers.ewaybill import EwaybillError, render_label
from sync.taobao_top import sign as top_sign
from tests.channel_servers.cainiao_server import TEMPLATE_URL, CainiaoServer
from tests.channel_servers.taobao_server import APP_KEY, APP_SECRET, SESSION
from tests.integration.carriers.labels import decoded_pdf, zpl_barcodes
from tests.integration.carriers.parties import shipment

MASKED = Party(name="张*", phone="138****8000", line1="文一西路***", city="杭州市",
               region="浙江省", district="余杭区",
               oaid="1lYuAqyrrl8696KR75icIq6YJII0ibvb8NiaT14Jh0XdBfzQnLfXp5PuqON8rjHTVibTKOQ9aZ")


@pytest.fixture
def cainiao():
    with CainiaoServer() as server:
        yield server


def adapter(server: CainiaoServer, secret: str = APP_SECRET, sign_method: str = "hmac",
            timeout_s: float = 5.0, cp_code: str = "ZTO") -> Cainiao:
    return Cainiao(APP_KEY, secret, SESSION, cp_code, TEMPLATE_URL, top_sign,
                   sign_method=sign_method, user_id="59972781",
                   url=f"{server.url}/router/rest", timeout_s=timeout_s)


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_a_waybill_with_its_routing_fields_for_every_sign_method(cainiao, sign_method):
    label = adapter(cainiao, sign_method=sign_method).create_shipment(shipment("PD-3001"))
    assert label.tracking_number in cainiao.waybills
    assert label.label_format == LabelFormat.FIELDS
    assert label.fields["mark_destination"] == "浙-杭州 余杭 A12"
    assert label.fields["package_center"] == "杭州转运中心包"
    assert label.fields["receiver_address"] == "浙江省 杭州市 余杭区 文一西路969号"
    sent = cainiao.waybills[label.tracking_number].request
    assert sent["template_url"] == TEMPLATE_URL and sent["user_id"] == 59972781
    assert sent["order_info"] == {"order_channels_type": "OTHERS", "trade_order_list":
                                  ["PD-3001"]}


def test_the_same_order_asked_twice_keeps_its_number_and_others_differ(cainiao):
    carrier = adapter(cainiao)
    first = carrier.create_shipment(shipment("PD-3002"))
    again = carrier.create_shipment(shipment("PD-3002"))
    other = carrier.create_shipment(shipment("PD-3003"))
    assert again.tracking_number == first.tracking_number != other.tracking_number
    assert len(cainiao.applied) == 2


def test_a_masked_taobao_buyer_goes_by_oaid_and_prints_only_through_cainiao(cainiao, tmp_path):
    request = shipment("PD-3004", receiver=MASKED, channel="taobao",
                       channel_order_id="3719055060544802021")
    label = adapter(cainiao).create_shipment(request)
    sent = cainiao.waybills[label.tracking_number].request
    assert sent["recipient"]["oaid"] == MASKED.oaid
    assert sent["recipient"]["tid"] == "3719055060544802021"
    assert sent["order_info"]["order_channels_type"] == "TB"
    assert label.fields["encrypted"] == "1" and "encryptedData" in label.fields["print_data"]
    with pytest.raises(EwaybillError, match="Cainiao print component"):
        render_label(label, LabelFormat.PDF)


def test_a_wrong_secret_is_refused_for_good(cainiao):
    with pytest.raises(CarrierError) as refused:
        adapter(cainiao, secret="not-the-secret").create_shipment(shipment("PD-1"))
    assert refused.value.code == "25" and not refused.value.temporary
    assert "authorise the app again" in str(refused.value)


@pytest.mark.parametrize("receiver", [
    Party(name="王五", phone="13900000000", city="三沙市"),
    Party(name="王五", phone="13900000000", city="三沙市", district="西沙群岛", line1="永兴岛1号")])
def test_a_refused_address(cainiao, receiver):
    with pytest.raises(AddressRefused):
        adapter(cainiao).create_shipment(shipment("PD-2", receiver=receiver))


def test_an_exhausted_subscription_and_what_is_left(cainiao):
    cainiao.quantities["ZTO"] = 1
    carrier = adapter(cainiao)
    assert carrier.remaining() == 1
    label = carrier.create_shipment(shipment("PD-5"))
    assert carrier.remaining() == 0
    with pytest.raises(BalanceExhausted) as empty:
        carrier.create_shipment(shipment("PD-6"))
    assert empty.value.code == "isv.WAYBILL_QUANTITY_NOT_ENOUGH"
    carrier.cancel_shipment(label)  # the number goes back to the subscription
    assert carrier.remaining() == 1


@pytest.mark.parametrize("fault", ["500", "503", "drop", "malformed"])
def test_server_errors_are_temporary(cainiao, fault):
    cainiao.faults.inject(fault)
    with pytest.raises(CarrierUnavailable):
        adapter(cainiao).create_shipment(shipment("PD-7"))


@pytest.mark.parametrize("error", [
    {"code": 15, "msg": "Remote service error", "sub_code": "isp.top-remote-connection-timeout",
     "sub_msg": "远程服务调用超时"},
    {"code": 7, "msg": "App Call Limited", "sub_code": "accesscontrol.limited-by-app-access-count",
     "sub_msg": "This ban will last for 1 more seconds"},
    {"code": 10, "msg": "Service Currently Unavailable", "sub_code": "isp.unknown-error"}])
def test_top_platform_errors_are_temporary(cainiao, error):
    cainiao.scripted.append(error)
    with pytest.raises(CarrierUnavailable):
        adapter(cainiao).create_shipment(shipment("PD-8"))


def test_a_timeout_is_temporary(cainiao):
    cainiao.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable):
        adapter(cainiao, timeout_s=0.3).create_shipment(shipment("PD-9"))


def test_cancel_of_unknown_cancelled_or_collected_numbers_is_refused(cainiao):
    carrier = adapter(cainiao)
    label = carrier.create_shipment(shipment("PD-10"))
    carrier.cancel_shipment(label)
    with pytest.raises(CarrierError, match="已取消"):
        carrier.cancel_shipment(label)
    with pytest.raises(CarrierError, match="不存在"):
        carrier.cancel_shipment(CarrierLabel("7399999999999", "cainiao", LabelFormat.FIELDS))
    used = carrier.create_shipment(shipment("PD-11"))
    cainiao.waybills[used.tracking_number].collected = True
    with pytest.raises(CarrierError, match="已揽收"):
        carrier.cancel_shipment(used)


def test_tracking_and_pickups_say_where_to_go_instead(cainiao):
    carrier = adapter(cainiao)
    with pytest.raises(CarrierError, match="KDNiao"):
        carrier.track("7300059605746")
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    with pytest.raises(CarrierError, match="SF Express") as refused:
        carrier.book_pickup(PickupRequest("RMA-3", MASKED, start, start + timedelta(hours=2)))
    assert refused.value.code == "not-offered" and cainiao.request_log == []


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_printed_label_scans_as_the_cainiao_number(cainiao, tmp_path, dpi):
    label = adapter(cainiao).create_shipment(shipment("PD-12"))
    assert decoded_pdf(label, tmp_path, dpi).count(label.tracking_number) == 2
    assert zpl_barcodes(label, dpi, "76x130") == [label.tracking_number] * 2
