"""EasyPost API v2 as its documentation describes it (nothing here imports Packdesk).

- Authentication: HTTP basic, the API key as the user name and an empty password; anything
  else answers 401 {"error": {"code": "APIKEY.UNAUTHORIZED"}}.
- POST /v2/shipments {"shipment": {reference, to_address, from_address, parcel{weight oz,
  length/width/height in}, options{label_format PDF|ZPL}}} -> a Shipment ("shp_" + 32 hex)
  with its rates ("rate_" ids, amounts as decimal strings) and messages. A to_address that
  cannot be verified answers 422 {"error": {"code": "ADDRESS.VERIFY.FAILURE", "message",
  "errors": [FieldError...]}}.
- GET /v2/shipments/:id: by id, or by the reference it was created with.
- POST /v2/shipments/:id/buy {"rate": {"id"}} -> the Shipment with tracking_code,
  selected_rate and postage_label{label_url, label_file_type, label_pdf_url | label_zpl_url};
  buying a bought shipment is refused (422 SHIPMENT.POSTAGE.EXISTS). Postage comes from the
  account balance; not enough answers 402 {"error": {"code": "PAYMENT.INSUFFICIENT_FUNDS"}}
  (the docs: 402 Payment Required, "a lack of billing information or insufficient funds").
- The label file is served at label_url with no authentication (EasyPost's file store).
- POST /v2/shipments/:id/refund -> refund_status "submitted" (a used label: "rejected").
- POST /v2/trackers {"tracker": {"tracking_code"}} -> the Tracker ("trk_") with status and
  tracking_details [{object "TrackingDetail", message, status, datetime, tracking_location}].
- POST /v2/pickups {"pickup": {reference, min_datetime, max_datetime (later), address,
  shipment{id} (bought), is_account_address, instructions}} -> a Pickup ("pickup_") with
  status "unknown" and its pickup_rates (PickupRate: carrier, service, rate); POST
  /v2/pickups/:id/buy {carrier, service} -> status "scheduled" and the carrier's
  confirmation (402 when the balance does not cover it); POST /v2/pickups/:id/cancel ->
  "canceled".
- POST /v2/scan_forms {"shipments": [{"id"}...]} -> a ScanForm ("sf_", status "created",
  tracking_codes, form_url); refunded shipments, one already on a ScanForm, or shipments of
  two origins or carriers are refused (422).
- Webhooks: an Event {"object": "Event", "description": "tracker.updated", "result":
  Tracker} signed in X-Hmac-Signature as "hmac-sha256-hex=" + HMAC-SHA256 hex of the body,
  keyed with the NFKD-normalised webhook secret.

Faults: the base server's (slow = a timeout for a short client timeout, 500/503, drop), plus
`down` (every API call 503 until set back), `refuse_streets` and `balance_cents`;
`latency_s` delays every answer (a real carrier's 150 ms).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import secrets
import threading
import time
import unicodedata
from datetime import UTC, datetime

from reportlab.graphics.barcode import code128
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from tests.channel_servers.base import ChannelServer, Reply, Request

RATES = (("USPS", "GroundAdvantage", 558, 3), ("USPS", "Priority", 905, 2),
         ("UPS", "Ground", 1120, 4))
PICKUP_RATES = (("USPS", "NextDay", 0), ("UPS", "Same-day Pickup", 600),
                ("UPS", "Future-day Pickup", 300))


def hmac_signature(body: bytes, secret: str) -> str:
    key = unicodedata.normalize("NFKD", secret).encode("utf-8")
    return "hmac-sha256-hex=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def _error(status: int, code: str, message: str, errors: list | None = None) -> Reply:
    return Reply.json({"error": {"code": code, "message": message, "errors": errors or []}},
                      status)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def label_pdf(tracking_code: str, service: str) -> bytes:
    """A 4x6 label whose Code 128 barcode is the tracking code, as carriers print it."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(4 * inch, 6 * inch))
    page.setFont("Helvetica-Bold", 18)
    page.drawString(0.3 * inch, 5.4 * inch, f"USPS {service}")
    page.setFont("Helvetica", 10)
    page.drawString(0.3 * inch, 5.1 * inch, "EasyPost test label")
    barcode = code128.Code128(tracking_code, barHeight=1.0 * inch, barWidth=1.4)
    barcode.drawOn(page, 0.2 * inch, 2.5 * inch)
    page.drawString(0.3 * inch, 2.2 * inch, tracking_code)
    page.showPage()
    page.save()
    return out.getvalue()


def label_zpl(tracking_code: str, service: str) -> bytes:
    return (f"^XA^CF0,40^FO40,40^FDUSPS {service}^FS^FO40,400^BY3^BCN,200,Y,N,N"
            f"^FD{tracking_code}^FS^XZ").encode()


class EasyPostServer(ChannelServer):
    def __init__(self, api_key: str = "EZTK_test_key", balance_cents: int = 10**7,
                 webhook_secret: str = "ēasypost-whsec") -> None:
        super().__init__()
        self.api_key, self.balance_cents, self.webhook_secret = api_key, balance_cents, webhook_secret
        self.down = False
        self.latency_s = 0.0
        self.refuse_streets: set[str] = set()
        self.shipments: dict[str, dict] = {}
        self.by_reference: dict[str, str] = {}
        self.labels: dict[str, tuple[str, bytes]] = {}
        self.trackers: dict[str, dict] = {}
        self.bought: list[tuple[str, str]] = []  # (reference, tracking code), one per purchase
        self.refunds: list[str] = []
        self.pickups: dict[str, dict] = {}
        self.scan_forms: dict[str, dict] = {}
        self._serial = int.from_bytes(secrets.token_bytes(4)) * 10**8
        self._serial_lock = threading.Lock()

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path}"

    # -- the API ------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if self.latency_s:
            time.sleep(self.latency_s)
        if request.path.startswith("/files/"):
            return self._file(request.path.rsplit("/", 1)[-1])
        if not self._authorised(request):
            return _error(401, "APIKEY.UNAUTHORIZED", "The API key is missing or wrong.")
        if self.down:
            return _error(503, "SERVICE.UNAVAILABLE", "Service unavailable, try again.")
        parts = request.path.strip("/").split("/")
        with self.lock:
            if parts == ["v2", "shipments"] and request.method == "POST":
                return self._create(request)
            if len(parts) == 3 and parts[:2] == ["v2", "shipments"] and request.method == "GET":
                found = self._find(parts[2])
                return Reply.json(found) if found else _error(404, "NOT_FOUND",
                                                              "The requested resource could "
                                                              "not be found.")
            if len(parts) == 4 and parts[:2] == ["v2", "shipments"] and parts[3] == "buy":
                return self._buy(parts[2], request)
            if len(parts) == 4 and parts[:2] == ["v2", "shipments"] and parts[3] == "refund":
                return self._refund(parts[2])
            if parts == ["v2", "trackers"] and request.method == "POST":
                return self._tracker(request)
            if parts == ["v2", "scan_forms"] and request.method == "POST":
                return self._scan_form(request)
            if parts == ["v2", "pickups"] and request.method == "POST":
                return self._pickup(request)
            if len(parts) == 4 and parts[:2] == ["v2", "pickups"] and parts[3] == "buy":
                return self._buy_pickup(parts[2], request)
            if len(parts) == 4 and parts[:2] == ["v2", "pickups"] and parts[3] == "cancel":
                return self._cancel_pickup(parts[2])
        return _error(404, "NOT_FOUND", "The requested resource could not be found.")

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return False
        return user == self.api_key and password == ""

    def _find(self, key: str) -> dict | None:
        return self.shipments.get(key) or self.shipments.get(self.by_reference.get(key, ""))

    def _create(self, request: Request) -> Reply:
        body = (request.json() or {}).get("shipment") or {}
        to, parcel = body.get("to_address") or {}, body.get("parcel") or {}
        street = str(to.get("street1") or "")
        if not street or street in self.refuse_streets:
            return _error(422, "ADDRESS.VERIFY.FAILURE", "Address not found", [
                {"field": "address", "message": "Address not found", "suggestion": None},
                {"field": "street1", "message": "House number is missing",
                 "suggestion": None}])
        try:
            weight = float(parcel.get("weight"))
        except (TypeError, ValueError):
            return _error(422, "PARCEL.WEIGHT.INVALID", "Parcel weight (oz) is required.")
        if weight <= 0:
            return _error(422, "PARCEL.WEIGHT.INVALID", "Parcel weight must be positive.")
        shipment_id = "shp_" + secrets.token_hex(16)
        label_format = str((body.get("options") or {}).get("label_format") or "PNG").upper()
        shipment = {
            "id": shipment_id, "object": "Shipment", "mode": "test", "reference":
            body.get("reference"), "to_address": to, "from_address": body.get("from_address"),
            "parcel": {"object": "Parcel", **parcel}, "options": {"label_format": label_format},
            "rates": [{"id": "rate_" + secrets.token_hex(16), "object": "Rate",
                       "carrier": carrier, "service": service, "rate": f"{cents / 100:.2f}",
                       "currency": "USD", "delivery_days": days, "shipment_id": shipment_id}
                      for carrier, service, cents, days in RATES],
            "messages": [], "postage_label": None, "tracking_code": None,
            "selected_rate": None, "refund_status": None, "created_at": _now(),
        }
        self.shipments[shipment_id] = shipment
        if body.get("reference"):
            self.by_reference[str(body["reference"])] = shipment_id
        return Reply.json(shipment, 201)

    def _tracking_code(self) -> str:
        with self._serial_lock:
            self._serial += 1
            return f"9400{self._serial:018d}"

    def _buy(self, key: str, request: Request) -> Reply:
        shipment = self._find(key)
        if shipment is None:
            return _error(404, "NOT_FOUND", "The requested resource could not be found.")
        if shipment["postage_label"]:
            return _error(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this "
                                                          "shipment.")
        rate_id = ((request.json() or {}).get("rate") or {}).get("id")
        rate = next((r for r in shipment["rates"] if r["id"] == rate_id), None)
        if rate is None:
            return _error(422, "SHIPMENT.RATE.INVALID", "The rate is not one of this "
                                                        "shipment's rates.")
        price = round(float(rate["rate"]) * 100)
        if price > self.balance_cents:
            return _error(402, "PAYMENT.INSUFFICIENT_FUNDS", "Insufficient funds in your "
                                                             "account to purchase postage.")
        self.balance_cents -= price
        code = self._tracking_code()
        zpl = shipment["options"]["label_format"] == "ZPL"
        name = f"{shipment['id']}.{'zpl' if zpl else 'pdf'}"
        self.labels[name] = ("application/zpl" if zpl else "application/pdf",
                             (label_zpl if zpl else label_pdf)(code, rate["service"]))
        url = f"{self.url}/files/{name}"
        shipment.update(tracking_code=code, selected_rate=rate, postage_label={
            "object": "PostageLabel", "label_url": url,
            "label_file_type": "application/zpl" if zpl else "application/pdf",
            ("label_zpl_url" if zpl else "label_pdf_url"): url, "label_date": _now()})
        self.trackers[code] = {"id": "trk_" + secrets.token_hex(16), "object": "Tracker",
                               "tracking_code": code, "status": "pre_transit",
                               "carrier": rate["carrier"], "tracking_details": [
                                   {"object": "TrackingDetail", "status": "pre_transit",
                                    "message": "Shipping label created", "datetime": _now(),
                                    "tracking_location": {}}], "updated_at": _now()}
        self.bought.append((str(shipment.get("reference")), code))
        return Reply.json(shipment)

    def _refund(self, key: str) -> Reply:
        shipment = self._find(key)
        if shipment is None or not shipment["postage_label"]:
            return _error(404, "NOT_FOUND", "The requested resource could not be found.")
        tracker = self.trackers.get(shipment["tracking_code"]) or {}
        used = tracker.get("status") not in (None, "pre_transit")
        shipment["refund_status"] = "rejected" if used else "submitted"
        if not used:
            self.refunds.append(shipment["tracking_code"])
        return Reply.json(shipment)

    def _scan_form(self, request: Request) -> Reply:
        """POST /v2/scan_forms {"shipments": [{"id"}...]}: one ScanForm ("sf_") for bought,
        unrefunded shipments of one origin and one carrier, none on another ScanForm."""
        wanted = [str(s.get("id") or "") for s in (request.json() or {}).get("shipments") or []]
        shipments = [self._find(sid) for sid in wanted]
        if not wanted or any(s is None or not s["postage_label"] for s in shipments):
            return _error(422, "SCAN_FORM.SHIPMENTS.INVALID", "Every shipment must exist and "
                                                              "be purchased.")
        found = [s for s in shipments if s is not None]
        if any(s["refund_status"] for s in found):
            return _error(422, "SCAN_FORM.SHIPMENT.REFUNDED", "Refunded shipments cannot be "
                                                              "added to a ScanForm.")
        taken = {c for form in self.scan_forms.values() for c in form["tracking_codes"]}
        if any(s["tracking_code"] in taken for s in found):
            return _error(422, "SCAN_FORM.SHIPMENT.ALREADY_ON_FORM", "A shipment cannot be "
                                                                     "added to more than one "
                                                                     "ScanForm.")
        if len({json.dumps(s["from_address"], sort_keys=True) for s in found}) > 1 or \
                len({s["selected_rate"]["carrier"] for s in found}) > 1:
            return _error(422, "SCAN_FORM.SHIPMENTS.MIXED", "All shipments must have the same "
                                                            "origin_address and carrier "
                                                            "account.")
        form_id = "sf_" + secrets.token_hex(16)
        codes = [s["tracking_code"] for s in found]
        self.labels[f"{form_id}.pdf"] = ("application/pdf", label_pdf(codes[0], "ScanForm"))
        form = {"id": form_id, "object": "ScanForm", "status": "created", "message": None,
                "address": found[0]["from_address"], "tracking_codes": codes,
                "form_url": f"{self.url}/files/{form_id}.pdf", "form_file_type": "application/pdf",
                "batch_id": "batch_" + secrets.token_hex(16), "created_at": _now()}
        self.scan_forms[form_id] = form
        self.record(op="scan_form", form=form_id, tracking_codes=codes)
        return Reply.json(form, 201)

    def _pickup(self, request: Request) -> Reply:
        """POST /v2/pickups: a Pickup for a bought shipment, at an address, between
        min_datetime and max_datetime (later); its PickupRates, one per carrier that picks
        up (PICKUP_RATES), are bought with /buy. status "unknown" until bought."""
        body = (request.json() or {}).get("pickup") or {}
        shipment = self._find(str((body.get("shipment") or {}).get("id") or ""))
        try:
            start = datetime.fromisoformat(str(body.get("min_datetime")))
            end = datetime.fromisoformat(str(body.get("max_datetime")))
        except ValueError:
            return _error(422, "PICKUP.DATETIME.INVALID", "min_datetime and max_datetime are "
                                                          "required datetimes.")
        if end <= start:
            return _error(422, "PICKUP.DATETIME.INVALID", "max_datetime must be later than "
                                                          "min_datetime.")
        if not (body.get("address") or {}).get("street1"):
            return _error(422, "ADDRESS.VERIFY.FAILURE", "The pickup address is missing.")
        if shipment is None or not shipment["postage_label"]:
            return _error(422, "PICKUP.SHIPMENT.INVALID", "A pickup needs a purchased "
                                                          "shipment.")
        pickup_id = "pickup_" + secrets.token_hex(16)
        rates = [{"id": "pickuprate_" + secrets.token_hex(12), "object": "PickupRate",
                  "carrier": carrier, "service": service, "rate": f"{price / 100:.2f}",
                  "currency": "USD", "pickup_id": pickup_id}
                 for carrier, service, price in PICKUP_RATES
                 if carrier == shipment["selected_rate"]["carrier"]]
        pickup = {"id": pickup_id, "object": "Pickup", "mode": "test", "status": "unknown",
                  "reference": body.get("reference"), "min_datetime": body["min_datetime"],
                  "max_datetime": body["max_datetime"], "address": body["address"],
                  "is_account_address": bool(body.get("is_account_address")),
                  "instructions": body.get("instructions", ""), "confirmation": None,
                  "shipment": {"id": shipment["id"]}, "pickup_rates": rates, "messages": []}
        self.pickups[pickup_id] = pickup
        return Reply.json(pickup, 201)

    def _buy_pickup(self, key: str, request: Request) -> Reply:
        pickup = self.pickups.get(key)
        if pickup is None:
            return _error(404, "NOT_FOUND", "The requested resource could not be found.")
        if pickup["status"] != "unknown":
            return _error(422, "PICKUP.ALREADY_PURCHASED", "This pickup has already been "
                                                           "purchased or canceled.")
        body = request.json() or {}
        rate = next((r for r in pickup["pickup_rates"] if r["carrier"] == body.get("carrier")
                     and r["service"] == body.get("service")), None)
        if rate is None:
            return _error(422, "PICKUP.RATE.INVALID", "No pickup rate for that carrier and "
                                                      "service.")
        price = round(float(rate["rate"]) * 100)
        if price > self.balance_cents:
            return _error(402, "PAYMENT.INSUFFICIENT_FUNDS", "Insufficient funds in your "
                                                             "account to purchase the pickup.")
        self.balance_cents -= price
        pickup.update(status="scheduled", confirmation=f"WTC{secrets.randbelow(10**8):08d}")
        self.record(op="pickup.buy", pickup=pickup["id"], reference=pickup["reference"])
        return Reply.json(pickup)

    def _cancel_pickup(self, key: str) -> Reply:
        pickup = self.pickups.get(key)
        if pickup is None or pickup["status"] != "scheduled":
            return _error(422, "PICKUP.CANCEL.INVALID", "Only a scheduled pickup can be "
                                                        "canceled.")
        pickup["status"] = "canceled"
        return Reply.json(pickup)

    def _tracker(self, request: Request) -> Reply:
        code = ((request.json() or {}).get("tracker") or {}).get("tracking_code")
        tracker = self.trackers.get(code)
        if tracker is None:
            return _error(422, "TRACKER.TRACKING_CODE.INVALID", "The tracking code is not "
                                                                "known to the carrier.")
        return Reply.json(tracker, 201)

    def _file(self, name: str) -> Reply:
        found = self.labels.get(name)
        if found is None:
            return Reply(404, b"no such file")
        return Reply(200, found[1], {"Content-Type": found[0]})

    # -- what a test does to the world --------------------------------------------------
    def move(self, tracking_code: str, status: str, message: str, city: str = "",
             at: str | None = None) -> dict:
        """The carrier scans the parcel: a new tracking detail, the tracker's status."""
        with self.lock:
            tracker = self.trackers[tracking_code]
            tracker["status"], tracker["updated_at"] = status, at or _now()
            tracker["tracking_details"].append({
                "object": "TrackingDetail", "status": status, "message": message,
                "datetime": at or _now(), "tracking_location": {"object": "TrackingLocation",
                                                                "city": city or None}})
            return json.loads(json.dumps(tracker))

    def webhook(self, tracking_code: str) -> tuple[bytes, str]:
        """The tracker.updated Event EasyPost would POST, and its X-Hmac-Signature."""
        with self.lock:
            event = {"object": "Event", "id": "evt_" + secrets.token_hex(16), "mode": "test",
                     "description": "tracker.updated", "created_at": _now(),
                     "result": self.trackers[tracking_code]}
        body = json.dumps(event).encode()
        return body, hmac_signature(body, self.webhook_secret)
