"""Issue 13, bad data in CSV files: encodings are detected (charset-normalizer), not guessed;
a doubtful file asks instead of importing mojibake; a monster cell, a quantity of 1e999999 or
an overflowing price is an error of its row and column, never an aborted import."""

from __future__ import annotations

import pytest

from sync.csv_import import EncodingUnsure, parse, preview, read_text
from tests.unit.sync.test_csv_import import SHOPIFY_FIRST, SHOPIFY_SECOND, header, write

COLUMNS = header("shopify_orders_export_header_current.csv")
MUELLER = {**SHOPIFY_FIRST, "Billing Name": "Jürgen Müller", "Shipping Name": "Jürgen Müller",
           "Shipping Address1": "Bahnhofstraße 5", "Shipping City": "Zürich",
           "Shipping Zip": "8001", "Shipping Country": "CH"}
SECOND = {**MUELLER, "Name": "#1002", "Billing Name": "Anaïs Côté", "Shipping Name": "Anaïs Côté",
          "Shipping City": "Genève"}


def _ship(path, **kwargs):
    orders, errors = parse(path, **kwargs)
    assert errors == []
    return {o.channel_order_id: (o.address.name, o.address.city) for o in orders}


def test_a_cp1252_file_is_read_as_cp1252_not_as_chinese(tmp_path):
    path = write(tmp_path / "orders.csv", COLUMNS, [MUELLER, SECOND], "cp1252")
    assert _ship(path) == {"#1001": ("Jürgen Müller", "Zürich"), "#1002": ("Anaïs Côté", "Genève")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom(tmp_path, encoding):
    path = write(tmp_path / "orders.csv", COLUMNS, [MUELLER, SHOPIFY_SECOND], encoding)
    decoded = read_text(path)
    assert decoded.encoding == "utf_8" and not decoded.text.startswith("\ufeff")
    assert _ship(path) == {"#1001": ("Jürgen Müller", "Zürich")}


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_chinese_files_in_gbk_and_gb18030(tmp_path, encoding):
    row = {**SHOPIFY_FIRST, "Shipping Name": "张伟", "Billing Name": "张伟",
           "Shipping Address1": "文一西路969号 阿里巴巴西溪园区", "Shipping City": "杭州市",
           "Shipping Province": "浙江省", "Shipping Zip": "311121", "Shipping Country": "CN"}
    if encoding == "gb18030":
        row["Shipping Address1"] += " 𠀾"  # only in GB18030, not in GBK
    path = write(tmp_path / "orders.csv", COLUMNS, [row], encoding)
    assert read_text(path).encoding == "gb18030"
    assert _ship(path) == {"#1001": ("张伟", "杭州市")}


def test_a_shift_jis_file(tmp_path):
    rows = [{**SHOPIFY_FIRST, "Name": f"#10{n}", "Shipping Name": name, "Billing Name": name,
             "Shipping Address1": street, "Shipping City": city, "Shipping Country": "JP",
             "Shipping Zip": "100-0005", "Lineitem name": item}
            for n, (name, street, city, item) in enumerate([
                ("山田 太郎", "丸の内1-1 ビル5階", "千代田区", "ネコのぬいぐるみ"),
                ("佐藤 花子", "梅田3-1 グランフロント", "大阪市北区", "ふわふわタオル"),
                ("鈴木 一郎", "北1条西2丁目 さっぽろ", "札幌市中央区", "コーヒーカップ")])]
    path = write(tmp_path / "orders.csv", COLUMNS, rows, "shift_jis")
    assert read_text(path).encoding == "cp932"
    assert _ship(path)["#101"] == ("佐藤 花子", "大阪市北区")


def test_a_doubtful_file_shows_the_candidates_and_the_encoding_given_wins(tmp_path):
    """Two short names in Shift-JIS read as well-formed GB18030 too: Packdesk cannot know,
    so it asks, showing each reading of the names; it never picks one and imports it."""
    path = write(tmp_path / "o.csv", ["Name", "Lineitem sku", "Lineitem quantity",
                                      "Shipping Name"],
                 [{"Name": "#1", "Lineitem sku": "A", "Lineitem quantity": "1",
                   "Shipping Name": "ヤマダ"}], "shift_jis")
    with pytest.raises(EncodingUnsure) as unsure:
        preview(path)
    readings = {c.encoding: c.sample for c in unsure.value.candidates}
    assert len(readings) >= 2 and "ヤマダ" in readings["cp932"]
    assert "--encoding" in str(unsure.value)
    [row] = preview(path, encoding="shift_jis")
    assert row.values["Shipping Name"] == "ヤマダ"


def test_a_monster_cell_is_an_error_of_its_row_and_column(tmp_path):
    huge = {**SHOPIFY_FIRST, "Name": "#1002", "Notes": "x" * 200_000}
    path = write(tmp_path / "o.csv", COLUMNS, [SHOPIFY_FIRST, huge])
    rows = preview(path)
    assert rows[0].errors == ()
    assert rows[1].row_number == 3 and "column 'Notes'" in rows[1].errors[0]
    assert "128 KB" in rows[1].errors[0] and len(rows[1].errors[0]) < 200
    orders, errors = parse(path)
    assert [o.channel_order_id for o in orders] == ["#1001"]
    assert errors[0].channel_order_id == "#1002" and "row 3" in errors[0].reason


@pytest.mark.parametrize(("column", "value", "says"), [
    ("Lineitem quantity", "1e999999", "quantity"),
    ("Lineitem quantity", "3000000000", "quantity"),
    ("Lineitem price", "1e400", "price"),
    ("Lineitem price", "99999999999", "price"),
])
def test_numbers_no_order_can_have_are_errors_of_their_row_and_column(tmp_path, column, value,
                                                                      says):
    bad = {**SHOPIFY_FIRST, "Name": "#1002", column: value}
    path = write(tmp_path / "o.csv", COLUMNS, [SHOPIFY_FIRST, bad])
    rows = preview(path)
    assert rows[0].errors == ()
    assert rows[1].row_number == 3 and f"column {column!r}" in rows[1].errors[0]
    assert says in rows[1].errors[0]
    orders, errors = parse(path)
    assert [o.channel_order_id for o in orders] == ["#1001"]
    assert [e.channel_order_id for e in errors] == ["#1002"]
