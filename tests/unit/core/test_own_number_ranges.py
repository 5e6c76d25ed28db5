import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.barcodes import gtin_check_digit, has_gs1_check_digit, s10_check_digit
from app.domain.carriers import CarrierProfile, RangeExhausted
from app.domain.errors import InvalidInput


def mod10_check_digit(serial: str) -> str:
    return str(gtin_check_digit(serial))


class OwnRangeCarrier:
    """The range a carrier profile hands out, seen through the old helper's questions."""

    def __init__(self, code, name, prefix, digits):
        self.profile = CarrierProfile(code, name, prefix=prefix, digits=digits)

    def number_for(self, sequence: int) -> str:
        self.profile.next_sequence = sequence
        return self.profile.allocate()

    def is_valid(self, number: str) -> bool:
        return self.profile.is_ours(number)

    def sequence_of(self, number: str):
        return self.profile.sequence_of(number)


def test_s10_check_digit_matches_the_upu_example():
    # UPU S10 standard example: RR 47312482 9 GB
    assert str(s10_check_digit("47312482")) == "9"


@pytest.mark.parametrize(("serial", "check"), [
    ("00000000", "5"),  # remainder 0: 11 - 0 = 11 prints as 5
    ("00000012", "0"),  # 9 + 14 = 23, remainder 1: 11 - 1 = 10 prints as 0
    ("00000001", "4"),  # 7, remainder 7: 11 - 7 = 4
])
def test_s10_remainders_that_give_ten_or_eleven(serial, check):
    assert str(s10_check_digit(serial)) == check


def test_mod10_check_digit_matches_gs1():
    assert mod10_check_digit("400638133393") == "1"  # EAN-13 4006381333931
    assert mod10_check_digit("00614141123456789") == "0"  # SSCC 006141411234567890


def test_eight_digit_range_makes_s10_numbers():
    carrier = OwnRangeCarrier("OWN", "Own fleet", "RR", 8)
    assert carrier.number_for(47312482) == "RR473124829"
    assert carrier.is_valid("RR473124829")
    assert carrier.is_valid(" rr473124829 ")
    assert not carrier.is_valid("RR473124828")


def test_other_widths_use_mod10():
    carrier = OwnRangeCarrier("LOC", "Local courier", "LC", 10)
    number = carrier.number_for(42)
    assert number == "LC0000000042" + mod10_check_digit("0000000042")
    assert carrier.sequence_of(number) == 42


@pytest.mark.parametrize("number", ["", "RR47312482", "XX473124829", "RR47312482A",
                                    "RR4731248299", "RR４７３１２４８２９"])
def test_foreign_or_damaged_numbers_are_not_ours(number):
    carrier = OwnRangeCarrier("OWN", "Own fleet", "RR", 8)
    assert not carrier.is_valid(number)
    assert carrier.sequence_of(number) is None


@pytest.mark.parametrize(("sequence", "error", "reason"), [
    (0, InvalidInput, "outside its range"), (-1, InvalidInput, "outside its range"),
    (10**8, RangeExhausted, "used up")])
def test_sequence_outside_the_range_is_refused_with_a_reason(sequence, error, reason):
    carrier = OwnRangeCarrier("OWN", "Own fleet", "RR", 8)
    with pytest.raises(error, match=reason):
        carrier.number_for(sequence)


def test_bad_profiles_are_refused():
    with pytest.raises(InvalidInput, match="prefix"):
        OwnRangeCarrier("X", "x", "r-", 8)
    with pytest.raises(InvalidInput, match="serial digits"):
        OwnRangeCarrier("X", "x", "RR", 2)


@given(digits=st.integers(4, 14).filter(lambda n: n != 8), data=st.data())
def test_every_number_validates_and_any_single_digit_change_is_caught(digits, data):
    """True of GS1 mod 10. Not of S10: its 10 -> 0 and 11 -> 5 mapping lets some changes
    through (see the next test), which is the UPU's standard, not our choice."""
    carrier = OwnRangeCarrier("OWN", "Own fleet", "PD", digits)
    sequence = data.draw(st.integers(1, 10**digits - 1))
    number = carrier.number_for(sequence)
    assert carrier.is_valid(number)
    assert carrier.sequence_of(number) == sequence
    position = data.draw(st.integers(2, len(number) - 1))
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != number[position]]))
    damaged = number[:position] + new_digit + number[position + 1:]
    assert not carrier.is_valid(damaged)


def test_s10_round_trips_though_its_check_digit_is_weaker():
    carrier = OwnRangeCarrier("OWN", "Own fleet", "PD", 8)
    assert all(carrier.is_valid(carrier.number_for(n)) for n in range(1, 5000, 7))
    # remainders 0 and 6 both print as 5: PD000000045 and PD004000045 both validate
    assert carrier.number_for(4) == "PD000000045"
    assert carrier.is_valid("PD004000045")
    assert not carrier.is_valid("PD000000046")


def test_a_suffix_is_part_of_the_number():
    profile = CarrierProfile("UPU", "Post", prefix="RR", digits=8, suffix="CN",
                             next_sequence=47312482)
    assert profile.allocate() == "RR473124829CN"
    assert profile.sequence_of("rr473124829cn") == 47312482
    assert not profile.is_ours("RR473124829")


def test_gs1_check_digits_of_any_length():
    assert has_gs1_check_digit("4006381333931")
    assert has_gs1_check_digit("006141411234567890")  # SSCC
    assert not has_gs1_check_digit("006141411234567891")
    assert not has_gs1_check_digit("4")
    assert not has_gs1_check_digit("４００６３８１３３３９３１")  # full-width digits


def test_s10_needs_eight_ascii_digits():
    for serial in ("4731248", "473124821", "４７３１２４８２"):
        with pytest.raises(ValueError, match="8 digits"):
            s10_check_digit(serial)
