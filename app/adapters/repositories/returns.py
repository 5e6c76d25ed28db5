"""Return cases, their rules and the figures of the return rate."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import flag_modified

from app.adapters import orm
from app.adapters.repositories._base import _Repository, mapped
from app.domain.orders import Order
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackedSerial
from app.domain.returns import RefundStatus, ReturnCase, ReturnStatus
from app.services.return_policy import ReturnRule


class SqlReturnRepository(_Repository):
    def get(self, rma_number: str, for_update: bool = False) -> ReturnCase | None:
        """A case; for_update locks its row until commit (PostgreSQL; SQLite has one writer),
        so two counters changing one case queue instead of losing races over and over."""
        query = select(ReturnCase).where(
            orm.return_cases.c.rma_number == rma_number.strip().upper())
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def touch(self, rma_number: str) -> None:
        """The case's version goes up with this transaction, though only its children
        changed: the version check then stops a second counter changing it at once."""
        return_case = self.get(rma_number)
        if return_case is not None:
            flag_modified(return_case, "status")

    def for_order(self, order_number: str) -> list[ReturnCase]:
        c = orm.return_cases.c
        return list(self.session.scalars(
            select(ReturnCase).where(c.order_number == order_number).order_by(c.id)))

    def find_orders_by_buyer(self, text: str, limit: int = 10) -> list[Order]:
        """Orders whose buyer name contains the text, or whose phone has the same digits."""
        c = orm.orders.c
        digits = "".join(ch for ch in text if ch.isdigit())
        phone: ColumnElement[str] = c.phone
        for sep in (" ", "-", "+", "(", ")"):
            phone = func.replace(phone, sep, "")
        text = text.strip()  # SQLite lowers ASCII only: try the text as typed as well
        matches = [c.buyer_name.contains(text, autoescape=True),
                   func.lower(c.buyer_name).contains(text.lower(), autoescape=True)]
        if len(digits) >= 6:
            matches.append(phone.endswith(digits, autoescape=True))
        return list(self.session.scalars(
            select(Order).options(joinedload(mapped(Order.lines))).where(or_(*matches))
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
            c.refund_status == RefundStatus.PENDING.value).order_by(c.id)))

    def refund_message(self, idempotency_key: str) -> OutboxMessage | None:
        return self.session.scalars(select(OutboxMessage).where(
            orm.outbox.c.idempotency_key == idempotency_key)).first()

    def rules(self) -> list[ReturnRule]:
        return list(self.session.scalars(select(ReturnRule).order_by(orm.return_rules.c.id)))

    def add_rule(self, rule: ReturnRule) -> None:
        self.session.add(rule)

    def bin_known(self, location: str) -> bool:
        """A bin some product lives in (the store's bins are the products' bin locations)."""
        p = orm.products.c
        return self.session.scalar(select(p.sku).where(
            func.upper(p.bin_location) == location.strip().upper()).limit(1)) is not None

    def bins_kept(self) -> bool:
        """The store keeps its products in bins (at least one has a bin location)."""
        p = orm.products.c
        return self.session.scalar(select(p.sku).where(p.bin_location != "").limit(1)) \
            is not None

    def channel_set_up(self, code: str) -> bool:
        """A channel of this code is set up and enabled here, so its refunds can be sent."""
        c = orm.channels.c
        return self.session.scalar(select(c.id).where(c.code == code,
                                                      c.enabled.is_(True))) is not None

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
                   c.status != ReturnStatus.REJECTED.value))
        return int(shipped or 0), int(returned or 0)

