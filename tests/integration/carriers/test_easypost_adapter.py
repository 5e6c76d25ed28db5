"""The EasyPost adapter against the local EasyPost server built from EasyPost's docs."""

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
    ShipmentRequest,
    TrackingStatus,
)
from printing.carriers.easypost import (
    EASYPOST_STATUS,
    EasyPost,
    WebhookRefused,
    parse_webhook,
)
from tests.parts.shipment_store import API_KEY

SENDER = Party("Packdesk Test Shop", "415 555 0100", "417 Montgomery St", city="San Francisco",
               region="CA", postcode="94104", country="US")
BUYER = Party("Ann Buyer", "415 555 0199", "388 Townsend St", "Apt 20", "San Francisco", "CA",
              postcode="94107", country="US")


def _request(reference="PD-1-1", label_format=LabelFormat.PDF, receiver=BUYER, weight_g=850):
    return ShipmentRequest(reference, SENDER, receiver, weight_g, length_mm=300, width_mm=200,
                           height_mm=100, service="GroundAdvantage", label_format=label_format)


@pytest.fixture
def easypost(easypost_server):
    adapter = EasyPost(API_KEY, easypost_server.url, code="ezp", timeout_s=2.0)
    yield adapter
    adapter.close()


def test_a_label_is_bought_at_the_quoted_rate_with_the_weight_in_ounces(easypost,
                                                                         easypost_server):
    label = easypost.create_shipment(_request())
    assert label.label_format is LabelFormat.PDF and label.label.startswith(b"%PDF")
    assert label.tracking_number.startswith("9400") and label.shipment_id.startswith("shp_")
    assert (label.rate.service, label.rate.amount_cents, label.rate.currency) == (
        "GroundAdvantage", 558, "USD")
    sent = easypost_server.shipments[label.shipment_id]
    assert sent["parcel"]["weight"] == 30.0  # 850 g
    assert (sent["parcel"]["length"], sent["parcel"]["width"]) == (11.8, 7.9)
    assert sent["to_address"]["street1"] == "388 Townsend St" and sent["reference"] == "PD-1-1"
    assert easypost_server.bought == [("PD-1-1", label.tracking_number)]


def test_asking_again_with_the_same_reference_buys_nothing_twice(easypost, easypost_server):
    first = easypost.create_shipment(_request())
    again = easypost.create_shipment(_request())
    assert again.tracking_number == first.tracking_number
    assert len(easypost_server.bought) == 1


def test_a_shipment_created_but_not_bought_before_a_crash_is_bought_on_the_next_ask(
        easypost, easypost_server):
    easypost_server.faults.inject("500", match="/buy")
    with pytest.raises(CarrierUnavailable):
        easypost.create_shipment(_request())
    label = easypost.create_shipment(_request())
    assert len(easypost_server.shipments) == 1 and len(easypost_server.bought) == 1
    assert easypost_server.bought[0][1] == label.tracking_number


def test_a_zpl_label_comes_as_zpl(easypost):
    label = easypost.create_shipment(_request(label_format=LabelFormat.ZPL))
    assert label.label_format is LabelFormat.ZPL
    assert label.label.startswith(b"^XA") and label.tracking_number.encode() in label.label


def test_a_refused_address_says_what_easypost_said(easypost, easypost_server):
    easypost_server.refuse_streets.add("388 Townsend St")
    with pytest.raises(AddressRefused) as refused:
        easypost.create_shipment(_request())
    assert not refused.value.temporary and refused.value.code == "ADDRESS.VERIFY.FAILURE"
    assert str(refused.value) == ("EasyPost refused the address: Address not found; street1: "
                                  "House number is missing")


def test_an_empty_balance_stops_with_what_to_do(easypost, easypost_server):
    easypost_server.balance_cents = 100
    with pytest.raises(BalanceExhausted) as exhausted:
        easypost.create_shipment(_request())
    assert not exhausted.value.temporary
    assert "Insufficient funds" in str(exhausted.value) and "Top up" in str(exhausted.value)


@pytest.mark.parametrize("fault", ["500", "503", "drop"])
def test_a_server_error_or_a_dropped_connection_is_asked_again_later(easypost, easypost_server,
                                                                     fault):
    easypost_server.faults.inject(fault)
    with pytest.raises(CarrierUnavailable) as down:
        easypost.create_shipment(_request())
    assert down.value.temporary


def test_a_carrier_that_does_not_answer_in_time_is_unavailable(easypost_server):
    slow = EasyPost(API_KEY, easypost_server.url, timeout_s=0.3)
    easypost_server.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable, match="did not answer in time"):
        slow.create_shipment(_request())
    slow.close()


def test_a_wrong_key_is_refused_for_good(easypost_server):
    wrong = EasyPost("EZTK_wrong", easypost_server.url)
    with pytest.raises(CarrierError, match="refused the API key") as refused:
        wrong.create_shipment(_request())
    assert not refused.value.temporary
    wrong.close()


def test_an_unused_label_is_refunded_and_a_used_one_is_refused(easypost, easypost_server):
    unused = easypost.create_shipment(_request("PD-2-1"))
    easypost.cancel_shipment(unused)
    assert easypost_server.refunds == [unused.tracking_number]
    used = easypost.create_shipment(_request("PD-3-1"))
    easypost_server.move(used.tracking_number, "in_transit", "Arrived at USPS facility")
    with pytest.raises(CarrierError, match="rejected the refund"):
        easypost.cancel_shipment(CarrierLabel(used.tracking_number, "ezp", LabelFormat.PDF,
                                              shipment_id=used.shipment_id))


def test_tracking_reads_every_detail_oldest_first(easypost, easypost_server):
    label = easypost.create_shipment(_request())
    later = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    easypost_server.move(label.tracking_number, "delivered", "Delivered, front door",
                         "San Francisco", at=f"{later + timedelta(hours=5):%Y-%m-%dT%H:%M:%SZ}")
    easypost_server.move(label.tracking_number, "in_transit", "Departed", "Oakland",
                         at=f"{later:%Y-%m-%dT%H:%M:%SZ}")  # reported late, happened first
    events = easypost.track(label.tracking_number)
    assert [e.status for e in events] == [TrackingStatus.PRE_TRANSIT, TrackingStatus.IN_TRANSIT,
                                          TrackingStatus.DELIVERED]
    assert events[-1].at == later + timedelta(hours=5)
    assert (events[-1].location, events[-1].carrier_status) == ("San Francisco", "delivered")


def test_every_documented_tracker_status_is_mapped():
    documented = {"pre_transit", "in_transit", "out_for_delivery", "delivered",
                  "available_for_pickup", "return_to_sender", "failure", "cancelled",
                  "error", "unknown"}
    assert set(EASYPOST_STATUS) == documented
    assert EASYPOST_STATUS["return_to_sender"] is TrackingStatus.RETURNED_TO_SENDER
    assert EASYPOST_STATUS["available_for_pickup"] is not TrackingStatus.DELIVERED


def test_a_signed_tracker_webhook_gives_its_events_and_a_forged_one_is_refused(
        easypost, easypost_server):
    label = easypost.create_shipment(_request())
    easypost_server.move(label.tracking_number, "out_for_delivery", "Out for delivery")
    body, signature = easypost_server.webhook(label.tracking_number)
    events = parse_webhook(body, easypost_server.webhook_secret, signature)
    assert events[-1].status is TrackingStatus.OUT_FOR_DELIVERY
    assert events[-1].tracking_number == label.tracking_number
    with pytest.raises(WebhookRefused, match="signature does not match"):
        parse_webhook(body.replace(b"Out for", b"Out of"), easypost_server.webhook_secret,
                      signature)
