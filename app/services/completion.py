"""Completing a pack: one transaction for the order, the stock, the audit and the outbox.

The shipping label is drawn afterwards from the returned Completion, outside the
transaction: a label can always be printed again, a half-written order cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from app.domain.carriers import CarrierProfile
from app.domain.errors import ConcurrencyConflict, NotAllowed, StoreFault
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.packing import PackSession, SessionOutcome
from app.domain.parcels import Parcel
from app.domain.products import Product
from app.domain.scan_rule import scan_refusal
from app.domain.stock import StockItem
from app.domain.weighing import PackedUnit, WeightResult, WeightVerdict, judge, learn_sample
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.commands import CompletePack, ScanItem
from app.services.labels import parcel_completion_view
from app.services.packing import load_open_parcel, record_scan, refuse_unread_note
from app.services.shipments import platform_carrier, queue_fulfilment, record_shipment
from app.services.unit_of_work import UnitOfWork
from app.services.views import Completion, ScanVerdict, Verdict


@supervisor_pins_counted
def complete_pack(cmd: CompletePack, uow: UnitOfWork) -> Completion:
    """One transaction for every order of the parcel: one tracking number, stock moved and a
    fulfilment queued per order, each with its own lines."""
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        packed = _pack(cmd, uow, pack_session, parcel)
        uow.commit()
        return packed()


def scan_and_complete(cmd: ScanItem, completes: Callable[[ScanVerdict], CompletePack | None],
                      uow: UnitOfWork) -> ScanAndComplete | None:
    """An item scan and, when `completes(verdict)` names a completion (the order's last
    item, nothing to wait for), that completion in the same unit of work: one transaction,
    the session and the parcel read once. None when the core refused the completion:
    nothing was written, and the caller records the scan alone, then asks the completion
    on its own, which says why (the scan is never lost to a refused completion)."""
    problem = scan_refusal(cmd.text, cmd.quantity)
    if problem:
        return ScanAndComplete(ScanVerdict(Verdict.INVALID, problem))
    with uow:
        recorded = record_scan(cmd, uow)
        plan = (completes(recorded.verdict)
                if recorded.pack_session is not None and recorded.parcel is not None
                else None)
        if plan is None or recorded.pack_session is None or recorded.parcel is None:
            if recorded.pending:
                uow.commit()
            return ScanAndComplete(recorded.verdict)
        uow.orders.parcel(recorded.parcel.numbers)  # their trails: the completion moves them
        try:
            packed = _pack(plan, uow, recorded.pack_session, recorded.parcel)
            uow.commit()
        except (ConcurrencyConflict, StoreFault):
            raise  # a lost race or a busy store: the whole unit is tried again
        except Exception:  # noqa: BLE001 - refused (or failed): said by the completion alone
            return None
        return ScanAndComplete(recorded.verdict, packed())


@dataclass(frozen=True)
class ScanAndComplete:
    verdict: ScanVerdict
    completion: Completion | None = None  # stored in the scan's transaction


def _pack(cmd: CompletePack, uow: UnitOfWork, pack_session: PackSession,
          parcel: Parcel) -> Callable[[], Completion]:
    """The completion's checks and writes, in the caller's unit of work; what it returns
    makes the completion's view once the caller has committed."""
    _refuse_cancelled(parcel)
    refuse_unread_note(parcel, cmd.note_ack)
    partial = not parcel.is_fully_verified
    by = pack_session.packer
    if partial:
        if parcel.items_verified == 0:
            raise NotAllowed(Msg("Nothing has been verified yet; scan the items first."))
        empty = [o.number for o in parcel.orders if o.items_verified == 0]
        if empty:
            raise NotAllowed(Msg("Nothing of order {number} has been verified: scan its "
                                 "items, or drop it from the parcel (PD:DROP).",
                                 number=empty[0]))
        by = check_supervisor(uow, cmd.approval, Msg("Shipping part of an order"))
    weight_note = _weight_gate(cmd, parcel, uow, pack_session.box_sku)
    now = uow.now()
    carrier = platform_carrier(parcel, uow) or carrier_for(
        next((o for o in parcel.orders if o.carrier), parcel.orders[0]), uow)
    tracking = next((o.tracking_number for o in parcel.orders if o.tracking_number), None)
    fresh_tracking = not tracking  # allocated here, if any: no shipment can have it yet
    packed_before = {o.number for o in parcel.orders
                     if o.last_transition_to(OrderStatus.PACKED) is not None}
    # the carrier issues the number: it is asked after this transaction, never inside it
    ask_carrier = carrier.issues_labels and not tracking
    if parcel.merged and not tracking and not ask_carrier:
        tracking = carrier.allocate()
    reason = cmd.approval.reason if partial and cmd.approval else ""
    for order in parcel.orders:
        _move_stock(order, uow, by)
        if ask_carrier:
            order.carrier = carrier.code
        elif not order.tracking_number:
            order.tracking_number = tracking or carrier.allocate()
            order.carrier = carrier.code
        elif parcel.merged:
            order.tracking_number, order.carrier = tracking, carrier.code
        order.partial = not order.is_fully_verified
        notes = [f"partial: {reason}" if order.partial else "", weight_note,
                 f"label asked of {carrier.name}" if ask_carrier else ""]
        order.transition(OrderStatus.PACKED, pack_session.packer, now,
                         "; ".join(n for n in notes if n), uow.station)
        if not ask_carrier:  # a carrier's label: queued with its number when it comes
            queue_fulfilment(order, pack_session.id, uow)
    shipment = record_shipment(parcel, carrier, f"{parcel.orders[0].number}-{pack_session.id}",
                               uow, pack_session.packer,
                               box=_box(cmd.box_sku or pack_session.box_sku, uow),
                               fresh_tracking=fresh_tracking, packed_before=packed_before)
    pack_session.close(SessionOutcome.PARTIAL if partial else SessionOutcome.COMPLETED, now)

    def view() -> Completion:
        return replace(parcel_completion_view(parcel, carrier, pack_session.packer),
                       shipment_reference=shipment.reference,
                       label_pending=shipment.is_pending)
    return view


class WeightOff(NotAllowed):
    """The parcel on the scale does not weigh what its contents should."""

    def __init__(self, verdict: WeightVerdict) -> None:
        super().__init__(verdict.message)
        self.verdict = verdict


def _packed_units(parcel: Parcel, uow: UnitOfWork) -> list[PackedUnit]:
    units: dict[str, int] = {}
    for order in parcel.orders:
        for line in order.lines:
            if line.verified_quantity:
                units[line.sku] = units.get(line.sku, 0) + line.verified_quantity
    products = {sku: uow.products.get(sku) for sku in units}
    return [PackedUnit(sku, count, product.known_weight_g if product else None)
            for sku, count in units.items() for product in [products[sku]]]


def _box(sku: str, uow: UnitOfWork) -> Product | None:
    """The box the parcel went in (named, or scanned at the bench), if Packdesk knows it."""
    box = uow.products.get(sku) if sku else None
    return box if box is not None and box.is_box else None


def _box_tare(cmd: CompletePack, uow: UnitOfWork, scanned_box: str = "") -> float:
    """The box's tare: the one named in the command, else the one scanned at the bench,
    else the station's usual box."""
    sku = cmd.box_sku or scanned_box
    if not sku:
        return cmd.box_tare_g
    box = uow.products.get(sku)
    if box is None or not box.is_box:
        raise NotAllowed(Msg("{sku} is not a box Packdesk knows; scan the box's own code.",
                             sku=sku))
    return float(box.weight_g)


def _weight_gate(cmd: CompletePack, parcel: Parcel, uow: UnitOfWork,
                 scanned_box: str = "") -> str:
    """With a scale: the parcel must weigh what it holds, or a supervisor lets it go (the
    trail says who and why). Each order keeps its share of the weighed parcel; a product
    with no weight yet learns one from a parcel it was the only unknown in."""
    if cmd.weighed_g is None:
        _weight_from_catalogue(cmd, parcel, uow, scanned_box)
        return ""
    units, tare = _packed_units(parcel, uow), _box_tare(cmd, uow, scanned_box)
    verdict = judge(units, tare, cmd.weighed_g, cmd.tolerance)
    note = ""
    if verdict.result is WeightResult.NEGATIVE:
        raise WeightOff(verdict)
    if verdict.result in (WeightResult.LIGHT, WeightResult.HEAVY):
        if cmd.weight_override is None:
            raise WeightOff(verdict)
        by = check_supervisor(uow, cmd.weight_override, Msg("Shipping a parcel whose weight "
                                                            "is off"))
        note = (f"weight override by {by}: expected {verdict.expected_g:.0f} g, weighed "
                f"{verdict.weighed_g:.0f} g: {cmd.weight_override.reason}")
    if verdict.result is WeightResult.UNKNOWN:
        sample = learn_sample(units, tare, cmd.weighed_g)
        if sample is not None:
            product = uow.products.get(sample[0])
            if product is not None:
                product.learn_weight(sample[1])
    _share_weight(parcel, units, cmd.weighed_g)
    return note


def _weight_from_catalogue(cmd: CompletePack, parcel: Parcel, uow: UnitOfWork,
                           scanned_box: str = "") -> None:
    """No scale: an order the channel sent without a weight gets the catalogue's (its units
    and the box), so the label and the carrier's request carry a real figure. When a unit's
    weight is not known the weight stays unknown (0), never a guess."""
    if all(order.weight_g > 0 for order in parcel.orders):
        return
    units = _packed_units(parcel, uow)
    weights = [unit.weight_g * unit.quantity for unit in units if unit.weight_g is not None]
    if not units or len(weights) != len(units):
        return
    _share_weight(parcel, units, sum(weights)
                  + _box_tare(cmd, uow, scanned_box))


def _share_weight(parcel: Parcel, units: list[PackedUnit], weighed_g: float) -> None:
    """The label prints the parcel's real weight: each order gets its share (by its
    expected weight where known, else by units), so a merged parcel adds up to it."""
    weight_of = {u.sku: u.weight_g or 0.0 for u in units}
    shares = []
    for order in parcel.orders:
        expected = sum(weight_of.get(line.sku, 0.0) * line.verified_quantity
                       for line in order.lines)
        shares.append(expected or float(sum(line.verified_quantity for line in order.lines)))
    total = sum(shares) or 1.0
    given = 0
    for index, order in enumerate(parcel.orders):
        if index == len(parcel.orders) - 1:
            order.weight_g = max(0, round(weighed_g) - given)
        else:
            order.weight_g = round(weighed_g * shares[index] / total)
            given += order.weight_g


def _refuse_cancelled(parcel: Parcel) -> None:
    cancelled = parcel.cancelled()
    if not cancelled:
        return
    if parcel.merged:
        raise NotAllowed(Msg("Order {number} in this parcel was cancelled; it must not ship. "
                             "Take its items out and drop it from the parcel (PD:DROP), then "
                             "complete.", number=cancelled[0].number))
    raise NotAllowed(Msg("Order {number} was cancelled; it must not ship.",
                         number=cancelled[0].number))


def _move_stock(order: Order, uow: UnitOfWork, by: str) -> None:
    """Verified units ship; units a partial shipment leaves behind go back to available."""
    now = uow.now()
    items = uow.stock.get_many([line.sku for line in order.lines])  # one read, not one a line
    for line in order.lines:
        item = items.get(line.sku)
        if item is None:
            item = items[line.sku] = StockItem(sku=line.sku)
            uow.stock.add(item)
        if line.verified_quantity:
            item.ship(line.verified_quantity, order.number, now, by, uow.station)
        short = line.quantity - line.verified_quantity
        if short > 0:
            item.release(short, order.number, now, by, reason="short shipped")


def carrier_for(order: Order, uow: UnitOfWork) -> CarrierProfile:
    carrier = (uow.carriers.get(order.carrier) if order.carrier else None) or uow.carriers.first()
    if carrier is None:
        raise NotAllowed(Msg("No carrier is set up, so no tracking number can be given; a "
                             "supervisor adds one with packdesk carrier add CODE --name NAME "
                             "--prefix LETTERS (the shop's own number range)."))
    return carrier
