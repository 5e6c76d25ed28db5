"""`packdesk handover` at the end of the day: tracking numbers on stdin, each parcel shipped,
the refused ones named, and the manifest per carrier with counts and weights."""

from __future__ import annotations

import io
import sys
from argparse import Namespace

from app.domain.orders import OrderStatus
from app.services.bench import PackBenchService
from app.services.leases import Claimant
from printing.carrier_labels import CarrierLabelPrinting
from printing.order_documents import LabelPrinting
from printing.shipping_cli import run
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from tests.integration.printing.pdftools import decode, rasterise, text_of
from tests.parts.shipment_store import (
    carrier_keys,
    carrier_store,
    easypost_carriers,
    pack,
    take_orders,
)


def test_handover_ships_each_parcel_once_and_prints_the_manifest(sqlite_url, store, uow,
                                                                 easypost_server, tmp_path,
                                                                 monkeypatch):
    carrier_store(uow, easypost_server.url)
    spooler = Spooler()
    labels = CarrierLabelPrinting(
        LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels")), spooler),
        spooler, easypost_carriers(), uow, Claimant.for_station("b"))
    numbers = take_orders(uow, 3)
    bench = PackBenchService(uow)
    for number in numbers:
        labels(pack(bench, number))
    spooler.close()
    codes = [code for _r, code in easypost_server.bought]
    own = pack(bench, take_orders(uow, 1, first=9, carrier="")[0])  # self-delivery, own range
    lines = "\n".join([codes[0], codes[1], codes[0], "UNKNOWN-1", codes[2],
                       own.tracking_number]) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    out, err = io.StringIO(), io.StringIO()
    manifest = tmp_path / "manifest.pdf"
    args = Namespace(command="handover", db=sqlite_url, sub_db=None, station="dock-1",
                     by="Ann", manifest=str(manifest))
    assert run(args, carrier_keys(), out, err) == 1  # one line was refused
    said = out.getvalue()
    assert said.count("OK Parcel") == 4 and f"again Parcel {codes[0]} was already" in said
    assert "4 parcels scanned out, 1 refused" in said
    assert "manifest EasyPost USPS: 3 parcels, 2.55 kg" in said
    [scan_form] = easypost_server.scan_forms.values()  # the manifest sent by API too
    assert sorted(scan_form["tracking_codes"]) == sorted(codes)
    assert f"manifest sent to EasyPost USPS: {scan_form['id']}, 3 parcels" in said
    assert "REFUSED UNKNOWN-1: No parcel has tracking number UNKNOWN-1" in err.getvalue()
    with uow() as u:
        assert {u.orders.get(n).status for n in numbers} == {OrderStatus.SHIPPED}
    text = text_of(manifest)
    assert "Hand-over manifest: EasyPost USPS" in text and "3 parcels, 2.55 kg" in text
    pages = rasterise(manifest, 300, tmp_path / "pages")
    assert len(pages) == 2  # a page per carrier: the own-range parcel on its own
    on_sheet = [set(decode(page)) for page in pages]  # the driver's scanner reads them off it
    assert set(codes) in on_sheet and {own.tracking_number} in on_sheet
