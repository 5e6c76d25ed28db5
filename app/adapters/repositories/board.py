"""The order board: a read model of keyset pages and one order's history."""

from __future__ import annotations

import heapq
from datetime import datetime

from sqlalchemy import func, select, union
from sqlalchemy import text as sql_text

from app.adapters import orm
from app.adapters.repositories._base import _prefix, _Repository
from app.domain.messages import Msg
from app.domain.orders import OrderStatus
from app.services.board import BoardRecord, HistoryEntry, HistoryHead


class SqlBoardRepository(_Repository):
    """Read-only queries for the board: keyset pages and one order's history."""

    def page(self, board_filter, now: datetime, after_id: int | None,
             limit: int) -> list[BoardRecord]:
        """Newest first. A filter on several statuses reads one status at a time along
        (status, id) and merges the pages, so it stops at the page's end instead of sorting
        every order in those statuses (issue 20: the merge candidates)."""
        statuses = tuple(board_filter.statuses)
        if board_filter.merge_candidates:
            awaiting = (OrderStatus.READY.value, OrderStatus.NEEDS_REVIEW.value)
            statuses = tuple(s for s in statuses if s in awaiting) if statuses else awaiting
            if not statuses:
                return []
        if len(statuses) < 2:
            return self._page(board_filter, now, after_id, limit, statuses)
        legs = [self._page(board_filter, now, after_id, limit, (status,))
                for status in sorted(statuses)]
        return list(heapq.merge(*legs, key=lambda row: -row.id))[:limit]

    def _page(self, board_filter, now, after_id, limit, statuses) -> list[BoardRecord]:
        o, intake = orm.orders, orm.order_intake
        merge = (select(intake.c.merge_group).where(intake.c.order_number == o.c.number)
                 .limit(1).scalar_subquery())
        query = (select(o.c.id, o.c.number, o.c.channel, o.c.status, o.c.buyer_name,
                        o.c.placed_at, o.c.ship_by, o.c.tracking_number, merge, o.c.weight_g)
                 .order_by(o.c.id.desc()).limit(limit))
        if after_id is not None:
            query = query.where(o.c.id < after_id)
        if board_filter.channel:
            query = query.where(o.c.channel == board_filter.channel)
        if statuses:
            query = query.where(o.c.status.in_(statuses))
        if board_filter.older_than is not None:
            query = query.where(o.c.placed_at <= now - board_filter.older_than)
        if board_filter.merge_candidates:
            # each order checked by its own intake row (the group the board shows), a
            # scalar look-up no planner turns into a read of every order ever grouped
            query = query.where(merge > "")
        text = board_filter.search.strip()
        if text:
            query = query.where(o.c.id.in_(self._search(text)))
        return [BoardRecord._make(row) for row in self.session.execute(query)]

    def item_weights(self, order_ids: list[int]) -> dict[int, tuple[int, tuple[str, ...]]]:
        """For a page's orders, in one query: the weight of their items from the catalogue
        (grams) and the SKUs whose weight is not known (no product, or weight 0)."""
        if not order_ids:
            return {}
        lines, p = orm.order_lines.c, orm.products.c
        rows = self.session.execute(
            select(lines.order_id, lines.sku, lines.quantity, p.weight_g)
            .select_from(orm.order_lines.outerjoin(
                orm.products, p.sku_key == func.upper(func.trim(lines.sku))))
            .where(lines.order_id.in_(order_ids), lines.quantity > 0))
        grams: dict[int, int] = {}
        unknown: dict[int, list[str]] = {}
        for order_id, sku, quantity, weight in rows:
            grams[order_id] = grams.get(order_id, 0) + quantity * (weight or 0)
            missing = unknown.setdefault(order_id, [])
            if not weight and sku not in missing:
                missing.append(sku)
        return {order_id: (total, tuple(sorted(unknown[order_id])))
                for order_id, total in grams.items()}

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

    def history(self, number: str) -> tuple[HistoryHead, list[HistoryEntry]] | None:
        o = orm.orders
        head = self.session.execute(
            select(o.c.id, o.c.number, o.c.channel, o.c.channel_order_id, o.c.status,
                   o.c.buyer_name, o.c.ship_by, o.c.placed_at)
            .where(o.c.number == number)).first()
        if head is None:
            return None
        entries = [HistoryEntry(head.placed_at, "intake",
                                Msg("Placed at {channel} as {channel_order_id}",
                                    channel=head.channel, channel_order_id=head.channel_order_id))]
        entries += self._intake_entries(head.number, head.placed_at)
        entries += self._transition_entries(head.id)
        entries += self._packing_entries(head.number)
        entries += self._stock_entries(head.number)
        entries += self._sync_entries(head.channel, head.channel_order_id)
        entries += self._return_entries(head.number)
        return HistoryHead(head.number, head.channel, head.status, head.buyer_name,
                           head.ship_by), entries

    def _intake_entries(self, number: str, placed_at) -> list[HistoryEntry]:
        """Intake's review reasons and merge group, shown with the order's arrival."""
        i = orm.order_intake
        link = self.session.execute(select(i.c.review_reasons, i.c.merge_group)
                                    .where(i.c.order_number == number)).first()
        if link is None:
            return []
        found = [HistoryEntry(placed_at, "review", Msg("Review: {reason}", reason=reason))
                 for reason in link.review_reasons or []]
        if link.merge_group:
            found.append(HistoryEntry(placed_at, "review", Msg(
                "Merge candidate, group {group}", group=link.merge_group)))
        return found

    def _transition_entries(self, order_id: int) -> list[HistoryEntry]:
        t = orm.order_transitions
        rows = self.session.execute(select(t).where(t.c.order_id == order_id).order_by(t.c.id))
        return [HistoryEntry(r.at, "transition", Msg(
            "{from_status} → {to_status}: {reason}" if r.reason else "{from_status} → {to_status}",
            from_status=r.from_status, to_status=r.to_status,
            **({"reason": r.reason_message or r.reason} if r.reason else {})), r.by)
                for r in rows]

    def _packing_entries(self, number: str) -> list[HistoryEntry]:
        ps, se = orm.pack_sessions, orm.scan_events
        found = []
        for r in self.session.execute(select(ps).where(ps.c.order_number == number)):
            found.append(HistoryEntry(r.started_at, "pack", Msg(
                "Pack session at {station} started", station=r.station), r.packer))
            if r.ended_at is not None:
                ended = Msg("Pack session {outcome}, box {box}", outcome=r.outcome,
                            box=r.box_sku) if r.box_sku else \
                    Msg("Pack session {outcome}", outcome=r.outcome)
                found.append(HistoryEntry(r.ended_at, "pack", ended, r.packer))
        for r in self.session.execute(select(se).where(se.c.order_number == number)
                                      .order_by(se.c.id)):
            scan = Msg("Scan {raw}: {result}", raw=r.raw, result=r.result)
            if r.undone_at is not None:
                scan = Msg("{scan} (undone)", scan=scan)
            if r.sku:
                scan = Msg("{scan} {sku} ×{quantity}", scan=scan, sku=r.sku, quantity=r.quantity)
            found.append(HistoryEntry(r.at, "scan", scan, r.packer))
        return found

    def _stock_entries(self, number: str) -> list[HistoryEntry]:
        m = orm.stock_moves
        rows = self.session.execute(select(m).where(m.c.order_number == number)
                                    .order_by(m.c.id))
        return [HistoryEntry(r.at, "stock", Msg(
            "{sku} ×{quantity}: {from_bucket} → {to_bucket} ({reason})", sku=r.sku,
            quantity=r.quantity, from_bucket=r.from_bucket, to_bucket=r.to_bucket,
            reason=r.reason), r.by) for r in rows]

    def _sync_entries(self, channel: str, channel_order_id: str) -> list[HistoryEntry]:
        box = orm.outbox
        rows = self.session.execute(select(box).where(_prefix(
            box.c.idempotency_key, f"fulfilment:{channel}:{channel_order_id}:")))
        return [HistoryEntry(r.sent_at or r.created_at, "sync", Msg(
            "Fulfilment push to {channel}: {status} ({error})", channel=r.channel,
            status=r.status, error=r.last_error) if r.last_error else Msg(
            "Fulfilment push to {channel}: {status}", channel=r.channel, status=r.status))
            for r in rows]

    def _return_entries(self, number: str) -> list[HistoryEntry]:
        cases, steps = orm.return_cases, orm.return_transitions
        rows = self.session.execute(
            select(cases.c.rma_number, steps.c.from_status, steps.c.to_status, steps.c.at,
                   steps.c.by, steps.c.reason)
            .join(steps, steps.c.case_id == cases.c.id)
            .where(cases.c.order_number == number).order_by(steps.c.id))
        return [HistoryEntry(r.at, "return", _return_step(r), r.by) for r in rows]


def _return_step(r) -> Msg:
    step = Msg("Return {rma}: {from_status} → {to_status}", rma=r.rma_number,
               from_status=r.from_status, to_status=r.to_status) if r.from_status else \
        Msg("Return {rma}: {to_status}", rma=r.rma_number, to_status=r.to_status)
    return Msg("{step} ({reason})", step=step, reason=r.reason) if r.reason else step
