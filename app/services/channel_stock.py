"""Setting up channels and their stock rules; what each channel is told it may sell.

The pushed quantity is (available + returns in transit) x allocation ratio - floor buffer.
Changing a rule queues a fresh stock level for every SKU the channel lists, in the same
transaction, so the channel never keeps selling against the old rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.channels import Channel, ChannelSku, check_channel_rules, pushed_quantity
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Msg
from app.domain.outbox import OutboxKind, OutboxMessage
from app.services.unit_of_work import SyncUnitOfWork


@dataclass(frozen=True)
class ChannelView:
    code: str
    kind: str
    name: str
    allocation_ratio: float
    floor_buffer: int
    settings: dict
    last_pull_at: datetime | None
    last_result: str
    enabled: bool


def _view(channel: Channel) -> ChannelView:
    return ChannelView(channel.code, channel.kind, channel.name, channel.allocation_ratio,
                       channel.floor_buffer, dict(channel.settings), channel.last_pull_at,
                       channel.last_result, channel.enabled)


def add_channel(uow: SyncUnitOfWork, code: str, kind: str, name: str = "",
                settings: dict | None = None, allocation_ratio: float = 1.0,
                floor_buffer: int = 0) -> ChannelView:
    with uow:
        if uow.outbox.channel(code) is not None:
            raise InvalidInput(Msg("A channel called {code!r} exists already.", code=code))
        channel = Channel(code, kind, name or code, allocation_ratio, floor_buffer,
                          dict(settings or {}))
        uow.outbox.add_channel(channel)
        uow.commit()
        return _view(channel)


def list_channels(uow: SyncUnitOfWork) -> list[ChannelView]:
    with uow:
        return [_view(c) for c in uow.outbox.channels()]


def get_channel(uow: SyncUnitOfWork, code: str) -> ChannelView:
    with uow:
        channel = uow.outbox.channel(code)
        if channel is None:
            raise NotFound(Msg("There is no channel {code!r}; add it first.", code=code))
        return _view(channel)


def set_stock_rules(uow: SyncUnitOfWork, code: str, allocation_ratio: float,
                    floor_buffer: int, skus: list[str]) -> int:
    """New ratio and buffer; re-publish the listed SKUs. Returns how many levels were queued."""
    with uow:
        channel = uow.outbox.channel(code)
        if channel is None:
            raise NotFound(Msg("There is no channel {code!r}.", code=code))
        check_channel_rules(code, channel.kind, allocation_ratio, floor_buffer)
        channel.allocation_ratio, channel.floor_buffer = allocation_ratio, floor_buffer
        queued = sum(_queue_level(channel, sku, uow) for sku in skus)
        uow.commit()
        return queued


def list_sku(uow: SyncUnitOfWork, code: str, sku: str, allocation_ratio: float | None = None,
             floor_buffer: int | None = None) -> int:
    """The channel sells this SKU (with optional overrides); its level is published now."""
    with uow:
        channel = uow.outbox.channel(code)
        if channel is None:
            raise NotFound(Msg("There is no channel {code!r}.", code=code))
        listing = uow.stock.listing(code, sku)
        if listing is None:
            listing = ChannelSku(code, sku)
            uow.stock.add_listing(listing)
        listing.allocation_ratio, listing.floor_buffer = allocation_ratio, floor_buffer
        queued = _queue_level(channel, sku, uow, listing)
        uow.commit()
        return queued


def _queue_level(channel: Channel, sku: str, uow: SyncUnitOfWork,
                 listing: ChannelSku | None = None) -> int:
    item = uow.stock.get(sku)
    if item is None or not channel.pushes_stock:
        return 0
    listing = listing or uow.stock.listing(channel.code, sku)
    stamp = uow.now().strftime("%Y%m%dT%H%M%S%f")
    uow.outbox.add(OutboxMessage(
        channel=channel.code, kind=OutboxKind.STOCK_LEVEL,
        idempotency_key=f"stock:{channel.code}:{sku}:rule-{stamp}", subject=sku,
        payload={"sku": sku, "quantity": pushed_quantity(item, channel, listing),
                 "stock_version": item.version},
        created_at=uow.now()))
    return 1


def note_result(uow: SyncUnitOfWork, code: str, result: str) -> None:
    """The runner's last word about a channel, shown in the status bar and the CLI."""
    with uow:
        channel = uow.outbox.channel(code)
        if channel is not None:
            channel.last_result = result[:500]
            uow.commit()
