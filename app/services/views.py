"""Plain results handed back to the UI: never ORM objects, never live aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.domain.orders import Order, OrderStatus
from app.domain.packing import ScanEvent, ScanResult
from app.domain.parcels import Parcel


class OpenOutcome(StrEnum):
    """What scanning an order did (OpenOrderResult.outcome)."""

    OPENED = "opened"
    RESUMED = "resumed"
    TAKEN_OVER = "taken_over"
    MERGED = "merged"
    NOTHING_TO_MERGE = "nothing_to_merge"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"
    ALREADY_PACKED = "already_packed"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"
    BUSY = "busy"
    INVALID = "invalid"


OPENED = frozenset({OpenOutcome.OPENED, OpenOutcome.RESUMED, OpenOutcome.TAKEN_OVER})


class LookupOutcome(StrEnum):
    """What a scan or search at the returns counter found (ReturnLookup.outcome)."""

    ORDER = "order"
    CASE = "case"
    AMBIGUOUS = OpenOutcome.AMBIGUOUS.value  # more than one order: the person picks one
    UNKNOWN = "unknown"
    INVALID = "invalid"


class Verdict(StrEnum):
    """The bench's answers to an item scan besides a stored scan's result (ScanResult)."""

    UNDONE = "undone"
    NOTHING_TO_UNDO = "nothing_to_undo"
    INVALID = "invalid"
    OTHER_ORDER = "other_order"
    CANCELLED = "cancelled"
    HELD = "held"
    DROPPED = "dropped"


ACCEPTED = frozenset({ScanResult.VERIFIED, ScanResult.MANUAL, Verdict.UNDONE})


@dataclass(frozen=True)
class LineView:
    sku: str
    name: str
    quantity: int
    verified: int
    bin_location: str
    image_path: str | None = None
    order_number: str = ""  # whose line it is, in a merged parcel

    @property
    def complete(self) -> bool:
        return self.verified >= self.quantity


@dataclass(frozen=True)
class ParcelMemberView:
    """One order of a merged parcel."""

    number: str
    channel: str
    channel_order_id: str
    status: str
    items_expected: int
    items_verified: int


@dataclass(frozen=True)
class ScanLogEntry:
    at: datetime
    raw: str
    result: str
    message: str
    undone: bool
    sku: str = ""
    quantity: int = 0


def by_hand_units(log: tuple[ScanLogEntry, ...]) -> dict[str, int]:
    """Units per SKU confirmed by hand (not undone) in a scan log: the bench marks them."""
    units: dict[str, int] = {}
    for entry in log:
        if entry.result == ScanResult.MANUAL and not entry.undone:
            units[entry.sku] = units.get(entry.sku, 0) + entry.quantity
    return units


def next_to_scan(lines: tuple[LineView, ...], last_sku: str = "") -> LineView | None:
    """The line the packer should scan next: the one just scanned while it still needs
    more (a packer takes several of one item together), else the first line not complete,
    in the order's own line order; None when every line is done."""
    open_lines = [line for line in lines if not line.complete]
    if not open_lines:
        return None
    return next((line for line in open_lines if line.sku == last_sku), open_lines[0])


@dataclass(frozen=True)
class OrderView:
    number: str
    channel: str
    channel_order_id: str
    buyer_name: str
    phone: str
    ship_to_lines: tuple[str, ...]
    status: str
    lines: tuple[LineView, ...]
    tracking_number: str | None
    carrier: str
    ship_by: datetime | None
    buyer_note: str
    version: int
    parcel: tuple[ParcelMemberView, ...] = ()  # a merged parcel's orders, oldest first
    receiver_masked: bool = False  # Order.receiver_masked: masked parts, or carried by an oaid

    @property
    def merged(self) -> bool:
        return len(self.parcel) > 1

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(member.number for member in self.parcel) or (self.number,)

    @property
    def items_expected(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def items_verified(self) -> int:
        return sum(line.verified for line in self.lines)

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)


def address_lines(order: Order) -> tuple[str, ...]:
    """The name, the address as the label prints it (the country's order, the region by
    name: JP-13 → Tokyo, CN10 → 上海市; Address.lines) and the phone."""
    a = order.ship_to
    return tuple(part for part in (a.name, *a.lines(), a.phone) if part)


def order_view(order: Order, images: dict[str, str] | None = None) -> OrderView:
    images = images or {}
    return OrderView(
        number=order.number, channel=order.channel, channel_order_id=order.channel_order_id,
        buyer_name=order.buyer_name, phone=order.phone, ship_to_lines=address_lines(order),
        status=str(order.status), tracking_number=order.tracking_number, carrier=order.carrier,
        ship_by=order.ship_by, buyer_note=order.buyer_note, version=order.version,
        lines=tuple(LineView(line.sku, line.name, line.quantity, line.verified_quantity,
                             line.bin_location, images.get(line.sku)) for line in order.lines),
        receiver_masked=order.receiver_masked,
    )


def parcel_view(parcel: Parcel, images: dict[str, str] | None = None) -> OrderView:
    """The bench's view of a parcel: a single order as ever; a merged parcel shows every
    order's lines, oldest order first, each marked with its order number."""
    if not parcel.merged:
        return order_view(parcel.orders[0], images)
    images = images or {}
    first = parcel.orders[0]
    members = tuple(ParcelMemberView(o.number, o.channel, o.channel_order_id, str(o.status),
                                     o.items_expected, o.items_verified) for o in parcel.orders)
    open_statuses = [str(o.status) for o in parcel.orders if o.status != OrderStatus.CANCELLED]
    return replace(
        order_view(first, images), parcel=members, status=(open_statuses or ["cancelled"])[0],
        tracking_number=next((o.tracking_number for o in parcel.orders if o.tracking_number),
                             None),
        buyer_note="\n".join(f"{o.number}: {o.buyer_note}" for o in parcel.orders
                             if o.buyer_note),
        lines=tuple(LineView(line.sku, line.name, line.quantity, line.verified_quantity,
                             line.bin_location, images.get(line.sku), order.number)
                    for order, line in parcel.all_lines()))


def scan_log(events: list[ScanEvent]) -> tuple[ScanLogEntry, ...]:
    """One entry per scan: the extra events of a scan split over orders are left out."""
    return tuple(ScanLogEntry(e.at, e.raw, e.result, e.text, e.undone_at is not None,
                              e.sku, e.quantity)
                 for e in events if "/" not in e.scan_uid)


@dataclass(frozen=True)
class Candidate:
    number: str
    channel: str
    buyer_name: str
    status: str


@dataclass(frozen=True)
class OpenOrderResult:
    """What scanning an order did: opened it, or why not."""

    outcome: str  # an OpenOutcome
    message: str
    order: OrderView | None = None
    session_id: int | None = None
    candidates: tuple[Candidate, ...] = ()
    log: tuple[ScanLogEntry, ...] = ()
    item_codes: tuple[tuple[str, str, int], ...] = ()  # (code key, SKU, units per scan)
    merge_offer: tuple[str, ...] = ()  # ready orders for the same buyer and address
    notes_to_read: tuple[str, ...] = ()  # orders whose buyer's note must be read first

    @property
    def opened(self) -> bool:
        return self.outcome in OPENED


@dataclass(frozen=True)
class ScanVerdict:
    """The bench's answer to one item scan."""

    result: str  # a ScanResult or a Verdict
    message: str
    order: OrderView | None = None
    sku: str = ""
    log: tuple[ScanLogEntry, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.result in ACCEPTED

    @property
    def order_complete(self) -> bool:
        return self.order is not None and self.order.complete


@dataclass(frozen=True)
class LabelParty:
    name: str
    phone: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Completion:
    """A packed order, and what its shipping label needs."""

    order: OrderView
    tracking_number: str
    carrier: str
    service: str
    sender: LabelParty
    receiver: LabelParty
    weight_g: int
    partial: bool
    packed_by: str
    packed_at: datetime | None
    ship_to_fields: dict = field(default_factory=dict)
    # the parcel's shipment: with a carrier that issues labels, the label is asked for by
    # this reference after the completion committed, and tracking_number is "" until then
    shipment_reference: str = ""
    label_pending: bool = False


# --- returns counter (issue 7) ------------------------------------------------------------

@dataclass(frozen=True)
class ReturnableLineView:
    sku: str
    name: str
    category: str
    shipped: int
    returned: int  # already on another (not rejected) return
    unit_price_cents: int

    @property
    def returnable(self) -> int:
        return max(0, self.shipped - self.returned)


@dataclass(frozen=True)
class ReturnableOrderView:
    """An order as the returns counter sees it, with the policy's verdict for a no-reason
    return of everything still returnable."""

    number: str
    channel: str
    channel_order_id: str
    buyer_name: str
    phone: str
    status: str
    shipped_at: datetime | None
    lines: tuple[ReturnableLineView, ...]
    policy_passes: bool
    policy_reason: str
    window_ends: datetime | None
    open_cases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReturnLineView:
    sku: str
    name: str
    quantity: int
    received: int
    reason: str
    unit_price_cents: int
    opened: bool
    ungraded: int
    home_bin: str = ""  # the product's own bin: a restocked unit goes back there


@dataclass(frozen=True)
class ReturnUnitView:
    sku: str
    grade: str
    disposition: str
    refund_cents: int
    graded_by: str
    photo_path: str


@dataclass(frozen=True)
class ReturnCaseView:
    rma_number: str
    order_number: str
    channel: str
    channel_order_id: str
    status: str
    assigned_to: str
    shipping_paid_by: str
    policy_verdict: str
    policy_reason: str
    override_by: str
    deadline_at: datetime | None
    escalated_at: datetime | None
    refund_cents: int
    refund_status: str
    lines: tuple[ReturnLineView, ...]
    units: tuple[ReturnUnitView, ...]
    history: tuple[tuple[datetime, str, str, str, str], ...]  # at, from, to, by, reason
    return_to: LabelParty | None = None
    refund_note: str = ""  # a refund Packdesk could not send: what happens instead
    pickup_code: str = ""  # a pick-up booked at the buyer's door (上门取件), for the slip
    pickup_carrier: str = ""
    pickup_window: str = ""
    bins_kept: bool = False  # the store has bins: a restocked unit's bin is scanned

    @property
    def units_expected(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def units_received(self) -> int:
        return sum(line.received for line in self.lines)

    @property
    def missing(self) -> tuple[tuple[str, int], ...]:
        return tuple((ln.sku, ln.quantity - ln.received) for ln in self.lines
                     if ln.received < ln.quantity)

    @property
    def next_to_grade(self) -> str | None:
        return next((line.sku for line in self.lines if line.ungraded > 0), None)


@dataclass(frozen=True)
class ReturnLookup:
    """What a scan or search at the counter found."""

    outcome: LookupOutcome
    message: str
    order: ReturnableOrderView | None = None
    case: ReturnCaseView | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class ReceiveVerdict:
    result: str  # received | wrong_item | extra | unknown_code | invalid | other_order
    message: str
    case: ReturnCaseView
    sku: str = ""  # the product the scan matched


@dataclass(frozen=True)
class ReturnAlert:
    rma_number: str
    status: str
    assigned_to: str
    deadline_at: datetime | None
    message: str


@dataclass(frozen=True)
class ReturnRate:
    since: datetime
    until: datetime
    units_shipped: int
    units_returned: int

    @property
    def rate(self) -> float:
        return self.units_returned / self.units_shipped if self.units_shipped else 0.0


def return_case_view(return_case, return_to: LabelParty | None = None,
                     home_bins: dict[str, str] | None = None,
                     bins_kept: bool = False) -> ReturnCaseView:
    """A ReturnCase (app.domain.returns) as plain data for the counter and the slip."""
    home_bins = home_bins or {}
    graded: dict[str, int] = {}
    for unit in return_case.units:
        graded[unit.sku] = graded.get(unit.sku, 0) + 1
    return ReturnCaseView(
        rma_number=return_case.rma_number, order_number=return_case.order_number,
        channel=return_case.channel, channel_order_id=return_case.channel_order_id,
        status=str(return_case.status), assigned_to=return_case.assigned_to,
        shipping_paid_by=return_case.shipping_paid_by,
        policy_verdict=return_case.policy_verdict, policy_reason=return_case.policy_reason,
        override_by=return_case.override_by, deadline_at=return_case.deadline_at,
        escalated_at=return_case.escalated_at, refund_cents=return_case.refund_cents,
        refund_status=str(return_case.refund_status),
        lines=tuple(ReturnLineView(ln.sku, ln.name, ln.quantity, ln.received_quantity, ln.reason,
                                   ln.unit_price_cents, ln.opened,
                                   ln.received_quantity - graded.get(ln.sku, 0),
                                   home_bins.get(ln.sku, ""))
                    for ln in return_case.lines),
        units=tuple(ReturnUnitView(u.sku, u.grade, u.disposition, u.refund_cents, u.graded_by,
                                   u.photo_path) for u in return_case.units),
        history=tuple((t.at, t.from_status, t.to_status, t.by, t.reason)
                      for t in return_case.transitions),
        return_to=return_to, bins_kept=bins_kept,
        pickup_code=return_case.pickup_code or "",
        pickup_carrier=return_case.pickup_carrier or "",
        pickup_window=return_case.pickup_window or "",
    )
