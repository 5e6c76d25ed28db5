"""A dropped PostgreSQL connection costs the packer at most a "reconnected" line."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from app.adapters.store import open_store
from app.adapters.unit_of_work import SqlAlchemyUnitOfWork, uow_factory
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.demo import build_demo
from app.services.store_facts import order_count

pytestmark = pytest.mark.postgres
RECONNECTED = "The connection to the database server dropped and was made again; nothing was lost."


def _terminate(url: str, pid: int | None = None) -> int:
    """What a server restart does: end the store's backends, and wait until they ended
    (the timeout argument, PostgreSQL 14 on), as a restart has when the next scan comes."""
    database = url.rsplit("/", 1)[1]
    which = f"pid = {pid}" if pid else f"datname = '{database}' AND pid <> pg_backend_pid()"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as db:
        return len(db.execute(f"SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                              f"WHERE {which}").fetchall())


@pytest.fixture
def pg_store(postgres_url):
    store = open_store(postgres_url)
    said: list[str] = []
    store.notices.listen(said.append)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=3, products=10, orders=5)
    yield store, uow, said
    store.dispose()


def test_the_next_unit_of_work_after_the_server_dropped_us_reconnects(pg_store, postgres_url):
    store, uow, said = pg_store
    assert order_count(uow()) == 5
    assert _terminate(postgres_url) >= 1
    assert order_count(uow()) == 5
    assert said == [RECONNECTED]


def test_a_connection_dropped_in_the_middle_of_a_scan_is_retried_once(pg_store, postgres_url):
    store, uow, said = pg_store
    dropped = []

    class DroppedOnce(SqlAlchemyUnitOfWork):
        def __enter__(self):
            entered = super().__enter__()
            if not dropped:  # the first try loses its connection after its first query
                pid = entered.session.execute(text("SELECT pg_backend_pid()")).scalar()
                dropped.append(_terminate(postgres_url, pid))
            return entered

    def dropping_uow():
        return DroppedOnce(store.session_factory, "bench-1")

    result = PackBenchService(dropping_uow).open_order(c.OpenOrder("PD-100001", "Ann"))
    assert dropped == [1]
    assert result.order.number == "PD-100001"
    assert said == [RECONNECTED]


def test_a_scan_after_the_server_ended_every_connection_is_stored_at_once(pg_store, postgres_url):
    """The pool sends no pre-ping (a round trip before every scan, issue 20): a connection
    the server ended is told at checkout from its socket, and the scan after it is stored
    on a new connection, the packer told only that it reconnected."""
    store, uow, said = pg_store
    service = PackBenchService(uow)
    opened = service.open_order(c.OpenOrder("PD-100001", "Ann"))
    assert _terminate(postgres_url) >= 1
    verdict = service.scan_item(c.ScanItem(opened.session_id, "after-the-cut",
                                           opened.order.lines[0].sku))
    assert verdict.result == "verified", verdict
    assert said == [RECONNECTED]
    assert not store.engine.pool._pre_ping  # the trip is really gone, not only hidden
