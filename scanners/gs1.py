"""GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR) into a structured scan.

Accepts what scanners and decoders actually deliver: an AIM prefix ("]C1", "]d2", "]Q3",
"]e0"), FNC1 as the GS character (ASCII 29) between variable-length fields, and the
human-readable form "(01)09501101530003(10)AB-123" printed under the bars.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from app.domain.barcodes import has_gs1_check_digit
from scanners.symbology import GS

GS1_AIM_PREFIXES = ("]C1", "]d2", "]Q3", "]e0", "]J1")


class Gs1Error(ValueError):
    """The text is not a valid GS1 element string; the message says where and why."""


@dataclass(frozen=True)
class Gs1Scan:
    """What the bench needs from a GS1 code, and every AI for the scan record."""

    gtin: str | None
    lot: str | None
    expiry: dt.date | None
    serial: str | None
    count: int | None
    raw_ais: dict[str, str] = field(default_factory=dict)


# AI -> (data min, data max, digits only). Fixed-length AIs have min == max.
_AI_SPECS: dict[str, tuple[int, int, bool]] = {
    "00": (18, 18, True), "01": (14, 14, True), "02": (14, 14, True), "03": (14, 14, True),
    "10": (1, 20, False), "11": (6, 6, True), "12": (6, 6, True), "13": (6, 6, True),
    "15": (6, 6, True), "16": (6, 6, True), "17": (6, 6, True), "20": (2, 2, True),
    "21": (1, 20, False), "22": (1, 20, False), "30": (1, 8, True), "37": (1, 8, True),
    "235": (1, 28, False), "240": (1, 30, False), "241": (1, 30, False), "242": (1, 6, True),
    "243": (1, 20, False), "250": (1, 30, False), "251": (1, 30, False),
    "253": (13, 30, False), "254": (1, 20, False), "255": (13, 25, True),
    "400": (1, 30, False), "401": (1, 30, False), "402": (17, 17, True), "403": (1, 30, False),
    "410": (13, 13, True), "411": (13, 13, True), "412": (13, 13, True), "413": (13, 13, True),
    "414": (13, 13, True), "415": (13, 13, True), "416": (13, 13, True), "417": (13, 13, True),
    "420": (1, 20, False), "421": (4, 12, False), "422": (3, 3, True), "423": (3, 15, True),
    "424": (3, 3, True), "425": (3, 15, True), "426": (3, 3, True), "427": (1, 3, False),
    "710": (1, 20, False), "711": (1, 20, False), "712": (1, 20, False), "713": (1, 20, False),
    "714": (1, 20, False), "715": (1, 20, False),
    "7001": (13, 13, True), "7002": (1, 30, False), "7003": (10, 10, True),
    "7004": (1, 4, True), "7005": (1, 12, False), "7006": (6, 6, True), "7007": (6, 12, True),
    "7008": (1, 3, False), "7009": (1, 10, False), "7010": (1, 2, False), "7240": (1, 20, False),
    "8001": (14, 14, True), "8002": (1, 20, False), "8003": (14, 30, False),
    "8004": (1, 30, False), "8005": (6, 6, True), "8006": (18, 18, True), "8007": (1, 34, False),
    "8008": (8, 12, True), "8009": (1, 50, False), "8010": (1, 30, False),
    "8011": (1, 12, True), "8012": (1, 20, False), "8013": (1, 25, False),
    "8017": (18, 18, True), "8018": (18, 18, True), "8019": (1, 10, True),
    "8020": (1, 25, False), "8026": (18, 18, True), "8110": (1, 70, False),
    "8111": (4, 4, True), "8112": (1, 70, False), "8200": (1, 70, False),
}
for _n in range(10):  # measures: 310n..369n (6 digits, n = decimals), 390n..395n amounts
    for _head in ("31", "32", "33", "34", "35", "36"):
        for _third in "0123456789":
            _AI_SPECS.setdefault(f"{_head}{_third}{_n}", (6, 6, True))
    _AI_SPECS.update({f"390{_n}": (1, 15, True), f"391{_n}": (4, 18, True),
                      f"392{_n}": (1, 15, True), f"393{_n}": (4, 18, True),
                      f"394{_n}": (4, 4, True), f"395{_n}": (6, 6, True)})
for _ai in range(90, 100):  # company internal
    _AI_SPECS[str(_ai)] = (1, 90, False)

_DATE_AIS = ("11", "12", "13", "15", "16", "17")
_PAREN_FIELD = re.compile(r"\((\d{2,4})\)([^()]*)")


def is_gs1(text: str, symbology: str = "") -> bool:
    """Whether a scan should be read as GS1: the decoder or the scanner says so."""
    return (symbology.startswith("gs1") or text.startswith(GS1_AIM_PREFIXES)
            or (GS in text and text[:1].isdigit()) or bool(re.match(r"\(\d{2,4}\)", text)))


def parse(text: str) -> Gs1Scan:
    """Parse a GS1 element string, in any of the forms above, or raise Gs1Error."""
    if not text or not text.strip():
        raise Gs1Error("empty scan: no GS1 data")
    body = text.strip("\r\n")
    if body.startswith(GS1_AIM_PREFIXES):
        body = body[3:]
    body = body.lstrip(GS)  # a leading FNC1 says "GS1", it carries no data
    if body.startswith("("):
        fields = _split_parenthesised(body)
    else:
        fields = _split_element_string(body)
    return _scan_from(fields)


def _split_parenthesised(body: str) -> list[tuple[str, str]]:
    fields, pos = [], 0
    for match in _PAREN_FIELD.finditer(body):
        if match.start() != pos:
            raise Gs1Error(f"unexpected text at position {pos}: {body[pos:match.start()]!r}")
        ai, value = match.group(1), match.group(2)
        if ai not in _AI_SPECS:
            raise Gs1Error(f"unknown application identifier ({ai})")
        fields.append((ai, value.rstrip(GS)))
        pos = match.end()
    if pos != len(body):
        raise Gs1Error(f"unexpected text at position {pos}: {body[pos:]!r}")
    return fields


def _split_element_string(body: str) -> list[tuple[str, str]]:
    fields, pos = [], 0
    while pos < len(body):
        ai = _ai_at(body, pos)
        low, high, _digits = _AI_SPECS[ai]
        start = pos + len(ai)
        if low == high and ai[:2] in _PREDEFINED_LENGTH:
            end = start + high
        else:
            stop = body.find(GS, start)
            end = len(body) if stop < 0 else stop
        fields.append((ai, body[start:end]))
        pos = end + 1 if end < len(body) and body[end] == GS else end
    return fields


# AIs whose length is fixed by the standard, so no FNC1 follows them (GS1 GenSpecs 7.8.5).
_PREDEFINED_LENGTH = {"00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17",
                      "18", "19", "20", "31", "32", "33", "34", "35", "36", "41"}


def _ai_at(body: str, pos: int) -> str:
    for size in (2, 3, 4):
        candidate = body[pos:pos + size]
        if candidate in _AI_SPECS and len(candidate) == size:
            return candidate
    shown = body[pos:pos + 4]
    raise Gs1Error(f"unknown application identifier at position {pos}: {shown!r}")


def _scan_from(fields: list[tuple[str, str]]) -> Gs1Scan:
    if not fields:
        raise Gs1Error("no application identifiers found")
    ais: dict[str, str] = {}
    for ai, value in fields:
        _check_value(ai, value)
        if ai in ais and ais[ai] != value:
            raise Gs1Error(f"({ai}) appears twice with different values")
        ais[ai] = value
    count = ais.get("30") or ais.get("37")
    return Gs1Scan(gtin=ais.get("01") or ais.get("02"), lot=ais.get("10"),
                   expiry=_date(ais["17"], "17") if "17" in ais else None,
                   serial=ais.get("21"), count=int(count) if count else None, raw_ais=ais)


def _check_value(ai: str, value: str) -> None:
    low, high, digits_only = _AI_SPECS[ai]
    if not low <= len(value) <= high:
        size = str(low) if low == high else f"{low} to {high}"
        raise Gs1Error(f"({ai}) needs {size} characters, got {len(value)}: {value!r}")
    if digits_only and not value.isdigit():
        raise Gs1Error(f"({ai}) must be digits only, got {value!r}")
    if not value.isprintable():
        raise Gs1Error(f"({ai}) holds a control character: {value!r}")
    if ai in ("00", "01", "02", "03", "8006", "8017", "8018") and not has_gs1_check_digit(value[:18]):
        raise Gs1Error(f"({ai}) {value} has a wrong check digit")
    if ai in _DATE_AIS:
        _date(value, ai)


def _date(value: str, ai: str, today: dt.date | None = None) -> dt.date:
    """YYMMDD with the GS1 century rule; day 00 means the last day of the month."""
    yy, month, day = int(value[:2]), int(value[2:4]), int(value[4:6])
    this_year = (today or dt.date.today()).year
    year = this_year - this_year % 100 + yy
    if yy - this_year % 100 >= 51:
        year -= 100
    elif yy - this_year % 100 <= -50:
        year += 100
    if not 1 <= month <= 12:
        raise Gs1Error(f"({ai}) {value}: month {month:02d} does not exist")
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Gs1Error(f"({ai}) {value}: day {day:02d} does not exist in that month") from None
