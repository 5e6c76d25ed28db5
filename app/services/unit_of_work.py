"""What a handler needs from the store, without knowing how it is kept.

The SQLAlchemy implementation lives in app/adapters/unit_of_work.py; handlers see only
these protocols, so the core stays free of SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from app.domain.carriers import CarrierProfile
from app.domain.orders import Order
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackSession, ProductMatch, ScanEvent
from app.domain.people import Packer
from app.domain.products import Product
from app.domain.stock import StockItem


def utc_now() -> datetime:
    return datetime.now(UTC)


class OrderRepository(Protocol):
    def count(self) -> int: ...
    def add(self, order: Order) -> None: ...
    def get(self, number: str) -> Order | None: ...
    def find_for_scan(self, text: str, limit: int = 10) -> list[Order]: ...


class ProductRepository(Protocol):
    def add(self, product: Product) -> None: ...
    def get(self, sku: str) -> Product | None: ...
    def match(self, keys: list[str]) -> ProductMatch | None: ...
    def images(self, skus: list[str]) -> dict[str, str]: ...


class StockRepository(Protocol):
    def add(self, item: StockItem) -> None: ...
    def get(self, sku: str) -> StockItem | None: ...


class PackerRepository(Protocol):
    def add(self, packer: Packer) -> None: ...
    def by_name(self, name: str) -> Packer | None: ...


class PackSessionRepository(Protocol):
    def add(self, pack_session: PackSession) -> None: ...
    def get(self, session_id: int) -> PackSession | None: ...
    def open_for_order(self, order_number: str) -> PackSession | None: ...


class ScanEventRepository(Protocol):
    def by_uid(self, scan_uid: str) -> ScanEvent | None: ...


class OutboxRepository(Protocol):
    def add(self, message: OutboxMessage) -> None: ...


class CarrierRepository(Protocol):
    def get(self, code: str) -> CarrierProfile | None: ...
    def first(self) -> CarrierProfile | None: ...


class UnitOfWork(Protocol):
    orders: OrderRepository
    products: ProductRepository
    stock: StockRepository
    packers: PackerRepository
    pack_sessions: PackSessionRepository
    scan_events: ScanEventRepository
    outbox: OutboxRepository
    carriers: CarrierRepository
    now: Callable[[], datetime]
    station: str

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
