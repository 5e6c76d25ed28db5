"""The store keeps its planner statistics (issue 20). SQLite: `PRAGMA optimize` when a
connection closes and after a big import, as sqlite.org/lang_analyze.html#autoanalyze
advises for long-running applications. PostgreSQL: `ANALYZE` of the order tables after a
big import (`keep_postgres_statistics`), not left to the server's autovacuum, which may be
off (it is on this project's machines) and runs at most once a minute when on: an order
table with no statistics is planned by rules of thumb, and opening an order at 100k orders
walked all 1M order lines (a hash join; 1.8 s by EXPLAIN ANALYZE, 0.6 ms once analysed).

SQLite 3.40's `PRAGMA optimize` analyses only the tables the same connection has queried,
so it runs on each pooled connection (the one that did the work), never on a fresh one.
`analysis_limit` bounds each table's analysis to a sample, so a million-order store is
analysed in milliseconds; a short busy timeout lets another station's write win rather
than hold the closing station or the import's worker up.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import Connection, Engine, event

log = logging.getLogger(__name__)
ANALYSIS_LIMIT = 400  # rows sampled per index (SQLite's own suggestion)
BIG_IMPORT = 1000  # orders taken in on one connection before its statistics are refreshed
OPTIMIZE_BUSY_MS = 200
_TAKEN_IN = "orders_taken_in_since_optimize"


def note_taken_in(connection: Connection, orders: int) -> None:
    """Count orders written on this (pooled) connection; the store refreshes statistics
    once the count passes BIG_IMPORT and the connection goes back to the pool."""
    connection.info[_TAKEN_IN] = connection.info.get(_TAKEN_IN, 0) + orders


def optimize(dbapi_connection, busy_timeout_ms: int) -> None:
    """Refresh what this connection's queries would gain from; never raises."""
    try:
        dbapi_connection.execute(f"PRAGMA busy_timeout={OPTIMIZE_BUSY_MS}")
        try:
            dbapi_connection.execute("PRAGMA optimize")
        finally:
            dbapi_connection.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
    except sqlite3.Error as exc:  # busy, read-only or full: the statistics wait for next time
        log.info("PRAGMA optimize skipped: %s", exc)


POSTGRES_ORDER_TABLES = ("orders", "order_lines", "order_intake")


def analyze_postgres(dbapi_connection) -> None:
    """ANALYZE the tables an import grows, on this (idle, pooled) connection, in its own
    transaction; never raises. PostgreSQL samples a bounded number of rows per table
    (300 x default_statistics_target), so the cost does not grow with the store."""
    try:
        dbapi_connection.execute(f"ANALYZE {', '.join(POSTGRES_ORDER_TABLES)}")
        dbapi_connection.commit()
    except Exception as exc:  # the driver's error: the statistics wait for next time
        log.info("ANALYZE skipped: %s", exc)
        try:
            dbapi_connection.rollback()
        except Exception:  # a dropped connection: the pool replaces it
            log.info("rollback after ANALYZE failed", exc_info=True)


def refresh_statistics(engine: Engine) -> None:
    """After rows were loaded in bulk outside the store's own intake (a bench's store):
    what the store does after a big import. SQLite's statistics come from the connections
    that queried (PRAGMA optimize), so there it is nothing."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            analyze_postgres(connection.connection.dbapi_connection)


def keep_postgres_statistics(engine: Engine) -> None:
    @event.listens_for(engine.pool, "checkin")
    def _after_big_import(dbapi_connection, record) -> None:
        if dbapi_connection is not None and record.info.get(_TAKEN_IN, 0) >= BIG_IMPORT:
            record.info[_TAKEN_IN] = 0
            analyze_postgres(dbapi_connection)


def keep_statistics(engine: Engine, busy_timeout_s: float) -> None:
    busy_ms = int(busy_timeout_s * 1000)

    @event.listens_for(engine, "connect")
    def _limit_analysis(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")

    @event.listens_for(engine.pool, "checkin")
    def _after_big_import(dbapi_connection, record) -> None:
        if dbapi_connection is not None and record.info.get(_TAKEN_IN, 0) >= BIG_IMPORT:
            record.info[_TAKEN_IN] = 0
            optimize(dbapi_connection, busy_ms)

    @event.listens_for(engine.pool, "close")
    def _on_close(dbapi_connection, _record) -> None:
        optimize(dbapi_connection, busy_ms)
