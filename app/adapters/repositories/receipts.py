"""Goods-in receipts."""

from __future__ import annotations

from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.repositories._base import _Repository
from app.domain.lots import Receipt, ReceiptLine


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

