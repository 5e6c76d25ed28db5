"""快递鸟 KDNiao: one aggregator for the express companies Packdesk has no direct API for.

Every call is a form POST of RequestData (the JSON body), EBusinessID, RequestType, DataType=2
and DataSign. KDNiao's documentation and demos sign as urlencode(base64(md5(RequestData +
AppKey))), where md5 is the 32-character lower-case hex string (PHP's md5()) and the
urlencode is the form encoding of the field. RequestTypes used: 1007 电子面单 (the waybill
number, 大头笔 and 集包地), 1147 电子面单取消, 1002 即时查询 (tracking now), 8008 轨迹订阅
(tracking pushed later as RequestType 101, which parse_push reads and checks).
ShipperCode names the express company: ZTO 中通, YTO 圆通, STO 申通, YD 韵达, JTSD 极兔,
EMS, SF 顺丰, JD 京东, DBL 德邦, HTKY 百世.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

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
    TrackingStatus,
)
from printing.carriers import fields as f
from printing.carriers.http import CarrierHttp
from printing.carriers.refusals import Words, refusal

CODE = "kdniao"
NAME = Msg("KDNiao")
BASE_URL = "https://api.kdniao.com"
PATHS = {"1007": "/api/EOrderService", "1147": "/api/EOrderService",
         "1002": "/Ebusiness/EbusinessOrderHandle.aspx", "8008": "/api/dist"}
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
SHIPPERS = {"ZTO": "中通快递", "YTO": "圆通速递", "STO": "申通快递", "YD": "韵达速递",
            "JTSD": "极兔速递", "EMS": "EMS", "SF": "顺丰速运", "JD": "京东快递",
            "DBL": "德邦快递", "HTKY": "百世快递"}
DUPLICATE_ORDER = "105"  # 订单号已存在，请勿重复操作
WORDS = Words(balance=("余额不足", "单号不足", "面单不足", "单号余额"),
              address=("地址", "超区", "不在服务范围", "不派送", "无法派送"),
              busy=("系统繁忙", "系统异常", "超时", "稍后"))
ALREADY_CANCELLED_WORDS = ("已取消", "已回收")
# State / StateEx / Action of a trace (轨迹状态 table)
ACTIONS = {
    **dict.fromkeys(("0", "10"), TrackingStatus.PRE_TRANSIT),
    "1": TrackingStatus.PICKED_UP,
    **dict.fromkeys(("2", "201", "204", "205", "206", "5", "6", "601", "602", "603"),
                    TrackingStatus.IN_TRANSIT),
    **dict.fromkeys(("202", "211"), TrackingStatus.OUT_FOR_DELIVERY),
    **dict.fromkeys(("3", "301", "302", "304", "311"), TrackingStatus.DELIVERED),
    **dict.fromkeys(("405", "416", "419", "420", "421"), TrackingStatus.FAILED_ATTEMPT),
    **dict.fromkeys(("404", "406", "407"), TrackingStatus.RETURNED_TO_SENDER),
    **dict.fromkeys(("4", "401", "402", "403", "412", "413", "414", "415", "417", "418",
                     "422", "423", "604"), TrackingStatus.EXCEPTION),
}


def data_sign(request_data: str, app_key: str) -> str:
    """base64 of md5's lower-case hex; the form encoding adds the urlencode."""
    digest = hashlib.md5((request_data + app_key).encode("utf-8")).hexdigest()
    return base64.b64encode(digest.encode("ascii")).decode("ascii")


def person(who: Party) -> dict[str, str]:
    entry = {"Company": who.company, "Name": who.name, "Mobile": who.phone,
             "ProvinceName": who.region, "CityName": who.city, "ExpAreaName": who.district,
             "Address": " ".join(p for p in (who.line1, who.line2) if p),
             "PostCode": who.postcode}
    return {k: v for k, v in entry.items() if v}


class Kdniao:
    code = CODE

    def __init__(self, ebusiness_id: str, app_key: str, shipper_code: str, *,
                 customer_name: str = "", customer_pwd: str = "", month_code: str = "",
                 url: str = BASE_URL, timeout_s: float = 15.0, template: str = "100x180") -> None:
        if shipper_code not in SHIPPERS:
            raise CarrierError(Msg("{name}: unknown ShipperCode {shipper_code!r}; use one of {shippers}.",
                                   name=NAME, shipper_code=shipper_code, shippers=', '.join(SHIPPERS)))
        self.ebusiness_id, self._app_key, self.shipper_code = ebusiness_id, app_key, shipper_code
        self.customer_name, self._customer_pwd = customer_name, customer_pwd
        self.month_code, self.template, self.base_url = month_code, template, url.rstrip("/")
        self._http = CarrierHttp(NAME, self.base_url, timeout_s=timeout_s)

    # -- the port ---------------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        body: dict[str, Any] = {
            "OrderCode": request.reference, "ShipperCode": self.shipper_code,
            "PayType": 3 if self.month_code else 1, "ExpType": 1, "Quantity": 1,
            "Weight": round(request.weight_g / 1000, 3), "Sender": person(request.sender),
            "Receiver": person(request.receiver), "IsReturnPrintTemplate": "0",
            "TemplateSize": "130" if self.template == "76x130" else "180",
            "Commodity": [{"GoodsName": item.name, "Goodsquantity": item.quantity}
                          for item in request.items] or [{"GoodsName": "商品"}]}
        body.update(self._account())
        answer = self.call("1007", body, Msg("e-waybill for order {reference}",
                                             reference=request.reference))
        order = answer.get("Order") or {}
        number = str(order.get("LogisticCode") or "")
        if not number:
            raise CarrierError(Msg("{name} accepted order {reference} but gave no waybill number; look it up in the KDNiao console.",
                                   name=NAME, reference=request.reference))
        values = {f.TRACKING: number, f.CARRIER: SHIPPERS[self.shipper_code],
                  f.REFERENCE: request.reference, f.SERVICE: "标准快递",
                  f.MARK_DESTINATION: str(order.get("MarkDestination") or ""),
                  f.PACKAGE_CENTER: str(order.get("PackageName") or ""),
                  f.PACKAGE_CODE: str(order.get("PackageCode") or ""),
                  f.SORTING_CODE: str(order.get("SortingCode") or ""),
                  f.WEIGHT_KG: f"{request.weight_g / 1000:.2f}" if request.weight_g else "",
                  f.ITEMS: f.items_text(request.items), f.TEMPLATE: self.template,
                  **f.party("receiver", request.receiver), **f.party("sender", request.sender)}
        return CarrierLabel(tracking_number=number, carrier_code=CODE,
                            label_format=LabelFormat.FIELDS, fields=values,
                            shipment_id=str(order.get("OrderCode") or request.reference))

    def cancel_shipment(self, label: CarrierLabel) -> None:
        body = {"ShipperCode": self.shipper_code, "ExpNo": label.tracking_number,
                "OrderCode": label.shipment_id or label.fields.get(f.REFERENCE, ""),
                **self._account()}
        try:
            self.call("1147", body, Msg("cancelling waybill {tracking_number}",
                                        tracking_number=label.tracking_number))
        except CarrierError as exc:
            if any(word in str(exc) for word in ALREADY_CANCELLED_WORDS):
                return
            raise

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        raise CarrierError(Msg("{name} pick-ups are booked with the express company itself; choose SF Express for a return pick-up.",
                               name=NAME), "not-offered")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        answer = self.call("1002", {"OrderCode": "", "ShipperCode": self.shipper_code,
                                    "LogisticCode": tracking_number,
                                    **({"CustomerName": self.customer_name}
                                       if self.customer_name else {})},
                           Msg("tracking {tracking_number}", tracking_number=tracking_number))
        return trace_events(answer)

    def check_connection(self) -> str:
        """Harmless: the traces of a waybill that does not exist (RequestType 1002). An
        answer means KDNiao took the EBusinessID and the AppKey; a bad signature, an
        unknown EBusinessID or an unreachable API raise in words. No waybill is taken, so
        the e-waybill balance is first checked by the first real label."""
        self.call("1002", {"OrderCode": "", "ShipperCode": self.shipper_code,
                           "LogisticCode": "PACKDESK0000"},
                  Msg("the connection test"))
        return Msg("{name} answered and accepted the EBusinessID and the AppKey; the e-waybill balance of {shipper_code} is checked with the first label.",
                   name=NAME, shipper_code=self.shipper_code)

    def subscribe(self, tracking_number: str, order_code: str = "") -> None:
        """Ask KDNiao to push this waybill's traces (RequestType 101) to the callback URL."""
        self.call("8008", {"ShipperCode": self.shipper_code, "LogisticCode": tracking_number,
                           "OrderCode": order_code,
                           **({"CustomerName": self.customer_name}
                              if self.customer_name else {})},
                  Msg("subscribing to {tracking_number}", tracking_number=tracking_number))

    def parse_push(self, form: Mapping[str, str]) -> list[TrackingEvent]:
        return parse_push(form, self.ebusiness_id, self._app_key)

    # -- the wire ---------------------------------------------------------------------
    def _account(self) -> dict[str, str]:
        account = {"CustomerName": self.customer_name, "CustomerPwd": self._customer_pwd,
                   "MonthCode": self.month_code}
        return {k: v for k, v in account.items() if v}

    def call(self, request_type: str, body: dict[str, Any], what: str) -> dict[str, Any]:
        request_data = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        form = {"RequestData": request_data, "EBusinessID": self.ebusiness_id,
                "RequestType": request_type, "DataSign": data_sign(request_data, self._app_key),
                "DataType": "2"}
        answer = self._http.post_form(form, what, url=self.base_url + PATHS[request_type])
        if not isinstance(answer, dict):
            raise CarrierUnavailable(Msg("{name} answered {what} with no result object; it will be asked again.",
                                         name=NAME, what=what), "malformed")
        if answer.get("Success") in (True, "true", "True"):
            return answer
        raise_refusal(what, str(answer.get("ResultCode") or ""), str(answer.get("Reason") or ""))
        raise AssertionError("unreachable")


def raise_refusal(what: str, code: str, reason: str) -> None:
    detail = f"{code} {reason}".strip()
    if code == DUPLICATE_ORDER:
        rest = Msg("{name} already issued a waybill for this order ({detail}); the earlier label is the one to print.",
                   name=NAME, detail=detail)
    elif "签名" in reason or "DataSign" in reason:
        rest = Msg("{name} refused the signature for {what} ({detail}); check the EBusinessID and AppKey in the carrier settings.",
                   name=NAME, what=what, detail=detail)
    else:
        rest = Msg("{name} refused {what} ({detail}).", name=NAME, what=what, detail=detail)
    raise refusal(
        reason, code, WORDS,
        balance=Msg("{name}: the e-waybill balance is used up ({detail}); top it up with the express company's branch, then print again.",
                    name=NAME, detail=detail),
        address=Msg("{name} refused the address for {what} ({detail}); correct it or choose another carrier.",
                    name=NAME, what=what, detail=detail),
        busy=Msg("{name} is busy ({detail}); it will be asked again.", name=NAME, detail=detail),
        rest=rest)


def trace_events(answer: Mapping[str, Any]) -> list[TrackingEvent]:
    number = str(answer.get("LogisticCode") or "")
    fallback = str(answer.get("StateEx") or answer.get("State") or "")
    events = []
    for trace in answer.get("Traces") or []:
        action = str(trace.get("Action") or "") or fallback
        when = datetime.strptime(str(trace.get("AcceptTime")).replace("/", "-"),
                                 "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TIME)
        events.append(TrackingEvent(number, ACTIONS.get(action, TrackingStatus.UNKNOWN), when,
                                    description=str(trace.get("AcceptStation") or ""),
                                    location=str(trace.get("Location") or ""),
                                    carrier_status=action))
    return sorted(events, key=lambda e: e.at)


class PushRefused(CarrierError):
    """A push that is not KDNiao's (wrong signature or EBusinessID): answer it with failure."""


def parse_push(form: Mapping[str, str], ebusiness_id: str, app_key: str) -> list[TrackingEvent]:
    """The traces of a RequestType 101 push, after checking its DataSign."""
    request_data = form.get("RequestData", "")
    if form.get("RequestType") != "101":
        raise PushRefused(Msg("{name} push: RequestType {request_type!r} is not 101.",
                              name=NAME, request_type=form.get("RequestType")))
    if form.get("DataSign") != data_sign(request_data, app_key):
        raise PushRefused(Msg("{name} push: the DataSign does not match; it was not sent by KDNiao with this account's AppKey.",
                              name=NAME))
    try:
        payload = json.loads(request_data)
    except ValueError:
        raise PushRefused(Msg("{name} push: RequestData is not JSON.", name=NAME)) from None
    if str(payload.get("EBusinessID")) != ebusiness_id:
        raise PushRefused(Msg("{name} push for EBusinessID {pushed_id}, not {ebusiness_id}.",
                              name=NAME, pushed_id=payload.get("EBusinessID"), ebusiness_id=ebusiness_id))
    events: list[TrackingEvent] = []
    for item in payload.get("Data") or []:
        events += trace_events(item)
    return events


def push_reply(ebusiness_id: str, success: bool = True, reason: str = "") -> bytes:
    """What KDNiao expects back from the callback, or it pushes again."""
    now = datetime.now(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
    return json.dumps({"EBusinessID": ebusiness_id, "UpdateTime": now, "Success": success,
                       "Reason": reason}, ensure_ascii=False).encode("utf-8")


def from_account(settings: dict[str, str], secrets: dict[str, str]) -> Kdniao:
    return Kdniao(settings["ebusiness_id"], secrets["app_key"], settings["shipper_code"],
                  customer_name=settings.get("customer_name", ""),
                  customer_pwd=secrets.get("customer_pwd", ""),
                  month_code=settings.get("month_code", ""),
                  url=settings.get("url") or BASE_URL,
                  template=settings.get("template") or "100x180")
