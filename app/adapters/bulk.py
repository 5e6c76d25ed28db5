"""Append-only rows written in one statement, for the paths that write thousands at once
(a page of channel orders, the stock ledger's moves)."""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

from sqlalchemy import Connection, Dialect, Table, bindparam, insert


def bulk_insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Append-only rows (ledger moves, order lines) written in one executemany.

    On SQLite the statement is compiled once and handed to the driver with each row's values
    run through the columns' own bind processors (dates, JSON): SQLAlchemy's per-row
    parameter building cost more than the insert itself. Elsewhere (PostgreSQL), Core's own
    batching is the fast path."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = tuple(rows[0])
    sql, order = _statement(table, names, conn.dialect)
    values_of = itemgetter(*order) if len(order) > 1 else lambda row: (row[order[0]],)
    processed = [(i, process) for i, name in enumerate(order)
                 if (process := table.c[name].type._cached_bind_processor(conn.dialect))]
    params = [values_of(row) for row in rows]
    if processed:
        rows_out = []
        for values in params:
            values = list(values)
            for i, process in processed:
                values[i] = process(values[i])
            rows_out.append(tuple(values))
        params = rows_out
    conn.exec_driver_sql(sql, params)


@lru_cache(maxsize=256)
def _statement(table: Table, names: tuple[str, ...], dialect: Dialect) -> tuple[str, list[str]]:
    """The INSERT's text and its parameters' order, compiled once per table and columns
    (compiling it cost more than binding a page's rows)."""
    compiled = insert(table).values({name: bindparam(name) for name in names}).compile(
        dialect=dialect)
    return str(compiled), list(compiled.positiontup or names)
