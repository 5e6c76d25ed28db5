"""Pinduoduo (拼多多) open platform: incremental orders, online shipping, SKU stock.

The gateway is one URL (gw-api.pinduoduo.com/api/router); the API is the `type` parameter.
pdd.order.number.list.increment.get allows a window of 30 minutes and, its documentation
says, misses no order when paged from the last page back with the end at least 3 minutes
behind Pinduoduo's clock. The list rows carry the whole order, lines and masked receiver
included. Shipping and stock read the order or SKU first and read back after.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
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
    optional_time,
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

CHANNEL = "pinduoduo"
# Each documented value of the order's status fields (pdd.order.number.list.increment.get
# and pdd.order.information.get), mapped on purpose; None = says nothing on its own.
ORDER_STATUS = {1: "open", 2: "fulfilled", 3: "fulfilled"}  # 待发货 / 已发货待签收 / 已签收
CONFIRM_STATUS = {0: "on_hold", 1: None, 2: "cancelled"}  # 未成交 / 已成交 / 已取消
GROUP_STATUS = {0: "on_hold", 1: None, 2: "cancelled"}  # 拼团中 / 已成团 / 团失败
REFUND_STATUS = {1: None, 2: "on_hold", 3: "on_hold", 4: "refunded"}  # 无售后 / 售后处理中 /
# 退款中 / 退款成功
RISK_CONTROL_STATUS = {0: None, 1: "on_hold"}  # 正常订单 / 审核中订单
AFTER_SALES_STATUS = {
    0: None,  # 无售后
    2: "on_hold", 3: "on_hold",  # 买家申请退款 / 退货退款，待商家处理
    4: "on_hold", 5: "on_hold",  # 商家 / 平台同意退款，退款中
    6: "on_hold", 7: "on_hold", 8: "on_hold",  # 驳回待买家处理 / 待用户发货 / 平台处理中
    9: None, 10: "refunded", 11: None,  # 平台拒绝退款，退款关闭 / 退款成功 / 买家撤销
    12: None, 13: None,  # 买家逾期未处理，退款失败 / 买家逾期，超过有效期
    14: "on_hold", 15: "on_hold", 16: None, 17: None, 18: "on_hold",  # 换货补寄 ...
    21: "on_hold", 22: "on_hold", 24: None, 25: None, 27: "on_hold",  # 维修 ...
    31: "on_hold", 32: "on_hold",  # 已同意拒收退款，待用户拒收 / 补寄待商家发货
}
# Limiters published with each API (level, timeRange seconds, times): a refused call waits
# out the API's window. Codes from Pinduoduo's 错误码 page: 70031 调用过于频繁; 50002 业务服务
# 超时 and 70032 an API taken offline for maintenance are temporary; 50000 / 50001 carry
# both a busy platform and a business refusal (订单已发货 ...), so their words decide;
# 10019 access_token 已过期, 10035 / 20031 authorisation missing for the API or the shop.
LIMIT_WINDOW_S = {"pdd.order.number.list.increment.get": 60.0, "pdd.order.information.get": 60.0,
                  "pdd.logistics.online.send": 1.0, "pdd.goods.quantity.update": 1.0}
ERRORS = ErrorCodes(
    rate_limited={"70031": 1.0},
    temporary=frozenset({"50002", "70032"}),
    authorisation=frozenset({"10019", "10035", "20031"}),
    how_to_authorise=Msg("authorise Packdesk again in the Pinduoduo merchant backend (拼多多 商家后台 → 服务市场) and store the new access token with `packdesk channel add`"))
RESPONSE_KEYS = {
    "pdd.order.number.list.increment.get": "order_sn_increment_get_response",
    "pdd.order.information.get": "order_info_get_response",
    "pdd.logistics.online.send": "logistics_online_send_response",
    "pdd.logistics.companies.get": "logistics_companies_get_response",
    "pdd.goods.list.get": "goods_list_get_response",
    "pdd.goods.quantity.update": "goods_quantity_update_response",
    "pdd.open.decrypt.batch": "open_decrypt_batch_response",
}
# pdd.open.decrypt.batch: the ciphertext fields of an order_info (the plain ones are masked)
ENCRYPTED_RECEIVER = ("receiver_name", "receiver_phone", "receiver_address")


@dataclass(frozen=True)
class PddCredentials:
    gateway_url: str  # https://gw-api.pinduoduo.com/api/router
    client_id: str
    client_secret: str = field(repr=False)
    access_token: str = field(repr=False)


class PinduoduoAdapter(GatewayAdapter):
    channel = CHANNEL
    default_page_size = 100
    default_window, default_overlap = timedelta(minutes=30), timedelta(minutes=5)
    _credentials: PddCredentials
    _companies: dict[str, dict[str, Any]] | None = None  # read once, when first needed

    def check_limits(self, page_size: int, window: timedelta) -> None:
        if window > timedelta(minutes=30):
            raise ValueError(Msg("{channel}: the increment window may be at most 30 minutes",
                                 channel=CHANNEL))

    def call(self, api: str, **params: Any) -> dict[str, Any]:
        form = {"type": api, "client_id": self._credentials.client_id,
                "access_token": self._credentials.access_token,
                "timestamp": str(int(time.time())), "data_type": "JSON",
                **{k: str(v) for k, v in params.items() if v is not None}}
        form["sign"] = md5_wrapped(form, self._credentials.client_secret)
        body = self._http.json(self._http.request("POST", self._credentials.gateway_url,
                                                  data=form))
        if not isinstance(body, dict):
            raise ChannelDataError(Msg("{channel}: {api} answered with a JSON {json_type}, not an object",
                                       channel=CHANNEL, api=api, json_type=type(body).__name__))
        if "error_response" in body:
            error = body["error_response"] or {}
            raise_platform_error(CHANNEL, api, ERRORS, text(error.get("error_code")),
                                 text(error.get("sub_code")),
                                 " ".join(filter(None, [text(error.get("error_msg")),
                                                        text(error.get("sub_msg"))])),
                                 LIMIT_WINDOW_S.get(api))
        payload = body.get(RESPONSE_KEYS[api])
        if not isinstance(payload, dict):
            raise ChannelDataError(Msg("{channel}: {api} answer has no {response_key}",
                                       channel=CHANNEL, api=api, response_key=RESPONSE_KEYS[api]))
        return payload

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        return pull_backwards(cursor, self._rules, self._page_count, self._orders)

    def _increment(self, state: WindowCursor, page: int) -> dict[str, Any]:
        assert state.until is not None
        return self.call("pdd.order.number.list.increment.get",
                         start_updated_at=int(state.since.timestamp()),
                         end_updated_at=int(state.until.timestamp()), is_lucky_flag=0,
                         order_status=5, refund_status=5, page=page, page_size=self._page_size,
                         use_has_next="false")

    def _page_count(self, state: WindowCursor) -> int:
        total = to_count(self._increment(state, 1).get("total_count"))
        return math.ceil(total / self._page_size)

    def _orders(self, state: WindowCursor, page: int):
        for row in self._increment(state, page).get("order_sn_list") or []:
            order_sn = text(row.get("order_sn"))
            try:
                updated = to_time(row.get("updated_at"), "updated_at", CHINA_TIME)
            except Unmappable:
                updated = None
            key = "@".join([order_sn, text(row.get("updated_at"))] +
                           [text(row.get(f)) for f in STATUS_FIELDS])
            yield key, updated, map_safely(CHANNEL, order_sn, row, lambda r: map_order(
                r, self._carriers, self._company_code))

    # --- fulfilment -------------------------------------------------------------------

    def _order(self, order_sn: str) -> dict[str, Any]:
        found = self.call("pdd.order.information.get", order_sn=order_sn).get("order_info")
        if not isinstance(found, dict):
            raise ChannelDataError(Msg("{channel}: order {order_sn} came back without order_info",
                                       channel=CHANNEL, order_sn=order_sn))
        return found

    def _company_list(self) -> dict[str, dict[str, Any]]:
        """pdd.logistics.companies.get, once per adapter: code -> company."""
        if self._companies is None:
            listed = self.call("pdd.logistics.companies.get").get("logistics_companies") or []
            self._companies = {text(c.get("code")): c for c in listed}
        return self._companies

    def _company_code(self, logistics_id: str) -> str:
        """The company code for the numeric id an order shipped with (the id if unlisted)."""
        return next((code for code, c in self._company_list().items()
                     if text(c.get("id")) == logistics_id), logistics_id)

    def _logistics_id(self, carrier: str) -> str:
        """Pinduoduo's numeric company id for our carrier, from its own company list."""
        code = self._carriers.code_for(carrier)
        company = self._company_list().get(code)
        if company is None or text(company.get("available")) not in ("1", "True", "true"):
            raise ChannelRejected(
                Msg("{channel}: Pinduoduo lists no available logistics company {code!r} (carrier {carrier!r}); check the carrier's code (--set carrier.{carrier}=...)",
                    channel=CHANNEL, code=code, carrier=carrier))
        return text(company.get("id"))

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        order_sn = fulfilment.channel_order_id
        order = self._order(order_sn)
        if text(order.get("tracking_number")) == fulfilment.tracking_number:
            return PushResult(True, order_sn, Msg("Pinduoduo already shows this tracking number"))
        refuse_part_shipment(CHANNEL, Msg("Pinduoduo"), fulfilment)
        status = map_status(order)
        if status in ("cancelled", "refunded"):
            raise ChannelRejected(Msg("{channel}: order {order_sn} is {status} at Pinduoduo; it cannot be shipped",
                                      channel=CHANNEL, order_sn=order_sn, status=status))
        if status == "fulfilled":
            return PushResult(True, order_sn, Msg("Pinduoduo already shows {order_sn} shipped (tracking {tracking_number})",
                                                  order_sn=order_sn,
                                                  tracking_number=text(order.get('tracking_number'))))
        sent = self.call("pdd.logistics.online.send", order_sn=order_sn,
                         logistics_id=self._logistics_id(fulfilment.carrier),
                         tracking_number=fulfilment.tracking_number)
        if sent.get("is_success") is not True:
            raise ChannelRejected(Msg("{channel}: shipment of {order_sn} not accepted",
                                      channel=CHANNEL, order_sn=order_sn))
        return PushResult(False, order_sn)

    def reveal_receiver(self, order_sn: str) -> PlainReceiver:
        """The receiver in plain words, for one label: the order's ciphertext fields
        (pdd.order.information.get) through pdd.open.decrypt.batch (data_tag = order_sn).
        Only for an app granted the decrypt permission; nothing of it is kept."""
        order = self._order(order_sn)
        cipher = {f: text(order.get(f)) for f in ENCRYPTED_RECEIVER if text(order.get(f))}
        if len(cipher) < len(ENCRYPTED_RECEIVER):
            raise ChannelDataError(Msg("{channel}: order {order_sn} has no encrypted receiver to decrypt",
                                       channel=CHANNEL, order_sn=order_sn))
        answer = self.call("pdd.open.decrypt.batch", data_list=json.dumps(
            [{"data_tag": order_sn, "encrypted_data": c} for c in cipher.values()]))
        plain: dict[str, str] = {}
        for item in answer.get("data_decrypt_list") or []:
            if text(item.get("error_code")) not in ("", "0"):
                raise ChannelRejected(Msg("{channel}: Pinduoduo did not decrypt the receiver of {order_sn} ({detail})",
                                          channel=CHANNEL, order_sn=order_sn,
                                          detail=text(item.get("error_msg"))))
            plain[text(item.get("encrypted_data"))] = text(item.get("decrypted_data"))
        name, phone, street = (plain.get(cipher[f], "") for f in ENCRYPTED_RECEIVER)
        if not (name and phone and street):
            raise ChannelDataError(Msg("{channel}: the decrypted receiver of {order_sn} is incomplete",
                                       channel=CHANNEL, order_sn=order_sn))
        return PlainReceiver(name=name, phone=phone, line1=street, line2=text(order.get("town")),
                             city=text(order.get("city")), region=text(order.get("province")))

    def push_refund(self, refund: Refund) -> PushResult:
        """Pinduoduo's refunds are agreed on the after-sales case in the merchant backend."""
        raise ChannelRejected(
            Msg("{channel}: Pinduoduo refunds are agreed in the merchant backend (售后); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})",
                channel=CHANNEL, channel_order_id=refund.channel_order_id, amount=refund.amount))

    # --- stock ------------------------------------------------------------------------

    def _sku_row(self, sku: str) -> tuple[str, str, int]:
        """(goods_id, sku_id, quantity) of the one SKU carrying this merchant code."""
        found = self.call("pdd.goods.list.get", outer_id=sku, page=1, page_size=100)
        rows = [(text(goods.get("goods_id")), text(s.get("sku_id")), s.get("sku_quantity"))
                for goods in found.get("goods_list") or []
                for s in goods.get("sku_list") or [] if text(s.get("outer_id")) == sku]
        if len(rows) != 1:
            raise ChannelRejected(Msg("{channel}: {count} SKUs carry merchant code {sku!r} (expected exactly one)",
                                      channel=CHANNEL, count=len(rows), sku=sku))
        goods_id, sku_id, quantity = rows[0]
        return goods_id, sku_id, to_count(quantity)

    def read_stock(self, sku: str) -> int:
        return self._sku_row(sku)[2]

    def set_stock(self, level: StockLevel) -> PushResult:
        goods_id, sku_id, remote = self._sku_row(level.sku)
        return overwrite_stock(
            CHANNEL, level, remote, sku_id,
            lambda: self.call("pdd.goods.quantity.update", goods_id=goods_id, sku_id=sku_id,
                              quantity=level.quantity, update_type=1),
            lambda: self._sku_row(level.sku)[2])


STATUS_FIELDS = ("order_status", "confirm_status", "group_status", "refund_status",
                 "after_sales_status", "risk_control_status")
TABLES = {"confirm_status": CONFIRM_STATUS, "group_status": GROUP_STATUS,
          "refund_status": REFUND_STATUS, "after_sales_status": AFTER_SALES_STATUS,
          "risk_control_status": RISK_CONTROL_STATUS}


def to_count(value: Any) -> int:
    return stock_count(CHANNEL, value)


def _looked_up(row: dict[str, Any], name: str, table: dict[int, str | None]) -> str | None:
    value = row.get(name)
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Unmappable(Msg("{field} {value!r} is not one Pinduoduo documents",
                             field=name, value=value)) from None
    if number not in table:
        raise Unmappable(Msg("{field} {number} is not one Packdesk knows", field=name, number=number))
    return table[number]


def map_status(row: dict[str, Any]) -> str:
    """Cancelled or refunded first, then shipped, then any hold, else to pack."""
    shipping = _looked_up({"order_status": need(row, "order_status")}, "order_status",
                          ORDER_STATUS)
    said = {name: _looked_up(row, name, table) for name, table in TABLES.items()}
    if "cancelled" in said.values():
        return "cancelled"
    if "refunded" in said.values():
        return "refunded"
    if shipping == "fulfilled":
        return "fulfilled"
    return "on_hold" if "on_hold" in said.values() else "open"


def map_line(item: dict[str, Any]) -> UnifiedLine:
    sku_id = text(need(item, "sku_id"))
    return UnifiedLine(
        channel_line_id=sku_id,
        sku=text(item.get("outer_id")) or text(item.get("outer_goods_id")),
        name=" ".join(filter(None, [text(item.get("goods_name")),
                                    text(item.get("goods_spec"))])),
        quantity=to_quantity(need(item, "goods_count"), Msg("goods_count of SKU {sku_id}",
                                                            sku_id=sku_id)),
        unit_price=to_decimal(need(item, "goods_price"), Msg("goods_price of SKU {sku_id}",
                                                             sku_id=sku_id)),
        currency="CNY")


def map_order(row: dict[str, Any], carriers: CarrierCodes | None = None,
              company_code: Callable[[str], str] = str) -> UnifiedOrder:
    """An order_sn_list row (or an order_info) to the unified order. The receiver is taken
    as Pinduoduo masks it (receiver_*_mask); the encrypted fields are not ours to read."""
    order_sn = text(need(row, "order_sn"))
    name, phone = text(row.get("receiver_name_mask")), text(row.get("receiver_phone_mask"))
    street = text(row.get("receiver_address_mask")) or text(row.get("address_mask"))
    tracking = text(row.get("tracking_number"))
    company = text(row.get("logistics_id")) if tracking else ""
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=order_sn, order_number_hint=order_sn,
        status=map_status(row), buyer_name="", phone=phone, email="",
        address=UnifiedAddress(name=name, line1=street, line2=text(row.get("town")),
                               city=text(row.get("city")), region=text(row.get("province")),
                               postcode="", country_code="CN"),
        lines=tuple(map_line(item) for item in need(row, "item_list")),
        buyer_note=text(row.get("buyer_memo")),
        placed_at=to_time(row.get("created_time"), "created_time", CHINA_TIME),
        updated_at=to_time(row.get("updated_at"), "updated_at", CHINA_TIME),
        ship_by=optional_time(row.get("last_ship_time"), "last_ship_time", CHINA_TIME),
        tracking_number=tracking,
        carrier=(carriers or CarrierCodes(CHANNEL)).ours(company_code(company))
        if company else "",
        raw=row, receiver_masked=is_masked(name, phone, street))

