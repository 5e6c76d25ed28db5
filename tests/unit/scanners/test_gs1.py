"""GS1 element strings, with the GS1 General Specifications' own examples."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scanners.gs1 import Gs1Error, _date, is_gs1, parse

GS = "\x1d"


def test_genspecs_datamatrix_example_human_form():
    scan = parse("(01)09501101530003(17)140704(10)AB-123")
    assert scan.gtin == "09501101530003"
    assert scan.expiry == dt.date(2014, 7, 4)
    assert scan.lot == "AB-123"
    assert scan.serial is None and scan.count is None


@pytest.mark.parametrize("prefix", ["]C1", "]d2", "]Q3", GS, ""])
def test_element_string_with_fnc1_as_gs(prefix):
    text = prefix + "0109501101530003" + "17140704" + "10AB-123" + GS + "21SN-0001"
    scan = parse(text)
    assert (scan.gtin, scan.lot, scan.serial) == ("09501101530003", "AB-123", "SN-0001")
    assert scan.raw_ais == {"01": "09501101530003", "17": "140704", "10": "AB-123",
                            "21": "SN-0001"}


def test_sscc_and_measures_from_the_spec():
    scan = parse("(00)106141412345678908")
    assert scan.raw_ais == {"00": "106141412345678908"} and scan.gtin is None
    weight = parse("]C10109501101530003" + "3103000189")
    assert weight.raw_ais["3103"] == "000189"


def test_count_of_trade_items_in_a_logistic_unit():
    scan = parse("(02)09501101530003(37)24")
    assert scan.gtin == "09501101530003" and scan.count == 24
    assert parse("(01)09501101530003(30)8").count == 8


def test_variable_field_ends_at_gs_and_fixed_field_needs_none():
    scan = parse("10LOT7" + GS + "0109501101530003" + "21" + "XYZ")
    assert (scan.lot, scan.gtin, scan.serial) == ("LOT7", "09501101530003", "XYZ")


def test_day_00_is_the_last_day_of_the_month():
    assert parse("(01)09501101530003(17)240200").expiry == dt.date(2024, 2, 29)


def test_century_rule_slides_with_today():
    today = dt.date(2026, 1, 1)
    assert _date("991231", "17", today) == dt.date(1999, 12, 31)
    assert _date("751231", "17", today) == dt.date(2075, 12, 31)
    assert _date("770101", "17", today) == dt.date(1977, 1, 1)


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("(01)09501101530004", "check digit"),
    ("(01)0950110153000", "needs 14"),
    ("(01)0950110153000X", "digits only"),
    ("(01)09501101530003(17)141304", "month 13"),
    ("(01)09501101530003(17)140230", "day 30"),
    ("(10)" + "L" * 21, "1 to 20"),
    ("(01)09501101530003(05)1", "unknown application identifier (05)"),
    ("0509501101530003", "unknown application identifier at position 0"),
    ("(01)09501101530003junk(10)A", "got 18"),
    ("(01)09501101530003(01)09501101530010", "twice"),
    ("ABC-123", "unknown application identifier"),
    ("(10)ABC)x", "unexpected text at position 7"),
])
def test_bad_strings_say_what_is_wrong(text, words):
    with pytest.raises(Gs1Error) as caught:
        parse(text)
    assert words in str(caught.value)


def test_which_scans_are_gs1():
    assert is_gs1("0109501101530003", "gs1-datamatrix")
    assert is_gs1("]C10109501101530003")
    assert is_gs1("0109501101530003" + GS + "10A")
    assert is_gs1("(01)09501101530003")
    assert not is_gs1("4006381333931", "ean13")
    assert not is_gs1("SKU-RED-42", "code128")


@given(st.text(alphabet=st.sampled_from("0123456789()]CdQ1AB-" + GS + "\r\n\x00é"), max_size=60)
       | st.text(max_size=200))
def test_any_text_parses_or_gives_a_clear_error(text):
    try:
        scan = parse(text)
    except Gs1Error as error:
        assert str(error)
    else:
        assert scan.raw_ais
