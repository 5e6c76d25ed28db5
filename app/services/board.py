"""The order board: every order from every channel, read a page at a time.

Pages are keyset pages (newest first, "after id N"), so the 200th page costs what the
first does. The board only reads; its queries open a unit of work and roll back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple, Protocol

from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Msg
from app.domain.orders import OPEN_STATUSES, OrderStatus

PAGE_SIZE = 200
DUE_SOON = timedelta(hours=4)
SEARCH_MAX = 64


class Lateness(StrEnum):
    LATE = "late"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"
    DONE = "done"
    NO_PROMISE = "no_promise"


@dataclass(frozen=True)
class BoardFilter:
    """What the supervisor narrowed the board to; empty fields mean "any"."""

    channel: str = ""
    status: str = ""
    older_than: timedelta | None = None
    needs_review: bool = False
    on_hold: bool = False
    merge_candidates: bool = False
    search: str = ""

    def checked(self) -> BoardFilter:
        if self.status and self.status not in {s.value for s in OrderStatus}:
            raise InvalidInput(Msg("“{status}” is not an order status.", status=self.status))
        if len(self.search.strip()) > SEARCH_MAX:
            raise InvalidInput(Msg("Search for at most {search_max} characters.",
                                   search_max=SEARCH_MAX))
        if self.older_than is not None and self.older_than < timedelta(0):
            raise InvalidInput(Msg("An age filter cannot be negative."))
        return self

    @property
    def statuses(self) -> tuple[str, ...]:
        """The status conditions together: needs review and on hold add to a chosen one."""
        chosen = [self.status] if self.status else []
        if self.needs_review:
            chosen.append(OrderStatus.NEEDS_REVIEW.value)
        if self.on_hold:
            chosen.append(OrderStatus.ON_HOLD.value)
        return tuple(dict.fromkeys(chosen))


@dataclass(frozen=True)
class BoardRow:
    id: int
    number: str
    channel: str
    status: str
    buyer_name: str
    placed_at: datetime | None
    ship_by: datetime | None
    tracking_number: str
    merge_group: str
    lateness: Lateness
    # the parcel's weight as the label will print it: the channel's (or the packed
    # parcel's), else its items' from the catalogue; 0 with `no_weight` naming the SKUs
    # whose weight nobody has set, so the board says "weight unknown" and not 0.00 kg
    weight_g: int = 0
    no_weight: tuple[str, ...] = ()


class BoardRecord(NamedTuple):
    """One order as the board's page query reads it."""
    id: int
    number: str
    channel: str
    status: str
    buyer_name: str
    placed_at: datetime | None
    ship_by: datetime | None
    tracking_number: str | None
    merge_group: str | None
    weight_g: int


class HistoryHead(NamedTuple):
    number: str
    channel: str
    status: str
    buyer_name: str
    ship_by: datetime | None


@dataclass(frozen=True)
class BoardPage:
    rows: tuple[BoardRow, ...]
    next_after: int | None  # None: nothing older matches


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime | None
    kind: str  # intake | review | transition | pack | scan | stock | sync | return
    text: str
    by: str = ""


@dataclass(frozen=True)
class OrderHistory:
    number: str
    channel: str
    status: str
    buyer_name: str
    ship_by: datetime | None
    entries: tuple[HistoryEntry, ...]


class BoardRepository(Protocol):
    def page(self, board_filter: BoardFilter, now: datetime, after_id: int | None,
             limit: int) -> list[BoardRecord]: ...
    def channels(self) -> list[str]: ...
    def item_weights(self, order_ids: list[int]) -> dict[int, tuple[int, tuple[str, ...]]]: ...
    def history(self, number: str) -> tuple[HistoryHead, list[HistoryEntry]] | None: ...


class BoardUnitOfWork(Protocol):
    board: BoardRepository
    def now(self) -> datetime: ...
    def __enter__(self) -> BoardUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...


def lateness(status: str, ship_by: datetime | None, now: datetime) -> Lateness:
    """Late, due within 4 h, or on time against the promised ship-by time."""
    if status not in OPEN_STATUSES:
        return Lateness.DONE
    if ship_by is None:
        return Lateness.NO_PROMISE
    if ship_by < now:
        return Lateness.LATE
    return Lateness.DUE_SOON if ship_by - now <= DUE_SOON else Lateness.ON_TIME


def read_board_page(uow: BoardUnitOfWork, board_filter: BoardFilter,
                    after_id: int | None = None, limit: int = PAGE_SIZE) -> BoardPage:
    """One page of the board, newest orders first."""
    board_filter = board_filter.checked()
    with uow:
        now = uow.now()
        records = uow.board.page(board_filter, now, after_id, limit + 1)
        more = len(records) > limit
        records = records[:limit]
        from_items = uow.board.item_weights([r.id for r in records if not r.weight_g])
    rows = tuple(
        BoardRow(r.id, r.number, r.channel, r.status, r.buyer_name, r.placed_at, r.ship_by,
                 r.tracking_number or "", r.merge_group or "",
                 lateness(r.status, r.ship_by, now), *_weight(r.weight_g, from_items.get(r.id)))
        for r in records)
    return BoardPage(rows, rows[-1].id if more and rows else None)


def _weight(stored_g: int | None, from_items: tuple[int, tuple[str, ...]] | None
            ) -> tuple[int, tuple[str, ...]]:
    """The order's weight (as stored, else its items' sum) and the SKUs without one."""
    if stored_g:
        return stored_g, ()
    if from_items is None:  # an order without lines: nothing to weigh, nothing to say
        return 0, ()
    grams, unknown = from_items
    return (0, unknown) if unknown else (grams, ())


def board_channels(uow: BoardUnitOfWork) -> list[str]:
    with uow:
        return uow.board.channels()


def order_history(uow: BoardUnitOfWork, number: str) -> OrderHistory:
    """Everything that happened to one order, oldest first."""
    number = (number or "").strip()
    with uow:
        found = uow.board.history(number)
    if found is None:
        raise NotFound(Msg("There is no order {number}.", number=number))
    head, entries = found
    ordered = sorted(entries, key=lambda e: e.at.timestamp() if e.at else float("-inf"))
    return OrderHistory(head.number, head.channel, head.status, head.buyer_name, head.ship_by,
                        tuple(ordered))
