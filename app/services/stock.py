"""Stock figures a person can trust: levels, the history behind them, frozen units,
channel quotas, reservations under contention, and first-expiry-first-out.

Every figure comes from a StockItem row kept in step with its StockMove ledger; the
history view replays the moves so each number on screen is explained move by move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.channels import Channel, ChannelSku, pushed_quantity
from app.domain.errors import InvalidInput, NotFound
from app.domain.lots import fefo, fefo_picks
from app.domain.messages import Msg
from app.domain.stock import INTERNAL, Bucket, InsufficientStock, StockItem, StockMove
from app.services.auth import check_supervisor
from app.services.commands import SupervisorApproval
from app.services.retry import with_retries
from app.services.unit_of_work import StockUnitOfWork, StockUnitOfWorkFactory

FREEZE_REASONS = ("damaged", "quarantine", "held for channel")
HISTORY_LIMIT = 500


@dataclass(frozen=True)
class StockLevelView:
    sku: str
    name: str
    available: int
    awaiting_shipment: int
    frozen: int
    returns_in_transit: int
    shipped: int
    on_hand: int
    sellable: int
    version: int


@dataclass(frozen=True)
class HistoryRow:
    """One move and every bucket's figure right after it."""

    at: datetime
    from_bucket: str
    to_bucket: str
    quantity: int
    reason: str
    by: str
    station: str
    order_number: str
    totals: dict[str, int]
    sellable: int


@dataclass(frozen=True)
class StockHistoryView:
    level: StockLevelView
    opening: dict[str, int]  # bucket totals before the first row shown
    rows: tuple[HistoryRow, ...]
    consistent: bool  # the replayed ledger ends exactly at the row's figures


@dataclass(frozen=True)
class ChannelQuotaView:
    channel: str
    allocation_ratio: float
    floor_buffer: int
    ratio_overridden: bool
    buffer_overridden: bool
    pushed_quantity: int


@dataclass(frozen=True)
class LotView:
    lot: str
    expiry: date | None
    on_hand: int


@dataclass(frozen=True)
class FreezeStock:
    sku: str
    quantity: int
    reason: str  # one of FREEZE_REASONS, with detail after a colon: "damaged: box crushed"
    by: str


@dataclass(frozen=True)
class ReleaseFrozen:
    sku: str
    quantity: int
    by: str
    scrap: bool = False  # written off instead of back to available: needs a supervisor
    approval: SupervisorApproval | None = None


@dataclass(frozen=True)
class ReserveStock:
    sku: str
    quantity: int
    order_number: str
    by: str


def level_view(item: StockItem, name: str = "") -> StockLevelView:
    return StockLevelView(item.sku, name, item.available, item.awaiting_shipment, item.frozen,
                          item.returns_in_transit, item.shipped, item.on_hand, item.sellable,
                          item.version)


def stock_levels(uow: StockUnitOfWork, skus: list[str] | None = None) -> list[StockLevelView]:
    with uow:
        items = uow.ledger.items(skus)
        names = uow.ledger.product_names([i.sku for i in items])
        return [level_view(i, names.get(i.sku, "")) for i in items]


def _item(uow: StockUnitOfWork, sku: str, lock: bool = False) -> StockItem:
    sku = sku.strip()
    item = uow.ledger.get_for_update(sku) if lock else uow.stock.get(sku)
    if item is None:
        raise NotFound(Msg("There is no stock record for SKU {sku}.", sku=sku))
    return item


def stock_history(uow: StockUnitOfWork, sku: str,
                  limit: int = HISTORY_LIMIT) -> StockHistoryView:
    """The last moves of a SKU with running totals; the last row equals the stock row."""
    with uow:
        item = _item(uow, sku)
        opening, moves = uow.ledger.ledger(item.sku, limit)
        totals = {bucket.value: opening.get(bucket.value, 0) for bucket in INTERNAL}
        start = dict(totals)
        rows = [_history_row(move, totals) for move in moves]
        names = uow.ledger.product_names([item.sku])
        level = level_view(item, names.get(item.sku, ""))
        consistent = all(totals[b.value] == getattr(item, b.value) for b in INTERNAL)
        return StockHistoryView(level, start, tuple(rows), consistent)


def _history_row(move: StockMove, totals: dict[str, int]) -> HistoryRow:
    if move.from_bucket in totals:
        totals[move.from_bucket] -= move.quantity
    if move.to_bucket in totals:
        totals[move.to_bucket] += move.quantity
    sellable = totals[Bucket.AVAILABLE.value] + totals[Bucket.RETURNS_IN_TRANSIT.value]
    return HistoryRow(move.at, move.from_bucket, move.to_bucket, move.quantity, move.reason,
                      move.by, move.station, move.order_number, dict(totals), sellable)


def _freeze_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    kind = reason.split(":", 1)[0].strip().lower()
    if kind not in FREEZE_REASONS:
        raise InvalidInput(Msg("Say why the units are frozen: {reasons} (then a colon and "
                               "any detail), not “{reason}”.",
                               reasons=", ".join(FREEZE_REASONS), reason=reason))
    return reason[:64]


def freeze(cmd: FreezeStock, uow: StockUnitOfWork) -> StockLevelView:
    """Damaged, quarantined or held back: the units stop being sellable, with the reason."""
    reason = _freeze_reason(cmd.reason)
    with uow:
        item = _item(uow, cmd.sku, lock=True)
        item.move(Bucket.AVAILABLE, Bucket.FROZEN, cmd.quantity, reason, uow.now(), cmd.by,
                  uow.station)
        uow.commit()
        return level_view(item)


def release_frozen(cmd: ReleaseFrozen, uow: StockUnitOfWork) -> StockLevelView:
    """Frozen units back to available, or written off to scrap with a supervisor's PIN."""
    with uow:
        item = _item(uow, cmd.sku, lock=True)
        if cmd.scrap:
            by = check_supervisor(uow, cmd.approval, "Writing off frozen stock")
            reason = f"written off: {cmd.approval.reason if cmd.approval else ''}"[:64]
            item.move(Bucket.FROZEN, Bucket.SCRAP, cmd.quantity, reason, uow.now(), by,
                      uow.station)
        else:
            item.move(Bucket.FROZEN, Bucket.AVAILABLE, cmd.quantity, "unfrozen", uow.now(),
                      cmd.by, uow.station)
        uow.commit()
        return level_view(item)


def reserve(cmd: ReserveStock, uow: StockUnitOfWork) -> StockLevelView:
    """Units set aside for an order, the row locked so a burst queues instead of racing."""
    with uow:
        item = _item(uow, cmd.sku, lock=True)
        move = item.reserve(cmd.quantity, cmd.order_number, uow.now(), cmd.by)
        move.station = uow.station
        uow.commit()
        return level_view(item)


@dataclass(frozen=True)
class ReservationBatch:
    reserved: tuple[str, ...]  # order numbers whose units are set aside
    sold_out: tuple[str, ...]  # order numbers that found too few units


def reserve_many(cmds: list[ReserveStock], uow: StockUnitOfWork,
                 lock: bool = True) -> ReservationBatch:
    """A page of orders in one transaction (as a channel pull delivers them): one move per
    order, the rows locked in SKU order so two stations cannot deadlock; an order that
    does not fit is sold out without failing the others. Without the lock the version
    check alone keeps the count right, and a lost race raises ConcurrencyConflict."""
    reserved, sold_out = [], []
    with uow:
        items = {sku: _item(uow, sku, lock) for sku in sorted({c.sku for c in cmds})}
        for cmd in cmds:
            try:
                move = items[cmd.sku].reserve(cmd.quantity, cmd.order_number, uow.now(), cmd.by)
            except InsufficientStock:
                sold_out.append(cmd.order_number)
                continue
            move.station = uow.station
            reserved.append(cmd.order_number)
        uow.commit()
    return ReservationBatch(tuple(reserved), tuple(sold_out))


def reserve_with_retries(cmd: ReserveStock, uow: StockUnitOfWorkFactory) -> StockLevelView:
    return with_retries(lambda: reserve(cmd, uow()), f"Reserving {cmd.sku}")


def channel_quotas(uow: StockUnitOfWork, sku: str) -> list[ChannelQuotaView]:
    """What each channel listing the SKU is told it may sell, and which rule decided it."""
    with uow:
        item = _item(uow, sku)
        channels = {c.code: c for c in uow.outbox.channels()}
        return [_quota(item, channels[listing.channel], listing)
                for listing in uow.ledger.listings_for(item.sku)
                if listing.channel in channels]


def _quota(item: StockItem, channel: Channel, listing: ChannelSku) -> ChannelQuotaView:
    ratio_own = listing.allocation_ratio is not None
    buffer_own = listing.floor_buffer is not None
    return ChannelQuotaView(
        channel.code,
        listing.allocation_ratio if listing.allocation_ratio is not None
        else channel.allocation_ratio,
        listing.floor_buffer if listing.floor_buffer is not None else channel.floor_buffer,
        ratio_own, buffer_own,
        pushed_quantity(item, channel, listing) if channel.pushes_stock else 0)


def fefo_suggestion(uow: StockUnitOfWork, sku: str, quantity: int = 1) -> list[LotView]:
    """Lots to pack from, first expiry first; the bench shows the first as the pick."""
    with uow:
        balances = uow.ledger.lot_balances(sku.strip())
        ordered = fefo(balances)
        picks = dict(fefo_picks(ordered, max(quantity, 1)))
        chosen = [b for b in ordered if b.lot in picks]
        return [LotView(b.lot, b.expiry, b.on_hand) for b in chosen]


def lots(uow: StockUnitOfWork, sku: str) -> list[LotView]:
    """Every lot of a SKU with units left, in the order they should leave."""
    with uow:
        return [LotView(b.lot, b.expiry, b.on_hand)
                for b in fefo(uow.ledger.lot_balances(sku.strip()))]
