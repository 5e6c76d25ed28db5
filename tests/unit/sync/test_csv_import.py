"""CSV import on files built with the real export headers from shared/channel_samples/csv."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from sync.csv_import import CsvImportError, decode, parse, preview
from sync.csv_layouts import SHOPIFY_EXPORT, ColumnMapping
from sync.validation import order_problems
from tests.channel_servers.samples import SAMPLES


def header(name: str) -> list[str]:
    text = (SAMPLES / "csv" / name).read_text(encoding="utf-8")
    return next(csv.reader(io.StringIO(text)))


def write(path, columns, rows, encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


SHOPIFY_FIRST = {"Name": "#1001", "Email": "bob.norman@hostmail.com", "Financial Status": "paid",
                 "Currency": "USD", "Created at": "2012-01-01 11:13:25 -0500",
                 "Lineitem quantity": "1", "Lineitem name": "IPod Nano - 8gb - green",
                 "Lineitem price": "199.00", "Lineitem sku": "IPOD2008GREEN",
                 "Billing Name": "Bob Norman", "Shipping Name": "Bob Norman",
                 "Shipping Address1": "Chestnut Street 92", "Shipping City": "Louisville",
                 "Shipping Zip": "40202", "Shipping Province": "KY", "Shipping Country": "US",
                 "Shipping Phone": "555-625-1199"}
SHOPIFY_SECOND = {"Name": "#1001", "Lineitem quantity": "2", "Lineitem name": "IPod red",
                  "Lineitem price": "199.00", "Lineitem sku": "IPOD2008RED"}


@pytest.mark.parametrize("variant", ["shopify_orders_export_header_2012.csv",
                                     "shopify_orders_export_header_current.csv"])
def test_shopify_export_groups_continuation_rows(tmp_path, variant):
    path = write(tmp_path / "orders.csv", header(variant), [SHOPIFY_FIRST, SHOPIFY_SECOND])
    orders, errors = parse(path)
    assert errors == []
    [order] = orders
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("IPOD2008GREEN", 1),
                                                             ("IPOD2008RED", 2)]
    assert order.address.city == "Louisville" and order.status == "open"
    assert order.placed_at.utcoffset().total_seconds() == -5 * 3600
    assert order_problems(order) == []


def test_shopify_cancelled_and_pending(tmp_path):
    cols = header("shopify_orders_export_header_current.csv")
    cancelled = {**SHOPIFY_FIRST, "Name": "#1002", "Cancelled at": "2012-01-02 10:00:00 -0500"}
    pending = {**SHOPIFY_FIRST, "Name": "#1003", "Financial Status": "pending"}
    orders, _ = parse(write(tmp_path / "o.csv", cols, [cancelled, pending]))
    assert [(o.channel_order_id, o.status) for o in orders] == [("#1002", "cancelled")]


def test_preview_names_the_bad_row_before_anything_is_written(tmp_path):
    bad = {**SHOPIFY_SECOND, "Lineitem quantity": "two"}
    path = write(tmp_path / "o.csv", header("shopify_orders_export_header_2012.csv"),
                 [SHOPIFY_FIRST, bad])
    rows = preview(path)
    assert [r.errors for r in rows][0] == ()
    assert rows[1].row_number == 3 and "'two'" in rows[1].errors[0]
    orders, errors = parse(path)
    assert orders == [] and errors[0].channel_order_id == "#1001"


TAOBAO_ROW = {"订单编号": '="3800000000000012345"', "买家会员名": "tb测试买家",
              "买家应付货款": "79.80", "订单状态": "买家已付款，等待卖家发货", "买家留言": "请用顺丰",
              "收货人姓名": "张三", "收货人": "张三",
              "收货地址": "浙江省 杭州市 余杭区 文一西路969号(311121)",
              "联系手机": "13800138000", "订单创建时间": "2024-05-01 10:00:00",
              "宝贝标题": "陶瓷马克杯", "宝贝总数量": "2"}


@pytest.mark.parametrize("variant", ["taobao_order_report_header_variant_hishop.csv",
                                     "taobao_order_report_header_variant_kaluli.csv"])
def test_taobao_report_in_gbk_with_items_report(tmp_path, variant):
    report = write(tmp_path / "订单报表.csv", header(variant), [TAOBAO_ROW], "gbk")
    items = write(tmp_path / "宝贝报表.csv",
                  ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "商家编码"],
                  [{"订单编号": '="3800000000000012345"', "标题": "陶瓷马克杯", "价格": "39.90",
                    "购买数量": "2", "商品属性": "颜色分类:红色", "商家编码": "TB-CUP-RED"}], "gbk")
    [order], errors = parse(report, items_path=items)
    assert errors == []
    assert order.channel_order_id == "3800000000000012345"
    assert (order.address.region, order.address.city, order.address.postcode) == \
        ("浙江省", "杭州市", "311121")
    assert order.lines[0].sku == "TB-CUP-RED" and order.lines[0].unit_price == Decimal("39.90")
    assert order_problems(order) == []


def test_taobao_report_alone_asks_for_the_items_report(tmp_path):
    report = write(tmp_path / "r.csv", header("taobao_order_report_header_variant_hishop.csv"),
                   [TAOBAO_ROW], "gb18030")
    [row] = preview(report)
    assert "宝贝报表" in row.errors[0]


def test_custom_mapping_round_trips_and_imports(tmp_path):
    mapping = ColumnMapping(name="wholesale sheet", order_id="PO", sku="Code", quantity="Qty",
                            unit_price="Each", line1="Street", city="Town", postcode="ZIP",
                            ship_name="To", phone="Tel", default_country="US")
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    path = write(tmp_path / "w.csv", ["PO", "Code", "Qty", "Each", "To", "Street", "Town", "ZIP",
                                      "Tel"],
                 [{"PO": "P-9", "Code": "A1", "Qty": "3", "Each": "2.50", "To": "Ann",
                   "Street": "1 Main St", "Town": "Austin", "ZIP": "78701", "Tel": "5125550100"}])
    [order], _ = parse(path, mapping)
    assert order.lines[0].unit_price == Decimal("2.50") and order.address.country_code == "US"


def test_unknown_layout_and_bad_encoding_say_what_is_wrong(tmp_path):
    unknown = write(tmp_path / "x.csv", ["a", "b"], [{"a": "1"}])
    with pytest.raises(CsvImportError, match="column mapping"):
        preview(unknown)
    with pytest.raises(CsvImportError, match="missing columns"):
        preview(unknown, SHOPIFY_EXPORT)
    with pytest.raises(CsvImportError, match="not text in any encoding Packdesk knows"):
        decode(b"\xff\xfe\x00\xd8\x00\xdc\x81", "bad.csv")
    with pytest.raises(ValueError, match="not valid"):
        ColumnMapping.from_json("{oops")
