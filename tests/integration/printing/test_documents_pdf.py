"""Rendered documents read back the way a scanner and a person read them."""

import threading
from datetime import datetime

import numpy as np
import pytest
from pypdf import PdfReader

from printing import barcodes
from printing.documents import (
    Address,
    BarcodeSheetSection,
    PackingSlipData,
    PackingSlipLine,
    ReturnSlipData,
)
from printing.labels import render_shipping_label, render_shipping_labels
from printing.sheets import (
    render_barcode_sheet,
    render_packing_slip,
    render_product_labels,
    render_return_slip,
)
from tests.integration.printing.pdftools import decode, fonts_of, rasterise, text_of
from tests.unit.printing.samples import LYON, SEOUL, TOKYO, label


def _page_size(pdf) -> tuple[float, float]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


@pytest.mark.parametrize(("size", "points"), [("4x6", (288.0, 432.0)),
                                              ("100x150", (283.5, 425.2))])
@pytest.mark.parametrize("dpi", [203, 300])
def test_the_label_barcode_decodes_at_the_printer_resolution(tmp_path, size, points, dpi):
    pdf = tmp_path / "label.pdf"
    render_shipping_label(label("PD0000004213ZX"), pdf, size=size, dpi=dpi)
    assert _page_size(pdf) == points
    (page,) = rasterise(pdf, dpi, tmp_path / "png")
    assert decode(page) == ["PD0000004213ZX"]


def test_cjk_and_accented_text_is_extractable_and_the_font_embedded(tmp_path):
    pdf = tmp_path / "labels.pdf"
    render_shipping_labels([label(receiver=TOKYO), label(receiver=SEOUL), label(receiver=LYON)],
                           pdf)
    text = text_of(pdf)
    for expected in ("山田 太郎", "東京都新宿区", "김민수", "서울특별시", "Zoë Lefèvre-Ågård",
                     "Bâtiment É", "上海市浦东新区"):
        assert expected in text
    fonts = fonts_of(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    assert any("WenQuanYi" in f["name"] for f in fonts)


def test_bars_are_whole_dots_with_quiet_zones_when_printed_at_203_dpi(tmp_path):
    """Rendered with anti-aliasing at 203 dpi, a bar edge off the dot grid comes out grey.
    On the grid, pixels are black or white; poppler shows a faint (1/8) grey next to a bar's
    right edge from the 1e-5 pt rounding of PDF numbers, so only mid greys are refused."""
    pdf = tmp_path / "label.pdf"
    render_shipping_label(label("ZX12345678CN"), pdf, dpi=203)
    (page,) = rasterise(pdf, 203, tmp_path / "png")
    pixels = np.asarray(page)
    bars = barcodes.modules("ZX12345678CN", "code128")
    dots, _ = barcodes.fit(bars, "code128", 288 - 20, 203)
    row = pixels[_row_through_the_bars(pixels < 128, bars)]
    dark = np.flatnonzero(row < 128)
    first, last = dark[0], dark[-1]
    span = row[first - 10 * dots:last + 10 * dots]
    assert not ((span > 32) & (span < 191)).any(), "bar edges fall between printer dots"
    runs = _run_lengths(row[first:last + 1] < 128)
    assert all(run % dots == 0 for run in runs), runs
    assert "".join(("1" if i % 2 == 0 else "0") * (r // dots) for i, r in enumerate(runs)) \
        == bars
    assert (row[first - 10 * dots:first] >= 191).all()  # quiet zones stay blank
    assert (row[last + 1:last + 1 + 10 * dots] >= 191).all()


def _row_through_the_bars(dark, bars):
    """The first pixel row that changes colour exactly as often as the barcode does."""
    changes = np.abs(np.diff(dark.astype(int), axis=1)).sum(axis=1)
    expected = 2 * (bars.count("10") + 1)
    rows = np.flatnonzero(changes == expected)
    assert rows.size, "no pixel row crosses the barcode"
    return int(rows[rows.size // 2])


def _run_lengths(row):
    edges = np.flatnonzero(np.diff(row.astype(int))) + 1
    bounds = np.concatenate(([0], edges, [len(row)]))
    return list(np.diff(bounds))


def test_an_endless_address_stays_inside_the_label(tmp_path):
    endless = Address("Dr. Maximiliane Wolkenstein-Überbrückenhausen " * 3, "+49 " + "1" * 40,
                      "很长很长的地址" * 30, "Straße " * 60, "Stadt", "Land", "12345", "DE")
    pdf = tmp_path / "label.pdf"
    render_shipping_label(label(receiver=endless), pdf)
    (page,) = rasterise(pdf, 203, tmp_path / "png")
    pixels = np.asarray(page) < 128
    edge = 16  # dots: 8 pt of the 10 pt margin must stay blank
    assert not pixels[:, :edge].any() and not pixels[:, -edge:].any()
    assert not pixels[:edge].any() and not pixels[-edge:].any()
    assert decode(page) == ["ZX12345678CN"]
    assert "…" in text_of(pdf)


def test_a_batch_is_one_pdf_with_a_page_per_label(tmp_path):
    pdf = tmp_path / "batch.pdf"
    numbers = [f"ZX{n:08d}CN" for n in range(5)]
    done = []
    assert render_shipping_labels([label(n) for n in numbers], pdf, progress=done.append) == 5
    assert done == [1, 2, 3, 4, 5]
    assert [decode(p) for p in rasterise(pdf, 203, tmp_path / "png")] == [[n] for n in numbers]


def test_label_data_problems_are_named(tmp_path):
    with pytest.raises(ValueError, match="no tracking number"):
        render_shipping_label(label("  "), tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="parcel 3 of 2"):
        render_shipping_label(label(parcel_index=3), tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="unknown label size"):
        render_shipping_label(label(), tmp_path / "x.pdf", size="A6")


@pytest.mark.parametrize(("paper", "points"), [("A4", (595.3, 841.9)), ("Letter", (612.0, 792.0))])
def test_packing_slip_opens_the_order_and_lists_every_line(tmp_path, paper, points):
    lines = [PackingSlipLine(f"SKU-{n:04d}", f"保温杯 Thermos {n}", n % 3 + 1, f"A-{n:02d}")
             for n in range(45)]
    slip = PackingSlipData("PD-000123-B", "Shopify", "#1001", "山田 太郎", TOKYO, lines,
                           "请不要放发票 — gift, no invoice please", datetime(2026, 11, 20, 9, 30))
    pdf = tmp_path / "slip.pdf"
    render_packing_slip(slip, pdf, paper)
    assert _page_size(pdf) == points
    pages = rasterise(pdf, 150, tmp_path / "png")
    assert len(pages) >= 2
    assert decode(pages[0]) == ["PD-000123-B"]
    text = text_of(pdf)
    assert all(f"SKU-{n:04d}" in text for n in range(45))
    assert "请不要放发票" in text and "gift, no invoice please" in text


def test_return_slip_carries_the_rma_barcode_items_and_deadline(tmp_path):
    rma = ReturnSlipData("RMA-2026-000042", "PD-000123", [("SKU-1", "保温杯", 1)], LYON,
                         "Pack the item in its box. 箱に入れてください。", datetime(2026, 12, 31))
    pdf = tmp_path / "return.pdf"
    render_return_slip(rma, pdf)
    (page,) = rasterise(pdf, 150, tmp_path / "png")
    assert decode(page) == ["RMA-2026-000042"]
    text = text_of(pdf)
    for expected in ("PD-000123", "SKU-1", "保温杯", "Dec 31, 2026", "箱に入れてください",
                     "Zoë Lefèvre-Ågård"):
        assert expected in text


def test_product_labels_decode_as_ean13_and_code128(tmp_path):
    pdf = tmp_path / "products.pdf"
    render_product_labels([("SKU-1", "保温杯 Thermos bottle 500 ml", "400638133393", "ean13"),
                           ("SKU-2", "한글 상품", "SHELF-A-01-03", "code128")], pdf)
    pages = rasterise(pdf, 203, tmp_path / "png")
    assert [decode(p) for p in pages] == [["4006381333931"], ["SHELF-A-01-03"]]


def test_a_product_name_on_two_lines_stays_off_the_bars(tmp_path):
    """Both names of a product (English / Chinese) often take two lines: blank rows stay
    between the second line and the top of the bars, or a scanner reads the glyphs."""
    pdf = tmp_path / "label.pdf"
    render_product_labels([("POT-1", "Yixing teapot, hand-made purple clay 250 ml / 宜兴紫砂壶 "
                                     "手工 250毫升", "4006381333962", "ean13")], pdf)
    (page,) = rasterise(pdf, 203, tmp_path / "png")
    assert decode(page) == ["4006381333962"]
    dark = np.asarray(page) < 128
    share = dark.mean(axis=1)
    bars_top = next(y for y in range(len(share)) if all(share[y:y + 20] > 0.25))
    text_rows = [y for y in range(bars_top) if dark[y].any()]
    assert text_rows, "the name is printed above the bars"
    assert bars_top - text_rows[-1] > 4  # at 203 dpi, 3 pt are about 8 rows


def test_every_barcode_on_the_sheet_decodes(tmp_path):
    commands = [("Undo", "CMD-UNDO"), ("Hold", "CMD-HOLD"), ("Complete", "CMD-COMPLETE"),
                ("Log out", "CMD-LOGOUT")]
    products = [(f"商品 {n}", f"40063813339{n}", "ean13") for n in range(10)]
    orders = [(f"Order {n}", f"PD-{n:06d}") for n in range(8)]
    pdf = tmp_path / "sheet.pdf"
    render_barcode_sheet("Packdesk demo", [BarcodeSheetSection("Commands", commands),
                                           BarcodeSheetSection("Products", products),
                                           BarcodeSheetSection("Orders", orders)], pdf)
    found = sorted(t for p in rasterise(pdf, 150, tmp_path / "png") for t in decode(p))
    expected = [c for _, c in commands] + [barcodes.ean13_text(c) for _, c, _ in products] + \
        [c for _, c in orders]
    assert found == sorted(expected)


def test_slips_speak_chinese_when_asked(tmp_path):
    slip = PackingSlipData("PD-000124", "天猫", "T-88", "王芳", TOKYO, [("SKU-9", "茶杯", 1, "C-1")],
                           "", datetime(2026, 11, 21))
    pdf = tmp_path / "slip.pdf"
    render_packing_slip(slip, pdf, language="zh")
    text = text_of(pdf)
    assert "装箱单" in text and "收货人" in text and "库位" in text
    assert "买家：王芳" in text and "下单时间：2026/11/21 00:00" in text  # CLDR zh_CN
    assert "Buyer" not in text and "Item" not in text
    with pytest.raises(ValueError, match="no slip captions for 'fr'"):
        render_packing_slip(slip, tmp_path / "x.pdf", language="fr")


def test_labels_rendered_on_several_threads_at_once_read_the_same(tmp_path):
    """The spooler renders on its worker while the UI may render a preview."""
    receivers = [TOKYO, SEOUL, LYON]

    def render(n, into):
        batch = [label(f"ZX{n:08d}CN", receiver=receivers[n % 3]) for _ in range(10)]
        render_shipping_labels(batch, into)

    for n in range(4):
        render(n, tmp_path / f"alone-{n}.pdf")
    threads = [threading.Thread(target=render, args=(n, tmp_path / f"together-{n}.pdf"))
               for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n in range(4):
        assert text_of(tmp_path / f"together-{n}.pdf") == text_of(tmp_path / f"alone-{n}.pdf")
