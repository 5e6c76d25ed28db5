"""The standard e-waybill drawn from carrier fields: crisp on the dot grid, as PDF and ZPL."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain.shipping import CarrierLabel, LabelFormat
from printing import barcodes
from printing.carriers.ewaybill import (
    EwaybillError,
    Qr,
    layout,
    qr_matrix,
    render_label,
    render_pdf,
    render_zpl,
)
from printing.zpl import read_labels
from tests.integration.printing.pdftools import decode, rasterise, text_of

FIELDS = {"tracking_number": "SF1040275268927", "carrier_name": "顺丰速运", "service": "T6",
          "mark_destination": "571WB-013A", "package_code": "F33", "package_center": "杭州",
          "qr": "MMM={'k1':'571WB','k5':'SF1040275268927'}", "receiver_name": "张三",
          "receiver_phone": "13800138000",
          "receiver_address": "浙江省 杭州市 余杭区 文一西路969号 " * 3,
          "sender_name": "李四", "sender_phone": "0755-12345678",
          "sender_address": "广东省 深圳市 南山区 科技园南区8栋", "items": "陶瓷马克杯 x2",
          "reference": "PD-1001", "weight_kg": "1.20"}


@pytest.mark.parametrize("template", ["100x180", "76x130"])
@pytest.mark.parametrize("dpi", [203, 300])
def test_bars_and_qr_modules_fall_on_the_printer_dots(tmp_path, template, dpi):
    pdf = tmp_path / "ewaybill.pdf"
    pdf.write_bytes(render_pdf(FIELDS, template, dpi))
    (page,) = rasterise(pdf, dpi, tmp_path / "png")
    width_mm, height_mm = (float(v) for v in template.split("x"))
    expected = (width_mm / 25.4 * dpi, height_mm / 25.4 * dpi)
    assert all(abs(got - want) <= 1 for got, want in zip(page.size, expected, strict=True))
    pixels = np.asarray(page)
    assert sorted(decode(page)) == sorted([FIELDS["tracking_number"]] * 2 + [FIELDS["qr"]])
    bars = barcodes.modules(FIELDS["tracking_number"], "code128")
    changes = np.abs(np.diff((pixels < 128).astype(int), axis=1)).sum(axis=1)
    rows = np.flatnonzero(changes == 2 * (bars.count("10") + 1))
    assert rows.size, "no pixel row crosses a barcode"
    row = pixels[int(rows[rows.size // 2])]
    dark = np.flatnonzero(row < 128)
    span = row[dark[0]:dark[-1] + 1]
    assert not ((span > 32) & (span < 191)).any(), "bar edges fall between printer dots"
    # the QR: no mid greys in it, every dark run a whole number of modules. Its rows touch,
    # so where two of poppler's faint 1/8 rounding seams cross a pixel reads 181: a module
    # off the grid reads 60-170 (tried: drawn from the bottom edge, it does).
    (qr,) = [e for e in layout(FIELDS, template) if isinstance(e, Qr)]
    left, top, side = (round(v / 25.4 * dpi) for v in (qr.x, qr.y, qr.side))
    square = pixels[top:top + side, left:left + side]
    assert not ((square > 32) & (square < 175)).any(), "QR modules fall between printer dots"
    n = len(qr_matrix(FIELDS["qr"]))
    dots = (side // (n + 8))
    middle = square[square.shape[0] // 2] < 128
    edges = np.flatnonzero(np.diff(middle.astype(int))) + 1
    runs = np.diff(edges)
    assert runs.size and all(run % dots == 0 for run in runs), (dots, runs)


def test_the_big_sort_code_and_both_parts_are_on_the_page(tmp_path):
    pdf = tmp_path / "ewaybill.pdf"
    pdf.write_bytes(render_pdf(FIELDS, "100x180", 203))
    text = text_of(pdf)
    for expected in ("571WB-013A", "集包地", "F33", "收", "寄", "张三", "13800138000",
                     "李四", "签收", "陶瓷马克杯", "PD-1001"):
        assert expected in text
    assert text.count("SF1040275268927") == 2  # 派件联 and 存根


@pytest.mark.parametrize("template, dpi, width, height", [
    ("100x180", 203, 799, 1439), ("100x180", 300, 1181, 2126), ("76x130", 203, 607, 1039)])
def test_zpl_page_and_fields(template, dpi, width, height):
    zpl = render_zpl(FIELDS, template, dpi)
    text = zpl.decode()
    assert f"^PW{width}" in text and f"^LL{height}" in text and "^CI28" in text
    (fields,) = read_labels(zpl)
    codes = [f.data for f in fields if f.command == "^BC"]
    assert codes == [FIELDS["tracking_number"]] * 2
    assert any(f.command == "^BQ" and f.data == "MA," + FIELDS["qr"] for f in fields)
    assert any(f.data == "571WB-013A" for f in fields)
    for field in fields:
        assert field.origin is not None
        x, y = field.origin
        assert 0 <= x < width and 0 <= y < height


def test_what_cannot_be_drawn_is_refused_with_the_reason():
    with pytest.raises(EwaybillError, match="no waybill number"):
        render_pdf({**FIELDS, "tracking_number": ""})
    with pytest.raises(EwaybillError, match="Cainiao print component"):
        render_zpl({**FIELDS, "receiver_address": "AES:RomTZ9FHeg4LOQTx2ly"})
    with pytest.raises(EwaybillError, match="100x180, 76x130"):
        render_pdf(FIELDS, "4x6")
    with pytest.raises(EwaybillError, match="203 or 300"):
        render_pdf(FIELDS, dpi=600)


def test_a_label_the_carrier_delivered_prints_as_delivered():
    delivered = CarrierLabel("1Z999", "easypost", LabelFormat.ZPL, label=b"^XA^FDx^FS^XZ")
    assert render_label(delivered, LabelFormat.ZPL) == b"^XA^FDx^FS^XZ"
    with pytest.raises(EwaybillError, match="delivered a zpl label"):
        render_label(delivered, LabelFormat.PDF)
    drawn = CarrierLabel("SF1040275268927", "sf_express", LabelFormat.FIELDS,
                         fields={**FIELDS, "template": "76x130"})
    assert render_label(drawn, LabelFormat.PDF).startswith(b"%PDF")
    with pytest.raises(EwaybillError, match="PDF or ZPL"):
        render_label(drawn, LabelFormat.PNG)
