"""A TOP gateway (/router/rest) for the five calls Packdesk makes.

No authentic Taobao payload is public (see channel_samples/marketplaces_cn/taobao.txt), so the
trades use TOP's documented envelopes and field names. It checks app_key, session, timestamp
(10 minutes) and the signature for every sign_method, a window of at most one day, page_size at
most 100, and answers errors as TOP's error_response.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.channel_servers.base import ChannelServer, Fault, Reply, Request

APP_KEY, APP_SECRET, SESSION = "12345678", "top-secret-abcdef", "6100a0b1c2d3session"
CHINA_TIME = timezone(timedelta(hours=8), "GMT+8")  # TOP's timestamps are Beijing time
CLOSED = ("TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO")
SIGN_DIGESTS = {"hmac": hashlib.md5, "hmac-sha256": hashlib.sha256}
# the receiver behind a masked trade's oaid, as the buyer typed it; only
# taobao.top.oaid.decrypt answers it (receiver_list.receiver, apiId 54714)
PLAIN_RECEIVER = {"name": "屈晓峰", "mobile": "13892891234", "phone": "",
                  "state": "浙江省", "city": "杭州市", "district": "余杭区", "town": "五常街道",
                  "address_detail": "文一西路969号淘宝城3号楼", "country": "中国"}
MASKED = {"receiver_name": "屈**", "receiver_mobile": "1389289****",
          "receiver_address": "文一西路***", "receiver_town": "五常街道"}


def top_signature(params: dict[str, str], secret: str, sign_method: str) -> str:
    """TOP's signature as its documentation (docId 101617, "签名算法") describes it.

    1. every request parameter but `sign` (and byte[] uploads), sorted by name in ASCII order;
    2. name and value joined with nothing between (parameters without a value left out);
    3. the UTF-8 bytes digested: md5 -> MD5(secret + joined + secret); hmac -> HMAC-MD5 keyed
       by the secret; hmac-sha256 -> HMAC-SHA256 keyed by the secret;
    4. the digest written as upper-case hex.
    Written here, apart from Packdesk's signer, so a mistake there is not repeated here.
    """
    names = sorted(name for name in params if name != "sign" and params[name] not in ("", None))
    joined = "".join(name + str(params[name]) for name in names).encode("utf-8")
    key = secret.encode("utf-8")
    if sign_method == "md5":
        digest = hashlib.md5(key + joined + key).digest()
    elif sign_method in SIGN_DIGESTS:
        digest = hmac.new(key, joined, SIGN_DIGESTS[sign_method]).digest()
    else:
        raise ValueError(f"sign_method {sign_method!r} is not md5, hmac or hmac-sha256")
    return digest.hex().upper()


def timestamp(moment: datetime) -> str:
    """'yyyy-MM-dd HH:mm:ss', GMT+8, as TOP's common parameters document it."""
    return moment.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def response_key(api_method: str) -> str:
    """TOP answers taobao.trade.fullinfo.get under trade_fullinfo_get_response."""
    name = api_method[len("taobao."):] if api_method.startswith("taobao.") else api_method
    return name.replace(".", "_") + "_response"


def trade(tid: int, modified: datetime, **changes: Any) -> dict[str, Any]:
    stamp = timestamp(modified)
    body = {
        "tid": tid, "tid_str": str(tid), "status": "WAIT_SELLER_SEND_GOODS",
        "buyer_nick": "tb测试买家", "buyer_message": "请用顺丰", "created": stamp,
        "modified": stamp, "receiver_name": "张三", "receiver_state": "浙江省",
        "receiver_city": "杭州市", "receiver_district": "余杭区", "receiver_town": "",
        "receiver_address": "文一西路969号", "receiver_zip": "311121",
        "receiver_mobile": "13800138000", "receiver_phone": "", "receiver_country": "",
        "orders": {"order": [
            {"oid": tid * 10 + 1, "oid_str": str(tid * 10 + 1), "num_iid": 520000001,
             "sku_id": 4000001, "outer_sku_id": "TB-CUP-RED", "outer_iid": "TB-CUP",
             "title": "陶瓷马克杯", "sku_properties_name": "颜色分类:红色", "num": 2,
             "price": "39.90", "refund_status": "NO_REFUND", "status": "WAIT_SELLER_SEND_GOODS",
             "invoice_no": "", "logistics_company": ""},
            {"oid": tid * 10 + 2, "oid_str": str(tid * 10 + 2), "num_iid": 520000001,
             "sku_id": 4000002, "outer_sku_id": "TB-CUP-BLUE", "outer_iid": "TB-CUP",
             "title": "陶瓷马克杯", "sku_properties_name": "颜色分类:蓝色", "num": 1,
             "price": "39.90", "refund_status": "NO_REFUND", "status": "WAIT_SELLER_SEND_GOODS",
             "invoice_no": "", "logistics_company": ""}]},
    }
    body.update(changes)
    return body


class TaobaoServer(ChannelServer):
    def __init__(self, *, trade_count: int = 3, start: datetime | None = None) -> None:
        super().__init__()
        self.app_key, self.app_secret, self.session = APP_KEY, APP_SECRET, SESSION
        self.trades: dict[str, dict[str, Any]] = {}
        self.items = {"520000001": {
            "num_iid": 520000001, "outer_id": "TB-CUP", "num": 30, "title": "青瓷茶杯",
            "barcode": "", "pic_url": "https://img.alicdn.com/bao/uploaded/i1/cup.jpg",
            "approve_status": "onsale",
            "skus": {"sku": [
                {"sku_id": 4000001, "outer_id": "TB-CUP-RED", "quantity": 10,
                 "properties_name": "1627207:28326:颜色分类:红色", "barcode": "6903244981002"},
                {"sku_id": 4000002, "outer_id": "TB-CUP-BLUE", "quantity": 20,
                 "properties_name": "1627207:28338:颜色分类:蓝色", "barcode": ""}]}},
            "520000002": {
            "num_iid": 520000002, "outer_id": "TB-TEA", "num": 12, "title": "乌龙茶 100g",
            "barcode": "6901234567892", "pic_url": "", "approve_status": "onsale",
            "skus": {"sku": []}}}
        self._serial = 0
        self._last_page: list[dict[str, Any]] = []
        self._scripted: list[list] = []  # [api method, times left, reply]
        self.start_time = start or datetime.now(UTC) - timedelta(hours=2)
        for item in self.items.values():  # listed days ago; an edit stamps it anew
            item["modified"] = timestamp(self.start_time - timedelta(days=3))
        self.onsale_asked: list[tuple[str, int]] = []  # (start_modified, items matched)
        # the app's OAID decrypt permission (隐私保护 权限包); refused without it
        self.decrypt_permitted = False
        self.vault: dict[str, tuple[str, dict[str, str]]] = {}  # oaid -> (tid, receiver)
        self.add_trades(trade_count)

    def edit_item(self, num_iid: str, **changes: Any) -> None:
        """The seller edits an item: its `modified` is now."""
        with self.lock:
            self.items[num_iid].update(changes, modified=timestamp(datetime.now(UTC)))

    def add_trades(self, count: int, **changes: Any) -> list[str]:
        with self.lock:
            ids = []
            for _ in range(count):
                self._serial += 1
                tid = 3_800_000_000_000_000 + self._serial
                modified = self.start_time + timedelta(seconds=self._serial)
                self.trades[str(tid)] = trade(tid, modified, **changes)
                ids.append(str(tid))
            return ids

    def add_masked_trades(self, count: int, **changes: Any) -> list[str]:
        """Trades as TOP serves them to software vendors: the receiver masked, with its oaid
        (收件人ID, at most 128 characters) answered by fullinfo.get when include_oaid is asked."""
        with self.lock:
            ids = self.add_trades(count, **MASKED, **changes)
            for tid in ids:
                oaid = hashlib.sha256(f"oaid:{tid}".encode()).hexdigest()[:64]
                self.trades[tid]["oaid"] = oaid
                self.vault[oaid] = (tid, dict(PLAIN_RECEIVER))
            return ids

    def touch(self, tid: str, **changes: Any) -> None:
        with self.lock:
            self.trades[tid].update(changes, modified=timestamp(datetime.now(UTC)))

    def answer_error(self, api_method: str, code: int, msg: str, sub_code: str = "",
                     sub_msg: str = "", *, times: int = 1) -> None:
        """The next `times` calls of `api_method` get this error_response, as TOP sends it
        (platform errors such as 10 or the call-limit bans, isp.* and isv.* sub-codes)."""
        with self.lock:
            self._scripted.append([api_method, times, _error(str(code), msg, sub_code,
                                                             sub_msg)])

    def _scripted_error(self, api_method: str) -> Reply | None:
        with self.lock:
            for entry in self._scripted:
                if entry[0] == api_method:
                    entry[1] -= 1
                    if entry[1] <= 0:
                        self._scripted.remove(entry)
                    return entry[2]
        return None

    def label(self, request: Request) -> str:
        return f"{request.method} {request.path} {request.form().get('method', '')}"

    def fault_reply(self, fault: Fault, request: Request) -> Reply | None:
        if fault.kind == "throttle":
            return _error("7", "App Call Limited", "accesscontrol.limited-by-api-access-count",
                          f"This ban will last for {int(fault.retry_after)} more seconds")
        return None

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.path != "/router/rest":
            return Reply(404, b"not found")
        form = request.form()
        problem = self._check_envelope(form)
        if problem:
            return problem
        if request.fault and request.fault.kind == "dup":
            form["_fault"] = "dup"
        scripted = self._scripted_error(form.get("method", ""))
        if scripted is not None:
            return scripted
        route = ROUTES.get(form.get("method", ""))
        if route is None:
            return _error("22", "Invalid Method", "", "no such api")
        with self.lock:
            answer = route(self, form)
        if isinstance(answer, Reply):
            return answer
        return Reply.json({response_key(form["method"]): answer})

    def _check_envelope(self, form: dict[str, str]) -> Reply | None:
        if form.get("app_key") != self.app_key:
            return _error("29", "Invalid app Key")
        if form.get("session") != self.session:
            return _error("27", "Invalid session", "invalid-sessionkey")
        try:
            sent = datetime.strptime(form["timestamp"], "%Y-%m-%d %H:%M:%S")\
                .replace(tzinfo=CHINA_TIME)
        except (KeyError, ValueError):
            return _error("31", "Missing timestamp")
        if abs(datetime.now(UTC) - sent) > timedelta(minutes=10):
            return _error("43", "Invalid timestamp")
        method = form.get("sign_method", "md5")
        if method not in ("md5", "hmac", "hmac-sha256") or \
                not hmac.compare_digest(form.get("sign", ""),
                                        top_signature(form, self.app_secret, method)):
            return _error("25", "Invalid signature")
        return None

    def increment(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        start = datetime.strptime(form["start_modified"], "%Y-%m-%d %H:%M:%S")
        end = datetime.strptime(form["end_modified"], "%Y-%m-%d %H:%M:%S")
        size, page = int(form.get("page_size", 40)), int(form.get("page_no", 1))
        if end - start > timedelta(days=1) or end < start:
            return _error("41", "Invalid arguments", "isv.invalid-parameter:start_modified",
                          "时间间隔不能超过一天")
        if not 1 <= size <= 100:
            return _error("41", "Invalid arguments", "isv.invalid-parameter:page_size")
        rows = sorted((t for t in self.trades.values()
                       if timestamp(start.replace(tzinfo=CHINA_TIME)) <= t["modified"]
                       <= timestamp(end.replace(tzinfo=CHINA_TIME))),
                      key=lambda t: (t["modified"], t["tid"]), reverse=True)
        chunk = rows[(page - 1) * size: page * size]
        fields = form.get("fields", "tid").split(",")
        served = [{k: t[k] for k in fields if k in t} for t in chunk]
        if form.get("_fault") == "dup":
            served = self._last_page + served
        self._last_page = served
        return {"total_results": len(rows), "has_next": page * size < len(rows),
                "trades": {"trade": copy.deepcopy(served)}}

    def fullinfo(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        found = self.trades.get(form.get("tid", ""))
        if found is None:
            return _error("15", "Remote service error", "isv.trade-not-exist", "交易不存在")
        answer = copy.deepcopy(found)
        if form.get("include_oaid", "false") in ("", "false"):  # include_oaid: default false
            answer.pop("oaid", None)
        return {"trade": answer}

    def oaid_decrypt(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        """taobao.top.oaid.decrypt (apiId 54714): query_list of at most 20 {oaid (at most 128
        characters), tid, scene}; receiver_list.receiver in the same order. An app without
        the decrypt permission gets TOP's platform error 11 (Insufficient isv permissions);
        an oaid that is not the trade's, the error_response the privacy APIs document
        (50, isv.invalid-parameter, 非法参数)."""
        if not self.decrypt_permitted:
            return _error("11", "Insufficient isv permissions", "", "应用没有OAID解密权限")
        try:
            queries = json.loads(form.get("query_list", ""))
        except ValueError:
            queries = None
        if not isinstance(queries, list) or not 1 <= len(queries) <= 20 or any(
                not isinstance(q, dict) or not q.get("oaid") or not q.get("tid")
                or len(str(q["oaid"])) > 128 for q in queries):
            return _error("41", "Invalid arguments", "isv.invalid-parameter:query_list")
        answered = []
        for query in queries:
            found = self.vault.get(str(query["oaid"]))
            if found is None or found[0] != str(query["tid"]):
                return _error("50", "Remote service error", "isv.invalid-parameter", "非法参数")
            answered.append({**found[1], "oaid": str(query["oaid"]), "tid": found[0],
                             "matched": True, "privacy_protection": False})
        self.record(op="top.oaid.decrypt", count=len(answered))
        return {"receiver_list": {"receiver": answered}}

    def offline_send(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        found = self.trades.get(form.get("tid", ""))
        if found is None:
            return _error("15", "Remote service error", "isv.logistics-offline-service-error",
                          "交易不存在")
        wanted = set(filter(None, form.get("sub_tid", "").split(",")))
        lines = [o for o in found["orders"]["order"] if not wanted or o["oid_str"] in wanted]
        if any(o["invoice_no"] for o in lines) or found["status"] in CLOSED:
            # TOP's answer for a trade already consigned (or closed): sub-code B04
            return _error("15", "Remote service error",
                          "isv.logistics-offline-service-error:B04",
                          "订单状态不对，该物流订单已经发货或者已关闭，不能重复发货")
        for line in lines:
            line.update(invoice_no=form["out_sid"], logistics_company=form["company_code"],
                        status="WAIT_BUYER_CONFIRM_GOODS")
        all_sent = all(o["invoice_no"] for o in found["orders"]["order"])
        found.update(status="WAIT_BUYER_CONFIRM_GOODS" if all_sent else "SELLER_CONSIGNED_PART",
                     modified=timestamp(datetime.now(UTC)))
        self.record(op="logistics.offline.send", tid=found["tid_str"], out_sid=form["out_sid"])
        return {"shipping": {"is_success": True}}

    def items_custom(self, form: dict[str, str]) -> dict[str, Any]:
        code = form.get("outer_id", "")
        hits = [i for i in self.items.values() if i["outer_id"] == code or
                any(s["outer_id"] == code for s in i["skus"]["sku"])]
        return {"items": {"item": copy.deepcopy(hits)}}

    def items_onsale(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        """taobao.items.onsale.get: page_no from 1, page_size 1..200 (default 40); the list
        holds only the fields asked for; total_results counts every item on sale."""
        try:
            page_no, size = int(form.get("page_no", 1)), int(form.get("page_size", 40))
        except ValueError:
            page_no = size = 0
        if page_no < 1 or not 1 <= size <= 200:
            return _error("41", "Invalid arguments", "isv.invalid-parameter", "page_size")
        fields = form.get("fields", "").split(",")
        on_sale = [i for i in self.items.values() if i["approve_status"] == "onsale"]
        # start_modified / end_modified: "起始的修改时间" / "结束的修改时间", yyyy-MM-dd HH:mm:ss
        start, end = form.get("start_modified", ""), form.get("end_modified", "")
        on_sale = [i for i in on_sale if (not start or i.get("modified", "") >= start)
                   and (not end or i.get("modified", "") <= end)]
        self.onsale_asked.append((start, len(on_sale)))
        chunk = on_sale[(page_no - 1) * size: page_no * size]
        return {"total_results": len(on_sale),
                "items": {"item": [{k: i[k] for k in fields if k in i} for i in chunk]}}

    def item_seller_get(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        item = self.items.get(form.get("num_iid", ""))
        if item is None:
            return _error("15", "Remote service error", "isv.item-is-delete:invalid-numIid",
                          "商品不存在")
        fields = form.get("fields", "").split(",")
        found = {k: copy.deepcopy(v) for k, v in item.items() if k in fields}
        if "sku" in fields:
            found["skus"] = copy.deepcopy(item["skus"])
        return {"item": found}

    def quantity_update(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        item = self.items.get(form.get("num_iid", ""))
        if item is None or form.get("type", "1") != "1":
            return _error("15", "Remote service error", "isv.item-not-exist", "商品不存在")
        rows = [s for s in item["skus"]["sku"] if str(s["sku_id"]) == form.get("sku_id")]
        if form.get("sku_id") and not rows:
            return _error("15", "Remote service error", "isv.item-sku-not-exist")
        quantity = int(form["quantity"])
        if rows:
            rows[0]["quantity"] = quantity
            item["num"] = sum(s["quantity"] for s in item["skus"]["sku"])
            code = rows[0]["outer_id"]
        else:
            item["num"], code = quantity, item["outer_id"]
        self.record(op="item.quantity.update", sku=code, quantity=quantity)
        return {"item": {"num_iid": item["num_iid"], "num": item["num"],
                         "modified": timestamp(datetime.now(UTC))}}


def _error(code: str, msg: str, sub_code: str = "", sub_msg: str = "") -> Reply:
    return Reply.json({"error_response": {"code": int(code), "msg": msg, "sub_code": sub_code,
                                          "sub_msg": sub_msg, "request_id": "s8w3kq1j2n"}})


ROUTES = {
    "taobao.trades.sold.increment.get": TaobaoServer.increment,
    "taobao.trade.fullinfo.get": TaobaoServer.fullinfo,
    "taobao.logistics.offline.send": TaobaoServer.offline_send,
    "taobao.items.custom.get": TaobaoServer.items_custom,
    "taobao.item.quantity.update": TaobaoServer.quantity_update,
    "taobao.items.onsale.get": TaobaoServer.items_onsale,
    "taobao.item.seller.get": TaobaoServer.item_seller_get,
    "taobao.top.oaid.decrypt": TaobaoServer.oaid_decrypt,
}
