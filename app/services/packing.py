"""The pack bench's commands: open an order, verify items, undo, hold, complete.

Each handler is one unit of work and returns plain views. Scans are checked for garbage
before anything is read or written, and a scan's uid makes a replayed scan harmless.
"""

from __future__ import annotations

from app.domain.barcodes import code_keys, scan_problem
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.packing import ItemScan, PackSession, ProductMatch, ScanEvent, SessionOutcome
from app.services import commands as c
from app.services.auth import check_supervisor
from app.services.unit_of_work import UnitOfWork
from app.services.views import (
    Candidate,
    OpenOrderResult,
    ScanVerdict,
    order_view,
    scan_log,
)

MAX_QUANTITY = 999


def _fmt_when(order: Order, status: OrderStatus) -> tuple[str, str]:
    record = order.last_transition_to(status)
    if record is None:
        return "someone", "earlier"
    return record.by, record.at.astimezone().strftime("%Y-%m-%d %H:%M")


def open_order(cmd: c.OpenOrder, uow: UnitOfWork) -> OpenOrderResult:
    problem = scan_problem(cmd.text)
    if problem:
        return OpenOrderResult("invalid", problem)
    with uow:
        found = ([o for o in [uow.orders.get(cmd.number)] if o] if cmd.number
                 else uow.orders.find_for_scan(cmd.text))
        if not found:
            return OpenOrderResult("unknown", Msg("No order matches “{text}”.",
                                                  text=cmd.text.strip()))
        if len(found) > 1:
            return OpenOrderResult(
                "ambiguous", Msg("{count} orders match “{text}”; pick one.", count=len(found),
                                 text=cmd.text.strip()),
                candidates=tuple(Candidate(o.number, o.channel, o.buyer_name, str(o.status))
                                 for o in found))
        return _start_packing(found[0], cmd.packer, uow)


def _start_packing(order: Order, packer: str, uow: UnitOfWork) -> OpenOrderResult:
    status = OrderStatus(order.status)
    if status is OrderStatus.CANCELLED:
        by, when = _fmt_when(order, OrderStatus.CANCELLED)
        return OpenOrderResult("cancelled", Msg(
            "Order {number} was CANCELLED ({when}). Do not ship it: put the items back.",
            number=order.number, when=when), order_view(order))
    if status in (OrderStatus.PACKED, OrderStatus.SHIPPED):
        by, when = _fmt_when(order, OrderStatus.PACKED)
        return OpenOrderResult("already_packed", Msg(
            "Order {number} was already packed by {by} on {when}.", number=order.number, by=by,
            when=when), order_view(order))
    if status is OrderStatus.ON_HOLD:
        by, when = _fmt_when(order, OrderStatus.ON_HOLD)
        reason = order.last_transition_to(OrderStatus.ON_HOLD)
        return OpenOrderResult("on_hold", Msg(
            "Order {number} is on hold since {when} ({reason}).", number=order.number, when=when,
            reason=reason.reason if reason else Msg("no reason given")), order_view(order))
    if status is OrderStatus.NEEDS_REVIEW:
        return OpenOrderResult("on_hold", Msg("Order {number} needs review before packing.",
                                              number=order.number), order_view(order))
    if status is OrderStatus.PACKING:
        return _resume(order, packer, uow)
    skus = [line.sku for line in order.lines]
    item_codes, images = uow.products.order_items(skus)
    order.transition(OrderStatus.PACKING, packer, uow.now(), station=uow.station)
    pack_session = PackSession(order.number, packer, uow.station, uow.now())
    uow.pack_sessions.add(pack_session)
    uow.commit()  # gives the session its id
    return OpenOrderResult("opened", Msg("Order {number} opened.", number=order.number),
                           order_view(order, images),
                           pack_session.id, item_codes=tuple(item_codes))


def _resume(order: Order, packer: str, uow: UnitOfWork) -> OpenOrderResult:
    """An order left mid-pack (a crash, a walk-away) is resumed at the same station."""
    pack_session = uow.pack_sessions.open_for_order(order.number)
    if pack_session and pack_session.station != uow.station and pack_session.packer != packer:
        return OpenOrderResult("busy", Msg(
            "Order {number} is being packed by {packer} at {station}.", number=order.number,
            packer=pack_session.packer, station=pack_session.station), order_view(order))
    if pack_session is None:
        pack_session = PackSession(order.number, packer, uow.station, uow.now())
        uow.pack_sessions.add(pack_session)
        uow.commit()
    item_codes, images = uow.products.order_items([line.sku for line in order.lines])
    return OpenOrderResult("resumed", Msg("Order {number} resumed where it was left.",
                                          number=order.number),
                           order_view(order, images), pack_session.id,
                           log=scan_log(pack_session.events), item_codes=tuple(item_codes))


def load_open_session(uow: UnitOfWork, session_id: int) -> tuple[PackSession, Order]:
    pack_session = uow.pack_sessions.get(session_id)
    if pack_session is None:
        raise NotFound(Msg("Pack session {id} does not exist.", id=session_id))
    if not pack_session.is_open:
        raise NotAllowed(Msg("Order {number} is no longer open at this bench.",
                             number=pack_session.order_number))
    order = uow.orders.get(pack_session.order_number)
    if order is None:
        raise NotFound(Msg("Order {number} is gone from the store.",
                           number=pack_session.order_number))
    return pack_session, order


def _verdict(event: ScanEvent, pack_session: PackSession, order: Order) -> ScanVerdict:
    return ScanVerdict(event.result, event.message, order_view(order), event.sku,
                       scan_log(pack_session.events))


def scan_item(cmd: c.ScanItem, uow: UnitOfWork) -> ScanVerdict:
    problem = scan_problem(cmd.text)
    if problem:
        return ScanVerdict("invalid", problem)
    if not 1 <= cmd.quantity <= MAX_QUANTITY:
        return ScanVerdict("invalid", Msg("Quantity {quantity} is not between 1 and {limit}.",
                                          quantity=cmd.quantity, limit=MAX_QUANTITY))
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        if OrderStatus(order.status) is OrderStatus.CANCELLED:
            return ScanVerdict("cancelled", Msg(
                "Order {number} was CANCELLED while packing. Stop and put the items back.",
                number=order.number), order_view(order))
        earlier = uow.scan_events.by_uid(cmd.scan_uid)
        if earlier is not None:  # the same scan delivered twice: answer as before
            return _verdict(earlier, pack_session, order)
        match = uow.products.match(code_keys(cmd.code or cmd.text))
        if match is None:
            return _not_an_item(cmd, order, uow)
        scan = ItemScan(cmd.scan_uid, cmd.text, cmd.source, uow.now(), cmd.quantity,
                        cmd.symbology, cmd.lot, cmd.serial)
        event = pack_session.verify(order, scan, match)
        uow.commit()
        return _verdict(event, pack_session, order)


def _not_an_item(cmd: c.ScanItem, order: Order, uow: UnitOfWork) -> ScanVerdict:
    """A code no product has: maybe another order's slip, else garbage. Nothing is written."""
    others = [o for o in uow.orders.find_for_scan(cmd.text, limit=2) if o.number != order.number]
    if others:
        return ScanVerdict("other_order", Msg(
            "That is order {other}. Finish or hold order {number} first.",
            other=others[0].number, number=order.number), order_view(order))
    return ScanVerdict("unknown_code", Msg("“{code}” is not a product code Packdesk knows.",
                                           code=cmd.text.strip()), order_view(order))


def undo_last_scan(cmd: c.UndoLastScan, uow: UnitOfWork) -> ScanVerdict:
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        event = pack_session.undo_last(order, uow.now())
        if event is None:
            return ScanVerdict("nothing_to_undo", Msg("There is no scan to undo."),
                               order_view(order),
                               log=scan_log(pack_session.events))
        uow.commit()
        return ScanVerdict("undone", Msg("Undone: {sku} ×{quantity}.", sku=event.sku,
                                         quantity=event.quantity), order_view(order),
                           event.sku, scan_log(pack_session.events))


def confirm_by_hand(cmd: c.ConfirmByHand, uow: UnitOfWork) -> ScanVerdict:
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        product = uow.products.get(cmd.sku)
        if product is None:
            raise NotFound(Msg("There is no product {sku}.", sku=cmd.sku))
        match = ProductMatch(product.sku, product.name, 1, product.must_scan)
        scan = ItemScan(cmd.scan_uid, f"manual:{product.sku}", "manual", uow.now(), cmd.quantity)
        event = pack_session.confirm_by_hand(order, scan, match, cmd.reason)
        uow.commit()
        return _verdict(event, pack_session, order)


def _reset_verification(order: Order) -> None:
    for line in order.lines:
        line.verified_quantity = 0


def hold_order(cmd: c.HoldOrder, uow: UnitOfWork) -> str:
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        supervisor = check_supervisor(uow, cmd.approval, Msg("Putting an order on hold"))
        order.transition(OrderStatus.ON_HOLD, supervisor, uow.now(), cmd.approval.reason,
                         uow.station)
        _reset_verification(order)
        pack_session.close(SessionOutcome.HELD, uow.now())
        uow.commit()
        return Msg("Order {number} is on hold: {reason}", number=order.number,
                   reason=cmd.approval.reason)


def leave_order(cmd: c.LeaveOrder, uow: UnitOfWork) -> str:
    with uow:
        pack_session, order = load_open_session(uow, cmd.session_id)
        order.transition(OrderStatus.READY, pack_session.packer, uow.now(), "left unfinished",
                         uow.station)
        _reset_verification(order)
        pack_session.close(SessionOutcome.LEFT, uow.now())
        uow.commit()
        return Msg("Order {number} is back in the queue.", number=order.number)


def parse_quantity(text: str) -> int:
    """A quantity typed before a scan."""
    text = text.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_QUANTITY:
        raise InvalidInput(Msg("“{text}” is not a quantity from 1 to {limit}.", text=text,
                               limit=MAX_QUANTITY))
    return int(text)
