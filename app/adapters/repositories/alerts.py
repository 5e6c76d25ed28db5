"""Alerts and the routes they are delivered along."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.adapters import alert_changes, alert_facts, orm
from app.adapters.repositories._base import _aware, _Repository
from app.domain.alert_routes import AlertRoute
from app.domain.alerts import Alert, AlertMark
from app.domain.orders import OrderStatus
from app.domain.outbox import OutboxStatus
from app.domain.print_jobs import DocumentKind, JobState
from app.domain.shipments import ShipmentState


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

    def get_many(self, alert_ids: list[int]) -> list[Alert]:
        found: list[Alert] = []
        for start in range(0, len(alert_ids), 500):
            found += self.session.scalars(
                select(Alert).where(orm.alerts.c.id.in_(alert_ids[start:start + 500])))
        return found

    def known_keys(self, keys: list[str]) -> set[str]:
        return alert_facts.known_keys(self.session, keys)

    def uncleared_keys(self) -> dict[str, int]:
        return alert_facts.uncleared_keys(self.session)

    def open_rows(self, limit: int = 1000) -> list[tuple]:
        return alert_facts.open_rows(self.session, limit)

    def open_fingerprint(self) -> str:
        return alert_facts.open_fingerprint(self.session)

    # a steady refresh: only the orders changed since the last one (alert_changes.py)
    def mark(self) -> AlertMark | None:
        return alert_changes.read_mark(self.session)

    def save_mark(self, mark: AlertMark, existed: bool) -> None:
        alert_changes.write_mark(self.session, mark, existed=existed)

    def newest_orders(self) -> tuple[int, int]:
        return alert_changes.newest_orders(self.session)

    def changed_orders(self, since: datetime, now: datetime, after_id: int, after_seq: int,
                       stuck_limits: list[timedelta]) -> set[int]:
        return alert_changes.changed_orders(self.session, since=since, now=now,
                                            after_id=after_id, after_seq=after_seq,
                                            stuck_limits=stuck_limits)

    def order_facts(self, ids: list[int], now: datetime) -> tuple[list, list, list, list]:
        return alert_changes.order_facts(self.session, ids, now)

    def uncleared_of_orders(self, numbers: list[str]) -> dict[str, int]:
        return alert_changes.uncleared_of_orders(self.session, numbers)

    def uncleared_of_kinds(self, kinds: list[str]) -> dict[str, int]:
        return alert_changes.uncleared_of_kinds(self.session, kinds)

    def stuck_orders(self, entered_before: datetime, limit: int = 1000) -> list[tuple]:
        return alert_facts.stuck_orders(self.session, entered_before, limit)

    def late_orders(self, now: datetime, limit: int = 1000) -> list[tuple]:
        return alert_facts.late_orders(self.session, now, limit)

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

    def stopped_encoders(self) -> list[tuple]:
        """Stations whose pack video encoder died: (station, reason, stopped_at)."""
        d = orm.clip_disks.c
        query = (select(d.station, d.encoder_stopped, d.encoder_stopped_at)
                 .where(d.encoder_stopped_at.is_not(None)).order_by(d.station))
        return [tuple(r) for r in self.session.execute(query)]

    def low_clip_disks(self) -> list[tuple]:
        """Stations whose clips disk stopped filming: (station, folder, free_bytes,
        total_bytes, keep_free_bytes, stopped, low_since)."""
        d = orm.clip_disks.c
        query = (select(d.station, d.folder, d.free_bytes, d.total_bytes, d.keep_free_bytes,
                        d.stopped, d.low_since).where(d.low_since.is_not(None))
                 .order_by(d.station))
        return [tuple(r) for r in self.session.execute(query)]

    def waiting_labels(self, created_before: datetime, limit: int = 500) -> list[tuple]:
        """Shipping labels still queued after a try, made before the cut-off: (id, station,
        printer, subject, created_at, reason), oldest first (the spooler's print_jobs)."""
        j = orm.print_jobs.c
        query = (select(j.id, j.station, j.printer, j.subject, j.created_at, j.reason)
                 .where(j.kind == DocumentKind.SHIPPING_LABEL.value, j.state == JobState.QUEUED.value,
                        j.attempts > 0, j.created_at < created_before)
                 .order_by(j.id).limit(limit))
        return [tuple(r) for r in self.session.execute(query)]

    def pending_labels(self) -> list[tuple]:
        """Parcels waiting for their carrier label: (reference, orders, carrier, created_at,
        last_error, blocked)."""
        s = orm.shipments.c
        rows = self.session.execute(
            select(s.reference, s.order_numbers, s.carrier_code, s.created_at, s.last_error,
                   s.blocked).where(s.state == ShipmentState.LABEL_PENDING.value).order_by(s.id).limit(500))
        return [tuple(r) for r in rows]

    def unshipped_parcels(self, labelled_before: datetime) -> list[tuple]:
        """Labelled parcels not scanned out: (tracking, orders, carrier, labelled_at, the
        carrier's cut-off "HH:MM" and its zone)."""
        s, p = orm.shipments.c, orm.carrier_profiles.c
        rows = self.session.execute(
            select(s.tracking_number, s.order_numbers, s.carrier_code, s.labelled_at,
                   func.coalesce(p.handover_cutoff, ""), func.coalesce(p.handover_zone, ""))
            .outerjoin(orm.carrier_profiles, p.code == s.carrier_code)
            .where(s.state == ShipmentState.LABELLED.value, s.labelled_at < labelled_before)
            .order_by(s.id).limit(500))
        return [(r[0], r[1], r[2], _aware(r[3]), r[4], r[5]) for r in rows]

    def moving_parcels(self) -> list[tuple]:
        """Parcels on their way or coming back: (tracking, orders, carrier, state, last
        movement (else the hand-over), the carrier's quiet hours)."""
        s, p = orm.shipments.c, orm.carrier_profiles.c
        rows = self.session.execute(
            select(s.tracking_number, s.order_numbers, s.carrier_code, s.state,
                   func.coalesce(s.last_event_at, s.shipped_at), func.coalesce(p.quiet_hours, 0))
            .outerjoin(orm.carrier_profiles, p.code == s.carrier_code)
            .where(s.state.in_(("shipped", "returned_to_sender")), s.carrier_api != "")
            .order_by(s.id).limit(1000))
        return [(r[0], r[1], r[2], r[3], _aware(r[4]), r[5]) for r in rows]

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
        return alert_facts.escalated_returns(self.session)
