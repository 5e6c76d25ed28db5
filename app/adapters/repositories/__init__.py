"""The repositories, one module per aggregate (and per read model); every name stays
importable from here: `from app.adapters import repositories as repos`."""

from __future__ import annotations

from app.adapters.repositories.alerts import SqlAlertRepository, SqlAlertRouteRepository
from app.adapters.repositories.board import SqlBoardRepository
from app.adapters.repositories.carriers import SqlCarrierRepository
from app.adapters.repositories.counts import SqlCountRepository
from app.adapters.repositories.health import SqlHealthRepository
from app.adapters.repositories.orders import SqlOrderRepository
from app.adapters.repositories.outbox import SqlOutboxRepository
from app.adapters.repositories.pack_sessions import SqlPackSessionRepository, SqlScanEventRepository
from app.adapters.repositories.people import SqlPackerRepository
from app.adapters.repositories.products import SqlProductRepository
from app.adapters.repositories.receipts import SqlReceiptRepository
from app.adapters.repositories.returns import SqlReturnRepository
from app.adapters.repositories.stock import MOVE_COLUMNS, SqlLedgerRepository, SqlStockRepository

__all__ = [
    "SqlOrderRepository",
    "SqlProductRepository",
    "MOVE_COLUMNS",
    "SqlStockRepository",
    "SqlLedgerRepository",
    "SqlPackerRepository",
    "SqlPackSessionRepository",
    "SqlScanEventRepository",
    "SqlOutboxRepository",
    "SqlCarrierRepository",
    "SqlBoardRepository",
    "SqlReturnRepository",
    "SqlReceiptRepository",
    "SqlCountRepository",
    "SqlAlertRouteRepository",
    "SqlAlertRepository",
    "SqlHealthRepository",
]
