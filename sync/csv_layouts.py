"""Column layouts for CSV order imports: the built-in exports and merchant-defined ones.

A ColumnMapping names, for each unified field, the header of the column that holds it. The
lead saves one per source as JSON (`to_json` / `from_json`).
"""

from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, field, fields

from app.domain.messages import Msg

REQUIRED = ("order_id", "quantity")


@dataclass(frozen=True)
class ColumnMapping:
    name: str
    order_id: str
    sku: str
    quantity: str
    unit_price: str
    line_name: str = ""
    barcode: str = ""  # the line's GTIN, matched against the catalogue when the SKU is empty
    order_number: str = ""
    status: str = ""
    cancelled_at: str = ""
    buyer_name: str = ""
    phone: str = ""
    email: str = ""
    ship_name: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    currency: str = ""
    default_currency: str = "USD"
    default_country: str = ""
    placed_at: str = ""
    buyer_note: str = ""
    tracking: str = ""
    carrier: str = ""
    address_style: str = "split"  # or "cn_single_line": 省 市 区 街道(邮编) in one column
    status_values: dict[str, str] = field(default_factory=dict)  # channel text -> our status
    skip_statuses: tuple[str, ...] = ()  # e.g. not yet paid
    # the price column holds the line's total (Taobao, Pinduoduo), not a unit price; None:
    # as before, a total for CNY exports and a unit price otherwise
    price_is_total: bool | None = None

    def columns(self) -> dict[str, str]:
        """Unified field -> header, for the fields this layout fills from a column."""
        skip = {"name", "default_currency", "default_country", "address_style",
                "status_values", "skip_statuses", "price_is_total"}
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in skip and getattr(self, f.name)}

    def missing_headers(self, headers: list[str]) -> list[str]:
        present, columns = set(headers), self.columns()
        return [Msg("{key} (column {column!r})", key=key, column=columns[key]) if key in columns
                else Msg("{key} (no column chosen)", key=key)
                for key in REQUIRED if columns.get(key) not in present]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError(Msg("a mapping is one JSON object, field name to column"))
            _check_fields(cls, data)
            data["skip_statuses"] = tuple(data.get("skip_statuses") or ())
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise ValueError(Msg("saved column mapping is not valid: {exc}", exc=exc)) from exc


def _check_fields(cls, data: dict) -> None:
    """A mapping names the fields it lacks and those it does not know, not Python's words."""
    known = [f.name for f in fields(cls)]
    needed = [f.name for f in fields(cls) if f.default is MISSING
              and f.default_factory is MISSING]
    missing = [name for name in needed if name not in data]
    unknown = sorted(set(data) - set(known))
    problems = []
    if missing:
        problems.append(Msg("it names no column for {fields}", fields=", ".join(missing)))
    if unknown:
        problems.append(Msg("it has fields Packdesk does not know: {fields} (known fields: "
                            "{known})", fields=", ".join(unknown), known=", ".join(known)))
    if problems:
        raise ValueError("; ".join(str(problem) for problem in problems))


SHOPIFY_EXPORT = ColumnMapping(
    name="Shopify order export", order_id="Name", order_number="Name", sku="Lineitem sku",
    quantity="Lineitem quantity", unit_price="Lineitem price", line_name="Lineitem name",
    # Shopify's own export has no barcode column; export apps that extend its format add
    # `Lineitem Barcode` (ISBN, EAN or UPC). Used when present, in any letter case.
    barcode="Lineitem barcode",
    status="Financial Status", cancelled_at="Cancelled at", buyer_name="Billing Name",
    phone="Shipping Phone", email="Email", ship_name="Shipping Name", line1="Shipping Address1",
    line2="Shipping Address2", city="Shipping City", region="Shipping Province",
    postcode="Shipping Zip", country="Shipping Country", currency="Currency",
    placed_at="Created at", buyer_note="Notes",
    status_values={"paid": "open", "authorized": "open", "partially_paid": "open",
                   "refunded": "refunded", "partially_refunded": "partially_refunded",
                   "voided": "cancelled"},
    skip_statuses=("pending",))

TAOBAO_REPORT = ColumnMapping(
    name="Taobao 订单报表", order_id="订单编号", order_number="订单编号", sku="商家编码",
    quantity="宝贝总数量", unit_price="买家应付货款", line_name="宝贝标题", status="订单状态",
    buyer_name="买家会员名", phone="联系手机", ship_name="收货人姓名", line1="收货地址",
    placed_at="订单创建时间", buyer_note="买家留言", tracking="物流单号", carrier="物流公司",
    default_currency="CNY", default_country="CN", address_style="cn_single_line",
    status_values={"买家已付款，等待卖家发货": "open", "卖家已发货，等待买家确认": "fulfilled",
                   "交易成功": "fulfilled", "交易关闭": "cancelled"},
    skip_statuses=("等待买家付款",))

# Items of a Taobao order live in the 宝贝报表, keyed by 订单编号.
TAOBAO_ITEMS = {"order_id": "订单编号", "name": "标题", "unit_price": "价格",
                "quantity": "购买数量", "sku": "商家编码", "fallback_sku": "外部系统编号",
                "options": "商品属性"}


# Pinduoduo merchant backend (拼多多商家后台 → 订单查询 → 导出订单): one row per order line;
# the receiver's phone and street come masked unless the merchant decrypted them there.
PINDUODUO_EXPORT = ColumnMapping(
    name="Pinduoduo 订单导出", order_id="订单号", order_number="订单号",
    sku="商家编码-SKU维度", quantity="商品数量(件)", unit_price="商品总价(元)",
    line_name="商品", status="订单状态", ship_name="收货人", phone="手机", line1="街道",
    line2="区", city="市", region="省", placed_at="支付时间", buyer_note="买家留言",
    tracking="快递单号", carrier="快递公司", default_currency="CNY", default_country="CN",
    price_is_total=True,
    status_values={"待发货": "open", "已发货，待签收": "fulfilled", "已签收": "fulfilled",
                   "已取消": "cancelled", "未发货，退款成功": "refunded",
                   "已发货，退款成功": "refunded"},
    skip_statuses=("待支付",))

# JD POP merchant backend (京东商家后台 → 订单管理 → 订单导出): 货号 is the merchant's
# item code; 客户地址 is one line.
JD_EXPORT = ColumnMapping(
    name="JD 订单导出", order_id="订单号", order_number="订单号", sku="货号",
    quantity="订购数量", unit_price="京东价", line_name="商品名称", status="订单状态",
    ship_name="客户姓名", phone="联系电话", line1="客户地址", placed_at="下单时间",
    buyer_note="订单备注", default_currency="CNY", default_country="CN",
    address_style="cn_single_line", price_is_total=False,
    status_values={"等待出库": "open", "等待发货": "open", "等待确认收货": "fulfilled",
                   "完成": "fulfilled", "取消": "cancelled", "锁定": "on_hold",
                   "暂停": "on_hold"})

# Douyin Shop (抖店 → 订单管理 → 批量导出): one row per 子订单.
DOUYIN_EXPORT = ColumnMapping(
    name="Douyin 抖店订单导出", order_id="主订单编号", order_number="主订单编号",
    sku="商家编码", quantity="商品数量", unit_price="商品单价", line_name="选购商品",
    status="订单状态", ship_name="收件人", phone="收件人手机号", line1="详细地址",
    line2="区", city="市", region="省", placed_at="订单提交时间", buyer_note="买家留言",
    default_currency="CNY", default_country="CN", price_is_total=False,
    status_values={"待发货": "open", "备货中": "open", "部分发货": "open",
                   "已发货": "fulfilled", "已完成": "fulfilled", "已关闭": "cancelled",
                   "已取消": "cancelled"},
    skip_statuses=("待支付",))


def detect(headers: list[str]) -> ColumnMapping | None:
    """The built-in layout these headers belong to, or None for an unknown file."""
    present = set(headers)
    if {"订单号", "商家编码-SKU维度", "商品数量(件)"} <= present:
        return PINDUODUO_EXPORT
    if {"订单号", "订购数量", "京东价"} <= present:
        return JD_EXPORT
    if {"主订单编号", "子订单编号", "商家编码"} <= present:
        return DOUYIN_EXPORT
    if {"Name", "Lineitem sku", "Lineitem quantity"} <= present:
        return SHOPIFY_EXPORT
    if {"订单编号", "订单状态", "收货地址"} <= present:
        name_column = "收货人姓名" if "收货人姓名" in present else "收货人"
        return TAOBAO_REPORT if name_column == "收货人姓名" else \
            ColumnMapping(**{**asdict(TAOBAO_REPORT), "ship_name": name_column,
                             "skip_statuses": TAOBAO_REPORT.skip_statuses})
    return None
