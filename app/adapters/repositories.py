"""SQLAlchemy repositories: each returns domain objects, looked up by indexed columns."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import and_, func, insert, or_, select, union, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from app.adapters import orm
from app.adapters.bulk import bulk_insert
from app.adapters.claims import OutboxClaims
from app.adapters.planning import filter_only
from app.adapters.statistics import note_taken_in
from app.domain.alert_routes import AlertRoute
from app.domain.alerts import Alert
from app.domain.carriers import CarrierProfile
from app.domain.channels import (
    Admission,
    Channel,
    ChannelSku,
    IntakeException,
    OrderIntake,
    pushed_quantity,
)
from app.domain.counting import CountSession
from app.domain.error_text import describe_store_error, is_duplicate
from app.domain.errors import ConcurrencyConflict, StoreRefused
from app.domain.lots import LotBalance, Receipt, ReceiptLine, StockLot
from app.domain.orders import OPEN_STATUSES, Order, OrderStatus
from app.domain.outbox import OutboxMessage, OutboxStatus
from app.domain.packing import (
    COUNTED,
    PackedSerial,
    PackSession,
    ProductMatch,
    ScanEvent,
    SerialHolder,
    SessionOutcome,
)
from app.domain.people import LoginAttempts, Packer
from app.domain.print_jobs import JobState
from app.domain.products import Product
from app.domain.returns import ReturnCase
from app.domain.stock import StockItem, StockMove
from app.services.board import HistoryEntry
from app.services.return_policy import ReturnRule
from app.services.unit_of_work import utc_now


class _Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj) -> None:
        self.session.add(obj)


class SqlOrderRepository(_Repository):
    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(orm.orders)) or 0

    def get(self, number: str) -> Order | None:
        """One order with its lines, in one query (this is on every scan's path)."""
        return self.session.scalars(
            select(Order).options(joinedload(Order.lines))
            .where(orm.orders.c.number == number.strip().upper())
        ).unique().first()

    def find_for_scan(self, text: str, limit: int = 10) -> list[Order]:
        """Orders a scanned text may name: our number, the channel's id, or the tracking number."""
        text = text.strip()
        upper = text.upper()
        c = orm.orders.c
        query = select(Order).options(joinedload(Order.lines)).where(or_(
            c.number == upper, c.channel_order_id == text, c.tracking_number == text,
            c.tracking_number == upper,
        )).order_by(c.id).limit(limit)
        return list(self.session.scalars(query).unique())

    def newest_number(self) -> str | None:
        """The newest order's number, by the primary key (one index step)."""
        return self.session.scalar(select(orm.orders.c.number).order_by(orm.orders.c.id.desc())
                                   .limit(1))

    def ready_to_merge_with(self, number: str) -> list[str]:
        """Ready orders intake put in the same merge group (same buyer, same address) as
        `number`, in one query: they can travel in its parcel."""
        mine, theirs, o = (orm.order_intake.alias("mine"), orm.order_intake.alias("theirs"),
                           orm.orders.c)
        return list(self.session.scalars(
            select(o.number)
            .select_from(mine.join(theirs, theirs.c.merge_group == mine.c.merge_group)
                         .join(orm.orders, o.number == theirs.c.order_number))
            .where(mine.c.order_number == number, mine.c.merge_group > "",
                   theirs.c.order_number != number, o.status == OrderStatus.READY.value)
            .order_by(o.placed_at, o.id)))

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

    def get_many(self, numbers: list[str]) -> dict[str, Order]:
        found: dict[str, Order] = {}
        for chunk in _chunks(sorted(set(numbers))):
            for order in self.session.scalars(select(Order).where(orm.orders.c.number.in_(chunk))):
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
            raise ConcurrencyConflict("The order-number counter moved while numbers were taken.")
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
            raise ConcurrencyConflict("Another station took in some of these channel orders "
                                      "at the same moment.") from exc
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
                 "station": t.station} for a, t in reviews])
        bulk_insert(conn, orm.order_intake, [
            {"channel": a.channel, "channel_order_id": a.channel_order_id,
             "order_number": a.order_number, "buyer_key": a.buyer_key,
             "lines": [{"line_id": line_id, "sku": sku, "quantity": quantity}
                       for line_id, sku, _name, quantity, _price in a.lines],
             "reserved": dict(a.reserved), "review_reasons": list(a.review_reasons),
             "merge_group": a.merge_group, "channel_status": a.channel_status,
             "updated_marker": a.updated_marker, "version": 1} for a in admissions])
        note_taken_in(conn, len(admissions))

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
        """(number, channel, channel order id, status, receiver name, receiver phones,
        review reasons, channel status) per order, oldest first: plain rows, no objects."""
        o, i = orm.orders.c, orm.order_intake.c
        query = (select(o.number, o.channel, o.channel_order_id, o.status, o.ship_name,
                        o.phone, o.ship_phone, i.review_reasons, i.channel_status)
                 .select_from(orm.orders.outerjoin(orm.order_intake,
                                                   i.order_number == o.number))
                 .order_by(o.id))
        if channel:
            query = query.where(o.channel == channel)
        if status:
            query = query.where(o.status == status)
        return [tuple(row) for row in self.session.execute(query)]

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
                raise ConcurrencyConflict("The order-number counter was just created by "
                                          "another station.") from exc
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


class SqlProductRepository(_Repository):
    def get(self, sku: str) -> Product | None:
        return self.session.scalars(
            select(Product).where(orm.products.c.sku_key == sku.strip().upper())
        ).first()

    def match(self, keys: list[str]) -> ProductMatch | None:
        """The product a scan stands for: a barcode key first, then the SKU itself."""
        if not keys:
            return None
        pb, p = orm.product_barcodes.c, orm.products.c
        rows = self.session.execute(
            select(pb.code_key, p.sku, p.name, pb.pack_quantity, p.must_scan)
            .join(orm.products, p.id == pb.product_id)
            .where(pb.code_key.in_(keys))
        ).all()
        by_key = {row.code_key: row for row in rows}
        for key in keys:
            row = by_key.get(key)
            if row is not None:
                return ProductMatch(row.sku, row.name, row.pack_quantity, row.must_scan)
        row = self.session.execute(
            select(p.sku, p.name, p.must_scan).where(p.sku_key.in_(keys))
        ).first()
        return ProductMatch(row.sku, row.name, 1, row.must_scan) if row else None

    def known_skus(self, skus: list[str]) -> set[str]:
        """The SKU keys (trimmed, upper case) among `skus` that are products here."""
        keys = sorted({sku.strip().upper() for sku in skus if sku})
        p = orm.products.c
        return {key for chunk in _chunks(keys)
                for key in self.session.scalars(select(p.sku_key).where(p.sku_key.in_(chunk)))}

    def order_items(self, skus: list[str]) -> tuple[list[tuple[str, str, int]], dict[str, str]]:
        """For the products of an order, in one query: every code that scans as one of
        them (code key, SKU, units per scan; SKUs included) and their pictures."""
        p, pb = orm.products.c, orm.product_barcodes.c
        rows = self.session.execute(
            select(p.sku, p.image_path, pb.code_key, pb.pack_quantity)
            .select_from(orm.products.outerjoin(orm.product_barcodes, pb.product_id == p.id))
            .where(p.sku.in_(skus))).all()
        codes = [(row.code_key, row.sku, row.pack_quantity) for row in rows if row.code_key]
        images = {row.sku: row.image_path for row in rows if row.image_path}
        return codes + [(sku.upper(), sku, 1) for sku in skus], images


class SqlStockRepository(_Repository):
    def get(self, sku: str) -> StockItem | None:
        return self.session.scalars(
            select(StockItem).where(orm.stock_items.c.sku == sku)
        ).first()

    # channel listings (issue 5)
    def listing(self, channel: str, sku: str) -> ChannelSku | None:
        c = orm.channel_skus.c
        return _pending(self.session, ChannelSku, channel=channel, sku=sku) or self.session.scalars(
            select(ChannelSku).where(c.channel == channel, c.sku == sku)).first()

    def add_listing(self, listing: ChannelSku) -> None:
        self.session.add(listing)

    def get_many(self, skus: list[str]) -> dict[str, StockItem]:
        c = orm.stock_items.c
        return {item.sku: item for chunk in _chunks(sorted(set(skus)))
                for item in self.session.scalars(select(StockItem).where(c.sku.in_(chunk)))}

    def listed(self, channel: str, skus: list[str]) -> set[str]:
        c = orm.channel_skus.c
        return {sku for chunk in _chunks(sorted(set(skus)))
                for sku in self.session.scalars(select(c.sku).where(c.channel == channel,
                                                                    c.sku.in_(chunk)))}


class SqlPackerRepository(_Repository):
    def by_name(self, name: str) -> Packer | None:
        return self.session.scalars(
            select(Packer).where(func.lower(orm.packers.c.name) == name.strip().lower())
        ).first()

    def everyone(self) -> list[Packer]:
        return list(self.session.scalars(select(Packer).order_by(orm.packers.c.name)))

    def attempts_for(self, name: str) -> LoginAttempts:
        """The wrong-PIN count of a name, known or not (a new row when there is none)."""
        key = " ".join(name.split()).lower()[:64]
        found = self.session.scalars(select(LoginAttempts).where(
            orm.login_attempts.c.name_key == key)).first()
        if found is None:
            found = LoginAttempts(key)
            self.session.add(found)
        return found


class SqlPackSessionRepository(_Repository):
    def get(self, session_id: int) -> PackSession | None:
        return self.session.get(PackSession, session_id,
                                options=[joinedload(PackSession.events)])

    def newest_id(self) -> int | None:
        return self.session.scalar(select(func.max(orm.pack_sessions.c.id)))

    def open_for_order(self, order_number: str) -> PackSession | None:
        """The open session packing this order, alone or in a merged parcel."""
        c, p = orm.pack_sessions.c, orm.parcel_orders.c
        merged = select(p.session_id).where(p.session_id == c.id)
        in_parcel = select(p.session_id).where(p.order_number == order_number)
        return self.session.scalars(
            select(PackSession).where(
                or_(and_(c.order_number == order_number, ~merged.exists()),
                    c.id.in_(in_parcel)),
                c.outcome == SessionOutcome.OPEN.value)
            .order_by(c.id.desc())
        ).first()


    def serial_holder(self, sku: str, serial: str, session_id: int | None) -> SerialHolder | None:
        """Where a serial number of this SKU went, outside the given session."""
        ps, c = orm.pack_sessions.c, orm.packed_serials.c
        row = self.session.execute(
            select(c.order_number, ps.station, ps.outcome)
            .join(orm.pack_sessions, ps.id == c.session_id)
            .where(c.sku == sku, c.serial == serial, c.session_id != session_id)).first()
        if row is None:
            return None
        return SerialHolder(row.order_number, row.station, row.outcome != SessionOutcome.OPEN)


class SqlScanEventRepository(_Repository):
    def by_uid(self, scan_uid: str) -> ScanEvent | None:
        return self.session.scalars(
            select(ScanEvent).where(orm.scan_events.c.scan_uid == scan_uid)
        ).first()


class SqlOutboxRepository(OutboxClaims, _Repository):
    def add(self, message: OutboxMessage) -> None:
        self.session.add(message)

    # the drain's view and the channels it drains to (issue 5)

    def pending(self, channel: str, limit: int) -> list[OutboxMessage]:
        c = orm.outbox.c
        return list(self.session.scalars(
            select(OutboxMessage).where(c.channel == channel,
                                        c.status == OutboxStatus.PENDING.value)
            .order_by(c.id).limit(limit)))

    def message(self, message_id: int) -> OutboxMessage | None:
        return self.session.get(OutboxMessage, message_id)

    def newer_stock_level(self, message: OutboxMessage) -> int | None:
        """Id of a later pending level for exactly the same SKU: the older one need not be
        sent. The subject is compared whole: a level for `CUP:RED` is not one for `CUP`."""
        c = orm.outbox.c
        subject = message.subject or str(message.payload.get("sku") or "")
        return self.session.scalar(
            select(c.id).where(c.channel == message.channel, c.kind == "stock_level",
                               c.subject == subject, c.id > message.id,
                               c.status == OutboxStatus.PENDING.value)
            .order_by(c.id.desc()).limit(1))

    def depth(self, channel: str | None = None) -> int:
        c = orm.outbox.c
        query = select(func.count()).select_from(orm.outbox).where(
            c.status == OutboxStatus.PENDING.value)
        if channel is not None:
            query = query.where(c.channel == channel)
        return self.session.scalar(query) or 0

    def messages(self, status: str | None = None, channel: str | None = None,
                 limit: int = 500) -> list[OutboxMessage]:
        """Messages in id order, of one status and channel if asked (`packdesk outbox list`)."""
        c = orm.outbox.c
        query = select(OutboxMessage)
        if status is not None:
            query = query.where(c.status == status)
        if channel is not None:
            query = query.where(c.channel == channel)
        return list(self.session.scalars(query.order_by(c.id).limit(limit)))

    def failed(self, channel: str | None = None) -> list[OutboxMessage]:
        c = orm.outbox.c
        query = select(OutboxMessage).where(c.status == OutboxStatus.FAILED.value)
        if channel is not None:
            query = query.where(c.channel == channel)
        return list(self.session.scalars(query.order_by(c.id)))

    def channel(self, code: str) -> Channel | None:
        return self.session.scalars(select(Channel).where(orm.channels.c.code == code)).first()

    def channels(self) -> list[Channel]:
        return list(self.session.scalars(select(Channel).order_by(orm.channels.c.code)))

    def add_channel(self, channel: Channel) -> None:
        self.session.add(channel)


class SqlCarrierRepository(_Repository):
    def get(self, code: str) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).where(orm.carrier_profiles.c.code == code)
        ).first()

    def first(self) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).order_by(orm.carrier_profiles.c.id)
        ).first()




# --- channels and intake (issue 5) ---

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
            "partial": False, "version": 1}


MOVE_COLUMNS = tuple(orm.stock_moves.c[name] for name in orm.MOVE_FIELDS)


def _chunks(values: list, size: int = 500):
    """IN lists of a size every SQLite build accepts."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _pending(session: Session, cls: type, **attrs):
    """An object added in this unit of work but not flushed yet (a batch sees its own rows)."""
    for obj in session.new:
        if isinstance(obj, cls) and all(getattr(obj, k) == v for k, v in attrs.items()):
            return obj
    return None


def queue_stock_levels(session: Session, items: list[StockItem]) -> None:
    """Called before a flush that changes sellable stock: one stock_level message per channel
    listing each SKU, keyed by the item's version so a replay cannot queue it twice."""
    skus = {item.sku: item for item in items}
    s, ch = orm.channel_skus.c, orm.channels.c
    listings = list(session.scalars(select(ChannelSku).where(s.sku.in_(list(skus)))))
    listings += [obj for obj in session.new if isinstance(obj, ChannelSku) and obj.sku in skus
                 and obj not in listings]
    codes = {listing.channel for listing in listings}
    channels = {c.code: c for c in session.scalars(select(Channel).where(ch.code.in_(codes)))
                if c.pushes_stock} if codes else {}
    now = utc_now()
    for listing in listings:
        channel = channels.get(listing.channel)
        if channel is None:
            continue
        item = skus[listing.sku]
        session.add(OutboxMessage(
            channel=channel.code, kind="stock_level",
            idempotency_key=f"stock:{channel.code}:{item.sku}:v{item.version or 0}",
            subject=item.sku,
            payload={"sku": item.sku, "quantity": pushed_quantity(item, channel, listing),
                     "stock_version": item.version or 0},
            created_at=now))


# --- the order board, alerts and health figures (issue 8) -----------------------------------

def _prefix(column, text: str):
    """A prefix match an index can serve (LIKE is case-folded and skips it in SQLite)."""
    return (column >= text) & (column < text + "\uffff")


class SqlBoardRepository(_Repository):
    """Read-only queries for the board: keyset pages and one order's history."""

    def page(self, board_filter, now: datetime, after_id: int | None, limit: int) -> list[tuple]:
        o, intake = orm.orders, orm.order_intake
        merge = (select(intake.c.merge_group).where(intake.c.order_number == o.c.number)
                 .limit(1).scalar_subquery())
        query = (select(o.c.id, o.c.number, o.c.channel, o.c.status, o.c.buyer_name,
                        o.c.placed_at, o.c.ship_by, o.c.tracking_number, merge)
                 .order_by(o.c.id.desc()).limit(limit))
        if after_id is not None:
            query = query.where(o.c.id < after_id)
        if board_filter.channel:
            query = query.where(o.c.channel == board_filter.channel)
        if board_filter.statuses:
            query = query.where(o.c.status.in_(board_filter.statuses))
        if board_filter.older_than is not None:
            query = query.where(o.c.placed_at <= now - board_filter.older_than)
        if board_filter.merge_candidates:
            grouped = select(intake.c.order_number).where(intake.c.merge_group > "")
            query = query.where(o.c.number.in_(grouped),
                                o.c.status.in_((OrderStatus.READY, OrderStatus.NEEDS_REVIEW)))
        text = board_filter.search.strip()
        if text:
            query = query.where(o.c.id.in_(self._search(text)))
        return [tuple(row) for row in self.session.execute(query)]

    def _search(self, text: str):
        o, lines = orm.orders, orm.order_lines
        upper = text.upper()
        return union(
            select(o.c.id).where(_prefix(o.c.number, upper)),
            select(o.c.id).where(_prefix(o.c.buyer_name, text)),
            select(o.c.id).where(_prefix(o.c.tracking_number, upper)),
            select(lines.c.order_id).where(_prefix(lines.c.sku, upper)),
        )

    def channels(self) -> list[str]:
        """Channels with orders, by hopping along the channel index (a plain DISTINCT reads
        every entry of it), plus the channels set up without orders yet."""
        used = set(self.session.scalars(sql_text(
            "WITH RECURSIVE hop(channel) AS ("
            " SELECT MIN(channel) FROM orders"
            " UNION ALL SELECT (SELECT MIN(channel) FROM orders WHERE channel > hop.channel)"
            " FROM hop WHERE hop.channel IS NOT NULL)"
            " SELECT channel FROM hop WHERE channel IS NOT NULL")))
        used |= set(self.session.scalars(select(orm.channels.c.code)))
        return sorted(used)

    def history(self, number: str):
        o = orm.orders
        head = self.session.execute(
            select(o.c.id, o.c.number, o.c.channel, o.c.channel_order_id, o.c.status,
                   o.c.buyer_name, o.c.ship_by, o.c.placed_at)
            .where(o.c.number == number)).first()
        if head is None:
            return None
        entries = [HistoryEntry(head.placed_at, "intake",
                                f"Placed at {head.channel} as {head.channel_order_id}")]
        entries += self._intake_entries(head.number, head.placed_at)
        entries += self._transition_entries(head.id)
        entries += self._packing_entries(head.number)
        entries += self._stock_entries(head.number)
        entries += self._sync_entries(head.channel, head.channel_order_id)
        entries += self._return_entries(head.number)
        return (head.number, head.channel, head.status, head.buyer_name, head.ship_by), entries

    def _intake_entries(self, number: str, placed_at) -> list[HistoryEntry]:
        """Intake's review reasons and merge group, shown with the order's arrival."""
        i = orm.order_intake
        link = self.session.execute(select(i.c.review_reasons, i.c.merge_group)
                                    .where(i.c.order_number == number)).first()
        if link is None:
            return []
        found = [HistoryEntry(placed_at, "review", f"Review: {reason}") for reason in
                 link.review_reasons or []]
        if link.merge_group:
            found.append(HistoryEntry(placed_at, "review",
                                      f"Merge candidate, group {link.merge_group}"))
        return found

    def _transition_entries(self, order_id: int) -> list[HistoryEntry]:
        t = orm.order_transitions
        rows = self.session.execute(select(t).where(t.c.order_id == order_id).order_by(t.c.id))
        return [HistoryEntry(r.at, "transition",
                             f"{r.from_status} → {r.to_status}" + (f": {r.reason}" if r.reason
                                                                   else ""), r.by)
                for r in rows]

    def _packing_entries(self, number: str) -> list[HistoryEntry]:
        ps, se = orm.pack_sessions, orm.scan_events
        found = []
        for r in self.session.execute(select(ps).where(ps.c.order_number == number)):
            found.append(HistoryEntry(r.started_at, "pack",
                                      f"Pack session at {r.station} started", r.packer))
            if r.ended_at is not None:
                found.append(HistoryEntry(r.ended_at, "pack", f"Pack session {r.outcome}",
                                          r.packer))
        for r in self.session.execute(select(se).where(se.c.order_number == number)
                                      .order_by(se.c.id)):
            undone = " (undone)" if r.undone_at is not None else ""
            found.append(HistoryEntry(r.at, "scan", f"Scan {r.raw}: {r.result}{undone}"
                                      + (f" {r.sku} ×{r.quantity}" if r.sku else ""), r.packer))
        return found

    def _stock_entries(self, number: str) -> list[HistoryEntry]:
        m = orm.stock_moves
        rows = self.session.execute(select(m).where(m.c.order_number == number)
                                    .order_by(m.c.id))
        return [HistoryEntry(r.at, "stock", f"{r.sku} ×{r.quantity}: {r.from_bucket} → "
                                            f"{r.to_bucket} ({r.reason})", r.by)
                for r in rows]

    def _sync_entries(self, channel: str, channel_order_id: str) -> list[HistoryEntry]:
        box = orm.outbox
        rows = self.session.execute(select(box).where(_prefix(
            box.c.idempotency_key, f"fulfilment:{channel}:{channel_order_id}:")))
        return [HistoryEntry(r.sent_at or r.created_at, "sync",
                             f"Fulfilment push to {r.channel}: {r.status}"
                             + (f" ({r.last_error})" if r.last_error else "")) for r in rows]

    def _return_entries(self, number: str) -> list[HistoryEntry]:
        cases, steps = orm.return_cases, orm.return_transitions
        rows = self.session.execute(
            select(cases.c.rma_number, steps.c.from_status, steps.c.to_status, steps.c.at,
                   steps.c.by, steps.c.reason)
            .join(steps, steps.c.case_id == cases.c.id)
            .where(cases.c.order_number == number).order_by(steps.c.id))
        return [HistoryEntry(r.at, "return", f"Return {r.rma_number}: "
                             + (f"{r.from_status} → " if r.from_status else "")
                             + r.to_status + (f" ({r.reason})" if r.reason else ""), r.by)
                for r in rows]


# --- returns counter (issue 7) ---

class SqlReturnRepository(_Repository):
    def get(self, rma_number: str, for_update: bool = False) -> ReturnCase | None:
        """A case; for_update locks its row until commit (PostgreSQL; SQLite has one writer),
        so two counters changing one case queue instead of losing races over and over."""
        query = select(ReturnCase).where(
            orm.return_cases.c.rma_number == rma_number.strip().upper())
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def for_order(self, order_number: str) -> list[ReturnCase]:
        c = orm.return_cases.c
        return list(self.session.scalars(
            select(ReturnCase).where(c.order_number == order_number).order_by(c.id)))

    def find_orders_by_buyer(self, text: str, limit: int = 10) -> list[Order]:
        """Orders whose buyer name contains the text, or whose phone has the same digits."""
        c = orm.orders.c
        digits = "".join(ch for ch in text if ch.isdigit())
        phone = c.phone
        for sep in (" ", "-", "+", "(", ")"):
            phone = func.replace(phone, sep, "")
        text = text.strip()  # SQLite lowers ASCII only: try the text as typed as well
        matches = [c.buyer_name.contains(text, autoescape=True),
                   func.lower(c.buyer_name).contains(text.lower(), autoescape=True)]
        if len(digits) >= 6:
            matches.append(phone.endswith(digits, autoescape=True))
        return list(self.session.scalars(
            select(Order).options(joinedload(Order.lines)).where(or_(*matches))
            .order_by(c.id.desc()).limit(limit)).unique())

    def overdue(self, now: datetime) -> list[ReturnCase]:
        """Unfinished cases past their deadline that have not escalated yet."""
        c = orm.return_cases.c
        return list(self.session.scalars(select(ReturnCase).where(
            c.status.not_in(["closed", "rejected"]), c.deadline_at < now,
            c.escalated_at.is_(None)).order_by(c.deadline_at)))

    def escalated(self) -> list[ReturnCase]:
        c = orm.return_cases.c
        return list(self.session.scalars(select(ReturnCase).where(
            c.status.not_in(["closed", "rejected"]), c.escalated_at.is_not(None))
            .order_by(c.escalated_at)))

    def awaiting_refund(self) -> list[ReturnCase]:
        c = orm.return_cases.c
        return list(self.session.scalars(select(ReturnCase).where(
            c.refund_status == "pending").order_by(c.id)))

    def refund_message(self, idempotency_key: str) -> OutboxMessage | None:
        return self.session.scalars(select(OutboxMessage).where(
            orm.outbox.c.idempotency_key == idempotency_key)).first()

    def rules(self) -> list[ReturnRule]:
        return list(self.session.scalars(select(ReturnRule).order_by(orm.return_rules.c.id)))

    def add_rule(self, rule: ReturnRule) -> None:
        self.session.add(rule)

    def serial_shipped_in(self, sku: str, serial: str) -> str | None:
        """The order whose parcel holds this serial number of this SKU, if any."""
        c = orm.packed_serials.c
        return self.session.scalar(select(c.order_number).where(c.sku == sku,
                                                                c.serial == serial))

    def release_serial(self, sku: str, serial: str) -> None:
        """The serial's claim goes, so its unit can ship again; the scan events that
        shipped it and the graded return unit keep its history."""
        c = orm.packed_serials.c
        claim = self.session.scalars(select(PackedSerial).where(c.sku == sku,
                                                                c.serial == serial)).first()
        if claim is not None:
            self.session.delete(claim)

    def units_shipped_and_returned(self, since: datetime, until: datetime) -> tuple[int, int]:
        """Units packed out, and units returned (received back) in the same period."""
        m, c, ln = orm.stock_moves.c, orm.return_cases.c, orm.return_lines.c
        shipped = self.session.scalar(select(func.coalesce(func.sum(m.quantity), 0)).where(
            m.to_bucket == "shipped", m.at >= since, m.at < until))
        returned = self.session.scalar(
            select(func.coalesce(func.sum(ln.received_quantity), 0))
            .join(orm.return_cases, c.id == ln.case_id)
            .where(c.requested_at >= since, c.requested_at < until,
                   c.status != "rejected"))
        return int(shipped or 0), int(returned or 0)


# --- stock you can trust: ledger queries, lots, receipts, cycle counts (issue 6) ---

class SqlLedgerRepository(_Repository):
    """Stock read side and row locks; stock items themselves come from SqlStockRepository."""

    def get_for_update(self, sku: str) -> StockItem | None:
        """The item with its row locked until commit (PostgreSQL; SQLite has one writer).

        Under a flash sale, writers queue on the row instead of losing optimistic races
        over and over; the version check stays as the safety net."""
        return self.session.scalars(
            select(StockItem).where(orm.stock_items.c.sku == sku).with_for_update()
        ).first()

    def items(self, skus: list[str] | None = None, limit: int = 5000) -> list[StockItem]:
        c = orm.stock_items.c
        query = select(StockItem).order_by(c.sku).limit(limit)
        if skus is not None:
            query = query.where(c.sku.in_(skus))
        return list(self.session.scalars(query))

    def product_names(self, skus: list[str]) -> dict[str, str]:
        p = orm.products.c
        return dict(self.session.execute(select(p.sku, p.name).where(p.sku.in_(skus))).all())

    def skus_at(self, location: str) -> list[str]:
        p = orm.products.c
        return list(self.session.scalars(
            select(p.sku).where(func.upper(p.bin_location) == location.strip().upper())
            .order_by(p.sku)))

    def ledger(self, sku: str, limit: int) -> tuple[dict[str, int], list[StockMove]]:
        """The last `limit` moves, oldest first, and the bucket totals before them."""
        m = orm.stock_moves.c
        recent = [StockMove(row.sku, row.from_bucket, row.to_bucket, row.quantity, row.reason,
                            row.at, row.by, row.station, row.order_number, row.id)
                  for row in self.session.execute(
                      select(*MOVE_COLUMNS, m.id).where(m.sku == sku)
                      .order_by(m.id.desc()).limit(limit))]
        recent.reverse()
        opening: dict[str, int] = {}
        if recent:
            before = [m.sku == sku, m.id < recent[0].id]
            for column, sign in ((m.to_bucket, 1), (m.from_bucket, -1)):
                rows = self.session.execute(
                    select(column, func.sum(m.quantity)).where(*before).group_by(column))
                for bucket, total in rows:
                    opening[bucket] = opening.get(bucket, 0) + sign * int(total)
        return opening, recent

    def listings_for(self, sku: str) -> list[ChannelSku]:
        return list(self.session.scalars(
            select(ChannelSku).where(orm.channel_skus.c.sku == sku)
            .order_by(orm.channel_skus.c.channel)))

    def lot(self, sku: str, lot: str) -> StockLot | None:
        c = orm.stock_lots.c
        return _pending(self.session, StockLot, sku=sku, lot=lot) or self.session.scalars(
            select(StockLot).where(c.sku == sku, c.lot == lot)).first()

    def skus_with_lots(self, skus: list[str]) -> set[str]:
        c = orm.stock_lots.c
        return set(self.session.scalars(select(c.sku).where(c.sku.in_(skus)).distinct()))

    def lot_balances(self, sku: str) -> list[LotBalance]:
        """Received + adjusted - packed (completed pack scans that carried the lot)."""
        c, e, ps = orm.stock_lots.c, orm.scan_events.c, orm.pack_sessions.c
        packed = dict(self.session.execute(
            select(e.lot, func.sum(e.quantity)).join(orm.pack_sessions, ps.id == e.session_id)
            .where(e.sku == sku, e.lot != "", e.undone_at.is_(None),
                   e.result.in_([r.value for r in COUNTED]),
                   ps.outcome.in_([SessionOutcome.COMPLETED.value,
                                   SessionOutcome.PARTIAL.value]))
            .group_by(e.lot)).all())
        rows = self.session.execute(
            select(c.lot, c.expiry, c.received, c.adjusted).where(c.sku == sku)).all()
        return [LotBalance(sku, row.lot, row.expiry,
                           row.received + row.adjusted - int(packed.get(row.lot) or 0))
                for row in rows]


class SqlReceiptRepository(_Repository):
    def get(self, receipt_id: int) -> Receipt | None:
        return self.session.get(Receipt, receipt_id)

    def by_reference(self, reference: str) -> Receipt | None:
        return self.session.scalars(
            select(Receipt).where(orm.receipts.c.reference == reference)).first()

    def line_by_uid(self, scan_uid: str) -> ReceiptLine | None:
        return self.session.scalars(
            select(ReceiptLine).where(orm.receipt_lines.c.scan_uid == scan_uid)).first()

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(orm.receipts)) or 0


class SqlCountRepository(_Repository):
    def get(self, session_id: int) -> CountSession | None:
        return self.session.get(CountSession, session_id)

    def recent(self, limit: int = 50) -> list[CountSession]:
        c = orm.count_sessions.c
        return list(self.session.scalars(select(CountSession).order_by(c.id.desc())
                                         .limit(limit)))


class SqlAlertRouteRepository(_Repository):
    """Where alerts go (0018_alert_routes), by code."""

    def get(self, code: str) -> AlertRoute | None:
        return self.session.scalars(
            select(AlertRoute).where(orm.alert_routes.c.code == code)).first()

    def all(self) -> list[AlertRoute]:
        return list(self.session.scalars(select(AlertRoute).order_by(orm.alert_routes.c.code)))

    def remove(self, route: AlertRoute) -> None:
        self.session.delete(route)

    def notice_keys(self, keys: list[str]) -> set[str]:
        """Which of these outbox keys were queued (a route told of an alert)."""
        found: set[str] = set()
        c = orm.outbox.c
        for start in range(0, len(keys), 500):
            found.update(self.session.scalars(
                select(c.idempotency_key).where(c.idempotency_key.in_(keys[start:start + 500]))))
        return found


class SqlAlertRepository(_Repository):
    """Alerts, and the facts that raise them, each read by an indexed column."""

    def get(self, alert_id: int) -> Alert | None:
        return self.session.get(Alert, alert_id)

    def by_keys(self, keys: list[str]) -> dict[str, Alert]:
        found: dict[str, Alert] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            found.update((a.key, a) for a in self.session.scalars(
                select(Alert).where(orm.alerts.c.key.in_(chunk))))
        return found

    def unacknowledged(self, limit: int = 1000) -> list[Alert]:
        return list(self.session.scalars(
            select(Alert).where(orm.alerts.c.acknowledged_at.is_(None))
            .order_by(orm.alerts.c.raised_at.desc(), orm.alerts.c.id.desc()).limit(limit)))

    def uncleared(self) -> list[Alert]:
        return list(self.session.scalars(select(Alert).where(orm.alerts.c.cleared_at.is_(None))))

    def stuck_orders(self, entered_before: datetime, limit: int = 1000) -> list[tuple]:
        """Orders in needs review or ready since before the cut-off: (number, channel,
        status, entered_at). Entering is the last transition into the status, else intake."""
        o, t = orm.orders, orm.order_transitions
        entered = func.coalesce(
            select(func.max(t.c.at)).where(t.c.order_id == o.c.id, t.c.to_status == o.c.status)
            .scalar_subquery(), o.c.placed_at, type_=orm.UtcDateTime())
        query = (select(o.c.number, o.c.channel, o.c.status, entered.label("entered"))
                 .where(o.c.status.in_((OrderStatus.NEEDS_REVIEW, OrderStatus.READY)))
                 .where(entered < entered_before).order_by(o.c.id).limit(limit))
        return [tuple(r) for r in self.session.execute(query)]

    def late_orders(self, now: datetime, limit: int = 1000) -> list[tuple]:
        o = orm.orders
        query = (select(o.c.number, o.c.channel, o.c.status, o.c.ship_by)
                 .where(o.c.ship_by < now, o.c.status.in_(tuple(OPEN_STATUSES)))
                 .order_by(o.c.ship_by).limit(limit))
        return [tuple(r) for r in self.session.execute(query)]

    def failed_outbox(self, limit: int = 500) -> list[tuple]:
        box = orm.outbox
        query = (select(box.c.id, box.c.channel, box.c.kind, box.c.last_error)
                 .where(box.c.status == OutboxStatus.FAILED.value).order_by(box.c.id).limit(limit))
        return [tuple(r) for r in self.session.execute(query)]

    def channel_results(self) -> list[tuple]:
        c = orm.channels
        return [tuple(r) for r in self.session.execute(
            select(c.c.code, c.c.last_result, c.c.settings).where(c.c.enabled.is_(True)))]

    def locked_logins(self, now: datetime) -> list[tuple]:
        """Names locked after wrong PINs: (name, failures, locked_until)."""
        a = orm.login_attempts.c
        query = (select(a.name_key, a.failures, a.locked_until)
                 .where(a.locked_until > now).order_by(a.locked_until))
        return [tuple(r) for r in self.session.execute(query)]

    def waiting_labels(self, created_before: datetime, limit: int = 500) -> list[tuple]:
        """Shipping labels still queued after a try, made before the cut-off: (id, station,
        printer, subject, created_at, reason), oldest first (the spooler's print_jobs)."""
        j = orm.print_jobs.c
        query = (select(j.id, j.station, j.printer, j.subject, j.created_at, j.reason)
                 .where(j.kind == "shipping_label", j.state == JobState.QUEUED.value,
                        j.attempts > 0, j.created_at < created_before)
                 .order_by(j.id).limit(limit))
        return [tuple(r) for r in self.session.execute(query)]

    def stock_shortages(self, limit: int = 500) -> list[tuple]:
        """Orders waiting in review because intake could not reserve their stock."""
        o, i = orm.orders, orm.order_intake
        query = (select(o.c.number, o.c.channel, i.c.review_reasons)
                 .join(i, i.c.order_number == o.c.number)
                 .where(o.c.status == OrderStatus.NEEDS_REVIEW).limit(limit))
        return [(r.number, r.channel, [x for x in r.review_reasons or []
                                       if x.startswith("not enough stock")])
                for r in self.session.execute(query)]

    def escalated_returns(self) -> list[tuple]:
        """(RMA, order number) of return cases escalated to a supervisor and still waiting."""
        cases = orm.return_cases
        rows = self.session.execute(
            select(cases.c.rma_number, cases.c.order_number)
            .where(cases.c.escalated_at.isnot(None),
                   cases.c.status.not_in(("closed", "rejected"))).limit(500))
        return [tuple(r) for r in rows]


def _aware(value):
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class SqlHealthRepository(_Repository):
    """The raw facts behind the health figures, for one time window [since, until)."""

    def fulfilled(self, since: datetime, until: datetime) -> list[tuple]:
        """(number, channel, ship_by, first packed at) of orders first packed in the window."""
        o, t = orm.orders, orm.order_transitions
        first = func.min(t.c.at).label("packed_at")
        query = (select(o.c.number, o.c.channel, o.c.ship_by, first)
                 .join(o, o.c.id == t.c.order_id)
                 .where(t.c.to_status == OrderStatus.PACKED, t.c.at >= since, t.c.at < until)
                 .group_by(o.c.id, o.c.number, o.c.channel, o.c.ship_by))
        return [(r.number, r.channel, r.ship_by, _aware(r.packed_at))
                for r in self.session.execute(query)]

    def pack_runs(self, since: datetime, until: datetime) -> list[tuple]:
        """(packer, packing started at, packed at) for each packing -> packed transition."""
        t = orm.order_transitions
        begun = orm.order_transitions.alias("begun")
        started = (select(func.max(begun.c.at))
                   .where(begun.c.order_id == t.c.order_id,
                          begun.c.to_status == OrderStatus.PACKING, begun.c.at <= t.c.at)
                   .scalar_subquery())
        query = select(t.c.by, started, t.c.at).where(
            t.c.to_status == OrderStatus.PACKED, t.c.from_status == OrderStatus.PACKING,
            t.c.at >= since, t.c.at < until)
        return [(r[0], _aware(r[1]), _aware(r[2])) for r in self.session.execute(query)]

    def pack_sessions(self, since: datetime, until: datetime) -> list[tuple]:
        ps = orm.pack_sessions
        query = select(ps.c.packer, ps.c.started_at, ps.c.ended_at, ps.c.outcome).where(
            ps.c.started_at >= since, ps.c.started_at < until, ps.c.ended_at.isnot(None))
        return [tuple(r) for r in self.session.execute(query)]

    def scan_tallies(self, since: datetime, until: datetime) -> list[tuple]:
        """(packer, result, scans) in the window."""
        se = orm.scan_events
        query = (select(se.c.packer, se.c.result, func.count())
                 .where(se.c.at >= since, se.c.at < until)
                 .group_by(se.c.packer, se.c.result))
        return [tuple(r) for r in self.session.execute(query)]

    def returned_orders(self, since: datetime, until: datetime) -> int:
        """Orders a return began for in the window: a return case, or goods back from the
        customer in the stock ledger without a case, each order once."""
        m, cases = orm.stock_moves, orm.return_cases
        numbers = set(self.session.scalars(select(m.c.order_number).distinct().where(
            m.c.from_bucket == "customer", m.c.at >= since, m.c.at < until)))
        numbers |= set(self.session.scalars(select(cases.c.order_number).distinct().where(
            cases.c.requested_at >= since, cases.c.requested_at < until)))
        return len(numbers - {""})

    def first_responses(self, since: datetime, until: datetime) -> list[float]:
        """Minutes from each return request in the window to its first status change
        (cases nobody has answered yet are not in the list)."""
        cases, steps = orm.return_cases, orm.return_transitions
        first = (select(steps.c.case_id, func.min(steps.c.at).label("at"))
                 .where(steps.c.from_status != "").group_by(steps.c.case_id).subquery())
        rows = self.session.execute(
            select(cases.c.requested_at, first.c.at.label("answered_at"))
            .join(first, first.c.case_id == cases.c.id)
            .where(cases.c.requested_at >= since, cases.c.requested_at < until))
        return [(_aware(r.answered_at) - r.requested_at).total_seconds() / 60 for r in rows]

    def count_results(self, since: datetime, until: datetime) -> list[tuple]:
        """(sku, expected, counted) of count lines judged, for counts opened in the window."""
        lines, counts = orm.count_lines, orm.count_sessions
        query = (select(lines.c.sku, lines.c.expected, lines.c.counted)
                 .join(counts, counts.c.id == lines.c.session_id)
                 .where(lines.c.expected.isnot(None), counts.c.opened_at >= since,
                        counts.c.opened_at < until,
                        counts.c.status.not_in(("rejected", "cancelled"))))
        return [tuple(r) for r in self.session.execute(query)]
