"""Douyin Shop (抖店) open platform: order search by update time, logistics, SKU stock.

Each API has its own path on the gateway (order.searchList -> /order/searchList); the common
parameters go in the query string with the signature, the call's own parameters as the JSON
body, which is also what is signed (param_json, keys sorted, no spaces). Amounts are in fen.
The receiver comes masked (mask_post_receiver 张**, mask_post_tel 138****0000) beside its
ciphertext; Packdesk keeps the masked form only. Pages count from 0.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
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
from sync.cn_open import ErrorCodes, is_masked, raise_platform_error
from sync.fields import CHINA_TIME, Unmappable, map_safely, need, text, to_quantity
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

CHANNEL = "douyin"
SIGN_METHODS = ("md5", "hmac-sha256")
# order_status values of order.searchList / order.orderDetail, each on purpose
STATUS_TABLE = {
    1: "awaiting_payment",  # 待确认/待支付
    103: "awaiting_payment",  # 部分支付 (预售定金)
    105: "on_hold",  # 已支付, not yet released to 备货中
    2: "open",  # 备货中: to ship
    101: "open",  # 部分发货
    3: "fulfilled",  # 已发货 (全部发货)
    4: "cancelled",  # 已取消
    5: "fulfilled",  # 已完成 (已收货)
}
# main_status adds the refund endings: 21 发货前退款完结, 22 发货后退款完结, 39 收货后退款完结
MAIN_STATUS_REFUNDED = frozenset({21, 22, 39})
# after_sale_info.refund_status of a sku order: 0 无需退款, 1 待退款, 2 退款中, 3 退款成功,
# 4 退款失败
REFUND_STATUS = {0: None, 1: "on_hold", 2: "on_hold", 3: "refunded", 4: None}
# Douyin's 公共错误码: 10000 success; 20000 服务不可用 (isp.*, retry later); 30001 / 30002
# the access_token invalid or expired; a call over its flow limit says 限流 / 频繁 (kept by
# the words, as the limit's sub_code varies per API).
ERRORS = ErrorCodes(
    rate_limited={}, temporary=frozenset({"20000"}),
    authorisation=frozenset({"30001", "30002"}),
    how_to_authorise=Msg("authorise Packdesk again in 抖店 → 服务市场 (or the shop's own app) and store the new access token with `packdesk channel add`"))


@dataclass(frozen=True)
class DouyinCredentials:
    gateway_url: str  # https://openapi-fxg.jinritemai.com
    app_key: str
    app_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    sign_method: str = "hmac-sha256"


def param_json(params: dict[str, Any]) -> str:
    """The body as Douyin signs it: keys sorted at every level, no spaces."""
    return json.dumps(params, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sign(app_key: str, method: str, body: str, timestamp: str, v: str, secret: str,
         sign_method: str) -> str:
    """secret + app_key..method..param_json..timestamp..v (name+value, in that order) +
    secret, digested by md5 or HMAC-SHA256 keyed by the secret, lower-case hex."""
    joined = (f"{secret}app_key{app_key}method{method}param_json{body}timestamp{timestamp}"
              f"v{v}{secret}").encode()
    if sign_method == "md5":
        return hashlib.md5(joined).hexdigest()
    if sign_method == "hmac-sha256":
        return hmac.new(secret.encode(), joined, hashlib.sha256).hexdigest()
    raise ValueError(Msg("{channel}: sign method {sign_method!r} is not one of {sign_methods}",
                         channel=CHANNEL, sign_method=sign_method, sign_methods=SIGN_METHODS))


class DouyinAdapter(GatewayAdapter):
    channel = CHANNEL
    default_page_size = 100
    _credentials: DouyinCredentials

    def check_limits(self, page_size: int, window: timedelta) -> None:
        if not 1 <= page_size <= 100:
            raise ValueError(Msg("{channel}: order.searchList pages hold 1 to 100 orders",
                                 channel=CHANNEL))

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        body = param_json({k: v for k, v in params.items() if v is not None})
        stamp = datetime.now(UTC).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
        creds = self._credentials
        query = {"method": method, "app_key": creds.app_key, "access_token": creds.access_token,
                 "timestamp": stamp, "v": "2", "sign_method": creds.sign_method,
                 "sign": sign(creds.app_key, method, body, stamp, "2", creds.app_secret,
                              creds.sign_method)}
        response = self._http.request("POST", "/" + method.replace(".", "/"), params=query,
                                      content=body.encode(),
                                      headers={"Content-Type": "application/json"})
        answer = self._http.json(response)
        if not isinstance(answer, dict):
            raise ChannelDataError(Msg("{channel}: {method} answered with a JSON {json_type}, not an object",
                                       channel=CHANNEL, method=method, json_type=type(answer).__name__))
        code = text(answer.get("code"))
        if code != "10000":
            raise_platform_error(CHANNEL, method, ERRORS, code, text(answer.get("sub_code")),
                                 " ".join(filter(None, [text(answer.get("msg")),
                                                        text(answer.get("sub_msg"))])))
        data = answer.get("data")
        if not isinstance(data, dict):
            raise ChannelDataError(Msg("{channel}: {method} answer has no data object",
                                       channel=CHANNEL, method=method))
        return data

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        return pull_backwards(cursor, self._rules, self._page_count, self._orders)

    def _search(self, state: WindowCursor, page: int) -> dict[str, Any]:
        """Page `page` of 1..N is Douyin's page page-1 (its pages count from 0)."""
        return self.call("order.searchList", update_time_start=int(state.since.timestamp()),
                         update_time_end=int((state.until or datetime.now(UTC)).timestamp()),
                         order_by="update_time", order_asc=False, page=page - 1,
                         size=self._page_size)

    def _page_count(self, state: WindowCursor) -> int:
        return math.ceil(to_count(self._search(state, 1).get("total")) / self._page_size)

    def _orders(self, state: WindowCursor, page: int):
        for row in self._search(state, page).get("shop_order_list") or []:
            order_id = text(row.get("order_id"))
            updated = _moment(row.get("update_time"))
            yield (f"{order_id}@{text(row.get('update_time'))}@{text(row.get('order_status'))}"
                   f"@{_refund_marks(row)}", updated,
                   map_safely(CHANNEL, order_id, row, lambda r: map_order(r, self._carriers)))

    # --- fulfilment -------------------------------------------------------------------

    def _order(self, order_id: str) -> dict[str, Any]:
        found = self.call("order.orderDetail", shop_order_id=order_id).get("shop_order_detail")
        if not isinstance(found, dict):
            raise ChannelDataError(Msg("{channel}: order {order_id} came back without shop_order_detail",
                                       channel=CHANNEL, order_id=order_id))
        return found

    def reveal_receiver(self, order_id: str) -> PlainReceiver:
        """The receiver in plain words, for one label: the order's ciphertexts
        (order.orderDetail encrypt_post_receiver, encrypt_post_tel, post_addr.encrypt_detail)
        through order.batchDecrypt (auth_id = the order id). Only for an app granted the
        decrypt permission; nothing of it is kept."""
        order = self._order(order_id)
        addr = order.get("post_addr") or order.get("mask_post_addr") or {}
        cipher = {"name": text(order.get("encrypt_post_receiver")),
                  "phone": text(order.get("encrypt_post_tel")),
                  "detail": text(addr.get("encrypt_detail"))}
        if not all(cipher.values()):
            raise ChannelDataError(Msg("{channel}: order {order_id} has no encrypted receiver to decrypt",
                                       channel=CHANNEL, order_id=order_id))
        answer = self.call("order.batchDecrypt", cipher_infos=[
            {"auth_id": order_id, "cipher_text": c} for c in cipher.values()])
        plain: dict[str, str] = {}
        for info in answer.get("decrypt_infos") or []:
            if text(info.get("err_no")) not in ("", "0"):
                raise ChannelRejected(Msg("{channel}: Douyin did not decrypt the receiver of {order_id} ({detail})",
                                          channel=CHANNEL, order_id=order_id,
                                          detail=text(info.get("err_msg"))))
            plain[text(info.get("cipher_text"))] = text(info.get("decrypt_text"))
        name, phone, detail = (plain.get(c, "") for c in cipher.values())
        if not (name and phone and detail):
            raise ChannelDataError(Msg("{channel}: the decrypted receiver of {order_id} is incomplete",
                                       channel=CHANNEL, order_id=order_id))
        def part(key: str) -> str:
            return text((addr.get(key) or {}).get("name"))
        return PlainReceiver(name=name, phone=phone,
                             line1=" ".join(filter(None, [part("street"), detail])),
                             line2=part("town"), city=part("city"), region=part("province"))

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        order_id = fulfilment.channel_order_id
        order = self._order(order_id)
        shipped = [text(p.get("tracking_no")) for p in order.get("logistics_info") or []]
        if fulfilment.tracking_number in shipped:
            return PushResult(True, order_id, Msg("Douyin already shows this tracking number"))
        status = map_status(order)
        if status in ("cancelled", "refunded"):
            raise ChannelRejected(Msg("{channel}: order {order_id} is {status} at Douyin; it cannot be shipped",
                                      channel=CHANNEL, order_id=order_id, status=status))
        if status == "fulfilled":
            return PushResult(True, order_id, Msg("Douyin already shows {order_id} shipped",
                                                  order_id=order_id))
        company = self._carriers.code_for(fulfilment.carrier)
        if fulfilment.lines:  # a parcel with part of the order: its sub-orders and units
            self._ship_part(order_id, fulfilment, company)
        else:
            self.call("order.logisticsAdd", order_id=order_id, company_code=company,
                      logistics_code=fulfilment.tracking_number)
        return PushResult(False, order_id)

    def _ship_part(self, order_id: str, fulfilment: Fulfilment, company: str) -> None:
        """order.logisticsAddMultiPack (拆单发货), one pack: the parcel's tracking number
        with the sub-orders (sku_order_list order_id) and units it carries. request_id is
        the parcel's idempotency key, so a repeated push ships nothing twice."""
        self.call("order.logisticsAddMultiPack", order_id=order_id, request_id=hashlib.sha1(
            fulfilment.idempotency_key.encode()).hexdigest()[:32], pack_list=[{
                "shipped_order_info": [{"shipped_order_id": ln.channel_line_id,
                                        "shipped_num": ln.quantity} for ln in fulfilment.lines],
                "logistics_code": fulfilment.tracking_number, "company_code": company}])

    def push_refund(self, refund: Refund) -> PushResult:
        """Douyin refunds are agreed on the after-sale case (售后) in 抖店."""
        raise ChannelRejected(
            Msg("{channel}: Douyin refunds are agreed in 抖店 (售后工作台); Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})",
                channel=CHANNEL, channel_order_id=refund.channel_order_id, amount=refund.amount))

    # --- stock ------------------------------------------------------------------------

    def _sku(self, sku: str) -> tuple[str, str, int]:
        """(product_id, sku_id, stock) of the SKU whose 商家编码 is our SKU."""
        found = self.call("sku.detail", code=sku)
        if text(found.get("code")) != sku:
            raise ChannelRejected(Msg("{channel}: no SKU carries 商家编码 {sku!r}",
                                      channel=CHANNEL, sku=sku))
        return text(found.get("product_id")), text(found.get("id")), \
            to_count(found.get("stock_num"))

    def read_stock(self, sku: str) -> int:
        return self._sku(sku)[2]

    def set_stock(self, level: StockLevel) -> PushResult:
        """A full overwrite (incremental false); Douyin has no compare-and-set, so read,
        compare, write, read back."""
        product_id, sku_id, remote = self._sku(level.sku)
        return overwrite_stock(
            CHANNEL, level, remote, sku_id,
            lambda: self.call("sku.syncStock", product_id=product_id, sku_id=sku_id,
                              incremental=False, stock_num=level.quantity),
            lambda: self._sku(level.sku)[2])


def to_count(value: Any) -> int:
    return stock_count(CHANNEL, value)


def _moment(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), UTC).astimezone(CHINA_TIME)
    except (TypeError, ValueError, OverflowError):
        return None


def _time(value: Any, what: str) -> datetime:
    moment = _moment(value)
    if moment is None:
        raise Unmappable(Msg("{what} {value!r} is not a Unix time", what=what, value=value))
    return moment


def _refund_marks(row: dict[str, Any]) -> str:
    return ",".join(text((s.get("after_sale_info") or {}).get("refund_status"))
                    for s in row.get("sku_order_list") or [])


def _number(row: dict[str, Any], name: str) -> int:
    try:
        return int(need(row, name))
    except (TypeError, ValueError):
        raise Unmappable(Msg("{field} {value!r} is not a number", field=name, value=row.get(name))) from None


def map_status(row: dict[str, Any]) -> str:
    """Refunded or cancelled first, then shipped, then a line with a refund asked (a hold:
    a person decides), else the order's own status."""
    status = _number(row, "order_status")
    if status not in STATUS_TABLE:
        raise Unmappable(Msg("order_status {status} is not one Packdesk knows", status=status))
    main = row.get("main_status")
    lines = []
    for sku_order in row.get("sku_order_list") or []:
        refund = (sku_order.get("after_sale_info") or {}).get("refund_status", 0)
        try:
            refund_status = int(refund or 0)
        except (TypeError, ValueError):
            raise Unmappable(Msg("refund_status {refund!r} is not a number", refund=refund)) from None
        if refund_status not in REFUND_STATUS:
            raise Unmappable(Msg("refund_status {refund_status} is not one Packdesk knows",
                                 refund_status=refund_status))
        lines.append(REFUND_STATUS[refund_status])
    if main in MAIN_STATUS_REFUNDED or (lines and all(x == "refunded" for x in lines)):
        return "refunded"
    unified = STATUS_TABLE[status]
    if unified in ("cancelled", "fulfilled", "awaiting_payment"):
        return unified
    return "on_hold" if any(x in ("on_hold", "refunded") for x in lines) else unified


def map_line(sku_order: dict[str, Any]) -> UnifiedLine:
    line_id = text(need(sku_order, "order_id"))
    spec = " ".join(f"{text(s.get('name'))}:{text(s.get('value'))}"
                    for s in sku_order.get("spec") or [])
    return UnifiedLine(
        channel_line_id=line_id,
        sku=text(sku_order.get("code")) or text(sku_order.get("out_sku_id")),
        name=" ".join(filter(None, [text(sku_order.get("product_name")), spec])),
        quantity=to_quantity(need(sku_order, "item_num"), Msg("item_num of {line_id}",
                                                              line_id=line_id)),
        unit_price=Decimal(to_quantity(need(sku_order, "goods_price"),
                                       Msg("goods_price of {line_id}", line_id=line_id))) / 100,
        currency="CNY")


def map_order(row: dict[str, Any], carriers: CarrierCodes | None = None) -> UnifiedOrder:
    """A shop_order_list entry (or shop_order_detail) to the unified order."""
    order_id = text(need(row, "order_id"))
    addr = row.get("mask_post_addr") or row.get("post_addr") or {}
    name = text(row.get("mask_post_receiver")) or text(row.get("post_receiver"))
    phone = text(row.get("mask_post_tel")) or text(row.get("post_tel"))
    street = " ".join(filter(None, [text((addr.get("street") or {}).get("name")),
                                    text(addr.get("detail"))]))
    shipped = row.get("logistics_info") or []
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=order_id, order_number_hint=order_id,
        status=map_status(row), buyer_name="", phone=phone, email="",
        address=UnifiedAddress(name=name, line1=street,
                               line2=text((addr.get("town") or {}).get("name")),
                               city=text((addr.get("city") or {}).get("name")),
                               region=text((addr.get("province") or {}).get("name")),
                               postcode="", country_code="CN"),
        lines=tuple(map_line(s) for s in need(row, "sku_order_list")),
        buyer_note=text(row.get("buyer_words")),
        placed_at=_time(row.get("create_time"), "create_time"),
        updated_at=_time(row.get("update_time"), "update_time"),
        ship_by=_moment(row.get("exp_ship_time")),
        tracking_number=text(shipped[-1].get("tracking_no")) if shipped else "",
        carrier=(carriers or CarrierCodes(CHANNEL)).ours(text(shipped[-1].get("company")))
        if shipped else "",
        raw=row, receiver_masked=is_masked(name, phone, street))
