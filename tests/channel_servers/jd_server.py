"""A JD JOS gateway (/routerjson) for the calls Packdesk makes, from JOS's documentation.

No authentic JD order payload is public; orders use the field names of
jingdong.pop.order.enSearch / enGet (orderInfoList, consigneeInfo desensitised with its
oaid, itemInfoList with outerSkuId) and the envelope JOS answers with (note JD's
"_responce"). It checks app_key, access_token, timestamp (JOS allows 6 minutes) and the
signature; start_date..end_date at most one month, page_size at most 100; the order states
JOS documents, the states that may ship, and its logistics company ids.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.channel_servers.base import ChannelServer, Fault, Reply, Request, recorded_orders

APP_KEY, APP_SECRET, ACCESS_TOKEN = "5A4C2B1D0E9F", "jd-secret-7c6b5a49", "jd-token-a1b2c3"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
# the logistics company ids a JD shop ships with (商家后台 → 物流公司), and their names
LOGISTICS = {"467": "顺丰快递", "1499": "中通速递", "463": "圆通快递", "470": "申通快递",
             "1327": "韵达快递", "465": "EMS"}
SHIPPABLE = ("WAIT_SELLER_STOCK_OUT", "WAIT_SELLER_DELIVERY")
# the receiver behind each order's oaid, as the buyer typed it; only
# jingdong.jos.order.oaid.decrypt answers it (OrderReceiverInfoModel's fields)
PLAIN_RECEIVER = {"customerName": "王建国", "consMobilePhone": "13943214321",
                  "customerPhone": "", "address": "北京朝阳区三环到四环之间建国路88号"}


def jos_signature(params: dict[str, str], app_secret: str) -> str:
    """JOS 开发规范 "API签名": every parameter but sign (system parameters and
    360buy_param_json), sorted by name; name and value concatenated; app_secret before
    and after; MD5 of the UTF-8 bytes; upper-case hex. Written apart from Packdesk's."""
    names = sorted(n for n in params if n != "sign" and params[n] != "")
    text = app_secret + "".join(n + params[n] for n in names) + app_secret
    return hashlib.md5(text.encode("utf-8")).hexdigest().upper()


def stamp(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def order_info(order_id: int, modified: datetime, **changes: Any) -> dict[str, Any]:
    info = {
        "orderId": str(order_id), "venderId": "10086", "orderType": "22",
        "orderState": "WAIT_SELLER_STOCK_OUT", "orderStateRemark": "等待出库",
        "orderRemark": "工作日送货", "orderStartTime": stamp(modified),
        "modified": stamp(modified), "paymentConfirmTime": stamp(modified),
        "orderPayment": "128.00", "waybill": "", "logisticsId": "",
        "oaid": f"oaid{order_id:x}JOS",
        "consigneeInfo": {"fullname": "王**", "mobile": "139****4321", "telephone": "",
                          "fullAddress": "北京朝阳区****", "province": "北京",
                          "city": "朝阳区", "county": "三环到四环之间", "town": ""},
        "itemInfoList": [
            {"skuId": "100012043978", "outerSkuId": "JD-KETTLE-W", "skuName": "电水壶 白色",
             "jdPrice": "128.00", "itemTotal": "1", "wareId": "100012043900"}],
    }
    info.update(changes)
    return info


class JdServer(ChannelServer):
    def __init__(self, *, order_count: int = 3, start: datetime | None = None) -> None:
        super().__init__()
        self.app_key, self.app_secret, self.access_token = APP_KEY, APP_SECRET, ACCESS_TOKEN
        self.token_expired = False
        self.orders: dict[str, dict[str, Any]] = {}
        self.skus = {"100012043978": {"skuId": 100012043978, "outerId": "JD-KETTLE-W",
                                      "wareId": 100012043900, "stockNum": 25}}
        self._serial = 0
        self._last_page: list[dict[str, Any]] = []
        self._scripted: list[list] = []
        self.start_time = start or datetime.now(UTC) - timedelta(hours=2)
        # the app's decrypt permission (JOS 隐私数据 解密权限); refused without it
        self.decrypt_permitted = False
        self.vault: dict[str, str] = {}  # order id -> the oaid JD issued for its receiver
        self.add_orders(order_count)

    def answer_error(self, method: str, code: str, zh_desc: str, en_desc: str = "", *,
                     times: int = 1) -> None:
        """The next `times` calls of `method` get this error_response, as JOS sends it."""
        with self.lock:
            self._scripted.append([method, times, _error(code, zh_desc, en_desc)])

    def _scripted_error(self, method: str) -> Reply | None:
        with self.lock:
            for entry in self._scripted:
                if entry[0] == method:
                    entry[1] -= 1
                    if entry[1] <= 0:
                        self._scripted.remove(entry)
                    return entry[2]
        return None

    def replay_file(self, path: str) -> list[str]:
        """Serve the orders of a recorded payload (a jingdong.pop.order.enGet or enSearch
        answer, saved as it came), each as modified at the server's start time, inside the pull's window;
        every other field as recorded."""
        with self.lock:
            rows = recorded_orders(path, lambda d: "orderId" in d and "itemInfoList" in d)
            for row in rows:
                self.orders[str(row["orderId"])] = {**row,
                                                    "modified": stamp(self.start_time)}
            return [str(row["orderId"]) for row in rows]

    def add_orders(self, count: int, **changes: Any) -> list[str]:
        with self.lock:
            ids = []
            for _ in range(count):
                self._serial += 1
                info = order_info(290_000_000_000 + self._serial,
                                  self.start_time + timedelta(seconds=self._serial), **changes)
                self.orders[info["orderId"]] = info
                self.vault[info["orderId"]] = info["oaid"]
                ids.append(info["orderId"])
            return ids

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path} {request.form().get('method', '')}"

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        if fault.kind == "throttle":
            return _error("2", "限制时间内调用失败次数", "App Call Limited")
        return None

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path != "/routerjson":
            return Reply(404, b"not found")
        form = request.form()
        problem = self._check_envelope(form)
        if problem:
            return problem
        try:
            params = json.loads(form.get("360buy_param_json", "{}"))
        except ValueError:
            return _error("16", "参数错误", "Invalid 360buy_param_json")
        if list(params) != sorted(params):
            return _error("16", "360buy_param_json 必须按字母顺序排序", "Invalid Parameter")
        if request.fault and request.fault.kind == "dup":
            params["_fault"] = "dup"
        scripted = self._scripted_error(form.get("method", ""))
        if scripted is not None:
            return scripted
        route = ROUTES.get(form.get("method", ""))
        if route is None:
            return _error("15", "不存在的方法名", "Invalid Method")
        with self.lock:
            answer = route(self, params)
        if isinstance(answer, Reply):
            return answer
        key = form["method"].replace(".", "_") + "_responce"
        return Reply.json({key: {"code": "0", **answer}})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("app_key") != self.app_key:
            return _error("9", "无效的app_key", "Invalid App Key")
        if form.get("v") != "2.0":
            return _error("5", "不支持的版本号", "Unsupported Version")
        try:
            sent = datetime.strptime(form["timestamp"], "%Y-%m-%d %H:%M:%S")\
                .replace(tzinfo=CHINA_TIME)
        except (KeyError, ValueError):
            return _error("8", "非法的时间戳参数", "Invalid Timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=6):
            return _error("8", "非法的时间戳参数", "Invalid Timestamp")
        if not hmac.compare_digest(form.get("sign", ""), jos_signature(form, self.app_secret)):
            return _error("12", "无效签名", "Invalid Signature")
        if form.get("access_token") != self.access_token or self.token_expired:
            return _error("19", "无效的access_token", "Invalid access_token")
        return None

    def search(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        start = datetime.strptime(params["start_date"], "%Y-%m-%d %H:%M:%S")
        end = datetime.strptime(params["end_date"], "%Y-%m-%d %H:%M:%S")
        size, page = int(params.get("page_size", 20)), int(params.get("page", 1))
        if end < start or end - start > timedelta(days=31):
            return _result("searchorderinfo_result", False, "时间跨度不能超过一个月")
        if not 1 <= size <= 100 or page < 1 or not params.get("optional_fields"):
            return _result("searchorderinfo_result", False, "参数错误")
        states = set(params.get("order_state", "").split(","))
        date_field = "orderStartTime" if str(params.get("dateType")) == "1" else "modified"
        rows = sorted((o for o in self.orders.values() if o["orderState"] in states
                       and stamp(start.replace(tzinfo=CHINA_TIME)) <= o[date_field]
                       <= stamp(end.replace(tzinfo=CHINA_TIME))),
                      key=lambda o: (o[date_field], o["orderId"]),
                      reverse=str(params.get("sortType")) == "1")
        served = rows[(page - 1) * size: page * size]
        if params.get("_fault") == "dup":
            served = self._last_page + served
        self._last_page = served
        return {"searchorderinfo_result": {
            "apiResult": {"success": True, "numberCode": 100, "chineseErrCode": "成功"},
            "orderTotal": len(rows), "orderInfoList": copy.deepcopy(served)}}

    def get(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self.orders.get(str(params.get("order_id", "")))
        if found is None:
            return _result("orderDetailInfo", False, "订单不存在")
        return {"orderDetailInfo": {"apiResult": {"success": True},
                                    "orderInfo": copy.deepcopy(found)}}

    def shipment(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self.orders.get(str(params.get("orderId", "")))
        if found is None:
            return _result("sopjosshipment_result", False, "订单不存在")
        if str(params.get("logiCoprId")) not in LOGISTICS:
            return _result("sopjosshipment_result", False, "物流公司不存在")
        if found["orderState"] not in SHIPPABLE:
            return _result("sopjosshipment_result", False, "订单状态不正确,不能出库")
        found.update(orderState="WAIT_GOODS_RECEIVE_CONFIRM", waybill=params["logiNo"],
                     logisticsId=str(params["logiCoprId"]), modified=stamp(datetime.now(UTC)))
        self.record(op="pop.order.shipment", order_id=found["orderId"],
                    logi_no=params["logiNo"], logi_copr_id=str(params["logiCoprId"]))
        return {"sopjosshipment_result": {"success": True, "chineseErrCode": "成功"}}

    def oaid_decrypt(self, params: dict[str, Any]) -> dict[str, Any]:
        """jingdong.jos.order.oaid.decrypt: getReceiverInfoListReqVO.orderInfos [{orderId,
        oaid}]; returnType {code, message, requestId, data [OrderReceiverInfoModel]} as the JOS
        SDK declares it. The SDK gives no code values: here 200 answers, and a refusal (no
        permission, an oaid that is not the order's) is another code, its message and no data."""
        asked = params.get("getReceiverInfoListReqVO") or {}
        infos = asked.get("orderInfos") if isinstance(asked, dict) else None
        request_id = f"jd-req-{len(self.request_log)}"
        if not self.decrypt_permitted:
            return {"returnType": {"code": 403, "message": "无解密权限", "requestId": request_id,
                                   "data": []}}
        if not isinstance(infos, list) or not infos:
            return {"returnType": {"code": 400, "message": "orderInfos 不能为空",
                                   "requestId": request_id, "data": []}}
        data = []
        for info in infos:
            order = self.orders.get(str(info.get("orderId", "")))
            if order is None or self.vault.get(order["orderId"]) != info.get("oaid"):
                return {"returnType": {"code": 400, "message": "oaid不合法",
                                       "requestId": request_id, "data": []}}
            data.append({"orderId": int(order["orderId"]), "oaid": order["oaid"],
                         "privacyProtection": False, "expiration": "", **PLAIN_RECEIVER})
        self.record(op="jos.order.oaid.decrypt", count=len(data))
        return {"returnType": {"code": 200, "message": "成功", "requestId": request_id,
                               "data": data}}

    def search_skus(self, params: dict[str, Any]) -> dict[str, Any]:
        hits = [s for s in self.skus.values() if s["outerId"] == params.get("outerId")]
        return {"page": {"data": copy.deepcopy(hits), "totalItem": len(hits)}}

    def update_stock(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        sku = self.skus.get(str(params.get("skuId", "")))
        if sku is None or int(params.get("stockNum", -1)) < 0:
            return _error("100", "sku不存在或库存不合法", "Invalid sku or stock")
        sku["stockNum"] = int(params["stockNum"])
        self.record(op="stock.write.updateSkuStock", sku=sku["outerId"],
                    quantity=sku["stockNum"])
        return {"success": True}


def _result(name: str, success: bool, message: str) -> dict[str, Any]:
    return {name: {"apiResult": {"success": success, "chineseErrCode": message,
                                 "numberCode": 100 if success else 10400}}
            if name != "sopjosshipment_result" else
            {"success": success, "chineseErrCode": message, "errorCode": "10400"}}


def _error(code: str, zh: str, en: str) -> Reply:
    return Reply.json({"error_response": {"code": code, "zh_desc": zh, "en_desc": en}})


ROUTES = {
    "jingdong.pop.order.enSearch": JdServer.search,
    "jingdong.pop.order.enGet": JdServer.get,
    "jingdong.pop.order.shipment": JdServer.shipment,
    "jingdong.sku.read.searchSkuList": JdServer.search_skus,
    "jingdong.stock.write.updateSkuStock": JdServer.update_stock,
    "jingdong.jos.order.oaid.decrypt": JdServer.oaid_decrypt,
}
