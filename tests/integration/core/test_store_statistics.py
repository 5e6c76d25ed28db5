"""Issue 20: a SQLite store keeps its planner statistics. `PRAGMA optimize` runs when the
store closes and after a big import, so the plans a year of data needs are not left to
SQLite's rules of thumb (which plan by the length of an IN list, not by the data)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.adapters.statistics import BIG_IMPORT
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address
from app.services.demo import build_demo
from app.services.intake import IncomingLine, IncomingOrder, take_in
from tests.parts.store import FIXED_NOW
from tests.parts.sync_store import stock_the_store


def _statistics(url: str) -> dict[str, str]:
    """Table -> SQLite's row-count statistic, read by SQLite itself, not by Packdesk."""
    with sqlite3.connect(Path(url.removeprefix("sqlite:///"))) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return {}
        return {table: stat for table, _index, stat
                in db.execute("SELECT tbl, idx, stat FROM sqlite_stat1")}


def test_a_store_with_orders_has_statistics_after_it_is_closed(sqlite_url):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=11, orders=40)
    with uow() as u:  # a packer's scan: orders looked up by number
        u.orders.find_for_scan("PD-1")
    assert _statistics(sqlite_url) == {}  # the store's work so far left SQLite none
    store.dispose()
    stats = _statistics(sqlite_url)
    assert "orders" in stats, stats
    assert int(stats["orders"].split()[0]) >= 40


def _incoming(n: int) -> IncomingOrder:
    buyer = f"Buyer {n}"
    return IncomingOrder(
        "shopify", f"S{n}", "open", buyer, "+86 138 0000 0000",
        Address(buyer, "+86 138 0000 0000", f"{n} Jade Road", "", "杭州市", "浙江省",
                "310000", "CN"),
        (IncomingLine(f"S{n}-0", "IPOD2008RED", "Red iPod", 1, 1250),),
        placed_at=FIXED_NOW, ship_by=FIXED_NOW, updated_marker="v1")


def test_a_big_import_leaves_statistics_behind_while_the_store_stays_open(store, sync_uow):
    page = 250
    for start in range(0, BIG_IMPORT + page, page):
        take_in([_incoming(n) for n in range(start, start + page)], sync_uow())
    stats = _statistics(store.url)
    assert "order_intake" in stats and "orders" in stats, stats
    assert int(stats["orders"].split()[0]) >= BIG_IMPORT // 2  # sampled: analysis_limit


def _analysed(postgres_url: str) -> dict[str, int]:
    """Table -> how many times PostgreSQL itself says it was analysed by hand
    (`pg_stat_user_tables.analyze_count`; the server's autovacuum is off on this machine,
    and on a server where it is on, it analyses a table only a minute after a load)."""
    import psycopg

    database = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={database}") as db:
        db.execute("SELECT pg_stat_clear_snapshot()")
        return dict(db.execute("SELECT relname, analyze_count FROM pg_stat_user_tables"
                               " WHERE relname IN ('orders', 'order_lines', 'order_intake')"
                               ).fetchall())


@pytest.mark.postgres
def test_a_big_import_into_postgresql_leaves_statistics_behind(postgres_url):
    """Issue 20: on a PostgreSQL store whose orders had no statistics, opening an order
    walked every order line (a hash join over 1M lines, 1.8 s by EXPLAIN ANALYZE at 100k
    orders; 0.6 ms once analysed). After a big import the store analyses the order tables,
    as SQLite's store runs PRAGMA optimize."""
    store = open_store(postgres_url)
    try:
        uow = uow_factory(store.session_factory, "sync")
        stock_the_store(uow)
        assert all(count == 0 for count in _analysed(postgres_url).values())
        page = 250
        for start in range(0, BIG_IMPORT + page, page):
            take_in([_incoming(n) for n in range(start, start + page)], uow())
        analysed = _analysed(postgres_url)
    finally:
        store.dispose()
    assert set(analysed) == {"orders", "order_lines", "order_intake"}
    assert all(count >= 1 for count in analysed.values()), analysed
