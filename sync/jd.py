"""JD (京东) POP shops on the JOS gateway: order search by modified time, shipment, SKU stock.

Every call goes to /routerjson with the system parameters and the call's own parameters
as one JSON text, 360buy_param_json, keys in alphabetical order. jingdong.pop.order.enSearch
returns the receiver desensitised (fullname 张**, mobile 138****1234) with its oaid; the
plain receiver is only for the carrier's e-waybill. Orders are searched by modified time
(dateType 0), newest first (sortType 1), and paged backwards like the other marketplaces.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.messages import Msg
from app.services.receiver_reveal import PlainReceiver
from sync.base import (
    ChannelDataError,
    ChannelRejected,
    Page,
    WindowCursor,
    overwrite_stock,
    pull_backwards,
    stock_count,
)
from sync.carrier_codes import CarrierCodes
from sync.cn_open import (
    ErrorCodes,
    PlatformRejected,
    is_masked,
    md5_wrapped,
    raise_platform_error,
    refuse_part_shipment,
)
from sync.fields import (
    CHINA_TIME,
    Unmappable,
    map_safely,
    need,
    text,
    to_decimal,
    to_quantity,
    to_time,
)
from sync.gateway_adapter import GatewayAdapter
from sync.model import (
    Fulfilment,
    PushResult,
    Refund,
    StockLevel,
    UnifiedAddress,
    UnifiedLine,
    UnifiedOrder,
)

CHANNEL = "jd"
# Every orderState jingdong.pop.order.enSearch documents (order_state 可选值), on purpose.
STATUS_TABLE = {
    "WAIT_SELLER_STOCK_OUT": "open",  # 等待出库: paid, to pack
    "WAIT_SELLER_DELIVERY": "open",  # 等待发货 (海外购: 等待境内发货)
    "WAIT_GOODS_RECEIVE_CONFIRM": "fulfilled",  # 等待确认收货: shipped
    "FINISHED_L": "fulfilled",  # 完成
    "TRADE_CANCELED": "cancelled",  # 取消
    "LOCKED": "on_hold",  # 已锁定: a refund or cancellation asked, JD holds the order
    "PAUSE": "on_hold",  # 暂停 (LOC orders)
    "POP_ORDER_PAUSE": "on_hold",  # POP业务暂停
}
OPTIONAL_FIELDS = ("orderId,venderId,orderType,orderState,orderStateRemark,orderRemark,"
                   "orderStartTime,orderEndTime,modified,consigneeInfo,itemInfoList,"
                   "waybill,logisticsId,orderPayment,paymentConfirmTime,oaid")
# JOS 网关系统错误码: 2 App Call Limited (a failed-call ban; "请隔日再调用"), 18/19 the
# access_token missing or no longer valid; the others of that table (4-15: version,
# timestamp, signature, method) are our request's fault and refused for good.
ERRORS = ErrorCodes(
    rate_limited={"2": 3600.0}, temporary=frozenset(), authorisation=frozenset({"18", "19"}),
    how_to_authorise=Msg("authorise Packdesk again for the shop in JD's 京麦/JOS service market and store the new access token with `packdesk channel add`"))

# jingdong.jos.order.oaid.decrypt, as JD's JOS SDK declares it (JosOrderOaidDecryptRequest):
# one parameter getReceiverInfoListReqVO {orderInfos: [{orderId, oaid}], orderType, appName,
# scenesType, expiration, region, extendProps}; the answer's returnType {code, message,
# requestId, data: [{orderId, oaid, customerName, consMobilePhone, customerPhone, address,
# privacyProtection, expiration}]}. The SDK names the fields, not the values of orderType or
# scenesType nor the meaning of each code, so only orderInfos is sent and a receiver counts
# as decrypted when data answers this order with its name, a phone and the address.
DECRYPT = "jingdong.jos.order.oaid.decrypt"


@dataclass(frozen=True)
class JdCredentials:
    gateway_url: str  # https://api.jd.com/routerjson
    app_key: str
    app_secret: str = field(repr=False)
    access_token: str = field(repr=False)


def jos_timestamp(moment: datetime) -> str:
    """JOS wants 'yyyy-MM-dd HH:mm:ss', Beijing time, within 6 minutes of JD's clock."""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def response_key(method: str) -> str:
    """JOS answers jingdong.pop.order.shipment under jingdong_pop_order_shipment_responce."""
    return method.replace(".", "_") + "_responce"


class JdAdapter(GatewayAdapter):
    channel = CHANNEL
    _credentials: JdCredentials

    def check_limits(self, page_size: int, window: timedelta) -> None:
        if window > timedelta(days=30):
            raise ValueError(Msg("{channel}: the search window may be at most one month",
                                 channel=CHANNEL))

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        form = {"method": method, "app_key": self._credentials.app_key,
                "access_token": self._credentials.access_token,
                "timestamp": jos_timestamp(datetime.now(UTC)), "v": "2.0",
                "360buy_param_json": json.dumps(
                    {k: v for k, v in params.items() if v is not None}, sort_keys=True,
                    ensure_ascii=False, separators=(",", ":"))}
        form["sign"] = md5_wrapped(form, self._credentials.app_secret)
        body = self._http.json(self._http.request("POST", self._credentials.gateway_url,
                                                  data=form))
        if not isinstance(body, dict):
            raise ChannelDataError(Msg("{channel}: {method} answered with a JSON {json_type}, not an object",
                                       channel=CHANNEL, method=method, json_type=type(body).__name__))
        if "error_response" in body:
            error = body["error_response"] or {}
            raise_platform_error(CHANNEL, method, ERRORS, text(error.get("code")), "",
                                 " ".join(filter(None, [text(error.get("zh_desc")),
                                                        text(error.get("en_desc"))])))
        payload = body.get(response_key(method))
        if not isinstance(payload, dict):
            raise ChannelDataError(Msg("{channel}: {method} answer has no {response_key}",
                                       channel=CHANNEL, method=method, response_key=response_key(method)))
        return payload

    def _result(self, method: str, payload: dict[str, Any], name: str) -> dict[str, Any]:
        """The call's own result object, its apiResult / success checked."""
        result = payload.get(name)
        if not isinstance(result, dict):
            raise ChannelDataError(Msg("{channel}: {method} answer has no {part}",
                                       channel=CHANNEL, method=method, part=name))
        verdict = result.get("apiResult", result)
        if verdict.get("success") is False:
            code = text(verdict.get("numberCode") or verdict.get("errorCode"))
            said = " ".join(filter(None, [text(verdict.get("chineseErrCode")),
                                          text(verdict.get("englishErrCode")),
                                          text(verdict.get("errorMessage"))]))
            raise_platform_error(CHANNEL, method, ERRORS, code, "", said)
        return result

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        return pull_backwards(cursor, self._rules, self._page_count, self._orders)

    def _search(self, state: WindowCursor, page: int) -> dict[str, Any]:
        method = "jingdong.pop.order.enSearch"
        payload = self.call(method, start_date=jos_timestamp(state.since),
                            end_date=jos_timestamp(state.until or datetime.now(UTC)),
                            order_state=",".join(STATUS_TABLE), optional_fields=OPTIONAL_FIELDS,
                            page=str(page), page_size=str(self._page_size), sortType="1",
                            dateType="0")
        return self._result(method, payload, "searchorderinfo_result")

    def _page_count(self, state: WindowCursor) -> int:
        return math.ceil(to_count(self._search(state, 1).get("orderTotal")) / self._page_size)

    def _orders(self, state: WindowCursor, page: int):
        for info in self._search(state, page).get("orderInfoList") or []:
            order_id = text(info.get("orderId"))
            try:
                updated = to_time(info.get("modified"), "modified", CHINA_TIME)
            except Unmappable:
                updated = None
            yield (f"{order_id}@{text(info.get('modified'))}@{text(info.get('orderState'))}",
                   updated, map_safely(CHANNEL, order_id, info,
                                       lambda i: map_order(i, self._carriers)))

    def _order(self, order_id: str) -> dict[str, Any]:
        method = "jingdong.pop.order.enGet"
        payload = self.call(method, order_id=order_id, optional_fields=OPTIONAL_FIELDS)
        found = self._result(method, payload, "orderDetailInfo").get("orderInfo")
        if not isinstance(found, dict):
            raise ChannelDataError(Msg("{channel}: order {order_id} came back without orderInfo",
                                       channel=CHANNEL, order_id=order_id))
        return found

    # --- fulfilment -------------------------------------------------------------------

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        order_id = fulfilment.channel_order_id
        order = self._order(order_id)
        if fulfilment.tracking_number in text(order.get("waybill")).split(","):
            return PushResult(True, order_id, Msg("JD already shows this tracking number"))
        refuse_part_shipment(CHANNEL, Msg("JD"), fulfilment)
        status = map_status(text(need(order, "orderState")))
        if status == "cancelled":
            raise ChannelRejected(Msg("{channel}: order {order_id} is cancelled at JD; it cannot be shipped",
                                      channel=CHANNEL, order_id=order_id))
        if status == "fulfilled":
            return PushResult(True, order_id, Msg("JD already shows {order_id} shipped",
                                                  order_id=order_id))
        if status == "on_hold":
            raise ChannelRejected(Msg("{channel}: order {order_id} is {order_state} at JD (locked or paused); it cannot be shipped now",
                                      channel=CHANNEL, order_id=order_id,
                                      order_state=order.get('orderState')))
        method = "jingdong.pop.order.shipment"
        payload = self.call(method, orderId=order_id,
                            logiCoprId=self._carriers.code_for(fulfilment.carrier),
                            logiNo=fulfilment.tracking_number)
        self._result(method, payload, "sopjosshipment_result")
        return PushResult(False, order_id)

    def reveal_receiver(self, order_id: str) -> PlainReceiver:
        """The receiver in plain words, for one label or slip: the order's oaid
        (jingdong.pop.order.enGet) through jingdong.jos.order.oaid.decrypt. Only for an app
        granted the decrypt permission (the channel setting receiver_decrypt); nothing of it
        is kept."""
        oaid = text(self._order(order_id).get("oaid"))
        if not oaid:
            raise ChannelDataError(Msg("{channel}: order {order_id} has no oaid to decrypt",
                                       channel=CHANNEL, order_id=order_id))
        order_ref: int | str = int(order_id) if order_id.isdigit() else order_id
        answer = self.call(DECRYPT, getReceiverInfoListReqVO={
            "orderInfos": [{"oaid": oaid, "orderId": order_ref}]})
        returned = answer.get("returnType")
        if not isinstance(returned, dict):
            raise ChannelDataError(Msg("{channel}: {method} answer has no {part}",
                                       channel=CHANNEL, method=DECRYPT, part="returnType"))
        found = [d for d in returned.get("data") or []
                 if text(d.get("orderId")) == order_id and text(d.get("oaid")) == oaid]
        receiver = found[0] if found else {}
        name, street = text(receiver.get("customerName")), text(receiver.get("address"))
        phone = text(receiver.get("consMobilePhone")) or text(receiver.get("customerPhone"))
        if not (name and phone and street):
            raise ChannelRejected(Msg("{channel}: JD did not decrypt the receiver of {order_id} (code {code}: {detail})",
                                      channel=CHANNEL, order_id=order_id,
                                      code=text(returned.get("code")),
                                      detail=text(returned.get("message"))))
        return PlainReceiver(name=name, phone=phone, line1=street)

    def push_refund(self, refund: Refund) -> PushResult:
        """JD refunds are decided on the after-sales case (售后) in the JD merchant backend."""
        raise ChannelRejected(
            Msg("{channel}: JD refunds are approved in the merchant backend (售后服务); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})",
                channel=CHANNEL, channel_order_id=refund.channel_order_id, amount=refund.amount))

    # --- stock ------------------------------------------------------------------------

    def _sku_row(self, sku: str) -> tuple[str, int]:
        """(skuId, stockNum) of the one JD SKU whose outerId is our SKU."""
        method = "jingdong.sku.read.searchSkuList"
        page = self.call(method, outerId=sku, field="skuId,outerId,stockNum,wareId")
        rows = [r for r in (page.get("page") or {}).get("data") or []
                if text(r.get("outerId")) == sku]
        if len(rows) != 1:
            raise ChannelRejected(Msg("{channel}: {count} SKUs carry outerId {sku!r} (expected exactly one)",
                                      channel=CHANNEL, count=len(rows), sku=sku))
        return text(rows[0].get("skuId")), to_count(rows[0].get("stockNum"))

    def read_stock(self, sku: str) -> int:
        return self._sku_row(sku)[1]

    def set_stock(self, level: StockLevel) -> PushResult:
        sku_id, remote = self._sku_row(level.sku)

        def write() -> None:
            answer = self.call("jingdong.stock.write.updateSkuStock", skuId=sku_id,
                               stockNum=level.quantity)
            if answer.get("success") is not True:
                raise PlatformRejected(Msg("{channel}: stock of {sku} not accepted",
                                           channel=CHANNEL, sku=level.sku), "", "")

        return overwrite_stock(CHANNEL, level, remote, sku_id, write,
                               lambda: self._sku_row(level.sku)[1])


def to_count(value: Any) -> int:
    return stock_count(CHANNEL, value)


def map_status(order_state: str) -> str:
    if order_state not in STATUS_TABLE:
        raise Unmappable(Msg("orderState {order_state!r} is not one Packdesk knows",
                             order_state=order_state))
    return STATUS_TABLE[order_state]


def map_line(item: dict[str, Any]) -> UnifiedLine:
    sku_id = text(need(item, "skuId"))
    return UnifiedLine(channel_line_id=sku_id, sku=text(item.get("outerSkuId")),
                       name=text(item.get("skuName")),
                       quantity=to_quantity(need(item, "itemTotal"), Msg("itemTotal of {sku_id}",
                                                                         sku_id=sku_id)),
                       unit_price=to_decimal(need(item, "jdPrice"), Msg("jdPrice of {sku_id}",
                                                                        sku_id=sku_id)),
                       currency="CNY")


def map_order(info: dict[str, Any], carriers: CarrierCodes | None = None) -> UnifiedOrder:
    """An orderInfoList entry to the unified order, the receiver as JD desensitised it."""
    order_id = text(need(info, "orderId"))
    consignee = info.get("consigneeInfo") or {}
    name = text(consignee.get("fullname"))
    phone = text(consignee.get("mobile")) or text(consignee.get("telephone"))
    street = text(consignee.get("fullAddress"))
    waybill = text(info.get("waybill"))
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=order_id, order_number_hint=order_id,
        status=map_status(text(need(info, "orderState"))), buyer_name="", phone=phone,
        email="",
        address=UnifiedAddress(
            name=name, line1=street,
            line2=" ".join(filter(None, [text(consignee.get("county")),
                                         text(consignee.get("town"))])),
            city=text(consignee.get("city")), region=text(consignee.get("province")),
            postcode="", country_code="CN"),
        lines=tuple(map_line(item) for item in need(info, "itemInfoList")),
        buyer_note=text(info.get("orderRemark")),
        placed_at=to_time(info.get("orderStartTime"), "orderStartTime", CHINA_TIME),
        updated_at=to_time(info.get("modified"), "modified", CHINA_TIME),
        ship_by=None, tracking_number=waybill,
        carrier=(carriers or CarrierCodes(CHANNEL)).ours(text(info.get("logisticsId")))
        if waybill else "",
        raw=info, receiver_masked=is_masked(name, phone, street) or bool(info.get("oaid")))
