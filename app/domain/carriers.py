"""Carrier profiles: where tracking numbers come from.

An own-fleet or local-courier profile hands out numbers from a range of our own:
prefix + sequence + check digit (+ suffix), in the UPU S10 style when the sequence has
8 digits (weights 8,6,4,2,3,5,9,7, mod 11), GS1 mod-10 otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.barcodes import gtin_check_digit, s10_check_digit
from app.domain.errors import InvalidInput, PackdeskError
from app.domain.messages import Msg


class RangeExhausted(PackdeskError):
    """The carrier's own number range is used up."""


def check_digit(serial: str) -> int:
    """The check digit of an own-range serial: S10 for 8 digits, GS1 mod-10 otherwise."""
    return s10_check_digit(serial) if len(serial) == 8 else gtin_check_digit(serial)


def parse_cutoff(text: str) -> int | None:
    """ "17:00" -> 1020; "" -> None; anything else is refused in words."""
    if not text:
        return None
    hours, _, minutes = text.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise InvalidInput(Msg("The hand-over cut-off {text!r} is not a time of day; give it as HH:MM, for instance 17:00.",
                               text=text))
    return int(hours) * 60 + int(minutes)


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
    # the carrier adapter that issues this profile's labels ("easypost", "sf_express" ...);
    # empty: numbers from the range above (self-delivery, local couriers)
    api: str = ""
    api_url: str = ""  # the adapter's endpoint when not its default (a sandbox, a test server)
    # the adapter's plain settings (SF partner id and monthly card, Cainiao cp_code and
    # template, KDNiao shipper code, Shippo carrier ...); its secrets live in the keyring
    api_settings: dict[str, str] = field(default_factory=dict)
    # the hand-over: packed parcels must be scanned out by this time of day ("17:00", in
    # handover_zone, "" = UTC), and a parcel on its way alerts after quiet_hours without news
    handover_cutoff: str = ""
    handover_zone: str = ""
    quiet_hours: int = 0
    version: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        if not 4 <= self.digits <= 20:
            raise InvalidInput(Msg("Carrier {code}: {digits} serial digits; use 4 to 20.",
                                   code=self.code, digits=self.digits))
        for part, text in (("prefix", self.prefix), ("suffix", self.suffix)):
            if text and not (text.isascii() and text.isalnum() and text == text.upper()):
                raise InvalidInput(Msg("Carrier {code}: the {part} {text!r} must be upper-case letters and digits.",
                                       code=self.code, part=part, text=text))

    def allocate(self) -> str:
        """The next tracking number of the range; the row's version guards the sequence."""
        sequence = self.next_sequence
        if sequence >= 10**self.digits:
            raise RangeExhausted(Msg("Carrier {name}: the number range is used up.",
                                     name=self.name))
        if sequence < 1:
            raise InvalidInput(Msg("Carrier {name}: the next number {sequence} is outside its range 1..{value}; set the range again.",
                                   name=self.name, sequence=sequence, value=10 ** self.digits - 1))
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

    def cutoff_minutes(self) -> int | None:
        """The hand-over cut-off in minutes after midnight; None when not set."""
        return parse_cutoff(self.handover_cutoff)

    @property
    def issues_labels(self) -> bool:
        """The carrier issues the number and the label through its API."""
        return bool(self.api)

    def is_ours(self, number: str) -> bool:
        return self.sequence_of(number) is not None
