"""The label is the carrier's (issue 17), against a real SQLite file and the EasyPost server:
pack, the carrier's label printed as it came, the channel hears the carrier's number,
scan-out, tracking to the door; the carrier down, refusing an address or out of balance."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.errors import NotAllowed, NotFound
from app.domain.orders import OrderStatus
from app.domain.shipments import RefundState, ShipmentState
from app.services import commands as c
from app.services.alerts import refresh_alerts
from app.services.bench import PackBenchService
from app.services.board import order_history
from app.services.handover import scan_out
from app.services.leases import Claimant
from app.services.returns import find_return
from app.services.shipments import (
    ask_again,
    refund_stopped_labels,
    retry_pending_labels,
    stop_parcel,
)
from app.services.tracking import record_tracking, track_once
from printing.carrier_labels import CarrierLabelPrinting
from printing.carriers.easypost import parse_webhook
from printing.order_documents import LabelPrinting
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from tests.integration.printing.pdftools import decode, rasterise
from tests.parts.shipment_store import carrier_store, easypost_carriers, pack, take_orders


@pytest.fixture
def world(store, uow, easypost_server, tmp_path):
    carrier_store(uow, easypost_server.url)
    spooler = Spooler()
    folder = tmp_path / "labels"
    own = LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(folder)), spooler)
    carriers = easypost_carriers()
    labels = CarrierLabelPrinting(own, spooler, carriers, uow, Claimant.for_station("bench-1"))
    yield labels, folder
    spooler.close()


def _printed(folder, count=1, timeout_s=20.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = sorted(folder.glob("*.pdf"))
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{count} labels not printed in {timeout_s} s: {list(folder.glob('*'))}")


def _fulfilments(uow):
    """(channel, payload) of every fulfilment queued for the channels."""
    with uow() as u:
        return [(m.channel, dict(m.payload)) for m in u.outbox.messages()
                if m.kind == "fulfilment"]


def test_a_packed_order_prints_the_carriers_label_and_follows_it_to_the_door(
        world, uow, easypost_server, tmp_path):
    labels, folder = world
    number = take_orders(uow, 1)[0]
    completion = pack(PackBenchService(uow), number)
    assert completion.label_pending and completion.tracking_number == ""
    assert _fulfilments(uow) == []  # the channel waits for the carrier's number

    said = labels(completion)  # the bench's network worker, after the completion committed
    tracking = easypost_server.bought[0][1]
    assert said.startswith(f"{tracking}: job ")
    pages = rasterise(_printed(folder)[0], 200, tmp_path / "pages")
    assert decode(pages[0]) == [tracking]  # the label is the carrier's, barcode and all
    sent = easypost_server.shipments[next(iter(easypost_server.shipments))]
    assert sent["parcel"]["weight"] == 30.0  # the weighed 850 g
    with uow() as u:
        order = u.orders.get(number)
        assert (order.status, order.tracking_number, order.carrier) == (
            OrderStatus.PACKED, tracking, "ezp")
    [(channel, payload)] = _fulfilments(uow)
    assert (channel, payload["tracking_number"], payload["carrier"]) == ("shop", tracking, "ezp")
    assert len(_printed(folder)) == 1
    assert labels(completion).startswith(f"{tracking}: job ")  # REPRINT: the same label again
    assert len(easypost_server.bought) == 1 and len(_printed(folder, 2)) == 2

    shipped = scan_out(tracking, "dock-1", "Ann", uow())
    assert not shipped.already and shipped.order_numbers == (number,)
    again = scan_out(tracking, "dock-1", "Ann", uow())
    assert again.already and "already scanned out by Ann" in again.message
    with uow() as u:
        record = u.orders.get(number).last_transition_to(OrderStatus.SHIPPED)
        assert (record.by, record.station) == ("Ann", "dock-1")

    delivered_at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    easypost_server.move(tracking, "in_transit", "Arrived at USPS facility", "Oakland",
                         at=f"{delivered_at - timedelta(hours=2):%Y-%m-%dT%H:%M:%SZ}")
    easypost_server.move(tracking, "delivered", "Delivered, in mailbox", "San Francisco",
                         at=f"{delivered_at:%Y-%m-%dT%H:%M:%SZ}")
    result = track_once(easypost_carriers(), uow, Claimant.for_station("cron"))
    assert result.delivered == (number,) and result.recorded == 3
    with uow() as u:
        order = u.orders.get(number)
        assert order.status == OrderStatus.DELIVERED
        assert order.last_transition_to(OrderStatus.DELIVERED).at == delivered_at
    history = [e.text for e in order_history(uow(), number).entries]
    assert any("tracking in transit: Arrived at USPS facility (Oakland)" in t for t in history)
    assert any("delivered" in t for t in history)
    lookup = find_return(number, uow(), UTC)
    assert "since delivery" in lookup.message
    assert track_once(easypost_carriers(), uow,
                      Claimant.for_station("cron")).recorded == 0  # nothing twice


def test_with_the_carrier_down_packing_goes_on_and_the_job_prints_each_label_once(
        world, uow, easypost_server):
    labels, folder = world
    easypost_server.down = True
    bench = PackBenchService(uow)
    numbers = take_orders(uow, 5)
    for number in numbers:
        said = labels(pack(bench, number))
        assert said.startswith("label pending: EasyPost USPS: EasyPost is busy or down (503)")
        assert "it prints when the carrier answers" in said
    later = uow_factory(uow().session_factory, "bench-1",
                        lambda: datetime.now(UTC) + timedelta(minutes=20))
    alerts = refresh_alerts(later())
    pending = [a for a in alerts.raised if a.kind == "label_pending"]
    assert len(pending) == 5 and "pending at ezp for 20 min" in pending[0].message

    easypost_server.down = False
    carriers = easypost_carriers()
    assert retry_pending_labels(carriers, uow, Claimant.for_station("cron")) == []  # not due
    outcomes = retry_pending_labels(carriers, later, Claimant.for_station("cron"))
    assert sorted(o.order_numbers[0] for o in outcomes if o.labelled) == sorted(numbers)
    assert labels.print_waiting("another-bench") == []
    printed = labels.print_waiting("test-bench")  # the station that packed them prints them
    assert len(printed) == 5 and len(_printed(folder, 5)) == 5
    assert labels.print_waiting(uow().station) == []
    tracking = [code for _reference, code in easypost_server.bought]
    assert len(tracking) == 5 == len(set(tracking))
    assert sorted(p["tracking_number"] for _c, p in _fulfilments(uow)) == sorted(tracking)
    cleared = refresh_alerts(later())
    assert not [a for a in cleared.open if a.kind == "label_pending" and not a.cleared]


@pytest.mark.parametrize("refusal", ["address", "balance"])
def test_a_refused_label_stops_asking_and_alerts_in_the_carriers_words(world, uow,
                                                                       easypost_server,
                                                                       refusal):
    labels, _folder = world
    number = take_orders(uow, 1)[0]
    if refusal == "address":
        easypost_server.refuse_streets.add("101 Market St")
    else:
        easypost_server.balance_cents = 10
    completion = pack(PackBenchService(uow), number)
    said = labels(completion)
    assert "a supervisor must put it right" in said
    raised = [a for a in refresh_alerts(uow()).raised if a.kind == "label_refused"]
    words = ("Address not found; street1: House number is missing" if refusal == "address"
             else "Insufficient funds")
    assert len(raised) == 1 and words in raised[0].message
    assert f"packdesk labels retry {completion.shipment_reference}" in raised[0].message
    asked = len(easypost_server.request_log)
    later = uow_factory(uow().session_factory, "x", lambda: datetime.now(UTC) + timedelta(hours=2))
    carriers = easypost_carriers()
    assert retry_pending_labels(carriers, later, Claimant.for_station("cron")) == []
    assert len(easypost_server.request_log) == asked  # a refusal is not asked again by itself

    easypost_server.refuse_streets.clear()
    easypost_server.balance_cents = 10**6
    ask_again(completion.shipment_reference, "Sam", uow())
    [outcome] = retry_pending_labels(carriers, uow, Claimant.for_station("cron"))
    assert outcome.labelled and len(easypost_server.bought) == 1


def test_a_stopped_parcel_has_its_label_refunded_and_cannot_be_scanned_out(world, uow,
                                                                           easypost_server):
    labels, _folder = world
    number = take_orders(uow, 1)[0]
    labels(pack(PackBenchService(uow), number))
    tracking = easypost_server.bought[0][1]
    said = stop_parcel(number, "Sam", "buyer cancelled at Shopify", uow())
    assert said == f"Order {number} stopped; label {tracking} will be refunded at the carrier."
    done = refund_stopped_labels(easypost_carriers(), uow,
                                 Claimant.for_station("cron"))
    assert done and done[0][1] == "refunded" and easypost_server.refunds == [tracking]
    with uow() as u:
        shipment = u.shipments.by_tracking(tracking)
        assert (shipment.state, shipment.refund) == (ShipmentState.CANCELLED,
                                                     RefundState.REFUNDED)
        assert u.orders.get(number).status == OrderStatus.CANCELLED
        assert u.stock.get("IPOD2008RED").available == 100  # the unit is back on the shelf
    with pytest.raises(NotAllowed, match="was stopped; it must not leave"):
        scan_out(tracking, "dock-1", "Ann", uow())
    with pytest.raises(NotFound, match="No parcel has tracking number NOPE123"):
        scan_out("NOPE123", "dock-1", "Ann", uow())


def test_parcels_not_handed_over_quiet_or_returned_raise_alerts(world, uow, easypost_server):
    labels, _folder = world
    first, second, third = take_orders(uow, 3)
    bench = PackBenchService(uow)
    for number in (first, second, third):
        labels(pack(bench, number))
    codes = [code for _r, code in easypost_server.bought]
    scan_out(codes[1], "dock", "Ann", uow())
    scan_out(codes[2], "dock", "Ann", uow())
    body, _signature = easypost_server.webhook(
        easypost_server.move(codes[2], "return_to_sender", "Returned: refused by addressee")
        ["tracking_code"])
    record_tracking(parse_webhook(body), uow())
    tomorrow = datetime.now(UTC).replace(hour=18) + timedelta(days=4)
    at_six = uow_factory(uow().session_factory, "x", lambda: tomorrow)
    raised = {a.kind: a for a in refresh_alerts(at_six()).raised}
    assert codes[0] in raised["not_handed_over"].message
    assert "not scanned out by the 17:00 cut-off" in raised["not_handed_over"].message
    assert codes[1] in raised["parcel_quiet"].message
    assert "being returned to us" in raised["returned_to_sender"].message


def test_the_channel_cancelling_a_packed_order_stops_its_parcel_and_refunds_its_label(
        world, uow, easypost_server):
    from app.services.intake import IncomingLine, IncomingOrder, take_in
    from tests.parts.shipment_store import PLACED

    labels, _folder = world
    number = take_orders(uow, 1)[0]
    labels(pack(PackBenchService(uow), number))
    tracking = easypost_server.bought[0][1]
    with uow() as u:
        order = u.orders.get(number)
        cancelled = IncomingOrder("shop", order.channel_order_id, "cancelled", order.buyer_name,
                                  order.phone, order.ship_to,
                                  (IncomingLine("L1", "IPOD2008RED", "x", 1),), placed_at=PLACED)
    [result] = take_in([cancelled], uow())
    assert result.outcome == "parked"
    assert f"label {tracking} will be refunded at the carrier" in result.reasons[0]
    assert "Take the parcel off the shelf" in result.reasons[0]
    refund_stopped_labels(easypost_carriers(), uow, Claimant.for_station("cron"))
    assert easypost_server.refunds == [tracking]
    with uow() as u:
        assert u.orders.get(number).status == OrderStatus.CANCELLED


def test_the_stations_parcel_jobs_fetch_print_and_track_in_one_round(world, uow,
                                                                     easypost_server):
    from printing.carrier_labels import ParcelJobs

    labels, folder = world
    easypost_server.down = True
    number = take_orders(uow, 1)[0]
    labels(pack(PackBenchService(uow), number))
    easypost_server.down = False
    with uow() as u:  # as if the first retry were due now
        [reference] = u.shipments.due_for_label(u.now() + timedelta(minutes=1))
        u.shipments.get(reference).next_attempt_at = None
        u.commit()
    printed = ParcelJobs(labels, "test-bench").run_once()
    tracking = easypost_server.bought[0][1]
    assert len(printed) == 1 and printed[0].startswith(tracking) and _printed(folder)
    with uow() as u:
        assert [e.status for e in u.shipments.by_tracking(tracking).events] == ["pre_transit"]


def test_the_box_the_parcel_went_in_gives_the_carrier_its_dimensions(world, uow,
                                                                      easypost_server):
    from app.domain.products import Product

    labels, _folder = world
    with uow() as u:
        u.products.add(Product(sku="BOX-S", name="Box S", weight_g=750, is_box=True,
                               length_mm=254, width_mm=203, height_mm=102))
        u.commit()
    number = take_orders(uow, 1)[0]
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(number, "Ann"))
    bench.scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, "SCAN-IPOD2008RED"))
    labels(bench.complete(c.CompletePack(opened.session_id, weighed_g=850.0,
                                         box_sku="BOX-S")))
    sent = easypost_server.shipments[next(iter(easypost_server.shipments))]
    assert (sent["parcel"]["length"], sent["parcel"]["width"], sent["parcel"]["height"]) == (
        10.0, 8.0, 4.0)  # inches, as EasyPost takes them
