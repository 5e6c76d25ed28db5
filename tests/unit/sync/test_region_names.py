"""Region codes as names and each country's address order, from Google's address data and
ISO 3166-2: what the label prints, and what review asks of a postcode."""

from __future__ import annotations

import pycountry
import pytest

from app.domain.addresses import CN_ISO_TO_GB, WOO_CN_TO_GB, address_lines, country_format
from app.domain.addresses import region_name as name
from printing.documents import Address
from sync.model import UnifiedAddress
from sync.validation import address_problems


@pytest.mark.parametrize(("country", "code", "shown"), [
    ("US", "CA", "California"),  # Shopify provinceCode and Woo state alike
    ("US", "KY", "Kentucky"),
    ("CA", "QC", "Quebec"),
    ("CN", "ZJ", "浙江省"),  # Shopify: ISO 3166-2 letters
    ("CN", "CN-SH", "上海市"),
    ("CN", "CN10", "上海市"),  # WooCommerce's own China codes
    ("CN", "CN12", "浙江省"),
    ("CN", "浙江省", "浙江省"),  # Taobao already sends the name
    ("CN", "浙江", "浙江省"),
    ("JP", "JP-13", "Tokyo"),  # Shopify's Japanese provinceCode
    ("JP", "JP13", "Tokyo"),  # WooCommerce's
    ("BR", "RJ", "Rio de Janeiro"),
    ("GB", "ENG", "England"),  # no regions in Google's data: ISO 3166-2
    ("US", "Kentucky", "Kentucky"),
    ("ZZ", "QQ", "QQ"),  # nothing knows it: as the channel sent it
    ("US", "", ""),
])
def test_region_codes_are_shown_by_name(country, code, shown):
    assert name(country, code) == shown


def test_every_china_table_entry_is_one_google_knows():
    """The two code tables are checked against the libraries, not against themselves."""
    regions = country_format("CN").regions
    iso = {s.code.removeprefix("CN-") for s in pycountry.subdivisions.get(country_code="CN")}
    assert set(CN_ISO_TO_GB) == iso
    assert all(gb in regions for gb in [*CN_ISO_TO_GB.values(), *WOO_CN_TO_GB.values()])
    assert len(set(WOO_CN_TO_GB.values())) == len(WOO_CN_TO_GB) == 32


def test_a_chinese_address_prints_big_to_small():
    assert address_lines("CN", line1="文一西路969号", line2="余杭区", city="杭州市",
                         region="ZJ", postcode="311121") == \
        ["311121", "浙江省杭州市余杭区", "文一西路969号"]


@pytest.mark.parametrize(("country", "fields", "lines"), [
    ("US", {"line1": "969 Market", "city": "San Francisco", "region": "CA",
            "postcode": "94103"}, ["969 Market", "San Francisco, California 94103"]),
    ("DE", {"line1": "Unter den Linden 1", "line2": "2. OG", "city": "Berlin",
            "region": "BE", "postcode": "10117"},
     ["Unter den Linden 1", "2. OG", "10117 Berlin"]),
    ("GB", {"line1": "10 Downing St", "city": "London", "postcode": "SW1A 2AA"},
     ["10 Downing St", "London", "SW1A 2AA"]),
    # Japan's format has no city field (it is part of the street): it is kept there
    ("JP", {"line1": "1-1 Chiyoda", "city": "Chiyoda-ku", "region": "JP-13",
            "postcode": "100-0001"}, ["1-1 Chiyoda, Chiyoda-ku, Tokyo", "100-0001"]),
])
def test_western_addresses_print_in_their_countrys_order(country, fields, lines):
    assert address_lines(country, **fields) == lines


def test_the_label_and_slip_address_uses_the_countrys_format():
    receiver = Address("John Doe", "(555) 555-5555", "969 Market", "", "San Francisco",
                       "CA", "94103", "US")
    assert receiver.lines() == ["969 Market", "San Francisco, California 94103", "US"]
    woo_cn = Address("张三", "13800138000", "南京东路1号", "黄浦区", "", "CN10", "200001",
                     "CN")
    assert woo_cn.lines() == ["200001", "上海市黄浦区", "南京东路1号", "CN"]


def review(country: str, postcode: str) -> list[str]:
    return address_problems(UnifiedAddress("A Buyer", "Street 1", "", "Town", "", postcode,
                                           country))


@pytest.mark.parametrize(("country", "postcode", "reasons"), [
    ("US", "94103", []), ("US", "94103-1234", []), ("US", "9410", ["postcode is not a valid "
                                                                   "US postcode"]),
    ("GB", "SW1A 2AA", []), ("GB", "SW1A", ["postcode is not a valid GB postcode"]),
    ("NL", "1012 AB", []), ("NL", "ABCD", ["postcode is not a valid NL postcode"]),
    ("BR", "", ["shipping address in BR has no postcode"]),  # Google: required in Brazil
    ("CN", "", []),  # Chinese carriers route by 省市区
    ("CN", "31112", ["postcode is not a valid CN postcode"]),
    ("HK", "", []),  # Hong Kong has no postcodes
])
def test_postcodes_are_checked_against_each_countrys_rule(country, postcode, reasons):
    assert review(country, postcode) == reasons


@pytest.mark.parametrize(("country", "region", "flagged"), [
    ("US", "CA", False), ("US", "California", False), ("US", "Calif", True),
    ("US", "XX", True), ("CN", "CN12", False), ("CN", "浙江", False), ("CN", "火星省", True),
    ("JP", "JP-13", False), ("JP", "Tokyo", False), ("JP", "東京都", False),
    ("DE", "Bavaria", False),  # Germany's post needs no region: not checked
    ("US", "", False),  # an empty one is the city-or-region rule's
])
def test_a_region_the_country_does_not_have_goes_to_review(country, region, flagged):
    reasons = address_problems(UnifiedAddress("A Buyer", "Street 1", "", "Town", region,
                                              "", country))
    assert (f"region is not one of {country}'s states or provinces" in reasons) is flagged
