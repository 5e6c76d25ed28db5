"""Error text safe to show, store and log: it names the kind of problem, never buyers' data.

A database error's own text carries the failed statement's parameters (names, phones,
addresses), and PostgreSQL adds "Failing row contains (...)". Only our own messages
(PackdeskError, written to be shown) pass as they are; a database error becomes its kind,
from its SQLSTATE or the driver's fixed wording, with the table, column or constraint name;
anything else is named by its type alone.
"""

from __future__ import annotations

from app.domain.errors import PackdeskError
from app.domain.messages import Msg

SQLSTATE_KINDS = {
    "22001": "text too long for its column",
    "22003": "a number too large for its column",
    "22021": "text with a character the store cannot keep",
    "22P05": "text with a character the store cannot keep",
    "23502": "a required value is missing",
    "23503": "a record it refers to is missing",
    "23505": "the record is already stored",
    "23514": "a value breaks a rule of the store",
}
DRIVER_KINDS = (  # fixed wordings of drivers that give no SQLSTATE
    ("NUL (0x00)", "text with a NUL character"),
    ("UNIQUE constraint failed", "the record is already stored"),
    ("NOT NULL constraint failed", "a required value is missing"),
    ("CHECK constraint failed", "a value breaks a rule of the store"),
    ("too large to convert", "a number too large for its column"),
    ("Python int too large", "a number too large for its column"),
)


def describe(error: BaseException, safe: tuple[type[BaseException], ...] = ()) -> str:
    """What went wrong, without the data it went wrong with. `safe` names further exception
    types whose messages are written to be shown (a channel adapter's own errors)."""
    if isinstance(error, (PackdeskError, *safe)):
        return str(error)
    orig = getattr(error, "orig", None)
    if orig is not None and hasattr(error, "statement"):
        return describe_store_error(orig)
    if isinstance(error, OverflowError):
        return Msg("a number too large for the store")
    return Msg("unexpected {kind} (details withheld: they may hold buyers' data)",
               kind=type(error).__name__)


def is_duplicate(orig: BaseException | None) -> bool:
    """A unique key another writer took first: a race, not bad data."""
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return state == "23505" or "UNIQUE constraint failed" in _first_line(orig)


def describe_store_error(orig: BaseException | None) -> str:
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    kind = SQLSTATE_KINDS.get(state or "")
    first = _first_line(orig)
    if kind is None:
        kind = next((k for marker, k in DRIVER_KINDS if marker in first), None)
    if kind is None:
        kind = f"{type(orig).__name__}" + (f" (SQLSTATE {state})" if state else "")
    where = _where(orig, first)
    return Msg("the store refused the data: {kind}{where}", kind=kind, where=where)


def _where(orig: BaseException | None, first: str) -> str:
    """Table, column or constraint: names from the schema, never values."""
    diag = getattr(orig, "diag", None)
    found = [getattr(diag, attr, None) for attr in ("table_name", "column_name",
                                                    "constraint_name")] if diag else []
    names = [str(n) for n in found if n]
    if not names and "constraint failed: " in first:
        names = [first.split("constraint failed: ", 1)[1].split()[0]]
    return f" ({', '.join(names)})" if names else ""


def _first_line(orig: BaseException | None) -> str:
    text = str(orig.args[0]) if orig is not None and orig.args else ""
    return text.splitlines()[0] if text else ""
