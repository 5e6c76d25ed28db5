"""Cainiao e-waybills (菜鸟电子面单) through the Taobao Open Platform (TOP) gateway.

cainiao.waybill.ii.get takes param_waybill_cloud_print_apply_new_request: the express
company (cp_code), the sender, and one trade_order_info_dto per parcel (object_id, the
order's channel and trade ids, the package, the recipient and the cloud-print template_url).
A masked Taobao/Tmall buyer is sent as oaid + tid only: Cainiao resolves the address, and
the print_data it answers is then encrypted for Cainiao's print component (CNPrint), which
alone may print it; Packdesk keeps it and refuses to draw it itself. Unencrypted print_data
carries the 大头笔 (routingInfo.sortation), the 集包地 (routingInfo.consolidation) and the
route code, which the standard e-waybill is drawn from. cainiao.waybill.ii.cancel gives a
number back; cainiao.waybill.ii.search says how many numbers the subscription has left.

TOP signs every call (md5, hmac, hmac-sha256); the signer is the Taobao channel's
(sync/taobao_top.sign), handed in by the wiring because printing/ may not import sync/.
TOP documents no tracking by waybill number (taobao.logistics.trace.search takes a trade
id), so track() says so: follow a Cainiao waybill through KDNiao's subscription instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
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
from printing.carriers.http import CarrierHttp
from printing.carriers.refusals import Words, refusal

CODE = "cainiao"
NAME = Msg("Cainiao")
GATEWAY = "https://eco.taobao.com/router/rest"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
CP_NAMES = {"ZTO": "中通快递", "YTO": "圆通速递", "STO": "申通快递", "YUNDA": "韵达快递",
            "JTSD": "极兔速递", "EMS": "EMS", "POSTB": "邮政快递包裹", "SF": "顺丰速运"}
TAOBAO_CHANNELS = {"taobao": "TB", "tmall": "TM"}
CALL_LIMITS = frozenset({"4", "5", "6", "7", "8"})  # TOP's call and frequency limits
CREDENTIALS = frozenset({"11", "25", "26", "27", "28", "29"})
WORDS = Words(balance=("余额不足", "单号不足", "BALANCE", "QUANTITY_NOT_ENOUGH", "NOT_ENOUGH"),
              address=("地址", "超区", "不可达", "ADDRESS", "NOT_REACHABLE"))
Signer = Callable[[dict[str, str], str, str], str]


def party(who: Party) -> dict[str, Any]:
    address = {"province": who.region, "city": who.city, "district": who.district,
               "detail": " ".join(p for p in (who.line1, who.line2) if p)}
    entry: dict[str, Any] = {"address": address, "name": who.name, "mobile": who.phone}
    return entry


class Cainiao:
    code = CODE

    def __init__(self, app_key: str, app_secret: str, session: str, cp_code: str,
                 template_url: str, sign: Signer, *, sign_method: str = "hmac",
                 user_id: str = "", url: str = GATEWAY, timeout_s: float = 15.0,
                 template: str = "100x180") -> None:
        self.app_key, self._secret, self._session = app_key, app_secret, session
        self.cp_code, self.template_url, self.user_id = cp_code, template_url, user_id
        self.sign_method, self.template, self._sign = sign_method, template, sign
        self._http = CarrierHttp(NAME, url, timeout_s=timeout_s)

    # -- the port ---------------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        masked = bool(request.receiver.oaid)
        answer = self.call("cainiao.waybill.ii.get", {
            "param_waybill_cloud_print_apply_new_request": self._apply(request)})
        modules = answer.get("modules") or {}
        if isinstance(modules, dict):
            modules = modules.get("waybill_cloud_print_response") or []
        module = next((m for m in modules if str(m.get("object_id")) == request.reference),
                      None)
        if not module or not module.get("waybill_code"):
            raise CarrierError(Msg("{name} answered order {reference} with no waybill number; look it up in the Cainiao console.",
                                   name=NAME, reference=request.reference))
        number = str(module["waybill_code"])
        print_data = str(module.get("print_data") or "")
        values = {f.TRACKING: number, f.REFERENCE: request.reference,
                  f.CARRIER: CP_NAMES.get(self.cp_code, self.cp_code), f.TEMPLATE: self.template,
                  f.WEIGHT_KG: f"{request.weight_g / 1000:.2f}" if request.weight_g else "",
                  f.ITEMS: f.items_text(request.items), "print_data": print_data,
                  **f.party("sender", request.sender)}
        values.update(print_fields(print_data, request.receiver, masked))
        return CarrierLabel(tracking_number=number, carrier_code=CODE,
                            label_format=LabelFormat.FIELDS, fields=values,
                            shipment_id=request.reference)

    def cancel_shipment(self, label: CarrierLabel) -> None:
        answer = self.call("cainiao.waybill.ii.cancel",
                           {"cp_code": self.cp_code, "waybill_code": label.tracking_number})
        if answer.get("cancel_result") not in (True, "true"):
            raise CarrierError(Msg("{name} did not cancel waybill {tracking_number}; cancel it in the Cainiao console.",
                                   name=NAME, tracking_number=label.tracking_number), "cancel_result=false")

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        raise CarrierError(Msg("{name} e-waybills have no pick-up booking through TOP; choose SF Express for a return pick-up.",
                               name=NAME), "not-offered")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        raise CarrierError(Msg("{name}: TOP tracks by Taobao trade, not by waybill number; follow waybill {tracking_number} through a KDNiao subscription.",
                               name=NAME, tracking_number=tracking_number),
                           "not-offered")

    def remaining(self) -> int:
        """E-waybill numbers left on the subscription for cp_code (cainiao.waybill.ii.search)."""
        answer = self.call("cainiao.waybill.ii.search", {"cp_code": self.cp_code})
        total = 0
        cols = (answer.get("waybill_apply_subscription_cols") or {})
        for info in cols.get("waybill_apply_subscription_info") or []:
            accounts = (info.get("branch_account_cols") or {}).get("waybill_branch_account")
            total += sum(int(a.get("quantity") or 0) for a in accounts or [])
        return total

    def check_connection(self) -> str:
        """Harmless: how many numbers the subscription has left (cainiao.waybill.ii.search).
        A refused session or signature raises in words; none left is said as such."""
        left = self.remaining()
        if left <= 0:
            raise BalanceExhausted(Msg("{name} accepted the credentials, but the {cp_code} subscription has no numbers left; recharge it with the express company's branch.",
                                       name=NAME, cp_code=self.cp_code), "no-balance")
        return Msg("{name} answered and accepted the credentials; {count} numbers are left for {cp_code}.",
                   name=NAME, count=left, cp_code=self.cp_code)

    # -- the wire ---------------------------------------------------------------------
    def _apply(self, request: ShipmentRequest) -> str:
        receiver = request.receiver
        recipient = party(receiver)
        if receiver.oaid:
            recipient = {"oaid": receiver.oaid, "tid": request.channel_order_id,
                         "name": receiver.name, "address": recipient["address"]}
        dto: dict[str, Any] = {
            "object_id": request.reference,
            "order_info": {"order_channels_type": TAOBAO_CHANNELS.get(request.channel, "OTHERS"),
                           "trade_order_list": [request.channel_order_id or request.reference]},
            "package_info": {"id": "1", "weight": request.weight_g,
                             "items": [{"count": item.quantity, "name": item.name}
                                       for item in request.items] or [{"count": 1,
                                                                       "name": "商品"}]},
            "recipient": recipient, "template_url": self.template_url}
        if self.user_id:
            dto["user_id"] = int(self.user_id) if self.user_id.isdigit() else self.user_id
        body = {"cp_code": self.cp_code, "sender": party(request.sender),
                "trade_order_info_dtos": [dto], "need_encrypt": bool(receiver.oaid)}
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    def call(self, method: str, params: dict[str, str]) -> dict[str, Any]:
        form = {"method": method, "app_key": self.app_key, "session": self._session,
                "timestamp": datetime.now(UTC).astimezone(CHINA_TIME)
                .strftime("%Y-%m-%d %H:%M:%S"),
                "format": "json", "v": "2.0", "sign_method": self.sign_method, **params}
        form["sign"] = self._sign(form, self._secret, self.sign_method)
        body = self._http.post_form(form, method)
        if not isinstance(body, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} with no result object; it will be asked again.",
                                         name=NAME, method=method), "malformed")
        if "error_response" in body:
            raise_error(method, body["error_response"] or {})
        payload = body.get(method.replace(".", "_") + "_response")
        if not isinstance(payload, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} without its response; it will be asked again.",
                                         name=NAME, method=method), "malformed")
        return payload


def print_fields(print_data: str, receiver: Party, masked: bool) -> dict[str, str]:
    """The label fields in print_data; a masked or encrypted one is kept for CNPrint only."""
    try:
        printed = json.loads(print_data) if print_data else {}
    except ValueError:
        printed = {}
    data = printed.get("data") if isinstance(printed, dict) else None
    if masked or not isinstance(data, dict) or printed.get("encryptedData"):
        return {f.ENCRYPTED: "1", **f.party("receiver", receiver)}
    routing = data.get("routingInfo") or {}
    recipient = data.get("recipient") or {}
    address = recipient.get("address") or {}
    place = " ".join(str(address.get(k) or "") for k in ("province", "city", "district",
                                                         "town", "detail")).split()
    return {f.MARK_DESTINATION: str((routing.get("sortation") or {}).get("name") or ""),
            f.PACKAGE_CENTER: str((routing.get("consolidation") or {}).get("name") or ""),
            f.PACKAGE_CODE: str((routing.get("consolidation") or {}).get("code") or ""),
            f.SORTING_CODE: str(routing.get("routeCode") or ""),
            f.SERVICE: str((data.get("shippingOption") or {}).get("title") or ""),
            "receiver_name": str(recipient.get("name") or receiver.name),
            "receiver_phone": str(recipient.get("mobile") or recipient.get("phone") or ""),
            "receiver_address": " ".join(place), "receiver_company": ""}


def raise_error(method: str, error: dict[str, Any]) -> None:
    """TOP's error_response in the port's classes: isp.* and call limits are TOP's own
    trouble (later); an empty balance, a refused address, credentials are the merchant's."""
    code, sub_code = str(error.get("code") or ""), str(error.get("sub_code") or "")
    words = f"{error.get('msg') or ''} {sub_code} {error.get('sub_msg') or ''}"
    detail = " / ".join(str(p) for p in (error.get("msg"), sub_code, error.get("sub_msg")) if p)
    busy = code in CALL_LIMITS or code == "10" or sub_code.startswith(("isp.", "accesscontrol."))
    raise waybill_refusal(
        NAME, method, code, detail, words, sub_code or code,
        busy=Msg("{name}: TOP could not serve {method} now (code {code}: {detail}); it will be asked again.",
                 name=NAME, method=method, code=code, detail=detail) if busy else None,
        credentials=Msg("{name}: TOP refused the credentials for {method} ({detail}); authorise the app again and store the new session.",
                        name=NAME, method=method, detail=detail) if code in CREDENTIALS else None)


def waybill_refusal(name: str, method: str, code: str, detail: str, words: str, key: str,
                    busy: Msg | None, credentials: Msg | None) -> CarrierError:
    """An e-waybill platform's refusal in the port's classes (Cainiao, Pinduoduo, Douyin):
    `busy` when its code says it is the platform's own trouble, `credentials` when its code
    says the credentials (refusals.refusal asks the questions)."""
    return refusal(
        words, key, WORDS, busy=busy, busy_now=busy is not None,
        balance=Msg("{name}: the e-waybill subscription has no numbers left ({detail}); recharge it with the express company's branch, then print again.",
                    name=name, detail=detail),
        address=Msg("{name} refused the address ({detail}); correct it or choose another carrier.",
                    name=name, detail=detail),
        rest=credentials or Msg("{name} refused {method} (code {code}: {detail}).",
                                name=name, method=method, code=code, detail=detail))


def from_account(settings: dict[str, str], secrets: dict[str, str], sign: Signer) -> Cainiao:
    return Cainiao(settings["app_key"], secrets["app_secret"], secrets["session"],
                   settings["cp_code"], settings["template_url"], sign,
                   sign_method=settings.get("sign_method") or "hmac",
                   user_id=settings.get("user_id", ""), url=settings.get("url") or GATEWAY,
                   template=settings.get("template") or "100x180")
