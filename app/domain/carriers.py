"""Carrier profiles: where tracking numbers come from.

An own-fleet or local-courier profile hands out numbers from a range of our own:
prefix + sequence + check digit (+ suffix), in the UPU S10 style when the sequence has
8 digits (weights 8,6,4,2,3,5,9,7, mod 11), GS1 mod-10 otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.barcodes import gtin_check_digit, s10_check_digit
from app.domain.errors import InvalidInput, PackdeskError


class RangeExhausted(PackdeskError):
    """The carrier's own number range is used up."""


def check_digit(serial: str) -> int:
    """The check digit of an own-range serial: S10 for 8 digits, GS1 mod-10 otherwise."""
    return s10_check_digit(serial) if len(serial) == 8 else gtin_check_digit(serial)


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

    def __post_init__(self) -> None:
        if not 4 <= self.digits <= 20:
            raise InvalidInput(f"Carrier {self.code}: {self.digits} serial digits; use 4 to 20.")
        for part, text in (("prefix", self.prefix), ("suffix", self.suffix)):
            if text and not (text.isascii() and text.isalnum() and text == text.upper()):
                raise InvalidInput(f"Carrier {self.code}: the {part} {text!r} must be "
                                   "upper-case letters and digits.")

    def allocate(self) -> str:
        """The next tracking number of the range; the row's version guards the sequence."""
        sequence = self.next_sequence
        if sequence >= 10**self.digits:
            raise RangeExhausted(f"Carrier {self.name}: the number range is used up.")
        if sequence < 1:
            raise InvalidInput(f"Carrier {self.name}: the next number {sequence} is outside "
                               f"its range 1..{10**self.digits - 1}; set the range again.")
        self.next_sequence = sequence + 1
        serial = str(sequence).zfill(self.digits)
        return f"{self.prefix}{serial}{check_digit(serial)}{self.suffix}"

    def sequence_of(self, number: str) -> int | None:
        """The sequence a number of this range was made from; None when the number is not
        one of ours (another prefix or suffix, another width, a wrong check digit)."""
        number = number.strip().upper()
        prefix, suffix = self.prefix.upper(), self.suffix.upper()
        if not (number.startswith(prefix) and number.endswith(suffix)):
            return None
        body = number[len(prefix): len(number) - len(suffix)]
        if len(body) != self.digits + 1 or not (body.isascii() and body.isdigit()):
            return None
        serial, check = body[:-1], int(body[-1])
        return int(serial) if check_digit(serial) == check else None

    def is_ours(self, number: str) -> bool:
        return self.sequence_of(number) is not None
