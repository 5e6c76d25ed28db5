"""`packdesk shipments export`: a marketplace's packed orders in its bulk-shipping template.

Each file is read back as the seller centre reads it (csv in its encoding, xlsx with
openpyxl): the template's header, one row per order with the platform's carrier code and the
tracking number, no receiver in it, and nothing exported twice.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.channel_stock import add_channel
from sync.base import ChannelRejected
from sync.shipping_upload import ShippingUploadError, export_shipping_upload
from tests.integration.sync.test_orders_cli import packdesk
from tests.parts.upload_store import PACKED_AT, packed_order, store_orders

SINCE = datetime(2026, 11, 20, tzinfo=UTC)


def _rows(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"))))
    sheet = load_workbook(path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _everything_written(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_bytes().decode("gb18030")
    return "\n".join(str(value) for row in _rows(path) for value in row)


@pytest.mark.parametrize("kind, suffix, header, carrier, code", [
    ("taobao", ".csv", ["订单编号", "物流公司", "运单号"], "ZTO", "ZTO"),
    ("pinduoduo", ".xlsx", ["订单号", "快递公司", "快递单号"], "POSTB", "YZXB"),
    ("jd", ".xlsx", ["订单号", "物流公司", "运单号"], "ZTO", "1499"),
    ("douyin", ".xlsx", ["订单号", "物流公司", "运单号"], "YTO", "yuantong"),
])
def test_each_template_has_its_header_and_a_row_per_order(uow, tmp_path, kind, suffix, header,
                                                          carrier, code):
    long_id = "3954001122334455667"  # 19 digits: a number cell would round it
    store_orders(uow, packed_order("PD-1", kind, long_id, "7700112233445", carrier),
                 packed_order("PD-2", kind, "B-2", "7700112233446", carrier, shipped=True),
                 packed_order("PD-3", "shopify", "#1001", "1Z999", "UPS"))
    out = tmp_path / f"upload{suffix}"
    done = export_shipping_upload(uow, kind, SINCE, out, "sam")
    assert done.rows == 2 and done.path == out
    assert _rows(out) == [header, [long_id, code, "7700112233445"],
                          ["B-2", code, "7700112233446"]]


def test_a_masked_receiver_is_never_written(uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "taobao", "T-1", "ZT1"),
                 packed_order("PD-2", "douyin", "D-1", "ZT2"))
    for kind, name in (("taobao", "t.csv"), ("douyin", "d.xlsx")):
        written = _everything_written(export_shipping_upload(uow, kind, SINCE, tmp_path / name,
                                                             "sam").path)
        assert "ZT" in written
        for part in ("屈", "1389289", "科技园", "深圳", "518000"):
            assert part not in written, (kind, part)


def test_nothing_is_exported_twice_unless_all_is_asked(uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "pinduoduo", "P-1", "YT1", "YTO"))
    export_shipping_upload(uow, "pinduoduo", SINCE, tmp_path / "first.xlsx", "sam")
    with pytest.raises(ShippingUploadError, match="no packed order .* not exported already"):
        export_shipping_upload(uow, "pinduoduo", SINCE, tmp_path / "again.xlsx", "sam")
    assert not (tmp_path / "again.xlsx").exists()
    store_orders(uow, packed_order("PD-2", "pinduoduo", "P-2", "YT2", "YTO",
                                   at=PACKED_AT + timedelta(hours=2)))
    second = export_shipping_upload(uow, "pinduoduo", SINCE, tmp_path / "second.xlsx", "sam")
    assert [row[0] for row in _rows(second.path)[1:]] == ["P-2"]
    everything = export_shipping_upload(uow, "pinduoduo", SINCE, tmp_path / "all.xlsx", "sam",
                                        include_uploaded=True)
    assert [row[0] for row in _rows(everything.path)[1:]] == ["P-1", "P-2"]
    with uow() as u:  # the order's trail says who put it in which file, once
        marks = [t for t in u.orders.get("PD-1").transitions if t.reason.startswith("shipping")]
        assert [(m.by, m.reason) for m in marks] == [("sam", "shipping upload file: first.xlsx")]


def test_orders_packed_before_the_day_are_left_out(uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "jd", "J-old", "SF1", "SF",
                                   at=SINCE - timedelta(days=2)),
                 packed_order("PD-2", "jd", "J-new", "SF2", "SF"))
    done = export_shipping_upload(uow, "jd", SINCE, tmp_path / "jd.xlsx", "sam")
    assert [row[0] for row in _rows(done.path)[1:]] == ["J-new"]


def test_a_connected_channel_uses_its_kind_and_its_own_carrier_codes(uow, tmp_path):
    """The per-channel carrier mapping the API pushes use: carrier.<OURS> on the channel."""
    add_channel(uow(), "tb-shop", "taobao", settings={"carrier.ZTO": "中通快递"})
    store_orders(uow, packed_order("PD-1", "tb-shop", "T-9", "ZT9"))
    done = export_shipping_upload(uow, "tb-shop", SINCE, tmp_path / "tb.csv", "sam")
    assert done.kind == "taobao"
    assert _rows(done.path)[1] == ["T-9", "中通快递", "ZT9"]


def test_a_carrier_the_platform_has_no_code_for_is_named_and_nothing_is_marked(uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "jd", "J-1", "X1", "OWNVAN"))
    with pytest.raises(ChannelRejected, match="OWNVAN"):
        export_shipping_upload(uow, "jd", SINCE, tmp_path / "jd.xlsx", "sam")
    assert not (tmp_path / "jd.xlsx").exists()
    with uow() as u:
        assert not any(t.reason for t in u.orders.get("PD-1").transitions)


def test_shopify_says_it_has_no_upload_file(uow, tmp_path):
    store_orders(uow, packed_order("PD-3", "shopify", "#1001", "1Z999", "UPS"))
    with pytest.raises(ShippingUploadError, match="Shopify has no bulk-shipping upload file"):
        export_shipping_upload(uow, "shopify", SINCE, tmp_path / "s.csv", "sam")


def test_cli_writes_the_file_and_says_so(sqlite_url, uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "taobao", "T-1", "ZT1"))
    out = tmp_path / "taobao.csv"
    done = packdesk("--db", sqlite_url, "shipments", "export", "--channel", "taobao",
                    "--since", "2026-11-20", "--out", str(out),
                    env={"PACKDESK_LANGUAGE": "en"})
    assert done.returncode == 0, done.stderr
    assert f"1 orders of taobao written to {out} in the Taobao bulk-shipping template" \
        in done.stdout
    assert _rows(out)[1] == ["T-1", "ZTO", "ZT1"]
    again = packdesk("--db", sqlite_url, "shipments", "export", "--channel", "taobao",
                     "--since", "2026-11-20", "--out", str(out), env={"PACKDESK_LANGUAGE": "en"})
    assert again.returncode == 2
    assert "taobao: no packed order with a tracking number since 2026-11-20" in again.stderr


def test_cli_a_channel_with_no_orders_and_an_unknown_channel_say_so(sqlite_url, uow, tmp_path):
    store_orders(uow, packed_order("PD-1", "taobao", "T-1", "ZT1"))
    empty = packdesk("--db", sqlite_url, "shipments", "export", "--channel", "douyin",
                     "--since", "2026-11-01", env={"PACKDESK_LANGUAGE": "en"})
    assert empty.returncode == 2 and empty.stdout == ""
    assert "douyin: no packed order with a tracking number since 2026-11-01" in empty.stderr
    unknown = packdesk("--db", sqlite_url, "shipments", "export", "--channel", "taobo",
                       "--since", "2026-11-01", env={"PACKDESK_LANGUAGE": "en"})
    assert unknown.returncode == 2
    assert "There is no channel 'taobo'" in unknown.stderr
    assert "douyin, jd, pinduoduo, taobao" in unknown.stderr
    chinese = packdesk("--db", sqlite_url, "shipments", "export", "--channel", "taobo",
                       "--since", "2026-11-01", env={"PACKDESK_LANGUAGE": "zh_CN"})
    assert "taobo" in chinese.stderr and "There is no channel" not in chinese.stderr


def test_the_export_on_postgresql_leaves_out_what_it_wrote(postgres_url, tmp_path):
    """Several stations share PostgreSQL: the same query and marks there."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory

    store = open_store(postgres_url)
    try:
        uow = uow_factory(store.session_factory, station="pg-station")
        store_orders(uow, packed_order("PD-1", "douyin", "D-1", "ZT1"),
                     packed_order("PD-2", "douyin", "D-old", "ZT2",
                                  at=SINCE - timedelta(days=1)))
        done = export_shipping_upload(uow, "douyin", SINCE, tmp_path / "dy.xlsx", "sam")
        assert _rows(done.path)[1:] == [["D-1", "zhongtong", "ZT1"]]
        with pytest.raises(ShippingUploadError):
            export_shipping_upload(uow, "douyin", SINCE, tmp_path / "again.xlsx", "sam")
    finally:
        store.dispose()
