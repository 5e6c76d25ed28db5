"""The health dashboard's figures: a read model over scans, orders and moves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.repositories._base import _aware, _Repository
from app.domain.orders import OrderStatus
from app.services.health import CountResult, Fulfilled, PackRun, ScanTally, SessionSpan


class SqlHealthRepository(_Repository):
    """The raw facts behind the health figures, for one time window [since, until)."""

    def fulfilled(self, since: datetime, until: datetime) -> list[Fulfilled]:
        """The orders first packed in the window, with when."""
        o, t = orm.orders, orm.order_transitions
        first = func.min(t.c.at).label("packed_at")
        query = (select(o.c.number, o.c.channel, o.c.ship_by, first)
                 .join(o, o.c.id == t.c.order_id)
                 .where(t.c.to_status == OrderStatus.PACKED, t.c.at >= since, t.c.at < until)
                 .group_by(o.c.id, o.c.number, o.c.channel, o.c.ship_by))
        return [Fulfilled(r.number, r.channel, r.ship_by, _aware(r.packed_at))
                for r in self.session.execute(query)]

    def pack_runs(self, since: datetime, until: datetime) -> list[PackRun]:
        """Each packing -> packed transition: who, when packing started, when packed."""
        t = orm.order_transitions
        begun = orm.order_transitions.alias("begun")
        started = (select(func.max(begun.c.at))
                   .where(begun.c.order_id == t.c.order_id,
                          begun.c.to_status == OrderStatus.PACKING, begun.c.at <= t.c.at)
                   .scalar_subquery())
        query = select(t.c.by, started, t.c.at).where(
            t.c.to_status == OrderStatus.PACKED, t.c.from_status == OrderStatus.PACKING,
            t.c.at >= since, t.c.at < until)
        return [PackRun(by, _aware(started_at), _aware(at))
                for by, started_at, at in self.session.execute(query)]

    def pack_sessions(self, since: datetime, until: datetime) -> list[SessionSpan]:
        ps = orm.pack_sessions
        query = select(ps.c.packer, ps.c.started_at, ps.c.ended_at, ps.c.outcome).where(
            ps.c.started_at >= since, ps.c.started_at < until, ps.c.ended_at.isnot(None))
        return [SessionSpan._make(r) for r in self.session.execute(query)]

    def scan_tallies(self, since: datetime, until: datetime) -> list[ScanTally]:
        """How many scans of each result each packer made in the window."""
        se = orm.scan_events
        query = (select(se.c.packer, se.c.result, func.count())
                 .where(se.c.at >= since, se.c.at < until)
                 .group_by(se.c.packer, se.c.result))
        return [ScanTally._make(r) for r in self.session.execute(query)]

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

    def count_results(self, since: datetime, until: datetime) -> list[CountResult]:
        """The count lines judged, for counts opened in the window."""
        lines, counts = orm.count_lines, orm.count_sessions
        query = (select(lines.c.sku, lines.c.expected, lines.c.counted)
                 .join(counts, counts.c.id == lines.c.session_id)
                 .where(lines.c.expected.isnot(None), counts.c.opened_at >= since,
                        counts.c.opened_at < until,
                        counts.c.status.not_in(("rejected", "cancelled"))))
        return [CountResult._make(r) for r in self.session.execute(query)]

