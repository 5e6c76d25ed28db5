"""The KDNiao adapter against the KDNiao test API: DataSign, e-waybills, faults, traces, push."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs

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
    TrackingStatus,
)
from printing.carriers.kdniao import Kdniao, PushRefused, data_sign, parse_push
from tests.channel_servers.kdniao_server import APP_KEY, EBUSINESS_ID, KdniaoServer, kdniao_sign
from tests.integration.carriers.labels import decoded_pdf, zpl_barcodes
from tests.integration.carriers.parties import RECEIVER, SENDER, shipment

# KDNiao publishes no worked digest. Built by hand:
# printf '%s' "$DATA$KEY" | md5sum | cut -c1-32 | tr -d '\n' | base64 -w0
HAND_DATA = '{"OrderCode":"","ShipperCode":"ZTO","LogisticCode":"73100000000001"}'
HAND_SIGN = "Yjg4M2U5Nzc3YjRhMWVkYTMxMWJmM2FmMzYzZjgyMDQ="


def test_the_hand_built_data_sign_vector():
    assert kdniao_sign(HAND_DATA, APP_KEY) == HAND_SIGN
    assert data_sign(HAND_DATA, APP_KEY) == HAND_SIGN


@pytest.fixture
def kdn():
    with KdniaoServer() as server:
        yield server


def adapter(server: KdniaoServer, app_key: str = APP_KEY, shipper: str = "ZTO",
            timeout_s: float = 5.0, template: str = "100x180") -> Kdniao:
    return Kdniao(EBUSINESS_ID, app_key, shipper, customer_name="zto-net-001",
                  customer_pwd="pwd", url=server.url, timeout_s=timeout_s, template=template)


def test_an_e_waybill_with_its_sort_codes(kdn):
    label = adapter(kdn).create_shipment(shipment("PD-2001"))
    assert label.tracking_number == kdn.orders["PD-2001"].waybill
    assert label.tracking_number.startswith("73")
    assert label.label_format == LabelFormat.FIELDS
    assert label.fields["mark_destination"] == "浙-杭州(余杭)"
    assert label.fields["package_center"] == "杭州转运中心"
    assert label.fields["carrier_name"] == "中通快递"
    sent = kdn.orders["PD-2001"].body
    assert sent["Receiver"]["ProvinceName"] == "浙江省" and sent["CustomerName"] == "zto-net-001"


def test_numbers_are_unique_and_an_order_code_is_issued_once(kdn):
    carrier = adapter(kdn)
    first = carrier.create_shipment(shipment("PD-2002"))
    second = carrier.create_shipment(shipment("PD-2003"))
    assert first.tracking_number != second.tracking_number
    with pytest.raises(CarrierError) as again:
        carrier.create_shipment(shipment("PD-2002"))
    assert again.value.code == "105" and "earlier label" in str(again.value)
    assert len(kdn.applied) == 2


def test_a_wrong_app_key_is_refused_for_good(kdn):
    with pytest.raises(CarrierError) as refused:
        adapter(kdn, app_key="wrong").create_shipment(shipment("PD-1"))
    assert not refused.value.temporary and "AppKey" in str(refused.value)


@pytest.mark.parametrize("receiver", [
    Party(name="王五", phone="13900000000", city="三沙市", line1=""),
    Party(name="王五", phone="13900000000", city="三沙市", district="西沙群岛", line1="永兴岛1号")])
def test_a_refused_address(kdn, receiver):
    with pytest.raises(AddressRefused):
        adapter(kdn).create_shipment(shipment("PD-2", receiver=receiver))


def test_an_exhausted_balance(kdn):
    kdn.balance = 1
    carrier = adapter(kdn)
    carrier.create_shipment(shipment("PD-3"))
    with pytest.raises(BalanceExhausted) as empty:
        carrier.create_shipment(shipment("PD-4"))
    assert "余额不足" in str(empty.value) and not empty.value.temporary


@pytest.mark.parametrize("fault", ["500", "503", "drop", "malformed"])
def test_server_errors_are_temporary(kdn, fault):
    kdn.faults.inject(fault)
    with pytest.raises(CarrierUnavailable):
        adapter(kdn).create_shipment(shipment("PD-5"))


def test_a_timeout_and_a_busy_answer_are_temporary(kdn):
    kdn.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable):
        adapter(kdn, timeout_s=0.3).create_shipment(shipment("PD-6"))
    kdn.busy_next = 1
    with pytest.raises(CarrierUnavailable):
        adapter(kdn).create_shipment(shipment("PD-7"))


def test_cancel_then_unknown_and_collected_waybills(kdn):
    carrier = adapter(kdn)
    label = carrier.create_shipment(shipment("PD-8"))
    carrier.cancel_shipment(label)
    assert kdn.orders["PD-8"].cancelled
    carrier.cancel_shipment(label)  # 已取消: what we wanted
    collected = carrier.create_shipment(shipment("PD-9"))
    kdn.add_trace(collected.tracking_number, "1", "2026-12-01 18:00:00", "已揽收")
    with pytest.raises(CarrierError, match="已揽收"):
        carrier.cancel_shipment(collected)
    with pytest.raises(CarrierError, match="单号不存在"):
        carrier.cancel_shipment(CarrierLabel("73999", "kdniao", LabelFormat.FIELDS))


TRACES = [("1", "2026-12-01 18:00:00", "【深圳市】 快件已揽收"),
          ("2", "2026-12-01 22:10:00", "快件离开【深圳转运中心】"),
          ("202", "2026-12-02 08:04:25", "【杭州市】 正在派件"),
          ("301", "2026-12-02 11:52:34", "【杭州市】 已签收"),
          ("999", "2026-12-02 11:53:00", "新节点")]


def test_instant_query_maps_each_action(kdn):
    carrier = adapter(kdn)
    number = carrier.create_shipment(shipment("PD-10")).tracking_number
    for action, at, station in TRACES:
        kdn.add_trace(number, action, at, station)
    events = carrier.track(number)
    assert [e.status for e in events] == [
        TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.DELIVERED, TrackingStatus.UNKNOWN]
    assert events[-1].carrier_status == "999" and events[0].location == "杭州市"
    assert events[3].at == datetime(2026, 12, 2, 3, 52, 34, tzinfo=UTC)


def test_subscription_and_the_push_it_brings(kdn):
    carrier = adapter(kdn)
    number = carrier.create_shipment(shipment("PD-11")).tracking_number
    carrier.subscribe(number, "PD-11")
    assert kdn.subscriptions[-1]["LogisticCode"] == number
    kdn.add_trace(number, "1", "2026-12-01 18:00:00", "已揽收")
    kdn.add_trace(number, "404", "2026-12-03 10:00:00", "收件人拒收，退回")
    form = {k: v[0] for k, v in parse_qs(kdn.push_body(number).decode()).items()}
    events = carrier.parse_push(form)
    assert [e.status for e in events] == [TrackingStatus.PICKED_UP,
                                          TrackingStatus.RETURNED_TO_SENDER]
    assert {e.tracking_number for e in events} == {number}


def test_a_push_not_signed_with_our_key_is_refused(kdn):
    carrier = adapter(kdn)
    number = carrier.create_shipment(shipment("PD-12")).tracking_number
    forged = kdn.push_form(number, app_key="someone-else")
    with pytest.raises(PushRefused, match="DataSign"):
        parse_push(forged, EBUSINESS_ID, APP_KEY)
    with pytest.raises(PushRefused, match="EBusinessID"):
        parse_push(kdn.push_form(number), "9999999", APP_KEY)


def test_pickups_are_not_offered_and_say_so(kdn):
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    with pytest.raises(CarrierError, match="SF Express"):
        adapter(kdn).book_pickup(PickupRequest("RMA-2", RECEIVER, start,
                                               start + timedelta(hours=2), to=SENDER))


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_printed_label_scans_as_the_waybill(kdn, tmp_path, dpi):
    label = adapter(kdn, template="76x130").create_shipment(shipment("PD-13"))
    assert decoded_pdf(label, tmp_path, dpi).count(label.tracking_number) == 2
    assert zpl_barcodes(label, dpi) == [label.tracking_number] * 2
