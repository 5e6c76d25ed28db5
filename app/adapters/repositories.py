"""SQLAlchemy repositories: each returns domain objects, looked up by indexed columns."""

from __future__ import annotations

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session, joinedload

from app.adapters import orm
from app.domain.carriers import CarrierProfile
from app.domain.channels import (
    Channel,
    ChannelSku,
    IntakeException,
    OrderIntake,
    pushed_quantity,
)
from app.domain.counting import CountSession
from app.domain.lots import LotBalance, Receipt, ReceiptLine, StockLot
from app.domain.orders import OPEN_STATUSES, Order, OrderStatus
from app.domain.outbox import OutboxMessage, OutboxStatus
from app.domain.packing import COUNTED, PackSession, ProductMatch, ScanEvent, SessionOutcome
from app.domain.people import Packer
from app.domain.products import Product
from app.domain.stock import StockItem, StockMove
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

    # intake links, exceptions and numbering (issue 5)
    def intake_link(self, channel: str, channel_order_id: str) -> OrderIntake | None:
        c = orm.order_intake.c
        return _pending(self.session, OrderIntake, channel=channel,
                        channel_order_id=channel_order_id) or self.session.scalars(select(OrderIntake).where(
            c.channel == channel, c.channel_order_id == channel_order_id)).first()

    def intake_link_for(self, order_number: str) -> OrderIntake | None:
        return self.session.scalars(select(OrderIntake).where(
            orm.order_intake.c.order_number == order_number)).first()

    def open_intakes_with_buyer(self, buyer_key: str, exclude: str,
                                limit: int = 20) -> list[OrderIntake]:
        """Open orders (not packed, shipped or cancelled) for the same buyer and address."""
        i, o = orm.order_intake.c, orm.orders.c
        batch = [obj for obj in self.session.new if isinstance(obj, OrderIntake)
                 and obj.buyer_key == buyer_key and obj.order_number != exclude]
        return batch + list(self.session.scalars(
            select(OrderIntake).join(orm.orders, o.number == i.order_number)
            .where(i.buyer_key == buyer_key, i.order_number != exclude,
                   o.status.in_([s.value for s in OPEN_STATUSES]))
            .order_by(i.merge_group, i.id).limit(limit)))

    def park_exception(self, exception: IntakeException) -> None:
        self.session.add(exception)

    def intake_exceptions(self, include_resolved: bool = False) -> list[IntakeException]:
        c = orm.intake_exceptions.c
        query = select(IntakeException).order_by(c.id)
        if not include_resolved:
            query = query.where(c.resolved.is_(False))
        return list(self.session.scalars(query))

    def get_exception(self, exception_id: int) -> IntakeException | None:
        return self.session.get(IntakeException, exception_id)

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
            self.session.execute(insert(orm.counters).values(name="order_number",
                                                             next_value=start + 1))
            return f"PD-{start}"
        return f"PD-{row.next_value - 1}"

    def _highest_number(self) -> int:
        numbers = self.session.scalars(
            select(orm.orders.c.number).where(orm.orders.c.number.like("PD-%"))).all()
        digits = [int(n[3:]) for n in numbers if n[3:].isdigit()]
        return max(digits, default=200000)


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

    def item_codes(self, skus: list[str]) -> list[tuple[str, str, int]]:
        """(code key, SKU, units per scan) for every code of these products, SKUs included."""
        pb = orm.product_barcodes.c
        rows = self.session.execute(
            select(pb.code_key, pb.sku, pb.pack_quantity).where(pb.sku.in_(skus))).all()
        return [tuple(row) for row in rows] + [(sku.upper(), sku, 1) for sku in skus]

    def images(self, skus: list[str]) -> dict[str, str]:
        p = orm.products.c
        rows = self.session.execute(
            select(p.sku, p.image_path).where(p.sku.in_(skus), p.image_path.is_not(None))
        ).all()
        return {row.sku: row.image_path for row in rows}


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


class SqlPackerRepository(_Repository):
    def by_name(self, name: str) -> Packer | None:
        return self.session.scalars(
            select(Packer).where(func.lower(orm.packers.c.name) == name.strip().lower())
        ).first()


class SqlPackSessionRepository(_Repository):
    def get(self, session_id: int) -> PackSession | None:
        return self.session.get(PackSession, session_id,
                                options=[joinedload(PackSession.events)])

    def open_for_order(self, order_number: str) -> PackSession | None:
        c = orm.pack_sessions.c
        return self.session.scalars(
            select(PackSession).where(c.order_number == order_number,
                                      c.outcome == SessionOutcome.OPEN.value)
            .order_by(c.id.desc())
        ).first()


class SqlScanEventRepository(_Repository):
    def by_uid(self, scan_uid: str) -> ScanEvent | None:
        return self.session.scalars(
            select(ScanEvent).where(orm.scan_events.c.scan_uid == scan_uid)
        ).first()


class SqlOutboxRepository(_Repository):
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
        """Id of a later pending level for the same SKU: the older one need not be sent."""
        c = orm.outbox.c
        prefix = f"stock:{message.channel}:{message.payload.get('sku')}:"
        return self.session.scalar(
            select(c.id).where(c.channel == message.channel, c.kind == "stock_level",
                               c.status == OutboxStatus.PENDING.value, c.id > message.id,
                               c.idempotency_key.startswith(prefix, autoescape=True))
            .order_by(c.id.desc()).limit(1))

    def depth(self, channel: str | None = None) -> int:
        c = orm.outbox.c
        query = select(func.count()).select_from(orm.outbox).where(
            c.status == OutboxStatus.PENDING.value)
        if channel is not None:
            query = query.where(c.channel == channel)
        return self.session.scalar(query) or 0

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
            payload={"sku": item.sku, "quantity": pushed_quantity(item, channel, listing),
                     "stock_version": item.version or 0},
            created_at=now))


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
        recent = list(self.session.scalars(
            select(StockMove).where(m.sku == sku).order_by(m.id.desc()).limit(limit)))
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
