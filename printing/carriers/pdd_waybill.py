"""Pinduoduo e-waybills (拼多多电子面单) through the PDD open platform gateway.

pdd.waybill.get takes param_waybill_cloud_print_apply_new_request, shaped like Cainiao's:
the express company (wp_code), the sender, and one trade_order_info_dto per parcel
(object_id, order_info with order_channels_type "PDD" and the order_sn in
trade_order_list, package_info, recipient, template_url). A masked Pinduoduo buyer is sent
as the order gave him (the receiver_*_mask text) with his order_sn: PDD, which holds the
real receiver, resolves it, and the print_data it answers is then encrypted for PDD's own
print component (拼多多打印组件), which alone may print it. pdd.waybill.cancel gives a
number back; pdd.waybill.search says how many numbers the subscription has left.

Every call is signed the PDD way (upper md5 of secret + sorted name/value + secret); the
signer lives with the Pinduoduo channel (sync/cn_open.md5_wrapped) and is handed in by
the wiring, as Cainiao's is, because printing/ may not import sync/. PDD's e-waybill offers
no tracking and no pick-up: track() and book_pickup() say where to go instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any

from app.domain.messages import Msg
from app.domain.shipping import (
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
    CarrierUnavailable,
    LabelFormat,
    Party,
    PickupBooking,
    PickupRequest,
    ShipmentRequest,
    TrackingEvent,
)
from printing.carriers import fields as f
from printing.carriers.cainiao import CP_NAMES, party, waybill_refusal
from printing.carriers.cainiao import print_fields as cainiao_print_fields
from printing.carriers.http import CarrierHttp

CODE = "pdd_waybill"
NAME = Msg("Pinduoduo e-waybill")
GATEWAY = "https://gw-api.pinduoduo.com/api/router"
CHANNEL = "pinduoduo"
PRINT_COMPONENT = Msg("the Pinduoduo print component")
RESPONSE_KEYS = {"pdd.waybill.get": "pdd_waybill_get_response",
                 "pdd.waybill.cancel": "pdd_waybill_cancel_response",
                 "pdd.waybill.search": "pdd_waybill_search_response"}
BUSY_CODES = frozenset({"70031"})  # 调用过于频繁 (the frequency limit)
CREDENTIAL_CODES = frozenset({"10016", "10019", "20004", "20005", "20031"})
Signer = Callable[[Mapping[str, object], str], str]


class PddWaybill:
    code = CODE

    def __init__(self, client_id: str, client_secret: str, access_token: str, wp_code: str,
                 template_url: str, sign: Signer, *, url: str = GATEWAY,
                 timeout_s: float = 15.0, template: str = "100x180") -> None:
        self.client_id, self._secret, self._token = client_id, client_secret, access_token
        self.wp_code, self.template_url, self.template = wp_code, template_url, template
        self._sign = sign
        self._http = CarrierHttp(NAME, url, timeout_s=timeout_s)

    # -- the port ---------------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        answer = self.call("pdd.waybill.get", {
            "param_waybill_cloud_print_apply_new_request": self._apply(request)})
        modules = answer.get("modules") or []
        module = next((m for m in modules if str(m.get("object_id")) == request.reference),
                      None)
        if not module or not module.get("waybill_code"):
            raise CarrierUnavailable(Msg("{name} answered without a waybill number for {reference}; it will be asked again.",
                                         name=NAME, reference=request.reference), "no-waybill")
        number, print_data = str(module["waybill_code"]), str(module.get("print_data") or "")
        values = {f.TRACKING: number, f.CARRIER: CP_NAMES.get(self.wp_code, self.wp_code),
                  f.REFERENCE: request.reference, f.WEIGHT_KG: f"{request.weight_g / 1000:.2f}",
                  f.ITEMS: f.items_text(request.items), f.TEMPLATE: self.template,
                  "print_data": print_data, **f.party("sender", request.sender)}
        values.update(print_fields(print_data, request.receiver))
        return CarrierLabel(tracking_number=number, carrier_code=CODE,
                            label_format=LabelFormat.FIELDS, fields=values,
                            shipment_id=request.reference)

    def cancel_shipment(self, label: CarrierLabel) -> None:
        answer = self.call("pdd.waybill.cancel", {"wp_code": self.wp_code,
                                                  "waybill_code": label.tracking_number})
        if answer.get("cancel_result") not in (True, "true"):
            raise CarrierError(Msg("{name} did not cancel waybill {tracking_number}; cancel it in the Pinduoduo merchant console.",
                                   name=NAME, tracking_number=label.tracking_number), "cancel_result=false")

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        raise CarrierError(Msg("{name} has no pick-up booking; choose SF Express or EasyPost for a return pick-up.",
                               name=NAME), "not-offered")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        raise CarrierError(Msg("{name} does not track waybills; follow waybill {tracking_number} through a KDNiao subscription.",
                               name=NAME, tracking_number=tracking_number), "not-offered")

    def remaining(self) -> int:
        """Numbers left on the wp_code subscription (pdd.waybill.search)."""
        answer = self.call("pdd.waybill.search", {"wp_code": self.wp_code})
        total = 0
        for info in answer.get("waybill_apply_subscription_cols") or []:
            total += sum(int(a.get("quantity") or 0) for a in info.get("branch_account_cols")
                         or [])
        return total

    def check_connection(self) -> str:
        """Harmless: how many numbers are left. Nothing is taken or billed."""
        left = self.remaining()
        if left <= 0:
            raise BalanceExhausted(Msg("{name} accepted the credentials, but the {wp_code} subscription has no numbers left; recharge it with the express company's branch.",
                                       name=NAME, wp_code=self.wp_code), "no-balance")
        return Msg("{name} answered and accepted the credentials; {count} numbers are left for {wp_code}.",
                   name=NAME, count=left, wp_code=self.wp_code)

    # -- the wire ---------------------------------------------------------------------
    def _apply(self, request: ShipmentRequest) -> str:
        receiver = request.receiver
        platform_order = request.channel == CHANNEL and bool(request.channel_order_id)
        dto: dict[str, Any] = {
            "object_id": request.reference,
            "order_info": {"order_channels_type": "PDD" if platform_order else "OTHERS",
                           "trade_order_list": [request.channel_order_id or request.reference]},
            "package_info": {"id": "1", "weight": request.weight_g,
                             "items": [{"count": item.quantity, "name": item.name}
                                       for item in request.items] or [{"count": 1,
                                                                       "name": "商品"}]},
            "recipient": party(receiver), "template_url": self.template_url}
        body = {"wp_code": self.wp_code, "sender": party(request.sender),
                "trade_order_info_dtos": [dto], "need_encrypt": receiver.masked}
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    def call(self, api: str, params: dict[str, str]) -> dict[str, Any]:
        form = {"type": api, "client_id": self.client_id, "access_token": self._token,
                "timestamp": str(int(time.time())), "data_type": "JSON", "version": "V1",
                **params}
        form["sign"] = self._sign(form, self._secret)
        body = self._http.post_form(form, api)
        if not isinstance(body, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} with no result object; it will be asked again.",
                                         name=NAME, method=api), "malformed")
        if "error_response" in body:
            raise_error(api, body["error_response"] or {})
        payload = body.get(RESPONSE_KEYS[api])
        if not isinstance(payload, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} without its response; it will be asked again.",
                                         name=NAME, method=api), "malformed")
        return payload


def print_fields(print_data: str, receiver: Party) -> dict[str, str]:
    """The label fields in print_data (the cloud-print shape Cainiao's is); an encrypted
    one, always so for a masked buyer, is for PDD's print component only."""
    values = cainiao_print_fields(print_data, receiver, receiver.masked)
    if values.get(f.ENCRYPTED) == "1":
        values[f.PRINT_COMPONENT] = str(PRINT_COMPONENT)
    return values


def raise_error(api: str, error: dict[str, Any]) -> None:
    """PDD's error_response in the port's classes."""
    code, sub_code = str(error.get("error_code") or ""), str(error.get("sub_code") or "")
    words = f"{error.get('error_msg') or ''} {sub_code} {error.get('sub_msg') or ''}"
    detail = " / ".join(str(p) for p in (error.get("error_msg"), sub_code,
                                         error.get("sub_msg")) if p)
    busy = code in BUSY_CODES or sub_code.startswith("isp.")
    raise waybill_refusal(
        NAME, api, code, detail, words, sub_code or code,
        busy=Msg("{name}: PDD could not serve {method} now (code {code}: {detail}); it will be asked again.",
                 name=NAME, method=api, code=code, detail=detail) if busy else None,
        credentials=Msg("{name}: PDD refused the credentials for {method} ({detail}); check the client id and secret, or authorise the shop again and store the new access token.",
                        name=NAME, method=api, detail=detail) if code in CREDENTIAL_CODES else None)


def from_account(settings: dict[str, str], secrets: dict[str, str], sign: Signer) -> PddWaybill:
    return PddWaybill(settings["client_id"], secrets["client_secret"], secrets["access_token"],
                      settings["wp_code"], settings["template_url"], sign,
                      url=settings.get("url") or GATEWAY,
                      template=settings.get("template") or "100x180")
