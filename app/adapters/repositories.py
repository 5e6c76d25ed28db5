"""SQLAlchemy repositories: each returns domain objects, looked up by indexed columns."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.adapters import orm
from app.domain.carriers import CarrierProfile
from app.domain.orders import Order
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackSession, ProductMatch, ScanEvent, SessionOutcome
from app.domain.people import Packer
from app.domain.products import Product
from app.domain.stock import StockItem


class _Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj) -> None:
        self.session.add(obj)


class SqlOrderRepository(_Repository):
    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(orm.orders)) or 0

    def get(self, number: str) -> Order | None:
        return self.session.scalars(
            select(Order).where(orm.orders.c.number == number.strip().upper())
        ).first()

    def find_for_scan(self, text: str, limit: int = 10) -> list[Order]:
        """Orders a scanned text may name: our number, the channel's id, or the tracking number."""
        text = text.strip()
        upper = text.upper()
        c = orm.orders.c
        query = select(Order).where(or_(
            c.number == upper, c.channel_order_id == text, c.tracking_number == text,
            c.tracking_number == upper,
        )).order_by(c.id).limit(limit)
        return list(self.session.scalars(query))


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


class SqlPackerRepository(_Repository):
    def by_name(self, name: str) -> Packer | None:
        return self.session.scalars(
            select(Packer).where(func.lower(orm.packers.c.name) == name.strip().lower())
        ).first()


class SqlPackSessionRepository(_Repository):
    def get(self, session_id: int) -> PackSession | None:
        return self.session.get(PackSession, session_id)

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


class SqlCarrierRepository(_Repository):
    def get(self, code: str) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).where(orm.carrier_profiles.c.code == code)
        ).first()

    def first(self) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).order_by(orm.carrier_profiles.c.id)
        ).first()


