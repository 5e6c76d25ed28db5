"""The SF Express 丰桥 std/service gateway for the calls Packdesk makes.

Written from SF's "API 概述" / authentication pages: a form POST of partnerID, requestID,
serviceCode, timestamp, msgData, msgDigest; msgDigest = Base64(MD5(URLEncoder.encode(msgData +
timestamp + checkWord, "UTF-8"))) (the page's worked example: msgData
{"language":"zh-CN","orderId":"QIAO-20200618-004"}, timestamp 12312334453453, checkWord
fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci -> IIKJtuLVzoFTu4kHI8M8vA==). Answers carry apiResultCode
(A1000 passed on, A1001 missing parameter, A1004 no permission, A1006 bad signature ...) and
apiResultData, the business answer as a JSON string (success, errorCode, errorMsg, msgData).

Business rules kept: an orderId is used once (8016 重复下单), an empty receiver address is
1014, an address outside the served area answers filterResult 3 with no waybill, a blocked
monthly card is 8119, cancelling an unknown order 8018, a cancelled one 8037, one that was
already collected is refused. Waybill numbers are unique.

Cloud print (云打印面单 2.0, COM_RECE_CLOUD_PRINT_WAYBILLS): a registered templateCode and a
live waybill get obj.files[] with a url and a token; GET url with the X-Auth-token header
returns the label PDF (drawn here with reportlab's own Code 128, not Packdesk's).
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tests.channel_servers.base import ChannelServer, Reply, Request

PARTNER_ID, CHECKWORD, MONTHLY_CARD = "PACKDESK01", "sf-checkword-0123456789abcdef", "7551234567"
SERVICES = ("EXP_RECE_CREATE_ORDER", "EXP_RECE_SEARCH_ORDER_RESP", "EXP_RECE_UPDATE_ORDER",
            "EXP_RECE_SEARCH_ROUTES", "COM_RECE_CLOUD_PRINT_WAYBILLS")
CLOUD_TEMPLATE = f"fm_76130_standard_{PARTNER_ID}"
_UNRESERVED = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_")


def url_encoder_encode(text: str) -> str:
    """java.net.URLEncoder.encode(text, "UTF-8"), byte by byte as its Javadoc describes."""
    out = []
    for byte in text.encode("utf-8"):
        if byte in _UNRESERVED:
            out.append(chr(byte))
        elif byte == 0x20:
            out.append("+")
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def sf_digest(msg_data: str, timestamp: str, checkword: str) -> str:
    signed = url_encoder_encode(msg_data + timestamp + checkword).encode("utf-8")
    return base64.b64encode(hashlib.md5(signed).digest()).decode("ascii")


@dataclass
class SfOrder:
    order_id: str
    waybill: str
    body: dict[str, Any]
    cancelled: bool = False
    routes: list[dict[str, str]] = field(default_factory=list)


class SfServer(ChannelServer):
    def __init__(self, unserved_cities: tuple[str, ...] = ("塔什库尔干",)) -> None:
        super().__init__()
        self.orders: dict[str, SfOrder] = {}
        self.unserved_cities = unserved_cities
        self.account_blocked = False
        self.api_codes: list[str] = []  # apiResultCodes to answer next, one per call
        self._numbers = itertools.count(1_000_000)
        self._number_lock = threading.Lock()
        self.signatures_checked = 0
        self.templates = {CLOUD_TEMPLATE}
        self.files: dict[str, tuple[str, bytes]] = {}  # file id -> (token, pdf)

    def label(self, request: Request) -> str:
        return request.form().get("serviceCode", "?")

    def handle(self, request: Request) -> Reply:
        if request.method == "GET" and request.path.startswith("/download/"):
            return self._download(request)
        form = request.form()
        missing = [k for k in ("partnerID", "requestID", "serviceCode", "timestamp", "msgData")
                   if not form.get(k)]
        if missing:
            return self._api("A1001", f"必填参数{missing[0]}不可为空")
        if form["partnerID"] != PARTNER_ID:
            return self._api("A1004", "无对应服务权限")
        if form.get("msgDigest") != sf_digest(form["msgData"], form["timestamp"], CHECKWORD):
            return self._api("A1006", "数字签名无效")
        self.signatures_checked += 1
        with self.lock:
            if self.api_codes:
                return self._api(self.api_codes.pop(0), "系统异常")
        service = form["serviceCode"]
        if service not in SERVICES:
            return self._api("A1004", "无对应服务权限")
        try:
            msg = json.loads(form["msgData"])
        except ValueError:
            return self._api("A1001", "msgData 不是合法 JSON")
        handler = {"EXP_RECE_CREATE_ORDER": self._create, "EXP_RECE_UPDATE_ORDER": self._update,
                   "EXP_RECE_SEARCH_ORDER_RESP": self._search_order,
                   "EXP_RECE_SEARCH_ROUTES": self._routes,
                   "COM_RECE_CLOUD_PRINT_WAYBILLS": self._cloud_print}[service]
        with self.lock:
            return handler(msg)

    # -- services -----------------------------------------------------------------------
    def _create(self, msg: dict[str, Any]) -> Reply:
        order_id = str(msg.get("orderId") or "")
        if not order_id:
            return self._business(False, "8013", "未传入订单号")
        if order_id in self.orders:
            return self._business(False, "8016", "重复下单")
        contacts = {c.get("contactType"): c for c in msg.get("contactInfoList") or []}
        receiver, sender = contacts.get(2) or {}, contacts.get(1) or {}
        if not sender.get("address"):
            return self._business(False, "1010", "寄件地址不能为空")
        if not receiver.get("address"):
            return self._business(False, "1014", "到件地址不能为空")
        if not (receiver.get("mobile") or receiver.get("tel")):
            return self._business(False, "1016", "到件电话不能为空")
        if self.account_blocked and msg.get("payMethod") == 1:
            return self._business(False, "8119", "月结卡号不存在或已失效")
        if any(city in f"{receiver.get('city', '')}{receiver.get('county', '')}"
               f"{receiver.get('address', '')}" for city in self.unserved_cities):
            return self._business(True, msg={"orderId": order_id, "filterResult": 3,
                                             "remark": "收方地址超范围", "waybillNoInfoList": []})
        with self._number_lock:
            waybill = f"SF{next(self._numbers):013d}"
        self.orders[order_id] = SfOrder(order_id, waybill, msg)
        self.record(service="EXP_RECE_CREATE_ORDER", order_id=order_id, waybill=waybill,
                    is_docall=msg.get("isDocall", 0))
        return self._business(True, msg=self._order_answer(self.orders[order_id]))

    def _search_order(self, msg: dict[str, Any]) -> Reply:
        order = self.orders.get(str(msg.get("orderId") or ""))
        if order is None:
            return self._business(False, "8018", "未获取到订单信息")
        return self._business(True, msg=self._order_answer(order))

    def _update(self, msg: dict[str, Any]) -> Reply:
        order = self.orders.get(str(msg.get("orderId") or ""))
        if order is None:
            return self._business(False, "8018", "未获取到订单信息")
        if str(msg.get("dealType")) != "2":
            return self._business(False, "8252", "订单已确认")
        if order.cancelled:
            return self._business(False, "8037", "订单已消单")
        if order.routes:
            return self._business(False, "8252", "快件已揽收，订单不能取消")
        order.cancelled = True
        self.record(service="EXP_RECE_UPDATE_ORDER", order_id=order.order_id,
                    waybill=order.waybill)
        return self._business(True, msg={"orderId": order.order_id, "resStatus": 2,
                                         "waybillNoInfoList": [{"waybillType": 1,
                                                                "waybillNo": order.waybill}]})

    def _routes(self, msg: dict[str, Any]) -> Reply:
        numbers = msg.get("trackingNumber") or []
        if not numbers:
            return self._business(False, "8013", "未传入查询单号")
        if len(numbers) > 10:
            return self._business(False, "8003", "查询单号超过最大限制")
        by_waybill = {o.waybill: o for o in self.orders.values()}
        resps = [{"mailNo": n, "routes": list(by_waybill[n].routes) if n in by_waybill else []}
                 for n in numbers]
        return self._business(True, msg={"routeResps": resps})

    def _cloud_print(self, msg: dict[str, Any]) -> Reply:
        if msg.get("templateCode") not in self.templates:
            return self._print_answer(False, "1001", "模板不存在或无权限")
        by_waybill = {o.waybill: o for o in self.orders.values() if not o.cancelled}
        files = []
        for document in msg.get("documents") or []:
            order = by_waybill.get(str(document.get("masterWaybillNo")))
            if order is None:
                return self._print_answer(False, "1002", "运单号不存在或已取消")
            file_id, token = secrets.token_hex(8), secrets.token_hex(16)
            self.files[file_id] = (token, _label_pdf(order))
            files.append({"url": f"{self.url}/download/{file_id}", "token": token,
                          "waybillNo": order.waybill, "seqNo": 1, "areaNo": 1, "pageNo": 1})
        return self._print_answer(True, obj={"clientCode": PARTNER_ID, "fileType": "pdf",
                                             "templateCode": msg["templateCode"],
                                             "files": files})

    def _download(self, request: Request) -> Reply:
        with self.lock:
            token, pdf = self.files.get(request.path.rsplit("/", 1)[-1], ("", b""))
        if not token or request.headers.get("x-auth-token") != token:
            return Reply.json({"code": 401, "message": "token 无效"}, 401)
        return Reply(200, pdf, {"Content-Type": "application/pdf"})

    def _print_answer(self, success: bool, code: str | None = None, message: str | None = None,
                      obj: dict[str, Any] | None = None) -> Reply:
        data = {"success": success, "requestId": "6a2f", "errorCode": code,
                "errorMessage": message, "obj": obj}
        return Reply.json({"apiResultCode": "A1000", "apiErrorMsg": "",
                           "apiResponseID": "00016B0D59BA503FDF3C3333355F863F",
                           "apiResultData": json.dumps(data, ensure_ascii=False)})

    # -- test controls ----------------------------------------------------------------
    def add_route(self, waybill: str, op_code: str, accept_time: str, remark: str,
                  address: str = "深圳市") -> None:
        with self.lock:
            order = next(o for o in self.orders.values() if o.waybill == waybill)
            order.routes.append({"acceptAddress": address, "acceptTime": accept_time,
                                 "remark": remark, "opCode": op_code, "mailNo": waybill})

    # -- envelopes ----------------------------------------------------------------------
    def _order_answer(self, order: SfOrder) -> dict[str, Any]:
        return {"orderId": order.order_id, "originCode": "755", "destCode": "571",
                "filterResult": 2, "remark": "",
                "waybillNoInfoList": [{"waybillType": 1, "waybillNo": order.waybill}],
                "routeLabelInfo": [{"code": "1000", "message": "SUCCESS", "routeLabelData": {
                    "waybillNo": order.waybill, "destRouteLabel": "571WB-013A",
                    "codingMapping": "F33", "destTeamCode": "013", "proCode": "T6",
                    "twoDimensionCode": "MMM={'k1':'571WB','k2':'755W','k3':'013','k4':'T6',"
                                        f"'k5':'{order.waybill}','k6':'A'}}"}}]}

    def _business(self, success: bool, code: str = "S0000", message: str | None = None,
                  msg: dict[str, Any] | None = None) -> Reply:
        data = {"success": success, "errorCode": code, "errorMsg": message, "msgData": msg}
        return Reply.json({"apiResultCode": "A1000", "apiErrorMsg": "",
                           "apiResponseID": "00016B0D59BA503FDF3C3333355F863F",
                           "apiResultData": json.dumps(data, ensure_ascii=False)})

    def _api(self, code: str, message: str) -> Reply:
        return Reply.json({"apiResultCode": code, "apiErrorMsg": message,
                           "apiResponseID": "00016B0D59BA503FDF3C3333355F863F",
                           "apiResultData": None})


def _label_pdf(order: SfOrder) -> bytes:
    """A 76x130 mm page with the waybill's Code 128, as SF's cloud print renders one."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(76 * mm, 130 * mm))
    bars = Code128(order.waybill, barWidth=0.4 * mm, barHeight=18 * mm, quiet=True)
    bars.drawOn(canvas, 6 * mm, 90 * mm)
    canvas.drawString(6 * mm, 84 * mm, order.waybill)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
