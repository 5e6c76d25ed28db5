"""A Shippo API (docs.goshippo.com, version 2018-02-08) for the calls Packdesk makes.

It checks `Authorization: ShippoToken <key>`, validates addresses and parcels as the API
reference lists them, refuses a border-crossing shipment without a customs declaration,
sells labels from rates it quoted (a rate is bought once), draws each label as a real PDF
or ZPL with the tracking number as Code 128, serves it from "storage" without the key,
refunds unused labels once, answers tracking from a history the test sets, books pick-ups
for bought labels. Faults: a zip it cannot deliver to, an account out of funds, a carrier
timeout message, and the base server's 5xx/timeouts/drops. Packdesk code is not imported.
"""

from __future__ import annotations

import io
import itertools
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tests.channel_servers.base import ChannelServer, Reply, Request

KEY = "shippo_test_5f1a6c0e3b2d4a8f9e7c"
ADDRESS_FIELDS = ("name", "street1", "city", "zip", "country")
PARCEL_FIELDS = ("length", "width", "height", "distance_unit", "weight", "mass_unit")
FILE_TYPES = ("PNG", "PDF", "PDF_4x6", "PDF_4x8", "PDF_A4", "PDF_A6", "ZPLII")


@dataclass
class Bought:
    transaction: str
    tracking_number: str
    rate: dict[str, Any]
    refunded: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)


def label_pdf(tracking: str, carrier: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(101.6 * mm, 152.4 * mm))
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(8 * mm, 140 * mm, f"{carrier} PRIORITY")
    bars = Code128(tracking, barHeight=22 * mm, barWidth=0.45 * mm, quiet=True)
    bars.drawOn(canvas, 8 * mm, 90 * mm)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(8 * mm, 84 * mm, tracking)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def label_zpl(tracking: str, carrier: str) -> bytes:
    return (f"^XA^CF0,40^FO40,40^FD{carrier} PRIORITY^FS"
            f"^FO40,160^BY3^BCN,180,Y,N,N^FD{tracking}^FS^XZ").encode()


class ShippoServer(ChannelServer):
    def __init__(self, *, funds_cents: int = 1_000_000,
                 undeliverable_zips: tuple[str, ...] = ("99999",)) -> None:
        super().__init__()
        self.key = KEY
        self.funds_cents = funds_cents
        self.undeliverable_zips = undeliverable_zips
        self.carrier_timeout_next = False
        self.shipments: dict[str, dict[str, Any]] = {}
        self.rates: dict[str, dict[str, Any]] = {}
        self.customs: dict[str, dict[str, Any]] = {}
        self.bought: dict[str, Bought] = {}  # by transaction id
        self.pickups: list[dict[str, Any]] = []
        self.label_downloads: list[dict[str, str]] = []
        self._files: dict[str, bytes] = {}
        self._numbers = itertools.count(9400111202555000001)

    # -- plumbing -----------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if request.path.startswith("/files/"):
            self.label_downloads.append(dict(request.headers))
            body = self._files.get(request.path[len("/files/"):])
            return Reply(200, body) if body is not None else Reply(403, b"AccessDenied")
        if request.headers.get("authorization") != f"ShippoToken {self.key}":
            return Reply.json({"detail": "Invalid token."}, 401)
        if request.headers.get("shippo-api-version") != "2018-02-08":
            return Reply.json({"detail": "Unknown SHIPPO-API-VERSION."}, 400)
        try:
            body = request.json() if request.method == "POST" else None
        except ValueError:
            return Reply.json({"detail": "JSON parse error."}, 400)
        with self.lock:
            if request.method == "POST" and request.path == "/shipments":
                return self._shipment(body)
            if request.method == "POST" and request.path == "/customs/declarations":
                return self._declaration(body)
            if request.method == "POST" and request.path == "/transactions":
                return self._transaction(body)
            if request.method == "POST" and request.path == "/refunds":
                return self._refund(body)
            if request.method == "POST" and request.path == "/pickups":
                return self._pickup(body)
            if request.method == "GET" and request.path.startswith("/tracks/"):
                return self._track(request.path)
        return Reply.json({"detail": "Not found."}, 404)

    @staticmethod
    def _id() -> str:
        return secrets.token_hex(16)

    # -- shipments ------------------------------------------------------------------------
    def _shipment(self, body: dict[str, Any]) -> Reply:
        errors: dict[str, list[str]] = {}
        for side in ("address_from", "address_to"):
            address = body.get(side) or {}
            missing = [f for f in ADDRESS_FIELDS if not address.get(f)]
            if missing:
                errors[side] = [f"{', '.join(missing)}: This field is required."]
        parcels = body.get("parcels") or []
        if not parcels or any(not p.get(f) for p in parcels for f in PARCEL_FIELDS):
            errors["parcels"] = ["Each parcel needs length, width, height, distance_unit, "
                                 "weight and mass_unit."]
        if errors:
            return Reply.json(errors, 400)
        origin, destination = body["address_from"]["country"], body["address_to"]["country"]
        if origin != destination and body.get("customs_declaration") not in self.customs:
            return Reply.json({"customs_declaration": [
                "A customs declaration is required for international shipments."]}, 400)
        shipment_id = self._id()
        messages, rates = [], []
        if body["address_to"]["zip"] in self.undeliverable_zips:
            messages.append({"source": "USPS", "code": "address_validation",
                             "text": "The address as submitted could not be found."})
        else:
            grams = sum(Decimal(p["weight"]) for p in parcels)
            for token, name, base, days in (("usps_ground_advantage", "Ground Advantage",
                                             "5.20", 5),
                                            ("usps_priority", "Priority Mail", "8.70", 2)):
                amount = Decimal(base) + grams / 1000 * Decimal("1.10")
                rate = {"object_id": self._id(), "shipment": shipment_id,
                        "amount": f"{amount:.2f}", "currency": "USD", "provider": "USPS",
                        "servicelevel": {"name": name, "token": token},
                        "estimated_days": days, "attributes": []}
                self.rates[rate["object_id"]] = rate
                rates.append(rate)
        shipment = {"object_id": shipment_id, "status": "SUCCESS", "rates": rates,
                    "messages": messages, "metadata": body.get("metadata", ""),
                    "extra": body.get("extra") or {}, "address_from": body["address_from"],
                    "address_to": body["address_to"], "parcels": parcels}
        self.shipments[shipment_id] = shipment
        return Reply.json(shipment, 201)

    def _declaration(self, body: dict[str, Any]) -> Reply:
        items = body.get("items") or []
        problems = [f"items[{n}]: {f} is required." for n, item in enumerate(items)
                    for f in ("description", "quantity", "net_weight", "mass_unit",
                              "value_amount", "value_currency", "origin_country")
                    if not item.get(f)]
        if not body.get("certify") or not body.get("certify_signer"):
            problems.append("certify and certify_signer are required.")
        if not items or problems:
            return Reply.json({"items": problems or ["At least one item is required."]}, 400)
        declaration = {"object_id": self._id(), "object_state": "VALID", **body}
        self.customs[declaration["object_id"]] = declaration
        self.record(op="customs", items=len(items),
                    tariffs=[i.get("tariff_number") for i in items])
        return Reply.json(declaration, 201)

    def _transaction(self, body: dict[str, Any]) -> Reply:
        rate = self.rates.get(body.get("rate") or "")
        if rate is None:
            return Reply.json({"rate": ["Rate not found."]}, 400)
        if body.get("label_file_type") not in FILE_TYPES:
            return Reply.json({"label_file_type": ["Not a valid choice."]}, 400)
        transaction = {"object_id": self._id(), "rate": rate["object_id"],
                       "metadata": body.get("metadata", ""), "tracking_number": "",
                       "label_url": "", "messages": []}
        if self.carrier_timeout_next:
            self.carrier_timeout_next = False
            return Reply.json({**transaction, "status": "ERROR", "messages": [{
                "source": "USPS", "code": "carrier_timeout",
                "text": "USPS API did not respond. Please try again in a few minutes."}]}, 201)
        if any(b.rate["object_id"] == rate["object_id"] for b in self.bought.values()):
            return Reply.json({**transaction, "status": "ERROR", "messages": [{
                "source": "Shippo", "code": "", "text": "This rate has already been used "
                "to purchase a label."}]}, 201)
        price = int(Decimal(rate["amount"]) * 100)
        if price > self.funds_cents:
            return Reply.json({**transaction, "status": "ERROR", "messages": [{
                "source": "Shippo", "code": "", "text": "Insufficient funds: add a payment "
                "method or credit to your account."}]}, 201)
        self.funds_cents -= price
        number = str(next(self._numbers))
        token = secrets.token_hex(12)
        self._files[token] = label_zpl(number, "USPS") if body["label_file_type"] == "ZPLII" \
            else label_pdf(number, "USPS")
        transaction.update(status="SUCCESS", tracking_number=number,
                           label_url=f"{self.url}/files/{token}",
                           tracking_url_provider=f"https://tools.usps.com/go/"
                           f"TrackConfirmAction?tLabels={number}")
        self.bought[transaction["object_id"]] = Bought(transaction["object_id"], number, rate)
        self.record(op="label", tracking=number, metadata=body.get("metadata", ""),
                    file_type=body["label_file_type"])
        return Reply.json(transaction, 201)

    def _refund(self, body: dict[str, Any]) -> Reply:
        bought = self.bought.get(body.get("transaction") or "")
        if bought is None:
            return Reply.json({"transaction": ["Transaction not found."]}, 400)
        if bought.refunded:
            return Reply.json({"transaction": ["A refund already exists for this label."]}, 400)
        if any(event["status"] != "PRE_TRANSIT" for event in bought.history):
            return Reply.json({"object_id": self._id(), "status": "ERROR", "messages": [{
                "text": "The label has been used and cannot be refunded."}]}, 201)
        bought.refunded = True
        self.funds_cents += int(Decimal(bought.rate["amount"]) * 100)
        self.record(op="refund", tracking=bought.tracking_number)
        return Reply.json({"object_id": self._id(), "status": "QUEUED",
                           "transaction": bought.transaction}, 201)

    def _pickup(self, body: dict[str, Any]) -> Reply:
        ids = body.get("transactions") or []
        if not body.get("carrier_account") or not ids or \
                any(i not in self.bought for i in ids):
            return Reply.json({"transactions": ["Pickups need a carrier account and labels "
                                                "bought with it."]}, 400)
        address = (body.get("location") or {}).get("address") or {}
        if any(not address.get(f) for f in ADDRESS_FIELDS):
            return Reply.json({"location": ["A complete pick-up address is required."]}, 400)
        pickup = {"object_id": self._id(), "status": "CONFIRMED",
                  "confirmation_code": f"WTC{len(self.pickups) + 52001}",
                  "transactions": ids, "requested_start_time": body.get("requested_start_time"),
                  "requested_end_time": body.get("requested_end_time")}
        self.pickups.append(pickup)
        return Reply.json(pickup, 201)

    # -- tracking -----------------------------------------------------------------------
    def add_event(self, tracking_number: str, status: str, details: str,
                  substatus: str = "", city: str = "") -> None:
        with self.lock:
            bought = next(b for b in self.bought.values()
                          if b.tracking_number == tracking_number)
            bought.history.append({
                "status": status, "status_details": details,
                "status_date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "substatus": {"code": substatus, "text": substatus} if substatus else None,
                "location": {"city": city, "state": "", "zip": "", "country": "US"}
                if city else None})

    def _track(self, path: str) -> Reply:
        _, _, carrier, number = path.split("/", 3)
        bought = next((b for b in self.bought.values() if b.tracking_number == number), None)
        if bought is None:
            return Reply.json({"tracking_number": number, "carrier": carrier,
                               "tracking_status": None, "tracking_history": []})
        history = bought.history or [{"status": "UNKNOWN", "status_details": "",
                                      "status_date": None, "substatus": None,
                                      "location": None}]
        return Reply.json({"tracking_number": number, "carrier": carrier,
                           "tracking_status": history[-1], "tracking_history": history})
