"""Barcode arithmetic, in one place: check digits (GS1 mod-10, UPU S10), UPC-E, and the
keys an item scan is matched by. Scanners, printing and the core all use these.

Products store their codes as *keys*: every GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) as 14
digits, so a UPC-A matches its EAN-13 form with a leading 0; anything else (own codes,
SKUs) upper-cased. A scan produces every key it could stand for, most likely first.
"""

from __future__ import annotations

from stdnum import ean as _ean

from app.domain.messages import Msg

GTIN_LENGTHS = (8, 12, 13, 14)
MAX_SCAN_LENGTH = 256
#: The GS1 code on the hardware test card: GTIN, expiry, lot, serial (GS1 GenSpecs example
#: GTIN). The self-test prints the card (printing/test_card.py) and reads it back.
TEST_CARD_GS1 = "(01)09501101530003(17)291231(10)TEST-LOT(21)SELFTEST1"


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit of a body of ASCII digits (weights 3, 1 from the right): the
    digit of EAN-8/13, UPC-A, GTIN-14, SSCC and most courier waybills. python-stdnum's."""
    return int(_ean.calc_check_digit(body))


def has_gs1_check_digit(digits: str) -> bool:
    """True when the last of two or more ASCII digits is the GS1 check digit of the rest
    (any length: GTINs, SSCCs, GSRNs)."""
    return (len(digits) >= 2 and digits.isascii() and digits.isdigit()
            and gtin_check_digit(digits[:-1]) == int(digits[-1]))


def is_valid_gtin(code: str) -> bool:
    return len(code) in GTIN_LENGTHS and has_gs1_check_digit(code)


S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of an 8-digit item serial (weights 8,6,4,2,3,5,9,7, mod 11;
    11 - r, with 10 written 0 and 11 written 5). python-stdnum has no S10."""
    if len(serial) != 8 or not (serial.isascii() and serial.isdigit()):
        raise ValueError(Msg("an S10 serial is 8 digits, not {serial!r}", serial=serial))
    check = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(check, check)


def _upce_body(six: str) -> str:
    """The 10 middle digits of the UPC-A that UPC-E's six digits stand for."""
    last = six[5]
    if last in "012":
        return six[0:2] + last + "0000" + six[2:5]
    if last == "3":
        return six[0:3] + "00000" + six[3:5]
    if last == "4":
        return six[0:4] + "00000" + six[4]
    return six[0:5] + "0000" + last


def expand_upce(code: str) -> str | None:
    """UPC-E (8 digits with number system and check) to its 12-digit UPC-A, or None."""
    if len(code) != 8 or not (code.isascii() and code.isdigit()) or code[0] not in "01":
        return None
    upca = code[0] + _upce_body(code[1:7]) + code[7]
    return upca if is_valid_gtin(upca) else None


def compress_upca(upca: str) -> str | None:
    """The 8-digit UPC-E of a 12-digit UPC-A, or None when it has no short form."""
    if len(upca) != 12 or not is_valid_gtin(upca) or upca[0] not in "01":
        return None
    m, p = upca[1:6], upca[6:11]
    if m[2:] in ("000", "100", "200") and p[:2] == "00":
        six = m[:2] + p[2:] + m[2]
    elif m[3:] == "00" and p[:3] == "000":
        six = m[:3] + p[3:] + "3"
    elif m[4] == "0" and p[:4] == "0000":
        six = m[:4] + p[4] + "4"
    elif p[:4] == "0000" and p[4] in "56789":
        six = m + p[4]
    else:
        return None
    return upca[0] + six + upca[11]


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
    return list(dict.fromkeys(keys))  # each key once, in order


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


MAX_PRODUCT_CODE_LENGTH = 48


def product_code_problem(code: str) -> Msg | None:
    """Why `code` cannot be put on a product, or None. A code of GTIN length made of
    digits must carry the right GS1 check digit (a typo there would make the product
    unscannable); any other code is the shop's own (printable ASCII, no spaces)."""
    code = code.strip()
    if not code:
        return Msg("The barcode is empty.")
    if len(code) > MAX_PRODUCT_CODE_LENGTH:
        return Msg("The barcode “{code}” has {length} characters; use at most {limit}.",
                   code=code[:20] + "…", length=len(code), limit=MAX_PRODUCT_CODE_LENGTH)
    if not all("!" <= char <= "~" for char in code):
        return Msg("The barcode “{code}” has a space or a character a label cannot print; "
                   "use letters, digits and - . / only.", code=code)
    if code.isdigit() and len(code) in GTIN_LENGTHS and not has_gs1_check_digit(code):
        return Msg("The barcode {code} is not a valid GTIN: its last digit should be {digit} "
                   "(GS1 check digit). Check the number on the pack.", code=code,
                   digit=gtin_check_digit(code[:-1]))
    return None


def product_code_kind(code: str) -> str:
    """'gtin' for a valid GTIN, 'own' for any other code."""
    return "gtin" if is_valid_gtin(code.strip()) else "own"
