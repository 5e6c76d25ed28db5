"""Pinduoduo, JD and Douyin merchant-backend order exports, GB18030 as their backends write
them, recognised by their headers and imported with the receiver as the export masks it.

The headers are those of each backend's order export (拼多多 订单查询 → 导出, 京东 订单管理 →
订单导出, 抖店 订单管理 → 批量导出) as merchants' files carry them; no authentic file is in
channel_samples, so the rows are made here."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from sync.csv_import import parse, preview
from sync.csv_layouts import DOUYIN_EXPORT, JD_EXPORT, PINDUODUO_EXPORT, detect
from sync.validation import order_problems

PDD_HEADERS = ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)",
               "平台优惠折扣(元)", "邮费(元)", "用户实付金额(元)", "商家实收金额(元)",
               "商品数量(件)", "收货人", "手机", "是否审核中", "省", "市", "区", "街道",
               "支付时间", "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间",
               "确认收货时间", "商品id", "商品规格", "商家编码-SKU维度", "商家编码-商品维度",
               "商家备注", "买家留言", "快递单号", "快递公司", "售后状态"]
JD_HEADERS = ["订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价",
              "订单金额", "结算金额", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名",
              "客户地址", "联系电话", "订单备注", "商家备注", "运费金额", "付款确认时间", "货号"]
DOUYIN_HEADERS = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID",
                  "商家编码", "商品单价", "订单应付金额", "运费", "收件人", "收件人手机号", "省",
                  "市", "区", "街道", "详细地址", "买家留言", "订单提交时间", "订单状态",
                  "售后状态"]


def write(path, columns, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    path.write_bytes(out.getvalue().encode("gb18030"))
    return path


def test_each_backends_headers_pick_its_layout():
    assert detect(PDD_HEADERS) is PINDUODUO_EXPORT
    assert detect(JD_HEADERS) is JD_EXPORT
    assert detect(DOUYIN_HEADERS) is DOUYIN_EXPORT


def test_pinduoduo_export_in_gb18030_imports_with_the_masked_receiver(tmp_path):
    path = write(tmp_path / "拼多多订单.csv", PDD_HEADERS, [
        {"商品": "高山绿茶", "订单号": "260101-000000000000001", "订单状态": "待发货",
         "商品总价(元)": "59.80", "商品数量(件)": "2", "收货人": "李**", "手机": "138****5678",
         "省": "广东省", "市": "深圳市", "区": "南山区", "街道": "科技园南区*****",
         "支付时间": "2026-01-01 10:00:00", "商家编码-SKU维度": "PDD-TEA-100",
         "买家留言": "请发中通", "售后状态": "无售后或售后取消"},
        {"商品": "高山绿茶", "订单号": "260101-000000000000002", "订单状态": "已取消",
         "商品总价(元)": "29.90", "商品数量(件)": "1", "收货人": "张**", "手机": "139****0000",
         "省": "广东省", "市": "深圳市", "区": "南山区", "街道": "**", "商家编码-SKU维度": "X"}])
    assert [r.errors for r in preview(path)] == [(), ()]
    orders, errors = parse(path, channel="pinduoduo")
    assert errors == []
    first, second = orders
    assert (first.status, second.status) == ("open", "cancelled")
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in first.lines] == [
        ("PDD-TEA-100", 2, Decimal("29.90"))]  # the export's 商品总价 is the line's total
    assert (first.address.region, first.address.city, first.address.line2) == (
        "广东省", "深圳市", "南山区")
    assert first.receiver_masked and first.phone == "138****5678"
    assert order_problems(first) == []


def test_jd_export_in_gb18030_keeps_the_unit_price(tmp_path):
    path = write(tmp_path / "jd.csv", JD_HEADERS, [
        {"订单号": "290000000001", "商品名称": "电水壶 白色", "订购数量": "2", "京东价": "128.00",
         "下单时间": "2026-01-01 09:30:00", "订单状态": "等待出库", "客户姓名": "王**",
         "客户地址": "广东省深圳市南山区科技园****", "联系电话": "139****4321",
         "货号": "JD-KETTLE-W"},
        {"订单号": "290000000002", "商品名称": "电水壶", "订购数量": "1", "京东价": "128.00",
         "订单状态": "锁定", "客户姓名": "赵**", "客户地址": "上海 浦东新区 张江 ****",
         "联系电话": "137****1111", "货号": "JD-KETTLE-W"}])
    orders, errors = parse(path, channel="jd")
    assert errors == []
    assert [(o.status, o.lines[0].unit_price) for o in orders] == [
        ("open", Decimal("128.00")), ("on_hold", Decimal("128.00"))]
    address = orders[0].address  # JD writes the address as one run of text
    assert (address.region, address.city, address.line2, address.line1) == (
        "广东省", "深圳市", "南山区", "科技园****")
    assert orders[1].address.region == "上海" and orders[0].receiver_masked


def test_douyin_export_groups_sub_orders_under_the_main_order(tmp_path):
    row = {"主订单编号": "6920000000000000001", "选购商品": "保温杯", "商品数量": "1",
           "商家编码": "DY-FLASK-500", "商品单价": "69.00", "收件人": "赵*",
           "收件人手机号": "1**********", "省": "浙江省", "市": "杭州市", "区": "西湖区",
           "街道": "文新街道", "详细地址": "文三路***号", "订单提交时间": "2026-01-01 08:00:00",
           "订单状态": "待发货"}
    path = write(tmp_path / "抖店.csv", DOUYIN_HEADERS, [
        {**row, "子订单编号": "69200000000000000011"},
        {**row, "子订单编号": "69200000000000000012", "商家编码": "DY-FLASK-750",
         "商品单价": "79.00", "商品数量": "2"},
        {**row, "主订单编号": "6920000000000000002", "子订单编号": "69200000000000000021",
         "订单状态": "待支付"}])
    orders, errors = parse(path, channel="douyin")
    assert errors == []
    [order] = orders  # the unpaid one is skipped, as the layout says
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in order.lines] == [
        ("DY-FLASK-500", 1, Decimal("69.00")), ("DY-FLASK-750", 2, Decimal("79.00"))]
    assert order.receiver_masked and order_problems(order) == []


def test_an_export_status_the_layout_does_not_know_is_a_row_error(tmp_path):
    path = write(tmp_path / "pdd.csv", PDD_HEADERS, [
        {"订单号": "1", "订单状态": "某种新状态", "商品总价(元)": "1", "商品数量(件)": "1",
         "商家编码-SKU维度": "S", "收货人": "a", "手机": "13800138000", "省": "广东省",
         "市": "深圳市", "街道": "x"}])
    orders, errors = parse(path, channel="pinduoduo")
    assert orders == [] and len(errors) == 1


def test_an_address_written_as_one_run_is_split_big_to_small():
    from sync.csv_import import cn_address

    def split(line):
        a = cn_address("n", line, "CN")
        return a.region, a.city, a.line2, a.line1

    assert split("北京市朝阳区三环到四环之间****") == ("北京市", "朝阳区", "", "三环到四环之间****")
    assert split("内蒙古自治区呼和浩特市新城区xx路") == ("内蒙古自治区", "呼和浩特市", "新城区", "xx路")
    assert split("浙江省杭州市余杭区省道23号") == ("浙江省", "杭州市", "余杭区", "省道23号")
    assert split("科技园南区*****") == ("", "", "", "科技园南区*****")  # no region: as it is
