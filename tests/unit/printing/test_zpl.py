import pytest

from printing.documents import Address
from printing.zpl import escape, read_labels, render_shipping_label_zpl
from tests.unit.printing.samples import LYON, SEOUL, TOKYO, label


def _fields(zpl: bytes):
    (fields,) = read_labels(zpl)
    return fields


def test_the_barcode_is_a_native_code128_of_the_tracking_number():
    zpl = render_shipping_label_zpl(label("ZX12345678CN"))
    text = zpl.decode()
    assert text.startswith("^XA") and text.rstrip().endswith("^XZ")
    assert "^CI28" in text
    assert [f.data for f in _fields(zpl) if f.command == "^BC"] == ["ZX12345678CN"]
    assert "^GF" not in text  # no bitmaps


@pytest.mark.parametrize(("dpi", "size", "width", "length"), [
    (203, "4x6", 812, 1218), (300, "4x6", 1200, 1800), (203, "100x150", 799, 1199)])
def test_the_page_is_set_in_printer_dots(dpi, size, width, length):
    text = render_shipping_label_zpl(label(), dpi=dpi, size=size).decode()
    assert f"^PW{width}" in text and f"^LL{length}" in text
    by, _, _ = text.partition("^BC")
    module = int(by.rsplit("^BY", 1)[1].split(",")[0])
    assert module >= 2


@pytest.mark.parametrize("receiver", [TOKYO, SEOUL, LYON])
def test_names_and_addresses_arrive_as_utf8_text(receiver):
    fields = _fields(render_shipping_label_zpl(label(receiver=receiver)))
    printed = " ".join(f.data for f in fields)
    assert receiver.name in printed
    assert receiver.line1.split(" ")[0] in printed
    non_ascii = [f for f in fields if not f.data.isascii()]
    assert non_ascii and all(f.command == "^A@" for f in non_ascii)


def test_control_characters_in_data_cannot_break_the_label():
    tricky = Address("Mr ^XZ Evil~JA_", "1", "^FDline", "", "Town", "", "1", "X")
    zpl = render_shipping_label_zpl(label(receiver=tricky, order_number="PD^1"))
    text = zpl.decode()
    assert text.count("^XZ") == 1 and "~JA" not in text
    printed = [f.data for f in _fields(zpl)]
    assert "Mr ^XZ Evil~JA_" in printed and "Order PD^1" in printed
    assert escape("a_^~") == "a_5F_5E_7E"


def test_a_long_address_stays_above_the_barcode():
    endless = Address("Name", "", "很长的地址" * 40, "Line two " * 30, "City", "Region", "1", "CN")
    fields = _fields(render_shipping_label_zpl(label(receiver=endless)))
    bars_top = next(f.origin[1] for f in fields if f.command == "^BC")
    text_rows = [f.origin[1] for f in fields if f.origin and f.origin[1] < bars_top]
    assert text_rows
    address_rows = [f for f in fields if "很长" in f.data]
    assert address_rows and all(f.origin[1] + 45 < bars_top for f in address_rows)


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="203 or 300 dpi"):
        render_shipping_label_zpl(label(), dpi=600)
    with pytest.raises(ValueError, match="unknown label size"):
        render_shipping_label_zpl(label(), size="A4")
    with pytest.raises(ValueError, match="never ends"):
        read_labels(b"^XA^FDx^FS")
    with pytest.raises(ValueError, match="no \\^XA"):
        read_labels(b"hello")


def test_a_label_in_chinese_has_chinese_words_babel_weights_and_phones_as_written():
    shanghai = Address("王小明", "13800138000", "黄浦区南京东路 100 号", "", "上海市", "",
                       "200001", "CN")
    zh = " | ".join(f.data for f in _fields(render_shipping_label_zpl(
        label(receiver=shanghai), language="zh_CN")))
    assert "收件" in zh and "寄件" in zh and "订单 PD-000123" in zh and "包裹 1/2" in zh
    assert "1.53 kg 2026/11/22" in zh
    assert "138 0013 8000" in zh  # phonenumbers' national format, at home
    en = " | ".join(f.data for f in _fields(render_shipping_label_zpl(label(receiver=shanghai))))
    assert "TO" in en and "Order PD-000123" in en and "1.53 kg 11/22/26" in en
