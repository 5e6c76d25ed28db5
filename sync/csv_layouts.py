"""Column layouts for CSV order imports: the built-in exports and merchant-defined ones.

A ColumnMapping names, for each unified field, the header of the column that holds it. The
lead saves one per source as JSON (`to_json` / `from_json`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

REQUIRED = ("order_id", "quantity")


@dataclass(frozen=True)
class ColumnMapping:
    name: str
    order_id: str
    sku: str
    quantity: str
    unit_price: str
    line_name: str = ""
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

    def columns(self) -> dict[str, str]:
        """Unified field -> header, for the fields this layout fills from a column."""
        skip = {"name", "default_currency", "default_country", "address_style",
                "status_values", "skip_statuses"}
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in skip and getattr(self, f.name)}

    def missing_headers(self, headers: list[str]) -> list[str]:
        present, columns = set(headers), self.columns()
        return [f"{key} (column {columns[key]!r})" if key in columns
                else f"{key} (no column chosen)"
                for key in REQUIRED if columns.get(key) not in present]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
            data["skip_statuses"] = tuple(data.get("skip_statuses") or ())
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"saved column mapping is not valid: {exc}") from exc


SHOPIFY_EXPORT = ColumnMapping(
    name="Shopify order export", order_id="Name", order_number="Name", sku="Lineitem sku",
    quantity="Lineitem quantity", unit_price="Lineitem price", line_name="Lineitem name",
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


def detect(headers: list[str]) -> ColumnMapping | None:
    """The built-in layout these headers belong to, or None for an unknown file."""
    present = set(headers)
    if {"Name", "Lineitem sku", "Lineitem quantity"} <= present:
        return SHOPIFY_EXPORT
    if {"订单编号", "订单状态", "收货地址"} <= present:
        name_column = "收货人姓名" if "收货人姓名" in present else "收货人"
        return TAOBAO_REPORT if name_column == "收货人姓名" else \
            ColumnMapping(**{**asdict(TAOBAO_REPORT), "ship_name": name_column,
                             "skip_statuses": TAOBAO_REPORT.skip_statuses})
    return None
