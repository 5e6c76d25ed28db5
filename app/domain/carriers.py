"""Carrier profiles: where tracking numbers come from.

An own-fleet or local-courier profile hands out numbers from a range of our own:
prefix + sequence + check digit (+ suffix), in the UPU S10 style when the sequence has
8 digits (weights 8,6,4,2,3,5,9,7, mod 11), GS1 mod-10 otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.barcodes import gtin_check_digit
from app.domain.errors import PackdeskError

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


class RangeExhausted(PackdeskError):
    """The carrier's own number range is used up."""


def s10_check_digit(serial: str) -> int:
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def check_digit(serial: str) -> int:
    return s10_check_digit(serial) if len(serial) == 8 else gtin_check_digit(serial)


def is_valid_tracking(number: str, prefix: str, digits: int, suffix: str = "") -> bool:
    if not (number.startswith(prefix) and number.endswith(suffix)):
        return False
    body = number[len(prefix): len(number) - len(suffix) if suffix else None]
    serial, check = body[:-1], body[-1:]
    return (len(serial) == digits and serial.isdigit() and check.isdigit()
            and check_digit(serial) == int(check))


@dataclass(eq=False)
class CarrierProfile:
    code: str
    name: str
    service: str = "Standard"
    prefix: str = ""
    digits: int = 8
    suffix: str = ""
    next_sequence: int = 1
    sender_name: str = ""
    sender_phone: str = ""
    sender_address: str = ""
    version: int = 0
    id: int | None = None

    def allocate(self) -> str:
        """The next tracking number of the range; the row's version guards the sequence."""
        sequence = self.next_sequence
        if sequence >= 10**self.digits:
            raise RangeExhausted(f"Carrier {self.name}: the number range is used up.")
        self.next_sequence = sequence + 1
        serial = str(sequence).zfill(self.digits)
        return f"{self.prefix}{serial}{check_digit(serial)}{self.suffix}"
