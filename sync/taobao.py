"""Taobao/Tmall TOP: incremental trades, offline consignment, item quantity.

The increment API sorts by modified descending, so each window is paged from its last page
backwards (CHANNELS.md section 5); windows are at most one day. TOP has neither compare-and-set
nor idempotency keys for these calls: writes read first and read back.
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
from sync.cn_open import is_masked
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
from sync.taobao_top import ALREADY_CONSIGNED, TopRejected, sign, timestamp, unwrap

CHANNEL = "taobao"
# Every trade status taobao.trades.sold.get documents (交易状态可选值), each mapped on
# purpose (sync.model.DISPOSITIONS); refunds on the lines refine it in map_status.
STATUS_TABLE = {
    "TRADE_NO_CREATE_PAY": "awaiting_payment",  # 没有创建支付宝交易
    "WAIT_BUYER_PAY": "awaiting_payment",  # 等待买家付款
    "PAY_PENDING": "awaiting_payment",  # 国际信用卡支付付款确认中
    "WAIT_PRE_AUTH_CONFIRM": "awaiting_payment",  # 0元购合约中
    "PAID_FORBID_CONSIGN": "on_hold",  # 拼团中或发货强管控: paid, shipping forbidden
    "WAIT_SELLER_SEND_GOODS": "open",  # 等待卖家发货
    "SELLER_CONSIGNED_PART": "open",  # 卖家部分发货
    "WAIT_BUYER_CONFIRM_GOODS": "fulfilled",  # 卖家已发货
    "TRADE_BUYER_SIGNED": "fulfilled",  # 买家已签收 (货到付款)
    "TRADE_FINISHED": "fulfilled",  # 交易成功
    "TRADE_CLOSED": "cancelled",  # 退款成功后关闭, or closed before paying
    "TRADE_CLOSED_BY_TAOBAO": "cancelled",  # 付款以前关闭
}
UNPAID = frozenset(s for s, unified in STATUS_TABLE.items() if unified == "awaiting_payment")
SHIPPED = frozenset(s for s, unified in STATUS_TABLE.items() if unified == "fulfilled")
CLOSED = frozenset(s for s, unified in STATUS_TABLE.items() if unified == "cancelled")
REFUNDING = frozenset({"WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS",
                       "WAIT_SELLER_CONFIRM_GOODS", "SUCCESS"})
TRADE_FIELDS = ("tid,tid_str,status,buyer_nick,buyer_message,created,modified,receiver_name,"
                "receiver_state,receiver_city,receiver_district,receiver_town,receiver_address,"
                "receiver_zip,receiver_mobile,receiver_phone,receiver_country,oaid,orders")
# taobao.trade.fullinfo.get returns the trade's oaid (收件人ID, Open Addressee ID) only when
# asked with include_oaid; the receiver fields beside it are masked (张**, 138****0000)
INCLUDE_OAID = "true"
# taobao.top.oaid.decrypt (隐私保护API, apiId 54714): query_list of {oaid, tid, scene},
# at most 20; scene 1004 is "其他电子面单发货" (shipping with another e-waybill), the label
# or slip Packdesk prints itself. The answer is receiver_list.receiver [{name, mobile, phone,
# state, city, district, town, address_detail, oaid, tid, matched ...}].
DECRYPT_SCENE = "1004"


@dataclass(frozen=True)
class TaobaoCredentials:
    gateway_url: str  # https://eco.taobao.com/router/rest, or our relay
    app_key: str
    app_secret: str = field(repr=False)
    session: str = field(repr=False)
    sign_method: str = "hmac-sha256"


class TaobaoAdapter(GatewayAdapter):
    channel = CHANNEL
    _credentials: TaobaoCredentials

    def check_limits(self, page_size: int, window: timedelta) -> None:
        if window > timedelta(days=1):
            raise ValueError(Msg("{channel}: the increment window may be at most one day",
                                 channel=CHANNEL))

    def call(self, api_method: str, **params: Any) -> dict[str, Any]:
        form = {"method": api_method, "app_key": self._credentials.app_key,
                "session": self._credentials.session, "timestamp": timestamp(datetime.now(UTC)),
                "format": "json", "v": "2.0", "sign_method": self._credentials.sign_method,
                **{k: str(v) for k, v in params.items() if v is not None}}
        form["sign"] = sign(form, self._credentials.app_secret, self._credentials.sign_method)
        response = self._http.request("POST", self._credentials.gateway_url, data=form)
        return unwrap(api_method, self._http.json(response))

    # --- orders -----------------------------------------------------------------------

    def pull_orders(self, cursor: str | None) -> Page:
        return pull_backwards(cursor, self._rules, self._page_count, self._trades)

    def _window_params(self, state: WindowCursor) -> dict[str, str]:
        return {"start_modified": timestamp(state.since),
                "end_modified": timestamp(state.until or datetime.now(UTC))}

    def _page_count(self, state: WindowCursor) -> int:
        found = self.call("taobao.trades.sold.increment.get", fields="tid", page_no=1,
                          page_size=self._page_size, **self._window_params(state))
        total = to_count(found.get("total_results"))
        return math.ceil(total / self._page_size)

    def _trades(self, state: WindowCursor, page_no: int):
        found = self.call("taobao.trades.sold.increment.get", fields="tid,modified,status",
                          page_no=page_no, page_size=self._page_size,
                          **self._window_params(state))
        for brief in (found.get("trades") or {}).get("trade") or []:
            if text(brief.get("status")) in UNPAID:
                continue
            tid = text(brief.get("tid_str")) or text(brief.get("tid"))
            trade = self.call("taobao.trade.fullinfo.get", tid=tid, fields=TRADE_FIELDS,
                              include_oaid=INCLUDE_OAID).get("trade") or {}
            try:
                updated = to_time(trade.get("modified"), "modified", CHINA_TIME)
            except Unmappable:
                updated = None
            yield (f"{tid}@{text(trade.get('modified'))}@{text(trade.get('status'))}", updated,
                   map_safely(CHANNEL, tid, trade, map_trade))

    # --- fulfilment -------------------------------------------------------------------

    def push_fulfilment(self, fulfilment: Fulfilment) -> PushResult:
        tid = fulfilment.channel_order_id
        trade = self.call("taobao.trade.fullinfo.get", tid=tid, fields="tid,status,orders")\
            .get("trade") or {}
        wanted = {ln.channel_line_id for ln in fulfilment.lines}
        lines = [o for o in (trade.get("orders") or {}).get("order") or []
                 if not wanted or text(o.get("oid")) in wanted]
        if lines and all(text(o.get("invoice_no")) == fulfilment.tracking_number for o in lines):
            return PushResult(True, tid, Msg("Taobao already shows this tracking number"))
        params: dict[str, Any] = {"tid": tid, "out_sid": fulfilment.tracking_number,
                                  "company_code": self._carriers.code_for(fulfilment.carrier)}
        if wanted:
            params.update(sub_tid=",".join(sorted(wanted)), is_split=1)
        try:
            shipping = self.call("taobao.logistics.offline.send", **params)\
                .get("shipping") or {}
        except TopRejected as exc:
            if exc.sub_code != ALREADY_CONSIGNED:
                raise
            if text(trade.get("status")) in CLOSED:  # B04 says "consigned or closed"
                raise ChannelRejected(Msg("{channel}: trade {tid} is closed at Taobao; it cannot be consigned ({exc})",
                                          channel=CHANNEL, tid=tid, exc=exc)) from exc
            # B04: TOP holds the trade as consigned already (in the seller centre, or by a
            # send whose answer was lost); the parcel is out, nothing is left to send
            return PushResult(True, tid, Msg("Taobao already shows {tid} consigned (B04): {exc}",
                                             tid=tid, exc=exc))
        if shipping.get("is_success") is not True:
            raise ChannelRejected(Msg("{channel}: consignment of {tid} not accepted",
                                      channel=CHANNEL, tid=tid))
        return PushResult(False, tid)

    # --- the receiver, decrypted for one document ------------------------------------

    def reveal_receiver(self, tid: str) -> PlainReceiver:
        """The receiver in plain words, for one label or slip: the trade's oaid (read again
        with include_oaid, so a changed address is the new one) through
        taobao.top.oaid.decrypt. Only for an app granted the decrypt permission (the channel
        setting receiver_decrypt); nothing of it is kept."""
        trade = self.call("taobao.trade.fullinfo.get", tid=tid, fields="tid,oaid",
                          include_oaid=INCLUDE_OAID).get("trade") or {}
        oaid = text(trade.get("oaid"))
        if not oaid:
            raise ChannelDataError(Msg("{channel}: trade {tid} has no oaid to decrypt",
                                       channel=CHANNEL, tid=tid))
        answer = self.call("taobao.top.oaid.decrypt", query_list=json.dumps(
            [{"oaid": oaid, "tid": tid, "scene": DECRYPT_SCENE}]))
        found = [r for r in (answer.get("receiver_list") or {}).get("receiver") or []
                 if text(r.get("tid")) == tid]
        if not found or found[0].get("matched") is False:
            raise ChannelRejected(Msg("{channel}: Taobao did not decrypt the receiver of {tid} (the oaid does not match the trade)",
                                      channel=CHANNEL, tid=tid))
        r = found[0]
        name, street = text(r.get("name")), text(r.get("address_detail"))
        phone = text(r.get("mobile")) or text(r.get("phone"))
        if not (name and phone and street):
            raise ChannelDataError(Msg("{channel}: the decrypted receiver of {tid} is incomplete",
                                       channel=CHANNEL, tid=tid))
        return PlainReceiver(name=name, phone=phone, line1=street,
                             line2=" ".join(filter(None, [text(r.get("district")),
                                                          text(r.get("town"))])),
                             city=text(r.get("city")), region=text(r.get("state")),
                             country=country_code(text(r.get("country"))))

    # --- refunds ----------------------------------------------------------------------

    def push_refund(self, refund: Refund) -> PushResult:
        """TOP has no call that pays a buyer back from the seller's side (CHANNELS.md names
        none): the refund is agreed in the seller centre, so the message fails for a person."""
        raise ChannelRejected(
            Msg("{channel}: Taobao refunds are approved in the seller centre; Packdesk marks this case for a person (order {channel_order_id}, {amount:.2f})",
                channel=CHANNEL, channel_order_id=refund.channel_order_id, amount=refund.amount))

    # --- stock ------------------------------------------------------------------------

    def _stock_row(self, sku: str) -> tuple[str, str | None, int]:
        """(num_iid, sku_id or None, quantity) for a merchant code on an item or on a SKU."""
        found = self.call("taobao.items.custom.get", outer_id=sku,
                          fields="num_iid,outer_id,num,sku")
        rows = []
        for item in (found.get("items") or {}).get("item") or []:
            if text(item.get("outer_id")) == sku:
                rows.append((text(item.get("num_iid")), None, item.get("num")))
            rows += [(text(item.get("num_iid")), text(s.get("sku_id")), s.get("quantity"))
                     for s in (item.get("skus") or {}).get("sku") or []
                     if text(s.get("outer_id")) == sku]
        if len(rows) != 1:
            raise ChannelRejected(Msg("{channel}: {count} items carry merchant code {sku!r} (expected exactly one)",
                                      channel=CHANNEL, count=len(rows), sku=sku))
        num_iid, sku_id, quantity = rows[0]
        return num_iid, sku_id, to_count(quantity)

    def read_stock(self, sku: str) -> int:
        return self._stock_row(sku)[2]

    def set_stock(self, level: StockLevel) -> PushResult:
        num_iid, sku_id, remote = self._stock_row(level.sku)
        return overwrite_stock(
            CHANNEL, level, remote, num_iid,
            lambda: self.call("taobao.item.quantity.update", num_iid=num_iid, sku_id=sku_id,
                              quantity=level.quantity, type=1),
            lambda: self._stock_row(level.sku)[2])


def to_count(value: Any) -> int:
    return stock_count(CHANNEL, value)


def map_status(trade: dict[str, Any], lines: list[dict[str, Any]]) -> str:
    status = text(need(trade, "status"))
    if status not in STATUS_TABLE:
        raise Unmappable(Msg("trade status {status!r} is not one Packdesk knows", status=status))
    refunds = {text(o.get("refund_status")) for o in lines}
    if status in CLOSED:
        return "refunded" if "SUCCESS" in refunds else "cancelled"
    unified = STATUS_TABLE[status]
    if unified in ("open", "fulfilled") and refunds & REFUNDING:
        return "partially_refunded"
    return unified


def map_line(order: dict[str, Any]) -> UnifiedLine:
    oid = text(order.get("oid_str")) or text(need(order, "oid"))
    return UnifiedLine(channel_line_id=oid,
                       sku=text(order.get("outer_sku_id")) or text(order.get("outer_iid")),
                       name=" ".join(filter(None, [text(order.get("title")),
                                                   text(order.get("sku_properties_name"))])),
                       quantity=to_quantity(need(order, "num"), Msg("num of line {oid}", oid=oid)),
                       unit_price=to_decimal(need(order, "price"), Msg("price of line {oid}",
                                                                       oid=oid)),
                       currency="CNY")


def map_trade(trade: dict[str, Any]) -> UnifiedOrder:
    """A trade_fullinfo_get_response.trade to the unified order."""
    lines = need(trade, "orders", "order")
    shipped = [o for o in lines if text(o.get("invoice_no"))]
    tid = text(trade.get("tid_str")) or text(need(trade, "tid"))
    return UnifiedOrder(
        channel=CHANNEL, channel_order_id=tid, order_number_hint=tid,
        status=map_status(trade, lines), buyer_name=text(trade.get("buyer_nick")),
        phone=text(trade.get("receiver_mobile")) or text(trade.get("receiver_phone")),
        email="",
        address=UnifiedAddress(
            name=text(trade.get("receiver_name")), line1=text(trade.get("receiver_address")),
            line2=" ".join(filter(None, [text(trade.get("receiver_district")),
                                         text(trade.get("receiver_town"))])),
            city=text(trade.get("receiver_city")), region=text(trade.get("receiver_state")),
            postcode=text(trade.get("receiver_zip")),
            country_code=country_code(text(trade.get("receiver_country")))),
        lines=tuple(map_line(o) for o in lines), buyer_note=text(trade.get("buyer_message")),
        placed_at=to_time(trade.get("created"), "created", CHINA_TIME),
        updated_at=to_time(trade.get("modified"), "modified", CHINA_TIME),
        ship_by=None,
        tracking_number=text(shipped[-1].get("invoice_no")) if shipped else "",
        carrier=text(shipped[-1].get("logistics_company")) if shipped else "",
        raw=trade, receiver_masked=receiver_masked(trade), receiver_oaid=text(trade.get("oaid")))


def receiver_masked(trade: dict[str, Any]) -> bool:
    """TOP masks the receiver for software vendors beside the trade's oaid: any masked field
    (张**, 138****0000, 文一西路***) or the oaid itself says the receiver is the platform's."""
    parts = ("name", "mobile", "phone", "address")
    return bool(text(trade.get("oaid"))) or is_masked(
        *(text(trade.get(f"receiver_{part}")) for part in parts))


def country_code(receiver_country: str) -> str:
    """Taobao leaves receiver_country empty (or 中国) for mainland addresses."""
    if receiver_country in ("", "中国", "中国大陆", "CN"):
        return "CN"
    return receiver_country.upper() if len(receiver_country) == 2 else receiver_country
