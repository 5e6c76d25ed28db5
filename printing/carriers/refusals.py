"""A carrier's refusal in the port's classes, one way for every carrier whose answer says
what went wrong in words (Cainiao, Pinduoduo and Douyin e-waybills, JD Logistics, KDNiao):
each keeps its own words and its own advice to the packer, the order of the questions is
shared."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.messages import Msg
from app.domain.shipping import AddressRefused, BalanceExhausted, CarrierError, CarrierUnavailable


@dataclass(frozen=True)
class Words:
    """The words a carrier uses when the balance is empty, the address refused, or it is
    busy itself (each matched as a substring of what it said)."""
    balance: tuple[str, ...]
    address: tuple[str, ...]
    busy: tuple[str, ...] = ()


def refusal(said: str, key: str, words: Words, *, balance: Msg, address: Msg, rest: Msg,
            busy: Msg | None = None, busy_now: bool = False) -> CarrierError:
    """In this order: the carrier's own trouble that its code already names (`busy_now`:
    asked again later), an empty balance and a refused address (the merchant's to fix,
    known by the carrier's words), its own trouble in its words, and the rest (`rest`: the
    caller's message for what its code says, credentials, a duplicate, or plain refused)."""
    if busy_now and busy is not None:
        return CarrierUnavailable(busy, key)
    if any(word in said for word in words.balance):
        return BalanceExhausted(balance, key)
    if any(word in said for word in words.address):
        return AddressRefused(address, key)
    if busy is not None and any(word in said for word in words.busy):
        return CarrierUnavailable(busy, key)
    return CarrierError(rest, key)
