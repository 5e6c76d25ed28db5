"""A flash sale: N order streams from 3 channels at M stations, one SKU with K units.

Each station is its own process with its own station id (as on a real floor: several
Packdesk instances on one database); its streams are threads with their own sessions.
A stream takes in orders one by one, through channel intake (the real path: order,
reservation, intake record and outbox in one transaction) or through the bare locked
reservation. A lost optimistic race is retried and counted. The report then checks the
store itself: units promised beyond K (oversold), and the ledger replayed against the row.
"""

from __future__ import annotations

import multiprocessing
import random
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass

from app.domain.errors import ConcurrencyConflict
from app.domain.orders import Address

CHANNELS = (("shop", "shopify"), ("woo", "woocommerce"), ("tmall", "taobao"))
SKU = "FLASH-1"
MAX_TRIES = 200
PATHS = ("intake", "reserve", "optimistic")  # optimistic: reserve without the row lock


@dataclass(frozen=True)
class FlashSaleReport:
    database: str
    path: str
    streams: int
    stations: int
    units: int
    orders: int
    reservations: int
    sold_out: int
    conflicts_retried: int
    gave_up: int
    seconds: float
    reservations_per_s: float
    reserved_units: int
    oversold_units: int
    ledger_consistent: bool
    negative_buckets: bool

    def as_dict(self) -> dict:
        return asdict(self)


def prepare(url: str, units: int) -> None:
    """One SKU with K units, the three channels listing it."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.domain.products import Product
    from app.domain.stock import StockItem
    from app.services.channel_stock import add_channel, list_sku

    store = open_store(url)
    try:
        uow = uow_factory(store.session_factory, station="stress-setup")
        with uow() as work:
            work.products.add(Product(SKU, "Flash sale item"))
            item = StockItem(SKU)
            item.receive(units, work.now(), "stress", station="stress-setup")
            work.stock.add(item)
            work.orders.next_number()  # a store in use has its order counter already
            work.commit()
        for code, kind in CHANNELS:
            add_channel(uow(), code, kind)
            list_sku(uow(), code, SKU)
    finally:
        store.dispose()


def incoming_order(channel: str, order_id: str, quantity: int):
    from app.services.intake import IncomingLine, IncomingOrder

    return IncomingOrder(channel, order_id, "open", f"Buyer {order_id}", "",
                         Address(f"Buyer {order_id}", "", f"{order_id} Sale Street", "",
                                 "Shenzhen", "", "518000", "CN"),
                         (IncomingLine("1", SKU, "Flash sale item", quantity),))


def _one_page(uow, path: str, page: list[tuple[str, str, int]], station: str) -> list[bool]:
    """One transaction for a page of orders; per order, True when its units were reserved."""
    if path == "intake":
        from app.services.intake import take_in

        results = take_in([incoming_order(*order) for order in page], uow())
        return [result.outcome == "created" for result in results]
    from app.services.stock import ReserveStock, reserve_many

    batch = reserve_many([ReserveStock(SKU, quantity, order_id[:32], station)
                          for _channel, order_id, quantity in page], uow(),
                         lock=path == "reserve")
    return [order_id[:32] in batch.reserved for _channel, order_id, _q in page]


def _stream(uow, path: str, station: str, stream: int, orders: int, batch: int,
            seed: int) -> dict:
    channel = CHANNELS[stream % len(CHANNELS)][0]
    rng = random.Random(seed)
    counts = {"reservations": 0, "sold_out": 0, "conflicts": 0, "gave_up": 0}
    page_of = [(channel, f"{channel}-{station}-{stream}-{n}", rng.choice((1, 1, 1, 2)))
               for n in range(orders)]
    for first in range(0, orders, batch):
        page = page_of[first:first + batch]
        for _attempt in range(MAX_TRIES):
            try:
                outcomes = _one_page(uow, path, page, station)
            except ConcurrencyConflict:
                counts["conflicts"] += 1
                time.sleep(rng.uniform(0.0005, 0.003))
                continue
            counts["reservations"] += sum(outcomes)
            counts["sold_out"] += len(outcomes) - sum(outcomes)
            break
        else:
            counts["gave_up"] += len(page)
    return counts


def station_worker(url: str, station: str, streams: list[int], orders: int,
                   path: str, batch: int = 1) -> dict:
    """One station process: its streams run as threads, each with its own sessions."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory

    store = open_store(url, upgrade=False)
    try:
        uow = uow_factory(store.session_factory, station=station)
        with uow() as work:  # connect and compile before the clock starts
            work.stock.get(SKU)
        started = time.time()
        with ThreadPoolExecutor(max_workers=max(1, len(streams))) as pool:
            results = list(pool.map(
                lambda s: _stream(uow, path, station, s, orders, batch,
                                  zlib.crc32(f"{station}/{s}".encode())),
                streams))
        ended = time.time()
    finally:
        store.dispose()
    total = {key: sum(r[key] for r in results) for key in results[0]} if results else {}
    return {**total, "started": started, "ended": ended}


def station_context():
    """Station processes forked from a clean server that has the store code loaded: as
    separate as spawned ones (no Qt or test state inherited), without each importing
    SQLAlchemy and Alembic again."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["stress.harness", "app.adapters.store",
                                    "app.adapters.unit_of_work", "app.services.intake",
                                    "app.services.stock"])
    return context


def _spread(streams: int, stations: int) -> list[list[int]]:
    return [list(range(i, streams, stations)) for i in range(stations)]


def run_flash_sale(url: str, streams: int = 6, stations: int = 2, units: int = 50,
                   orders_per_stream: int = 20, path: str = "intake",
                   batch: int = 1) -> FlashSaleReport:
    """Prepare the store at `url` (empty), run the sale, and audit what the store says."""
    if path not in PATHS:
        raise ValueError(f"path must be one of {', '.join(PATHS)}, not {path!r}")
    if stations < 1 or streams < stations:
        raise ValueError("need at least one station and one stream per station")
    prepare(url, units)
    if batch < 1:
        raise ValueError("a page holds at least one order")
    jobs = [(url, f"station-{i + 1}", streams_of, orders_per_stream, path, batch)
            for i, streams_of in enumerate(_spread(streams, stations))]
    with station_context().Pool(stations) as pool:
        results = pool.starmap(station_worker, jobs)
    return _report(url, f"{path}, {batch} per page", streams, stations, units,
                   streams * orders_per_stream, results)


def _report(url, path, streams, stations, units, orders, results) -> FlashSaleReport:
    seconds = max(r["ended"] for r in results) - min(r["started"] for r in results)
    reservations = sum(r["reservations"] for r in results)
    reserved_units, consistent, negative = audit(url)
    return FlashSaleReport(
        url.split(":", 1)[0].split("+", 1)[0], path, streams, stations, units, orders,
        reservations, sum(r["sold_out"] for r in results),
        sum(r["conflicts"] for r in results), sum(r["gave_up"] for r in results),
        round(seconds, 3), round(reservations / seconds, 1) if seconds > 0 else 0.0,
        reserved_units, max(0, reserved_units - units), consistent, negative)


def audit(url: str) -> tuple[int, bool, bool]:
    """(units promised to orders, ledger replays to the row, any bucket below zero)."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.domain.stock import INTERNAL, replay

    store = open_store(url, upgrade=False)
    try:
        with uow_factory(store.session_factory)() as work:
            item = work.stock.get(SKU)
            _opening, moves = work.ledger.ledger(SKU, 10_000_000)
            totals = replay(moves)
            row = {bucket.value: getattr(item, bucket.value) for bucket in INTERNAL}
            promised = item.awaiting_shipment + item.shipped
            return promised, totals == row, min(row.values()) < 0
    finally:
        store.dispose()
