"""The one rule for an item scan: what a scanned product does to the lines of a parcel.

Both sides of the bench call it: the store's scan (`PackSession.verify`, under
`services.packing.scan_item`) on the parcel's orders, and the main thread's fast path
(`services.painted_ahead`) on the order shown on screen, so the verdict painted ahead is
the store's verdict by construction, not by a second copy of the rule.

The rule sees the lines of the scanned SKU as `LineRoom`s in fill order (oldest order
first), and answers an `ItemDecision`: the result, the message, and where the units go.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.barcodes import scan_problem
from app.domain.messages import Msg
from app.domain.parcels import fill_oldest_first, parcel_fill_message

MAX_QUANTITY = 999


class ScanResult(StrEnum):
    VERIFIED = "verified"
    WRONG_ITEM = "wrong_item"
    UNKNOWN_CODE = "unknown_code"
    OVER_SCAN = "over_scan"
    DUPLICATE_SERIAL = "duplicate_serial"
    MANUAL = "manual"  # confirmed by hand, with a reason


@dataclass(frozen=True)
class LineRoom:
    """One line of the scanned SKU, as the rule needs it."""

    order_number: str
    name: str
    quantity: int
    verified: int

    @property
    def room(self) -> int:
        return self.quantity - self.verified


@dataclass(frozen=True)
class Scanned:
    """What the scanned code is: the product, and how many units one scan counts."""

    sku: str
    name: str
    pack_quantity: int = 1


@dataclass(frozen=True)
class ItemDecision:
    result: ScanResult
    message: str
    sku: str = ""
    shares: tuple[tuple[int, int], ...] = ()  # (index in the lines given, units)
    filled: tuple[tuple[str, int, int], ...] = ()  # (order, verified, quantity) after it

    @property
    def counts(self) -> bool:
        return bool(self.shares)


def scan_refusal(text: str, quantity: int) -> str | None:
    """Why a scan is refused before anything is read: garbage, or an absurd quantity."""
    problem = scan_problem(text)
    if problem:
        return problem
    if not 1 <= quantity <= MAX_QUANTITY:
        return Msg("Quantity {quantity} is not between 1 and {limit}.", quantity=quantity,
                   limit=MAX_QUANTITY)
    return None


def decide_item(scanned: Scanned | None, raw: str, lines: Sequence[LineRoom], quantity: int,
                merged: bool, outstanding: Callable[[], str] = lambda: "",
                serial_refusal: str | None = None) -> ItemDecision:
    """The verdict of one item scan against the lines of its SKU (`lines`, fill order).

    `outstanding` says what the parcel still expects (only asked for a wrong item);
    `serial_refusal` is why the scan's serial number cannot count (already scanned)."""
    if scanned is None:
        return ItemDecision(ScanResult.UNKNOWN_CODE,
                            Msg("“{code}” is not a product code Packdesk knows.", code=raw))
    if not lines:
        template = ("Wrong item: {sku} {name} is in none of this parcel's orders. "
                    "Still expected: {expected}." if merged else
                    "Wrong item: {sku} {name} is not in this order. Still expected: {expected}.")
        return ItemDecision(ScanResult.WRONG_ITEM, Msg(template, sku=scanned.sku,
                                                       name=scanned.name,
                                                       expected=outstanding()), scanned.sku)
    if serial_refusal is not None:
        return ItemDecision(ScanResult.DUPLICATE_SERIAL, serial_refusal, scanned.sku)
    units = quantity * scanned.pack_quantity
    shares = fill_oldest_first((line.room for line in lines), units)
    if shares is None:
        return ItemDecision(ScanResult.OVER_SCAN, over_scan_message(
            scanned.sku, sum(line.quantity for line in lines),
            sum(line.verified for line in lines), units), scanned.sku)
    return counted(ScanResult.VERIFIED, scanned.sku, lines, shares, merged)


def counted(result: ScanResult, sku: str, lines: Sequence[LineRoom],
            shares: Sequence[tuple[int, int]], merged: bool, reason: str = "") -> ItemDecision:
    """Units counted into `lines` (`shares`): the decision, with the message the packer
    sees (per order in a merged parcel, oldest first)."""
    after = list(lines)
    for index, take in shares:
        line = after[index]
        after[index] = LineRoom(line.order_number, line.name, line.quantity,
                                line.verified + take)
    first = after[shares[0][0]]
    numbers = list(dict.fromkeys(after[index].order_number for index, _take in shares))
    filled = tuple((number, sum(x.verified for x in after if x.order_number == number),
                    sum(x.quantity for x in after if x.order_number == number))
                   for number in numbers)
    if merged:
        message = parcel_fill_message(sku, first.name, list(filled), reason)
    elif reason:
        message = Msg("{sku} confirmed by hand ({reason}): {verified} of {quantity}", sku=sku,
                      reason=reason, verified=first.verified, quantity=first.quantity)
    else:
        message = verified_message(sku, first.name, first.verified, first.quantity)
    return ItemDecision(result, message, sku, tuple(shares), filled)


def verified_message(sku: str, name: str, verified: int, quantity: int) -> Msg:
    return Msg("{sku} {name}: {verified} of {quantity}", sku=sku, name=name, verified=verified,
               quantity=quantity)


def over_scan_message(sku: str, quantity: int, verified: int, units: int) -> Msg:
    return Msg("Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is "
               "too many.", sku=sku, quantity=quantity, verified=verified, units=units)
