"""A TOP gateway (/router/rest) answering the Cainiao e-waybill calls Packdesk makes.

cainiao.waybill.ii.get / .cancel / .search, with TOP's envelope as the Taobao gateway checks
it (app_key, session, timestamp within 10 minutes, the signature for md5, hmac and
hmac-sha256, with taobao_server's implementation of the documented algorithm) and the
request and answer shapes of the API pages (param_waybill_cloud_print_apply_new_request,
trade_order_info_dtos, modules.waybill_cloud_print_response[].waybill_code / print_data).

Kept rules: a cp_code needs a subscription with numbers left (0 left: 电子面单余额不足);
an address the company does not reach is refused; a masked receiver (oaid) needs its tid
and a Taobao/Tmall channel, and its print_data comes back encrypted; the same object and
trade order asked again gets the same number; numbers are unique; a cancel of an unknown,
cancelled or collected number is refused. The sub_codes for these refusals are this
server's own (TOP's pages name the situations, not always the codes).
"""

from __future__ import annotations

import hmac
import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.channel_servers.base import ChannelServer, Reply, Request
from tests.channel_servers.taobao_server import (
    APP_KEY,
    APP_SECRET,
    CHINA_TIME,
    SESSION,
    response_key,
    top_signature,
)

TEMPLATE_URL = "http://cloudprint.cainiao.com/template/standard/101"
ROUTING = {"sortation": {"name": "浙-杭州 余杭 A12"}, "routeCode": "531-B12 07",
           "consolidation": {"name": "杭州转运中心包", "code": "571001"},
           "origin": {"code": "518000", "name": "南山区站点"}}


@dataclass
class Waybill:
    number: str
    cp_code: str
    object_id: str
    trades: tuple[str, ...]
    request: dict[str, Any]
    cancelled: bool = False
    collected: bool = False
    history: list[str] = field(default_factory=list)


class CainiaoServer(ChannelServer):
    def __init__(self, quantities: dict[str, int] | None = None,
                 unreachable: tuple[str, ...] = ("西沙群岛",)) -> None:
        super().__init__()
        self.quantities = dict(quantities if quantities is not None else {"ZTO": 100})
        self.unreachable = unreachable
        self.waybills: dict[str, Waybill] = {}
        self.scripted: list[dict[str, Any]] = []  # error_responses to answer next
        self._numbers = itertools.count(7_300_059_605_746)

    def label(self, request: Request) -> str:
        return request.form().get("method", "?")

    def handle(self, request: Request) -> Reply:
        form = request.form()
        refused = self._check_envelope(form)
        if refused:
            return refused
        with self.lock:
            if self.scripted:
                return Reply.json({"error_response": self.scripted.pop(0)})
            method = form.get("method", "")
            route = {"cainiao.waybill.ii.get": self._get,
                     "cainiao.waybill.ii.cancel": self._cancel,
                     "cainiao.waybill.ii.search": self._search}.get(method)
            if route is None:
                return _error("22", "Invalid method")
            answer = route(form)
        if isinstance(answer, Reply):
            return answer
        return Reply.json({response_key(method): {**answer, "request_id": "16m8eoa4augpd"}})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("app_key") != APP_KEY:
            return _error("29", "Invalid app Key")
        if form.get("session") != SESSION:
            return _error("27", "Invalid session", "invalid-sessionkey")
        try:
            sent = datetime.strptime(form["timestamp"], "%Y-%m-%d %H:%M:%S") \
                .replace(tzinfo=CHINA_TIME)
        except (KeyError, ValueError):
            return _error("31", "Missing timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _error("43", "Invalid timestamp")
        method = form.get("sign_method", "md5")
        if method not in ("md5", "hmac", "hmac-sha256") or not hmac.compare_digest(
                form.get("sign", ""), top_signature(form, APP_SECRET, method)):
            return _error("25", "Invalid signature")
        return None

    # -- APIs ---------------------------------------------------------------------------
    def _get(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        try:
            apply = json.loads(form["param_waybill_cloud_print_apply_new_request"])
        except (KeyError, ValueError):
            return _error("40", "Missing required arguments",
                          "isv.missing-parameter:param_waybill_cloud_print_apply_new_request")
        cp_code = apply.get("cp_code", "")
        if cp_code not in self.quantities:
            return _biz("isv.SUBSCRIPTION_NOT_FOUND", f"未订购{cp_code}的电子面单服务")
        responses = []
        for dto in apply.get("trade_order_info_dtos") or []:
            answer = self._one(cp_code, dto, apply)
            if isinstance(answer, Reply):
                return answer
            responses.append(answer)
        return {"modules": {"waybill_cloud_print_response": responses}}

    def _one(self, cp_code: str, dto: dict[str, Any], apply: dict[str, Any]) -> Any:
        object_id = str(dto.get("object_id") or "")
        trades = tuple(str(t) for t in (dto.get("order_info") or {}).get("trade_order_list")
                       or [])
        recipient = dto.get("recipient") or {}
        if not object_id or not trades or not dto.get("template_url"):
            return _error("40", "Missing required arguments",
                          "isv.missing-parameter:object_id/trade_order_list/template_url")
        if recipient.get("oaid"):
            channel = (dto.get("order_info") or {}).get("order_channels_type")
            if not recipient.get("tid") or channel not in ("TB", "TM"):
                return _biz("isv.OAID_NEED_TID", "oaid 取号需传入 tid 且订单渠道为淘宝/天猫")
        else:
            address = recipient.get("address") or {}
            where = "".join(str(address.get(k) or "") for k in ("city", "district", "detail"))
            if not address.get("detail"):
                return _biz("isv.ADDRESS_DETAIL_EMPTY", "收件人详细地址不能为空")
            if any(place in where for place in self.unreachable):
                return _biz("isv.ADDRESS_NOT_REACHABLE", "收件地址超区，快递公司不可达")
        same = next((w for w in self.waybills.values() if w.object_id == object_id and
                     w.trades == trades and w.cp_code == cp_code and not w.cancelled), None)
        if same is None:
            if self.quantities[cp_code] <= 0:
                return _biz("isv.WAYBILL_QUANTITY_NOT_ENOUGH", "电子面单余额不足，请充值")
            self.quantities[cp_code] -= 1
            same = Waybill(str(next(self._numbers)), cp_code, object_id, trades, dto)
            self.waybills[same.number] = same
            self.record(method="cainiao.waybill.ii.get", waybill=same.number,
                        object_id=object_id, oaid=bool(recipient.get("oaid")))
        return {"cp_code": cp_code, "object_id": object_id, "waybill_code": same.number,
                "real_cp_code": cp_code,
                "print_data": self._print_data(same, recipient, apply)}

    def _print_data(self, waybill: Waybill, recipient: dict[str, Any],
                    apply: dict[str, Any]) -> str:
        if recipient.get("oaid") or apply.get("need_encrypt"):
            return json.dumps({"encryptedData": "AES:RomTZ9FHeg4LOQTx2lyM17d9fJHmOF3PGgs",
                               "signature": "MD:Aznc5rkMLD16KZwMbdWBtQ==",
                               "templateURL": TEMPLATE_URL,
                               "ver": "waybill_print_secret_version_1"})
        data = {"cpCode": waybill.cp_code, "waybillCode": waybill.number,
                "recipient": recipient, "sender": apply.get("sender") or {},
                "routingInfo": ROUTING,
                "shippingOption": {"code": "STANDARD_EXPRESS", "title": "标准快递"}}
        return json.dumps({"data": data, "signature": "MD:Aznc5rkMLD16KZwMbdWBtQ==",
                           "templateURL": TEMPLATE_URL}, ensure_ascii=False)

    def _cancel(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        waybill = self.waybills.get(form.get("waybill_code", ""))
        if waybill is None or waybill.cp_code != form.get("cp_code"):
            return _biz("isv.WAYBILL_NOT_EXIST", "面单号不存在")
        if waybill.cancelled:
            return _biz("isv.WAYBILL_ALREADY_CANCELLED", "面单号已取消")
        if waybill.collected:
            return _biz("isv.WAYBILL_ALREADY_USED", "面单号已揽收，不能取消")
        waybill.cancelled = True
        self.quantities[waybill.cp_code] += 1  # a cancelled number is given back
        self.record(method="cainiao.waybill.ii.cancel", waybill=waybill.number)
        return {"cancel_result": True}

    def _search(self, form: dict[str, str]) -> dict[str, Any]:
        codes = [form["cp_code"]] if form.get("cp_code") else list(self.quantities)
        infos = [{"cp_code": code, "cp_type": 2, "branch_account_cols": {
                    "waybill_branch_account": [{"quantity": self.quantities.get(code, 0),
                                                "branch_code": "518000", "branch_name": "南山"}]}}
                 for code in codes if code in self.quantities]
        return {"waybill_apply_subscription_cols": {"waybill_apply_subscription_info": infos}}


def _error(code: str, msg: str, sub_code: str = "", sub_msg: str = "") -> Reply:
    return Reply.json({"error_response": {"code": int(code), "msg": msg, "sub_code": sub_code,
                                          "sub_msg": sub_msg, "request_id": "s8w3kq1j2n"}})


def _biz(sub_code: str, sub_msg: str) -> Reply:
    return _error("15", "Remote service error", sub_code, sub_msg)
