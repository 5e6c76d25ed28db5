"""The returns counter's commands: one user action, one unit of work, plain views back.

Stock follows the case: approving an RMA brings the units back from the customer into
"returns in transit" (so they count as sellable again), units that never arrive go back
to the customer, and each graded unit goes to available, frozen or scrap by its
disposition. The refund is queued in the outbox in the same transaction that issues it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.barcodes import code_keys, scan_problem
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxKind, OutboxMessage, OutboxStatus
from app.domain.returns import (
    Disposition,
    Grade,
    ReasonCode,
    RefundStatus,
    ReturnCase,
    ReturnLine,
    ReturnStatus,
    ReturnUnit,
    ShippingPaidBy,
    parse_choice,
)
from app.domain.stock import Bucket, StockItem
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.commands import CloseRefundManually, SupervisorApproval
from app.services.retry import with_retries
from app.services.return_policy import (
    PolicyLine,
    ReturnRule,
    evaluate,
    rule_for,
    unit_refund_cents,
)
from app.services.unit_of_work import ReturnsUnitOfWork, ReturnsUnitOfWorkFactory
from app.services.views import (
    Candidate,
    LabelParty,
    LookupOutcome,
    ReceiveVerdict,
    ReturnableLineView,
    ReturnableOrderView,
    ReturnAlert,
    ReturnCaseView,
    ReturnLookup,
    ReturnRate,
    return_case_view,
)

NO_CHANNEL_PUSH = {"manual", "csv", "demo"}  # refunded by hand at the counter
RETURNED_ALREADY = frozenset({ReturnStatus.RECEIVED, ReturnStatus.GRADED, ReturnStatus.REFUNDED,
                              ReturnStatus.CLOSED})
TARGETS = {Disposition.RESTOCK: Bucket.AVAILABLE, Disposition.QUARANTINE: Bucket.FROZEN,
           Disposition.SCRAP: Bucket.SCRAP}
RULE_FIELDS = tuple(f.name for f in fields(ReturnRule) if f.name not in ("id", "channel",
                                                                         "category"))


@dataclass(frozen=True)
class ReturnRequestLine:
    sku: str
    quantity: int
    reason: str = ReasonCode.CHANGED_MIND
    opened: bool = False


@dataclass(frozen=True)
class CreateReturn:
    order_number: str
    lines: tuple[ReturnRequestLine, ...]
    shipping_paid_by: str
    clerk: str
    approval: SupervisorApproval | None = None  # to accept a return the policy refuses
    approve: bool = True  # False: leave it requested, for a supervisor to decide later
    delivered_at: datetime | None = None  # from the carrier's tracking, when known


@dataclass(frozen=True)
class ReceiveItem:
    rma_number: str
    text: str
    by: str


@dataclass(frozen=True)
class GradeUnit:
    rma_number: str
    sku: str
    grade: str
    disposition: str
    by: str
    photo_path: str = ""
    serial: str = ""  # the unit's serial number, read off it at grading
    bin: str = ""  # a restocked unit: the bin it was put in, scanned off the bin's label
    approval: SupervisorApproval | None = None  # a damaged unit graded without a photo


def shipped_at(order: Order):
    """When the order left: its shipped record, else the moment it was packed (label out)."""
    record = (order.last_transition_to(OrderStatus.SHIPPED)
              or order.last_transition_to(OrderStatus.PACKED))
    return record.at if record else None


def delivered_at(order: Order):
    """When the carrier delivered it, when its tracking said so (issue 17)."""
    record = order.last_transition_to(OrderStatus.DELIVERED)
    return record.at if record else None


SHIPPED_STATUSES = (OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)


def case_view(return_case: ReturnCase, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    carrier = uow.carriers.first()
    return_to = LabelParty(carrier.sender_name, carrier.sender_phone,
                           tuple(carrier.sender_address.splitlines())) if carrier else None
    homes = {}
    for line in return_case.lines:
        product = uow.products.get(line.sku)
        homes[line.sku] = product.bin_location.strip().upper() if product else ""
    return return_case_view(return_case, return_to, homes, uow.returns.bins_kept())


def returnable_view(order: Order, uow: ReturnsUnitOfWork, zone: tzinfo) -> ReturnableOrderView:
    """The order's lines with what may still come back, and the policy's verdict on it."""
    cases = uow.returns.for_order(order.number)
    shipped = OrderStatus(order.status) in SHIPPED_STATUSES
    left = _remaining(order, cases) if shipped else {ln.sku: 0 for ln in order.lines}
    lines = tuple(ReturnableLineView(
        ln.sku, ln.name, _category(uow, ln.sku), ln.verified_quantity if shipped else 0,
        (ln.verified_quantity - left[ln.sku]) if shipped else 0, ln.unit_price_cents)
        for ln in order.lines)
    when = shipped_at(order) if shipped else None
    verdict = evaluate([PolicyLine(ln.sku, ln.category) for ln in lines if ln.returnable],
                       uow.returns.rules(), order.channel, delivered_at(order), when,
                       uow.now(), zone)
    passes, reason = verdict.passes, verdict.reason
    if shipped and not any(ln.returnable for ln in lines):
        passes, reason = False, f"Order {order.number} is already fully returned."
    open_cases = tuple(c.rma_number for c in cases
                       if ReturnStatus(c.status) not in (ReturnStatus.CLOSED,
                                                         ReturnStatus.REJECTED))
    return ReturnableOrderView(order.number, order.channel, order.channel_order_id,
                               order.buyer_name, order.phone, str(order.status), when, lines,
                               passes, reason, verdict.window_ends, open_cases)


def find_return(text: str, uow: ReturnsUnitOfWork, zone: tzinfo) -> ReturnLookup:
    """An RMA, an order (number, channel id, tracking number) or a buyer's name or phone."""
    problem = scan_problem(text)
    if problem:
        return ReturnLookup(LookupOutcome.INVALID, problem)
    text = text.strip()
    with uow:
        return_case = uow.returns.get(text)
        if return_case is not None:
            view = case_view(return_case, uow)
            return ReturnLookup(LookupOutcome.CASE, Msg("Return {rma}: {status}.", rma=view.rma_number,
                                            status=view.status), case=view)
        if text.upper().startswith("RMA-"):
            return ReturnLookup(LookupOutcome.UNKNOWN, Msg("There is no return {rma}.", rma=text.upper()))
        orders = uow.orders.find_for_scan(text) or uow.returns.find_orders_by_buyer(text)
        if not orders:
            return ReturnLookup(LookupOutcome.UNKNOWN, Msg("No order, tracking number, return or buyer "
                                               "matches '{text}'.", text=text))
        if len(orders) > 1:
            return ReturnLookup(LookupOutcome.AMBIGUOUS, Msg("{count} orders match '{text}'.",
                                                 count=len(orders), text=text),
                                candidates=tuple(Candidate(o.number, o.channel, o.buyer_name,
                                                           str(o.status)) for o in orders))
        returnable = returnable_view(orders[0], uow, zone)
        return ReturnLookup(LookupOutcome.ORDER, returnable.policy_reason, order=returnable)


def _sold_line(order: Order, sku: str) -> OrderLine:
    """The order's line for a SKU the return was checked against (_check_lines)."""
    line = order.line_for_sku(sku)
    if line is None:
        raise InvalidInput(Msg("{sku} is not on order {number}.", sku=sku, number=order.number))
    return line


def _shipped_order(uow: ReturnsUnitOfWork, number: str) -> Order:
    order = uow.orders.get(number)
    if order is None:
        raise NotFound(Msg("There is no order {number}.", number=number))
    if OrderStatus(order.status) not in SHIPPED_STATUSES:
        raise NotAllowed(Msg("Order {number} is {status}; it has not shipped, so there is "
                             "nothing to return.", number=order.number,
                             status=order.status.replace("_", " ")))
    return order


def _remaining(order: Order, cases: list[ReturnCase]) -> dict[str, int]:
    """Units per SKU that shipped and are not on another return yet."""
    left = {line.sku: 0 for line in order.lines}
    for line in order.lines:
        left[line.sku] += line.verified_quantity
    for other in cases:
        if ReturnStatus(other.status) is ReturnStatus.REJECTED:
            continue
        counted = ReturnStatus(other.status) in RETURNED_ALREADY
        for returned in other.lines:
            left[returned.sku] = left.get(returned.sku, 0) - (
                returned.received_quantity if counted else returned.quantity)
    return left


def _check_lines(cmd: CreateReturn, order: Order, left: dict[str, int]) -> None:
    if all(quantity <= 0 for quantity in left.values()):
        raise NotAllowed(Msg("Order {number} is already fully returned.", number=order.number))
    if not any(line.quantity > 0 for line in cmd.lines):
        raise InvalidInput(Msg("Choose at least one item and how many come back."))
    for line in cmd.lines:
        order_line = order.line_for_sku(line.sku)
        if order_line is None:
            raise InvalidInput(Msg("{sku} is not on order {number}.", sku=line.sku,
                                   number=order.number))
        if line.quantity < 0:
            raise InvalidInput(Msg("{sku}: a quantity cannot be negative ({quantity}).",
                                   sku=line.sku, quantity=line.quantity))
        if line.quantity > left[line.sku]:
            already = order_line.verified_quantity - left[line.sku]
            values = {"sku": line.sku, "quantity": line.quantity, "already": already,
                      "shipped": order_line.verified_quantity}
            raise InvalidInput(Msg("{sku}: {quantity} to return, but only {shipped} shipped and "
                                   "{already} are already on a return.", **values) if already
                               else Msg("{sku}: {quantity} to return, but only {shipped} "
                                        "shipped.", **values))
        parse_choice(ReasonCode, line.reason, "Reason")


def _move(uow: ReturnsUnitOfWork, return_case: ReturnCase, sku: str, quantity: int,
          source: Bucket, target: Bucket, reason: str, by: str) -> None:
    if quantity <= 0:
        return
    item = uow.stock.get(sku)
    if item is None:
        item = StockItem(sku=sku)
        uow.stock.add(item)
    rma = return_case.rma_number  # kept whole: the case's moves are found by it
    item.move(source, target, quantity, f"{reason[:63 - len(rma)]} {rma}", uow.now(),
              by, uow.station, return_case.order_number)


@supervisor_pins_counted
def create_return(cmd: CreateReturn, uow: ReturnsUnitOfWork, zone: tzinfo) -> ReturnCaseView:
    with uow:
        order = _shipped_order(uow, cmd.order_number)
        cases = uow.returns.for_order(order.number)
        _check_lines(cmd, order, _remaining(order, cases))
        payer = parse_choice(ShippingPaidBy, cmd.shipping_paid_by, "Who pays shipping")
        chosen = [line for line in cmd.lines if line.quantity > 0]
        categories = {line.sku: _category(uow, line.sku) for line in chosen}
        verdict = evaluate([PolicyLine(ln.sku, categories[ln.sku], ln.reason, ln.opened)
                            for ln in chosen], uow.returns.rules(), order.channel,
                           cmd.delivered_at or delivered_at(order), shipped_at(order), uow.now(), zone)
        return_case = ReturnCase(
            f"RMA-{order.number}-{len(cases) + 1}", order.number, order.channel,
            order.channel_order_id, cmd.clerk, payer.value, uow.now(),
            policy_verdict="pass" if verdict.passes else "fail", policy_reason=verdict.reason,
            lines=[ReturnLine(ln.sku, sold.name, ln.quantity, ln.reason, sold.unit_price_cents,
                              ln.opened)
                   for ln in chosen for sold in [_sold_line(order, ln.sku)]])
        return_case.request(cmd.clerk, uow.now(), uow.station)
        uow.returns.add(return_case)
        if cmd.approve or cmd.approval is not None:
            _approve(uow, return_case, cmd.clerk, cmd.approval)
        uow.commit()
        return case_view(return_case, uow)


def _category(uow: ReturnsUnitOfWork, sku: str) -> str:
    product = uow.products.get(sku)
    return product.category if product else ""


def _approve(uow: ReturnsUnitOfWork, return_case: ReturnCase, by: str,
             approval: SupervisorApproval | None) -> None:
    """Approve within the policy, or with a supervisor's override outside it."""
    reason = return_case.policy_reason
    if return_case.policy_verdict != "pass":
        if approval is None:
            raise NotAllowed(Msg("Outside the return policy: {reason} A supervisor can accept "
                                 "it anyway, with a reason.", reason=return_case.policy_reason))
        by = check_supervisor(uow, approval, "Accepting a return outside the policy")
        return_case.override_by, return_case.override_reason = by, approval.reason
        reason = f"override: {approval.reason}"
    return_case.transition(ReturnStatus.APPROVED, by, uow.now(), reason, uow.station)
    for line in return_case.lines:
        _move(uow, return_case, line.sku, line.quantity, Bucket.CUSTOMER,
              Bucket.RETURNS_IN_TRANSIT, "return approved", by)


def _case(uow: ReturnsUnitOfWork, rma_number: str) -> ReturnCase:
    """The case, its row locked for this change."""
    return_case = uow.returns.get(rma_number, for_update=True)
    if return_case is None:
        raise NotFound(Msg("There is no return {rma_number}.",
                           rma_number=rma_number.strip().upper()))
    return return_case


@supervisor_pins_counted
def approve_return(rma_number: str, by: str, approval: SupervisorApproval | None,
                   uow: ReturnsUnitOfWork) -> ReturnCaseView:
    with uow:
        return_case = _case(uow, rma_number)
        _approve(uow, return_case, by, approval)
        uow.commit()
        return case_view(return_case, uow)


def reject_return(rma_number: str, by: str, reason: str,
                  uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Refuse a return; units already expected back are the customer's again."""
    if not reason.strip():
        raise InvalidInput(Msg("Say why the return is rejected."))
    with uow:
        return_case = _case(uow, rma_number)
        was_approved = ReturnStatus(return_case.status) is not ReturnStatus.REQUESTED
        return_case.transition(ReturnStatus.REJECTED, by, uow.now(), reason, uow.station)
        if was_approved:
            for line in return_case.lines:
                _move(uow, return_case, line.sku, line.quantity, Bucket.RETURNS_IN_TRANSIT,
                      Bucket.CUSTOMER, "return rejected", by)
        uow.commit()
        return case_view(return_case, uow)


def mark_in_transit(rma_number: str, by: str, tracking_number: str,
                    uow: ReturnsUnitOfWork) -> ReturnCaseView:
    with uow:
        return_case = _case(uow, rma_number)
        return_case.transition(ReturnStatus.IN_TRANSIT, by, uow.now(),
                               f"tracking {tracking_number}".strip(), uow.station)
        uow.commit()
        return case_view(return_case, uow)


def receive_item(cmd: ReceiveItem, uow: ReturnsUnitOfWork) -> ReceiveVerdict:
    """One unit scanned against the RMA: received, wrong item, extra or unknown."""
    with uow:
        return_case = _case(uow, cmd.rma_number)
        problem = scan_problem(cmd.text)
        if problem:
            return ReceiveVerdict("invalid", problem, case_view(return_case, uow))
        match = uow.products.match(code_keys(cmd.text))
        if match is None and (uow.returns.get(cmd.text) or uow.orders.find_for_scan(cmd.text)):
            return ReceiveVerdict("other_order", Msg("{text} is an order or a return, not an "
                                                     "item.", text=cmd.text.strip()),
                                  case_view(return_case, uow))
        scan = return_case.receive(cmd.text.strip(), match.sku if match else None, uow.now(),
                                   cmd.by)
        message = scan.message
        if scan.result == "received" and return_case.units_received == \
                return_case.units_expected:  # the last unit: on to grading, no command needed
            return_case.transition(ReturnStatus.RECEIVED, cmd.by, uow.now(),
                                   "everything came back", uow.station)
            message = Msg("Everything came back. Grade each unit: {sku} first.",
                          sku=return_case.lines[0].sku)
        uow.commit()
        return ReceiveVerdict(scan.result, message, case_view(return_case, uow), scan.sku)


def finish_receiving(rma_number: str, by: str, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Close the receipt: what did not come back is the customer's again, and is flagged."""
    with uow:
        return_case = _case(uow, rma_number)
        if ReturnStatus(return_case.status) is ReturnStatus.RECEIVED:
            return case_view(return_case, uow)  # the last unit's scan closed it already
        if return_case.units_received == 0:
            raise NotAllowed(Msg("Nothing has been received for {rma}; scan the items, or "
                                 "reject the return if nothing came back.",
                                 rma=return_case.rma_number))
        missing = [(line.sku, line.missing) for line in return_case.lines if line.missing]
        note = "missing: " + ", ".join(f"{sku}×{n}" for sku, n in missing) if missing else ""
        return_case.transition(ReturnStatus.RECEIVED, by, uow.now(), note, uow.station)
        for sku, quantity in missing:
            _move(uow, return_case, sku, quantity, Bucket.RETURNS_IN_TRANSIT, Bucket.CUSTOMER,
                  "return not received", by)
        uow.commit()
        return case_view(return_case, uow)


@supervisor_pins_counted
def grade_unit(cmd: GradeUnit, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Grade one unit and send it where its disposition says; the last one grades the case.
    A damaged unit carries a photo (or a supervisor's word that it goes without), and a
    restocked one the bin it was put in, scanned off the bin."""
    grade = parse_choice(Grade, cmd.grade, "Grade")
    disposition = Disposition(parse_choice(Disposition, cmd.disposition, "Disposition"))
    if disposition is Disposition.RESTOCK and grade is not Grade.RESELLABLE:
        raise InvalidInput(Msg("A {grade} unit cannot go back on the shelf for sale; "
                               "quarantine or scrap it.", grade=grade.value.replace("_", " ")))
    with uow:
        return_case = _case(uow, cmd.rma_number)
        serial = _returned_serial(uow, return_case, cmd)
        reason = f"return {disposition.value}"
        if grade is Grade.DAMAGED and not cmd.photo_path.strip():
            if cmd.approval is None:
                raise NotAllowed(Msg("A damaged unit needs a photo: take one (PD:PHOTO), or a "
                                     "supervisor lets it go without (PD:NO-PHOTO)."))
            by = check_supervisor(uow, cmd.approval, "Grading a damaged unit without a photo")
            reason += f" no photo ({by})"
        if disposition is Disposition.RESTOCK:
            reason += _restock_bin(uow, cmd)
        line = return_case.line_for(cmd.sku)
        rule = rule_for(uow.returns.rules(), return_case.channel, _category(uow, cmd.sku))
        refund = unit_refund_cents(line.unit_price_cents, line.reason, grade,
                                   rule) if line else 0
        return_case.grade(ReturnUnit(cmd.sku, grade.value, disposition.value, cmd.by,
                                     uow.now(), refund, cmd.photo_path, serial))
        _move(uow, return_case, cmd.sku, 1, Bucket.RETURNS_IN_TRANSIT, TARGETS[disposition],
              reason, cmd.by)
        if serial and disposition is Disposition.RESTOCK:
            uow.returns.release_serial(cmd.sku, serial)  # back on the shelf: it may ship again
        if return_case.fully_graded:
            return_case.refund_cents = sum(unit.refund_cents for unit in return_case.units)
            return_case.transition(ReturnStatus.GRADED, cmd.by, uow.now(), "", uow.station)
        uow.commit()
        return case_view(return_case, uow)


def _restock_bin(uow: ReturnsUnitOfWork, cmd: GradeUnit) -> str:
    """The scanned bin, checked: the product's own bin when it has one, else a bin the
    store knows (a store that keeps no bins asks for none). What goes on the ledger's
    reason: "" for the product's own bin."""
    scanned = cmd.bin.strip().upper()
    product = uow.products.get(cmd.sku)
    home = (product.bin_location if product else "").strip().upper()
    if not scanned and not home and not uow.returns.bins_kept():
        return ""
    if not scanned:
        raise InvalidInput(Msg("Scan the bin {sku} goes back to.", sku=cmd.sku))
    if home and scanned != home:
        raise InvalidInput(Msg("{bin} is not the bin of {sku}; it goes back to {home}. Scan "
                               "that bin.", bin=scanned, sku=cmd.sku, home=home))
    if not home and not uow.returns.bin_known(scanned):
        raise InvalidInput(Msg("{bin} is not a bin of this store; scan the label on the bin.",
                               bin=scanned))
    return "" if home else f" to {scanned}"


def _returned_serial(uow: ReturnsUnitOfWork, return_case: ReturnCase, cmd: GradeUnit) -> str:
    """The graded unit's serial, which must be one that shipped in the returned order."""
    serial = cmd.serial.strip()
    if serial and uow.returns.serial_shipped_in(cmd.sku, serial) != return_case.order_number:
        raise InvalidInput(Msg("Serial {serial} did not ship in order {number}; check the "
                               "unit's label.", serial=serial, number=return_case.order_number))
    return serial


def issue_refund(rma_number: str, by: str, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Ask the channel to refund what grading decided, through the outbox."""
    with uow:
        return_case = _case(uow, rma_number)
        if ReturnStatus(return_case.status) is not ReturnStatus.GRADED:
            raise NotAllowed(Msg("Return {rma_number} is {status}; grade every unit first.",
                                 rma_number=return_case.rma_number, status=return_case.status.replace('_', ' ')))
        now = uow.now()
        if return_case.refund_cents == 0:
            return_case.transition(ReturnStatus.CLOSED, by, now, "nothing to refund", uow.station)
        elif return_case.channel in NO_CHANNEL_PUSH \
                or not uow.returns.channel_set_up(return_case.channel):
            note = _by_hand(return_case)
            return_case.refund(RefundStatus.MANUAL, by, now, uow.station)
            return_case.transition(ReturnStatus.REFUNDED, by, now, "refunded by hand",
                                   uow.station)
            return_case.transition(ReturnStatus.CLOSED, by, now, "", uow.station)
            uow.commit()
            return replace(case_view(return_case, uow), refund_note=note)
        else:
            uow.outbox.add(_refund_message(return_case, now))
            return_case.refund(RefundStatus.PENDING, by, now, uow.station)
            return_case.transition(ReturnStatus.REFUNDED, by, now,
                                   "refund queued for the channel", uow.station)
        uow.commit()
        return case_view(return_case, uow)


def _by_hand(return_case: ReturnCase) -> Msg:
    """What happens to a refund Packdesk cannot send: the clerk pays it back by hand."""
    if return_case.channel in NO_CHANNEL_PUSH:
        return Msg("order {number} came from {channel}, which Packdesk cannot refund. Pay the "
                   "buyer back in the shop's own system or by bank transfer.",
                   number=return_case.order_number, channel=return_case.channel)
    return Msg("no {channel} channel is set up at this store, so Packdesk cannot send it. "
               "Pay the buyer back in the seller centre or by bank transfer.",
               channel=return_case.channel)


def refund_key(return_case: ReturnCase) -> str:
    return f"refund:{return_case.channel}:{return_case.rma_number}"


def _refund_message(return_case: ReturnCase, now: datetime) -> OutboxMessage:
    by_sku: dict[str, list[int]] = {}
    for unit in return_case.units:
        by_sku.setdefault(unit.sku, []).append(unit.refund_cents)
    return OutboxMessage(
        channel=return_case.channel, kind=OutboxKind.REFUND,
        idempotency_key=refund_key(return_case),
        payload={"rma_number": return_case.rma_number,
                 "order_number": return_case.order_number,
                 "channel_order_id": return_case.channel_order_id,
                 "amount_cents": return_case.refund_cents,
                 "shipping_paid_by": return_case.shipping_paid_by,
                 "lines": [{"sku": sku, "quantity": len(amounts), "amount_cents": sum(amounts)}
                           for sku, amounts in by_sku.items()]},
        created_at=now)


def track_refunds(uow: ReturnsUnitOfWork) -> list[ReturnCaseView]:
    """Follow pending refunds: a sent message closes the case, a failed one needs a person."""
    with uow:
        changed = []
        for return_case in uow.returns.awaiting_refund():
            message = uow.returns.refund_message(refund_key(return_case))
            status = message.status if message else OutboxStatus.FAILED
            if status == OutboxStatus.SENT:
                return_case.refund(RefundStatus.CONFIRMED, "channel", uow.now(), uow.station)
                return_case.transition(ReturnStatus.CLOSED, "channel", uow.now(),
                                       "refund confirmed by the channel", uow.station)
            elif status == OutboxStatus.FAILED:
                return_case.refund(RefundStatus.FAILED, "channel", uow.now(), uow.station)
            else:
                continue
            changed.append(return_case)
        uow.commit()
        return [case_view(return_case, uow) for return_case in changed]


def escalate_overdue(uow: ReturnsUnitOfWork) -> list[ReturnAlert]:
    """Cases waiting past their deadline escalate once per status, each with an alert."""
    with uow:
        now, alerts = uow.now(), []
        for return_case in uow.returns.overdue(now):
            return_case.escalated_at = now
            alerts.append(alert_for(return_case))
        uow.commit()
        return alerts


def alert_for(return_case: ReturnCase) -> ReturnAlert:
    status = return_case.status.replace("_", " ")
    return ReturnAlert(
        return_case.rma_number, return_case.status, return_case.assigned_to,
        return_case.deadline_at,
        f"Return {return_case.rma_number} has been {status} too long "
        f"(due {return_case.deadline_at:%Y-%m-%d %H:%M} UTC); "
        f"assigned to {return_case.assigned_to or 'nobody'}.")


def assign_case(rma_number: str, to: str, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    with uow:
        return_case = _case(uow, rma_number)
        person = uow.packers.by_name(to)
        if person is None:
            raise NotFound(Msg("There is nobody called {to!r} to assign the return to.", to=to))
        return_case.assigned_to = person.name
        uow.commit()
        return case_view(return_case, uow)


def return_rate(since: datetime, until: datetime, uow: ReturnsUnitOfWork) -> ReturnRate:
    """Units returned per unit shipped in a period: the figure the returns report shows."""
    with uow:
        shipped, returned = uow.returns.units_shipped_and_returned(since, until)
        return ReturnRate(since, until, shipped, returned)


def save_rule(rule: ReturnRule, uow: ReturnsUnitOfWork) -> None:
    """Add the rule for its channel and category, or replace the one already there."""
    if rule.window_days < 0 or rule.fault_window_days < 0:
        raise InvalidInput(Msg("A return window cannot be negative."))
    for percent in (rule.damaged_refund_percent, rule.missing_parts_refund_percent):
        if not 0 <= percent <= 100:
            raise InvalidInput(Msg("A refund percentage is 0 to 100, not {percent}.",
                                   percent=percent))
    with uow:
        existing = next((r for r in uow.returns.rules()
                         if (r.channel, r.category) == (rule.channel, rule.category)), None)
        if existing is None:
            uow.returns.add_rule(replace(rule, id=None))
        else:
            for name in RULE_FIELDS:
                setattr(existing, name, getattr(rule, name))
        uow.commit()


def list_rules(uow: ReturnsUnitOfWork) -> list[ReturnRule]:
    """Copies of the stored rules, safe to hand to another thread."""
    with uow:
        return [replace(rule) for rule in uow.returns.rules()]


def store_zone(name: str = "") -> tzinfo:
    """The store's time zone from settings; "" is the machine's own."""
    if not name:
        return datetime.now().astimezone().tzinfo or UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(Msg("Unknown time zone {name!r} in the settings; use a name such as Asia/Shanghai or Europe/Paris.",
                               name=name)) from None


class ReturnsService:
    """The returns counter as the UI sees it: every action one retried command."""

    def __init__(self, uow_factory: ReturnsUnitOfWorkFactory, zone: str = "",
                 carriers=None) -> None:
        self.uow_factory = uow_factory
        self.zone = store_zone(zone)
        self.carriers = carriers  # the carrier adapters, for return pick-ups (network work)

    @property
    def books_pickups(self) -> bool:
        return self.carriers is not None

    def book_pickup(self, rma_number: str, by: str) -> ReturnCaseView:
        """A pick-up at the buyer's door tomorrow (上门取件) with the shop's first carrier
        that books them. Network work: never on the Qt main thread."""
        from app.services.return_pickup import (
            BookReturnPickup,
            book_return_pickup,
            next_day_window,
            pickup_carrier_code,
        )
        if self.carriers is None:
            raise NotAllowed(Msg("This counter has no carriers to book a pick-up with."))
        start, end = next_day_window(self.uow_factory().now(), self.zone)
        cmd = BookReturnPickup(rma_number, by, pickup_carrier_code(self.uow_factory()),
                               start, end)
        return book_return_pickup(cmd, self.carriers, self.uow_factory)

    def _run(self, action, what: str):
        return with_retries(action, what)

    def find(self, text: str) -> ReturnLookup:
        return find_return(text, self.uow_factory(), self.zone)

    def create(self, cmd: CreateReturn) -> ReturnCaseView:
        return self._run(lambda: create_return(cmd, self.uow_factory(), self.zone),
                         "Creating the return")

    def approve(self, rma_number: str, by: str,
                approval: SupervisorApproval | None = None) -> ReturnCaseView:
        return self._run(lambda: approve_return(rma_number, by, approval, self.uow_factory()),
                         "Approving the return")

    def reject(self, rma_number: str, by: str, reason: str) -> ReturnCaseView:
        return self._run(lambda: reject_return(rma_number, by, reason, self.uow_factory()),
                         "Rejecting the return")

    def mark_in_transit(self, rma_number: str, by: str, tracking: str = "") -> ReturnCaseView:
        return self._run(lambda: mark_in_transit(rma_number, by, tracking, self.uow_factory()),
                         "Marking the return in transit")

    def receive(self, cmd: ReceiveItem) -> ReceiveVerdict:
        return self._run(lambda: receive_item(cmd, self.uow_factory()), "Receiving the item")

    def finish_receiving(self, rma_number: str, by: str) -> ReturnCaseView:
        return self._run(lambda: finish_receiving(rma_number, by, self.uow_factory()),
                         "Finishing the receipt")

    def grade(self, cmd: GradeUnit) -> ReturnCaseView:
        return self._run(lambda: grade_unit(cmd, self.uow_factory()), "Grading the unit")

    def refund(self, rma_number: str, by: str) -> ReturnCaseView:
        return self._run(lambda: issue_refund(rma_number, by, self.uow_factory()),
                         "Issuing the refund")

    def close_refund(self, cmd: CloseRefundManually) -> ReturnCaseView:
        from app.services.refund_close import close_refund_manually  # it builds on this module

        return self._run(lambda: close_refund_manually(cmd, self.uow_factory()),
                         "Closing the refund by hand")

    def assign(self, rma_number: str, to: str) -> ReturnCaseView:
        return self._run(lambda: assign_case(rma_number, to, self.uow_factory()),
                         "Assigning the return")

    def track_refunds(self) -> list[ReturnCaseView]:
        return self._run(lambda: track_refunds(self.uow_factory()), "Checking refunds")

    def escalate(self) -> list[ReturnAlert]:
        return self._run(lambda: escalate_overdue(self.uow_factory()), "Escalating returns")

    def alerts(self) -> list[ReturnAlert]:
        with self.uow_factory() as uow:
            return [alert_for(return_case) for return_case in uow.returns.escalated()]

    def return_rate(self, since: datetime, until: datetime) -> ReturnRate:
        return return_rate(since, until, self.uow_factory())

    def rules(self) -> list[ReturnRule]:
        return list_rules(self.uow_factory())

    def save_rule(self, rule: ReturnRule) -> None:
        self._run(lambda: save_rule(rule, self.uow_factory()), "Saving the return rule")
