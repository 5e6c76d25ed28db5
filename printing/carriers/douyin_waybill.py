"""Douyin Shop e-waybills (抖店电子面单) through the 抖店 open platform.

logistics.newCreateOrder (POST /logistics/newCreateOrder) takes the sender_info, the express
company's logistics_code and one order_infos entry per parcel (order_id, pack_id,
receiver_info.address / contact, items, total_weight); it answers data.ebill_infos[]
(track_no, sort_code 三段码, short_address_name 大头笔, package_center_name / _code 集包地)
or data.err_infos[] (err_code, err_msg) per order. A masked Douyin buyer is sent as the
order gave him, with his order_id and order_channel "1" (a Douyin order): Douyin, which
holds the real receiver, resolves it, and such a waybill prints only through Douyin's own
print component (抖音电子面单打印组件). logistics.cancelOrder gives a number back.

The common parameters go in the query string and the call's own as the JSON body; the call
is signed the 抖店 way (md5 or HMAC-SHA256 over app_key, method, param_json, timestamp, v),
with the Douyin channel's signer (sync/douyin.sign), handed in by the wiring because
printing/ may not import sync/. The e-waybill offers no pick-up and no tracking here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

from app.domain.messages import Msg
from app.domain.shipping import (
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
from printing.carriers.cainiao import waybill_refusal
from printing.carriers.http import CarrierHttp

CODE = "douyin_waybill"
NAME = Msg("Douyin e-waybill")
GATEWAY = "https://openapi-fxg.jinritemai.com"
CHANNEL = "douyin"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
PRINT_COMPONENT = Msg("the Douyin print component")
COMPANIES = {"zhongtong": "中通快递", "yuantong": "圆通速递", "shentong": "申通快递",
             "yunda": "韵达快递", "jtexpress": "极兔速递", "shunfeng": "顺丰速运",
             "youzhengguonei": "邮政快递包裹", "ems": "EMS"}
BUSY_CODES = frozenset({"50002", "70000"})  # 限流; the gateway's own trouble
CREDENTIAL_CODES = frozenset({"30001", "30002", "30005", "40002"})
# Douyin's signer: (app_key, method, param_json, timestamp, v, secret, sign_method) -> sign
Signer = Callable[[str, str, str, str, str, str, str], str]


def contact(who: Party) -> dict[str, str]:
    return {"name": who.name, "mobile": who.phone}


def address(who: Party) -> dict[str, str]:
    return {"country_code": "CHN", "province_name": who.region, "city_name": who.city,
            "district_name": who.district,
            "detail_address": " ".join(p for p in (who.line1, who.line2) if p)}


def param_json(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class DouyinWaybill:
    code = CODE

    def __init__(self, app_key: str, app_secret: str, access_token: str, logistics_code: str,
                 sign: Signer, *, sign_method: str = "md5", user_id: str = "",
                 url: str = GATEWAY, timeout_s: float = 15.0, template: str = "100x180") -> None:
        self.app_key, self._secret, self._token = app_key, app_secret, access_token
        self.logistics_code, self.sign_method, self.user_id = logistics_code, sign_method, user_id
        self.template, self._sign, self.base_url = template, sign, url.rstrip("/")
        self._http = CarrierHttp(NAME, self.base_url, timeout_s=timeout_s)

    # -- the port ---------------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        douyin_order = request.channel == CHANNEL and bool(request.channel_order_id)
        order_id = request.channel_order_id if douyin_order else request.reference
        data = self.call("logistics.newCreateOrder", {
            "logistics_code": self.logistics_code, "order_channel": "1" if douyin_order else "2",
            "sender_info": {"address": address(request.sender),
                            "contact": contact(request.sender)},
            **({"user_id": int(self.user_id)} if self.user_id.isdigit() else {}),
            "order_infos": [{
                "order_id": order_id, "pack_id": request.reference,
                "receiver_info": {"address": address(request.receiver),
                                  "contact": contact(request.receiver)},
                "items": [{"item_name": i.name, "item_count": i.quantity}
                          for i in request.items] or [{"item_name": "商品", "item_count": 1}],
                "total_weight": f"{request.weight_g / 1000:.3f}" if request.weight_g else ""}]})
        for error in data.get("err_infos") or []:
            raise_error("logistics.newCreateOrder", str(error.get("err_code") or ""),
                        str(error.get("err_msg") or ""))
        info = next((e for e in data.get("ebill_infos") or []
                     if str(e.get("pack_id") or e.get("order_id")) in (request.reference,
                                                                       order_id)), None)
        if not info or not info.get("track_no"):
            raise CarrierUnavailable(Msg("{name} answered without a waybill number for {reference}; it will be asked again.",
                                         name=NAME, reference=request.reference), "no-waybill")
        return self._label(request, info)

    def _label(self, request: ShipmentRequest, info: dict[str, Any]) -> CarrierLabel:
        number = str(info["track_no"])
        values = {f.TRACKING: number, f.REFERENCE: request.reference, f.TEMPLATE: self.template,
                  f.CARRIER: COMPANIES.get(self.logistics_code, self.logistics_code),
                  f.WEIGHT_KG: f"{request.weight_g / 1000:.2f}" if request.weight_g else "",
                  f.ITEMS: f.items_text(request.items),
                  f.MARK_DESTINATION: str(info.get("short_address_name") or ""),
                  f.PACKAGE_CENTER: str(info.get("package_center_name") or ""),
                  f.PACKAGE_CODE: str(info.get("package_center_code") or ""),
                  f.SORTING_CODE: str(info.get("sort_code") or ""),
                  **f.party("sender", request.sender), **f.party("receiver", request.receiver)}
        if request.receiver.masked:
            values.update({f.ENCRYPTED: "1", f.PRINT_COMPONENT: str(PRINT_COMPONENT)})
        return CarrierLabel(tracking_number=number, carrier_code=CODE,
                            label_format=LabelFormat.FIELDS, fields=values,
                            shipment_id=request.reference)

    def cancel_shipment(self, label: CarrierLabel) -> None:
        data = self.call("logistics.cancelOrder", {
            "logistics_code": self.logistics_code, "track_no": label.tracking_number,
            **({"user_id": int(self.user_id)} if self.user_id.isdigit() else {})})
        if data.get("cancel_result") not in (True, "true"):
            raise CarrierError(Msg("{name} did not cancel waybill {tracking_number}; cancel it in the Douyin Shop console.",
                                   name=NAME, tracking_number=label.tracking_number), "cancel_result=false")

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        raise CarrierError(Msg("{name} has no pick-up booking; choose SF Express or EasyPost for a return pick-up.",
                               name=NAME), "not-offered")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        raise CarrierError(Msg("{name} does not track waybills; follow waybill {tracking_number} through a KDNiao subscription.",
                               name=NAME, tracking_number=tracking_number), "not-offered")

    # -- the wire ---------------------------------------------------------------------
    def call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        body = param_json(params)
        stamp = datetime.now(UTC).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
        query = {"method": method, "app_key": self.app_key, "access_token": self._token,
                 "timestamp": stamp, "v": "2", "sign_method": self.sign_method,
                 "sign": self._sign(self.app_key, method, body, stamp, "2", self._secret,
                                    self.sign_method)}
        url = f"{self.base_url}/{method.replace('.', '/')}?{urlencode(query)}"
        _, answer = self._http.send_json("POST", url, method, body=params,
                                         headers={"Content-Type": "application/json"})
        if not isinstance(answer, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} with no result object; it will be asked again.",
                                         name=NAME, method=method), "malformed")
        code = str(answer.get("code") or "")
        if code != "10000":
            detail = " ".join(str(p) for p in (answer.get("msg"), answer.get("sub_code"),
                                               answer.get("sub_msg")) if p)
            raise_error(method, code, detail, str(answer.get("sub_code") or ""))
        data = answer.get("data")
        if not isinstance(data, dict):
            raise CarrierUnavailable(Msg("{name} answered {method} without its response; it will be asked again.",
                                         name=NAME, method=method), "malformed")
        return data


def raise_error(method: str, code: str, detail: str, sub_code: str = "") -> None:
    """A 抖店 refusal (the envelope's code, or an order's err_code) in the port's classes."""
    busy = code in BUSY_CODES or sub_code.startswith("isp.")
    raise waybill_refusal(
        NAME, method, code, detail, detail, sub_code or code,
        busy=Msg("{name}: Douyin could not serve {method} now (code {code}: {detail}); it will be asked again.",
                 name=NAME, method=method, code=code, detail=detail) if busy else None,
        credentials=Msg("{name}: Douyin refused the credentials for {method} ({detail}); check the app key and secret, or authorise the shop again and store the new access token.",
                        name=NAME, method=method, detail=detail) if code in CREDENTIAL_CODES else None)


def from_account(settings: dict[str, str], secrets: dict[str, str],
                 sign: Signer) -> DouyinWaybill:
    return DouyinWaybill(settings["app_key"], secrets["app_secret"], secrets["access_token"],
                         settings["logistics_code"], sign,
                         sign_method=settings.get("sign_method") or "md5",
                         user_id=settings.get("user_id", ""), url=settings.get("url") or GATEWAY,
                         template=settings.get("template") or "100x180")
