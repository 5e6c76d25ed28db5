"""A return pick-up at the buyer's door booked with EasyPost (上门取件): the return label is
bought from the buyer to the shop, a Pickup is created for it in the buyer's window and its
cheapest rate bought; the carrier's confirmation is the pick-up code. Refusals in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.shipping import BalanceExhausted, CarrierError, Party, PickupRequest
from printing.carriers.easypost import EasyPost
from tests.parts.shipment_store import API_KEY

SHOP = Party("Packdesk Test Shop", "415 555 0100", "417 Montgomery St", city="San Francisco",
             region="CA", postcode="94104", country="US")
BUYER = Party("Ann Buyer", "415 555 0199", "388 Townsend St", "Apt 20", "San Francisco", "CA",
              postcode="94107", country="US")
START = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)


@pytest.fixture
def easypost(easypost_server):
    adapter = EasyPost(API_KEY, easypost_server.url, code="ezp", timeout_s=2.0)
    yield adapter
    adapter.close()


def _pickup(reference="RMA-1001", to=SHOP, until=START + timedelta(hours=4)):
    return PickupRequest(reference, BUYER, START, until, weight_g=900, to=to)


def test_a_return_pick_up_is_booked_and_its_code_is_the_carriers_confirmation(easypost,
                                                                              easypost_server):
    booking = easypost.book_pickup(_pickup())
    pickup = easypost_server.pickups[booking.booking_id]
    assert pickup["status"] == "scheduled" and booking.pickup_code == pickup["confirmation"]
    assert pickup["address"]["street1"] == "388 Townsend St"  # at the buyer's door
    assert pickup["reference"] == "RMA-1001"
    shipment = easypost_server.shipments[pickup["shipment"]["id"]]
    assert shipment["to_address"]["street1"] == "417 Montgomery St"  # back to the shop
    assert booking.tracking_number == shipment["tracking_code"]
    assert easypost_server.bought == [("RMA-1001", booking.tracking_number)]
    assert booking.window == "2026-12-04 16:00–20:00"


def test_the_cheapest_pick_up_rate_is_bought(easypost, easypost_server):
    booking = easypost.book_pickup(_pickup())
    pickup = easypost_server.pickups[booking.booking_id]
    assert [r["service"] for r in pickup["pickup_rates"]] == ["NextDay"]  # USPS's own


def test_a_pick_up_can_be_called_off(easypost, easypost_server):
    booking = easypost.book_pickup(_pickup())
    easypost.cancel_pickup(booking)
    assert easypost_server.pickups[booking.booking_id]["status"] == "canceled"
    with pytest.raises(CarrierError, match="Only a scheduled pickup"):
        easypost.cancel_pickup(booking)


def test_a_pick_up_with_no_address_to_return_to_is_refused(easypost, easypost_server):
    with pytest.raises(CarrierError, match="needs the address it goes back to"):
        easypost.book_pickup(_pickup(to=None))
    assert easypost_server.request_log == []


def test_a_window_that_ends_before_it_starts_is_refused_in_easyposts_words(easypost):
    with pytest.raises(CarrierError, match="max_datetime must be later than min_datetime"):
        easypost.book_pickup(_pickup(until=START - timedelta(hours=1)))


def test_no_balance_for_the_pick_up_says_top_it_up(easypost, easypost_server):
    easypost_server.balance_cents = 0
    with pytest.raises(BalanceExhausted, match="Top up the EasyPost balance"):
        easypost.book_pickup(_pickup())


def _bought(easypost, reference):
    from app.domain.shipping import ShipmentRequest

    return easypost.create_shipment(ShipmentRequest(reference, SHOP, BUYER, 850))


def test_the_hand_over_goes_on_one_scan_form_and_a_parcel_only_once(easypost,
                                                                    easypost_server):
    labels = [_bought(easypost, f"PD-7{n}") for n in range(3)]
    sent = easypost.send_manifest(tuple(label.shipment_id for label in labels))
    assert sent.manifest_id in easypost_server.scan_forms
    assert sent.tracking_numbers == tuple(label.tracking_number for label in labels)
    assert sent.form_url.endswith(f"{sent.manifest_id}.pdf")
    with pytest.raises(CarrierError, match="more than one ScanForm"):
        easypost.send_manifest((labels[0].shipment_id,))


def test_a_refunded_label_stays_off_the_scan_form(easypost, easypost_server):
    label = _bought(easypost, "PD-79")
    easypost.cancel_shipment(label)
    with pytest.raises(CarrierError, match="Refunded shipments cannot be added"):
        easypost.send_manifest((label.shipment_id,))
    assert easypost_server.scan_forms == {}
