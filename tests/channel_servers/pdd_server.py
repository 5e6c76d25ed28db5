"""A Pinduoduo gateway (/api/router) for the calls Packdesk makes, from PDD's documentation.

No authentic Pinduoduo order payload is public (channel_samples/marketplaces_cn/
pinduoduo.txt); the rows use the field names and enums of the generated schema reference
(pdd.order.number.list.increment.get, pdd.order.information.get, pdd.logistics.online.send,
pdd.goods.quantity.update), receivers masked as PDD sends them to software vendors
(receiver_*_mask; the plain fields are ciphertext, each order its own, answered by
pdd.open.decrypt.batch only for an app granted the decrypt permission). It checks client_id, access_token,
timestamp (10 minutes) and the signature; a window of at most 30 minutes, page from 1 and
page_size at most 100; answers errors as PDD's error_response.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.channel_servers.base import ChannelServer, Fault, Reply, Request, recorded_orders

CLIENT_ID, CLIENT_SECRET = "f15639975cba4df6bc8afcde5151086a", "pdd-secret-2b32a01a4d9c"
ACCESS_TOKEN = "pdd-token-0b1c2d3e"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")
# pdd.logistics.companies.get: id, name, code, available (1 = usable)
COMPANIES = [
    {"id": 44, "logistics_company": "顺丰快递", "code": "SF", "available": 1},
    {"id": 115, "logistics_company": "中通快递", "code": "ZTO", "available": 1},
    {"id": 85, "logistics_company": "圆通快递", "code": "YTO", "available": 1},
    {"id": 1, "logistics_company": "申通快递", "code": "STO", "available": 1},
    {"id": 121, "logistics_company": "韵达快递", "code": "YUNDA", "available": 1},
    {"id": 3, "logistics_company": "百世快递", "code": "HT", "available": 0},
]
RESPONSE_KEYS = {
    "pdd.order.number.list.increment.get": "order_sn_increment_get_response",
    "pdd.order.information.get": "order_info_get_response",
    "pdd.logistics.online.send": "logistics_online_send_response",
    "pdd.logistics.companies.get": "logistics_companies_get_response",
    "pdd.goods.list.get": "goods_list_get_response",
    "pdd.goods.quantity.update": "goods_quantity_update_response",
    "pdd.open.decrypt.batch": "open_decrypt_batch_response",
}
# pdd.open.decrypt.batch data_type: 5 收件人, 6 收件人手机号, 7 收件人完整地址, 8 收件人详细地址
DATA_TYPES = {"receiver_name": 5, "receiver_phone": 6, "address": 7, "receiver_address": 8}
# the receiver behind the ciphertext, as the buyer typed it; only decrypt.batch answers it
PLAIN_RECEIVER = {"receiver_name": "李晓明", "receiver_phone": "13812345678",
                  "receiver_address": "科技园南区深南大道9988号",
                  "address": "广东省深圳市南山区科技园南区深南大道9988号"}


def pdd_signature(params: dict[str, Any], client_secret: str) -> str:
    """PDD's 签名规则 as its developer documentation (开发指南 → 签名算法) states it:
    1. all request parameters except `sign`, sorted by name in ASCII order;
    2. each name followed by its value, joined with nothing between;
    3. client_secret before and after: client_secret + joined + client_secret;
    4. MD5 of the UTF-8 bytes, as 32 upper-case hex digits.
    Written here, apart from Packdesk's signer."""
    names = sorted(n for n in params if n != "sign" and params[n] not in (None, ""))
    text = client_secret + "".join(f"{n}{params[n]}" for n in names) + client_secret
    return hashlib.md5(text.encode("utf-8")).hexdigest().upper()


def stamp(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def order_row(serial: int, updated: datetime, **changes: Any) -> dict[str, Any]:
    order_sn = f"260101-{serial:015d}"
    row = {
        "order_sn": order_sn, "order_status": 1, "confirm_status": 1, "group_status": 1,
        "refund_status": 1, "after_sales_status": 0, "risk_control_status": 0,
        "trade_type": 0, "is_lucky_flag": 1, "confirm_time": stamp(updated),
        "created_time": stamp(updated), "updated_at": stamp(updated),
        "last_ship_time": stamp(updated + timedelta(hours=48)), "pay_time": stamp(updated),
        "province": "广东省", "city": "深圳市", "town": "南山区", "country": "中国",
        "receiver_name": f"~AgAAAAGhjXqS{serial:04d}~1~",
        "receiver_phone": f"$4mvCZb8q{serial:04d}$AgAAAA==$1$",
        "receiver_address": f"~zUz4J8Kh{serial:04d}~1~", "address": f"~n0vOc2f8{serial:04d}~1~",
        "receiver_name_mask": "李**", "receiver_phone_mask": "138****5678",
        "receiver_address_mask": "科技园南区*****", "address_mask": "广东省深圳市南山区科技园南区*****",
        "buyer_memo": "请发中通", "remark": "", "tracking_number": "", "logistics_id": 0,
        "goods_amount": "59.80", "pay_amount": "59.80", "postage": "0.00",
        "item_list": [
            {"goods_id": 3820001, "sku_id": 91000001, "outer_id": "PDD-TEA-100",
             "outer_goods_id": "PDD-TEA", "goods_name": "高山绿茶", "goods_spec": "100g",
             "goods_count": 2, "goods_price": "29.90", "goods_img": ""}],
    }
    row.update(changes)
    return row


class PddServer(ChannelServer):
    def __init__(self, *, order_count: int = 3, start: datetime | None = None) -> None:
        super().__init__()
        self.client_id, self.client_secret, self.access_token = (CLIENT_ID, CLIENT_SECRET,
                                                                  ACCESS_TOKEN)
        self.token_expired = False
        self.orders: dict[str, dict[str, Any]] = {}
        self.goods = {"3820001": {"goods_id": 3820001, "goods_name": "高山绿茶", "sku_list": [
            {"sku_id": 91000001, "outer_id": "PDD-TEA-100", "sku_quantity": 40,
             "is_sku_onsale": 1, "spec": "100g"},
            {"sku_id": 91000002, "outer_id": "PDD-TEA-250", "sku_quantity": 15,
             "is_sku_onsale": 1, "spec": "250g"}]}}
        self._serial = 0
        self._last_page: list[dict[str, Any]] = []
        self._scripted: list[list] = []
        # the app's decrypt permission (开放平台 → 应用 → 权限包 解密); refused without it
        self.decrypt_permitted = False
        self.vault: dict[str, tuple[str, int, str]] = {}  # ciphertext -> (order_sn, type, plain)
        self.start_time = start or datetime.now(UTC) - timedelta(minutes=50)
        self.add_orders(order_count)

    def add_orders(self, count: int, **changes: Any) -> list[str]:
        with self.lock:
            ids = []
            for _ in range(count):
                self._serial += 1
                row = order_row(self._serial, self.start_time + timedelta(seconds=self._serial),
                                **changes)
                self.orders[row["order_sn"]] = row
                for field_name, data_type in DATA_TYPES.items():
                    self.vault[row[field_name]] = (row["order_sn"], data_type,
                                                   PLAIN_RECEIVER[field_name])
                ids.append(row["order_sn"])
            return ids

    def replay_file(self, path: str) -> list[str]:
        """Serve the orders of a recorded payload (an order_info_get_response or an
        increment list, saved as it came), each as changed at the server's start time, inside
        the pull's window; every other field as recorded."""
        with self.lock:
            rows = recorded_orders(path, lambda d: "order_sn" in d and "item_list" in d)
            for row in rows:
                self.orders[row["order_sn"]] = {**row, "updated_at": stamp(self.start_time)}
            return [row["order_sn"] for row in rows]

    def touch(self, order_sn: str, **changes: Any) -> None:
        with self.lock:
            self.orders[order_sn].update(changes, updated_at=stamp(datetime.now(UTC)))

    def answer_error(self, api: str, code: int, msg: str, sub_code: str = "",
                     sub_msg: str = "", *, times: int = 1) -> None:
        with self.lock:
            self._scripted.append([api, times, _error(code, msg, sub_code, sub_msg)])

    def _scripted_error(self, api: str) -> Reply | None:
        with self.lock:
            for entry in self._scripted:
                if entry[0] == api:
                    entry[1] -= 1
                    if entry[1] <= 0:
                        self._scripted.remove(entry)
                    return entry[2]
        return None

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path} {request.form().get('type', '')}"

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        if fault.kind == "throttle":
            return _error(70031, "调用过于频繁,请调整调用频率", "", "")
        return None

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path != "/api/router":
            return Reply(404, b"not found")
        form = request.form()
        problem = self._check_envelope(form)
        if problem:
            return problem
        if request.fault and request.fault.kind == "dup":
            form["_fault"] = "dup"
        scripted = self._scripted_error(form.get("type", ""))
        if scripted is not None:
            return scripted
        route = ROUTES.get(form.get("type", ""))
        if route is None:
            return _error(10000, "参数错误", "", "type 不存在")
        with self.lock:
            answer = route(self, form)
        if isinstance(answer, Reply):
            return answer
        return Reply.json({RESPONSE_KEYS[form["type"]]: answer})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("client_id") != self.client_id:
            return _error(10016, "client_id不存在", "", "")
        try:
            sent = datetime.fromtimestamp(int(form.get("timestamp", "")), UTC)
        except ValueError:
            return _error(10000, "参数错误", "", "timestamp 不合法")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _error(10000, "参数错误", "", "timestamp 与服务器时间相差超过10分钟")
        if not hmac.compare_digest(form.get("sign", ""), pdd_signature(form, self.client_secret)):
            return _error(20004, "签名sign校验失败", "", "")
        if form.get("access_token") != self.access_token or self.token_expired:
            return _error(10019, "access_token已过期", "", "")
        return None

    def increment(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        start, end = int(form["start_updated_at"]), int(form["end_updated_at"])
        size, page = int(form.get("page_size", 100)), int(form.get("page", 1))
        if end - start > 30 * 60 or end < start:
            return _error(10000, "参数错误", "", "时间跨度不能超过30分钟")
        if not 1 <= size <= 100 or page < 1:
            return _error(10000, "参数错误", "", "page/page_size 不合法")
        low, high = (stamp(datetime.fromtimestamp(t, UTC)) for t in (start, end))
        rows = sorted((o for o in self.orders.values() if low <= o["updated_at"] <= high),
                      key=lambda o: (o["updated_at"], o["order_sn"]), reverse=True)
        served = rows[(page - 1) * size: page * size]
        if form.get("_fault") == "dup":
            served = self._last_page + served
        self._last_page = served
        return {"total_count": len(rows), "has_next": page * size < len(rows),
                "order_sn_list": copy.deepcopy(served)}

    def information(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        found = self.orders.get(form.get("order_sn", ""))
        if found is None:
            return _error(50001, "业务服务错误", "", "订单不存在")
        return {"order_info": copy.deepcopy(found)}

    def companies(self, form: dict[str, str]) -> dict[str, Any]:
        return {"logistics_companies": copy.deepcopy(COMPANIES)}

    def online_send(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        found = self.orders.get(form.get("order_sn", ""))
        if found is None:
            return _error(50001, "业务服务错误", "", "订单不存在")
        company = next((c for c in COMPANIES if str(c["id"]) == form.get("logistics_id")), None)
        if company is None or not company["available"]:
            return _error(50001, "业务服务错误", "", "快递公司不存在或不可用")
        if found["order_status"] != 1 or found["refund_status"] == 4 or \
                found["confirm_status"] == 2:
            return _error(50001, "业务服务错误", "", "订单状态不可发货")
        found.update(order_status=2, tracking_number=form["tracking_number"],
                     logistics_id=company["id"], updated_at=stamp(datetime.now(UTC)))
        self.record(op="logistics.online.send", order_sn=found["order_sn"],
                    tracking_number=form["tracking_number"], logistics_id=company["id"])
        return {"is_success": True}

    def decrypt_batch(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        """pdd.open.decrypt.batch: data_list (at most 100) of {data_tag: order_sn,
        encrypted_data}; each answered with data_type, decrypted_data and error_code (0 ok).
        An app without the decrypt permission is refused as a whole."""
        if not self.decrypt_permitted:
            return _error(20031, "用户没有授权访问此接口", "", "应用无解密权限")
        try:
            items = json.loads(form.get("data_list", ""))
        except ValueError:
            return _error(10000, "参数错误", "", "data_list 不合法")
        if not isinstance(items, list) or not 1 <= len(items) <= 100:
            return _error(10000, "参数错误", "", "data_list 大小需在1到100之间")
        answered = []
        for item in items:
            cipher, tag = str(item.get("encrypted_data", "")), str(item.get("data_tag", ""))
            found = self.vault.get(cipher)
            if found is None or found[0] != tag:
                answered.append({"data_tag": tag, "encrypted_data": cipher, "error_code": 1,
                                 "error_msg": "解密失败", "decrypted_data": ""})
                continue
            answered.append({"data_tag": tag, "encrypted_data": cipher, "data_type": found[1],
                             "decrypted_data": found[2], "error_code": 0, "error_msg": ""})
        self.record(op="open.decrypt.batch", count=len(answered))
        return {"data_decrypt_list": answered}

    def goods_list(self, form: dict[str, str]) -> dict[str, Any]:
        code = form.get("outer_id", "")
        hits = [g for g in self.goods.values() if any(s["outer_id"] == code
                                                      for s in g["sku_list"])]
        return {"goods_list": copy.deepcopy(hits), "total_count": len(hits)}

    def quantity_update(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        goods = self.goods.get(form.get("goods_id", ""))
        if goods is None:
            return _error(50001, "业务服务错误", "", "商品不存在")
        rows = [s for s in goods["sku_list"] if str(s["sku_id"]) == form.get("sku_id")
                or (not form.get("sku_id") and s["outer_id"] == form.get("outer_id"))]
        if not rows:
            return _error(50001, "业务服务错误", "", "sku不存在")
        quantity = int(form["quantity"])
        if form.get("update_type", "1") == "2":
            quantity += rows[0]["sku_quantity"]
        if quantity < 0:
            return _error(50001, "业务服务错误", "", "库存不能小于0")
        rows[0]["sku_quantity"] = quantity
        self.record(op="goods.quantity.update", sku=rows[0]["outer_id"], quantity=quantity)
        return {"is_success": True}


def _error(code: int, msg: str, sub_code: str, sub_msg: str) -> Reply:
    return Reply.json({"error_response": {"error_code": code, "error_msg": msg,
                                          "sub_code": sub_code, "sub_msg": sub_msg,
                                          "request_id": "15440104776643887"}})


ROUTES = {
    "pdd.order.number.list.increment.get": PddServer.increment,
    "pdd.order.information.get": PddServer.information,
    "pdd.logistics.companies.get": PddServer.companies,
    "pdd.logistics.online.send": PddServer.online_send,
    "pdd.goods.list.get": PddServer.goods_list,
    "pdd.goods.quantity.update": PddServer.quantity_update,
    "pdd.open.decrypt.batch": PddServer.decrypt_batch,
}
