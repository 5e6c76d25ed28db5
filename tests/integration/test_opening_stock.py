"""Opening stock from a file (SKU, bin, quantity, lot, expiry) and the catalogue as an Excel
workbook, in and out: on a real SQLite store, and through the real CLI with real .xlsx files
written by openpyxl as Excel writes them (numbers as numbers, dates as dates)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import InvalidInput
from app.services import catalogue, opening_stock
from app.services.catalogue import ProductInput
from app.services.stock import lots, stock_history
from sync.csv_encoding import CsvImportError
from sync.tabular import read_table

ROOT = Path(__file__).resolve().parents[2]

STOCK = """sku,bin,quantity,lot,expiry,note
TEA-1,A-01-1,24,L2401,2027-03-31,first delivery
TEA-1,A-01-1,6,L2402,31.12.2027,
TEA-2,A-01-2,5,,,
MUG-1,B-02,3,,,
NOPE-1,C-01,4,,,
TEA-3,A-02,zero,,,
TEA-4,A-03,2,,2027-02-30,
TEA-4,A-03,2,,2027-05-01,
TEA-1,A-01-1,1,L2401,2027-03-31,
TEA-1,A-09,1,L2403,,
"""


def _products(uow, *skus: str) -> None:
    for sku in skus:
        catalogue.save_product(uow(), ProductInput(sku, f"Product {sku}"))


def test_a_stock_file_goes_through_the_ledger_with_lots_expiries_and_bins(uow):
    _products(uow, "TEA-1", "TEA-2", "TEA-3", "TEA-4", "MUG-1")
    catalogue.import_catalogue(uow(), catalogue.read_catalogue(
        "sku,name,opening_stock\nMUG-1,Mug,8\n"), "Mei")  # MUG-1 has stock already
    parsed = opening_stock.read_stock_text(STOCK)
    assert parsed.ignored_columns == ("note",)
    preview = opening_stock.import_stock(uow(), parsed, "Mei", preview=True)
    assert (preview.rows, preview.units, preview.stored) == (3, 35, False)
    with uow() as u:
        assert u.stock.get("TEA-1") is None  # a preview stores nothing

    report = opening_stock.import_stock(uow(), parsed, "Mei")
    assert (report.rows, report.skus, report.units, report.lots, report.bins_set) == (
        3, 2, 35, 2, 2)
    assert [(p.line, p.sku, str(p.problem)) for p in report.problems] == [
        (5, "MUG-1", "SKU MUG-1 already has stock (8 on hand); opening stock is counted once. "
                     "Count it again with Tools → Cycle count."),
        (6, "NOPE-1", "There is no product NOPE-1; add it first (packdesk products add or "
                      "products import, or Tools → Products)."),
        (7, "TEA-3", "The quantity “zero” is not a whole number from 1 to 1000000."),
        (8, "TEA-4", "The expiry “2027-02-30” is not a date; write it as YYYY-MM-DD, for "
                     "instance 2027-03-31."),
        (9, "TEA-4", "An expiry date belongs to a lot: give the lot too, or leave the expiry "
                     "empty."),
        (10, "TEA-1", "TEA-1 lot L2401 is on line 2 already; give each lot one line."),
        (11, "TEA-1", "TEA-1 is in bin A-01-1 on line 2; a product has one bin, so put the "
                      "same bin on each of its lines."),
    ]
    history = stock_history(uow(), "TEA-1")
    assert [(r.from_bucket, r.to_bucket, r.quantity, r.reason, r.by) for r in history.rows] == [
        ("supplier", "available", 24, "opening stock", "Mei"),
        ("supplier", "available", 6, "opening stock", "Mei")]
    assert history.level.available == 30 and history.consistent
    assert [(lot.lot, lot.expiry, lot.on_hand) for lot in lots(uow(), "TEA-1")] == [
        ("L2401", date(2027, 3, 31), 24), ("L2402", date(2027, 12, 31), 6)]
    assert stock_history(uow(), "TEA-2").level.available == 5
    assert stock_history(uow(), "MUG-1").level.available == 8  # not counted twice
    assert catalogue.product_details(uow(), "TEA-1").bin_location == "A-01-1"
    assert catalogue.product_details(uow(), "TEA-2").bin_location == "A-01-2"
    rejected = opening_stock.rejected_stock_csv(parsed, report).splitlines()
    assert rejected[0] == "sku,bin,quantity,lot,expiry,note,error"
    assert rejected[1] == "MUG-1,B-02,3,,,,line 5: " + str(report.problems[0].problem)
    assert len(rejected) == 8  # every row not taken, as it was


def test_the_same_file_again_is_refused_row_by_row_not_counted_twice(uow):
    _products(uow, "TEA-1")
    text = "sku,quantity,lot\nTEA-1,10,A\nTEA-1,5,B\n"
    first = opening_stock.import_stock(uow(), opening_stock.read_stock_text(text), "Mei")
    assert (first.rows, first.units, first.problems) == (2, 15, ())
    again = opening_stock.import_stock(uow(), opening_stock.read_stock_text(text), "Mei")
    assert again.rows == 0 and len(again.problems) == 2
    assert stock_history(uow(), "TEA-1").level.available == 15


def test_a_stock_file_without_sku_or_quantity_says_what_the_first_line_must_be():
    with pytest.raises(InvalidInput, match="no quantity column; the first line must name"):
        opening_stock.read_stock_text("sku,bin\nTEA-1,A\n")
    chinese = opening_stock.read_stock_text("商家编码,数量,批号,有效期\nTEA-1,3,L1,2027/3/1\n")
    assert [(r.sku, r.quantity, r.lot, r.expiry) for r in chinese.rows] == [
        ("TEA-1", 3, "L1", date(2027, 3, 1))]


def _excel_workbook(path: Path, rows: list[list]) -> None:
    """A workbook as Excel keeps a person's typing: numbers and dates are not text."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_a_workbook_reads_like_the_csv_numbers_and_dates_as_a_person_typed_them(tmp_path):
    path = tmp_path / "stock.xlsx"
    _excel_workbook(path, [[], ["sku", "quantity", "lot", "expiry", "barcode"],
                           ["TEA-1", 24, "L1", datetime(2027, 3, 31), 4006381333931],
                           [None, None, None, None, None],
                           ["TEA-2", 5.0, None, None, 6.5]])
    table = read_table(path.read_bytes(), path.name)
    assert table.headers == ("sku", "quantity", "lot", "expiry", "barcode")
    assert table.rows == (
        (3, {"sku": "TEA-1", "quantity": "24", "lot": "L1", "expiry": "2027-03-31",
             "barcode": "4006381333931"}),
        (5, {"sku": "TEA-2", "quantity": "5", "lot": "", "expiry": "", "barcode": "6.5"}))


def test_a_file_that_is_no_workbook_says_so(tmp_path):
    with pytest.raises(CsvImportError, match="not an Excel workbook that can be read"):
        read_table(b"PK\x03\x04 this is no zip", "stock.xlsx")
    with pytest.raises(CsvImportError, match=r"old Excel file \(\.xls\); save it as \.xlsx"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "stock.xls")


def _packdesk(db: Path, *args: str, supervisor: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if supervisor:
        env.update(PACKDESK_SUPERVISOR="Mei", PACKDESK_PIN="2580")
    else:
        env.pop("PACKDESK_SUPERVISOR", None)
        env.pop("PACKDESK_PIN", None)
    return subprocess.run([sys.executable, "-m", "main", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


def test_catalogue_and_stock_from_workbooks_and_the_catalogue_out_again(tmp_path):
    db = tmp_path / "shop.db"
    assert _packdesk(db, "init", "--supervisor", "Mei").returncode == 0  # PIN 2580
    products = tmp_path / "products.xlsx"
    _excel_workbook(products, [["SKU", "Name", "Barcode", "Weight (g)", "Bin"],
                               ["TEA-1", "乌龙茶 100g", 4006381333931, 120, "A-01-1"],
                               ["UPC-1", "Mints", "036000291452", 30.0, None]])
    done = _packdesk(db, "products", "import", str(products))
    assert done.returncode == 0, done.stderr
    assert "Products added: 2, changed: 0." in done.stdout
    stock = tmp_path / "stock.xlsx"
    _excel_workbook(stock, [["sku", "bin", "quantity", "lot", "expiry"],
                            ["TEA-1", "A-01-1", 24, "L2401", datetime(2027, 3, 31)],
                            ["UPC-1", "B-01", 12, None, None]])
    refused = _packdesk(db, "stock", "import", str(stock), supervisor=False)
    assert refused.returncode != 0
    assert "packdesk stock import needs a supervisor" in refused.stderr
    stocked = _packdesk(db, "stock", "import", str(stock))
    assert stocked.returncode == 0, stocked.stderr
    assert ("Opening stock: 36 units of 2 SKUs in 1 lots (reason “opening stock”); bins set: 1."
            in stocked.stdout)

    exported = tmp_path / "out.xlsx"
    out = _packdesk(db, "products", "export", str(exported), supervisor=False)
    assert out.returncode == 0, out.stderr  # reading the catalogue needs nobody
    assert "Products exported: 2" in out.stdout
    sheet = load_workbook(exported).worksheets[0]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["sku", "name", "barcode", "weight_g", "bin", "image", "name_zh"],
        ["TEA-1", "乌龙茶 100g", "4006381333931", 120, "A-01-1", None, None],
        ["UPC-1", "Mints", "036000291452", 30, "B-01", None, None]]  # the leading 0 stays
    as_csv = tmp_path / "out.csv"
    assert _packdesk(db, "products", "export", str(as_csv)).returncode == 0
    assert as_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens the Chinese right
    assert as_csv.read_text(encoding="utf-8-sig").splitlines()[1] == (
        "TEA-1,乌龙茶 100g,4006381333931,120,A-01-1,,")

    fresh = tmp_path / "fresh.db"  # the export imports as it is into a new store
    assert _packdesk(fresh, "init", "--supervisor", "Mei").returncode == 0
    again = _packdesk(fresh, "products", "import", str(exported))
    assert again.returncode == 0 and "Products added: 2, changed: 0." in again.stdout
    listed = _packdesk(fresh, "products", "list").stdout.splitlines()
    assert listed == ["TEA-1\t乌龙茶 100g\t4006381333931\t120 g\tA-01-1",
                      "UPC-1\tMints\t036000291452\t30 g\tB-01"]


def test_a_bad_stock_file_stores_nothing_without_yes_and_keeps_the_rest(tmp_path):
    db = tmp_path / "shop.db"
    assert _packdesk(db, "init", "--supervisor", "Mei").returncode == 0
    assert _packdesk(db, "products", "add", "TEA-1", "--name", "Tea").returncode == 0
    stock = tmp_path / "stock.csv"
    stock.write_text("sku,quantity\nTEA-1,4\nGHOST,2\n", encoding="gb18030")
    refused = _packdesk(db, "stock", "import", str(stock))
    assert refused.returncode == 1
    assert "line 3 (GHOST): There is no product GHOST" in refused.stderr
    assert "Nothing was imported: rows with problems: 1 of 2." in refused.stderr
    taken = _packdesk(db, "stock", "import", str(stock), "--yes")
    assert taken.returncode == 1 and "Opening stock: 4 units of 1 SKUs" in taken.stdout
    rejects = tmp_path / "stock.rejected.csv"
    assert rejects.read_text(encoding="utf-8").splitlines()[1].startswith('GHOST,2,"line 3: ')
    missing = _packdesk(db, "stock", "import", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
