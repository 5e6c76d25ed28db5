"""Barcode text rules: GTIN check digits and the keys an item scan is matched by.

Products store their codes as *keys*: every GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) as 14
digits, so a UPC-A matches its EAN-13 form with a leading 0; anything else (own codes,
SKUs) upper-cased. A scan produces every key it could stand for, most likely first.
"""

from __future__ import annotations

from app.domain.messages import Msg

GTIN_LENGTHS = (8, 12, 13, 14)
MAX_SCAN_LENGTH = 256


def gtin_check_digit(body: str) -> int:
    """Check digit for the GTIN body (all digits but the last), per GS1 mod-10."""
    total = 0
    for position, char in enumerate(reversed(body)):
        weight = 3 if position % 2 == 0 else 1
        total += int(char) * weight
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    return (
        code.isascii()
        and code.isdigit()
        and len(code) in GTIN_LENGTHS
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )


def expand_upce(code: str) -> str | None:
    """UPC-E (8 digits with number system and check) to its 12-digit UPC-A, or None."""
    if len(code) != 8 or not code.isdigit() or code[0] not in "01":
        return None
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    upca = ns + body + check
    return upca if is_valid_gtin(upca) else None


def gtin_key(code: str) -> str:
    """The storage key of a valid GTIN: 14 digits."""
    return code.zfill(14)


def code_keys(text: str) -> list[str]:
    """Every product-code key a scanned text may stand for, most likely first."""
    text = text.strip()
    if not text:
        return []
    keys: list[str] = []
    if text.isascii() and text.isdigit():
        if is_valid_gtin(text):
            keys.append(gtin_key(text))
        if len(text) + 1 in GTIN_LENGTHS:  # scanned or typed without its check digit
            keys.append(gtin_key(text + str(gtin_check_digit(text))))
        upca = expand_upce(text)
        if upca:
            keys.append(gtin_key(upca))
    keys.append(text.upper())
    seen: set[str] = set()
    return [k for k in keys if not (k in seen or seen.add(k))]


def product_code_key(code: str) -> str:
    """The key under which a product's own barcode is stored."""
    code = code.strip()
    if is_valid_gtin(code):
        return gtin_key(code)
    return code.upper()


def scan_problem(text: str) -> str | None:
    """Why a raw scan cannot be a code at all, or None when it can.

    Control characters other than the GS1 group separator, and absurd lengths, mean a
    garbled read or a scanner in the wrong keyboard layout.
    """
    if not text or not text.strip():
        return Msg("The scan was empty.")
    if len(text) > MAX_SCAN_LENGTH:
        return Msg("The scan is {length} characters long; no barcode here is longer than {limit}.",
                   length=len(text), limit=MAX_SCAN_LENGTH)
    for char in text:
        if char == "\x1d":
            continue
        if not char.isprintable():
            return Msg("The scan contains a control character (U+{code}); check the scanner's "
                       "keyboard layout and suffix settings.", code=f"{ord(char):04X}")
    return None
