"""Four Packdesk processes on one PostgreSQL database at the same moment, one SKU:
two stations packing, the sync runner cancelling and re-publishing, and an intake burst.
Afterwards no update is lost (every unit is accounted for, the ledger replays to the row)
and nothing is oversold."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.carriers import CarrierProfile
from app.domain.errors import ConcurrencyConflict
from app.domain.orders import OrderStatus
from app.domain.people import Role
from app.domain.products import Product
from app.domain.stock import INTERNAL, StockItem, replay
from app.services.auth import add_packer
from app.services.bench import PackBenchService
from app.services.channel_stock import add_channel, list_sku, set_stock_rules
from app.services.commands import CompletePack, OpenOrder, ScanItem
from app.services.intake import take_in
from stress.harness import incoming_order, station_context

pytestmark = pytest.mark.postgres
SKU = "FLASH-1"
UNITS = 40
SEEDED = 24  # orders of one unit each, taken in before the stations start


def _uow(url: str, station: str, upgrade: bool = False):
    store = open_store(url, upgrade=upgrade)
    return store, uow_factory(store.session_factory, station=station)


def _retrying(action, tries: int = 50):
    for _ in range(tries):
        try:
            return action()
        except ConcurrencyConflict:
            continue
    raise AssertionError("a station kept losing the race")


def pack_station(url: str, station: str, order_numbers: list[str]) -> int:
    store, uow = _uow(url, station)
    bench = PackBenchService(uow)
    packed = 0
    try:
        for number in order_numbers:
            opened = _retrying(lambda n=number: bench.open_order(OpenOrder(n, "Ann", number=n)))
            if not opened.opened:
                continue
            sid = opened.session_id
            _retrying(lambda s=sid: bench.scan_item(ScanItem(s, f"{station}-{s}", SKU)))
            _retrying(lambda s=sid: bench.complete(CompletePack(s)))
            packed += 1
    finally:
        store.dispose()
    return packed


def sync_runner(url: str, station: str, cancel_ids: list[str]) -> int:
    store, uow = _uow(url, station)
    try:
        for order_id in cancel_ids:
            cancelled = replace(incoming_order("shop", order_id, 1), status="cancelled")
            _retrying(lambda c=cancelled: take_in([c], uow()))
            _retrying(lambda: set_stock_rules(uow(), "shop", 0.9, 1, [SKU]))
    finally:
        store.dispose()
    return len(cancel_ids)


def intake_burst(url: str, station: str, count: int) -> int:
    store, uow = _uow(url, station)
    created = 0
    try:
        for first in range(0, count, 4):
            page = [incoming_order("woo", f"burst-{n}", 1) for n in range(first, first + 4)]
            results = _retrying(lambda p=page: take_in(p, uow()))
            created += sum(r.outcome == "created" for r in results)
    finally:
        store.dispose()
    return created


def _seed(url: str) -> list[str]:
    store, uow = _uow(url, "setup", upgrade=True)
    try:
        add_packer(uow(), "Ann", "1234")
        add_packer(uow(), "Sam", "9999", Role.SUPERVISOR)
        with uow() as work:
            work.products.add(Product(SKU, "Flash sale item"))
            item = StockItem(SKU)
            item.receive(UNITS, work.now(), "setup")
            work.stock.add(item)
            work.carriers.add(CarrierProfile("OWN", "Own fleet", prefix="PD"))
            work.commit()
        for code, kind in (("shop", "shopify"), ("woo", "woocommerce")):
            add_channel(uow(), code, kind)
            list_sku(uow(), code, SKU)
        results = take_in([incoming_order("shop", f"seed-{n}", 1) for n in range(SEEDED)], uow())
        return [r.order_number for r in results]
    finally:
        store.dispose()


def test_four_stations_at_once_lose_nothing_and_oversell_nothing(postgres_url):
    numbers = _seed(postgres_url)
    jobs = [(pack_station, (postgres_url, "pack-1", numbers[0:16:2])),
            (pack_station, (postgres_url, "pack-2", numbers[1:16:2])),
            (sync_runner, (postgres_url, "sync", [f"seed-{n}" for n in range(16, 22)])),
            (intake_burst, (postgres_url, "intake", 40))]
    with station_context().Pool(4) as pool:
        waits = [pool.apply_async(fn, args) for fn, args in jobs]
        packed_1, packed_2, cancelled, burst = [w.get(timeout=120) for w in waits]
    assert (packed_1, packed_2, cancelled) == (8, 8, 6)
    store, uow = _uow(postgres_url, "audit")
    try:
        with uow() as work:
            item = work.stock.get(SKU)
            row = {b.value: getattr(item, b.value) for b in INTERNAL}
            moves = work.ledger.ledger(SKU, 100000)[1]
            assert replay(moves) == row  # no lost update
            assert min(row.values()) >= 0
            assert item.shipped == 16
            open_orders = SEEDED - 16 - 6 + burst
            assert item.awaiting_shipment == open_orders  # one unit each
            assert item.on_hand + item.shipped == UNITS  # nothing oversold, nothing lost
            # the free units all sell; the cancelled ones sell again if freed in time
            assert UNITS - SEEDED <= burst <= UNITS - SEEDED + 6
            assert item.available == UNITS - item.shipped - item.awaiting_shipment
            ship_moves = [m for m in moves if m.to_bucket == "shipped"]
            assert {m.station for m in ship_moves} == {"pack-1", "pack-2"}
            assert {m.station for m in moves} == {"setup", "pack-1", "pack-2", "sync", "intake"}
            statuses = {work.orders.get(n).status for n in numbers[:16]}
            assert statuses == {OrderStatus.PACKED.value}
    finally:
        store.dispose()
