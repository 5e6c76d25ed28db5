"""EasyPost (API v2): shipment, rates, buy, the label as delivered, refund, trackers.

From EasyPost's API documentation: HTTP basic auth with the API key as the user name and no
password; POST /v2/shipments with to_address, from_address, parcel (ounces and inches) and
options.label_format (PDF or ZPL) answers with rates; POST /v2/shipments/:id/buy with the
chosen rate answers with the tracking_code and a postage_label whose label_url is fetched;
POST /v2/shipments/:id/refund asks for an unused label's postage back; POST /v2/trackers
follows a tracking code. Errors are {"error": {"code", "message", "errors": [...]}} with a
4xx or 5xx status (402: no billing information or insufficient funds).

Asking twice must not buy twice: a shipment is created with Packdesk's reference, and the
adapter first looks the reference up (EasyPost accepts a reference where an id goes); a
shipment found already bought is returned as it is, one found unbought is bought.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
from datetime import UTC, datetime
from typing import Any

import httpx

from app.domain.messages import Msg
from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
    CarrierManifest,
    CarrierUnavailable,
    LabelFormat,
    Party,
    PickupBooking,
    PickupRequest,
    Rate,
    ShipmentRequest,
    TrackingEvent,
    TrackingStatus,
)

DEFAULT_URL = "https://api.easypost.com"
AUTH_SCHEME = "Basic"  # HTTP Basic authentication, the API key as user name
GRAMS_PER_OUNCE = 28.349523125
MM_PER_INCH = 25.4
T = TrackingStatus
# every Tracker status EasyPost documents, each placed on purpose
EASYPOST_STATUS: dict[str, TrackingStatus] = {
    "pre_transit": T.PRE_TRANSIT,  # label made, the carrier has not scanned the parcel
    "in_transit": T.IN_TRANSIT,
    "out_for_delivery": T.OUT_FOR_DELIVERY,
    "delivered": T.DELIVERED,
    # at a pick-up point or the post office, waiting for the buyer: not delivered yet, and
    # the buyer must act, as after a failed attempt
    "available_for_pickup": T.FAILED_ATTEMPT,
    "return_to_sender": T.RETURNED_TO_SENDER,
    "failure": T.EXCEPTION,  # the carrier could not deliver (damaged, lost, refused)
    "cancelled": T.EXCEPTION,  # the label was cancelled: the parcel is not travelling on it
    "error": T.EXCEPTION,  # the carrier's tracking answered with an error
    "unknown": T.UNKNOWN,
}
TEMPORARY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class EasyPost:
    """One EasyPost account (its API key); `carrier_accounts` narrows the rates asked for."""

    def __init__(self, api_key: str, base_url: str = "", *, code: str = "easypost",
                 timeout_s: float = 20.0, carrier_accounts: tuple[str, ...] = ()) -> None:
        if not api_key:
            raise CarrierError(Msg("EasyPost needs its API key; save it with the carrier profile."))
        self.code = code
        self.base_url = (base_url or DEFAULT_URL).rstrip("/")
        self.carrier_accounts = carrier_accounts
        token = base64.b64encode(f"{api_key}:".encode()).decode()
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout_s,
                                  headers={"Authorization": f"{AUTH_SCHEME} {token}"})

    def close(self) -> None:
        self._http.close()

    # -- the Carrier port -------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        shipment = self._find(request.reference)
        if shipment is None:
            shipment = self._call("POST", "/v2/shipments",
                                  json={"shipment": shipment_body(request, self.carrier_accounts)})
        if not shipment.get("postage_label"):
            rate = choose_rate(shipment, request.service)
            shipment = self._call("POST", f"/v2/shipments/{shipment['id']}/buy",
                                  json={"rate": {"id": rate["id"]}})
        return self._label(shipment, request.label_format)

    def cancel_shipment(self, label: CarrierLabel) -> None:
        """Ask for an unused label's postage back; a refund EasyPost rejects is final."""
        if not label.shipment_id:
            raise CarrierError(Msg("Label {tracking_number} has no EasyPost shipment id to refund.",
                                   tracking_number=label.tracking_number))
        shipment = self._call("POST", f"/v2/shipments/{label.shipment_id}/refund")
        if shipment.get("refund_status") == "rejected":
            raise CarrierError(Msg("EasyPost rejected the refund of label {tracking_number} (used, or past the refund window).",
                                   tracking_number=label.tracking_number), "refund_rejected")

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        """A return pick-up at the buyer's door (上门取件): the return label is bought (from
        the buyer to `to`), then a Pickup for that shipment is created in the buyer's
        window and its cheapest PickupRate bought; the carrier's confirmation is the code
        the buyer is given. Asked again with the same reference, the label is not bought
        twice (the shipment is found by its reference)."""
        if request.to is None:
            raise CarrierError(Msg("{name}: a return pick-up needs the address it goes back to.",
                                   name="EasyPost"), "no_return_address")
        label = self.create_shipment(ShipmentRequest(
            reference=request.reference, sender=request.address, receiver=request.to,
            weight_g=request.weight_g or 500))
        pickup = self._call("POST", "/v2/pickups", json={"pickup": {
            "reference": request.reference, "is_account_address": False,
            "min_datetime": request.ready_from.astimezone(UTC).isoformat(),
            "max_datetime": request.ready_until.astimezone(UTC).isoformat(),
            "address": address(request.address), "shipment": {"id": label.shipment_id}}})
        rates = pickup.get("pickup_rates") or []
        if not rates:
            messages = "; ".join(str(m.get("message")) for m in pickup.get("messages") or [])
            raise CarrierError(Msg("EasyPost offered no pick-up for {reference}: {messages}",
                                   reference=request.reference, messages=messages or Msg("none")),
                               "no_pickup_rates")
        rate = min(rates, key=lambda r: cents(r.get("rate")))
        booked = self._call("POST", f"/v2/pickups/{pickup['id']}/buy",
                            json={"carrier": rate.get("carrier"), "service": rate.get("service")})
        if booked.get("status") != "scheduled" or not booked.get("confirmation"):
            raise CarrierError(Msg("EasyPost did not schedule the pick-up for {reference} (status {status}).",
                                   reference=request.reference, status=booked.get("status")),
                               "pickup_not_scheduled")
        return PickupBooking(pickup_code=str(booked["confirmation"]), carrier_code=self.code,
                             booking_id=str(booked["id"]),
                             tracking_number=label.tracking_number,
                             window=f"{request.ready_from:%Y-%m-%d %H:%M}–"
                                    f"{request.ready_until:%H:%M}")

    def send_manifest(self, shipment_ids: tuple[str, ...]) -> CarrierManifest:
        """The hand-over's parcels on one ScanForm (POST /v2/scan_forms), the document the
        driver scans to accept them all. EasyPost refuses a refunded shipment, one on
        another ScanForm, or parcels from two origins or carrier accounts, in its words."""
        form = self._call("POST", "/v2/scan_forms",
                          json={"shipments": [{"id": sid} for sid in shipment_ids]})
        if form.get("status") == "failed":
            raise CarrierError(Msg("EasyPost could not make the ScanForm: {message}",
                                   message=form.get("message") or Msg("none")), "scan_form_failed")
        return CarrierManifest(str(form["id"]), self.code,
                               tuple(str(c) for c in form.get("tracking_codes") or ()),
                               str(form.get("form_url") or ""))

    def cancel_pickup(self, booking: PickupBooking) -> None:
        """A booked pick-up called off (POST /v2/pickups/:id/cancel)."""
        answer = self._call("POST", f"/v2/pickups/{booking.booking_id}/cancel")
        if answer.get("status") != "canceled":
            raise CarrierError(Msg("EasyPost did not cancel pick-up {pickup_code}.",
                                   pickup_code=booking.pickup_code), "pickup_not_cancelled")

    def check_connection(self) -> str:
        """Something harmless: a shipment that does not exist. "Not found" means EasyPost
        took the key; a refused key or an unreachable API raises in words. (A tracker
        would be created, and billed, by track().)"""
        self._find("shp_packdesk_connection_test")
        return Msg("EasyPost answered and accepted the API key.")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        tracker = self._call("POST", "/v2/trackers",
                             json={"tracker": {"tracking_code": tracking_number}})
        return tracker_events(tracker)

    # -- the conversation -------------------------------------------------------------
    def _find(self, reference: str) -> dict | None:
        try:
            return self._call("GET", f"/v2/shipments/{reference}")
        except CarrierError as exc:
            if exc.code == "NOT_FOUND":
                return None
            raise

    def _label(self, shipment: dict, wanted: LabelFormat) -> CarrierLabel:
        postage = shipment.get("postage_label") or {}
        url = (postage.get("label_zpl_url") if wanted is LabelFormat.ZPL else
               postage.get("label_pdf_url")) or postage.get("label_url")
        if not url or not shipment.get("tracking_code"):
            raise CarrierUnavailable(Msg("EasyPost bought the label but gave no label file yet."))
        content = self._fetch(url)
        kind = str(postage.get("label_file_type") or "").lower()
        label_format = (LabelFormat.ZPL if "zpl" in kind or url.lower().endswith(".zpl")
                        else LabelFormat.PDF if "pdf" in kind or url.lower().endswith(".pdf")
                        else LabelFormat.PNG)
        selected = shipment.get("selected_rate") or {}
        rate = Rate(selected.get("service", ""), cents(selected.get("rate")),
                    selected.get("currency", ""), selected.get("delivery_days"),
                    selected.get("id", "")) if selected else None
        return CarrierLabel(shipment["tracking_code"], self.code, label_format, content,
                            shipment_id=shipment["id"], rate=rate)

    def _fetch(self, url: str) -> bytes:
        """The label file: EasyPost's own host with the key, anywhere else (its file store)
        without it."""
        try:
            if url.startswith(self.base_url):
                response = self._http.get(url)
            else:
                response = httpx.get(url, timeout=self._http.timeout)
        except httpx.HTTPError as exc:
            raise CarrierUnavailable(Msg("EasyPost's label file could not be fetched: {exc}",
                                         exc=exc)) \
                from exc
        if response.status_code != 200:
            raise CarrierUnavailable(Msg("EasyPost's label file answered {status_code}.",
                                         status_code=response.status_code))
        return response.content

    def _call(self, method: str, path: str, **kwargs: Any) -> dict:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise CarrierUnavailable(Msg("EasyPost did not answer in time."), "timeout") from exc
        except httpx.HTTPError as exc:
            raise CarrierUnavailable(Msg("EasyPost could not be reached: {exc}", exc=exc),
                                     "unreachable") from exc
        if response.status_code < 300:
            try:
                return response.json()
            except ValueError as exc:
                raise CarrierUnavailable(Msg("EasyPost answered with something that is not JSON."),
                                         "malformed") from exc
        raise error_for(response.status_code, response.content)


def error_for(status: int, body: bytes) -> CarrierError:
    """An EasyPost error answer as the port's error, with EasyPost's own words."""
    try:
        error = (json.loads(body or b"{}") or {}).get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    code = str(error.get("code") or "")
    words = str(error.get("message") or Msg("HTTP {status}", status=status))
    details = [f"{e.get('field')}: {e.get('message')}" if isinstance(e, dict) else str(e)
               for e in error.get("errors") or []]
    details = [d for d in details if d and d != f"address: {words}"]
    text = "; ".join([words, *details])
    if status in TEMPORARY_STATUSES:
        return CarrierUnavailable(Msg("EasyPost is busy or down ({status}): {text}",
                                      status=status, text=text), code or
                                  str(status))
    if status == 402 or any(w in code.upper() for w in ("PAYMENT", "FUNDS", "BILLING")):
        return BalanceExhausted(Msg("EasyPost refused the postage: {text}. Top up the EasyPost balance or fix its billing, then ask again.",
                                    text=text), code or "402")
    if code.upper().startswith("ADDRESS."):
        return AddressRefused(Msg("EasyPost refused the address: {text}", text=text), code)
    if status == 401:
        return CarrierError(Msg("EasyPost refused the API key; save the right key with the carrier profile."), code or "401")
    if status == 404:
        return CarrierError(Msg("EasyPost does not know it: {text}", text=text), "NOT_FOUND")
    return CarrierError(Msg("EasyPost refused the request ({status}): {text}",
                            status=status, text=text), code or str(status))


def ounces(grams: int) -> float:
    return max(0.1, round(grams / GRAMS_PER_OUNCE, 1))


def inches(mm: int) -> float:
    return round(mm / MM_PER_INCH, 1)


def cents(amount: Any) -> int:
    try:
        return round(float(amount) * 100)
    except (TypeError, ValueError):
        return 0


def address(party: Party) -> dict:
    return {k: v for k, v in {
        "name": party.name, "company": party.company, "street1": party.line1,
        "street2": party.line2, "city": party.city, "state": party.region,
        "zip": party.postcode, "country": party.country, "phone": party.phone,
        "email": party.email}.items() if v}


def shipment_body(request: ShipmentRequest, carrier_accounts: tuple[str, ...] = ()) -> dict:
    parcel: dict[str, float] = {"weight": ounces(request.weight_g)}
    if request.length_mm and request.width_mm and request.height_mm:
        parcel |= {"length": inches(request.length_mm), "width": inches(request.width_mm),
                   "height": inches(request.height_mm)}
    label_format = "ZPL" if request.label_format is LabelFormat.ZPL else "PDF"
    body = {"reference": request.reference, "to_address": address(request.receiver),
            "from_address": address(request.sender), "parcel": parcel,
            "options": {"label_format": label_format, "label_size": "4x6"}}
    if carrier_accounts:
        body["carrier_accounts"] = list(carrier_accounts)
    return body


def choose_rate(shipment: dict, service: str) -> dict:
    """The rate for the profile's service when quoted, else the cheapest."""
    rates = shipment.get("rates") or []
    if not rates:
        messages = "; ".join(str(m.get("message")) for m in shipment.get("messages") or [])
        raise CarrierError(Msg("EasyPost quoted no rate for this parcel: {messages}",
                               messages=messages or Msg("none")),
                           "no_rates")
    named = [r for r in rates if service and r.get("service", "").lower() == service.lower()]
    return min(named or rates, key=lambda r: cents(r.get("rate")))


def _when(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _place(location: dict | None) -> str:
    location = location or {}
    return ", ".join(str(location[k]) for k in ("city", "state", "country") if location.get(k))


def tracker_events(tracker: dict) -> list[TrackingEvent]:
    """A Tracker's tracking_details as the port's events, oldest first."""
    code = tracker.get("tracking_code") or ""
    events = []
    for detail in tracker.get("tracking_details") or []:
        status = str(detail.get("status") or "unknown")
        events.append(TrackingEvent(
            code, EASYPOST_STATUS.get(status, T.UNKNOWN), _when(detail.get("datetime")),
            str(detail.get("message") or ""), _place(detail.get("tracking_location")),
            status))
    if not events and tracker.get("status"):
        status = str(tracker["status"])
        events.append(TrackingEvent(code, EASYPOST_STATUS.get(status, T.UNKNOWN),
                                    _when(tracker.get("updated_at")), "", "", status))
    return sorted(events, key=lambda e: e.at)


class WebhookRefused(CarrierError):
    """A webhook that is not EasyPost's (wrong signature) or not a tracker update."""


def webhook_signature(body: bytes, secret: str) -> str:
    """EasyPost's X-Hmac-Signature: HMAC-SHA256 of the body, key the NFKD-normalised secret."""
    key = unicodedata.normalize("NFKD", secret).encode()
    return "hmac-sha256-hex=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def parse_webhook(body: bytes, secret: str = "", signature: str = "") -> list[TrackingEvent]:
    """A webhook Event whose result is a Tracker, as tracking events. With a secret the
    signature must match; an Event about anything else is no tracking news (empty)."""
    if secret and not hmac.compare_digest(webhook_signature(body, secret), signature or ""):
        raise WebhookRefused(Msg("The webhook's signature does not match the EasyPost webhook secret; it was not sent by EasyPost, or the secret changed."))
    try:
        event = json.loads(body)
    except ValueError as exc:
        raise WebhookRefused(Msg("The webhook body is not JSON.")) from exc
    if not isinstance(event, dict) or event.get("object") != "Event":
        raise WebhookRefused(Msg("The webhook body is not an EasyPost Event."))
    result = event.get("result") or {}
    if result.get("object") != "Tracker":
        return []
    return tracker_events(result)
