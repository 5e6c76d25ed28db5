"""The pack bench's commands: open an order, verify items, undo, hold, complete.

Each handler is one unit of work and returns plain views. Scans are checked for garbage
before anything is read or written, and a scan's uid makes a replayed scan harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.barcodes import code_keys, scan_problem
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.packing import ItemScan, PackSession, ProductMatch, ScanEvent, SessionOutcome
from app.domain.parcels import Parcel
from app.domain.scan_rule import MAX_QUANTITY, scan_refusal
from app.services import commands as c
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.boxes import use_box
from app.services.unit_of_work import OpenReads, UnitOfWork
from app.services.views import (
    Candidate,
    OpenOrderResult,
    OpenOutcome,
    ScanVerdict,
    Verdict,
    order_view,
    parcel_view,
    scan_log,
)


def _fmt_when(order: Order, status: OrderStatus) -> tuple[str, str]:
    record = order.last_transition_to(status)
    if record is None:
        return "someone", "earlier"
    return record.by, record.at.astimezone().strftime("%Y-%m-%d %H:%M")


def open_order(cmd: c.OpenOrder, uow: UnitOfWork) -> OpenOrderResult:
    problem = scan_problem(cmd.text)
    if problem:
        return OpenOrderResult(OpenOutcome.INVALID, problem)
    with uow:
        reads = None if cmd.number else uow.orders.for_opening(cmd.text)  # one read
        found = reads.orders if reads else [o for o in [uow.orders.get(cmd.number or "")] if o]
        if not found:
            return OpenOrderResult(OpenOutcome.UNKNOWN, Msg("No order matches “{text}”.",
                                                            text=cmd.text.strip()))
        if len(found) > 1:
            return OpenOrderResult(
                OpenOutcome.AMBIGUOUS, Msg("{count} orders match “{text}”; pick one.",
                                           count=len(found), text=cmd.text.strip()),
                candidates=tuple(Candidate(o.number, o.channel, o.buyer_name, str(o.status))
                                 for o in found))
        result = _start_packing(found[0], cmd.packer, uow, reads)
        if not cmd.note_ack or not result.opened or result.order is None:
            return result
        unread = [o for o in (uow.orders.get(n) for n in result.order.numbers)
                  if o is not None and o.note_to_read]
        if not unread:
            return result
        return replace(result, message=Msg("{opened} {notes}", opened=result.message,
                                           notes=note_message(unread)),
                       notes_to_read=tuple(o.number for o in unread))


def note_message(unread: list[Order]) -> Msg:
    """The buyers' notes waiting to be read, and what to do about them."""
    notes = "; ".join(f"{o.number}: “{o.buyer_note.strip()}”" for o in unread)
    return Msg("NOTE from the buyer ({notes}). Read it, then scan PD:NOTEOK or press F6 "
               "before scanning the items.", notes=notes)


def note_verdict(parcel: Parcel, note_ack: bool) -> ScanVerdict | None:
    """While a buyer's note of the parcel waits to be read, items are refused (nothing is
    counted): the packer reads it first, and PD:NOTEOK records that."""
    unread = [o for o in _still_open(parcel) if o.note_to_read] if note_ack else []
    if not unread:
        return None
    return ScanVerdict("note_unread", note_message(unread), parcel_view(parcel))


def refuse_unread_note(parcel: Parcel, note_ack: bool) -> None:
    """For a completion or a confirmation by hand: an unread note stops it."""
    refused = note_verdict(parcel, note_ack)
    if refused is not None:
        raise NotAllowed(refused.message)


def read_note(cmd: c.ReadNote, uow: UnitOfWork) -> ScanVerdict:
    """PD:NOTEOK: the packer read the buyers' notes of the open parcel; each order's trail
    says who read which note, and when."""
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        unread = [o for o in _still_open(parcel) if o.note_to_read]
        if not unread:
            return ScanVerdict("nothing_to_read", Msg("There is no buyer's note to read."),
                               parcel_view(parcel), log=scan_log(pack_session.events))
        for order in unread:
            order.read_note(cmd.packer, uow.now(), uow.station)
        pack_session.version += 1  # the session's view changed: a stale station loses
        uow.commit()
        return ScanVerdict("note_read", Msg(
            "Note read by {packer} (recorded). Scan the items.", packer=cmd.packer),
            parcel_view(parcel), log=scan_log(pack_session.events))


def _start_packing(order: Order, packer: str, uow: UnitOfWork,
                   reads: OpenReads | None = None) -> OpenOrderResult:
    """`reads`: what the order scan's one read found for the order already (its products'
    codes and pictures, its merge group's ready orders)."""
    status = OrderStatus(order.status)
    if status is OrderStatus.CANCELLED:
        by, when = _fmt_when(order, OrderStatus.CANCELLED)
        return OpenOrderResult(OpenOutcome.CANCELLED, Msg(
            "Order {number} was CANCELLED ({when}). Do not ship it: put the items back.",
            number=order.number, when=when), order_view(order))
    if status in (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        by, when = _fmt_when(order, OrderStatus.PACKED)
        return OpenOrderResult(OpenOutcome.ALREADY_PACKED, Msg(
            "Order {number} was already packed by {by} on {when}.", number=order.number, by=by,
            when=when), order_view(order))
    if status is OrderStatus.ON_HOLD:
        by, when = _fmt_when(order, OrderStatus.ON_HOLD)
        reason = order.last_transition_to(OrderStatus.ON_HOLD)
        return OpenOrderResult(OpenOutcome.ON_HOLD, Msg(
            "Order {number} is on hold since {when} ({reason}).", number=order.number, when=when,
            reason=reason.shown_reason if reason else Msg("no reason given")), order_view(order))
    if status is OrderStatus.NEEDS_REVIEW:
        return OpenOrderResult(OpenOutcome.ON_HOLD, Msg(
            "Order {number} needs review before packing.", number=order.number),
            order_view(order))
    if status is OrderStatus.PACKING:
        return _resume(order, packer, uow)
    skus = [line.sku for line in order.lines]
    item_codes, images = (reads.items[order.number] if reads
                          else uow.products.order_items(skus))
    order.transition(OrderStatus.PACKING, packer, uow.now(), station=uow.station)
    pack_session = PackSession(order.number, packer, uow.station, uow.now())
    uow.pack_sessions.add(pack_session)
    offer = tuple(reads.merge_offer[order.number] if reads  # read before the commit:
                  else uow.orders.ready_to_merge_with(order.number))
    uow.commit()  # one transaction; the commit gives the session its id
    opened = Msg("Order {number} opened.", number=order.number)
    return OpenOrderResult(OpenOutcome.OPENED,
                           merge_offer_message(opened, offer) if offer else opened,
                           order_view(order, images),
                           pack_session.id, item_codes=tuple(item_codes), merge_offer=offer)


def merge_offer_message(opened: str, offer: tuple[str, ...]) -> Msg:
    """Tell the packer plainly that more orders can travel in this parcel, and how."""
    template = ("{opened} 1 more order for this buyer and address: {numbers}. Scan PD:MERGE "
                "or press “Pack together” to pack it in the same parcel." if len(offer) == 1
                else "{opened} {count} more orders for this buyer and address: {numbers}. "
                "Scan PD:MERGE or press “Pack together” to pack them in one parcel.")
    return Msg(template, opened=opened, count=len(offer), numbers=", ".join(offer))


def _resume(order: Order, packer: str, uow: UnitOfWork) -> OpenOrderResult:
    """An order left mid-pack (a crash, a walk-away) is resumed at the same station; an
    order of a merged parcel resumes the whole parcel. At any other station it is busy,
    whoever the packer is: only a supervisor's takeover moves it."""
    pack_session = uow.pack_sessions.open_for_order(order.number)
    if pack_session and pack_session.station != uow.station:
        return OpenOrderResult(OpenOutcome.BUSY, Msg(
            "Order {number} is being packed by {packer} at {station}.", number=order.number,
            packer=pack_session.packer, station=pack_session.station), order_view(order))
    if pack_session is None:
        pack_session = PackSession(order.number, packer, uow.station, uow.now())
        uow.pack_sessions.add(pack_session)
        uow.commit()
    parcel = _parcel_of(pack_session, uow, order)
    resumed = Msg("Order {number} resumed where it was left.", number=order.number)
    return _parcel_opened(OpenOutcome.RESUMED, resumed, pack_session, parcel, uow)


def _parcel_opened(outcome: str, message: str, pack_session: PackSession, parcel: Parcel,
                   uow: UnitOfWork) -> OpenOrderResult:
    """An open session's parcel as the bench shows it, with any merge offer."""
    item_codes, images = uow.products.order_items(
        sorted({line.sku for _order, line in parcel.all_lines()}))
    offer = () if parcel.merged else tuple(uow.orders.ready_to_merge_with(parcel.numbers[0]))
    return OpenOrderResult(outcome, merge_offer_message(message, offer) if offer else message,
                           parcel_view(parcel, images), pack_session.id,
                           log=scan_log(pack_session.events), item_codes=tuple(item_codes),
                           merge_offer=offer)


@supervisor_pins_counted
def take_over(cmd: c.TakeOverOrder, uow: UnitOfWork) -> OpenOrderResult:
    """A supervisor moves an order open at another station (frozen, or the packer moved) to
    this one, scans kept; the order's trail says who, for whom and from where, and the
    first station's next scan is refused."""
    with uow:
        order = uow.orders.get(cmd.number)
        if order is None:
            raise NotFound(Msg("There is no order {number}.", number=cmd.number))
        supervisor = check_supervisor(uow, cmd.approval, Msg("Taking over an order"))
        pack_session = uow.pack_sessions.open_for_order(order.number)
        if pack_session is None:
            raise NotAllowed(Msg("Order {number} is not open at any station; open it instead.",
                                 number=order.number))
        if pack_session.station == uow.station:
            raise NotAllowed(Msg("Order {number} is already open at this station.",
                                 number=order.number))
        packer, station = pack_session.packer, pack_session.station
        pack_session.take_over(cmd.packer, uow.station, supervisor)
        parcel = _parcel_of(pack_session, uow, order)
        reason = (f"taken over from {packer} at {station} for {cmd.packer}: "
                  f"{cmd.approval.reason.strip()}")
        for each in _still_open(parcel):
            each.hand_over(supervisor, uow.now(), reason, uow.station)
        uow.commit()
        message = Msg("Order {number} taken over from {packer} at {station}; {verified} of "
                      "{expected} items already verified, packing goes on here.",
                      number=order.number, packer=packer, station=station,
                      verified=parcel.items_verified,
                      expected=sum(o.items_expected for o in parcel.orders))
        return _parcel_opened(OpenOutcome.TAKEN_OVER, message, pack_session, parcel, uow)


def _parcel_of(pack_session: PackSession, uow: UnitOfWork, *known: Order) -> Parcel:
    """The orders of a session's parcel (those not `known` already, in one query)."""
    numbers = pack_session.order_numbers
    loaded = {order.number: order for order in known}
    missing = [number for number in numbers if number not in loaded]
    if missing:
        loaded.update((order.number, order) for order in uow.orders.parcel(missing))
    for number in numbers:
        if number not in loaded:
            raise NotFound(Msg("Order {number} is gone from the store.", number=number))
    return Parcel([loaded[number] for number in numbers])


def load_open_parcel(uow: UnitOfWork, session_id: int) -> tuple[PackSession, Parcel]:
    return _open_parcel(uow, session_id, uow.pack_sessions.get(session_id))


def _open_parcel(uow: UnitOfWork, session_id: int, pack_session: PackSession | None,
                 known: list[Order] | None = None) -> tuple[PackSession, Parcel]:
    """`known`: the parcel's orders read with the session already (a scan's one read)."""
    if pack_session is None:
        raise NotFound(Msg("Pack session {id} does not exist.", id=session_id))
    if not pack_session.is_open:
        raise NotAllowed(Msg("Order {number} is no longer open at this bench.",
                             number=pack_session.order_number))
    pack_session.check_station(uow.station)
    return pack_session, _parcel_of(pack_session, uow, *(known or []))


def _verdict(event: ScanEvent, pack_session: PackSession, parcel: Parcel) -> ScanVerdict:
    return ScanVerdict(event.result, event.message, parcel_view(parcel), event.sku,
                       scan_log(pack_session.events))


def cancelled_verdict(parcel: Parcel) -> ScanVerdict | None:
    """A cancellation that reached an open parcel: refused loudly, with the way out."""
    cancelled = parcel.cancelled()
    if not cancelled:
        return None
    if parcel.merged and len(cancelled) < len(parcel.orders):
        return ScanVerdict(Verdict.CANCELLED, Msg(
            "Order {number} in this parcel was CANCELLED while packing. Take its items out, "
            "then scan PD:DROP or press “Drop order” to drop it; the other orders pack on.",
            number=cancelled[0].number), parcel_view(parcel))
    return ScanVerdict(Verdict.CANCELLED, Msg(
        "Order {number} was CANCELLED while packing. Stop and put the items back.",
        number=cancelled[0].number), parcel_view(parcel))


def held_verdict(parcel: Parcel) -> ScanVerdict | None:
    """The channel put an order of an open parcel on hold (the buyer's payment is being
    checked, the shop asked to wait): refused loudly, like a cancellation."""
    held = [o for o in parcel.orders if OrderStatus(o.status) is OrderStatus.ON_HOLD]
    if not held:
        return None
    return ScanVerdict(Verdict.HELD, Msg(
        "Order {number} was put ON HOLD by the channel while packing. Stop and set the "
        "parcel aside; do not ship it.", number=held[0].number), parcel_view(parcel))


def scan_item(cmd: c.ScanItem, uow: UnitOfWork) -> ScanVerdict:
    problem = scan_refusal(cmd.text, cmd.quantity)  # the one rule, as the fast path reads it
    if problem:
        return ScanVerdict(Verdict.INVALID, problem)
    with uow:
        recorded = record_scan(cmd, uow)
        if recorded.pending:
            uow.commit()
        return recorded.verdict


@dataclass(frozen=True)
class RecordedScan:
    """An item scan decided inside the caller's unit of work: the verdict, whether a write
    waits for the commit, and the session and parcel it read (None when it read none)."""

    verdict: ScanVerdict
    pending: bool = False
    pack_session: PackSession | None = None
    parcel: Parcel | None = None


def record_scan(cmd: c.ScanItem, uow: UnitOfWork) -> RecordedScan:
    """The item scan's reads and decision, inside the caller's unit of work; the caller
    commits (`pending`), alone or with the completion it leads to (`scan_and_complete`)."""
    problem = scan_refusal(cmd.text, cmd.quantity)
    if problem:
        return RecordedScan(ScanVerdict(Verdict.INVALID, problem))
    reads = uow.pack_sessions.for_scan(cmd.session_id, cmd.scan_uid,
                                       code_keys(cmd.code or cmd.text))
    pack_session, parcel = _open_parcel(uow, cmd.session_id, reads.pack_session,
                                        reads.orders)
    earlier, match = reads.earlier, reads.match
    refused = (cancelled_verdict(parcel) or held_verdict(parcel)
               or note_verdict(parcel, cmd.note_ack))
    if refused is not None:
        return RecordedScan(refused)
    if earlier is not None:  # the same scan delivered twice: answer as before
        return RecordedScan(_verdict(earlier, pack_session, parcel), False, pack_session,
                            parcel)
    scan = ItemScan(cmd.scan_uid, cmd.text, cmd.source, uow.now(), cmd.quantity,
                    cmd.symbology, cmd.lot, cmd.serial)
    if match is None:
        other = _other_order(cmd, parcel, uow)
        if other is not None:
            return RecordedScan(other)
        event = pack_session.verify(parcel, scan, None)  # in the scan log, counts nothing
        return RecordedScan(_verdict(event, pack_session, parcel), True)
    if match.is_box:  # the parcel's box, not an item of the order (committed by use_box)
        return RecordedScan(use_box(uow, pack_session, parcel, match))
    holder = (uow.pack_sessions.serial_holder(match.sku, cmd.serial, pack_session.id)
              if cmd.serial else None)
    event = pack_session.verify(parcel, scan, match, holder)
    return RecordedScan(_verdict(event, pack_session, parcel), True, pack_session, parcel)


def _other_order(cmd: c.ScanItem, parcel: Parcel, uow: UnitOfWork) -> ScanVerdict | None:
    """A code no product has may be another order's slip: said, and nothing is written.
    None for a code that is nothing known: that one goes in the scan log (unknown code)."""
    others = [o for o in uow.orders.find_for_scan(cmd.text, limit=2)
              if o.number not in parcel.numbers]
    if others:
        return ScanVerdict(Verdict.OTHER_ORDER, Msg(
            "That is order {other}. Finish or hold order {number} first.",
            other=others[0].number, number=parcel.numbers[0]), parcel_view(parcel))
    return None


def undo_last_scan(cmd: c.UndoLastScan, uow: UnitOfWork) -> ScanVerdict:
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        parts = pack_session.undo_last_scan(parcel, uow.now())
        if not parts:
            return ScanVerdict(Verdict.NOTHING_TO_UNDO, Msg("There is no scan to undo."),
                               parcel_view(parcel),
                               log=scan_log(pack_session.events))
        uow.commit()
        return ScanVerdict(Verdict.UNDONE, Msg("Undone: {sku} ×{quantity}.", sku=parts[0].sku,
                                         quantity=sum(e.quantity for e in parts)),
                           parcel_view(parcel), parts[0].sku, scan_log(pack_session.events))


@supervisor_pins_counted
def confirm_by_hand(cmd: c.ConfirmByHand, uow: UnitOfWork) -> ScanVerdict:
    """An item confirmed without a scan: a supervisor approves it, and the scan record says
    who (the reason ends with "; supervisor NAME")."""
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        refuse_unread_note(parcel, cmd.note_ack)
        supervisor = check_supervisor(uow, cmd.approval, Msg("Confirming an item by hand"))
        product = uow.products.get(cmd.sku)
        if product is None:
            raise NotFound(Msg("There is no product {sku}.", sku=cmd.sku))
        match = ProductMatch(product.sku, product.name, 1, product.must_scan)
        scan = ItemScan(cmd.scan_uid, f"manual:{product.sku}", "manual", uow.now(), cmd.quantity)
        reason = cmd.reason.strip()
        event = pack_session.confirm_by_hand(
            parcel, scan, match, f"{reason}; supervisor {supervisor}" if reason else "")
        uow.commit()
        return _verdict(event, pack_session, parcel)


def _still_open(parcel: Parcel) -> list[Order]:
    """The parcel's orders a hold or a leave moves (a cancelled one stays cancelled)."""
    return [o for o in parcel.orders if OrderStatus(o.status) is not OrderStatus.CANCELLED]


@supervisor_pins_counted
def hold_order(cmd: c.HoldOrder, uow: UnitOfWork) -> str:
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        supervisor = check_supervisor(uow, cmd.approval, Msg("Putting an order on hold"))
        for order in _still_open(parcel):
            order.transition(OrderStatus.ON_HOLD, supervisor, uow.now(), cmd.approval.reason,
                             uow.station)
        for order in parcel.orders:
            order.reset_verification()
        pack_session.close(SessionOutcome.HELD, uow.now())
        uow.commit()
        if parcel.merged:
            return Msg("Orders {numbers} are on hold: {reason}",
                       numbers=", ".join(o.number for o in _still_open(parcel)),
                       reason=cmd.approval.reason)
        return Msg("Order {number} is on hold: {reason}", number=parcel.numbers[0],
                   reason=cmd.approval.reason)


def _scans_dropped(left: Msg, verified: int) -> Msg:
    """Leaving an order sets its verified items back: the packer is told, and what to do."""
    if verified == 0:
        return left
    return Msg("{left} Its 1 verified item no longer counts: take it out of the box."
               if verified == 1 else "{left} Its {count} verified items no longer count: "
               "take them out of the box.", left=left, count=verified)


def leave_order(cmd: c.LeaveOrder, uow: UnitOfWork) -> str:
    with uow:
        pack_session, parcel = load_open_parcel(uow, cmd.session_id)
        verified = parcel.items_verified
        for order in _still_open(parcel):
            order.transition(OrderStatus.READY, pack_session.packer, uow.now(),
                             "left unfinished", uow.station)
        for order in parcel.orders:
            order.reset_verification()
        pack_session.close(SessionOutcome.LEFT, uow.now())
        uow.commit()
        if parcel.merged:
            return _scans_dropped(Msg("Orders {numbers} are back in the queue.",
                                      numbers=", ".join(o.number for o in _still_open(parcel))),
                                  verified)
        return _scans_dropped(Msg("Order {number} is back in the queue.",
                                  number=parcel.numbers[0]), verified)


def pack_on_without_label(cmd: c.PackOnWithoutLabel, uow: UnitOfWork) -> str:
    """The bench held the next order because a label did not print; the packer goes on
    anyway. Each order of the parcel says so in its trail (who, when, which printer, why)."""
    with uow:
        for number in cmd.numbers:
            order = uow.orders.get(number)
            if order is None:
                raise NotFound(Msg("There is no order {number}.", number=number))
            order.note(cmd.packer, uow.now(), f"packed on without its label: {cmd.printer}: "
                       f"{cmd.problem}"[:500], uow.station)
        uow.commit()
        return Msg("Packing on without the label for {numbers}; this is recorded. It still "
                   "prints when the printer is back. Scan the next order.",
                   numbers=", ".join(cmd.numbers))


def parse_quantity(text: str) -> int:
    """A quantity typed before a scan."""
    text = text.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_QUANTITY:
        raise InvalidInput(Msg("“{text}” is not a quantity from 1 to {limit}.", text=text,
                               limit=MAX_QUANTITY))
    return int(text)
