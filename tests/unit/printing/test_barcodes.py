import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from printing import barcodes


@given(text=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                    max_size=30),
       dpi=st.sampled_from(barcodes.PRINTER_DPIS),
       width=st.floats(min_value=200, max_value=600), x=st.floats(0, 50))
def test_modules_are_whole_printer_dots_and_start_on_the_dot_grid(text, dpi, width, x):
    canvas = Canvas(io.BytesIO())
    box = barcodes.draw(canvas, x, 10, text, "code128", height=40, max_width=width, dpi=dpi)
    assert box.module * dpi / 72 == pytest.approx(box.dots)
    assert box.x * dpi / 72 == pytest.approx(round(box.x * dpi / 72))
    assert box.dots <= round(barcodes.MAX_MODULE_MILS / 1000 * dpi)
    assert box.x >= x - 72 / dpi and box.x + box.width <= x + width + 72 / dpi


def test_quiet_zones_are_part_of_the_width():
    bars = barcodes.modules("PD-000123", "code128")
    dots, total = barcodes.fit(bars, "code128", 4 * 72, 203)
    assert total == len(bars) + 20
    bars = barcodes.modules("400638133393", "ean13")
    assert len(bars) == 95
    assert barcodes.fit(bars, "ean13", 4 * 72, 203)[1] == 95 + 18


def test_a_symbol_too_long_for_the_space_is_refused():
    with pytest.raises(barcodes.BarcodeError, match="does not fit"):
        barcodes.fit(barcodes.modules("X" * 60, "code128"), "code128", 72, 203)


@pytest.mark.parametrize(("text", "symbology", "message"), [
    ("运单号", "code128", "printable ASCII only"),
    ("", "code128", "printable ASCII only"),
    ("AB\x1dC", "code128", "printable ASCII only"),
    ("4006381333932", "ean13", "wrong check digit"),
    ("40063813339", "ean13", "12 or 13 digits"),
    ("ABC", "qr", "unknown symbology"),
])
def test_text_that_cannot_be_encoded_gets_a_message_naming_it(text, symbology, message):
    with pytest.raises(barcodes.BarcodeError, match=message):
        barcodes.modules(text, symbology)


def test_ean13_takes_twelve_digits_and_adds_the_check_digit():
    assert barcodes.ean13_text("400638133393") == "4006381333931"
    assert barcodes.modules("400638133393", "ean13") == \
        barcodes.modules("4006381333931", "ean13")


@pytest.mark.parametrize("text", ["ZX12345678CN", "PD-000123-LONGER-THAN-TWELVE", "1234567890123456"])
def test_the_whole_text_is_encoded(text):
    # 11 modules per symbol + 13 for the stop; digits pair up in code set C
    bars = barcodes.modules(text, "code128")
    assert len(bars) >= 11 * (len(text) // 2 + 2) + 13
