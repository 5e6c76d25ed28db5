"""Receivers' phones, checked and written the way each country numbers them, by Google's
libphonenumber data (the `phonenumbers` package), not by hand-written rules.

A parcel carrier needs a number it can dial: mainland China's carriers text the receiver, so
a CN number must be a mobile (11 digits, 1[3-9]...). Marketplaces hand software vendors a
masked number (1389289****, 138****8000) or a virtual one with an extension
(17012345678-1234, 转1234) and dial it for the carrier themselves: those pass as they are.
Outside China a number passes when its length is possible in its country (the library's
per-country lengths): its exact ranges are not asked for, since shops and platforms' examples
use numbers such as 555 ones that no range holds but a carrier label prints fine. A problem
names the field and what is wrong, never the number (reasons are stored and logged).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from phonenumbers.phonenumberutil import ValidationResult

from app.domain.messages import Msg

_DIALABLE = re.compile(r"^\+?[\d\s\-().]+$")
_CN_MASKED = re.compile(r"^(\+?86)?1\d{2}[\d*]{8}$")  # 11 places, some of them *
_CN_VIRTUAL = re.compile(r"^(\+?86)?(1\d{10})(?:-|转|,|#)(\d{1,6})$")  # a number and extension
_MOBILE = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _compact(phone: str) -> str:
    return re.sub(r"[\s\-().]", "", phone or "")


def is_masked(phone: str) -> bool:
    compact = _compact(phone)
    return "*" in compact and bool(_CN_MASKED.fullmatch(compact))


def _region(country_code: str) -> str | None:
    code = (country_code or "").strip().upper()
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def phone_problems(phone: str, country_code: str) -> list[Msg]:
    """Why a carrier could not dial this receiver's phone; empty when it can.

    Each distinct (phone, country) is read by the library once: parsing is most of an
    order's validation, and a shop's repeat buyers and re-pulled orders bring the same
    numbers again and again (a fresh list each call: callers may add to it)."""
    return list(_phone_problems((phone or "").strip(), (country_code or "").strip().upper()))


@lru_cache(maxsize=16_384)  # a few MB at most
def _phone_problems(raw: str, country_code: str) -> tuple[Msg, ...]:
    return tuple(_problems(raw, country_code))


def _problems(raw: str, country_code: str) -> list[Msg]:
    if not _compact(raw):
        return [Msg("no phone number for the carrier")]
    region = _region(country_code)
    if region == "CN" and (is_masked(raw) or _CN_VIRTUAL.fullmatch(raw.replace(" ", ""))):
        return []
    if not _DIALABLE.fullmatch(raw):
        return [Msg("phone has letters or symbols in it")]
    if region is None and not raw.startswith("+"):  # no country to read it by
        digits = len(re.sub(r"\D", "", raw))
        return [] if 6 <= digits <= 15 else [
            Msg("phone has {digits} digits (expected 6 to 15)", digits=digits)]
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException as exc:
        if exc.error_type == NumberParseException.TOO_LONG:
            return [Msg("phone is too long for a {country} number", country=region or "")]
        return [Msg("phone is not a number the carrier can dial")]
    if region == "CN" and (phonenumbers.region_code_for_number(number) != "CN"
                           or phonenumbers.number_type(number) not in _MOBILE):
        return [Msg("phone is not an 11-digit mainland mobile number")]
    country = region or phonenumbers.region_code_for_number(number) or "international"
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible in (ValidationResult.TOO_SHORT, ValidationResult.INVALID_LENGTH,
                    ValidationResult.IS_POSSIBLE_LOCAL_ONLY):  # no area code: not from afar
        return [Msg("phone is too short for a {country} number", country=country)]
    if possible == ValidationResult.TOO_LONG:
        return [Msg("phone is too long for a {country} number", country=country)]
    if possible == ValidationResult.INVALID_COUNTRY_CODE:
        return [Msg("phone is not a number the carrier can dial")]
    return []


def display_phone(phone: str, country_code: str) -> str:
    """The phone as its country writes it (138 0013 8000 at home, +86 138 0013 8000 abroad);
    a masked, virtual or unreadable number stays as it was given."""
    raw = (phone or "").strip()
    region = _region(country_code)
    if not raw or is_masked(raw) or not _DIALABLE.fullmatch(raw):
        return raw
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return raw
    if not phonenumbers.is_valid_number(number):
        return raw
    home = phonenumbers.region_code_for_number(number) == region
    return phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL)
