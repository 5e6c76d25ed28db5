"""Issue 20: the first order number taken in a store that has no order counter yet (a store
filled by an import or an older Packdesk) starts above every PD- number stored, and finding
that number reads only the highest ones, not every order number in the store."""

from __future__ import annotations

import pytest
from sqlalchemy import event, insert

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from tests.parts.store import FIXED_NOW


def _orders(store, numbers: list[str]) -> None:
    if not numbers:
        return
    with store.engine.begin() as db:
        db.execute(insert(orm.orders), [
            {"number": number, "channel": "manual", "channel_order_id": number,
             "buyer_name": "Mei", "ship_name": "Mei", "status": "shipped",
             "placed_at": FIXED_NOW, "version": 1} for number in numbers])


def _first_number(store) -> tuple[str, int]:
    """The number taken, and how many rows the store sent back to take it."""
    rows_sent = 0
    statements = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with uow_factory(store.session_factory, "intake")() as uow:
            number = uow.orders.next_number()
            uow.commit()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    with store.engine.connect() as db:  # the reads again, counted row by row
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                rows_sent += len(db.exec_driver_sql(statement, parameters).all())
    return number, rows_sent


def test_the_first_number_reads_only_the_highest_numbers(store):
    _orders(store, [f"PD-{n}" for n in range(200_001, 203_001)])
    number, rows_sent = _first_number(store)
    assert number == "PD-203001"
    assert rows_sent <= 50, f"{rows_sent} rows read to take the first order number"


@pytest.mark.parametrize(("numbers", "first"), [
    ([], "PD-200001"),  # an empty store starts where Packdesk always has
    (["PD-99", "PD-100", "PD-98"], "PD-101"),  # by value, not as text ("PD-99" > "PD-100")
    (["PD-0000150", "PD-120"], "PD-151"),  # zero-padded numbers from an import count too
    (["PD-12A", "PD-ABCDEFGHIJK", "PD-7", "SO-900"], "PD-8"),  # only PD-<digits> count
])
def test_the_first_number_is_above_every_pd_number(store, numbers, first):
    _orders(store, numbers)
    assert _first_number(store)[0] == first
    with uow_factory(store.session_factory, "intake")() as uow:  # the counter goes on
        assert uow.orders.next_number() == f"PD-{int(first[3:]) + 1}"


@pytest.mark.postgres
def test_the_first_number_on_postgresql_is_above_every_pd_number(postgres_url):
    from app.adapters.store import open_store

    store = open_store(postgres_url)
    try:
        _orders(store, ["PD-99", "PD-100", "PD-0000150", "PD-120", "PD-12A", "SO-900"])
        number, rows_sent = _first_number(store)
        assert (number, rows_sent <= 50) == ("PD-151", True)
    finally:
        store.dispose()
