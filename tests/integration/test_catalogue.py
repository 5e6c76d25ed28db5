"""A new store's catalogue: the product editor's rules and the catalogue file import, on a
real SQLite store and through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.services import catalogue
from app.services.catalogue import ProductInput
from app.services.stock import stock_history

ROOT = Path(__file__).resolve().parents[2]

CATALOGUE = """sku,name,barcode,weight_g,bin,opening_stock,colour
TEA-1,Oolong tea 100g,4006381333931,120,A-01-1,24,green
TEA-2,Green tea,4006381333932,100,A-01-2,5,
MUG-1,,,,,,
CUP-1,Celadon cup,4006381333931,180,,3,
BAG-1,Tote bag,SHOP-BAG-1,240,B-02,x,
BOX-1,Shipping box,,150,,,
"""


def test_the_editor_refuses_a_gtin_with_a_wrong_check_digit_and_saves_a_right_one(uow):
    with pytest.raises(InvalidInput, match=r"4006381333932 is not a valid GTIN: its last digit "
                                           r"should be 1"):
        catalogue.save_product(uow(), ProductInput("TEA-1", "Oolong tea", "4006381333932", 120))
    saved = catalogue.save_product(uow(), ProductInput("TEA-1", "Oolong tea", "4006381333931",
                                                       120, "A-01-1", "/img/tea.png"))
    assert (saved.sku, saved.barcode, saved.weight_g, saved.bin_location) == (
        "TEA-1", "4006381333931", 120, "A-01-1")
    changed = catalogue.save_product(uow(), ProductInput("TEA-1", "Oolong tea 100 g",
                                                         "SHOP-TEA-1", 125))
    assert changed.barcodes == ("SHOP-TEA-1",) and changed.weight_g == 125
    with uow() as u:
        assert u.products.match(["SHOP-TEA-1"]).sku == "TEA-1"
        assert u.products.match(["04006381333931"]) is None  # the old code is gone
    catalogue.save_product(uow(), ProductInput("CUP-1", "Cup", "4006381333931"))
    with pytest.raises(InvalidInput, match="already on CUP-1"):
        catalogue.save_product(uow(), ProductInput("POT-1", "Pot", "4006381333931"))
    with pytest.raises(InvalidInput, match="a space or a character"):
        catalogue.save_product(uow(), ProductInput("POT-1", "Pot", "MY CODE"))


def test_a_catalogue_file_stores_the_good_rows_and_names_each_bad_one(uow):
    parsed = catalogue.read_catalogue(CATALOGUE)
    assert parsed.ignored_columns == ("colour",)
    preview = catalogue.import_catalogue(uow(), parsed, "Mei", preview=True)
    assert (preview.added, preview.stocked, preview.stored) == (2, 1, False)
    with uow() as u:
        assert u.products.get("TEA-1") is None  # a preview stores nothing
    report = catalogue.import_catalogue(uow(), parsed, "Mei")
    assert (report.added, report.updated, report.stocked, report.units) == (2, 0, 1, 24)
    assert [(p.line, p.sku, str(p.problem)) for p in report.problems] == [
        (3, "TEA-2", "The barcode 4006381333932 is not a valid GTIN: its last digit should be 1 "
                     "(GS1 check digit). Check the number on the pack."),
        (4, "MUG-1", "The product name is empty."),
        (5, "CUP-1", "The barcode 4006381333931 is on line 2 already; a barcode belongs to one "
                     "product."),
        (6, "BAG-1", "The opening stock “x” is not a whole number from 0 to 1000000."),
    ]
    history = stock_history(uow(), "TEA-1")
    assert [(r.from_bucket, r.to_bucket, r.quantity, r.reason, r.by) for r in history.rows] == [
        ("supplier", "available", 24, "opening stock", "Mei")]
    assert history.level.available == 24 and history.consistent
    with uow() as u:
        tea = u.products.get("TEA-1")
        assert (tea.name, tea.weight_g, tea.bin_location) == ("Oolong tea 100g", 120, "A-01-1")
        assert u.products.match(["04006381333931"]).sku == "TEA-1"
        assert u.products.get("BOX-1").weight_g == 150 and u.stock.get("BOX-1") is None
    rejected = catalogue.rejected_rows_csv(parsed, report).splitlines()
    assert rejected[0] == "sku,name,barcode,weight_g,bin,opening_stock,colour,error"
    assert rejected[1].startswith("TEA-2,Green tea,4006381333932,100,A-01-2,5,,line 3: ")
    assert len(rejected) == 5  # every row not taken, as it was: nothing is lost


def test_a_catalogue_file_may_give_the_chinese_name_and_a_file_without_it_keeps_it(uow):
    catalogue.import_catalogue(uow(), catalogue.read_catalogue(
        "sku,name,中文名称,barcode\nTEA-1,Oolong tea,乌龙茶,4006381333931\n"), "Mei")
    assert catalogue.product_details(uow(), "TEA-1").name_zh == "乌龙茶"
    catalogue.import_catalogue(uow(), catalogue.read_catalogue(
        "sku,name,weight_g\nTEA-1,Oolong tea 100g,120\n"), "Mei")
    stored = catalogue.product_details(uow(), "TEA-1")
    assert (stored.name, stored.name_zh, stored.weight_g) == ("Oolong tea 100g", "乌龙茶", 120)
    headers, rows = catalogue.export_catalogue(uow())  # and the export carries it again
    assert dict(zip(headers, rows[0], strict=True))["name_zh"] == "乌龙茶"


def test_opening_stock_is_counted_once(uow):
    once = "sku,name,opening_stock\nTEA-1,Tea,10\n"
    catalogue.import_catalogue(uow(), catalogue.read_catalogue(once), "Mei")
    again = catalogue.import_catalogue(uow(), catalogue.read_catalogue(once), "Mei")
    assert again.rows_taken == 0
    assert "TEA-1 already has stock (10 on hand); opening stock is counted once" in str(
        again.problems[0].problem)
    assert stock_history(uow(), "TEA-1").level.available == 10


def test_a_stock_only_file_keeps_the_weights_bins_and_barcodes_already_stored(uow):
    catalogue.save_product(uow(), ProductInput("TEA-1", "Oolong tea", "4006381333931", 120,
                                               "A-01-1", "/img/tea.png"))
    report = catalogue.import_catalogue(uow(), catalogue.read_catalogue(
        "sku,name,opening_stock\nTEA-1,Oolong tea 100g,12\n"), "Mei")
    assert (report.updated, report.units) == (1, 12)
    tea = catalogue.product_details(uow(), "TEA-1")
    assert (tea.name, tea.barcode, tea.weight_g, tea.bin_location, tea.image_path) == (
        "Oolong tea 100g", "4006381333931", 120, "A-01-1", "/img/tea.png")


def test_a_file_without_sku_or_name_columns_says_what_the_first_line_must_be():
    with pytest.raises(InvalidInput, match="no name column; the first line must name the "
                                           "columns"):
        catalogue.read_catalogue("sku;title_of_it\nA;B\n")


def test_semicolons_and_kilograms_and_chinese_headers_read(uow):
    text = "商家编码;商品名称;条码;weight_kg;期初库存\nTEA-9;乌龙茶;4006381333931;0,125;7\n"
    report = catalogue.import_catalogue(uow(), catalogue.read_catalogue(text), "Mei")
    assert report.problems == () and report.units == 7
    with uow() as u:
        assert (u.products.get("TEA-9").name, u.products.get("TEA-9").weight_g) == ("乌龙茶", 125)


def _packdesk(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACKDESK_SUPERVISOR": "Mei",
           "PACKDESK_PIN": "2580"}
    return subprocess.run([sys.executable, "-m", "main", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


def test_packdesk_products_import_and_add_on_the_command_line(tmp_path):
    db, file = tmp_path / "shop.db", tmp_path / "catalogue.csv"
    file.write_text(CATALOGUE, encoding="utf-8")
    assert _packdesk(db, "init", "--supervisor", "Mei").returncode == 0  # PIN 2580
    refused = _packdesk(db, "products", "import", str(file))
    assert refused.returncode == 1
    assert "line 4 (MUG-1): The product name is empty." in refused.stderr
    assert "Nothing was imported: rows with problems: 4 of 6." in refused.stderr
    done = _packdesk(db, "products", "import", str(file), "--yes")
    assert done.returncode == 1, done.stderr
    assert "Products added: 2, changed: 0. Opening stock: 24 units for 1 SKUs" in done.stdout
    rejects = tmp_path / "catalogue.rejected.csv"
    assert f"Rows not imported: 4. They are in {rejects}" in done.stderr
    assert rejects.read_text(encoding="utf-8").count("\n") == 5
    added = _packdesk(db, "products", "add", "POT-1", "--name", "Teapot", "--barcode",
                      "4006381333948", "--weight-g", "650", "--name-zh", "茶壶")
    assert added.returncode == 0, added.stderr
    assert added.stdout.split("\t")[-1].strip() == "茶壶"
    exported = tmp_path / "out.csv"
    assert _packdesk(db, "products", "export", str(exported)).returncode == 0
    rows = exported.read_text(encoding="utf-8-sig").splitlines()
    name_zh = rows[0].split(",").index("name_zh")
    assert [r.split(",")[name_zh] for r in rows if r.startswith("POT-1,")] == ["茶壶"]
    wrong = _packdesk(db, "products", "add", "POT-2", "--name", "Teapot", "--barcode",
                      "4006381333949")
    assert wrong.returncode == 2 and "should be 8 (GS1 check digit)" in wrong.stderr
    listed = _packdesk(db, "products", "list").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["BOX-1", "POT-1", "TEA-1"]
    carrier = _packdesk(db, "carrier", "add", "OWN", "--name", "Our van", "--prefix", "PK")
    assert carrier.returncode == 0, carrier.stderr
    assert "first tracking number is PK00000001" in carrier.stdout


def test_an_own_code_someone_typed_already_is_skipped_for_the_next_number(uow):
    from app.services.product_labels import LabelRequest, labels_for, own_code

    catalogue.save_product(uow(), ProductInput("BAG-1", "Tote bag"))
    with uow() as u:
        bag_id = u.products.get("BAG-1").id
    catalogue.save_product(uow(), ProductInput("CUP-1", "Cup", own_code(bag_id)))
    [label] = labels_for(uow(), [LabelRequest("BAG-1", 2)], "Mei")
    assert (label.code, label.copies, label.code_is_new) == (own_code(bag_id + 1), 2, True)
    [again] = labels_for(uow(), [LabelRequest("BAG-1")], "Mei")  # the code is kept
    assert (again.code, again.code_is_new) == (own_code(bag_id + 1), False)
    with pytest.raises(InvalidInput, match="give 1 to 500 copies, not 0"):
        labels_for(uow(), [LabelRequest("BAG-1", 0)], "Mei")
