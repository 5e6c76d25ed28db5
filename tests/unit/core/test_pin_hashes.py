"""PIN hashes: the decoy that an unknown name is checked against costs one scrypt, as a
known name's does, and matches no PIN."""

from __future__ import annotations

import time

from app.domain.people import DECOY_HASH, hash_pin, pin_matches


def test_the_decoy_has_the_shape_of_a_real_hash_and_matches_no_pin():
    real = hash_pin("1234")
    assert [len(part) for part in DECOY_HASH.split("$")] == \
        [len(part) for part in real.split("$")]
    assert DECOY_HASH.split("$")[0] == "scrypt"
    for pin in ("", "0000", "1234", "decoy-never-a-pin", "5a" * 16):
        assert not pin_matches(pin, DECOY_HASH)


def test_checking_the_decoy_costs_about_what_a_real_check_costs():
    real = hash_pin("1234")

    def cost(pin_hash: str) -> float:
        started = time.process_time()
        for _ in range(5):
            pin_matches("9999", pin_hash)
        return time.process_time() - started

    decoy, known = min(cost(DECOY_HASH) for _ in range(3)), min(cost(real) for _ in range(3))
    assert 0.5 < decoy / known < 2.0
