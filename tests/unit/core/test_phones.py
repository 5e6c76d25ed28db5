"""Receivers' phones, checked per country by libphonenumber's data (phonenumbers)."""

from __future__ import annotations

import pytest

from app.domain.phones import display_phone, phone_problems
from app.domain.translation import translate


@pytest.mark.parametrize(("phone", "country"), [
    ("13800138000", "CN"), ("+86 138 0013 8000", "CN"), ("8613912345678", "CN"),
    ("1389289****", "CN"), ("138****8000", "CN"),  # masked by the marketplace
    ("17012345678-1234", "CN"), ("17012345678转1234", "CN"),  # virtual number and extension
    ("(503) 555-0142", "US"), ("555-625-1199", "US"), ("030 901820", "DE"),
    ("+44 20 7946 0958", "GB"), ("+81 3 1234 5678", "JP"), ("+49 170 5550123", "XX"),
])
def test_numbers_a_carrier_can_dial_pass(phone, country):
    assert phone_problems(phone, country) == []


@pytest.mark.parametrize(("phone", "country", "reason"), [
    ("", "CN", "no phone number for the carrier"),
    ("  -  ", "DE", "no phone number for the carrier"),
    ("0170 55S 12345", "DE", "phone has letters or symbols in it"),
    ("13800138", "CN", "phone is not an 11-digit mainland mobile number"),
    ("010 6552 9988", "CN", "phone is not an 11-digit mainland mobile number"),  # a landline
    ("+1 503 555 0142", "CN", "phone is not an 11-digit mainland mobile number"),
    ("12800138000", "CN", "phone is not an 11-digit mainland mobile number"),
    ("555-1212", "US", "phone is too short for a US number"),
    ("03012345678901234", "DE", "phone is too long for a DE number"),
    ("123", "", "phone has 3 digits (expected 6 to 15)"),
])
def test_a_problem_names_what_is_wrong_never_the_number(phone, country, reason):
    problems = phone_problems(phone, country)
    assert problems == [reason]
    digits = "".join(c for c in phone if c.isdigit())
    assert len(digits) < 3 or digits not in "".join(problems)
    assert translate(problems[0], "zh_CN") != reason  # it has its Chinese


def test_a_phone_is_written_as_its_country_writes_it():
    assert display_phone("13800138000", "CN") == "138 0013 8000"
    assert display_phone("+8613800138000", "DE") == "+86 138 0013 8000"
    assert display_phone("5035550142", "US") == "(503) 555-0142"
    assert display_phone("1389289****", "CN") == "1389289****"  # masked: as given
    assert display_phone("call me", "CN") == "call me"
