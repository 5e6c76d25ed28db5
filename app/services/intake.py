"""Orders arriving from the channels: created, reserved, checked, updated or cancelled.

Every order keeps its invariants in the unit of work that takes it in: an order exists only
with its reservations and its intake record, and a cancellation releases what was reserved in
the same transaction. A batch shares one transaction (speed) but each order is handled alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from app.domain.channels import Admission, ChannelSku, IntakeException, OrderIntake
from app.domain.channels import ChannelOrderStatus as S
from app.domain.errors import NotAllowed, NotFound, PackdeskError, StoreRefused
from app.domain.messages import Msg, joined
from app.domain.orders import Order, OrderStatus
from app.domain.stock import InsufficientStock, StockItem
from app.services.intake_data import IncomingLine as IncomingLine  # re-exported
from app.services.intake_data import (
    IncomingOrder,
    IntakeOutcome,
    IntakeResult,
    ReviewKind,
    Unmapped,
)
from app.services.intake_fit import fit
from app.services.retry import with_retries
from app.services.shipments import stop_packed_order
from app.services.unit_of_work import SyncUnitOfWork, SyncUnitOfWorkFactory

BY = "intake"
GONE = frozenset({S.CANCELLED, S.REFUNDED})
HELD = frozenset({S.ON_HOLD, S.AWAITING_PAYMENT})  # the channel says: do not ship it now
NOT_TAKEN_IN = GONE | {S.FULFILLED, S.AWAITING_PAYMENT}  # a new order in these stays out
CHANNEL_HOLD = Msg("the channel holds the order")
HOLD_WORDS: dict[str, Msg] = {S.ON_HOLD: Msg("on hold"),
                              S.AWAITING_PAYMENT: Msg("awaiting payment")}
NOT_YET_SHIPPED = frozenset({OrderStatus.NEEDS_REVIEW, OrderStatus.READY, OrderStatus.PACKING,
                             OrderStatus.ON_HOLD})


def buyer_key(order: IncomingOrder) -> str:
    """Same person, same door: the orders can travel in one parcel."""
    a = order.ship_to
    parts = (order.buyer_name or a.name, a.line1, a.line2, a.city, a.postcode, a.country)
    text = "|".join(" ".join(p.split()).casefold() for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def take_in(batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWork,
            cursor: tuple[str, str | None] | None = None) -> list[IntakeResult]:
    """One transaction for the batch (and the channel's new pull cursor, if given).

    Every order is first made to fit the store (intake_fit.py), so a page normally goes in
    at once. Should the store still refuse the page, it is taken in again order by order,
    each in its own savepoint: what the store refuses is parked with the reason, the other
    orders come in, and the cursor moves on. One bad order never blocks a channel."""
    batch = [fit(item) for item in batch]
    numbers = _numbers_for(batch, uow)
    try:
        return _take_in_page(batch, uow, cursor, numbers)
    except StoreRefused:
        return _take_in_one_by_one(batch, uow, cursor, numbers)


def _numbers_for(batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWork) -> list[str]:
    """Order numbers for the batch's new orders, taken from the counter in a short
    transaction of its own. SQLite's one writer lock is held from a transaction's first
    write to its commit: with the counter as the page's first write, the page held it
    through its work order by order too (300-440 ms a step at 1M orders, issue 20) and a
    scan waited behind it. A number left over (another station took the order in first,
    the page is retried) is a gap in the numbering, as a database sequence leaves one."""
    incoming = [item for item in batch if isinstance(item, IncomingOrder)
                and item.status not in NOT_TAKEN_IN]
    if not incoming:
        return []
    with uow:
        known: set[tuple[str, str]] = set()
        for channel in {item.channel for item in incoming}:
            ids = [item.channel_order_id for item in incoming if item.channel == channel]
            known |= {(channel, key) for key in uow.orders.intake_links(channel, ids)}
        fresh = {(item.channel, item.channel_order_id) for item in incoming} - known
        numbers = uow.orders.next_numbers(len(fresh))
        uow.commit()
    return numbers


def _take_in_page(batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWork,
                  cursor: tuple[str, str | None] | None,
                  numbers: list[str]) -> list[IntakeResult]:
    with uow, uow.refusals():
        known = _Known.read(batch, uow, list(numbers))
        results = [_one(item, uow, known) for item in batch]
        known.write(uow)
        if cursor is not None:
            _save_cursor(uow, *cursor)
        uow.commit()
        return results


def _take_in_one_by_one(batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWork,
                        cursor: tuple[str, str | None] | None,
                        numbers: list[str]) -> list[IntakeResult]:
    """The slow path, for a page the store refused: a savepoint per order. Parking is in a
    savepoint too; a store that refuses even that fails the page (the cursor stays)."""
    numbers = list(numbers)  # taken already: each new order takes the next one
    with uow:
        results = []
        for item in batch:
            try:
                with uow.savepoint():
                    known = _Known.read([item], uow, numbers)
                    result = _one(item, uow, known)
                    known.write(uow)
                results.append(result)
            except StoreRefused as exc:
                with uow.savepoint():
                    results.append(park(Unmapped(item.channel, item.channel_order_id, Msg(
                        "the store refused this order: {why}", why=str(exc))), uow))
        if cursor is not None:
            _save_cursor(uow, *cursor)
        uow.commit()
        return results


def take_in_with_retries(batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWorkFactory,
                         cursor: tuple[str, str | None] | None = None) -> list[IntakeResult]:
    return with_retries(lambda: take_in(batch, uow(), cursor), Msg("Taking in channel orders"))


@dataclass
class _Known:
    """What the store already holds about a batch, read in a few queries before anything is
    written: a page of 250 orders costs a handful of round trips, not one per line."""

    links: dict[tuple[str, str], OrderIntake | Admission]
    orders: dict[str, Order]
    products: set[str]  # SKU keys (trimmed, upper case)
    stock: dict[str, StockItem]
    listed: set[tuple[str, str]]  # (channel, sku)
    open_by_buyer: dict[str, list[OrderIntake | Admission]]
    numbers: list[str]
    buyer_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    merge_groups: dict[str, str] = field(default_factory=dict)
    admitted: list[Admission] = field(default_factory=list)  # not written yet
    regrouped: dict[int, OrderIntake] = field(default_factory=dict)  # stored, new merge group

    @classmethod
    def read(cls, batch: list[IncomingOrder | Unmapped], uow: SyncUnitOfWork,
             taken: list[str]) -> _Known:
        """`taken`: numbers already taken from the counter (_numbers_for); the new orders
        use them first (and take them out of the list), the counter only what is lacking."""
        incoming = [item for item in batch if isinstance(item, IncomingOrder)]
        links: dict[tuple[str, str], OrderIntake | Admission] = {}
        for channel in {item.channel for item in incoming}:
            ids = [item.channel_order_id for item in incoming if item.channel == channel]
            links.update({(channel, key): link for key, link
                          in uow.orders.intake_links(channel, ids).items()})
        fresh = {(item.channel, item.channel_order_id) for item in incoming
                 if (item.channel, item.channel_order_id) not in links
                 and item.status not in NOT_TAKEN_IN}
        skus = {line.sku for item in incoming for line in item.lines if line.sku}
        skus |= {sku for link in links.values() for sku in link.reserved}
        buyer_keys = {(item.channel, item.channel_order_id): buyer_key(item) for item in incoming}
        listed = set()
        for channel in {item.channel for item in incoming}:
            listed |= {(channel, sku) for sku in uow.stock.listed(channel, sorted(skus))}
        return cls(
            links=links,
            orders=uow.orders.get_many([link.order_number for link in links.values()]),
            products=uow.products.known_skus(sorted(skus)),
            stock=uow.stock.get_many(sorted(skus)),
            listed=listed,
            open_by_buyer={key: list(links) for key, links in uow.orders.open_intakes_with_buyers(
                sorted(set(buyer_keys.values()))).items()},
            buyer_keys=buyer_keys,
            numbers=_take(taken, len(fresh), uow),
        )

    def next_number(self, uow: SyncUnitOfWork) -> str:
        return self.numbers.pop(0) if self.numbers else uow.orders.next_number()

    def write(self, uow: SyncUnitOfWork) -> None:
        """The page's new orders, and the stored records its merge groups reached, each kind
        in a few statements."""
        uow.orders.admit(self.admitted)
        self.admitted = []
        uow.orders.write_merge_groups(list(self.regrouped.values()))
        self.regrouped = {}

    def write_admitted(self, uow: SyncUnitOfWork) -> None:
        """Store the orders admitted so far; from then on they are orders like any other
        (the same channel order twice in one page updates the first)."""
        if not self.admitted:
            return
        uow.orders.admit(self.admitted)
        written = {(a.channel, a.channel_order_id) for a in self.admitted}
        self.admitted = []
        for channel in {key[0] for key in written}:
            ids = [key[1] for key in written if key[0] == channel]
            self.links.update({(channel, key): link for key, link
                               in uow.orders.intake_links(channel, ids).items()})
        self.orders.update(uow.orders.get_many([self.links[key].order_number
                                                for key in written]))
        for same_door in self.open_by_buyer.values():
            same_door[:] = [self.links[(o.channel, o.channel_order_id)]
                            if isinstance(o, Admission) else o for o in same_door]


def _take(taken: list[str], count: int, uow: SyncUnitOfWork) -> list[str]:
    numbers, taken[:] = taken[:count], taken[count:]
    return numbers + uow.orders.next_numbers(count - len(numbers))


def _save_cursor(uow: SyncUnitOfWork, channel_code: str, cursor: str | None) -> None:
    channel = uow.outbox.channel(channel_code)
    if channel is not None:
        channel.pull_cursor = cursor
        channel.last_pull_at = uow.now()


def _one(item: IncomingOrder | Unmapped, uow: SyncUnitOfWork, known: _Known) -> IntakeResult:
    if isinstance(item, Unmapped):
        return park(item, uow)
    try:
        link = known.links.get((item.channel, item.channel_order_id))
        if link is None:
            return _create(item, uow, known)
        if isinstance(link, Admission):  # the same order twice in one page
            known.write_admitted(uow)
            link = known.links[(item.channel, item.channel_order_id)]
        assert isinstance(link, OrderIntake)  # written just now
        return _update(item, link, uow, known)
    except PackdeskError as exc:
        return park(Unmapped(item.channel, item.channel_order_id, str(exc)), uow)


def park(item: Unmapped, uow: SyncUnitOfWork) -> IntakeResult:
    uow.orders.park_exception(IntakeException(item.channel, item.channel_order_id,
                                              item.reason, dict(item.raw), uow.now()))
    return IntakeResult(item.channel_order_id, IntakeOutcome.PARKED, reasons=(item.reason,))


def _create(item: IncomingOrder, uow: SyncUnitOfWork, known: _Known) -> IntakeResult:
    if item.status in NOT_TAKEN_IN:
        return IntakeResult(item.channel_order_id, IntakeOutcome.IGNORED, reasons=(
            Msg("order is {status} at the channel", status=item.status.replace('_', ' ')),))
    admission = Admission(
        item.channel, item.channel_order_id, known.next_number(uow),
        known.buyer_keys.get((item.channel, item.channel_order_id)) or buyer_key(item),
        item.buyer_name, item.phone, item.ship_to,
        [(ln.channel_line_id, ln.sku, ln.name, ln.quantity, ln.unit_price_cents)
         for ln in item.lines],
        uow.now(), uow.station, item.placed_at, item.ship_by, item.tracking_number or None,
        item.carrier, item.buyer_note, item.status, item.updated_marker,
        receiver_oaid=item.receiver_oaid)
    reasons = list(item.review_reasons) + _reserve(admission, uow, known)
    if item.status == S.PARTIALLY_REFUNDED:
        reasons.append(Msg("partly refunded at the channel: check which items still ship"))
    admission.review_reasons = list(dict.fromkeys(reasons))
    if item.status in HELD:
        admission.held_reason = hold_reason(item.status)
    known.admitted.append(admission)
    known.links[(item.channel, item.channel_order_id)] = admission
    _flag_merge(admission, known)
    return IntakeResult(item.channel_order_id,
                        IntakeOutcome.REVIEW if reasons else IntakeOutcome.CREATED,
                        admission.order_number, tuple(admission.review_reasons),
                        admission.merge_group)


def _reserve(admission: Admission, uow: SyncUnitOfWork, known: _Known) -> list[str | Msg]:
    """Reserve every line it can; each line it cannot is a reason for review."""
    reasons: list[str | Msg] = []
    for _line_id, sku, _name, quantity, _price in admission.lines:
        if not sku or quantity <= 0:
            continue  # validation already gave the reason
        if sku.strip().upper() not in known.products:
            reasons.append(Msg("unknown SKU {sku}: no such product in Packdesk", sku=sku))
            continue
        _list_for_channel(admission.channel, sku, uow, known)
        item = known.stock.get(sku)
        try:
            if item is None:
                raise InsufficientStock(sku)
            item.reserve(quantity, admission.order_number, admission.admitted_at, BY)
        except InsufficientStock:
            reasons.append(Msg("not enough stock for SKU {sku}", sku=sku))
            continue
        admission.reserved[sku] = admission.reserved.get(sku, 0) + quantity
    return reasons


def _list_for_channel(channel: str, sku: str, uow: SyncUnitOfWork, known: _Known) -> None:
    """A SKU a channel sold is a SKU it lists: its stock level is pushed from now on."""
    if (channel, sku) not in known.listed:
        uow.stock.add_listing(ChannelSku(channel, sku))
        known.listed.add((channel, sku))


def _to_review(order: Order, link: OrderIntake, reasons: list[str | Msg],
               uow: SyncUnitOfWork) -> None:
    link.review_reasons = list(dict.fromkeys(link.review_reasons + reasons))
    if order.can_transition(OrderStatus.NEEDS_REVIEW):
        order.transition(OrderStatus.NEEDS_REVIEW, BY, uow.now(), joined(reasons),
                         uow.station)
    elif order.can_transition(OrderStatus.ON_HOLD):
        order.transition(OrderStatus.ON_HOLD, BY, uow.now(), joined(reasons), uow.station)


def _flag_merge(link: Admission, known: _Known) -> None:
    """Same buyer, same door, both still open: one merge group (kept per batch, so a buyer
    with many open orders costs no more than one with two)."""
    same_door = known.open_by_buyer.setdefault(link.buyer_key, [])
    if not same_door:
        same_door.append(link)
        return
    group = known.merge_groups.get(link.buyer_key)
    if group is None:
        group = next((o.merge_group for o in same_door if o.merge_group), "") or \
            f"M-{same_door[0].order_number}"
        for other in same_door:
            if other.merge_group != group:
                other.merge_group = group
                if isinstance(other, OrderIntake):
                    known.regrouped[id(other)] = other
        known.merge_groups[link.buyer_key] = group
    link.merge_group = group
    same_door.append(link)


def _update(item: IncomingOrder, link: OrderIntake, uow: SyncUnitOfWork,
            known: _Known) -> IntakeResult:
    order = known.orders.get(link.order_number)
    if order is None:
        raise NotFound(Msg("Order {order_number} for {channel} {channel_order_id} is gone from the store.",
                           order_number=link.order_number, channel=item.channel, channel_order_id=item.channel_order_id))
    if item.status in GONE:
        return _cancel(item, order, link, uow, known)
    if item.updated_marker and item.updated_marker == link.updated_marker \
            and item.status == link.channel_status:
        return IntakeResult(item.channel_order_id, IntakeOutcome.UNCHANGED, order.number)
    if item.status in HELD:
        parked = _hold(item, order, link, uow)
        if parked is not None:
            return parked
    elif link.channel_status in HELD:
        _lift_hold(order, link, uow)
    link.updated_marker, link.channel_status = item.updated_marker, item.status
    status = OrderStatus(order.status)
    if status in (OrderStatus.READY, OrderStatus.NEEDS_REVIEW):
        order.ship_to, order.phone = item.ship_to, item.phone
        order.receiver_oaid = item.receiver_oaid  # a new address at Taobao is a new OAID
        order.buyer_note = item.buyer_note
    reasons: list[str | Msg] = []
    if item.status == S.PARTIALLY_REFUNDED and status in NOT_YET_SHIPPED:
        reasons.append(Msg("partly refunded at the channel: check which items still ship"))
    if _lines_changed(item, link) and status in NOT_YET_SHIPPED:
        reasons.append(Msg("the channel changed the order's items: check them before packing"))
    if reasons:
        _to_review(order, link, reasons, uow)
    return IntakeResult(item.channel_order_id, IntakeOutcome.UPDATED, order.number,
                        tuple(link.review_reasons), link.merge_group)


def hold_reason(channel_status: str) -> str:
    return f"{CHANNEL_HOLD}: {HOLD_WORDS.get(channel_status, channel_status)}"


def _hold(item: IncomingOrder, order: Order, link: OrderIntake,
          uow: SyncUnitOfWork) -> IntakeResult | None:
    """The channel holds it (or its payment is gone): the bench order waits on hold. Packed
    already, it is parked for a person to stop the parcel."""
    status = OrderStatus(order.status)
    if status is OrderStatus.ON_HOLD or status is OrderStatus.CANCELLED:
        return None
    if not order.can_transition(OrderStatus.ON_HOLD):
        link.channel_status, link.updated_marker = item.status, item.updated_marker
        return park(Unmapped(item.channel, item.channel_order_id,
                             Msg("{hold_reason} after order {number} was {value}: stop the parcel before it ships",
                                 hold_reason=hold_reason(item.status), number=order.number, value=status.value)), uow)
    order.transition(OrderStatus.ON_HOLD, BY, uow.now(), hold_reason(item.status), uow.station)
    return None


def _lift_hold(order: Order, link: OrderIntake, uow: SyncUnitOfWork) -> None:
    """The channel released its hold: the order goes back where it was, unless a person
    (or a review) holds it too."""
    if OrderStatus(order.status) is not OrderStatus.ON_HOLD:
        return
    record = order.last_transition_to(OrderStatus.ON_HOLD)
    if record is None or record.by != BY or not record.reason.startswith(CHANNEL_HOLD):
        return
    order.transition(OrderStatus.READY, BY, uow.now(), Msg("{channel_hold} no more",
                                                           channel_hold=CHANNEL_HOLD),
                     uow.station)
    if link.review_reasons:
        order.transition(OrderStatus.NEEDS_REVIEW, BY, uow.now(),
                         joined(link.review_reasons), uow.station)


def _lines_changed(item: IncomingOrder, link: OrderIntake) -> bool:
    now = sorted((ln.channel_line_id, ln.sku, ln.quantity) for ln in item.lines)
    before = sorted((ln["line_id"], ln["sku"], ln["quantity"]) for ln in link.lines)
    return now != before


def _cancel(item: IncomingOrder, order: Order, link: OrderIntake,
            uow: SyncUnitOfWork, known: _Known) -> IntakeResult:
    """Not shipped yet: cancelled at once and its units freed; the bench refuses its scans."""
    status = OrderStatus(order.status)
    link.channel_status, link.updated_marker = item.status, item.updated_marker
    if status is OrderStatus.CANCELLED:
        return IntakeResult(item.channel_order_id, IntakeOutcome.UNCHANGED, order.number)
    if status is OrderStatus.PACKED:  # still here: the parcel is stopped, its label refunded
        stopped = stop_packed_order(order, BY, f"{item.status} at the channel", uow)
        return park(Unmapped(item.channel, item.channel_order_id,
                             f"{item.status} at the channel after order {order.number} was "
                             f"packed: {stopped} Take the parcel off the shelf, put its "
                             "items back, and refund at the channel if it asks"), uow)
    if status not in NOT_YET_SHIPPED:
        return park(Unmapped(item.channel, item.channel_order_id,
                             Msg("{status} at the channel after order {number} was {value}: stop the parcel and refund by hand",
                                 status=item.status, number=order.number, value=status.value)), uow)
    order.transition(OrderStatus.CANCELLED, BY, uow.now(), Msg("{status} at the channel",
                                                               status=item.status),
                     uow.station)
    _release(order, link, uow, known)
    return IntakeResult(item.channel_order_id, IntakeOutcome.CANCELLED, order.number)


def _release(order: Order, link: OrderIntake, uow: SyncUnitOfWork, known: _Known) -> None:
    for sku, quantity in link.reserved.items():
        stock_item = known.stock.get(sku)
        if stock_item is not None and quantity > 0:
            stock_item.release(quantity, order.number, uow.now(), BY, reason="cancelled")
    link.reserved = {}


def approve_review(order_number: str, by: str, uow: SyncUnitOfWork) -> str:
    """A person checked the order: reserve what is still missing, then it goes to the bench."""
    with uow:
        order = uow.orders.get(order_number)
        if order is None:
            raise NotFound(Msg("There is no order {order_number}.", order_number=order_number))
        if OrderStatus(order.status) is not OrderStatus.NEEDS_REVIEW:
            raise NotAllowed(Msg("Order {number} is not waiting for review.", number=order.number))
        link = uow.orders.intake_link_for(order.number)
        if link is not None:
            _reserve_missing(order, link, uow)
            link.review_reasons = []
        order.transition(OrderStatus.READY, by, uow.now(), Msg("review done"), uow.station)
        uow.commit()
        return Msg("Order {number} is ready to pack.", number=order.number)


def _reserve_missing(order: Order, link: OrderIntake, uow: SyncUnitOfWork) -> None:
    for line in order.lines:
        missing = line.quantity - link.reserved.get(line.sku, 0)
        if missing <= 0:
            continue
        item = uow.stock.get(line.sku)
        if uow.products.get(line.sku) is None or item is None:
            raise NotAllowed(Msg("Order {number}: SKU {sku} is still unknown.",
                                 number=order.number, sku=line.sku))
        try:
            item.reserve(missing, order.number, uow.now(), BY)
        except InsufficientStock as exc:
            raise NotAllowed(Msg("Order {number}: {exc}", number=order.number, exc=exc)) from exc
        link.reserved = {**link.reserved, line.sku: link.reserved.get(line.sku, 0) + missing}


def resolve_exception(exception_id: int, uow: SyncUnitOfWork) -> None:
    with uow:
        parked = uow.orders.get_exception(exception_id)
        if parked is None:
            raise NotFound(Msg("There is no parked order {exception_id}.",
                               exception_id=exception_id))
        parked.resolved = True
        uow.commit()


@dataclass(frozen=True)
class ReviewRow:
    """One line of the "needs review / exceptions" list, as plain data for the UI."""

    kind: ReviewKind
    key: str  # order number, or the exception's id
    channel: str
    channel_order_id: str
    reasons: tuple[str, ...]  # each a Msg where one was kept: shown in the viewer's language
    merge_group: str = ""


def review_queue(uow: SyncUnitOfWork, limit: int = 500) -> list[ReviewRow]:
    with uow:
        rows = []
        for order in uow.orders.needing_review(limit):
            link = uow.orders.intake_link_for(order.number)
            record = order.last_transition_to(OrderStatus.NEEDS_REVIEW)
            reasons = tuple(link.review_reasons) if link and link.review_reasons else \
                ((record.shown_reason,) if record and record.reason else ())
            rows.append(ReviewRow(ReviewKind.ORDER, order.number, order.channel, order.channel_order_id,
                                  reasons, link.merge_group if link else ""))
        for parked in uow.orders.intake_exceptions()[:limit]:
            rows.append(ReviewRow(ReviewKind.EXCEPTION, str(parked.id), parked.channel,
                                  parked.channel_order_id, (parked.shown_reason,)))
        return rows
