"""Stock items, their channel listings and the ledger's rows and read side."""

from __future__ import annotations

from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.bulk import bulk_insert
from app.adapters.repositories._base import _chunks, _pending, _Repository
from app.domain.channels import ChannelSku
from app.domain.lots import LotBalance, StockLot
from app.domain.packing import COUNTED, SessionOutcome
from app.domain.stock import StockItem, StockMove

MOVE_COLUMNS = tuple(orm.stock_moves.c[name] for name in orm.MOVE_FIELDS)


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

    def listings_of(self, skus: list[str]) -> list[ChannelSku]:
        """Every channel's listing of these SKUs (the stock levels a change queues)."""
        c = orm.channel_skus.c
        return [listing for chunk in _chunks(sorted(set(skus)))
                for listing in self.session.scalars(select(ChannelSku).where(c.sku.in_(chunk))
                                                    .order_by(c.id))]

    def listed(self, channel: str, skus: list[str]) -> set[str]:
        c = orm.channel_skus.c
        return {sku for chunk in _chunks(sorted(set(skus)))
                for sku in self.session.scalars(select(c.sku).where(c.channel == channel,
                                                                    c.sku.in_(chunk)))}


class SqlLedgerRepository(_Repository):
    """Stock read side and row locks; stock items themselves come from SqlStockRepository."""

    def get_for_update(self, sku: str) -> StockItem | None:
        """The item with its row locked until commit (PostgreSQL; SQLite has one writer).

        Under a flash sale, writers queue on the row instead of losing optimistic races
        over and over; the version check stays as the safety net."""
        return self.session.scalars(
            select(StockItem).where(orm.stock_items.c.sku == sku).with_for_update()
        ).first()

    def append_moves(self, moves: list[StockMove], station: str) -> None:
        """The ledger is append-only, so moves are rows, not tracked objects: a page of
        channel orders writes its thousands of reservations in one statement."""
        if moves:
            bulk_insert(self.session.connection(), orm.stock_moves, [
                {**{name: getattr(move, name) for name in orm.MOVE_FIELDS},
                 "station": move.station or station} for move in moves])

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

