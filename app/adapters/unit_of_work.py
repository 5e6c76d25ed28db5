"""The SQLAlchemy unit of work: one session, one transaction, one user action.

At commit it collects the events its aggregates recorded (`collect_new_events`) and hands
them to the message bus: the before-commit handlers write inside the transaction (the
ledger's rows, the channels' stock levels), the after-commit ones run once it is stored.
A savepoint hands on what came before it first, and drops what was recorded inside it
when it rolls back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.adapters import pipeline
from app.adapters import repositories as repos
from app.adapters.claims import SqlLeaseRepository
from app.adapters.clip_repository import SqlClipRepository
from app.adapters.orm import seen_aggregates
from app.adapters.shipment_repository import SqlShipmentRepository
from app.adapters.waybill_pool_repository import SqlWaybillPool
from app.domain.error_text import describe_store_error, is_duplicate
from app.domain.errors import ConcurrencyConflict, StoreRefused
from app.domain.events import Event, RecordsEvents
from app.domain.messages import Msg
from app.services import messagebus
from app.services.turns import StoreTurns
from app.services.unit_of_work import utc_now


class DuplicateRecord(ConcurrencyConflict):
    """A unique key another writer took first (for instance the same scan twice)."""


def _conflict() -> ConcurrencyConflict:
    return ConcurrencyConflict(Msg("Another station changed the same record first."))


class SqlAlchemyUnitOfWork:
    def __init__(self, session_factory: sessionmaker, station: str = "",
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.session_factory = session_factory
        self.station = station
        self.now = clock
        self.turns = StoreTurns()  # the maker's, shared with the process's other writers

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self.session = self.session_factory()
        self.orders = repos.SqlOrderRepository(self.session)
        self.products = repos.SqlProductRepository(self.session)
        self.stock = repos.SqlStockRepository(self.session)
        self.packers = repos.SqlPackerRepository(self.session)
        self.pack_sessions = repos.SqlPackSessionRepository(self.session)
        self.scan_events = repos.SqlScanEventRepository(self.session)
        self.outbox = repos.SqlOutboxRepository(self.session)
        self.leases = SqlLeaseRepository(self.session)
        self.carriers = repos.SqlCarrierRepository(self.session)
        self.board = repos.SqlBoardRepository(self.session)
        self.alerts = repos.SqlAlertRepository(self.session)
        self.alert_routes = repos.SqlAlertRouteRepository(self.session)
        self.health = repos.SqlHealthRepository(self.session)
        self.ledger = repos.SqlLedgerRepository(self.session)
        self.receipts = repos.SqlReceiptRepository(self.session)
        self.counts = repos.SqlCountRepository(self.session)
        self.returns = repos.SqlReturnRepository(self.session)
        self.clips = SqlClipRepository(self.session)
        self.shipments = SqlShipmentRepository(self.session)
        self.waybill_pool = SqlWaybillPool(self.session)
        self._after_commit: list[Event] = []
        return self

    def __exit__(self, *exc_info) -> None:
        self.rollback()
        self.session.close()

    def collect_new_events(self) -> Iterator[Event]:
        """The events recorded since the last hand-over, each aggregate's list emptied."""
        for aggregate in self._aggregates():
            if aggregate.events:
                recorded, aggregate.events = aggregate.events, []
                yield from recorded

    def _aggregates(self) -> Iterable[RecordsEvents]:
        seen = seen_aggregates(self.session)
        seen.update(obj for obj in self.session.new if isinstance(obj, RecordsEvents))
        return list(seen)

    def _hand_over_events(self) -> None:
        """Before-commit handlers run now, inside the transaction; the events that are
        followed after the commit wait for it. A handler's own events are handed on too."""
        while events := list(self.collect_new_events()):
            self.session.flush()  # the handlers' queries see the change (no autoflush here)
            messagebus.handle_before_commit(events, self)
            self._after_commit += [event for event in events if messagebus.follows_commit(event)]

    def commit(self) -> None:
        """Commit, turning a lost optimistic race into the core's ConcurrencyConflict."""
        try:
            pipeline.assign_ids(self.session)  # PostgreSQL: no INSERT waits for its id
            self._hand_over_events()
            if pipeline.active(self.session):  # PostgreSQL: the writes leave with the COMMIT
                pipeline.assign_ids(self.session)  # rows the handlers added
                self.session.flush()
                pipeline.finish(self.session)
            self.session.commit()
        except StaleDataError as exc:
            self.rollback()
            raise _conflict() from exc
        except IntegrityError as exc:
            self.rollback()
            if not is_duplicate(exc.orig):
                raise StoreRefused(describe_store_error(exc.orig)) from exc
            raise DuplicateRecord(Msg("Another writer stored the same record first: {describe_store_error}",
                                      describe_store_error=describe_store_error(exc.orig))) from exc
        except StatementError as exc:
            self.rollback()
            if pipeline.is_stale_write(exc):  # a pipelined write of a stale version
                raise _conflict() from exc
            raise StoreRefused(describe_store_error(exc.orig)) from exc
        except BaseException:
            self.rollback()
            raise
        stored, self._after_commit = self._after_commit, []
        messagebus.handle_after_commit(stored, self)

    def warm_up_commit(self) -> None:
        """Compile what a commit sends besides the aggregates' own writes (on PostgreSQL
        the new rows' ids, `pipeline.assign_ids`), reading nothing and taking no id."""
        pipeline.warm_up(self.session)

    def rollback(self) -> None:
        pipeline.leave(self.session)
        self.session.rollback()
        for aggregate in self._aggregates():
            aggregate.events.clear()
        self._after_commit = []

    @contextmanager
    def refusals(self) -> Iterator[None]:
        """Inside, a value the store refuses (on a write or an early flush) is StoreRefused,
        named by its kind; a unique key another writer took first stays a race."""
        try:
            yield
        except IntegrityError as exc:
            if is_duplicate(exc.orig):
                raise DuplicateRecord(Msg("Another writer stored the same record first: {describe_store_error}",
                                          describe_store_error=describe_store_error(exc.orig))) from exc
            raise StoreRefused(describe_store_error(exc.orig)) from exc
        except StatementError as exc:
            if pipeline.is_stale_write(exc):
                raise _conflict() from exc
            raise StoreRefused(describe_store_error(exc.orig)) from exc

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """What is done inside is written together or not at all (a SAVEPOINT); on failure
        the transaction goes on as it was before, and a refused value is StoreRefused."""
        with self.refusals():
            self._hand_over_events()  # what came before is written before the savepoint
            followed = len(self._after_commit)
            try:
                with self.session.begin_nested():  # flushes what came before first
                    yield
                    self._hand_over_events()  # ... and what came inside, inside it
            except BaseException:
                del self._after_commit[followed:]
                self._forget_unwritten()
                raise

    def _forget_unwritten(self) -> None:
        """After a rolled-back savepoint, nothing of it may reach a later flush: changes and
        events not written yet are dropped, objects reload as the store has them."""
        for aggregate in self._aggregates():
            aggregate.events.clear()
        seen = seen_aggregates(self.session)
        for obj in list(self.session.new):
            self.session.expunge(obj)
            seen.discard(obj)
        self.session.expire_all()


class UnitOfWorkMaker:
    """Makes a station's units of work; its `turns` order the writers of the process that
    share it (app/services/turns.py: a person's action before background steps)."""

    def __init__(self, session_factory: sessionmaker, station: str,
                 clock: Callable[[], datetime]) -> None:
        self.session_factory, self.station, self.clock = session_factory, station, clock
        self.turns = StoreTurns()

    def __call__(self) -> SqlAlchemyUnitOfWork:
        uow = SqlAlchemyUnitOfWork(self.session_factory, self.station, self.clock)
        uow.turns = self.turns
        return uow


def uow_factory(session_factory: sessionmaker, station: str = "",
                clock: Callable[[], datetime] = utc_now) -> UnitOfWorkMaker:
    return UnitOfWorkMaker(session_factory, station, clock)
