"""Nothing counted twice: pack stations as separate processes on one store (a SQLite file,
then PostgreSQL). An order open at one station is busy at every other; a supervisor's
takeover stops the first station; two stations scanning one line at once verify it once;
a serial number ships once, whatever the order or the station."""

from __future__ import annotations

import time

from sqlalchemy import select

from app.adapters import orm
from app.adapters.store import open_store
from stress.harness import station_context
from tests.parts.bench_stations import (
    complete_at,
    open_at,
    scan_at,
    scan_many_at,
    seed_orders,
    take_over_at,
)


def _in_station(fn, *args):
    """Run one station action in its own process, as another Packdesk instance would."""
    with station_context().Pool(1) as pool:
        return pool.apply(fn, args)


def _tally(url: str, number: str) -> tuple[int, int]:
    """(verified quantity of the order's line, scan events that count for it)."""
    store = open_store(url, upgrade=False)
    try:
        with store.engine.connect() as db:
            verified = db.execute(
                select(orm.order_lines.c.verified_quantity)
                .join(orm.orders, orm.orders.c.id == orm.order_lines.c.order_id)
                .where(orm.orders.c.number == number)).scalar_one()
            events = db.execute(
                select(orm.scan_events.c.quantity)
                .where(orm.scan_events.c.order_number == number,
                       orm.scan_events.c.result.in_(("verified", "manual")),
                       orm.scan_events.c.undone_at.is_(None))).scalars().all()
            return verified, sum(events)
    finally:
        store.dispose()


def _history(url: str, number: str) -> list[tuple[str, str, str]]:
    store = open_store(url, upgrade=False)
    try:
        with store.engine.connect() as db:
            t = orm.order_transitions.c
            return [tuple(row) for row in db.execute(
                select(t.by, t.station, t.reason)
                .join(orm.orders, orm.orders.c.id == t.order_id)
                .where(orm.orders.c.number == number).order_by(t.id))]
    finally:
        store.dispose()


def test_an_order_open_at_one_station_is_busy_at_another_even_for_the_same_packer(
        station_store_url):
    url = station_store_url
    [number] = seed_orders(url, 1, quantity=3)
    opened, _message, session_a = _in_station(open_at, url, "pack-A", number)
    assert opened == "opened"
    outcome, message, session_b = _in_station(open_at, url, "pack-B", number)
    assert outcome == "busy"
    assert message == f"Order {number} is being packed by Ann at pack-A."
    assert session_b is None
    assert _in_station(scan_at, url, "pack-A", session_a, "a-1")[0] == "verified"
    # the same station opening it again resumes it (a crash, a restart)
    assert _in_station(open_at, url, "pack-A", number)[0] == "resumed"


def test_a_supervisor_takes_an_order_over_and_the_first_station_is_refused(station_store_url):
    url = station_store_url
    [number] = seed_orders(url, 1, quantity=3)
    _opened, _message, session_a = _in_station(open_at, url, "pack-A", number)
    assert _in_station(scan_at, url, "pack-A", session_a, "a-1")[0] == "verified"
    refused = _in_station(take_over_at, url, "pack-B", number, "Li", "Ann", "1234")
    assert refused[0] == "refused" and "Ann is not a supervisor" in refused[1]
    outcome, message, session_b = _in_station(take_over_at, url, "pack-B", number, "Ann",
                                              "Sam", "9999")
    assert outcome == "taken_over", message
    assert message == (f"Order {number} taken over from Ann at pack-A; 1 of 3 items already "
                       "verified, packing goes on here.")
    result, why = _in_station(scan_at, url, "pack-A", session_a, "a-2")
    assert result == "refused"
    assert why == (f"Order {number} was taken over by Ann at pack-B (supervisor Sam); "
                   "this station can no longer scan it.")
    assert _in_station(scan_at, url, "pack-B", session_b, "b-1")[0] == "verified"
    assert _tally(url, number) == (2, 2)
    assert ("Sam", "pack-B", "taken over from Ann at pack-A for Ann: station A froze") in \
        _history(url, number)


def test_two_stations_scanning_one_line_at_once_verify_it_once(station_store_url):
    """Both processes are the same station (the app started twice there): the order's
    version, not the busy check, is what stops the second count."""
    url = station_store_url
    numbers = seed_orders(url, 12, quantity=1)
    sessions = [_in_station(open_at, url, "pack-A", number)[2] for number in numbers]
    start_at = time.time() + 1.5
    with station_context().Pool(2) as pool:
        jobs = [pool.apply_async(scan_many_at, (url, "pack-A", sessions, 3, tag, start_at))
                for tag in ("one", "two")]
        results = [scan for job in jobs for scan in job.get(timeout=180)]
    assert {result for _session, result in results} <= {"verified", "over_scan"}
    for number, session_id in zip(numbers, sessions, strict=True):
        verified = [r for s, r in results if s == session_id and r == "verified"]
        assert len(verified) == 1, (number, results)
        assert _tally(url, number) == (1, 1)


def test_a_serial_ships_once_across_orders_and_stations(station_store_url):
    url = station_store_url
    first, second, third = seed_orders(url, 3, quantity=2)
    session_1 = _in_station(open_at, url, "pack-A", first)[2]
    session_2 = _in_station(open_at, url, "pack-B", second)[2]
    assert _in_station(scan_at, url, "pack-A", session_1, "s1-1", "SN-0001")[0] == "verified"
    # still open in the other station's parcel: refused there
    taken = _in_station(scan_at, url, "pack-B", session_2, "s2-1", "SN-0001")
    assert taken == ("duplicate_serial",
                     f"Serial SN-0001 is already in order {first}, being packed at pack-A.")
    assert _in_station(scan_at, url, "pack-A", session_1, "s1-2", "SN-0002")[0] == "verified"
    complete_at(url, "pack-A", session_1)
    shipped = _in_station(scan_at, url, "pack-B", session_2, "s2-2", "SN-0002")
    assert shipped == ("duplicate_serial", f"Serial SN-0002 already shipped in order {first}.")
    assert _in_station(scan_at, url, "pack-B", session_2, "s2-3", "SN-0003")[0] == "verified"
    # two stations racing for one new serial: one of them gets it
    session_3 = _in_station(open_at, url, "pack-C", third)[2]
    with station_context().Pool(2) as pool:
        jobs = [pool.apply_async(scan_at, (url, station, session, uid, "SN-0009"))
                for station, session, uid in (("pack-B", session_2, "race-b"),
                                              ("pack-C", session_3, "race-c"))]
        results = sorted(job.get(timeout=120)[0] for job in jobs)
    assert results == ["duplicate_serial", "verified"]
    assert _tally(url, second)[1] + _tally(url, third)[1] == 2  # SN-0003 and SN-0009 once
