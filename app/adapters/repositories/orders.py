"""Orders and their intake from the channels: the order aggregate's queries and the
bulk admission of a page of channel orders."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import (
    and_,
    bindparam,
    case,
    func,
    insert,
    inspect,
    literal_column,
    or_,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased, contains_eager, joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.adapters import orm, pipeline
from app.adapters.bulk import bulk_insert
from app.adapters.planning import filter_only
from app.adapters.repositories._base import _chunks, _pending, _Repository, mapped
from app.adapters.statistics import note_taken_in
from app.domain.channels import Admission, IntakeException, OrderIntake
from app.domain.error_text import describe_store_error, is_duplicate
from app.domain.errors import ConcurrencyConflict, StoreRefused
from app.domain.messages import Msg
from app.domain.orders import OPEN_STATUSES, Order, OrderStatus
from app.services.unit_of_work import OpenReads

# the parts of an order scan's one read (`_for_opening`): each row carries one of them
_LINES, _TRAIL, _ITEMS, _MERGE = 1, 2, 3, 4


class SqlOrderRepository(_Repository):
    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(orm.orders)) or 0

    def get(self, number: str) -> Order | None:
        """One order with its lines, in one query (this is on every scan's path)."""
        return self.session.scalars(
            select(Order).options(joinedload(mapped(Order.lines)))
            .where(orm.orders.c.number == number.strip().upper())
        ).unique().first()

    def parcel(self, numbers: list[str]) -> list[Order]:
        """A parcel's orders with their lines and their trail, in one query, in the order
        of `numbers` (those the store has). The trail comes with them because what loads a
        parcel (a completion, a hold, a leave, a takeover) moves its orders: one statement
        less than loading it when the first transition is appended."""
        keys = [number.strip().upper() for number in numbers]
        found = {order.number: order for order in self.session.scalars(
            _parcel(), {"numbers": keys}).unique()}
        return [found[key] for key in keys if key in found]

    def find_for_scan(self, text: str, limit: int = 10) -> list[Order]:
        """Orders a scanned text may name: our number, the channel's id, or the tracking
        number; each with its lines and its trail (what opening it reads and writes), in
        one query. On PostgreSQL the unit of work is pipelined from here (`pipeline`):
        BEGIN goes with this read, the ORM's writes with the COMMIT."""
        pipeline.start(self.session)
        text = text.strip()
        return list(self.session.scalars(_find_for_scan(), {
            "upper": text.upper(), "text": text, "limit": limit}).unique())

    def for_opening(self, text: str, limit: int = 10) -> OpenReads:
        """What an order scan reads (`OpenReads`), in one statement (issue 20: on
        PostgreSQL each statement is a round trip): the orders the text may name, as
        `find_for_scan` finds them, with their lines and trail; the codes and pictures of
        their products (`SqlProductRepository.order_items`) and the ready orders of their
        merge groups (`ready_to_merge_with`). Pipelined from here, as `find_for_scan`."""
        pipeline.start(self.session)
        text = text.strip()
        rows = self.session.execute(_for_opening(), {
            "upper": text.upper(), "text": text, "limit": limit}).unique().all()
        orders = list({id(row.order): row.order for row in rows}.values())
        codes: dict[str, list[tuple[str, str, int]]] = {o.number: [] for o in orders}
        images: dict[str, dict[str, str]] = {o.number: {} for o in orders}
        merge: dict[str, list[str]] = {o.number: [] for o in orders}
        for row in rows:  # a product on two lines comes twice, a group's order once a line
            if row.item_sku is not None:
                code = (row.code_key, row.item_sku, row.pack_quantity)
                if row.code_key and code not in codes[row.for_number]:
                    codes[row.for_number].append(code)
                if row.image_path:
                    images[row.for_number][row.item_sku] = row.image_path
            elif row.merge_number is not None and row.merge_number not in merge[row.for_number]:
                merge[row.for_number].append(row.merge_number)
        for order in orders:
            codes[order.number] += [(sku.upper(), sku, 1)
                                    for sku in (line.sku for line in order.lines)]
        return OpenReads(orders, {n: (codes[n], images[n]) for n in codes}, merge)

    def newest_number(self) -> str | None:
        """The newest order's number, by the primary key (one index step)."""
        return self.session.scalar(select(orm.orders.c.number).order_by(orm.orders.c.id.desc())
                                   .limit(1))

    def queue_counts(self, now: datetime, day_end: datetime) -> tuple[int, int, int]:
        """Orders ready to pack: (all, due by `day_end`, late by `now`)."""
        c = orm.orders.c
        row = self.session.execute(
            select(func.count(),
                   func.count(case((c.ship_by < day_end, 1))),
                   func.count(case((c.ship_by < now, 1))))
            .where(c.status == OrderStatus.READY.value)).one()
        return int(row[0]), int(row[1]), int(row[2])

    def packer_day(self, packer: str, since: datetime) -> tuple[int, datetime | None]:
        """Orders `packer` packed since `since`, and when they first opened one since then
        (both read from the orders' trails)."""
        t = orm.order_transitions.c
        packed = self.session.scalar(
            select(func.count()).where(t.to_status == OrderStatus.PACKED.value, t.at >= since,
                                       t.by == packer))
        first = self.session.scalar(
            select(func.min(t.at)).where(t.to_status == OrderStatus.PACKING.value,
                                         t.from_status != OrderStatus.PACKING.value,
                                         t.at >= since, t.by == packer))
        return int(packed or 0), first

    def ready_to_merge_with(self, number: str) -> list[str]:
        """Ready orders intake put in the same merge group (same buyer, same address) as
        `number`, in one query: they can travel in its parcel."""
        return list(self.session.scalars(_ready_to_merge_with(), {"number": number}))

    # intake links, exceptions and numbering (issue 5)
    def intake_link(self, channel: str, channel_order_id: str) -> OrderIntake | None:
        c = orm.order_intake.c
        return _pending(self.session, OrderIntake, channel=channel,
                        channel_order_id=channel_order_id) or self.session.scalars(select(OrderIntake).where(
            c.channel == channel, c.channel_order_id == channel_order_id)).first()

    def intake_link_for(self, order_number: str) -> OrderIntake | None:
        return self.session.scalars(select(OrderIntake).where(
            orm.order_intake.c.order_number == order_number)).first()

    # a page of channel orders is read in a handful of queries before anything is written
    def intake_links(self, channel: str, channel_order_ids: list[str]) -> dict[str, OrderIntake]:
        c = orm.order_intake.c
        found: dict[str, OrderIntake] = {}
        for chunk in _chunks(sorted(set(channel_order_ids))):
            for link in self.session.scalars(select(OrderIntake).where(
                    c.channel == channel, c.channel_order_id.in_(chunk))):
                found[link.channel_order_id] = link
        return found

    def get_many(self, numbers: list[str], trails: bool = False) -> dict[str, Order]:
        """The orders by number; `trails`: their transitions read with them (one trip per
        chunk, not one per order)."""
        found: dict[str, Order] = {}
        for chunk in _chunks(sorted(set(numbers))):
            query = select(Order).where(orm.orders.c.number.in_(chunk))
            if trails:
                query = query.options(selectinload(mapped(Order.transitions)))
            for order in self.session.scalars(query):
                found[order.number] = order
        return found

    def open_intakes_with_buyers(self, buyer_keys: list[str]) -> dict[str, list[OrderIntake]]:
        """Open orders (not packed, shipped or cancelled) per buyer-and-address key.

        Found from the page's buyer keys, then each order by its number: the work is the
        page's buyers' orders, never the store's open orders (issue 20). The status only
        filters (`filter_only`), and the order is made here, so that no index on status or
        merge group can tempt the planner into a walk."""
        i, o = orm.order_intake.c, orm.orders.c
        found: dict[str, list[OrderIntake]] = {}
        for chunk in _chunks(sorted(set(buyer_keys))):
            for link in self.session.scalars(
                    select(OrderIntake).join(orm.orders, o.number == i.order_number)
                    .where(i.buyer_key.in_(chunk),
                           filter_only(o.status).in_([s.value for s in OPEN_STATUSES]))):
                found.setdefault(link.buyer_key, []).append(link)
        for links in found.values():
            links.sort(key=lambda link: (link.merge_group, link.id))
        return found

    def next_numbers(self, count: int) -> list[str]:
        """`count` consecutive order numbers taken from the counter in one statement."""
        if count <= 0:
            return []
        first = self.next_number()
        if count == 1:
            return [first]
        row = self.session.execute(
            update(orm.counters).where(orm.counters.c.name == "order_number")
            .values(next_value=orm.counters.c.next_value + (count - 1))
            .returning(orm.counters.c.next_value)).first()
        start = int(first[3:])
        if row is None or row.next_value - count != start:
            raise ConcurrencyConflict(Msg("The order-number counter moved while numbers were "
                                          "taken."))
        return [f"PD-{start + k}" for k in range(count)]

    def admit(self, admissions: list[Admission]) -> None:
        """Write a page of newly admitted orders, their lines, review transitions and intake
        records in a few statements (plain rows: a page is too many objects to track). New
        ids are read back by the orders' unique numbers."""
        if not admissions:
            return
        o, conn = orm.orders, self.session.connection()
        try:
            bulk_insert(conn, o, [_order_row(admission) for admission in admissions])
        except IntegrityError as exc:
            if not is_duplicate(exc.orig):
                raise StoreRefused(describe_store_error(exc.orig)) from exc
            raise ConcurrencyConflict(Msg("Another station took in some of these channel "
                                          "orders at the same moment.")) from exc
        numbers = [a.order_number for a in admissions]
        ids = {row.number: row.id for chunk in _chunks(numbers)
               for row in conn.execute(select(o.c.id, o.c.number).where(o.c.number.in_(chunk)))}
        bulk_insert(conn, orm.order_lines, [
            {"order_id": ids[a.order_number], "sku": sku, "name": name, "quantity": quantity,
             "unit_price_cents": price, "verified_quantity": 0, "bin_location": ""}
            for a in admissions for _line_id, sku, name, quantity, price in a.lines])
        reviews = [(a, t) for a in admissions for t in a.start_transitions("intake")]
        if reviews:
            bulk_insert(conn, orm.order_transitions, [
                {"order_id": ids[a.order_number], "from_status": t.from_status,
                 "to_status": t.to_status, "by": t.by, "at": t.at, "reason": t.reason,
                 "reason_message": t.reason_message, "station": t.station}
                for a, t in reviews])
        bulk_insert(conn, orm.order_intake, [
            {"channel": a.channel, "channel_order_id": a.channel_order_id,
             "order_number": a.order_number, "buyer_key": a.buyer_key,
             "lines": [{"line_id": line_id, "sku": sku, "quantity": quantity}
                       for line_id, sku, _name, quantity, _price in a.lines],
             "reserved": dict(a.reserved), "review_reasons": list(a.review_reasons),
             "merge_group": a.merge_group, "channel_status": a.channel_status,
             "updated_marker": a.updated_marker, "version": 1} for a in admissions])
        note_taken_in(conn, len(admissions))

    def write_merge_groups(self, links: list[OrderIntake]) -> None:
        """Stored intake records whose only change is their merge group (a buyer's earlier
        orders joining a new order's group), written in one statement for the page instead
        of the ORM's one versioned UPDATE per row (a quarter of the orders in a busy shop's
        page). Each row's version is checked as the ORM checks it: a row another station
        changed first fails the page (ConcurrencyConflict, retried). A record with other
        changes too is left to the ORM's own flush."""
        c = orm.order_intake.c
        rows, written = [], []
        for link in links:
            state = inspect(link)
            if not state.persistent or state.key is None:
                continue
            changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
            if changed != {"merge_group"}:
                continue
            rows.append({"new_group": link.merge_group, "new_version": link.version + 1,
                         "key_id": link.id, "key_version": link.version})
            written.append(link)
        if not rows:
            return
        conn = self.session.connection()
        statement = update(orm.order_intake).where(
            c.id == bindparam("key_id"), c.version == bindparam("key_version")).values(
            merge_group=bindparam("new_group"), version=bindparam("new_version"))
        if conn.dialect.supports_sane_multi_rowcount:
            matched = conn.execute(statement, rows).rowcount
        else:
            matched = sum(conn.execute(statement, row).rowcount for row in rows)
        if matched != len(rows):
            raise ConcurrencyConflict(Msg("Another station changed the same record first."))
        for link, row in zip(written, rows, strict=True):
            set_committed_value(link, "merge_group", row["new_group"])
            set_committed_value(link, "version", row["new_version"])

    def park_exception(self, exception: IntakeException) -> None:
        """Parked once: the same order parked again for the same reason (a file imported
        twice, a page pulled again) is the exception already waiting for a person."""
        c = orm.intake_exceptions.c
        waiting = self.session.scalar(select(func.count()).select_from(orm.intake_exceptions)
                                      .where(c.channel == exception.channel,
                                             c.channel_order_id == exception.channel_order_id,
                                             c.reason == exception.reason,
                                             c.resolved.is_(False)))
        if not waiting:
            self.session.add(exception)

    def intake_exceptions(self, include_resolved: bool = False) -> list[IntakeException]:
        c = orm.intake_exceptions.c
        query = select(IntakeException).order_by(c.id)
        if not include_resolved:
            query = query.where(c.resolved.is_(False))
        return list(self.session.scalars(query))

    def get_exception(self, exception_id: int) -> IntakeException | None:
        return self.session.get(IntakeException, exception_id)

    def listing(self, channel: str | None = None, status: str | None = None) -> list[tuple]:
        """(number, channel, channel order id, status, receiver name, receiver phones, street,
        oaid, review reasons, channel status) per order, oldest first: plain rows, no objects."""
        o, i = orm.orders.c, orm.order_intake.c
        query = (select(o.number, o.channel, o.channel_order_id, o.status, o.ship_name,
                        o.phone, o.ship_phone, o.ship_line1, o.receiver_oaid, i.review_reasons,
                        i.channel_status)
                 .select_from(orm.orders.outerjoin(orm.order_intake,
                                                   i.order_number == o.number))
                 .order_by(o.id))
        if channel:
            query = query.where(o.channel == channel)
        if status:
            query = query.where(o.status == status)
        return [tuple(row) for row in self.session.execute(query)]

    def packed_since(self, channel: str, since: datetime) -> list[Order]:
        """The channel's orders packed (or shipped on since) at or after `since`, with a
        tracking number, oldest first: what a shipping-upload file tells the platform."""
        o, t = orm.orders.c, orm.order_transitions.c
        packed = (select(t.order_id).where(t.to_status == OrderStatus.PACKED.value,
                                           t.from_status != OrderStatus.PACKED.value,
                                           t.at >= since).distinct())
        return list(self.session.scalars(
            select(Order).where(o.channel == channel,
                                o.status.in_([OrderStatus.PACKED.value,
                                              OrderStatus.SHIPPED.value,
                                              OrderStatus.DELIVERED.value]),
                                o.tracking_number.is_not(None), o.tracking_number != "",
                                o.id.in_(packed))
            .options(selectinload(mapped(Order.transitions)))  # read for the export marks: one trip
            .order_by(o.id)))

    def needing_review(self, limit: int = 500) -> list[Order]:
        c = orm.orders.c
        return list(self.session.scalars(
            select(Order).where(c.status == OrderStatus.NEEDS_REVIEW.value)
            .order_by(c.id).limit(limit)))

    def next_number(self) -> str:
        """PD-<n>, unique: a counter row, started above every PD- number already stored."""
        row = self.session.execute(
            update(orm.counters).where(orm.counters.c.name == "order_number")
            .values(next_value=orm.counters.c.next_value + 1)
            .returning(orm.counters.c.next_value)).first()
        if row is None:
            start = self._highest_number() + 1
            try:
                self.session.execute(insert(orm.counters).values(name="order_number",
                                                                 next_value=start + 1))
            except IntegrityError as exc:  # another station created the counter first
                raise ConcurrencyConflict(Msg("The order-number counter was just created by "
                                              "another station.")) from exc
            return f"PD-{start}"
        return f"PD-{row.next_value - 1}"

    def _highest_number(self) -> int:
        """The highest PD-<digits> by value, without sending every number (issue 20).

        Numbers of one length sort by value as text, so the store is asked for the
        longest length, then for the top few numbers of each length, longest first, until
        no shorter number could be higher (a zero-padded import can be long and low)."""
        number = orm.orders.c.number
        pd = number.like("PD-%")
        longest = self.session.scalar(select(func.max(func.length(number))).where(pd)) or 0
        best = None
        for length in range(longest, 3, -1):
            if best is not None and 10 ** (length - 3) - 1 <= best:
                break
            query = (select(number).where(pd, func.length(number) == length)
                     .order_by(number.desc()).limit(20))
            offset = 0
            while page := self.session.scalars(query.offset(offset)).all():
                digits = next((n[3:] for n in page if n[3:].isdigit()), None)
                if digits is not None:
                    best = max(best or 0, int(digits))
                    break
                offset += len(page)
        return 200000 if best is None else best


@cache
def _parcel():
    """parcel's query, built once when first used (after the mappers)."""
    return (select(Order)
            .options(joinedload(mapped(Order.lines)), joinedload(mapped(Order.transitions)))
            .where(orm.orders.c.number.in_(bindparam("numbers", expanding=True))))


@cache
def _find_for_scan():
    """find_for_scan's query, built once when first used (after the mappers)."""
    c, text, upper = orm.orders.c, bindparam("text"), bindparam("upper")
    return (select(Order)
            .options(joinedload(mapped(Order.lines)), joinedload(mapped(Order.transitions)))
            .where(or_(c.number == upper, c.channel_order_id == text,
                       c.tracking_number == text, c.tracking_number == upper))
            .order_by(c.id).limit(bindparam("limit")))


@cache
def _for_opening():
    """for_opening's statement, built once (after the mappers). The orders are found
    first (along the indexes of number, channel id and tracking number, as
    `_find_for_scan`), then each part (`k`) is joined to the found order by its id or
    number, each table along an index, so that lines, trail, products and merge
    candidates come one row each, never multiplied together."""
    o, ol, ot, p, pb = (orm.orders, orm.order_lines, orm.order_transitions, orm.products,
                        orm.product_barcodes)
    text, upper = bindparam("text"), bindparam("upper")
    found = (select(o).where(or_(
        o.c.number == upper, o.c.channel_order_id == text, o.c.tracking_number == text,
        o.c.tracking_number == upper)).order_by(o.c.id).limit(bindparam("limit"))
        .subquery())
    order = aliased(Order, found, name="order")  # the found rows: not joined again
    parts = union_all(*(select(literal_column(str(k)).label("k"))
                        for k in (_LINES, _TRAIL, _ITEMS, _MERGE))).subquery()
    item_line = ol.alias("item_line")
    mine, theirs, other = (orm.order_intake.alias("mine"), orm.order_intake.alias("theirs"),
                           o.alias("other"))
    return (select(order, found.c.number.label("for_number"), p.c.sku.label("item_sku"),
                   p.c.image_path, pb.c.code_key, pb.c.pack_quantity,
                   other.c.number.label("merge_number"))
            .select_from(found).join(parts, true())
            .outerjoin(ol, and_(parts.c.k == _LINES, ol.c.order_id == found.c.id))
            .outerjoin(ot, and_(parts.c.k == _TRAIL, ot.c.order_id == found.c.id))
            .outerjoin(item_line, and_(parts.c.k == _ITEMS, item_line.c.order_id == found.c.id))
            .outerjoin(p, p.c.sku == item_line.c.sku)
            .outerjoin(pb, pb.c.product_id == p.c.id)
            # an order of no group ('') seeks no group mate: SQLite would look up every
            # ungrouped intake by '' (200 ms at 1M orders) if only `theirs` said so
            .outerjoin(mine, and_(parts.c.k == _MERGE, mine.c.order_number == found.c.number,
                                  mine.c.merge_group > ""))
            .outerjoin(theirs, and_(theirs.c.merge_group == mine.c.merge_group,
                                    theirs.c.merge_group > "",
                                    theirs.c.order_number != mine.c.order_number))
            .outerjoin(other, and_(other.c.number == theirs.c.order_number,
                                   other.c.status == OrderStatus.READY.value))
            .options(contains_eager(mapped(order.lines)), contains_eager(mapped(order.transitions)))
            .order_by(parts.c.k, found.c.id, ol.c.id, ot.c.id, item_line.c.id, pb.c.id,
                      other.c.placed_at, other.c.id))


@cache
def _ready_to_merge_with():
    """ready_to_merge_with's query, built once (the scan path builds no aliases)."""
    mine, theirs, o = (orm.order_intake.alias("mine"), orm.order_intake.alias("theirs"),
                       orm.orders.c)
    number = bindparam("number")
    return (select(o.number)
            .select_from(mine.join(theirs, theirs.c.merge_group == mine.c.merge_group)
                         .join(orm.orders, o.number == theirs.c.order_number))
            .where(mine.c.order_number == number, mine.c.merge_group > "",
                   theirs.c.order_number != number, o.status == OrderStatus.READY.value)
            .order_by(o.placed_at, o.id))


def _order_row(a: Admission) -> dict:
    ship = a.ship_to
    return {"number": a.order_number, "channel": a.channel,
            "channel_order_id": a.channel_order_id, "buyer_name": a.buyer_name,
            "phone": a.phone, "ship_name": ship.name, "ship_phone": ship.phone,
            "ship_line1": ship.line1, "ship_line2": ship.line2, "ship_city": ship.city,
            "ship_region": ship.region, "ship_postcode": ship.postcode,
            "ship_country": ship.country, "status": a.status.value,
            "tracking_number": a.tracking_number, "carrier": a.carrier, "ship_by": a.ship_by,
            "placed_at": a.placed_at, "buyer_note": a.buyer_note, "weight_g": 0,
            "partial": False, "receiver_oaid": a.receiver_oaid, "version": 1}

