"""PostgreSQL: a scan's unit of work in libpq's pipeline mode (issue 20: at most 3 round
trips a scan).

psycopg sends BEGIN on a trip of its own and waits for every statement's answer; in
pipeline mode (https://www.psycopg.org/psycopg3/docs/advanced/pipeline.html, libpq's
"Pipeline Mode", https://www.postgresql.org/docs/current/libpq-pipeline-mode.html) the
client sends statements without waiting and reads the answers at a Sync. A unit of work
that opens with `start` sends BEGIN with its first read, one trip; the ORM's writes wait
in the pipeline and leave with the COMMIT at `finish`, one more trip.

The one danger: psycopg knows a statement's row count only when its results are back
(before that, `rowcount` is -1), so SQLAlchemy could not see that an UPDATE of a stale
version matched no row, and the COMMIT behind it would store the rest. So while pipelined
every UPDATE and DELETE of the ORM's flush (by primary key and version, one row each) is
sent as `WITH w AS (... RETURNING 1) SELECT packdesk_expect_rows(count(*), 1) FROM w`:
the server counts the rows and raises SQLSTATE PD409 (migration 0036) when it is not the
one expected, the transaction fails and its COMMIT is not run; the unit of work turns
PD409 into the same conflict a stale write is on SQLite (`is_stale_write`). The row count
SQLAlchemy checks is then the one the server enforces. Any other statement (a read, a
RETURNING, a bulk write whose count its caller reads) is followed by a Sync at once, so it
is answered as outside the pipeline.

New rows: the ORM's INSERT of a row whose id the server makes has RETURNING, and
SQLAlchemy reads its answer at once: one trip per table (an order scan's session and its
order's trail: two). So before the flush new rows of two tables or more are given their ids in one
statement (`assign_ids`: `nextval` of each table's sequence, as the INSERT would have
taken them), their INSERTs have no RETURNING and wait in the pipeline like the UPDATEs,
and every write leaves with the COMMIT.

Prepared statements: psycopg prepares a statement it has run five times, and in pipeline
mode counts it prepared as soon as the PREPARE is queued. A write refused ahead of it
aborts the pipeline, the PREPARE never runs, and psycopg forgets its statements on the
ROLLBACK only in some cases (a ROLLBACK it has counted once is not looked at again), so
a later scan on that connection named a statement the server did not have
("InvalidSqlStatementName", SQLSTATE 26000; stop 25's CI). A unit of work that leaves
the pipeline without its COMMIT therefore makes the connection forget every statement it
prepared (`_forget_prepared`): they are prepared again after five more runs.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Delete, Insert, Update

STALE_WRITE = "PD409"  # raised by packdesk_expect_rows (migration 0036_pgpipe_expect_rows)
_KEY = "packdesk_pipeline"
_CHECKED = ("WITH packdesk_written AS ({statement} RETURNING 1) "
            "SELECT packdesk_expect_rows(count(*), 1) FROM packdesk_written")


@dataclass
class _Pipelined:
    context_manager: AbstractContextManager[Any]  # psycopg's Connection.pipeline()
    pipeline: Any  # psycopg.Pipeline
    dbapi_connection: Any
    record_info: dict
    queued: object = None  # the execution context whose statement waits in the pipeline
    ended: bool = False  # out of pipeline mode

    def exit(self) -> None:
        """Send what waits with a Sync and leave pipeline mode (psycopg leaves it even when
        an answer is an error, which is raised); once."""
        if not self.ended:
            self.ended = True
            self.context_manager.__exit__(None, None, None)


def start(session: Session) -> None:
    """Put the session's connection in pipeline mode before its first statement, BEGIN
    waiting in it to go with that statement. Nothing on SQLite, nor once the transaction
    has sent anything. psycopg is told it is in autocommit meanwhile: its own BEGIN waits
    for its answer (a Sync, one trip), ours does not."""
    connection = session.connection()
    if connection.dialect.name != "postgresql" or _KEY in connection.info:
        return
    from psycopg.pq import TransactionStatus

    dbapi_connection: Any = connection.connection.dbapi_connection  # a psycopg Connection
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None or pgconn.transaction_status != TransactionStatus.IDLE:
        return
    dbapi_connection.autocommit = True  # idle, outside a pipeline: nothing is sent
    context_manager = dbapi_connection.pipeline()
    pipeline = context_manager.__enter__()
    pipelined = _Pipelined(context_manager, pipeline, dbapi_connection, connection.info)
    connection.info[_KEY] = pipelined
    session.info[_KEY] = pipelined
    dbapi_connection.cursor().execute("BEGIN", prepare=False)  # waits in the pipeline


def active(session: Session) -> bool:
    return _KEY in session.info


_NEXT_IDS = text(
    "SELECT t.n, nextval(pg_get_serial_sequence(t.tbl, t.col)) AS id "
    "FROM unnest(CAST(:tables AS text[]), CAST(:columns AS text[])) "
    "WITH ORDINALITY AS t(tbl, col, n) ORDER BY t.n")


def assign_ids(session: Session) -> None:
    """Give the session's new rows their ids from their tables' sequences, in one
    statement, so that no INSERT of the flush needs RETURNING (module docstring). Only
    while pipelined, and only rows of a table whose one primary key column the server
    numbers (a serial); the others are inserted as before. Rows of one table only are left
to their INSERT: it is answered in one trip (its rows batched) as this statement would
be."""
    if not active(session):
        return
    waiting = []
    for obj in session.new:
        state = inspect(obj)
        table = state.mapper.local_table
        column = getattr(table, "autoincrement_column", None)
        if column is None or len(state.mapper.primary_key) != 1:
            continue
        key = state.mapper.get_property_by_column(column).key
        if getattr(obj, key, None) is None:
            waiting.append((state.insert_order, obj, key, table.name, column.name))
    if len({entry[3] for entry in waiting}) < 2:
        return  # one table's INSERT is one trip with its RETURNING, as this one would be
    waiting.sort(key=lambda entry: entry[0])
    rows = session.execute(_NEXT_IDS, {"tables": [entry[3] for entry in waiting],
                                       "columns": [entry[4] for entry in waiting]}).all()
    for (_order, obj, key, _table, _column), row in zip(waiting, rows, strict=True):
        if row.id is not None:
            setattr(obj, key, row.id)


def warm_up(session: Session) -> None:
    """Compile `assign_ids`'s statement ahead (the bench's warm-up): run with no rows, it
    takes no id. Nothing on SQLite."""
    if session.connection().dialect.name == "postgresql":
        session.execute(_NEXT_IDS, {"tables": [], "columns": []}).all()


def finish(session: Session) -> None:
    """Send the COMMIT behind the writes that wait and leave pipeline mode: one trip. A
    write the server refused (a stale version, a taken key) raises here as SQLAlchemy's
    error for it, the transaction is rolled back and nothing of it is stored. SQLAlchemy's
    own commit after this finds the transaction ended and sends nothing."""
    pipelined = session.info.pop(_KEY)
    pipelined.record_info.pop(_KEY, None)
    from psycopg import Error as DriverError

    try:  # a refusal answered early may be raised by the COMMIT's own send
        pipelined.dbapi_connection.cursor().execute("COMMIT", prepare=False)  # waits in the pipeline
        pipelined.exit()  # the Sync: one trip
    except DriverError as exc:
        _leave(pipelined)
        raise DBAPIError.instance("COMMIT", None, exc, DriverError) from exc
    _end(pipelined)


def leave(session: Session) -> None:
    """Leave pipeline mode without committing (a rollback, or a unit of work closed):
    what waits is sent, its answers dropped, and the transaction rolled back."""
    pipelined = session.info.pop(_KEY, None)
    if pipelined is not None:
        _leave(pipelined)


def _leave(pipelined: _Pipelined) -> None:
    from psycopg import Error as DriverError

    pipelined.record_info.pop(_KEY, None)
    try:
        if not pipelined.ended:
            pipelined.dbapi_connection.cursor().execute("ROLLBACK", prepare=False)  # with the Sync
    except DriverError:
        pass  # an earlier answer was an error: the transaction is rolled back below
    try:
        pipelined.exit()
    except DriverError:
        pass
    _end(pipelined)
    _forget_prepared(pipelined.dbapi_connection)


def _forget_prepared(dbapi_connection) -> None:
    """After a pipelined unit of work that did not commit: psycopg may hold as prepared a
    statement whose PREPARE the aborted pipeline skipped. It forgets them all and the
    server drops them all (DEALLOCATE ALL), now, outside the pipeline. psycopg has no
    public call for this: `_prepared` is its PrepareManager (psycopg pinned in
    pyproject.toml; tests/integration/core/test_pipelined_scan.py fails if it changes)."""
    if dbapi_connection.closed:
        return
    prepared = dbapi_connection._prepared
    prepared.clear()
    dbapi_connection.wait(prepared.maintain_gen(dbapi_connection))  # nothing when none held


def _end(pipelined: _Pipelined) -> None:
    """Out of pipeline mode: a transaction the COMMIT did not end is rolled back, and
    psycopg begins its own transactions again."""
    from psycopg.pq import TransactionStatus

    dbapi_connection = pipelined.dbapi_connection
    if dbapi_connection.closed:
        return
    if dbapi_connection.pgconn.transaction_status != TransactionStatus.IDLE:
        dbapi_connection.rollback()
    dbapi_connection.autocommit = False


def _flush_write(context) -> bool:
    """An UPDATE or DELETE (or an INSERT) of the ORM's flush, without RETURNING: the flush
    passes its mapper's compiled cache, and checks one row a parameter set."""
    compiled = context.compiled
    if compiled is None or context.execution_options.get("compiled_cache") is None:
        return False
    if not isinstance(compiled.statement, Update | Delete | Insert):
        return False
    return not compiled.effective_returning


def _before(conn, _cursor, statement, parameters, context, executemany):
    pipelined = conn.info.get(_KEY)
    if pipelined is None or not _flush_write(context):
        return statement, parameters
    if not context.isinsert:
        statement = _CHECKED.format(statement=statement)
        context._rowcount = len(parameters) if executemany else 1  # the server's count
    pipelined.queued = context
    return statement, parameters


def _after(conn, _cursor, _statement, _parameters, context, _executemany) -> None:
    pipelined = conn.info.get(_KEY)
    if pipelined is not None and pipelined.queued is not context:
        pipelined.pipeline.sync()  # answered now, as outside a pipeline


def _checkin(_dbapi_connection, record) -> None:
    """No connection goes back to the pool in pipeline mode."""
    pipelined = record.info.get(_KEY) if record is not None else None
    if pipelined is not None:
        _leave(pipelined)


def install(engine: Engine) -> None:
    event.listen(engine, "before_cursor_execute", _before, retval=True)
    event.listen(engine, "after_cursor_execute", _after)
    event.listen(engine, "checkin", _checkin)


def is_stale_write(exc: BaseException) -> bool:
    """A pipelined write the server refused because its row was changed first. The
    refusal may have been raised inside the ORM's flush, whose rollback then fails on the
    aborted pipeline (psycopg's PipelineAborted): the refusal is still in the chain."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        orig = error.orig if isinstance(error, DBAPIError) else error
        if getattr(orig, "sqlstate", None) == STALE_WRITE:
            return True
        error = error.__cause__ or error.__context__
    return False
