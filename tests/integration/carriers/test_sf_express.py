"""The SF Express adapter against the 丰桥 test gateway: signature, waybills, faults, routes."""

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
    TrackingStatus,
)
from printing.carriers import sf_express
from printing.carriers.ewaybill import render_label
from printing.carriers.sf_express import SfExpress, msg_digest
from tests.channel_servers.sf_server import (
    CHECKWORD,
    CLOUD_TEMPLATE,
    MONTHLY_CARD,
    PARTNER_ID,
    SfServer,
    sf_digest,
)
from tests.integration.carriers.labels import decoded_pdf, zpl_barcodes
from tests.integration.carriers.parties import RECEIVER, SENDER, shipment
from tests.integration.printing.pdftools import decode, rasterise

# SF's authentication page ("数字签名"), its worked example
DOC_MSG = '{"language":"zh-CN","orderId":"QIAO-20200618-004"}'
DOC_TIMESTAMP, DOC_CHECKWORD = "12312334453453", "fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci"
DOC_DIGEST = "IIKJtuLVzoFTu4kHI8M8vA=="
# Built by hand for the characters Java's URLEncoder treats apart (space, *, ~, +, CJK):
# URLEncoder gives "%E4%B8%AD+*%7E%2B1test";
# printf '%s' '%E4%B8%AD+*%7E%2B1test' | openssl dgst -md5 -binary | base64
HAND_MSG, HAND_DIGEST = "中 *~+", "enEGxDrktGqdJiLR3VtTkA=="


def test_the_documented_digest_example():
    assert sf_digest(DOC_MSG, DOC_TIMESTAMP, DOC_CHECKWORD) == DOC_DIGEST
    assert msg_digest(DOC_MSG, DOC_TIMESTAMP, DOC_CHECKWORD) == DOC_DIGEST


def test_the_hand_built_url_encoder_vector():
    assert sf_digest(HAND_MSG, "1", "test") == HAND_DIGEST
    assert msg_digest(HAND_MSG, "1", "test") == HAND_DIGEST


@pytest.fixture
def sf():
    with SfServer() as server:
        yield server


def adapter(server: SfServer, checkword: str = CHECKWORD, timeout_s: float = 5.0) -> SfExpress:
    return SfExpress(PARTNER_ID, checkword, MONTHLY_CARD, url=f"{server.url}/std/service",
                     timeout_s=timeout_s)


def test_a_shipment_gets_sf_waybill_and_route_label_fields(sf):
    label = adapter(sf).create_shipment(shipment("PD-1001", service="Standard"))
    assert label.label_format == LabelFormat.FIELDS and label.carrier_code == "sf_express"
    assert label.tracking_number == sf.orders["PD-1001"].waybill
    assert label.fields["mark_destination"] == "571WB-013A"
    assert label.fields["receiver_name"] == "张三" and label.shipment_id == "PD-1001"
    assert sf.signatures_checked == 1
    sent = sf.orders["PD-1001"].body
    assert sent["monthlyCard"] == MONTHLY_CARD and sent["totalWeight"] == 1.2
    assert sent["expressTypeId"] == 2  # the account's default: "Standard" is no SF product id
    assert [c["contactType"] for c in sent["contactInfoList"]] == [1, 2]


def test_asking_twice_buys_one_waybill_and_numbers_are_unique(sf):
    carrier = adapter(sf)
    first = carrier.create_shipment(shipment("PD-1001"))
    again = carrier.create_shipment(shipment("PD-1001"))
    other = carrier.create_shipment(shipment("PD-1002"))
    assert again.tracking_number == first.tracking_number
    assert other.tracking_number != first.tracking_number
    assert [c["order_id"] for c in sf.applied] == ["PD-1001", "PD-1002"]


def test_a_wrong_checkword_is_refused_for_good(sf):
    with pytest.raises(CarrierError) as refused:
        adapter(sf, checkword="not-the-checkword").create_shipment(shipment("PD-1"))
    assert refused.value.code == "A1006" and not refused.value.temporary
    assert "check word" in str(refused.value)


@pytest.mark.parametrize("receiver, code", [
    (Party(name="张三", phone="13800138000"), "1014"),
    (Party(name="张三", phone="13800138000", city="喀什地区",
                        line1="塔什库尔干县红其拉甫口岸"), "filterResult=3")])
def test_a_refused_address(sf, receiver, code):
    with pytest.raises(AddressRefused) as refused:
        adapter(sf).create_shipment(shipment("PD-2", receiver=receiver))
    assert refused.value.code == code and not refused.value.temporary
    assert sf.applied == []


def test_a_blocked_monthly_account_is_an_exhausted_balance(sf):
    sf.account_blocked = True
    with pytest.raises(BalanceExhausted) as refused:
        adapter(sf).create_shipment(shipment("PD-3"))
    assert refused.value.code == "8119" and "月结" in str(refused.value)


@pytest.mark.parametrize("fault", ["500", "503", "drop"])
def test_server_errors_are_temporary(sf, fault):
    sf.faults.inject(fault)
    with pytest.raises(CarrierUnavailable):
        adapter(sf).create_shipment(shipment("PD-4"))


def test_a_timeout_is_temporary(sf):
    sf.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable) as late:
        adapter(sf, timeout_s=0.3).create_shipment(shipment("PD-5"))
    assert late.value.code == "timeout"


@pytest.mark.parametrize("api_code", ["A1099", "A1009", "A1005"])
def test_platform_system_errors_are_temporary(sf, api_code):
    sf.api_codes.append(api_code)
    with pytest.raises(CarrierUnavailable) as busy:
        adapter(sf).create_shipment(shipment("PD-6"))
    assert busy.value.code == api_code


def test_cancel_and_cancel_again(sf):
    carrier = adapter(sf)
    label = carrier.create_shipment(shipment("PD-7"))
    carrier.cancel_shipment(label)
    assert sf.orders["PD-7"].cancelled
    carrier.cancel_shipment(label)  # 8037 订单已消单: already what we wanted


def test_cancel_of_an_unknown_or_collected_waybill_is_refused(sf):
    carrier = adapter(sf)
    label = carrier.create_shipment(shipment("PD-8"))
    sf.add_route(label.tracking_number, "50", "2026-12-01 10:00:00", "顺丰速运 已收取快件")
    with pytest.raises(CarrierError) as collected:
        carrier.cancel_shipment(label)
    assert collected.value.code == "8252" and not collected.value.temporary
    unknown = CarrierLabel("SF0000000000001", "sf_express", LabelFormat.FIELDS,
                              shipment_id="PD-NEVER")
    with pytest.raises(CarrierError) as never:
        carrier.cancel_shipment(unknown)
    assert never.value.code == "8018"


def test_routes_become_tracking_events(sf):
    carrier = adapter(sf)
    number = carrier.create_shipment(shipment("PD-9")).tracking_number
    for op, at, remark in [("50", "2026-12-01 10:00:00", "顺丰速运 已收取快件"),
                           ("30", "2026-12-01 13:16:02", "快件在【深圳中转场】完成分拣"),
                           ("44", "2026-12-02 08:04:25", "正在派送途中"),
                           ("80", "2026-12-02 11:52:34", "已签收,感谢使用顺丰"),
                           ("9999", "2026-12-02 11:53:00", "未知节点")]:
        sf.add_route(number, op, at, remark)
    events = carrier.track(number)
    assert [e.status for e in events] == [
        TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.DELIVERED, TrackingStatus.UNKNOWN]
    assert events[-1].carrier_status == "9999"
    assert events[3].at == datetime(2026, 12, 2, 3, 52, 34, tzinfo=UTC)
    assert events[0].description == "顺丰速运 已收取快件"


def test_every_mapped_op_code_has_a_real_status():
    assert TrackingStatus.UNKNOWN not in sf_express.OP_CODES.values()
    assert {"50", "80", "44", "648", "99"} <= set(sf_express.OP_CODES)


def test_a_return_pickup_is_an_order_with_a_courier_call(sf):
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    booking = adapter(sf).book_pickup(PickupRequest(
        reference="RMA-1", address=RECEIVER, to=SENDER, ready_from=start,
        ready_until=start + timedelta(hours=3), weight_g=800))
    assert booking.tracking_number == sf.orders["RMA-1"].waybill == booking.pickup_code
    assert sf.applied[-1]["is_docall"] == 1
    assert sf.orders["RMA-1"].body["sendStartTm"] == "2026-12-03 09:00:00"
    assert booking.window == "2026-12-03 09:00-12:00"


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("template", ["76x130", "100x180"])
def test_the_printed_label_scans_as_the_sf_waybill(sf, tmp_path, dpi, template):
    label = adapter(sf).create_shipment(shipment("PD-10"))
    found = decoded_pdf(label, tmp_path, dpi, template)
    # two Code 128 (派件联 and 存根) and the route-label QR
    assert found.count(label.tracking_number) == 2
    assert label.fields["qr"] in found
    # ^BQ field data starts with the error-correction level and input mode ("MA,")
    assert zpl_barcodes(label, dpi, template) == [
        label.tracking_number, "MA," + label.fields["qr"], label.tracking_number]


def cloud_adapter(server: SfServer, template: str = CLOUD_TEMPLATE) -> SfExpress:
    return SfExpress(PARTNER_ID, CHECKWORD, MONTHLY_CARD, url=f"{server.url}/std/service",
                     cloud_template=template)


def test_a_cloud_printed_label_is_sfs_own_pdf(sf, tmp_path):
    label = cloud_adapter(sf).create_shipment(shipment("PD-11", label_format=LabelFormat.PDF))
    assert label.label_format == LabelFormat.PDF and label.label.startswith(b"%PDF")
    pdf = tmp_path / "sf.pdf"
    pdf.write_bytes(render_label(label, LabelFormat.PDF))
    (page,) = rasterise(pdf, 203, tmp_path / "png")
    assert decode(page) == [label.tracking_number]


def test_cloud_print_refused_leaves_the_waybill_and_draws_its_fields(sf):
    label = cloud_adapter(sf, template="fm_150_standard_SOMEONE").create_shipment(
        shipment("PD-12", label_format=LabelFormat.PDF))
    assert label.label_format == LabelFormat.FIELDS
    assert "模板不存在" in label.fields["cloud_print_error"]
    assert render_label(label, LabelFormat.PDF).startswith(b"%PDF")


def test_the_download_needs_its_token(sf):
    carrier = cloud_adapter(sf)
    label = carrier.create_shipment(shipment("PD-13", label_format=LabelFormat.FIELDS))
    assert label.label_format == LabelFormat.FIELDS and not sf.files
    carrier.cloud_print(label.tracking_number)
    (file_id,) = sf.files
    with pytest.raises(CarrierError) as refused:
        carrier._http.get_bytes(f"{sf.url}/download/{file_id}", "the label", {})
    assert refused.value.code == "http-401"
