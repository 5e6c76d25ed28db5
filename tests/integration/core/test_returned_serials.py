"""A serial number ships once, until its unit comes back: a returned unit put back on the
shelf can ship again under its serial; one scrapped or quarantined stays spent (SQLite file,
then PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import InvalidInput
from app.services.commands import SupervisorApproval
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)
from tests.parts.bench_stations import SKU, complete_at, open_at, scan_at, seed_orders


def _pack(url: str, station: str, number: str, uid: str, serial: str) -> str:
    session_id = open_at(url, station, number)[2]
    result = scan_at(url, station, session_id, uid, serial)
    if result[0] == "verified":
        complete_at(url, station, session_id)
    return result[0] if result[0] != "duplicate_serial" else result[1]


def _return_one(url: str, number: str, grade: str, disposition: str, serial: str) -> None:
    """The returns counter: the unit comes back, is scanned, graded and sent on."""
    store = open_store(url, upgrade=False)
    try:
        counter = ReturnsService(uow_factory(store.session_factory, station="counter-1"))
        case = counter.create(CreateReturn(number, (ReturnRequestLine(SKU, 1),), "buyer", "Ann",
                                           SupervisorApproval("Sam", "9999", "test")))
        assert counter.receive(ReceiveItem(case.rma_number, SKU, "Ann")).result == "received"
        case = counter.finish_receiving(case.rma_number, "Ann")
        counter.grade(GradeUnit(case.rma_number, SKU, grade, disposition, "Ann", serial=serial,
                                bin=case.lines[0].home_bin,
                                photo_path="/photos/unit.jpg" if grade == "damaged" else ""))
    finally:
        store.dispose()


def _claims(url: str) -> list[tuple[str, str]]:
    store = open_store(url, upgrade=False)
    try:
        with store.engine.connect() as db:
            c = orm.packed_serials.c
            return [tuple(row) for row in db.execute(
                select(c.serial, c.order_number).order_by(c.serial, c.order_number))]
    finally:
        store.dispose()


def _graded_serials(url: str) -> list[tuple[str, str]]:
    store = open_store(url, upgrade=False)
    try:
        with store.engine.connect() as db:
            c = orm.return_units.c
            return [tuple(row) for row in db.execute(
                select(c.serial, c.disposition).order_by(c.id))]
    finally:
        store.dispose()


def test_a_restocked_serial_ships_again_and_a_scrapped_one_does_not(station_store_url):
    url = station_store_url
    first, second, third, fourth = seed_orders(url, 4)
    assert _pack(url, "pack-A", first, "a-1", "SN-0001") == "verified"
    assert _pack(url, "pack-A", second, "a-2", "SN-0002") == "verified"

    _return_one(url, first, "resellable", "restock", "SN-0001")
    _return_one(url, second, "damaged", "scrap", "SN-0002")

    # the restocked unit ships again under its serial, at another station and order
    assert _pack(url, "pack-B", third, "b-1", "SN-0001") == "verified"
    # the scrapped one is still spent
    assert _pack(url, "pack-B", fourth, "b-2", "SN-0002") == (
        f"Serial SN-0002 already shipped in order {second}.")
    assert _claims(url) == [("SN-0001", third), ("SN-0002", second)]
    # the return keeps which serial came back and where it went
    assert _graded_serials(url) == [("SN-0001", "restock"), ("SN-0002", "scrap")]


def test_a_serial_that_did_not_ship_in_the_returned_order_is_refused(station_store_url):
    url = station_store_url
    first, second, third = seed_orders(url, 3)
    assert _pack(url, "pack-A", first, "a-1", "SN-0001") == "verified"
    assert _pack(url, "pack-A", second, "a-2", "SN-0002") == "verified"
    # the clerk types the serial of another order's unit: refused, and that claim stays
    with pytest.raises(InvalidInput, match=f"Serial SN-0002 did not ship in order {first}"):
        _return_one(url, first, "resellable", "restock", "SN-0002")
    assert _pack(url, "pack-B", third, "b-1", "SN-0002") == (
        f"Serial SN-0002 already shipped in order {second}.")
