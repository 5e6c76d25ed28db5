"""A pack session: one packer verifying one order, scan by scan.

Item-scan verdicts are decided here, in plain Python, so the rules (wrong item,
over-scan, case quantities, undo, serial numbers) are testable without a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.orders import Order, OrderLine


class ScanResult(StrEnum):
    VERIFIED = "verified"
    WRONG_ITEM = "wrong_item"
    UNKNOWN_CODE = "unknown_code"
    OVER_SCAN = "over_scan"
    DUPLICATE_SERIAL = "duplicate_serial"
    MANUAL = "manual"  # confirmed by hand, with a reason


COUNTED = frozenset({ScanResult.VERIFIED, ScanResult.MANUAL})


class SessionOutcome(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    PARTIAL = "partial"
    HELD = "held"
    LEFT = "left"  # the packer moved on; the order goes back to ready


@dataclass(frozen=True)
class ProductMatch:
    """What a scanned code turned out to be."""

    sku: str
    name: str
    pack_quantity: int = 1
    must_scan: bool = False


@dataclass(eq=False)
class ScanEvent:
    scan_uid: str
    raw: str
    source: str
    at: datetime
    result: str
    message: str = ""
    symbology: str = ""
    order_number: str = ""
    sku: str = ""
    quantity: int = 0
    packer: str = ""
    station: str = ""
    lot: str = ""
    serial: str = ""
    reason: str = ""
    undone_at: datetime | None = None
    session_id: int | None = None
    id: int | None = None

    @property
    def counts(self) -> bool:
        return self.result in COUNTED and self.undone_at is None


@dataclass(frozen=True)
class ItemScan:
    """One item scan as it reached the bench."""

    scan_uid: str
    raw: str
    source: str
    at: datetime
    quantity: int = 1
    symbology: str = ""
    lot: str = ""
    serial: str = ""


@dataclass(eq=False)
class PackSession:
    order_number: str
    packer: str
    station: str
    started_at: datetime
    outcome: str = SessionOutcome.OPEN
    ended_at: datetime | None = None
    events: list[ScanEvent] = field(default_factory=list)
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome == SessionOutcome.OPEN

    def _event(self, scan: ItemScan, result: ScanResult, message: str, sku: str = "",
               units: int = 0, reason: str = "") -> ScanEvent:
        event = ScanEvent(
            scan_uid=scan.scan_uid, raw=scan.raw, source=scan.source, at=scan.at,
            result=result.value, message=message, symbology=scan.symbology,
            order_number=self.order_number, sku=sku, quantity=units, packer=self.packer,
            station=self.station, lot=scan.lot, serial=scan.serial, reason=reason,
        )
        self.events.append(event)
        return event

    def verify(self, order: Order, scan: ItemScan, match: ProductMatch | None) -> ScanEvent:
        """Decide one item scan against the order, and record it."""
        if not self.is_open:
            raise NotAllowed(Msg("The pack session for {number} is closed.",
                                 number=self.order_number))
        if match is None:
            return self._event(scan, ScanResult.UNKNOWN_CODE,
                               Msg("“{code}” is not a product code Packdesk knows.", code=scan.raw))
        line = order.line_for_sku(match.sku)
        if line is None:
            return self._event(scan, ScanResult.WRONG_ITEM,
                               Msg("Wrong item: {sku} {name} is not in this order. "
                                   "Still expected: {expected}.", sku=match.sku, name=match.name,
                                   expected=_outstanding(order)), sku=match.sku)
        if scan.serial and self._serial_seen(scan.serial):
            return self._event(scan, ScanResult.DUPLICATE_SERIAL,
                               Msg("Serial {serial} was already scanned in this order.",
                                   serial=scan.serial), sku=match.sku)
        units = scan.quantity * match.pack_quantity
        if line.verified_quantity + units > line.quantity:
            return self._event(scan, ScanResult.OVER_SCAN, over_scan_message(
                match.sku, line.quantity, line.verified_quantity, units), sku=match.sku)
        line.verified_quantity += units
        return self._event(scan, ScanResult.VERIFIED,
                           verified_message(match.sku, line.name, line.verified_quantity,
                                            line.quantity), sku=match.sku, units=units)

    def confirm_by_hand(self, order: Order, scan: ItemScan, product: ProductMatch,
                        reason: str) -> ScanEvent:
        """An item with no readable barcode, confirmed by the packer with a reason."""
        if product.must_scan:
            raise NotAllowed(Msg("{sku} must be scanned; it cannot be confirmed by hand.",
                                 sku=product.sku))
        if not reason.strip():
            raise NotAllowed(Msg("Confirming an item by hand needs a reason."))
        line = order.line_for_sku(product.sku)
        if line is None or line.verified_quantity + scan.quantity > line.quantity:
            raise NotAllowed(Msg("{sku} is not outstanding in this order.", sku=product.sku))
        line.verified_quantity += scan.quantity
        return self._event(scan, ScanResult.MANUAL,
                           Msg("{sku} confirmed by hand ({reason}): {verified} of {quantity}",
                               sku=product.sku, reason=reason, verified=line.verified_quantity,
                               quantity=line.quantity),
                           sku=product.sku, units=scan.quantity, reason=reason)

    def undo_last(self, order: Order, at: datetime) -> ScanEvent | None:
        """Take back the last counted scan of this session; None when there is none."""
        for event in reversed(self.events):
            if event.counts:
                line = order.line_for_sku(event.sku)
                if line is not None:
                    line.verified_quantity -= event.quantity
                event.undone_at = at
                return event
        return None

    def close(self, outcome: SessionOutcome, at: datetime) -> None:
        self.outcome = outcome.value
        self.ended_at = at

    def _serial_seen(self, serial: str) -> bool:
        return any(e.serial == serial and e.counts for e in self.events)


def verified_message(sku: str, name: str, verified: int, quantity: int) -> Msg:
    return Msg("{sku} {name}: {verified} of {quantity}", sku=sku, name=name, verified=verified,
               quantity=quantity)


def over_scan_message(sku: str, quantity: int, verified: int, units: int) -> Msg:
    return Msg("Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is "
               "too many.", sku=sku, quantity=quantity, verified=verified, units=units)


def _outstanding(order: Order) -> str:
    open_lines: list[OrderLine] = [line for line in order.lines if not line.is_complete]
    if not open_lines:
        return Msg("nothing, the order is complete")
    return ", ".join(f"{line.sku} ×{line.outstanding}" for line in open_lines[:4]) + (
        "…" if len(open_lines) > 4 else ""
    )
