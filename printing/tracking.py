"""Tracking numbers from a number range of our own (own fleet and local couriers).

The core persists the next sequence per carrier; this module only formats and checks.
With 8 serial digits the check digit is the UPU S10 one (weights 8,6,4,2,3,5,9,7, mod 11),
so numbers look and validate like postal items; other widths use the GS1 mod-10 digit
(weights 3,1 from the right), as SSCCs and most courier waybills do.
"""

from __future__ import annotations

from dataclasses import dataclass

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> str:
    remainder = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    check = 11 - remainder
    return {10: "0", 11: "5"}.get(check, str(check))


def mod10_check_digit(serial: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(serial)))
    return str((10 - total % 10) % 10)


@dataclass(frozen=True)
class OwnRangeCarrier:
    code: str
    name: str
    prefix: str
    digits: int

    def __post_init__(self) -> None:
        if not 4 <= self.digits <= 20:
            raise ValueError(f"carrier {self.code}: {self.digits} serial digits; use 4 to 20")
        if not (self.prefix.isascii() and self.prefix.isalnum() and self.prefix == self.prefix.upper()):
            raise ValueError(f"carrier {self.code}: prefix {self.prefix!r} must be "
                             "upper-case letters and digits")

    @property
    def capacity(self) -> int:
        """How many numbers the range holds (sequences 1 .. capacity-1)."""
        return 10**self.digits

    def check_digit(self, serial: str) -> str:
        return s10_check_digit(serial) if self.digits == 8 else mod10_check_digit(serial)

    def number_for(self, sequence: int) -> str:
        """The tracking number for one sequence value: prefix + serial + check digit."""
        if not 0 < sequence < self.capacity:
            raise ValueError(f"carrier {self.code}: sequence {sequence} is outside its range "
                             f"1..{self.capacity - 1}; the range is used up or wrong")
        serial = f"{sequence:0{self.digits}d}"
        return f"{self.prefix}{serial}{self.check_digit(serial)}"

    def is_valid(self, number: str) -> bool:
        """True when the number is one of ours: prefix, serial width and check digit."""
        number = number.strip().upper()
        if not number.startswith(self.prefix):
            return False
        body = number[len(self.prefix):]
        if len(body) != self.digits + 1 or not (body.isascii() and body.isdigit()):
            return False
        return self.check_digit(body[:-1]) == body[-1]

    def sequence_of(self, number: str) -> int | None:
        """The sequence a valid number was made from, None for anything else."""
        if not self.is_valid(number):
            return None
        return int(number.strip().upper()[len(self.prefix):-1])
