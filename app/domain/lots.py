"""Lots, expiry dates and inbound receipts.

A lot (GS1 AI 10) with its expiry (AI 17) is captured when goods arrive and again when a
packer scans a GS1 code at the bench. A StockLot keeps what was received and corrected for
one SKU's lot; what left in parcels comes from the pack scans, so a lot's balance is
received + adjusted - packed. Packing suggests the lot that expires first (FEFO).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.errors import InvalidInput
from app.domain.messages import Msg
from app.domain.transitions import Transition
from app.domain.workflow import Workflow

MAX_LOT_LENGTH = 20  # GS1 AI 10


def check_lot(lot: str) -> str:
    """The lot as stored: trimmed; refused when GS1 could not carry it."""
    lot = (lot or "").strip()
    if len(lot) > MAX_LOT_LENGTH:
        raise InvalidInput(Msg("Lot {lot} is {length} characters; GS1 allows at most 20.",
                               lot=lot, length=len(lot)))
    if lot and not lot.isprintable():
        raise InvalidInput(Msg("Lot {lot} holds a control character; scan it again.",
                               lot=repr(lot)))
    return lot


@dataclass(eq=False)
class StockLot:
    sku: str
    lot: str
    expiry: date | None = None
    received: int = 0
    adjusted: int = 0
    first_received_at: datetime | None = None
    version: int = 0
    id: int | None = None

    def take_in(self, quantity: int, expiry: date | None, at: datetime) -> None:
        if quantity <= 0:
            raise InvalidInput(Msg("A receipt needs a positive quantity, not {quantity}.",
                                   quantity=quantity))
        if expiry is not None and self.expiry is not None and expiry != self.expiry:
            raise InvalidInput(Msg(
                "Lot {lot} of {sku} expires on {known}, not {scanned}: check the label or "
                "use the lot printed on it.", lot=self.lot, sku=self.sku,
                known=f"{self.expiry:%Y-%m-%d}", scanned=f"{expiry:%Y-%m-%d}"))
        self.expiry = self.expiry or expiry
        self.received += quantity
        self.first_received_at = self.first_received_at or at


@dataclass(frozen=True)
class LotBalance:
    """One lot's units still in the warehouse, as packing and the stock view show it."""

    sku: str
    lot: str
    expiry: date | None
    on_hand: int


def fefo(balances: list[LotBalance]) -> list[LotBalance]:
    """Lots with units left, the one expiring first first; lots without a date last."""
    with_units = [b for b in balances if b.on_hand > 0]
    return sorted(with_units, key=lambda b: (b.expiry is None, b.expiry or date.max, b.lot))


def fefo_picks(balances: list[LotBalance], quantity: int) -> list[tuple[str, int]]:
    """Which lots to take `quantity` units from, first expiry first: [(lot, units)]."""
    picks: list[tuple[str, int]] = []
    for balance in fefo(balances):
        if quantity <= 0:
            break
        units = min(quantity, balance.on_hand)
        picks.append((balance.lot, units))
        quantity -= units
    return picks


class ReceiptStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


def _receipt_refused(receipt: Receipt, current: ReceiptStatus, to: ReceiptStatus) -> Msg:
    return Msg("Receipt {reference} is closed; open a new one.", reference=receipt.reference)


RECEIPT_FLOW = Workflow.of(ReceiptStatus, [(ReceiptStatus.OPEN, ReceiptStatus.CLOSED)],
                           refusal=_receipt_refused)


@dataclass(eq=False)
class ReceiptLine:
    scan_uid: str
    sku: str
    quantity: int
    at: datetime
    by: str
    station: str = ""
    lot: str = ""
    expiry: date | None = None
    undone_at: datetime | None = None
    receipt_id: int | None = None
    id: int | None = None


@dataclass(eq=False)
class Receipt:
    """Goods arriving from a supplier, scanned in one by one (no spreadsheet needed)."""

    reference: str
    opened_by: str
    opened_at: datetime
    station: str = ""
    supplier: str = ""
    status: str = ReceiptStatus.OPEN
    closed_by: str = ""
    closed_at: datetime | None = None
    lines: list[ReceiptLine] = field(default_factory=list)
    version: int = 0
    id: int | None = None

    def check_open(self) -> None:
        """Scans go into an open receipt only (the one move out of open is closing it)."""
        RECEIPT_FLOW.check(self, ReceiptStatus.CLOSED)

    def close(self, by: str, at: datetime) -> None:
        record = RECEIPT_FLOW.move(self, ReceiptStatus.CLOSED, Transition, by, at)
        self.closed_by, self.closed_at = record.by, record.at

    def last_line(self) -> ReceiptLine | None:
        live = [line for line in self.lines if line.undone_at is None]
        return live[-1] if live else None

    def units(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for line in self.lines:
            if line.undone_at is None:
                totals[line.sku] = totals.get(line.sku, 0) + line.quantity
        return totals
