"""京东快递 JD Logistics on the JOS gateway: waybill numbers issued ahead, then the parcel.

JD issues waybill numbers before it knows the parcel, which is what lets the bench print
while JD is away (app/services/waybill_pool.py keeps a pool of them in the store):
- jingdong.etms.waybillcode.get (获取京东运单号): preNum (how many, at most 100),
  customerCode (商家编码, from JD Logistics, not the POP vendor id), orderType; answers
  jingdong_etms_waybillcode_get_responce.resultInfo {code, message, deliveryIdList}.
- jingdong.etms.waybill.send (青龙接单 / 提交运单信息): deliveryId (a number from the call
  above), salePlat, customerCode, orderId, sender*/receive* fields, province/city/county,
  packageCount, weight (kg), vloumLong/vloumWidth/vloumHeight, vloumn, description; answers
  resultInfo {code, message, deliveryId, orderId}, code 100 成功.
- jingdong.ldop.receive.order.intercept (运单拦截): vendorCode, deliveryId, interceptReason.
- jingdong.etms.trace.get (查询京东快递物流跟踪信息): waybillCode; answers trace_api_dtos
  [{ope_title, ope_remark, ope_time "yyyy/MM/dd HH:mm:ss", ope_name}].
Every call is a JOS form (method, app_key, access_token, timestamp, v=2.0,
360buy_param_json) signed with JOS's MD5 signature, the JD channel's (sync/jd.py); printing/
may not import sync/, so the wiring hands the signer in (CarrierRegistry(jos_sign=...)).

Sources: the JOS API pages named by https://www.showdoc.com.cn/265424688438926/5345445463816951
(jingdong.etms.waybillcode.get apiId 2311, jingdong.etms.range.check), and JD's published JOS
SDKs (EtmsWaybillcodeGetRequest: preNum, customerCode, orderType; EtmsWaybillSendRequest;
LdopReceiveOrderInterceptRequest: vendorCode, deliveryId, interceptReason, cancelTime ...;
EtmsTraceGetRequest: waybillCode), with the answers as integrations read them
(resultInfo.code == 100, deliveryIdList, trace_api_dtos). Not found in any documentation
reached: the table of resultInfo codes other than 100 (so a refusal is told by its words,
as with KDNiao), the values of orderType and of salePlat's dictionary beyond the example
"0010001" (JD's own platform), the answer of the intercept call (read here like
waybill.send's resultInfo), and the values of ope_title (told by their words). waybill.send
answers no sort codes, so the label carries no 大头笔 (JD prints its own with
jingdong.etms.range.check, not called here). The label is drawn on the 76x130 template;
JD's 100x113 layout is not drawn.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from app.domain.messages import Msg
from app.domain.shipping import (
    BalanceExhausted,
    CarrierError,
    CarrierLabel,
    CarrierUnavailable,
    LabelFormat,
    PickupBooking,
    PickupRequest,
    ShipmentRequest,
    TrackingEvent,
    TrackingStatus,
)
from printing.carriers import fields as f
from printing.carriers.ewaybill import render_label
from printing.carriers.http import CarrierHttp
from printing.carriers.refusals import Words, refusal

CODE = "jd_logistics"
NAME = Msg("JD Logistics")
GATEWAY = "https://api.jd.com/routerjson"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
OK = "100"
MAX_PRE_NUM = 100  # JD's SDK validates preNum <= 100
JosSigner = Callable[[Mapping[str, object], str], str]
WORDS = Words(balance=("单号不足", "运单号已用完", "余额不足", "无可用运单号"),
              address=("超区", "地址", "不在配送范围", "无法配送"),
              busy=("系统繁忙", "系统异常", "稍后"))
TRACE_WORDS = (("妥投", TrackingStatus.DELIVERED), ("签收", TrackingStatus.DELIVERED),
               ("拒收", TrackingStatus.RETURNED_TO_SENDER),
               ("退回", TrackingStatus.RETURNED_TO_SENDER),
               ("配送员", TrackingStatus.OUT_FOR_DELIVERY),
               ("派送", TrackingStatus.OUT_FOR_DELIVERY),
               ("揽收", TrackingStatus.PICKED_UP), ("收货", TrackingStatus.PICKED_UP))


def response_key(method: str) -> str:
    return method.replace(".", "_") + "_responce"  # JD's own spelling


class JdLogistics:
    code = CODE

    def __init__(self, app_key: str, app_secret: str, access_token: str, customer_code: str,
                 sign: JosSigner, *, url: str = GATEWAY, sale_plat: str = "0010001",
                 order_type: str = "0", timeout_s: float = 15.0, template: str = "76x130",
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.app_key, self._secret, self._token = app_key, app_secret, access_token
        self.customer_code, self._sign, self.url = customer_code, sign, url
        self.sale_plat, self.order_type, self.template = sale_plat, order_type, template
        self._clock = clock
        self._http = CarrierHttp(NAME, url, timeout_s=timeout_s)

    # -- the pool ---------------------------------------------------------------------
    def fetch_numbers(self, count: int) -> list[str]:
        """`count` waybill numbers JD issues ahead (several calls of at most 100)."""
        numbers: list[str] = []
        while len(numbers) < count:
            want = min(MAX_PRE_NUM, count - len(numbers))
            info = self.call("jingdong.etms.waybillcode.get", Msg("{count} waybill numbers",
                                                                   count=want),
                             preNum=str(want), customerCode=self.customer_code,
                             orderType=self.order_type)
            got = [str(n) for n in info.get("deliveryIdList") or []]
            if not got:
                raise BalanceExhausted(Msg("{name} issued no waybill numbers; ask JD Logistics to open more for customer code {customer}.",
                                           name=NAME, customer=self.customer_code), "no-numbers")
            numbers += got
        return numbers

    def send_waybill(self, request: ShipmentRequest, number: str) -> CarrierLabel:
        """The parcel's details for a number JD issued (waybill.send), and its label."""
        r, s = request.receiver, request.sender
        volume_cm3 = (request.length_mm * request.width_mm * request.height_mm) / 1000
        info = self.call(
            "jingdong.etms.waybill.send", Msg("waybill {number} for {reference}",
                                               number=number, reference=request.reference),
            deliveryId=number, salePlat=self.sale_plat, customerCode=self.customer_code,
            orderId=request.reference, thrOrderId=request.channel_order_id,
            senderName=s.name, senderAddress=_address(s), senderMobile=s.phone,
            receiveName=r.name, receiveAddress=_address(r), receiveMobile=r.phone,
            province=r.region, city=r.city, county=r.district, packageCount=1,
            weight=round(request.weight_g / 1000, 3),
            vloumLong=request.length_mm / 10, vloumWidth=request.width_mm / 10,
            vloumHeight=request.height_mm / 10, vloumn=round(volume_cm3, 1),
            description=f.items_text(request.items) or "商品")
        if str(info.get("deliveryId") or number) != number:
            raise CarrierError(Msg("{name} answered waybill {answered} for {number}; look the parcel up in JD's console.",
                                   name=NAME, answered=info.get("deliveryId"), number=number))
        return self.pool_label(request, number)

    def pool_label(self, request: ShipmentRequest, number: str) -> CarrierLabel:
        """The e-waybill drawn from the parcel and its number (PDF or ZPL as the station's
        printer wants, at its dpi): what waybill.send gives back adds nothing to print, so
        the label offline is the label online."""
        values = {f.TRACKING: number, f.CARRIER: "京东快递", f.SERVICE: "特惠送",
                  f.REFERENCE: request.reference, f.TEMPLATE: self.template,
                  f.WEIGHT_KG: f"{request.weight_g / 1000:.2f}" if request.weight_g else "",
                  f.ITEMS: f.items_text(request.items),
                  **f.party("receiver", request.receiver), **f.party("sender", request.sender)}
        fields_only = CarrierLabel(number, CODE, LabelFormat.FIELDS, fields=values,
                                   shipment_id=request.reference)
        if request.label_format not in (LabelFormat.PDF, LabelFormat.ZPL):
            return fields_only
        drawn = render_label(fields_only, request.label_format, request.dpi, self.template)
        return CarrierLabel(number, CODE, request.label_format, drawn, values,
                            shipment_id=request.reference)

    # -- the port ---------------------------------------------------------------------
    def create_shipment(self, request: ShipmentRequest) -> CarrierLabel:
        """Online, with no pool: one number fetched, then the parcel sent for it."""
        return self.send_waybill(request, self.fetch_numbers(1)[0])

    def cancel_shipment(self, label: CarrierLabel) -> None:
        self.call("jingdong.ldop.receive.order.intercept",
                  Msg("stopping waybill {number}", number=label.tracking_number),
                  vendorCode=self.customer_code, deliveryId=label.tracking_number,
                  interceptReason="订单取消")

    def book_pickup(self, request: PickupRequest) -> PickupBooking:
        raise CarrierError(Msg("{name} pick-ups are not booked by Packdesk; choose SF Express for a return pick-up.",
                               name=NAME), "not-offered")

    def track(self, tracking_number: str) -> list[TrackingEvent]:
        answer = self.call("jingdong.etms.trace.get", Msg("tracking {tracking_number}",
                                                          tracking_number=tracking_number),
                           result=None, waybillCode=tracking_number)
        events = []
        for dto in answer.get("trace_api_dtos") or []:
            title = str(dto.get("ope_title") or "")
            status = next((s for word, s in TRACE_WORDS if word in title),
                          TrackingStatus.IN_TRANSIT)
            at = datetime.strptime(str(dto.get("ope_time")).replace("-", "/"),
                                   "%Y/%m/%d %H:%M:%S").replace(tzinfo=CHINA_TIME)
            events.append(TrackingEvent(tracking_number, status, at,
                                        description=str(dto.get("ope_remark") or ""),
                                        carrier_status=title))
        return sorted(events, key=lambda e: e.at)

    def check_connection(self) -> str:
        """Harmless: the traces of a waybill that does not exist (jingdong.etms.trace.get);
        no number is issued, so the allotment is first checked by the pool's top-up."""
        self.call("jingdong.etms.trace.get", Msg("the connection test"), result=None,
                  waybillCode="JDVA00000000000")
        return Msg("{name} answered and accepted the app key, the secret and the access token; the waybill numbers of customer code {customer} are checked when the pool is topped up.",
                   name=NAME, customer=self.customer_code)

    # -- the wire ---------------------------------------------------------------------
    def call(self, method: str, what: str, result: str | None = "resultInfo",
             **params: Any) -> dict[str, Any]:
        form: dict[str, str] = {
            "method": method, "app_key": self.app_key, "access_token": self._token,
            "timestamp": self._clock().astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S"),
            "v": "2.0", "360buy_param_json": json.dumps(
                {k: v for k, v in params.items() if v not in (None, "")}, sort_keys=True,
                ensure_ascii=False, separators=(",", ":"))}
        form["sign"] = self._sign(form, self._secret)
        body = self._http.post_form(form, what)
        if not isinstance(body, dict):
            raise CarrierUnavailable(Msg("{name} answered {what} with no result object; it will be asked again.",
                                         name=NAME, what=what), "malformed")
        if "error_response" in body:
            error = body["error_response"] or {}
            code = str(error.get("code") or "")
            said = " ".join(filter(None, (str(error.get("zh_desc") or ""),
                                          str(error.get("en_desc") or ""))))
            kind = CarrierUnavailable if code == "2" else CarrierError  # 2: call limit
            raise kind(Msg("{name} refused {what} at the JOS gateway ({code} {said}); check the app key, secret and access token in the carrier settings.",
                           name=NAME, what=what, code=code, said=said), code)
        payload = body.get(response_key(method))
        if not isinstance(payload, dict):
            raise CarrierUnavailable(Msg("{name} answered {what} without {key}; it will be asked again.",
                                         name=NAME, what=what, key=response_key(method)), "malformed")
        if result is None:
            return payload
        info = payload.get(result) or {}
        code, message = str(info.get("code") or ""), str(info.get("message") or "")
        if code != OK:
            raise_refusal(what, code, message)
        return info


def raise_refusal(what: str, code: str, message: str) -> None:
    detail = f"{code} {message}".strip()
    raise refusal(
        message, code, WORDS,
        balance=Msg("{name}: no waybill numbers left ({detail}); ask JD Logistics for more, then print again.",
                    name=NAME, detail=detail),
        address=Msg("{name} refused the address for {what} ({detail}); correct it or choose another carrier.",
                    name=NAME, what=what, detail=detail),
        busy=Msg("{name} is busy ({detail}); it will be asked again.", name=NAME, detail=detail),
        rest=Msg("{name} refused {what} ({detail}).", name=NAME, what=what, detail=detail))


def _address(who) -> str:
    return " ".join(p for p in (who.region, who.city, who.district, who.line1, who.line2) if p)


def from_account(settings: dict[str, str], secrets: dict[str, str], sign: JosSigner) -> JdLogistics:
    return JdLogistics(settings["app_key"], secrets["app_secret"], secrets["access_token"],
                       settings["customer_code"], sign, url=settings.get("url") or GATEWAY,
                       sale_plat=settings.get("sale_plat") or "0010001",
                       order_type=settings.get("order_type") or "0",
                       template=settings.get("template") or "76x130")
