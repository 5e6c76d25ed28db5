"""The SQLAlchemy unit of work: one session, one transaction, one user action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.adapters import repositories as repos
from app.adapters.claims import SqlLeaseRepository
from app.adapters.clip_repository import SqlClipRepository
from app.adapters.orm import discard_unwritten_moves
from app.domain.error_text import describe_store_error, is_duplicate
from app.domain.errors import ConcurrencyConflict, StoreRefused
from app.services.unit_of_work import utc_now


class DuplicateRecord(ConcurrencyConflict):
    """A unique key another writer took first (for instance the same scan twice)."""


class SqlAlchemyUnitOfWork:
    def __init__(self, session_factory: sessionmaker, station: str = "",
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.session_factory = session_factory
        self.station = station
        self.now = clock

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self.session = self.session_factory()
        self.session.info["station"] = self.station  # stamped on moves made without one
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
        return self

    def __exit__(self, *exc_info) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        """Commit, turning a lost optimistic race into the core's ConcurrencyConflict."""
        try:
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise ConcurrencyConflict("Another station changed the same record first.") from exc
        except IntegrityError as exc:
            self.session.rollback()
            if not is_duplicate(exc.orig):
                raise StoreRefused(describe_store_error(exc.orig)) from exc
            raise DuplicateRecord("Another writer stored the same record first: "
                                  f"{describe_store_error(exc.orig)}") from exc
        except StatementError as exc:
            self.session.rollback()
            raise StoreRefused(describe_store_error(exc.orig)) from exc

    def rollback(self) -> None:
        self.session.rollback()

    @contextmanager
    def refusals(self) -> Iterator[None]:
        """Inside, a value the store refuses (on a write or an early flush) is StoreRefused,
        named by its kind; a unique key another writer took first stays a race."""
        try:
            yield
        except IntegrityError as exc:
            if is_duplicate(exc.orig):
                raise DuplicateRecord("Another writer stored the same record first: "
                                      f"{describe_store_error(exc.orig)}") from exc
            raise StoreRefused(describe_store_error(exc.orig)) from exc
        except StatementError as exc:
            raise StoreRefused(describe_store_error(exc.orig)) from exc

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """What is done inside is written together or not at all (a SAVEPOINT); on failure
        the transaction goes on as it was before, and a refused value is StoreRefused."""
        with self.refusals():
            try:
                with self.session.begin_nested():  # flushes what came before first
                    yield
            except BaseException:
                self._forget_unwritten()
                raise

    def _forget_unwritten(self) -> None:
        """After a rolled-back savepoint, nothing of it may reach a later flush: changes not
        written yet are dropped, objects reload as the store has them."""
        discard_unwritten_moves(self.session)
        for obj in list(self.session.new):
            self.session.expunge(obj)
        self.session.expire_all()


def uow_factory(session_factory: sessionmaker, station: str = "",
                clock: Callable[[], datetime] = utc_now) -> Callable[[], SqlAlchemyUnitOfWork]:
    return lambda: SqlAlchemyUnitOfWork(session_factory, station, clock)
