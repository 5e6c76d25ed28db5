"""A pack session: one packer verifying one order, scan by scan.

Item-scan verdicts are decided here, in plain Python, so the rules (wrong item,
over-scan, case quantities, undo, serial numbers) are testable without a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import NotAllowed, TakenOver
from app.domain.messages import KeepsTemplate, Msg
from app.domain.orders import Order, OrderLine
from app.domain.parcels import Parcel, ParcelOrder, fill_oldest_first, parcel_fill_message
from app.domain.scan_rule import (
    ItemDecision,
    LineRoom,
    Scanned,
    ScanResult,
    counted,
    decide_item,
    over_scan_message,
    verified_message,
)
from app.domain.transitions import Transition
from app.domain.workflow import Workflow

__all__ = ["ScanResult", "over_scan_message", "verified_message"]  # kept where they were


COUNTED = frozenset({ScanResult.VERIFIED, ScanResult.MANUAL})


class SessionOutcome(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    PARTIAL = "partial"
    HELD = "held"
    LEFT = "left"  # the packer moved on; the order goes back to ready




def _closed(pack_session: PackSession, current: SessionOutcome, to: SessionOutcome) -> Msg:
    return Msg("The pack session for {number} is closed.", number=pack_session.order_number)


SESSION_FLOW = Workflow.of(SessionOutcome, [
    (SessionOutcome.OPEN, ended) for ended in (SessionOutcome.COMPLETED, SessionOutcome.PARTIAL,
                                               SessionOutcome.HELD, SessionOutcome.LEFT)
], refusal=_closed, attribute="outcome", error=NotAllowed)


@dataclass(frozen=True)
class ProductMatch:
    """What a scanned code turned out to be."""

    sku: str
    name: str
    pack_quantity: int = 1
    must_scan: bool = False
    is_box: bool = False  # a shipping box: scanned, it is the parcel's box, not an item


@dataclass(eq=False)
class ScanEvent(KeepsTemplate):  # a scan stored before migration 0021: shown as written
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
    template: str = ""  # the message's template and values, kept so it can be translated
    template_values: dict | None = None

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
class PackedSerial:
    """A serial number counted into an order: one row per serial and SKU in the whole store,
    so a serial ships once whatever the order or the station (kept with its pack session)."""

    sku: str
    serial: str
    order_number: str
    scan_uid: str
    at: datetime
    id: int | None = None


@dataclass(frozen=True)
class SerialHolder:
    """Where a serial number already went: another order, open at a station or shipped."""

    order_number: str
    station: str
    shipped: bool


@dataclass(eq=False)
class PackSession:
    order_number: str
    packer: str
    station: str
    started_at: datetime
    outcome: str = SessionOutcome.OPEN
    ended_at: datetime | None = None
    events: list[ScanEvent] = field(default_factory=list)
    parcel_orders: list[ParcelOrder] = field(default_factory=list)  # a merged parcel's orders
    serials: list[PackedSerial] = field(default_factory=list)
    taken_over_by: str = ""  # the supervisor who last moved it to this station
    box_sku: str = ""  # the box scanned for this parcel (its tare goes to the weight gate)
    version: int = 0  # every event moves it: a station's stale copy loses the race
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome == SessionOutcome.OPEN

    @property
    def order_numbers(self) -> list[str]:
        """The orders in this session's parcel: the one it opened with, unless merged."""
        return [member.order_number for member in self.parcel_orders] or [self.order_number]

    def _event(self, scan: ItemScan, result: ScanResult, message: str, sku: str = "",
               units: int = 0, reason: str = "", order_number: str = "",
               share: int = 0) -> ScanEvent:
        event = ScanEvent(
            # a scan split over two orders' lines records one event per order: uid, uid/1...
            scan_uid=f"{scan.scan_uid}/{share}" if share else scan.scan_uid, raw=scan.raw,
            source=scan.source, at=scan.at, result=result.value, message=message,
            symbology=scan.symbology, order_number=order_number or self.order_number, sku=sku,
            quantity=units, packer=self.packer, station=self.station, lot=scan.lot,
            serial=scan.serial, reason=reason,
        )
        self.events.append(event)
        self.version += 1
        return event

    def check_station(self, station: str) -> None:
        """Only the station the session is open at may change it."""
        if station == self.station:
            return
        if self.taken_over_by:
            raise TakenOver(Msg(
                "Order {number} was taken over by {packer} at {station} (supervisor "
                "{supervisor}); this station can no longer scan it.", number=self.order_number,
                packer=self.packer, station=self.station, supervisor=self.taken_over_by))
        raise NotAllowed(Msg("Order {number} is being packed by {packer} at {station}.",
                             number=self.order_number, packer=self.packer,
                             station=self.station))

    def take_over(self, packer: str, station: str, supervisor: str) -> None:
        """A supervisor moves the open session to another station and packer."""
        if not self.is_open:
            raise NotAllowed(Msg("The pack session for {number} is closed.",
                                 number=self.order_number))
        self.packer, self.station, self.taken_over_by = packer, station, supervisor
        self.version += 1

    def verify(self, orders: Parcel | Order, scan: ItemScan, match: ProductMatch | None,
               serial_holder: SerialHolder | None = None) -> ScanEvent:
        """Decide one item scan against the parcel (one order or several) with the one scan
        rule (`scan_rule.decide_item`), and record it; `serial_holder` is where the scan's
        serial already went, outside this session."""
        parcel = Parcel.of(orders)
        if not self.is_open:
            raise NotAllowed(Msg("The pack session for {number} is closed.",
                                 number=self.order_number))
        lines = parcel.lines_for(match.sku) if match is not None else []
        scanned = Scanned(match.sku, match.name, match.pack_quantity) if match else None
        decision = decide_item(scanned, scan.raw, line_rooms(lines), scan.quantity,
                               parcel.merged, parcel.outstanding,
                               self._serial_refusal(scan.serial, serial_holder))
        if not decision.counts:
            return self._event(scan, decision.result, decision.message, sku=decision.sku)
        return self._count(scan, lines, decision)

    def _serial_refusal(self, serial: str, holder: SerialHolder | None) -> str | None:
        if serial and self._serial_seen(serial):
            return Msg("Serial {serial} was already scanned in this order.", serial=serial)
        if serial and holder is not None:
            return serial_taken_message(serial, holder)
        return None

    def _count(self, scan: ItemScan, lines: list[tuple[Order, OrderLine]],
               decision: ItemDecision, reason: str = "") -> ScanEvent:
        """Count the units of one scan where the rule put them; one event per order."""
        per_order: dict[str, int] = {}
        for index, units in decision.shares:
            order, line = lines[index]
            order.count_verified(line, units)
            per_order[order.number] = per_order.get(order.number, 0) + units
        first_order, first_line = lines[decision.shares[0][0]]
        if scan.serial:
            self.serials.append(PackedSerial(decision.sku, scan.serial, first_order.number,
                                             scan.scan_uid, scan.at))
        events = [self._event(scan, decision.result, decision.message if share == 0 else
                              parcel_fill_message(decision.sku, first_line.name, [entry], reason),
                              sku=decision.sku, units=per_order[entry[0]], reason=reason,
                              order_number=entry[0], share=share)
                  for share, entry in enumerate(decision.filled)]
        return events[0]

    def confirm_by_hand(self, orders: Parcel | Order, scan: ItemScan, product: ProductMatch,
                        reason: str) -> ScanEvent:
        """An item with no readable barcode, confirmed by the packer with a reason."""
        parcel = Parcel.of(orders)
        if product.must_scan:
            raise NotAllowed(Msg("{sku} must be scanned; it cannot be confirmed by hand.",
                                 sku=product.sku))
        if not reason.strip():
            raise NotAllowed(Msg("Confirming an item by hand needs a reason."))
        lines = parcel.lines_for(product.sku)
        shares = fill_oldest_first((line.outstanding for _order, line in lines), scan.quantity)
        if not shares:
            raise NotAllowed(Msg("{sku} is not outstanding in this order.", sku=product.sku))
        decision = counted(ScanResult.MANUAL, product.sku, line_rooms(lines), shares,
                           parcel.merged, reason)
        return self._count(scan, lines, decision, reason)

    def undo_last(self, orders: Parcel | Order, at: datetime) -> ScanEvent | None:
        """Take back the last counted scan of this session; None when there is none."""
        parts = self.undo_last_scan(orders, at)
        return parts[0] if parts else None

    def undo_last_scan(self, orders: Parcel | Order, at: datetime) -> list[ScanEvent]:
        """Take back the last counted scan, from every order its units went to."""
        parcel = Parcel.of(orders)
        last = next((event for event in reversed(self.events) if event.counts), None)
        if last is None:
            return []
        parts = self.scan_parts(last)
        for event in parts:
            parcel.take_back(event.order_number, event.sku, event.quantity)
            event.undone_at = at
        self._release_serials(lambda claim: claim.scan_uid == parts[0].scan_uid.split("/")[0])
        self.version += 1
        return parts

    def scan_parts(self, event: ScanEvent) -> list[ScanEvent]:
        """The counted events one scan made (one per order its units went to)."""
        root = event.scan_uid.split("/")[0]
        return [e for e in self.events if e.counts and e.scan_uid.split("/")[0] == root]

    def merge(self, numbers: list[str], at: datetime) -> None:
        """More orders join this session's parcel."""
        if not self.is_open:
            raise NotAllowed(Msg("The pack session for {number} is closed.",
                                 number=self.order_number))
        if not self.parcel_orders:
            self.parcel_orders.append(ParcelOrder(self.order_number, at))
        for number in numbers:
            if number not in self.order_numbers:
                self.parcel_orders.append(ParcelOrder(number, at))
        self.version += 1

    def drop(self, parcel: Parcel, number: str, at: datetime) -> Order:
        """An order leaves the parcel: its scans are taken back, its lines start again."""
        order = parcel.order(number)
        if order is None or number not in self.order_numbers:
            raise NotAllowed(Msg("Order {number} is not in this parcel.", number=number))
        if len(self.order_numbers) == 1:
            raise NotAllowed(Msg("Order {number} is the only order in this parcel; leave it "
                                 "or hold it instead.", number=number))
        for event in self.events:
            if event.counts and event.order_number == number:
                event.undone_at = at
        order.reset_verification()
        for member in [m for m in self.parcel_orders if m.order_number == number]:
            self.parcel_orders.remove(member)
        self._release_serials(lambda claim: claim.order_number == number)
        self.version += 1
        return order

    def close(self, outcome: SessionOutcome, at: datetime) -> None:
        """Close the session; an order held or left gives its serial numbers back."""
        SESSION_FLOW.move(self, outcome, Transition, self.packer, at, station=self.station)
        self.outcome = outcome.value  # kept as text, as the store reads it back
        self.ended_at = at
        if outcome in (SessionOutcome.HELD, SessionOutcome.LEFT):
            self.serials.clear()
        self.version += 1

    def _release_serials(self, released) -> None:
        self.serials[:] = [claim for claim in self.serials if not released(claim)]

    def _serial_seen(self, serial: str) -> bool:
        return any(e.serial == serial and e.counts for e in self.events)


def serial_taken_message(serial: str, holder: SerialHolder) -> Msg:
    if holder.shipped:
        return Msg("Serial {serial} already shipped in order {number}.", serial=serial,
                   number=holder.order_number)
    return Msg("Serial {serial} is already in order {number}, being packed at {station}.",
               serial=serial, number=holder.order_number, station=holder.station)


def line_rooms(lines: list[tuple[Order, OrderLine]]) -> list[LineRoom]:
    """A parcel's lines of one SKU as the scan rule sees them (fill order)."""
    return [LineRoom(order.number, line.name, line.quantity, line.verified_quantity)
            for order, line in lines]
