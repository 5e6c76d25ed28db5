"""Shippo: one API for many carriers' postage labels (USPS, UPS, DHL Express, ...).

docs.goshippo.com, API version 2018-02-08 (header SHIPPO-API-VERSION), `Authorization:
ShippoToken <key>`:
- POST /shipments (address_from, address_to, parcels, customs_declaration, async=false): the
  rates on offer; POST /customs/declarations first for a parcel that crosses a border;
- POST /transactions (rate, label_file_type PDF_4x6 / ZPLII, async=false): the label is
  bought; status SUCCESS gives tracking_number and label_url (pre-signed storage, fetched
  without the API key), ERROR gives messages [{source, code, text}];
- POST /refunds (transaction): an unused label's postage back (QUEUED, PENDING, SUCCESS, ERROR);
- GET /tracks/<carrier>/<number>: tracking_status / tracking_history, statuses UNKNOWN,
  PRE_TRANSIT, TRANSIT, DELIVERED, RETURNED, FAILURE;
- POST /pickups (carrier_account, location, transactions, requested times): a pick-up; for
  a return it is booked for a return label (extra.is_return) bought for the buyer's door.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.domain.messages import Msg
from app.domain.shipping import (
    AddressRefused,
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
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
from printing.carriers.http import CarrierHttp

CODE = "shippo"
NAME = Msg("Shippo")
BASE_URL = "https://api.goshippo.com"
API_VERSION = "2018-02-08"
FILE_TYPES = {LabelFormat.PDF: "PDF_4x6", LabelFormat.ZPL: "ZPLII", LabelFormat.PNG: "PNG"}
# Every tracking status Shippo documents, mapped on purpose; substatus codes refine TRANSIT
# and FAILURE where they say more.
STATUSES = {
    "UNKNOWN": TrackingStatus.UNKNOWN,
    "PRE_TRANSIT": TrackingStatus.PRE_TRANSIT,
    "TRANSIT": TrackingStatus.IN_TRANSIT,
    "DELIVERED": TrackingStatus.DELIVERED,
    "RETURNED": TrackingStatus.RETURNED_TO_SENDER,
    "FAILURE": TrackingStatus.EXCEPTION,
}
SUBSTATUSES = {
    "out_for_delivery": TrackingStatus.OUT_FOR_DELIVERY,
    "delivery_attempted": TrackingStatus.FAILED_ATTEMPT,
    "package_accepted": TrackingStatus.PICKED_UP,
    "return_to_sender": TrackingStatus.RETURNED_TO_SENDER,
}
ADDRESS_CODES = ("address", "invalid_address", "address_validation", "zip", "postal")
FUNDS_WORDS = ("insufficient funds", "payment", "billing", "credit card", "balance")
PICKUP_LOCATION = "Front Door"  # building_location_type, as Shippo's API spells it
AUTH_SCHEME = "ShippoToken"
BUSY_CODES = ("carrier_timeout", "carrier_error", "timeout")


class Shippo:
    code = CODE

    def __init__(self, api_key: str, *, carrier_account: str = "", carrier: str = "",
                 url: str = BASE_URL, label_format: LabelFormat = LabelFormat.PDF,
                 timeout_s: float = 20.0) -> None:
        self._key, self._account, self._carrier = api_key, carrier_account, carrier
        self._url = url.rstrip("/")
        self._format = label_format
        self._http = CarrierHttp(NAME, self._url, timeout_s=timeout_s)

    def close(self) -> None:
        self._http.close()

    # --- the port ---------------------------------------------------------------------

    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        shipment = self._shipment(request, request.sender, request.receiver)
        rate = self._choose(shipment, request.service)
        label_format = request.label_format if request.label_format in FILE_TYPES \
            else self._format
        bought = self._buy(rate, label_format, request.reference)
        label = self._http.get_bytes(str(bought["label_url"]), Msg("the label file"), headers={})
        return CarrierLabel(
            tracking_number=str(bought["tracking_number"]),
            carrier_code=str(rate.get("provider") or CODE), label_format=label_format,
            label=label, shipment_id=str(bought["object_id"]),
            rate=Rate(service=_service(rate), amount_cents=_cents(rate.get("amount")),
                      currency=str(rate.get("currency") or ""),
                      days=rate.get("estimated_days"), rate_id=str(rate.get("object_id"))),
            fields={"tracking_url": str(bought.get("tracking_url_provider") or ""),
                    "commercial_invoice_url": str(bought.get("commercial_invoice_url") or "")})

    def cancel_shipment(self, label: CarrierLabel) -> None:
        """An unused label's postage back. Shippo answers QUEUED or PENDING first (the
        carrier decides later); SUCCESS is done; ERROR says why (already used, too old)."""
        if not label.shipment_id:
            raise CarrierError(Msg("{name}: label {tracking_number} has no transaction id, so it cannot be refunded from here; refund it in Shippo.",
                                   name=NAME, tracking_number=label.tracking_number))
        status, body = self._call("POST", "/refunds", Msg("the refund of a label"),
                                  {"transaction": label.shipment_id, "async": False})
        if status >= 400:
            self._refused(body, Msg("the refund of {tracking_number}",
                                    tracking_number=label.tracking_number))
        state = str((body or {}).get("status") or "")
        if state == "ERROR":
            raise CarrierError(Msg("{name} will not refund label {tracking_number}: {reason}.",
                                   name=NAME, tracking_number=label.tracking_number,
                                   reason=_messages(body) or Msg("no reason given")))
        if state not in ("QUEUED", "PENDING", "SUCCESS"):
            raise CarrierUnavailable(Msg("{name} answered the refund of {tracking_number} with status {state!r}; it will be asked again.",
                                         name=NAME, tracking_number=label.tracking_number, state=state))

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        """A pick-up at the buyer's door for a return: a return label is bought from the
        buyer to the merchant, and the carrier booked to collect it."""
        if not self._account:
            raise CarrierError(Msg("{name}: pick-ups need the carrier account id (carrier_account) in the carrier settings.",
                                   name=NAME))
        if request.to is None:
            raise CarrierError(Msg("{name}: a return pick-up needs the address it goes back to.",
                                   name=NAME))
        parcel = ShipmentRequest(reference=request.reference, sender=request.address,
                                 receiver=request.to, weight_g=request.weight_g or 500)
        shipment = self._shipment(parcel, request.address, request.to, is_return=True)
        bought = self._buy(self._choose(shipment, ""), self._format, request.reference)
        status, body = self._call("POST", "/pickups", Msg("the pick-up booking"), {
            "carrier_account": self._account,
            "location": {"building_location_type": PICKUP_LOCATION,
                         "address": _address(request.address)},
            "transactions": [bought["object_id"]],
            "requested_start_time": _iso(request.ready_from),
            "requested_end_time": _iso(request.ready_until),
            "metadata": request.reference})
        if status >= 400:
            self._refused(body, Msg("the pick-up booking"))
        if str(body.get("status")) == "ERROR":
            raise CarrierError(Msg("{name} could not book the pick-up: {messages}.",
                                   name=NAME, messages=_messages(body)))
        return PickupBooking(pickup_code=str(body.get("confirmation_code") or body["object_id"]),
                             carrier_code=CODE, booking_id=str(body["object_id"]),
                             tracking_number=str(bought["tracking_number"]),
                             window=f"{_iso(request.ready_from)}–{_iso(request.ready_until)}")

    def check_connection(self) -> str:
        """Something harmless: the tracking query of Shippo's documented test number
        (carrier "shippo", SHIPPO_PRE_TRANSIT); only reads, and a refused token raises."""
        status, body = self._call("GET", "/tracks/shippo/SHIPPO_PRE_TRANSIT",
                                  Msg("the connection test"))
        if status >= 400:
            self._refused(body, Msg("the connection test"))
        return Msg("{carrier} answered and accepted the API token.", carrier=NAME)

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        if not self._carrier:
            raise CarrierError(Msg("{name}: tracking needs the carrier's token (carrier, e.g. usps) in the carrier settings.",
                                   name=NAME))
        status, body = self._call("GET", f"/tracks/{self._carrier}/{tracking_number}",
                                  Msg("the tracking query"))
        if status >= 400:
            self._refused(body, Msg("the tracking of {tracking_number}",
                                    tracking_number=tracking_number))
        return tracking_events(tracking_number, body)

    # --- steps ------------------------------------------------------------------------

    def _shipment(self, request: ShipmentRequest, sender: Party, receiver: Party,
                  is_return: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {
            "address_from": _address(sender), "address_to": _address(receiver),
            "parcels": [_parcel(request)], "async": False, "metadata": request.reference[:100]}
        if is_return:
            body["extra"] = {"is_return": True}
        if sender.country and receiver.country and sender.country != receiver.country:
            body["customs_declaration"] = self._customs(request, sender)
        status, answer = self._call("POST", "/shipments", Msg("the shipment"), body)
        if status >= 400:
            self._refused(answer, Msg("the shipment"))
        if str(answer.get("status")) == "ERROR" or not answer.get("rates"):
            self._refused(answer, Msg("the shipment"), default=Msg("no rate is offered for this parcel"))
        return answer

    def _customs(self, request: ShipmentRequest, sender: Party) -> str:
        """The electronic customs declaration (CN22/CN23 data) from the catalogue: what,
        how many, net weight, value, origin and HS code of each line."""
        missing = [item.sku for item in request.items
                   if not (item.hs_code and item.origin_country and item.unit_value_cents)]
        if not request.items or missing:
            raise CarrierError(Msg("{name}: a parcel abroad needs each item's HS code, origin and value for customs; missing for {skus}. Fill them in the product's details.",
                                   name=NAME, skus=', '.join(missing) or Msg("all")))
        currency = request.currency or "USD"
        status, answer = self._call("POST", "/customs/declarations", Msg("the customs declaration"), {
            "contents_type": "MERCHANDISE", "non_delivery_option": "RETURN", "certify": True,
            "certify_signer": sender.name,
            "items": [{"description": item.name[:50], "quantity": item.quantity,
                       "net_weight": str(max(1, item.weight_g * item.quantity)),
                       "mass_unit": "g",
                       "value_amount": f"{item.unit_value_cents * item.quantity / 100:.2f}",
                       "value_currency": currency, "origin_country": item.origin_country,
                       "tariff_number": item.hs_code} for item in request.items]})
        if status >= 400:
            self._refused(answer, Msg("the customs declaration"))
        return str(answer["object_id"])

    @staticmethod
    def _choose(shipment: dict[str, Any], service: str) -> dict[str, Any]:
        rates = [r for r in shipment.get("rates") or [] if isinstance(r, dict)]
        if service:
            wanted = [r for r in rates if service in (_service(r), _token(r))]
            if not wanted:
                offered = ", ".join(sorted({_token(r) for r in rates}))
                raise CarrierError(Msg("{name} offers no {service!r} for this parcel; it offers {offered}.",
                                       name=NAME, service=service,
                                       offered=offered or Msg("nothing")))
            rates = wanted
        return min(rates, key=lambda r: _cents(r.get("amount")))

    def _buy(self, rate: dict[str, Any], label_format: LabelFormat,
             reference: str) -> dict[str, Any]:
        status, body = self._call("POST", "/transactions", Msg("the label purchase"), {
            "rate": rate["object_id"], "label_file_type": FILE_TYPES[label_format],
            "async": False, "metadata": reference[:100]})
        if status >= 400:
            self._refused(body, Msg("the label purchase"))
        state = str(body.get("status") or "")
        if state == "SUCCESS" and body.get("tracking_number") and body.get("label_url"):
            return body
        if state in ("QUEUED", "WAITING"):
            raise CarrierUnavailable(Msg("{name} has not made the label yet ({state}); it will be asked again.",
                                         name=NAME, state=state), state.lower())
        self._refused(body, Msg("the label purchase"))
        raise AssertionError("unreachable")

    def _call(self, method: str, path: str, what: str,
              body: Any = None) -> tuple[int, dict[str, Any]]:
        status, answer = self._http.send_json(
            method, f"{self._url}{path}", what, body=body,
            headers={"Authorization": f"{AUTH_SCHEME} {self._key}",
                     "SHIPPO-API-VERSION": API_VERSION})
        if status in (401, 403):
            raise CarrierError(Msg("{name} refused the API key (HTTP {status}); check the Shippo token in the carrier settings.",
                                   name=NAME, status=status), f"http-{status}")
        if not isinstance(answer, dict):
            raise CarrierUnavailable(Msg("{name} answered {what} without a JSON object; it will be asked again.",
                                         name=NAME, what=what), "malformed")
        return status, answer

    @staticmethod
    def _refused(body: dict[str, Any], what: str, default: str = "") -> None:
        """Shippo's words, sorted into the port's errors."""
        said = _messages(body) or default or Msg("no reason given")
        codes = " ".join(str(m.get("code") or "") for m in body.get("messages") or []
                         if isinstance(m, dict)).lower()
        lowered = said.lower()
        if any(code in codes for code in BUSY_CODES):
            raise CarrierUnavailable(Msg("{name}: {what}: {said}; it will be asked again.",
                                         name=NAME, what=what, said=said),
                                     "carrier_timeout")
        if any(word in lowered for word in FUNDS_WORDS):
            raise BalanceExhausted(Msg("{name} cannot charge the postage for {what}: {said}. Top up or fix the billing in Shippo.",
                                       name=NAME, what=what, said=said), "funds")
        if any(code in codes for code in ADDRESS_CODES) or "address" in lowered:
            raise AddressRefused(Msg("{name} refused the address for {what}: {said}. Correct the address on the order.",
                                     name=NAME, what=what, said=said), "address")
        raise CarrierError(Msg("{name} refused {what}: {said}.", name=NAME, what=what, said=said), "refused")


def tracking_events(tracking_number: str, body: dict[str, Any]) -> list[TrackingEvent]:
    history = [h for h in body.get("tracking_history") or [] if isinstance(h, dict)]
    if not history and isinstance(body.get("tracking_status"), dict):
        history = [body["tracking_status"]]
    events = []
    for item in history:
        carrier_status = str(item.get("status") or "UNKNOWN")
        substatus = item.get("substatus") if isinstance(item.get("substatus"), dict) else {}
        status = SUBSTATUSES.get(str(substatus.get("code") or ""),
                                 STATUSES.get(carrier_status, TrackingStatus.UNKNOWN))
        if carrier_status == "DELIVERED":
            status = TrackingStatus.DELIVERED
        place = item.get("location") if isinstance(item.get("location"), dict) else {}
        location = ", ".join(str(place[k]) for k in ("city", "state", "country")
                             if place.get(k))
        events.append(TrackingEvent(
            tracking_number=tracking_number, status=status, at=_time(item.get("status_date")),
            description=str(item.get("status_details") or ""), location=location,
            carrier_status=carrier_status + (f"/{substatus['code']}"
                                             if substatus.get("code") else "")))
    return sorted(events, key=lambda e: e.at)


def _address(who: Party) -> dict[str, str]:
    return {"name": who.name, "company": who.company, "street1": who.line1,
            "street2": who.line2, "city": who.city, "state": who.region, "zip": who.postcode,
            "country": who.country, "phone": who.phone, "email": who.email}


def _parcel(request: ShipmentRequest) -> dict[str, str]:
    """Shippo wants all four: a parcel with no measured box goes as a 10 cm cube."""
    length, width, height = (request.length_mm or 100, request.width_mm or 100,
                             request.height_mm or 100)
    return {"length": f"{length / 10:g}", "width": f"{width / 10:g}",
            "height": f"{height / 10:g}", "distance_unit": "cm",
            "weight": str(max(1, request.weight_g)), "mass_unit": "g"}


def _messages(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    parts = [str(m.get("text") or m.get("code") or "") for m in body.get("messages") or []
             if isinstance(m, dict)]
    for key, value in body.items():  # validation errors: {"field": ["what is wrong"]}
        if key not in ("messages", "status", "object_id", "rates") and isinstance(value, list) \
                and value and all(isinstance(v, str) for v in value):
            parts.append(f"{key}: {'; '.join(value)}")
    if isinstance(body.get("detail"), str):
        parts.append(body["detail"])
    return "; ".join(p for p in parts if p)


def _service(rate: dict[str, Any]) -> str:
    level = rate.get("servicelevel") if isinstance(rate.get("servicelevel"), dict) else {}
    return str(level.get("name") or rate.get("servicelevel_name") or "")


def _token(rate: dict[str, Any]) -> str:
    level = rate.get("servicelevel") if isinstance(rate.get("servicelevel"), dict) else {}
    return str(level.get("token") or rate.get("servicelevel_token") or "")


def _cents(amount: Any) -> int:
    try:
        return round(float(str(amount)) * 100)
    except ValueError:
        return 0


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _time(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return datetime.now(UTC)


def from_account(settings: dict[str, str], secrets: dict[str, str]) -> Shippo:
    return Shippo(secrets["api_key"], carrier_account=settings.get("carrier_account", ""),
                  carrier=settings.get("carrier", ""), url=settings.get("url") or BASE_URL,
                  label_format=LabelFormat(settings.get("label_format") or "pdf"))
