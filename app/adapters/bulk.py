"""Append-only rows written in one statement, for the paths that write thousands at once
(a page of channel orders, the stock ledger's moves)."""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Connection, Table, bindparam, insert


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
    names = list(rows[0])
    compiled = insert(table).values({name: bindparam(name) for name in names}).compile(
        dialect=conn.dialect)
    order = compiled.positiontup or names
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
    conn.exec_driver_sql(str(compiled), params)
