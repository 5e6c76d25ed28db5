"""The 快递鸟 KDNiao API for the RequestTypes Packdesk sends (1007, 1147, 1002, 8008) and the
trace push (101) it receives.

Written from KDNiao's API pages and official demos: a form of RequestData (JSON),
EBusinessID, RequestType, DataType=2 and DataSign = urlencode(Base64(MD5(RequestData +
AppKey))), MD5 as the 32-character lower-case hex string (the PHP demo's md5()); KDNiao gives
no worked digest, so the tests build one by hand with md5sum and base64. Answers carry
Success, ResultCode (100 成功) and Reason. Rules kept: an OrderCode is issued once (105
订单号已存在，请勿重复操作), each ShipperCode has an e-waybill balance, an address the
express company does not serve is refused, waybill numbers are unique, a cancel of an
unknown or collected waybill is refused.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from tests.channel_servers.base import ChannelServer, Reply, Request

EBUSINESS_ID, APP_KEY = "1237100", "56c9e6d3-8f1e-4a7b-9c2d-kdniao-test"
PREFIXES = {"ZTO": "73", "YTO": "YT", "STO": "77", "YD": "43", "JTSD": "JT", "SF": "SF"}


def kdniao_sign(request_data: str, app_key: str) -> str:
    hex_digest = hashlib.md5(f"{request_data}{app_key}".encode()).hexdigest()
    return base64.b64encode(hex_digest.encode("utf-8")).decode("utf-8")


@dataclass
class EOrder:
    order_code: str
    shipper: str
    waybill: str
    body: dict[str, Any]
    cancelled: bool = False
    traces: list[dict[str, str]] = field(default_factory=list)


class KdniaoServer(ChannelServer):
    def __init__(self, balance: int | None = None, unserved: tuple[str, ...] = ("西沙群岛",)) -> None:
        super().__init__()
        self.orders: dict[str, EOrder] = {}
        self.balance = balance  # e-waybills left; None: no limit
        self.unserved = unserved
        self.subscriptions: list[dict[str, Any]] = []
        self.busy_next = 0
        self._numbers = itertools.count(100_000_000_001)

    def label(self, request: Request) -> str:
        return request.form().get("RequestType", "?")

    def handle(self, request: Request) -> Reply:
        form = request.form()
        if form.get("EBusinessID") != EBUSINESS_ID:
            return self._no("101", "EBusinessID 不存在")
        data = form.get("RequestData", "")
        if form.get("DataSign") != kdniao_sign(data, APP_KEY):
            return self._no("101", "数据签名(DataSign)验证失败")
        try:
            body = json.loads(data)
        except ValueError:
            return self._no("103", "RequestData 格式错误")
        with self.lock:
            if self.busy_next:
                self.busy_next -= 1
                return self._no("109", "系统繁忙，请稍后再试")
            handler = {"1007": self._eorder, "1147": self._cancel, "1002": self._query,
                       "8008": self._subscribe}.get(form.get("RequestType", ""))
            if handler is None:
                return self._no("101", "RequestType 不支持")
            return handler(body)

    def _eorder(self, body: dict[str, Any]) -> Reply:
        code, shipper = str(body.get("OrderCode") or ""), str(body.get("ShipperCode") or "")
        if not code or shipper not in PREFIXES:
            return self._no("101", "缺少必要参数 OrderCode 或 ShipperCode")
        if code in self.orders:
            return self._no("105", "订单号已存在，请勿重复操作")
        receiver = body.get("Receiver") or {}
        if not receiver.get("Address"):
            return self._no("101", "收件人详细地址(Address)不能为空")
        where = f"{receiver.get('CityName', '')}{receiver.get('ExpAreaName', '')}" \
                f"{receiver.get('Address', '')}"
        if any(place in where for place in self.unserved):
            return self._no("101", "收件地址超区，快递公司不派送")
        if self.balance is not None and self.balance <= 0:
            return self._no("106", "电子面单余额不足，请联系快递网点充值")
        if self.balance is not None:
            self.balance -= 1
        waybill = f"{PREFIXES[shipper]}{next(self._numbers)}"
        self.orders[code] = EOrder(code, shipper, waybill, body)
        self.record(request_type="1007", order_code=code, waybill=waybill)
        return Reply.json({
            "EBusinessID": EBUSINESS_ID, "Success": True, "ResultCode": "100", "Reason": "成功",
            "UniquerRequestNumber": f"5e66486b-{len(self.orders):04d}",
            "Order": {"OrderCode": code, "ShipperCode": shipper, "LogisticCode": waybill,
                      "MarkDestination": "浙-杭州(余杭)", "OriginCode": "518000",
                      "OriginName": "深圳分拨中心", "SortingCode": "531-B12 07",
                      "PackageCode": "310100", "PackageName": "杭州转运中心"}})

    def _cancel(self, body: dict[str, Any]) -> Reply:
        order = next((o for o in self.orders.values() if o.waybill == body.get("ExpNo")), None)
        if order is None:
            return self._no("101", "单号不存在")
        if order.cancelled:
            return self._no("101", "该单号已取消")
        if order.traces:
            return self._no("101", "快件已揽收，不能取消")
        order.cancelled = True
        self.record(request_type="1147", waybill=order.waybill)
        return Reply.json({"EBusinessID": EBUSINESS_ID, "Success": True, "ResultCode": "100",
                           "Reason": "成功"})

    def _query(self, body: dict[str, Any]) -> Reply:
        order = next((o for o in self.orders.values() if o.waybill == body.get("LogisticCode")),
                     None)
        traces = order.traces if order else []
        return Reply.json(self._trace_answer(body.get("LogisticCode", ""),
                                             body.get("ShipperCode", ""), traces))

    def _subscribe(self, body: dict[str, Any]) -> Reply:
        if not body.get("LogisticCode"):
            return self._no("101", "缺少必要参数 LogisticCode")
        self.subscriptions.append(body)
        return Reply.json({"EBusinessID": EBUSINESS_ID, "UpdateTime": "2026-12-01 10:00:00",
                           "Success": True, "Reason": ""})

    # -- test controls ----------------------------------------------------------------
    def add_trace(self, waybill: str, action: str, accept_time: str, station: str,
                  location: str = "杭州市") -> None:
        with self.lock:
            order = next(o for o in self.orders.values() if o.waybill == waybill)
            order.traces.append({"AcceptTime": accept_time, "AcceptStation": station,
                                 "Location": location, "Action": action})

    def push_form(self, waybill: str, app_key: str = APP_KEY) -> dict[str, str]:
        """The form of a RequestType 101 push of this waybill's traces, as KDNiao sends it."""
        with self.lock:
            order = next(o for o in self.orders.values() if o.waybill == waybill)
            item = self._trace_answer(waybill, order.shipper, order.traces)
        data = json.dumps({"PushTime": "2026-12-02 12:00:00", "EBusinessID": EBUSINESS_ID,
                           "Count": "1", "Data": [item]}, ensure_ascii=False)
        return {"RequestData": data, "DataSign": kdniao_sign(data, app_key),
                "RequestType": "101"}

    def push_body(self, waybill: str) -> bytes:
        return urlencode(self.push_form(waybill)).encode("ascii")

    def _trace_answer(self, waybill: str, shipper: str, traces: list[dict[str, str]]) -> dict:
        last = traces[-1]["Action"] if traces else "0"
        return {"EBusinessID": EBUSINESS_ID, "ShipperCode": shipper, "LogisticCode": waybill,
                "Success": True, "State": last[:1], "StateEx": last, "Traces": list(traces),
                **({} if traces else {"Reason": "暂无轨迹信息"})}

    def _no(self, code: str, reason: str) -> Reply:
        return Reply.json({"EBusinessID": EBUSINESS_ID, "Success": False, "ResultCode": code,
                           "Reason": reason})
