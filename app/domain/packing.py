"""A pack session: one packer verifying one order, scan by scan.

Item-scan verdicts are decided here, in plain Python, so the rules (wrong item,
over-scan, case quantities, undo, serial numbers) are testable without a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import NotAllowed, TakenOver
from app.domain.messages import Msg
from app.domain.orders import Order, OrderLine
from app.domain.parcels import Parcel, ParcelOrder, parcel_fill_message


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
        """Decide one item scan against the parcel (one order or several), and record it;
        `serial_holder` is where the scan's serial already went, outside this session."""
        parcel = Parcel.of(orders)
        if not self.is_open:
            raise NotAllowed(Msg("The pack session for {number} is closed.",
                                 number=self.order_number))
        if match is None:
            return self._event(scan, ScanResult.UNKNOWN_CODE,
                               Msg("“{code}” is not a product code Packdesk knows.", code=scan.raw))
        lines = parcel.lines_for(match.sku)
        if not lines:
            template = ("Wrong item: {sku} {name} is in none of this parcel's orders. "
                        "Still expected: {expected}." if parcel.merged else
                        "Wrong item: {sku} {name} is not in this order. "
                        "Still expected: {expected}.")
            return self._event(scan, ScanResult.WRONG_ITEM,
                               Msg(template, sku=match.sku, name=match.name,
                                   expected=parcel.outstanding()), sku=match.sku)
        if scan.serial and self._serial_seen(scan.serial):
            return self._event(scan, ScanResult.DUPLICATE_SERIAL,
                               Msg("Serial {serial} was already scanned in this order.",
                                   serial=scan.serial), sku=match.sku)
        if scan.serial and serial_holder is not None:
            return self._event(scan, ScanResult.DUPLICATE_SERIAL,
                               serial_taken_message(scan.serial, serial_holder), sku=match.sku)
        units = scan.quantity * match.pack_quantity
        shares = parcel.allocate(match.sku, units)
        if shares is None:
            return self._event(scan, ScanResult.OVER_SCAN, over_scan_message(
                match.sku, sum(line.quantity for _o, line in lines),
                sum(line.verified_quantity for _o, line in lines), units), sku=match.sku)
        return self._count(parcel, scan, shares, ScanResult.VERIFIED, match.sku)

    def _count(self, parcel: Parcel, scan: ItemScan, shares: list[tuple[Order, OrderLine, int]],
               result: ScanResult, sku: str, reason: str = "") -> ScanEvent:
        """Count the units of one scan where they go; one event per order they went to."""
        per_order: dict[str, int] = {}
        for order, line, units in shares:
            order.count_verified(line, units)
            per_order[order.number] = per_order.get(order.number, 0) + units
        if scan.serial:
            self.serials.append(PackedSerial(sku, scan.serial, shares[0][0].number,
                                             scan.scan_uid, scan.at))
        filled = [(number, *_totals(parcel.order(number), sku)) for number in per_order]
        name = shares[0][1].name
        if parcel.merged:
            message = parcel_fill_message(sku, name, filled, reason)
        elif reason:
            message = Msg("{sku} confirmed by hand ({reason}): {verified} of {quantity}",
                          sku=sku, reason=reason, verified=shares[0][1].verified_quantity,
                          quantity=shares[0][1].quantity)
        else:
            message = verified_message(sku, name, shares[0][1].verified_quantity,
                                       shares[0][1].quantity)
        events = [self._event(scan, result, message if share == 0 else parcel_fill_message(
            sku, name, [entry], reason), sku=sku, units=per_order[entry[0]], reason=reason,
            order_number=entry[0], share=share) for share, entry in enumerate(filled)]
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
        shares = parcel.allocate(product.sku, scan.quantity)
        if not shares:
            raise NotAllowed(Msg("{sku} is not outstanding in this order.", sku=product.sku))
        return self._count(parcel, scan, shares, ScanResult.MANUAL, product.sku, reason)

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
        self.outcome = outcome.value
        self.ended_at = at
        if outcome in (SessionOutcome.HELD, SessionOutcome.LEFT):
            self.serials.clear()
        self.version += 1

    def _release_serials(self, released) -> None:
        self.serials[:] = [claim for claim in self.serials if not released(claim)]

    def _serial_seen(self, serial: str) -> bool:
        return any(e.serial == serial and e.counts for e in self.events)


def verified_message(sku: str, name: str, verified: int, quantity: int) -> Msg:
    return Msg("{sku} {name}: {verified} of {quantity}", sku=sku, name=name, verified=verified,
               quantity=quantity)


def serial_taken_message(serial: str, holder: SerialHolder) -> Msg:
    if holder.shipped:
        return Msg("Serial {serial} already shipped in order {number}.", serial=serial,
                   number=holder.order_number)
    return Msg("Serial {serial} is already in order {number}, being packed at {station}.",
               serial=serial, number=holder.order_number, station=holder.station)


def over_scan_message(sku: str, quantity: int, verified: int, units: int) -> Msg:
    return Msg("Over-scan: {sku} needs {quantity}, {verified} already verified; {units} more is "
               "too many.", sku=sku, quantity=quantity, verified=verified, units=units)


def _totals(order: Order | None, sku: str) -> tuple[int, int]:
    """(verified, quantity) of one SKU in one order."""
    lines = [line for line in (order.lines if order else []) if line.sku == sku]
    return (sum(line.verified_quantity for line in lines), sum(line.quantity for line in lines))
