"""Dates, numbers, money and weights from Babel's CLDR data, in English and Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from app.domain import formats

AT = datetime(2026, 11, 16, 9, 5, 3, tzinfo=UTC)


def test_money_carries_the_currency_as_each_locale_writes_it():
    assert formats.money(1250, "CNY", "zh_CN") == "¥12.50"
    assert formats.money(1250, "CNY", "en") == "CN¥12.50"
    assert formats.money(1250, "USD", "zh_CN") == "US$12.50"
    assert formats.money(123456789, "EUR", "en") == "€1,234,567.89"


def test_dates_and_times_in_the_zone_asked():
    shanghai = timezone(timedelta(hours=8))
    assert formats.day(AT, "zh_CN") == "2026年11月16日"
    assert formats.day(AT, "en") == "Nov 16, 2026"
    assert formats.weekday(AT, "zh_CN") == "11月16日周一"
    assert formats.moment(AT, "zh_CN", shanghai) == "2026/11/16 17:05"
    assert formats.moment(AT, "zh_CN", seconds=True) == "2026年11月16日 09:05:03"
    assert formats.clock(AT, "zh_CN") == "09:05"


def test_numbers_weights_and_durations():
    assert formats.number(1234567.891, "zh_CN", 2) == "1,234,567.89"
    assert formats.percent(0.075, "en") == "7.5%"
    assert formats.weight(850, "zh_CN") == "850 g" and formats.weight(1500, "en") == "1.5 kg"
    assert formats.minutes(12, "zh_CN") == "12分钟" and formats.seconds(90, "en") == "90 sec"
