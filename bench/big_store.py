"""A large store for benchmarks: 100k orders with 1M lines, built once and cached.

Rows go in through SQLAlchemy Core in large batches (the domain would take minutes for
a fixture); the schema is the real one, made by the app's own migrations.
"""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from app.adapters import orm
from app.adapters.statistics import refresh_statistics
from app.adapters.store import open_store, schema_heads
from app.domain.barcodes import gtin_check_digit
from app.domain.people import hash_pin

CACHE = Path(__file__).with_name(".cache")
PRODUCTS = 2000
BATCH = 5000


def _ean(n: int) -> str:
    body = f"690{n:09d}"
    return body + str(gtin_check_digit(body))


def build(path: Path, orders: int, lines_per_order: int) -> None:
    build_at(f"sqlite:///{path}", orders, lines_per_order)


def build_at(url: str, orders: int, lines_per_order: int) -> None:
    """The big store's rows in the (empty, migrated on open) store at `url`."""
    store = open_store(url)
    rng = random.Random(99)
    now = datetime.now(UTC)
    with store.engine.begin() as db:
        db.execute(insert(orm.products), [
            {"id": i + 1, "sku": f"SKU-{i:05d}", "sku_key": f"SKU-{i:05d}", "name": f"Product {i}",
             "weight_g": 100, "must_scan": False, "category": "x", "bin_location": "A-01-1"}
            for i in range(PRODUCTS)])
        db.execute(insert(orm.product_barcodes), [
            {"product_id": i + 1, "sku": f"SKU-{i:05d}", "code": _ean(i),
             "code_key": _ean(i).zfill(14), "pack_quantity": 1, "kind": "gtin"}
            for i in range(PRODUCTS)])
        db.execute(insert(orm.stock_items), [
            {"sku": f"SKU-{i:05d}", "available": 10**6, "awaiting_shipment": 10**6, "frozen": 0,
             "shipped": 0, "returns_in_transit": 0, "version": 1} for i in range(PRODUCTS)])
        db.execute(insert(orm.packers), [{"name": "Ann", "pin_hash": hash_pin("1234"),
                                          "role": "packer", "active": True}])
        db.execute(insert(orm.carrier_profiles), [{
            "code": "OWN", "name": "Bench Express", "service": "Std", "prefix": "BX", "digits": 8,
            "suffix": "", "next_sequence": 1, "sender_name": "Bench", "sender_phone": "1",
            "sender_address": "1 Bench Road", "version": 1}])
    for start in range(0, orders, BATCH):
        _insert_orders(store, rng, start, min(orders, start + BATCH), lines_per_order, now)
    refresh_statistics(store.engine)  # rows loaded in bulk: what the store does after an import
    store.dispose()


def _insert_orders(store, rng, start, stop, lines_per_order, now) -> None:
    order_rows, line_rows = [], []
    for n in range(start, stop):
        order_rows.append({
            "id": n + 1, "number": f"PD-{n + 1:07d}", "channel": "shopify",
            "channel_order_id": f"#{n + 1}", "buyer_name": "王小明", "phone": "13800000000",
            "ship_name": "王小明", "ship_phone": "13800000000", "ship_line1": "南京路 100 号",
            "ship_line2": "", "ship_city": "上海", "ship_region": "", "ship_postcode": "200001",
            "ship_country": "CN", "status": "ready", "tracking_number": None, "carrier": "",
            "ship_by": now + timedelta(days=1), "placed_at": now, "buyer_note": "",
            "weight_g": 500, "partial": False, "version": 1})
        for sku in rng.sample(range(PRODUCTS), lines_per_order):
            line_rows.append({"order_id": n + 1, "sku": f"SKU-{sku:05d}", "name": f"Product {sku}",
                              "quantity": 1, "unit_price_cents": 1000, "verified_quantity": 0,
                              "bin_location": "A-01-1"})
    with store.engine.begin() as db:
        db.execute(insert(orm.orders), order_rows)
        db.execute(insert(orm.order_lines), line_rows)


def big_store(workdir: Path, orders: int = 100_000, lines_per_order: int = 10) -> Path:
    """A fresh copy of the cached big store in workdir (built on first use)."""
    CACHE.mkdir(exist_ok=True)
    key = "-".join(sorted(schema_heads()))
    cached = CACHE / f"store-{orders}x{lines_per_order}-{key}.db"
    if not cached.exists():
        partial = cached.with_suffix(".part")
        partial.unlink(missing_ok=True)
        build(partial, orders, lines_per_order)
        partial.rename(cached)
    target = workdir / "bench.db"
    shutil.copyfile(cached, target)
    return target


def ean_for(sku: str) -> str:
    return _ean(int(sku.split("-")[1]))
