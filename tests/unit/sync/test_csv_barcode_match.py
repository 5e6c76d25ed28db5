"""A Shopify export line without a SKU is matched by its barcode (GTIN), then its title,
against the catalogue; a line neither matches is named with what to add where."""

from __future__ import annotations

from sync.csv_catalogue import Catalogue
from sync.csv_import import parse, preview
from tests.unit.sync.test_csv_import import SHOPIFY_FIRST, SHOPIFY_SECOND, header, write

# the shop's catalogue: GTINs with valid check digits (EAN-13 and a UPC-A)
CATALOGUE = Catalogue.of([
    ("IPOD2008GREEN", "IPod Nano - 8gb - green", ["IPOD2008GREEN", "04006381333931"]),
    ("IPOD2008RED", "IPod red", ["IPOD2008RED", "00036000291452"]),
    ("MUG-A", "Mug", ["MUG-A"]), ("MUG-B", "Mug", ["MUG-B"]),
])
COLUMNS = header("shopify_orders_export_header_current.csv") + ["Lineitem Barcode"]


def no_sku(row: dict[str, str], barcode: str = "", name: str | None = None) -> dict[str, str]:
    changed = {**row, "Lineitem sku": "", "Lineitem Barcode": barcode}
    return changed if name is None else {**changed, "Lineitem name": name}


def test_lines_without_a_sku_are_matched_by_barcode_in_any_gtin_length(tmp_path):
    # EAN-13 as printed, and the UPC-A written as 12 digits: both are the stored GTIN-14 keys
    rows = [no_sku(SHOPIFY_FIRST, "4006381333931", name="Green iPod (renamed in the shop)"),
            no_sku(SHOPIFY_SECOND, "036000291452")]
    orders, errors = parse(write(tmp_path / "o.csv", COLUMNS, rows), catalogue=CATALOGUE)
    assert errors == []
    assert [(ln.sku, ln.quantity) for ln in orders[0].lines] == [("IPOD2008GREEN", 1),
                                                                 ("IPOD2008RED", 2)]


def test_a_line_without_sku_or_barcode_is_matched_by_its_exact_title(tmp_path):
    # Shopify's own export: no barcode column at all
    cols = header("shopify_orders_export_header_current.csv")
    rows = [no_sku(SHOPIFY_FIRST, name="ipod nano -  8GB - Green"), SHOPIFY_SECOND]
    rows[0].pop("Lineitem Barcode")
    orders, errors = parse(write(tmp_path / "o.csv", cols, rows), catalogue=CATALOGUE)
    assert errors == [] and orders[0].lines[0].sku == "IPOD2008GREEN"


def test_each_row_neither_matches_says_what_to_add(tmp_path):
    rows = [SHOPIFY_FIRST,
            {**no_sku(SHOPIFY_SECOND, "5901234123457", name="Poster"), "Name": "#1002"},
            {**no_sku(SHOPIFY_SECOND, name="Poster"), "Name": "#1003"},
            {**no_sku(SHOPIFY_SECOND, name="Mug"), "Name": "#1004"}]
    previews = preview(write(tmp_path / "o.csv", COLUMNS, rows), catalogue=CATALOGUE)
    assert [p.errors for p in previews][0] == ()
    assert previews[1].errors == (
        "line 'Poster' has no SKU, and its barcode '5901234123457' is on no product in the "
        "catalogue: add the barcode to its product (Tools → Products…, or packdesk "
        "products add SKU --name NAME --barcode 5901234123457) or give the variant a SKU in the shop, then import again",)
    assert previews[2].errors == (
        "line 'Poster' has no SKU and no barcode, and no single product in the catalogue is "
        "named so: give the variant a SKU (or a barcode) in the shop and export again, or add "
        "a product with that exact name",)
    assert "two products in the catalogue have that name" in previews[3].errors[0]


def test_a_sku_in_the_export_wins_over_the_barcode(tmp_path):
    row = {**SHOPIFY_FIRST, "Lineitem Barcode": "036000291452"}  # RED's barcode, GREEN's SKU
    orders, _ = parse(write(tmp_path / "o.csv", COLUMNS, [row]), catalogue=CATALOGUE)
    assert orders[0].lines[0].sku == "IPOD2008GREEN"


def test_without_a_catalogue_the_old_message_stands(tmp_path):
    previews = preview(write(tmp_path / "o.csv", COLUMNS, [no_sku(SHOPIFY_FIRST, "1")]))
    assert previews[0].errors == ("line 'IPod Nano - 8gb - green' has no SKU",)
