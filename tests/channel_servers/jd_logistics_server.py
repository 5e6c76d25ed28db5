"""京东快递 JD Logistics on a JOS gateway (/routerjson), for the calls Packdesk makes.

Written from the JOS pages and JD's JOS SDKs (see printing/carriers/jd_logistics.py for the
sources), never from Packdesk's code: the envelope is checked as JOS documents it (app_key,
v 2.0, a timestamp within 6 minutes, the MD5 signature by this suite's own implementation in
tests/channel_servers/jd_server.py, the access token, 360buy_param_json sorted by name).
- jingdong.etms.waybillcode.get: preNum 1..100, customerCode known; issues numbers from the
  merchant's allotment (`allotment`, None: no limit), each once; answers resultInfo
  {code 100, message 成功, deliveryIdList}.
- jingdong.etms.waybill.send: the deliveryId must be one this server issued to that
  customerCode and not sent before (each number carries one parcel); an address in a
  region JD does not serve is refused; answers resultInfo {code 100, deliveryId, orderId}.
- jingdong.ldop.receive.order.intercept: a sent waybill not yet delivered is stopped.
- jingdong.etms.trace.get: the traces of a sent waybill (trace_api_dtos).
JD's codes other than 100 are not documented where we could read them; this server uses
its own (refusals carry JD's kind of words: 超区, 运单号已用完).
Faults: the base server's (500, 503, slow, drop ...), and
`answer_ms` (each answer waits, as a real carrier does).
"""

from __future__ import annotations

import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.channel_servers.base import ChannelServer, Reply, Request
from tests.channel_servers.jd_server import CHINA_TIME, jos_signature

APP_KEY, APP_SECRET, ACCESS_TOKEN = "JDL7A1B2C3", "jdl-secret-5e4d3c2b", "jdl-token-9f8e7d"
CUSTOMER_CODE = "010K139548"  # the example customerCode JD's SDK docs use
UNSERVED = ("三沙市", "钓鱼岛")


def stamp(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y/%m/%d %H:%M:%S")


@dataclass
class Waybill:
    number: str
    customer: str
    sent: dict[str, Any] | None = None
    intercepted: bool = False
    traces: list[dict[str, str]] = field(default_factory=list)


def _error(code: str, zh: str, en: str) -> Reply:
    return Reply.json({"error_response": {"code": code, "zh_desc": zh, "en_desc": en}})


class JdLogisticsServer(ChannelServer):
    def __init__(self, allotment: int | None = None) -> None:
        super().__init__()
        self.allotment = allotment
        self.waybills: dict[str, Waybill] = {}
        self.sends: list[tuple[str, str]] = []  # (deliveryId, orderId) as JD accepted them
        self.fetch_calls = 0
        self.answer_ms = 0.0
        self._numbers = itertools.count(88_000_000_001)

    def label(self, request: Request) -> str:
        return request.form().get("method", "?")

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path != "/routerjson":
            return Reply(404, b"not found")
        if self.answer_ms:
            time.sleep(self.answer_ms / 1000)
        form = request.form()
        problem = self._check_envelope(form)
        if problem is not None:
            return problem
        try:
            params = json.loads(form.get("360buy_param_json", "{}"))
        except ValueError:
            return _error("16", "参数错误", "Invalid 360buy_param_json")
        if list(params) != sorted(params):
            return _error("16", "360buy_param_json 必须按字母顺序排序", "Invalid Parameter")
        method = form.get("method", "")
        route = ROUTES.get(method)
        if route is None:
            return _error("15", "不存在的方法名", "Invalid Method")
        with self.lock:
            answer = route(self, params)
        return Reply.json({method.replace(".", "_") + "_responce": {"code": "0", **answer}})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("app_key") != APP_KEY:
            return _error("9", "无效的app_key", "Invalid App Key")
        if form.get("v") != "2.0":
            return _error("5", "不支持的版本号", "Unsupported Version")
        try:
            sent = datetime.strptime(form["timestamp"], "%Y-%m-%d %H:%M:%S").replace(
                tzinfo=CHINA_TIME)
        except (KeyError, ValueError):
            return _error("8", "非法的时间戳参数", "Invalid Timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=6):
            return _error("8", "非法的时间戳参数", "Invalid Timestamp")
        if not hmac.compare_digest(form.get("sign", ""), jos_signature(form, APP_SECRET)):
            return _error("12", "无效签名", "Invalid Signature")
        if form.get("access_token") != ACCESS_TOKEN:
            return _error("19", "无效的access_token", "Invalid access_token")
        return None

    # -- the calls ------------------------------------------------------------------------
    def _waybill_codes(self, p: dict[str, Any]) -> dict[str, Any]:
        self.fetch_calls += 1
        if p.get("customerCode") != CUSTOMER_CODE:
            return _result("201", "商家编码不存在")
        try:
            count = int(p.get("preNum") or 0)
        except ValueError:
            count = 0
        if not 1 <= count <= 100:
            return _result("202", "preNum 取值范围 1-100")
        if self.allotment is not None:
            if self.allotment <= 0:
                return _result("203", "运单号已用完，请联系京东快递运营人员")
            count = min(count, self.allotment)
            self.allotment -= count
        numbers = [f"JDVA{next(self._numbers)}" for _ in range(count)]
        for number in numbers:
            self.waybills[number] = Waybill(number, CUSTOMER_CODE)
        return _result("100", "成功", deliveryIdList=numbers)

    def _waybill_send(self, p: dict[str, Any]) -> dict[str, Any]:
        number, order_id = str(p.get("deliveryId") or ""), str(p.get("orderId") or "")
        waybill = self.waybills.get(number)
        if waybill is None or waybill.customer != p.get("customerCode"):
            return _result("301", "运单号不存在或不属于该商家")
        for name in ("salePlat", "orderId", "senderName", "senderAddress", "receiveName",
                     "receiveAddress", "packageCount", "weight"):
            if p.get(name) in (None, ""):
                return _result("302", f"{name} 不能为空")
        if not (p.get("senderTel") or p.get("senderMobile")):
            return _result("302", "寄件人电话、手机至少有一个不为空")
        if waybill.sent is not None:
            if waybill.sent.get("orderId") == order_id:
                return _result("100", "成功", deliveryId=number, orderId=order_id)
            return _result("303", "该运单号已使用")
        if any(place in str(p.get("receiveAddress")) for place in UNSERVED):
            return _result("304", "收件地址超区，京东快递无法配送")
        waybill.sent = dict(p)
        waybill.traces.append({"ope_title": "揽收任务分配", "ope_remark": "您的订单已分配",
                               "ope_time": stamp(datetime.now(UTC)), "ope_name": "系统"})
        self.sends.append((number, order_id))
        self.record(deliveryId=number, orderId=order_id)
        return _result("100", "成功", deliveryId=number, orderId=order_id)

    def _intercept(self, p: dict[str, Any]) -> dict[str, Any]:
        waybill = self.waybills.get(str(p.get("deliveryId") or ""))
        if waybill is None or waybill.sent is None or waybill.customer != p.get("vendorCode"):
            return _result("401", "运单不存在")
        if any("妥投" in t["ope_title"] for t in waybill.traces):
            return _result("402", "运单已妥投，无法拦截")
        waybill.intercepted = True
        return _result("100", "成功")

    def _trace(self, p: dict[str, Any]) -> dict[str, Any]:
        waybill = self.waybills.get(str(p.get("waybillCode") or ""))
        return {"trace_api_dtos": list(waybill.traces) if waybill and waybill.sent else []}

    def deliver(self, number: str, at: datetime | None = None) -> None:
        with self.lock:
            self.waybills[number].traces.append({
                "ope_title": "妥投", "ope_remark": "您的快件已签收，感谢使用京东快递",
                "ope_time": stamp(at or datetime.now(UTC)), "ope_name": "配送员张三"})


def _result(code: str, message: str, **more: Any) -> dict[str, Any]:
    return {"resultInfo": {"code": int(code), "message": message, **more}}


ROUTES = {"jingdong.etms.waybillcode.get": JdLogisticsServer._waybill_codes,
          "jingdong.etms.waybill.send": JdLogisticsServer._waybill_send,
          "jingdong.ldop.receive.order.intercept": JdLogisticsServer._intercept,
          "jingdong.etms.trace.get": JdLogisticsServer._trace}
