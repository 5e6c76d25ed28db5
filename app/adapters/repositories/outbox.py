"""The outbox: changes queued for the channels, and the channels they go to."""

from __future__ import annotations

from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.claims import OutboxClaims
from app.adapters.repositories._base import _Repository
from app.domain.channels import Channel
from app.domain.outbox import OutboxKind, OutboxMessage, OutboxStatus


class SqlOutboxRepository(OutboxClaims, _Repository):
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
        """Id of a later pending level for exactly the same SKU: the older one need not be
        sent. The subject is compared whole: a level for `CUP:RED` is not one for `CUP`."""
        c = orm.outbox.c
        subject = message.subject or str(message.payload.get("sku") or "")
        return self.session.scalar(
            select(c.id).where(c.channel == message.channel, c.kind == OutboxKind.STOCK_LEVEL.value,
                               c.subject == subject, c.id > message.id,
                               c.status == OutboxStatus.PENDING.value)
            .order_by(c.id.desc()).limit(1))

    def depth(self, channel: str | None = None) -> int:
        c = orm.outbox.c
        query = select(func.count()).select_from(orm.outbox).where(
            c.status == OutboxStatus.PENDING.value)
        if channel is not None:
            query = query.where(c.channel == channel)
        return self.session.scalar(query) or 0

    def messages(self, status: str | None = None, channel: str | None = None,
                 limit: int = 500) -> list[OutboxMessage]:
        """Messages in id order, of one status and channel if asked (`packdesk outbox list`)."""
        c = orm.outbox.c
        query = select(OutboxMessage)
        if status is not None:
            query = query.where(c.status == status)
        if channel is not None:
            query = query.where(c.channel == channel)
        return list(self.session.scalars(query.order_by(c.id).limit(limit)))

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

