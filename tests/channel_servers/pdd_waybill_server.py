"""A Pinduoduo gateway (/api/router) answering the e-waybill calls, from PDD's documentation.

pdd.waybill.get / .cancel / .search with PDD's envelope (client_id, access_token, timestamp
within 10 minutes, the signature by pdd_server's own implementation of 签名算法) and the
shapes of the API pages: param_waybill_cloud_print_apply_new_request with wp_code, sender
and trade_order_info_dtos (object_id, order_info.order_channels_type / trade_order_list,
package_info, recipient, template_url); modules[].waybill_code / print_data back.

Kept rules: a wp_code needs a subscription with numbers left (0 left: 电子面单余额不足); an
address the company does not reach is refused; a masked receiver (* in the name, phone or
street) must come with the order_sn of one of the shop's PDD orders (channel "PDD"), which
the platform resolves to the real buyer; the print_data of a PDD order is encrypted for
PDD's print component; the same object and order asked again keeps its number; a cancel of
an unknown or cancelled number is refused. The sub_codes of these refusals are this
server's own (PDD's pages name the situations, not all the codes).
"""

from __future__ import annotations

import hmac
import itertools
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.channel_servers.base import ChannelServer, Reply, Request
from tests.channel_servers.pdd_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, pdd_signature

TEMPLATE_URL = "https://file-link.pinduoduo.com/yunda_one"
KEYS = {"pdd.waybill.get": "pdd_waybill_get_response",
        "pdd.waybill.cancel": "pdd_waybill_cancel_response",
        "pdd.waybill.search": "pdd_waybill_search_response"}


@dataclass
class Waybill:
    number: str
    wp_code: str
    object_id: str
    trades: tuple[str, ...]
    request: dict[str, Any]
    cancelled: bool = False


def is_masked(*texts: str) -> bool:
    return any("*" in (t or "") for t in texts)


class PddWaybillServer(ChannelServer):
    def __init__(self, quantities: dict[str, int] | None = None,
                 orders: dict[str, dict[str, str]] | None = None,
                 unreachable: tuple[str, ...] = ("西沙群岛",)) -> None:
        super().__init__()
        self.quantities = dict(quantities if quantities is not None else {"YUNDA": 100})
        self.orders = dict(orders or {})  # order_sn -> the real receiver PDD keeps
        self.unreachable = unreachable
        self.waybills: dict[str, Waybill] = {}
        self.scripted: list[dict[str, Any]] = []  # error_responses to answer next
        self._numbers = itertools.count(4_312_000_000_001)

    def label(self, request: Request) -> str:
        return request.form().get("type", "?")

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path != "/api/router":
            return Reply(404, b"not found")
        form = request.form()
        refused = self._check_envelope(form)
        if refused:
            return refused
        with self.lock:
            if self.scripted:
                return Reply.json({"error_response": self.scripted.pop(0)})
            api = form.get("type", "")
            route = {"pdd.waybill.get": self._get, "pdd.waybill.cancel": self._cancel,
                     "pdd.waybill.search": self._search}.get(api)
            if route is None:
                return _error(10000, "参数错误", "type 不存在")
            answer = route(form)
        if isinstance(answer, Reply):
            return answer
        return Reply.json({KEYS[api]: {**answer, "request_id": "15887126512345"}})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("client_id") != CLIENT_ID:
            return _error(10016, "client_id不存在")
        try:
            sent = datetime.fromtimestamp(int(form.get("timestamp", "")), UTC)
        except ValueError:
            return _error(10000, "参数错误", "timestamp 不合法")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _error(10000, "参数错误", "timestamp 与服务器时间相差超过10分钟")
        if not hmac.compare_digest(form.get("sign", ""), pdd_signature(form, CLIENT_SECRET)):
            return _error(20004, "签名sign校验失败")
        if form.get("access_token") != ACCESS_TOKEN:
            return _error(10019, "access_token已过期")
        return None

    def _get(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        try:
            apply = json.loads(form["param_waybill_cloud_print_apply_new_request"])
        except (KeyError, ValueError):
            return _error(10000, "参数错误", "param_waybill_cloud_print_apply_new_request 缺失")
        wp_code = apply.get("wp_code", "")
        if wp_code not in self.quantities:
            return _error(50000, "业务异常", f"未开通{wp_code}的电子面单服务",
                          "isv.WAYBILL_SUBSCRIPTION_NOT_FOUND")
        modules = []
        for dto in apply.get("trade_order_info_dtos") or []:
            answer = self._one(wp_code, dto, apply)
            if isinstance(answer, Reply):
                return answer
            modules.append(answer)
        return {"modules": modules}

    def _one(self, wp_code: str, dto: dict[str, Any], apply: dict[str, Any]) -> Any:
        object_id = str(dto.get("object_id") or "")
        order_info = dto.get("order_info") or {}
        trades = tuple(str(t) for t in order_info.get("trade_order_list") or [])
        recipient = dto.get("recipient") or {}
        address = recipient.get("address") or {}
        if not object_id or not trades or not dto.get("template_url"):
            return _error(10000, "参数错误", "object_id/trade_order_list/template_url 必填")
        masked = is_masked(recipient.get("name"), recipient.get("mobile"), address.get("detail"))
        real = None
        if masked:
            real = self.orders.get(trades[0])
            if order_info.get("order_channels_type") != "PDD" or real is None:
                return _error(50000, "业务异常", "脱敏收件人取号须传入本店拼多多订单号",
                              "isv.MASKED_RECEIVER_NEED_ORDER_SN")
        where = "".join(str((real or address).get(k) or "") for k in ("city", "district", "detail"))
        if not (real or address).get("detail"):
            return _error(50000, "业务异常", "收件人详细地址不能为空", "isv.ADDRESS_DETAIL_EMPTY")
        if any(place in where for place in self.unreachable):
            return _error(50000, "业务异常", "收件地址超区，快递公司不可达",
                          "isv.ADDRESS_NOT_REACHABLE")
        same = next((w for w in self.waybills.values() if w.object_id == object_id and
                     w.trades == trades and w.wp_code == wp_code and not w.cancelled), None)
        if same is None:
            if self.quantities[wp_code] <= 0:
                return _error(50000, "业务异常", "电子面单余额不足，请联系网点充值",
                              "isv.WAYBILL_BALANCE_NOT_ENOUGH")
            self.quantities[wp_code] -= 1
            same = Waybill(str(next(self._numbers)), wp_code, object_id, trades, dto)
            self.waybills[same.number] = same
            self.record(type="pdd.waybill.get", waybill=same.number, object_id=object_id,
                        masked=masked)
        return {"object_id": object_id, "waybill_code": same.number,
                "print_data": self._print_data(same, recipient, apply,
                                               order_info.get("order_channels_type") == "PDD")}

    def _print_data(self, waybill: Waybill, recipient: dict[str, Any], apply: dict[str, Any],
                    pdd_order: bool) -> str:
        if pdd_order or apply.get("need_encrypt"):
            return json.dumps({"encryptedData": "ENC:5kVvQ0mF9pL2xR7tB3nW8yC1aZ6uH4jD",
                               "signature": "3a7c9e1f5b2d4680", "templateUrl": TEMPLATE_URL,
                               "ver": "3"})
        data = {"waybillCode": waybill.number, "wpCode": waybill.wp_code,
                "recipient": recipient, "sender": apply.get("sender") or {},
                "routingInfo": {"sortation": {"name": "浙杭 余杭 312"},
                                "consolidation": {"name": "杭州中转", "code": "571"},
                                "routeCode": "312-01 A9"}}
        return json.dumps({"data": data, "signature": "3a7c9e1f5b2d4680",
                           "templateUrl": TEMPLATE_URL}, ensure_ascii=False)

    def _cancel(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        waybill = self.waybills.get(form.get("waybill_code", ""))
        if waybill is None or waybill.wp_code != form.get("wp_code"):
            return _error(50000, "业务异常", "面单号不存在", "isv.WAYBILL_NOT_EXIST")
        if waybill.cancelled:
            return _error(50000, "业务异常", "面单号已取消", "isv.WAYBILL_ALREADY_CANCELLED")
        waybill.cancelled = True
        self.quantities[waybill.wp_code] += 1
        self.record(type="pdd.waybill.cancel", waybill=waybill.number)
        return {"cancel_result": True}

    def _search(self, form: dict[str, str]) -> dict[str, Any]:
        codes = [form["wp_code"]] if form.get("wp_code") else list(self.quantities)
        return {"waybill_apply_subscription_cols": [
            {"wp_code": code, "wp_type": 1, "branch_account_cols": [
                {"quantity": self.quantities.get(code, 0), "branch_code": "518000",
                 "branch_name": "南山网点"}]} for code in codes if code in self.quantities]}


def _error(code: int, msg: str, sub_msg: str = "", sub_code: str = "") -> Reply:
    return Reply.json({"error_response": {"error_code": code, "error_msg": msg,
                                          "sub_code": sub_code, "sub_msg": sub_msg,
                                          "request_id": "15887126599999"}})
