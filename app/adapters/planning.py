"""Hints that keep a query's plan independent of the store's size and statistics.

SQLite plans a join without statistics by rules of thumb: a short IN list on an indexed
column looks cheaper than a long one, whatever the data. A filter that must never drive
the plan (an order's status: most of a young store's orders are open) is marked with
`filter_only`, which SQLite's documented unary "+" turns into a term no index can serve
(sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_). PostgreSQL
plans from its own statistics and gets the column as it is.
"""

from __future__ import annotations

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class FilterOnly(ColumnElement):
    """A column that filters rows but is never used to find them."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement) -> None:
        self.column = column
        self.type = column.type


def filter_only(column: ColumnElement) -> FilterOnly:
    return FilterOnly(column)


@compiles(FilterOnly)
def _as_is(element: FilterOnly, compiler, **kw) -> str:
    return compiler.process(element.column, **kw)


@compiles(FilterOnly, "sqlite")
def _unindexed_on_sqlite(element: FilterOnly, compiler, **kw) -> str:
    return "+" + compiler.process(element.column, **kw)

