"""Pack stations as separate processes on one store: a small seeded store, and the station
jobs the multi-station tests run in them (each opens its own store, as a real station does)."""

from __future__ import annotations

import time

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.carriers import CarrierProfile
from app.domain.errors import PackdeskError
from app.domain.orders import Address, Order, OrderLine
from app.domain.people import Role
from app.domain.products import Product
from app.domain.stock import StockItem
from app.services import commands as c
from app.services.auth import add_packer
from app.services.bench import PackBenchService

SKU = "GADGET-1"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def station_store_url(request):
    """The same multi-station test on a SQLite file and on the machine's PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


def seed_orders(url: str, count: int, quantity: int = 1) -> list[str]:
    """Orders PD-1.. of one SKU each, stock reserved for them; packers Ann and Sam."""
    store = open_store(url, upgrade=True)
    uow = uow_factory(store.session_factory, station="setup")
    try:
        add_packer(uow(), "Ann", "1234")
        add_packer(uow(), "Sam", "9999", Role.SUPERVISOR)
        with uow() as work:
            work.products.add(Product(SKU, "Serial-numbered gadget"))
            work.carriers.add(CarrierProfile("OWN", "Own fleet", prefix="PD"))
            item = StockItem(SKU)
            item.receive(count * quantity, work.now(), "setup")
            work.stock.add(item)
            numbers = [f"PD-{n}" for n in range(1, count + 1)]
            for number in numbers:
                work.orders.add(Order(number, "manual", number, "Buyer", "",
                                      Address("Buyer"), [OrderLine(SKU, "Gadget", quantity)]))
                item.reserve(quantity, number, work.now(), "setup")
            work.commit()
        return numbers
    finally:
        store.dispose()


def _bench(url: str, station: str):
    store = open_store(url, upgrade=False)
    return store, PackBenchService(uow_factory(store.session_factory, station=station))


def _plain(outcome) -> tuple:
    """What crosses back from a station process: plain strings and numbers."""
    return outcome.outcome, str(outcome.message), outcome.session_id


def open_at(url: str, station: str, number: str, packer: str = "Ann") -> tuple:
    store, bench = _bench(url, station)
    try:
        return _plain(bench.open_order(c.OpenOrder(number, packer)))
    finally:
        store.dispose()


def take_over_at(url: str, station: str, number: str, packer: str, supervisor: str,
                 pin: str) -> tuple:
    store, bench = _bench(url, station)
    try:
        approval = c.SupervisorApproval(supervisor, pin, "station A froze")
        return _plain(bench.take_over(c.TakeOverOrder(number, packer, approval)))
    except PackdeskError as exc:
        return "refused", str(exc), None
    finally:
        store.dispose()


def scan_at(url: str, station: str, session_id: int, uid: str, serial: str = "") -> tuple:
    """One scan: (result, message); a refusal is ("refused", its message)."""
    store, bench = _bench(url, station)
    try:
        verdict = bench.scan_item(c.ScanItem(session_id, uid, SKU, serial=serial))
        return verdict.result, str(verdict.message)
    except PackdeskError as exc:
        return "refused", str(exc)
    finally:
        store.dispose()


def complete_at(url: str, station: str, session_id: int) -> str:
    store, bench = _bench(url, station)
    try:
        return bench.complete(c.CompletePack(session_id)).tracking_number
    finally:
        store.dispose()


def scan_many_at(url: str, station: str, session_ids: list[int], rounds: int, tag: str,
                 start_at: float) -> list[tuple[int, str]]:
    """Scan every session `rounds` times, starting at the same moment as the other station,
    so both hit the same order at once; (session, result) per scan."""
    store, bench = _bench(url, station)
    bench.warm_up()
    results = []
    try:
        time.sleep(max(0.0, start_at - time.time()))
        for session_id in session_ids:
            for n in range(rounds):
                try:
                    verdict = bench.scan_item(c.ScanItem(session_id, f"{tag}-{session_id}-{n}",
                                                         SKU))
                    results.append((session_id, verdict.result))
                except PackdeskError as exc:
                    results.append((session_id, f"refused: {exc}"))
        return results
    finally:
        store.dispose()
