"""Dates, times, numbers, money and weights as a person's locale writes them (Babel's CLDR
data), for the reports, slips, senders and screens: never a hand-written pattern.

`language` is one of the app's languages (app/domain/translation.py LANGUAGES): "en" or
"zh_CN". Times are shown in the zone given (UTC unless told).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel import units as babel_units

_LOCALES = {"en": Locale.parse("en"), "zh_CN": Locale.parse("zh_CN")}


def locale_of(language: str) -> Locale:
    return _LOCALES.get(language, _LOCALES["en"])


def _in_zone(value: datetime, zone: tzinfo) -> datetime:
    """An aware time in the zone; a naive one is taken as already in it."""
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def day(value: date | datetime, language: str, zone: tzinfo = UTC) -> str:
    """A date in full: 16 Nov 2026 / 2026年11月16日."""
    if isinstance(value, datetime):
        value = _in_zone(value, zone).date()
    return babel_dates.format_date(value, "medium", locale=locale_of(language))


def short_day(value: date | datetime, language: str, zone: tzinfo = UTC) -> str:
    """A date where room is short (a label's footer): 11/22/26 / 2026/11/22."""
    if isinstance(value, datetime):
        value = _in_zone(value, zone).date()
    return babel_dates.format_date(value, "short", locale=locale_of(language))


def weekday(value: date | datetime, language: str, zone: tzinfo = UTC) -> str:
    """A day of the week with its date, short: Mon, Nov 16 / 11月16日周一."""
    if isinstance(value, datetime):
        value = _in_zone(value, zone)
    return babel_dates.format_skeleton("MMMEd", value, locale=locale_of(language))


def chart_day(value: date | datetime, language: str) -> str:
    """A chart axis's day: 16 Mon / 16日周一."""
    return babel_dates.format_skeleton("Ed", value, locale=locale_of(language))


def moment(value: datetime, language: str, zone: tzinfo = UTC, seconds: bool = False) -> str:
    """A date and time, short: 11/16/26, 9:05 AM / 2026/11/16 09:05 (with seconds: medium,
    Nov 16, 2026, 9:05:03 AM / 2026年11月16日 09:05:03)."""
    value = _in_zone(value, zone)
    return babel_dates.format_datetime(value, "medium" if seconds else "short",
                                       tzinfo=value.tzinfo, locale=locale_of(language))


def clock(value: datetime, language: str, zone: tzinfo = UTC) -> str:
    return babel_dates.format_time(value, "short", tzinfo=zone, locale=locale_of(language))


def number(value: float | int, language: str, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, pattern, locale=locale_of(language))


def percent(rate: float, language: str, decimals: int = 1) -> str:
    """A rate of 0-1 as a percentage: 75.0%."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return babel_numbers.format_percent(rate, pattern, locale=locale_of(language))


def money(cents: int, currency: str, language: str) -> str:
    """An amount in cents of its currency: ¥12.50 in Chinese for CNY, CN¥12.50 in English."""
    amount = Decimal(cents) / 100
    return babel_numbers.format_currency(amount, currency or "CNY", locale=locale_of(language))


def weight(grams: float, language: str) -> str:
    """Grams under a kilogram, kilograms from one: 850 g, 1.23 kg."""
    if abs(grams) < 1000:
        return babel_units.format_unit(round(grams), "mass-gram", length="short",
                                       locale=locale_of(language))
    return babel_units.format_unit(round(grams / 1000, 2), "mass-kilogram", length="short",
                                   format="#,##0.##", locale=locale_of(language))


def minutes(value: float, language: str) -> str:
    return babel_units.format_unit(round(value), "duration-minute", length="short",
                                   locale=locale_of(language))


def seconds(value: float, language: str) -> str:
    return babel_units.format_unit(round(value), "duration-second", length="short",
                                   locale=locale_of(language))
