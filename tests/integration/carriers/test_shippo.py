"""Shippo against its test API (tests/channel_servers/shippo_server.py, from
docs.goshippo.com): rates, a label bought and printed as delivered, refunds, tracking,
customs for a parcel abroad, a return pick-up, and the faults a real account meets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierUnavailable,
    LabelFormat,
    ParcelItem,
    Party,
    PickupRequest,
    ShipmentRequest,
    TrackingStatus,
)
from printing.carriers import CarrierAccount, CarrierRegistry
from printing.carriers.shippo import Shippo
from printing.zpl import read_labels
from tests.channel_servers.shippo_server import ShippoServer
from tests.integration.printing.pdftools import decode, rasterise

SHOP = Party(name="Packdesk Goods", phone="+1 415 555 0100", line1="965 Mission St",
             city="San Francisco", region="CA", postcode="94103", country="US",
             company="Packdesk Goods LLC", email="ship@example.com")
BUYER = Party(name="Dana Reyes", phone="+1 212 555 0144", line1="20 W 34th St",
              city="New York", region="NY", postcode="10001", country="US")
ABROAD = Party(name="Chen Jing", phone="+86 138 0013 8000", line1="文一西路969号",
               city="杭州市", region="浙江省", postcode="311121", country="CN")
MUG = ParcelItem("MUG-RED", "Ceramic mug, red", 2, unit_value_cents=1450, weight_g=380,
                 hs_code="6912.00", origin_country="PT")


@pytest.fixture
def server():
    with ShippoServer() as running:
        yield running


def _shippo(server: ShippoServer, **options) -> Shippo:
    return Shippo(server.key, url=server.url, carrier="usps",
                  carrier_account="b741b99f95e841639b54272834bc478c", **options)


def _parcel(reference: str = "PD-100001", receiver: Party = BUYER, **changes) -> ShipmentRequest:
    return ShipmentRequest(reference=reference, sender=SHOP, receiver=receiver, weight_g=900,
                           items=(MUG,), length_mm=220, width_mm=160, height_mm=120,
                           **changes)


def test_the_label_is_shippos_and_its_barcode_is_the_tracking_number(server, tmp_path):
    label = _shippo(server).create_shipment(_parcel())
    assert label.label_format is LabelFormat.PDF and label.label.startswith(b"%PDF")
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(label.label)
    assert label.tracking_number in decode(rasterise(pdf, 203, tmp_path / "r")[0])
    assert server.applied[-1] == {"op": "label", "tracking": label.tracking_number,
                                  "metadata": "PD-100001", "file_type": "PDF_4x6"}
    # the cheapest rate unless a service is asked for; the label file came without the key
    assert label.rate.service == "Ground Advantage" and label.rate.currency == "USD"
    assert "authorization" not in server.label_downloads[-1]


def test_a_zpl_label_and_a_chosen_service(server):
    label = _shippo(server).create_shipment(_parcel(label_format=LabelFormat.ZPL,
                                                    service="usps_priority"))
    fields = read_labels(label.label)[0]
    assert [f.data for f in fields if f.command == "^BC"] == [label.tracking_number]
    assert label.rate.service == "Priority Mail" and label.rate.days == 2
    with pytest.raises(CarrierError, match="offers no 'fedex_2day'"):
        _shippo(server).create_shipment(_parcel("PD-2", service="fedex_2day"))


def test_each_parcel_gets_its_own_number(server):
    shippo = _shippo(server)
    numbers = {shippo.create_shipment(_parcel(f"PD-{n}")).tracking_number for n in range(5)}
    assert len(numbers) == 5


def test_a_parcel_abroad_carries_its_customs_declaration(server):
    _shippo(server).create_shipment(_parcel(receiver=ABROAD, currency="USD"))
    customs = next(change for change in server.applied if change["op"] == "customs")
    assert customs == {"op": "customs", "items": 1, "tariffs": ["6912.00"]}
    without_hs = ParcelItem("MUG-RED", "Ceramic mug", 1, unit_value_cents=1450, weight_g=380)
    with pytest.raises(CarrierError, match="HS code, origin and value .* MUG-RED"):
        _shippo(server).create_shipment(ShipmentRequest(
            reference="PD-3", sender=SHOP, receiver=ABROAD, weight_g=500, items=(without_hs,)))


def test_an_address_the_carrier_cannot_find_is_refused_in_its_words(server):
    nowhere = Party(name="X", line1="1 Nowhere Rd", city="Nowhere", region="AK",
                    postcode="99999", country="US")
    with pytest.raises(AddressRefused, match="could not be found"):
        _shippo(server).create_shipment(_parcel(receiver=nowhere))
    incomplete = Party(name="Y", city="Boston", postcode="02110", country="US")
    with pytest.raises(CarrierError, match="street1"):
        _shippo(server).create_shipment(_parcel(receiver=incomplete))


def test_an_empty_account_is_a_balance_problem_and_a_carrier_timeout_is_asked_again(server):
    server.carrier_timeout_next = True
    with pytest.raises(CarrierUnavailable, match="did not respond"):
        _shippo(server).create_shipment(_parcel())
    server.funds_cents = 100
    with pytest.raises(BalanceExhausted, match="Insufficient funds"):
        _shippo(server).create_shipment(_parcel("PD-4"))


def test_the_api_down_or_slow_is_temporary_and_a_wrong_key_needs_a_person(server):
    server.faults.inject("503")
    with pytest.raises(CarrierUnavailable, match="HTTP 503"):
        _shippo(server).create_shipment(_parcel())
    server.faults.inject("slow", delay_s=1.5)
    with pytest.raises(CarrierUnavailable, match="did not answer"):
        Shippo(server.key, url=server.url, timeout_s=0.5).create_shipment(_parcel())
    with pytest.raises(CarrierError, match="refused the API key") as refused:
        Shippo("shippo_test_wrong", url=server.url).create_shipment(_parcel())
    assert not refused.value.temporary


def test_an_unused_label_is_refunded_once_and_a_used_one_is_not(server):
    shippo = _shippo(server)
    label = shippo.create_shipment(_parcel())
    before = server.funds_cents
    shippo.cancel_shipment(label)
    assert server.funds_cents > before
    with pytest.raises(CarrierError, match="already exists"):
        shippo.cancel_shipment(label)
    used = shippo.create_shipment(_parcel("PD-5"))
    server.add_event(used.tracking_number, "TRANSIT", "Departed USPS facility", city="Oakland")
    with pytest.raises(CarrierError, match="has been used"):
        shippo.cancel_shipment(used)


def test_tracking_events_map_every_documented_status(server):
    shippo = _shippo(server)
    label = shippo.create_shipment(_parcel())
    assert [e.status for e in shippo.track(label.tracking_number)] == [TrackingStatus.UNKNOWN]
    for status, details, sub in (("PRE_TRANSIT", "Label created", ""),
                                 ("TRANSIT", "Accepted at USPS origin", "package_accepted"),
                                 ("TRANSIT", "In transit", ""),
                                 ("TRANSIT", "Out for delivery", "out_for_delivery"),
                                 ("FAILURE", "Notice left", "delivery_attempted"),
                                 ("DELIVERED", "Delivered, front door", "")):
        server.add_event(label.tracking_number, status, details, sub, city="New York")
    events = shippo.track(label.tracking_number)
    assert [e.status for e in events] == [
        TrackingStatus.PRE_TRANSIT, TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT,
        TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.FAILED_ATTEMPT,
        TrackingStatus.DELIVERED]
    assert events[-1].carrier_status == "DELIVERED" and "New York" in events[-1].location
    other = shippo.create_shipment(_parcel("PD-6"))
    server.add_event(other.tracking_number, "RETURNED", "Returned to sender")
    server.add_event(other.tracking_number, "FAILURE", "Damaged")
    assert [e.status for e in shippo.track(other.tracking_number)] == [
        TrackingStatus.RETURNED_TO_SENDER, TrackingStatus.EXCEPTION]


def test_a_return_pickup_at_the_buyers_door(server):
    start = datetime.now(UTC) + timedelta(days=1)
    booking = _shippo(server).book_pickup(PickupRequest(
        reference="RMA-7", address=BUYER, to=SHOP, ready_from=start,
        ready_until=start + timedelta(hours=4), weight_g=800))
    assert booking.pickup_code.startswith("WTC") and booking.tracking_number
    shipment = next(s for s in server.shipments.values() if s["extra"].get("is_return"))
    assert shipment["address_from"]["name"] == BUYER.name
    assert server.pickups[0]["transactions"]
    with pytest.raises(CarrierError, match="carrier account"):
        Shippo(server.key, url=server.url).book_pickup(PickupRequest(
            reference="RMA-8", address=BUYER, to=SHOP, ready_from=start,
            ready_until=start + timedelta(hours=4)))


def test_built_from_the_registry_with_its_key_from_the_keyring(server, tmp_path):
    from printing.carriers.credentials import CarrierCredentialStore
    from tests.parts.file_keyring import FileKeyring

    store = CarrierCredentialStore(FileKeyring(tmp_path / "keys.json"))
    store.save("usps-main", "shippo", {"api_key": server.key})
    shippo = CarrierRegistry(store=store).create(CarrierAccount(
        "usps-main", "shippo", {"url": server.url, "carrier": "usps"}))
    assert shippo.create_shipment(_parcel()).tracking_number
