"""Packers and supervisors, and their PINs."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    PACKER = "packer"
    CLERK = "clerk"  # the returns counter
    SUPERVISOR = "supervisor"


_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """scrypt hash of a PIN, salted, as 'scrypt$<salt hex>$<hash hex>'."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, pin_hash: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = pin_hash.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


@dataclass(eq=False)
class Packer:
    name: str
    pin_hash: str
    role: Role = Role.PACKER
    active: bool = True
    id: int | None = None

    @property
    def is_supervisor(self) -> bool:
        return Role(self.role) is Role.SUPERVISOR

    def check_pin(self, pin: str) -> bool:
        return self.active and pin_matches(pin, self.pin_hash)


TRIES_BEFORE_LOCK = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=1)


@dataclass(eq=False)
class LoginAttempts:
    """Wrong PINs for one name (known or not): after every 5 in a row the name is locked,
    30 s the first time and twice as long each time after, up to an hour. A right PIN
    resets it."""

    name_key: str
    failures: int = 0
    locked_until: datetime | None = None
    id: int | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def failed(self, now: datetime) -> bool:
        """One more wrong PIN; True when it locks the name."""
        self.failures += 1
        if self.failures % TRIES_BEFORE_LOCK:
            return False
        rounds = self.failures // TRIES_BEFORE_LOCK
        self.locked_until = now + min(FIRST_LOCK * 2 ** (rounds - 1), LONGEST_LOCK)
        return True

    def succeeded(self) -> None:
        self.failures, self.locked_until = 0, None


# a PIN hash that matches nothing: an unknown name costs the same scrypt as a known one.
# Written out rather than hashed at import (an scrypt is ~0.1 s of every start-up): the
# salt is fixed and no PIN hashes to 32 zero bytes.
DECOY_HASH = "scrypt$" + "5a" * 16 + "$" + "00" * 32
