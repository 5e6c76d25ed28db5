"""The returns counter's commands: one user action, one unit of work, plain views back.

Stock follows the case: approving an RMA brings the units back from the customer into
"returns in transit" (so they count as sellable again), units that never arrive go back
to the customer, and each graded unit goes to available, frozen or scrap by its
disposition. The refund is queued in the outbox in the same transaction that issues it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.barcodes import code_keys, scan_problem
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.orders import Order, OrderStatus
from app.domain.outbox import OutboxMessage, OutboxStatus
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
from app.services.auth import check_supervisor
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


def shipped_at(order: Order):
    """When the order left: its shipped record, else the moment it was packed (label out)."""
    record = (order.last_transition_to(OrderStatus.SHIPPED)
              or order.last_transition_to(OrderStatus.PACKED))
    return record.at if record else None


def case_view(return_case: ReturnCase, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    carrier = uow.carriers.first()
    return_to = LabelParty(carrier.sender_name, carrier.sender_phone,
                           tuple(carrier.sender_address.splitlines())) if carrier else None
    return return_case_view(return_case, return_to)


def returnable_view(order: Order, uow: ReturnsUnitOfWork, zone: tzinfo) -> ReturnableOrderView:
    """The order's lines with what may still come back, and the policy's verdict on it."""
    cases = uow.returns.for_order(order.number)
    shipped = OrderStatus(order.status) in (OrderStatus.PACKED, OrderStatus.SHIPPED)
    left = _remaining(order, cases) if shipped else {ln.sku: 0 for ln in order.lines}
    lines = tuple(ReturnableLineView(
        ln.sku, ln.name, _category(uow, ln.sku), ln.verified_quantity if shipped else 0,
        (ln.verified_quantity - left[ln.sku]) if shipped else 0, ln.unit_price_cents)
        for ln in order.lines)
    when = shipped_at(order) if shipped else None
    verdict = evaluate([PolicyLine(ln.sku, ln.category) for ln in lines if ln.returnable],
                       uow.returns.rules(), order.channel, None, when, uow.now(), zone)
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
        return ReturnLookup("invalid", problem)
    text = text.strip()
    with uow:
        return_case = uow.returns.get(text)
        if return_case is not None:
            view = case_view(return_case, uow)
            return ReturnLookup("case", Msg("Return {rma}: {status}.", rma=view.rma_number,
                                            status=view.status), case=view)
        if text.upper().startswith("RMA-"):
            return ReturnLookup("unknown", Msg("There is no return {rma}.", rma=text.upper()))
        orders = uow.orders.find_for_scan(text) or uow.returns.find_orders_by_buyer(text)
        if not orders:
            return ReturnLookup("unknown", Msg("No order, tracking number, return or buyer "
                                               "matches '{text}'.", text=text))
        if len(orders) > 1:
            return ReturnLookup("ambiguous", Msg("{count} orders match '{text}'.",
                                                 count=len(orders), text=text),
                                candidates=tuple(Candidate(o.number, o.channel, o.buyer_name,
                                                           str(o.status)) for o in orders))
        view = returnable_view(orders[0], uow, zone)
        return ReturnLookup("order", view.policy_reason, order=view)


def _shipped_order(uow: ReturnsUnitOfWork, number: str) -> Order:
    order = uow.orders.get(number)
    if order is None:
        raise NotFound(Msg("There is no order {number}.", number=number))
    if OrderStatus(order.status) not in (OrderStatus.PACKED, OrderStatus.SHIPPED):
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
        for line in other.lines:
            left[line.sku] = left.get(line.sku, 0) - (
                line.received_quantity if counted else line.quantity)
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
            raise InvalidInput(f"{line.sku}: a quantity cannot be negative ({line.quantity}).")
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
    item.move(source, target, quantity, f"{reason} {return_case.rma_number}"[:64], uow.now(),
              by, uow.station, return_case.order_number)


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
                           cmd.delivered_at, shipped_at(order), uow.now(), zone)
        return_case = ReturnCase(
            f"RMA-{order.number}-{len(cases) + 1}", order.number, order.channel,
            order.channel_order_id, cmd.clerk, payer.value, uow.now(),
            policy_verdict="pass" if verdict.passes else "fail", policy_reason=verdict.reason,
            lines=[ReturnLine(ln.sku, order.line_for_sku(ln.sku).name, ln.quantity, ln.reason,
                              order.line_for_sku(ln.sku).unit_price_cents, ln.opened)
                   for ln in chosen])
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
        raise NotFound(f"There is no return {rma_number.strip().upper()}.")
    return return_case


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
        raise InvalidInput("Say why the return is rejected.")
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
        uow.commit()
        return ReceiveVerdict(scan.result, scan.message, case_view(return_case, uow),
                              scan.sku)


def finish_receiving(rma_number: str, by: str, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Close the receipt: what did not come back is the customer's again, and is flagged."""
    with uow:
        return_case = _case(uow, rma_number)
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


def grade_unit(cmd: GradeUnit, uow: ReturnsUnitOfWork) -> ReturnCaseView:
    """Grade one unit and send it where its disposition says; the last one grades the case."""
    grade = parse_choice(Grade, cmd.grade, "Grade")
    disposition = parse_choice(Disposition, cmd.disposition, "Disposition")
    if disposition is Disposition.RESTOCK and grade is not Grade.RESELLABLE:
        raise InvalidInput(Msg("A {grade} unit cannot go back on the shelf for sale; "
                               "quarantine or scrap it.", grade=grade.value.replace("_", " ")))
    with uow:
        return_case = _case(uow, cmd.rma_number)
        serial = _returned_serial(uow, return_case, cmd)
        line = return_case.line_for(cmd.sku)
        rule = rule_for(uow.returns.rules(), return_case.channel, _category(uow, cmd.sku))
        refund = unit_refund_cents(line.unit_price_cents, line.reason, grade,
                                   rule) if line else 0
        return_case.grade(ReturnUnit(cmd.sku, grade.value, disposition.value, cmd.by,
                                     uow.now(), refund, cmd.photo_path, serial))
        _move(uow, return_case, cmd.sku, 1, Bucket.RETURNS_IN_TRANSIT, TARGETS[disposition],
              f"return {disposition.value}", cmd.by)
        if serial and disposition is Disposition.RESTOCK:
            uow.returns.release_serial(cmd.sku, serial)  # back on the shelf: it may ship again
        if return_case.fully_graded:
            return_case.refund_cents = sum(unit.refund_cents for unit in return_case.units)
            return_case.transition(ReturnStatus.GRADED, cmd.by, uow.now(), "", uow.station)
        uow.commit()
        return case_view(return_case, uow)


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
            raise NotAllowed(f"Return {return_case.rma_number} is "
                             f"{return_case.status.replace('_', ' ')}; grade every unit first.")
        now = uow.now()
        if return_case.refund_cents == 0:
            return_case.transition(ReturnStatus.CLOSED, by, now, "nothing to refund", uow.station)
        elif return_case.channel in NO_CHANNEL_PUSH:
            return_case.refund_status = RefundStatus.MANUAL
            return_case.transition(ReturnStatus.REFUNDED, by, now, "refunded by hand",
                                   uow.station)
            return_case.transition(ReturnStatus.CLOSED, by, now, "", uow.station)
        else:
            uow.outbox.add(_refund_message(return_case, now))
            return_case.refund_status = RefundStatus.PENDING
            return_case.transition(ReturnStatus.REFUNDED, by, now,
                                   "refund queued for the channel", uow.station)
        uow.commit()
        return case_view(return_case, uow)


def refund_key(return_case: ReturnCase) -> str:
    return f"refund:{return_case.channel}:{return_case.rma_number}"


def _refund_message(return_case: ReturnCase, now: datetime) -> OutboxMessage:
    by_sku: dict[str, list[int]] = {}
    for unit in return_case.units:
        by_sku.setdefault(unit.sku, []).append(unit.refund_cents)
    return OutboxMessage(
        channel=return_case.channel, kind="refund", idempotency_key=refund_key(return_case),
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
                return_case.refund_status = RefundStatus.CONFIRMED
                return_case.transition(ReturnStatus.CLOSED, "channel", uow.now(),
                                       "refund confirmed by the channel", uow.station)
            elif status == OutboxStatus.FAILED:
                return_case.refund_status = RefundStatus.FAILED
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
            raise NotFound(f"There is nobody called {to!r} to assign the return to.")
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
        raise InvalidInput("A return window cannot be negative.")
    for percent in (rule.damaged_refund_percent, rule.missing_parts_refund_percent):
        if not 0 <= percent <= 100:
            raise InvalidInput(f"A refund percentage is 0 to 100, not {percent}.")
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
        return datetime.now().astimezone().tzinfo
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"Unknown time zone {name!r} in the settings; use a name such as "
                           "Asia/Shanghai or Europe/Paris.") from None


class ReturnsService:
    """The returns counter as the UI sees it: every action one retried command."""

    def __init__(self, uow_factory: ReturnsUnitOfWorkFactory, zone: str = "") -> None:
        self.uow_factory = uow_factory
        self.zone = store_zone(zone)

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
