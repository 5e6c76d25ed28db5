"""A Douyin Shop (抖店) gateway for the calls Packdesk makes, from its API 调用指南.

No authentic attributable 抖店 payload is public (channel_samples/marketplaces_cn/
douyin.txt); orders use the envelope and names that file records for /order/searchList
({"code":10000,"msg":"success","data":{"page","size","total","shop_order_list":[...]}}),
receivers masked beside their ciphertext, amounts in fen. Each API has its own path
(/order/searchList); common parameters in the query string, the call's parameters as the
JSON body. It checks app_key, access_token, timestamp (10 minutes), v=2 and the signature
for both sign methods; pages from 0, size at most 100; ships only 备货中 / 部分发货 orders
with a company code from its list; sku.syncStock as its doc mirror describes it.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.channel_servers.base import ChannelServer, Fault, Reply, Request, recorded_orders

APP_KEY, APP_SECRET, ACCESS_TOKEN = "7012345678901234567", "dy-secret-9f8e7d", "dy-token-c6f957da"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
COMPANY_CODES = {"shunfeng": "顺丰速运", "zhongtong": "中通快递", "yuantong": "圆通速递",
                 "shentong": "申通快递", "yunda": "韵达快递", "jtexpress": "极兔速递"}
SHIPPABLE = (2, 101)


def douyin_signature(app_key: str, method: str, param_json: str, timestamp: str, v: str,
                     app_secret: str, sign_method: str) -> str:
    """抖店 API调用指南, 签名算法:
    1. param_json: the business parameters as JSON, keys in dictionary order, no spaces;
    2. the string app_key{app_key}method{method}param_json{param_json}timestamp{timestamp}
       v{v} (those five names and values in that order);
    3. app_secret before and after it;
    4. md5 of it (sign_method md5), or HMAC-SHA256 of it keyed by app_secret
       (sign_method hmac-sha256), as lower-case hex.
    Written apart from Packdesk's signer."""
    text = (app_secret + "app_key" + app_key + "method" + method + "param_json" + param_json
            + "timestamp" + timestamp + "v" + v + app_secret).encode("utf-8")
    if sign_method == "md5":
        return hashlib.md5(text).hexdigest()
    if sign_method == "hmac-sha256":
        return hmac.new(app_secret.encode("utf-8"), text, hashlib.sha256).hexdigest()
    raise ValueError(f"sign_method {sign_method!r} is not md5 or hmac-sha256")


# the receiver behind each order's ciphertext; only order.batchDecrypt answers it
PLAIN_RECEIVER = {"post_receiver": "赵丽华", "post_tel": "13957112345",
                  "detail": "文三路478号华星时代广场B座1203"}
CIPHER_FIELDS = {"encrypt_post_receiver": "post_receiver", "encrypt_post_tel": "post_tel"}


def sorted_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def shop_order(order_id: int, updated: datetime, **changes: Any) -> dict[str, Any]:
    seconds = int(updated.timestamp())
    row = {
        "order_id": str(order_id), "order_status": 2, "order_status_desc": "备货中",
        "main_status": 2, "create_time": seconds, "update_time": seconds, "pay_time": seconds,
        "exp_ship_time": seconds + 48 * 3600, "buyer_words": "不要放驿站", "seller_words": "",
        "encrypt_post_receiver": f"#QqG5Ymr2#{order_id}==#1##",
        "encrypt_post_tel": f"$fQ3k{order_id}$x==$1$",
        "mask_post_receiver": "赵*", "mask_post_tel": "1**********",
        "post_receiver": "赵*", "post_tel": "1**********",
        "mask_post_addr": {"province": {"name": "浙江省", "id": "33"},
                           "city": {"name": "杭州市", "id": "3301"},
                           "town": {"name": "西湖区", "id": "330106"},
                           "street": {"name": "文新街道", "id": "330106004"},
                           "detail": "文三路***号"},
        "post_addr": {"province": {"name": "浙江省", "id": "33"},
                      "city": {"name": "杭州市", "id": "3301"},
                      "town": {"name": "西湖区", "id": "330106"},
                      "street": {"name": "文新街道", "id": "330106004"},
                      "detail": "文三路***号", "encrypt_detail": f"##9sXw{order_id}##1##"},
        "logistics_info": [],
        "sku_order_list": [
            {"order_id": f"{order_id}1", "parent_order_id": str(order_id),
             "product_id": "3561750000000000001", "product_name": "保温杯",
             "sku_id": 1760000000000000001, "code": "DY-FLASK-500", "out_sku_id": "",
             "item_num": 1, "goods_price": 6900, "origin_amount": 6900, "pay_amount": 6900,
             "spec": [{"name": "容量", "value": "500ml"}],
             "after_sale_info": {"after_sale_status": 0, "refund_status": 0}}],
    }
    row.update(changes)
    return row


class DouyinServer(ChannelServer):
    def __init__(self, *, order_count: int = 3, start: datetime | None = None) -> None:
        super().__init__()
        self.app_key, self.app_secret, self.access_token = APP_KEY, APP_SECRET, ACCESS_TOKEN
        self.token_expired = False
        self.orders: dict[str, dict[str, Any]] = {}
        self.skus = {"1760000000000000001": {"id": 1760000000000000001,
                                             "product_id": 3561750000000000001,
                                             "code": "DY-FLASK-500", "stock_num": 12}}
        self.idempotent_ids: set[str] = set()
        self.shipped_units: dict[str, dict[str, int]] = {}  # order -> sub-order -> units
        self.pack_requests: set[str] = set()  # logisticsAddMultiPack request_ids seen
        self.decrypt_permitted = False  # the app's 订单解密 permission (数据安全 → 解密权限)
        self._serial = 0
        self._last_page: list[dict[str, Any]] = []
        self._scripted: list[list] = []
        self.start_time = start or datetime.now(UTC) - timedelta(hours=2)
        self.add_orders(order_count)

    def replay_file(self, path: str) -> list[str]:
        """Serve the orders of a recorded payload (an order.orderDetail or order.searchList
        answer, saved as it came), each as changed at the server's start time, inside the pull's window;
        every other field as recorded."""
        with self.lock:
            rows = recorded_orders(path, lambda d: "order_id" in d and "sku_order_list" in d)
            for row in rows:
                self.orders[str(row["order_id"])] = {
                    **row, "update_time": int(self.start_time.timestamp())}
            return [str(row["order_id"]) for row in rows]

    def answer_error(self, method: str, code: int, msg: str, sub_code: str = "",
                     sub_msg: str = "", *, times: int = 1) -> None:
        """The next `times` calls of `method` get this answer, as 抖店 sends its errors."""
        with self.lock:
            self._scripted.append([method, times, _answer(None, code, msg, sub_code, sub_msg)])

    def _scripted_error(self, method: str) -> Reply | None:
        with self.lock:
            for entry in self._scripted:
                if entry[0] == method:
                    entry[1] -= 1
                    if entry[1] <= 0:
                        self._scripted.remove(entry)
                    return entry[2]
        return None

    def add_orders(self, count: int, **changes: Any) -> list[str]:
        with self.lock:
            ids = []
            for _ in range(count):
                self._serial += 1
                row = shop_order(6_920_000_000_000_000_000 + self._serial,
                                 self.start_time + timedelta(seconds=self._serial), **changes)
                self.orders[row["order_id"]] = row
                ids.append(row["order_id"])
            return ids

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path}"

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        if fault.kind == "throttle":
            return _answer(None, 50002, "服务端限流，请求过于频繁", "isp.flow-limit",
                           "当前接口调用频率超限")
        return None

    def handle(self, request: Request) -> Reply:
        method = request.path.strip("/").replace("/", ".")
        route = ROUTES.get(method)
        if request.method != "POST" or route is None:
            return Reply(404, b"not found")
        problem = self._check_envelope(request, method)
        if problem:
            return problem
        scripted = self._scripted_error(method)
        if scripted is not None:
            return scripted
        params = json.loads(request.body or b"{}")
        if request.fault and request.fault.kind == "dup":
            params["_fault"] = "dup"
        with self.lock:
            answer = route(self, params)
        return answer if isinstance(answer, Reply) else _answer(answer)

    def _check_envelope(self, request: Request, method: str) -> Reply | None:
        query = request.query
        if query.get("app_key") != self.app_key or query.get("method") != method:
            return _answer(None, 30005, "app_key或method不合法", "isv.app-key-invalid")
        if query.get("v") != "2":
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:v")
        stamp = query.get("timestamp", "")
        try:
            sent = (datetime.fromtimestamp(int(stamp), UTC) if stamp.isdigit() else
                    datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TIME))
        except ValueError:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _answer(None, 40002, "时间戳与服务器时间相差超过10分钟",
                           "isv.parameter-invalid:timestamp")
        try:
            body = sorted_json(json.loads(request.body or b"{}"))
            expected = douyin_signature(self.app_key, method, body, stamp, "2",
                                        self.app_secret, query.get("sign_method", "md5"))
        except ValueError:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:sign_method")
        if not hmac.compare_digest(query.get("sign", ""), expected):
            return _answer(None, 40002, "签名校验失败", "isv.signature-invalid")
        if query.get("access_token") != self.access_token or self.token_expired:
            return _answer(None, 30002, "access_token已过期", "isv.access-token-expired")
        return None

    def search(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        size, page = int(params.get("size", 10)), int(params.get("page", 0))
        if not 1 <= size <= 100 or page < 0:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:size")
        low, high = int(params["update_time_start"]), int(params["update_time_end"])
        rows = sorted((o for o in self.orders.values() if low <= o["update_time"] <= high),
                      key=lambda o: (o["update_time"], o["order_id"]),
                      reverse=not params.get("order_asc", False))
        served = rows[page * size: (page + 1) * size]
        if params.get("_fault") == "dup":
            served = self._last_page + served
        self._last_page = served
        return {"page": page, "size": size, "total": len(rows),
                "shop_order_list": copy.deepcopy(served)}

    def detail(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        found = self.orders.get(str(params.get("shop_order_id", "")))
        if found is None:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:订单不存在")
        return {"shop_order_detail": copy.deepcopy(found)}

    def _plain(self, auth_id: str, cipher: str) -> str | None:
        order = self.orders.get(auth_id)
        if order is None:
            return None
        for field_name, plain in CIPHER_FIELDS.items():
            if order.get(field_name) == cipher:
                return PLAIN_RECEIVER[plain]
        if (order.get("post_addr") or {}).get("encrypt_detail") == cipher:
            return PLAIN_RECEIVER["detail"]
        return None

    def batch_decrypt(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        """order.batchDecrypt: cipher_infos (at most 50) of {auth_id: the order id,
        cipher_text}; answered as decrypt_infos with decrypt_text and err_no (0 ok), and
        custom_err. An app without the decrypt permission is refused as a whole."""
        if not self.decrypt_permitted:
            return _answer(None, 30001, "权限不足", "isv.permission-denied:无解密权限")
        infos = params.get("cipher_infos")
        if not isinstance(infos, list) or not 1 <= len(infos) <= 50:
            return _answer(None, 40002, "非法的参数", "isv.parameter-invalid:cipher_infos")
        answered = []
        for info in infos:
            auth_id, cipher = str(info.get("auth_id", "")), str(info.get("cipher_text", ""))
            plain = self._plain(auth_id, cipher)
            answered.append({"auth_id": auth_id, "cipher_text": cipher,
                             "decrypt_text": plain or "", "err_no": 0 if plain else 300008,
                             "err_msg": "" if plain else "解密失败", "is_virtual_tel": False})
        self.record(op="order.batchDecrypt", count=len(answered))
        return {"decrypt_infos": answered, "custom_err": {"err_code": 0, "err_msg": ""}}

    def logistics_add(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        found = self.orders.get(str(params.get("order_id", "")))
        if found is None:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:订单不存在")
        if params.get("company_code") not in COMPANY_CODES:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:物流公司不存在")
        if found["order_status"] not in SHIPPABLE:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:订单状态不允许发货")
        found.update(order_status=3, main_status=3, order_status_desc="已发货",
                     update_time=int(datetime.now(UTC).timestamp()),
                     logistics_info=[{"tracking_no": params["logistics_code"],
                                      "company": params["company_code"],
                                      "company_name": COMPANY_CODES[params["company_code"]]}])
        self.record(op="order.logisticsAdd", order_id=found["order_id"],
                    tracking_no=params["logistics_code"], company_code=params["company_code"])
        return {}

    def add_multi_pack(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        """order.logisticsAddMultiPack (订单拆分为多个物流包裹发货): order_id, pack_list of
        {shipped_order_info [{shipped_order_id, shipped_num}], logistics_code, company_code},
        request_id (a repeated request_id answers the first result and ships nothing). A
        sub-order shipped beyond its item_num fails the whole request; the order is 部分发货
        (101) until every unit left, then 已发货 (3)."""
        found = self.orders.get(str(params.get("order_id", "")))
        if found is None:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:60033")
        request_id = str(params.get("request_id") or "")
        if not request_id:
            return _answer(None, 40004, "非法的参数", "isv.parameter-invalid:request_id")
        if request_id in self.pack_requests:
            return {"pack_list": []}
        if found["order_status"] not in SHIPPABLE:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:60110")
        lines = {s["order_id"]: s for s in found["sku_order_list"]}
        shipped = self.shipped_units.setdefault(found["order_id"], {})
        packs = params.get("pack_list") or []
        if not packs:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:60036")
        wanted: dict[str, int] = {}
        for pack in packs:
            if pack.get("company_code") not in COMPANY_CODES:
                return _answer(None, 50002, "业务处理失败", "isv.business-failed:60011")
            for info in pack.get("shipped_order_info") or []:
                line_id, num = str(info.get("shipped_order_id")), int(info.get("shipped_num", 0))
                if line_id not in lines:
                    return _answer(None, 50002, "业务处理失败", "isv.business-failed:60102")
                if num <= 0:
                    return _answer(None, 50002, "业务处理失败", "isv.business-failed:60080")
                wanted[line_id] = wanted.get(line_id, 0) + num
        if any(shipped.get(i, 0) + n > lines[i]["item_num"] for i, n in wanted.items()):
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:70023")
        for line_id, num in wanted.items():
            shipped[line_id] = shipped.get(line_id, 0) + num
        for pack in packs:
            found["logistics_info"].append({
                "tracking_no": pack["logistics_code"], "company": pack["company_code"],
                "company_name": COMPANY_CODES[pack["company_code"]],
                "product_info": [{"sku_order_id": str(i["shipped_order_id"]),
                                  "product_count": int(i["shipped_num"])}
                                 for i in pack["shipped_order_info"]]})
            self.record(op="order.logisticsAddMultiPack", order_id=found["order_id"],
                        tracking_no=pack["logistics_code"],
                        lines={str(i["shipped_order_id"]): int(i["shipped_num"])
                               for i in pack["shipped_order_info"]})
        done = all(shipped.get(i, 0) >= s["item_num"] for i, s in lines.items())
        found.update(order_status=3 if done else 101, main_status=3 if done else 101,
                     order_status_desc="已发货" if done else "部分发货",
                     update_time=int(datetime.now(UTC).timestamp()))
        self.pack_requests.add(request_id)
        return {"pack_list": [{"logistics_code": p["logistics_code"],
                               "pack_id": uuid.uuid4().hex[:16]} for p in packs]}

    def sku_detail(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        hits = [s for s in self.skus.values()
                if params.get("code") and s["code"] == params["code"]
                or str(s["id"]) == str(params.get("sku_id", ""))]
        if not hits:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:sku不存在")
        return copy.deepcopy(hits[0])

    def sync_stock(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        sku = self.skus.get(str(params.get("sku_id", "")))
        if sku is None or str(sku["product_id"]) != str(params.get("product_id")):
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:sku不存在")
        quantity = int(params["stock_num"])
        if params.get("incremental"):
            idempotent = params.get("idempotent_id")
            if not idempotent:
                return _answer(None, 40001, "缺少必选参数", "isv.missing-parameter:idempotent_id")
            if idempotent in self.idempotent_ids:
                return {}
            self.idempotent_ids.add(idempotent)
            quantity += sku["stock_num"]
        if quantity < 0:
            return _answer(None, 50002, "业务处理失败", "isv.business-failed:库存不能小于0")
        sku["stock_num"] = quantity
        self.record(op="sku.syncStock", sku=sku["code"], quantity=quantity)
        return {}


def _answer(data: Any, code: int = 10000, msg: str = "success", sub_code: str = "",
            sub_msg: str = "") -> Reply:
    return Reply.json({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg,
                       "log_id": uuid.uuid4().hex[:20], "data": data if data is not None else {}})


ROUTES = {
    "order.searchList": DouyinServer.search,
    "order.orderDetail": DouyinServer.detail,
    "order.logisticsAdd": DouyinServer.logistics_add,
    "order.batchDecrypt": DouyinServer.batch_decrypt,
    "order.logisticsAddMultiPack": DouyinServer.add_multi_pack,
    "sku.detail": DouyinServer.sku_detail,
    "sku.syncStock": DouyinServer.sync_stock,
}
