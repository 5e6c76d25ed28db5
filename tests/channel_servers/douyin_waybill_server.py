"""A 抖店 gateway answering the e-waybill calls, from its API 调用指南 and API pages.

POST /logistics/newCreateOrder and /logistics/cancelOrder, the common parameters in the query
string (app_key, method, access_token, timestamp within 10 minutes, v=2, sign_method, sign
checked by douyin_server's own implementation of 签名算法) and the call's parameters as the
JSON body: sender_info, logistics_code, order_channel, order_infos[] (order_id, pack_id,
receiver_info.address / contact, items); data.ebill_infos[] (track_no, sort_code,
short_address_name, package_center_name / _code) or data.err_infos[] back.

Kept rules: a logistics_code needs an opened net site with numbers left (0 left: 电子面单余额
不足); an address the company does not reach is refused; a masked receiver (* in the name,
mobile or address) must come with the order_id of one of the shop's Douyin orders and
order_channel "1", which the platform resolves to the real buyer; the same order and pack
asked again keeps its number; a cancel of an unknown or cancelled number is refused. The
err_codes of these refusals are this server's own.
"""

from __future__ import annotations

import hmac
import itertools
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.channel_servers.base import ChannelServer, Reply, Request
from tests.channel_servers.douyin_server import (
    ACCESS_TOKEN,
    APP_KEY,
    APP_SECRET,
    CHINA_TIME,
    douyin_signature,
    sorted_json,
)


@dataclass
class Waybill:
    number: str
    logistics_code: str
    order_id: str
    pack_id: str
    request: dict[str, Any]
    cancelled: bool = False


def _masked(*texts: Any) -> bool:
    return any("*" in str(t or "") for t in texts)


class DouyinWaybillServer(ChannelServer):
    def __init__(self, amounts: dict[str, int] | None = None,
                 orders: dict[str, dict[str, str]] | None = None,
                 unreachable: tuple[str, ...] = ("西沙群岛",)) -> None:
        super().__init__()
        self.amounts = dict(amounts if amounts is not None else {"zhongtong": 100})
        self.orders = dict(orders or {})  # order_id -> the real receiver Douyin keeps
        self.unreachable = unreachable
        self.waybills: dict[str, Waybill] = {}
        self.scripted: list[tuple[int, str, str]] = []  # (code, msg, sub_code) next
        self._numbers = itertools.count(75_100_000_000_001)

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path}"

    def handle(self, request: Request) -> Reply:
        method = request.path.strip("/").replace("/", ".")
        route = {"logistics.newCreateOrder": self._create,
                 "logistics.cancelOrder": self._cancel}.get(method)
        if request.method != "POST" or route is None:
            return Reply(404, b"not found")
        problem = self._check_envelope(request, method)
        if problem:
            return problem
        with self.lock:
            if self.scripted:
                return _answer(None, *self.scripted.pop(0))
            answer = route(json.loads(request.body or b"{}"))
        return answer if isinstance(answer, Reply) else _answer(answer)

    def _check_envelope(self, request: Request, method: str) -> Reply | None:
        query = request.query
        if query.get("app_key") != APP_KEY or query.get("method") != method:
            return _answer(None, 30005, "app_key或method不合法", "isv.app-key-invalid")
        if query.get("v") != "2":
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:v")
        try:
            sent = datetime.strptime(query.get("timestamp", ""), "%Y-%m-%d %H:%M:%S") \
                .replace(tzinfo=CHINA_TIME)
        except ValueError:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _answer(None, 40002, "时间戳与服务器时间相差超过10分钟",
                           "isv.parameter-invalid:timestamp")
        try:
            expected = douyin_signature(APP_KEY, method,
                                        sorted_json(json.loads(request.body or b"{}")),
                                        query["timestamp"], "2", APP_SECRET,
                                        query.get("sign_method", "md5"))
        except ValueError:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:sign_method")
        if not hmac.compare_digest(query.get("sign", ""), expected):
            return _answer(None, 40002, "签名校验失败", "isv.signature-invalid")
        if query.get("access_token") != ACCESS_TOKEN:
            return _answer(None, 30002, "access_token已过期", "isv.access-token-expired")
        return None

    def _create(self, params: dict[str, Any]) -> dict[str, Any]:
        code = str(params.get("logistics_code") or "")
        infos, errors = [], []
        for entry in params.get("order_infos") or []:
            result = self._one(code, entry, str(params.get("order_channel") or "1"))
            (errors if "err_code" in result else infos).append(result)
        return {"ebill_infos": infos, "err_infos": errors}

    def _one(self, code: str, entry: dict[str, Any], channel: str) -> dict[str, Any]:
        order_id, pack_id = str(entry.get("order_id") or ""), str(entry.get("pack_id") or "")
        receiver = entry.get("receiver_info") or {}
        where, who = receiver.get("address") or {}, receiver.get("contact") or {}

        def refused(err_code: int, msg: str) -> dict[str, Any]:
            return {"order_id": order_id, "pack_id": pack_id, "err_code": err_code,
                    "err_msg": msg}

        if code not in self.amounts:
            return refused(210001, f"未开通{code}的电子面单网点")
        if _masked(who.get("name"), who.get("mobile"), where.get("detail_address")):
            real = self.orders.get(order_id)
            if channel != "1" or real is None:
                return refused(210010, "脱敏收件人须传入本店抖音订单号")
            where = real
        place = "".join(str(where.get(k) or "") for k in ("city_name", "district_name",
                                                           "detail_address"))
        if not where.get("detail_address"):
            return refused(210002, "收件人详细地址不能为空")
        if any(p in place for p in self.unreachable):
            return refused(210003, "收件地址超区，快递公司不可达")
        same = next((w for w in self.waybills.values() if w.order_id == order_id and
                     w.pack_id == pack_id and w.logistics_code == code and not w.cancelled),
                    None)
        if same is None:
            if self.amounts[code] <= 0:
                return refused(210004, "电子面单余额不足，请联系网点充值")
            self.amounts[code] -= 1
            same = Waybill(str(next(self._numbers)), code, order_id, pack_id, entry)
            self.waybills[same.number] = same
            self.record(method="logistics.newCreateOrder", waybill=same.number,
                        order_id=order_id)
        return {"order_id": order_id, "pack_id": pack_id, "track_no": same.number,
                "sort_code": "300-A12 05", "short_address_name": "杭州余杭",
                "short_address_code": "571-110", "package_center_name": "杭州转运中心",
                "package_center_code": "571001", "order_channel": channel}

    def _cancel(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        waybill = self.waybills.get(str(params.get("track_no") or ""))
        if waybill is None or waybill.logistics_code != params.get("logistics_code"):
            return _answer(None, 40004, "运单号不存在", "isv.business-failed:210020")
        if waybill.cancelled:
            return _answer(None, 40004, "运单号已取消", "isv.business-failed:210021")
        waybill.cancelled = True
        self.amounts[waybill.logistics_code] += 1
        self.record(method="logistics.cancelOrder", waybill=waybill.number)
        return {"cancel_result": True}


def _answer(data: Any, code: int = 10000, msg: str = "success", sub_code: str = "",
            sub_msg: str = "") -> Reply:
    return Reply.json({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg,
                       "log_id": uuid.uuid4().hex[:20], "data": data if data is not None else {}})
