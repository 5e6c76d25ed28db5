"""Packers and supervisors, and their PINs."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
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
