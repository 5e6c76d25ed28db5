"""A realistic big store for the issue-20 keys: a year of history, built once and cached.

Default 1,000,000 orders (`PACKDESK_BENCH_ORDERS` picks another size) placed evenly over
the year before ANCHOR, as a shop that packs the same day sees them:

- about 3% open: the last 8 hours' orders waiting (ready, some in review or being packed),
  presale orders held until their ship date (Taobao's PAID_FORBID_CONSIGN; on hold, their
  promise weeks away), and a tail of stuck and late ones the alerts must raise;
- the rest packed (the last 3 days) or shipped, 3% cancelled; each packed order with its
  pack session, two scan events (one wrong item in 50), two transitions, its fulfilment in
  the outbox (sent) and its intake row; two orders in 25 are a pair of one buyer's (a
  merge group: one parcel);
- returns for 3% of shipped orders (mostly closed, a few still open, some escalated), and
  a year of alerts seen and gone.

The schema is the app's own (migrations); the rows go in through sqlite3's executemany in
one transaction with the journal off (a fixture, not the app's write path), then
ANALYZE. A copy of the cached file, flushed to the disk, is handed to each run.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.adapters.store import open_store, schema_heads
from app.domain.barcodes import gtin_check_digit
from app.domain.people import hash_pin

CACHE = Path(__file__).with_name(".cache")
BUILD = 3  # bump when the rows change, so an old cache is not reused
ANCHOR = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # the store's "now"
_NAIVE_ANCHOR = ANCHOR.replace(tzinfo=None)
PRODUCTS = 2000
FIRST_NUMBER = 100_001
CHANNELS = ("shopify", "taobao", "woocommerce", "douyin", "csv")
PACKERS = ("Ann", "Li Wei", "Bo", "Chen", "Dee")
BACKLOG = timedelta(hours=8)
PRESALE_WINDOW = timedelta(days=35)
STUCK_EVERY, LATE_EVERY = 6667, 10001  # the tails: 150 stuck and 100 late in 1M orders


def default_size() -> int:
    return int(os.environ.get("PACKDESK_BENCH_ORDERS", "1000000"))


def _t(value: datetime) -> str:
    """SQLAlchemy's SQLite DATETIME text for a UTC time (the rows are made from the naive
    UTC `_NAIVE_ANCHOR`, so no conversion is needed)."""
    return value.isoformat(" ", "microseconds")


def _ean(n: int) -> str:
    body = f"690{n:09d}"
    return body + str(gtin_check_digit(body))


EANS = [_ean(i) for i in range(PRODUCTS)]


def _status(rng: random.Random, n: int, age: timedelta,
            presale_rate: float) -> tuple[str, timedelta]:
    """The order's status and its promise (ship_by - placed)."""
    if n % STUCK_EVERY == 7 and age > timedelta(days=1):
        return rng.choice(("ready", "needs_review")), timedelta(days=30)  # stuck, not late
    if n % LATE_EVERY == 11 and age > timedelta(days=2):
        return rng.choice(("ready", "packing", "on_hold")), timedelta(hours=36)  # late
    if age < BACKLOG:
        status = rng.choices(("ready", "needs_review", "packing", "packed"), (80, 8, 4, 8))[0]
        return status, timedelta(hours=rng.choice((24, 48)))
    if age < PRESALE_WINDOW and rng.random() < presale_rate:
        return "on_hold", PRESALE_WINDOW + timedelta(days=5)
    if rng.random() < 0.03:
        return "cancelled", timedelta(hours=48)
    return ("packed" if age < timedelta(days=3) else "shipped"), timedelta(hours=48)


def _rows(orders: int) -> Iterator[dict[str, list[tuple]]]:
    """The store's rows, a batch of orders at a time, table by table."""
    rng = random.Random(2026)
    year = timedelta(days=365)
    presale_share = PRESALE_WINDOW / year
    presale_rate = max(0.0, 0.03 - 0.03 * BACKLOG / year - 0.0003) / presale_share
    line_id = 0
    for start in range(0, orders, 20_000):
        rows: dict[str, list[tuple]] = {t: [] for t in (
            "orders", "order_lines", "order_transitions", "order_intake", "pack_sessions",
            "scan_events", "outbox", "return_cases", "return_lines")}
        for n in range(start, min(orders, start + 20_000)):
            oid, number = n + 1, f"PD-{FIRST_NUMBER + n}"
            placed = _NAIVE_ANCHOR - year * (orders - n) / orders + timedelta(seconds=rng.randrange(60))
            age = _NAIVE_ANCHOR - placed
            status, promise = _status(rng, n, age, presale_rate)
            channel = CHANNELS[n % len(CHANNELS)]
            buyer = n - n % 25 if n % 25 < 2 else n  # 2 in 25: a pair of one buyer
            done = status in ("packed", "shipped")
            rows["orders"].append((
                oid, number, channel, f"hist-{oid}", f"Buyer {buyer}", "13800000000",
                f"Buyer {buyer}", "13800000000", f"{buyer % 997} 南京路", "", "上海", "",
                "200001", "CN", status, f"SF{oid:010d}" if done else None,
                "SF" if done else "", _t(placed + promise), _t(placed), "", 500, 0, 1))
            skus = rng.sample(range(PRODUCTS), rng.choice((1, 1, 2, 3)))
            for sku in skus:
                line_id += 1
                rows["order_lines"].append((
                    line_id, oid, f"SKU-{sku:05d}", f"Product {sku}", 1, 1000,
                    1 if done else 0, "A-01-1"))
            merge = f"M{buyer}" if n % 25 < 2 else ""
            rows["order_intake"].append((
                channel, f"hist-{oid}", number, f"buyer-{buyer:07d}", "[]", "{}", "[]",
                merge, "open", "", 1))
            if done:
                _packed(rng, rows, oid, number, channel, placed, len(skus))
        yield rows


def _packed(rng, rows, oid, number, channel, placed, lines) -> None:
    packer = PACKERS[oid % len(PACKERS)]
    started = placed + timedelta(minutes=rng.randrange(20, 60 * 6))
    packed = started + timedelta(seconds=rng.randrange(40, 400))
    rows["order_transitions"] += [
        (oid, "ready", "packing", packer, _t(started), "", "b1"),
        (oid, "packing", "packed", packer, _t(packed), "", "b1")]
    rows["pack_sessions"].append((oid, number, packer, "b1", _t(started), "completed",
                                  _t(packed), "", 1))
    for k in range(2):
        wrong = rng.random() < 0.02
        rows["scan_events"].append((
            f"{oid}-{k}", oid, EANS[oid % PRODUCTS], "wedge", "EAN13",
            _t(started + timedelta(seconds=15 * (k + 1))), "wrong_item" if wrong else "verified",
            "", number, f"SKU-{oid % PRODUCTS:05d}", 1, packer, "b1", "", "", ""))
    rows["outbox"].append((
        channel, "fulfilment", f"fulfil:{number}", f'{{"order_number": "{number}"}}',
        _t(packed), "sent", 1, "", None, _t(packed + timedelta(seconds=30)), number))
    if rng.random() < 0.03 and placed < _NAIVE_ANCHOR - timedelta(days=10):
        case = oid  # one case at most per order
        requested = placed + timedelta(days=rng.randrange(4, 9))
        still_open = placed > _NAIVE_ANCHOR - timedelta(days=30)
        status = rng.choice(("requested", "approved", "in_transit")) if still_open else \
            rng.choices(("closed", "rejected"), (95, 5))[0]
        escalated = _t(requested + timedelta(days=3)) if still_open and oid % 5 == 0 else None
        rows["return_cases"].append((
            case, f"RMA-{oid}", number, channel, f"hist-{oid}", "", "buyer", _t(requested),
            status, "accept", "", "", "", _t(requested + timedelta(days=14)), escalated,
            1000, "done" if status == "closed" else "none", 1))
        rows["return_lines"].append((case, f"SKU-{oid % PRODUCTS:05d}", "Thing", 1, "damaged",
                                     1000, 0, 1 if status == "closed" else 0))


COLUMNS = {
    "orders": "id, number, channel, channel_order_id, buyer_name, phone, ship_name, ship_phone,"
              " ship_line1, ship_line2, ship_city, ship_region, ship_postcode, ship_country,"
              " status, tracking_number, carrier, ship_by, placed_at, buyer_note, weight_g,"
              " partial, version",
    "order_lines": "id, order_id, sku, name, quantity, unit_price_cents, verified_quantity,"
                   " bin_location",
    "order_transitions": 'order_id, from_status, to_status, "by", at, reason, station',
    "order_intake": "channel, channel_order_id, order_number, buyer_key, lines, reserved,"
                    " review_reasons, merge_group, channel_status, updated_marker, version",
    "pack_sessions": "id, order_number, packer, station, started_at, outcome, ended_at,"
                     " taken_over_by, version",
    "scan_events": "scan_uid, session_id, raw, source, symbology, at, result, message,"
                   " order_number, sku, quantity, packer, station, lot, serial, reason",
    "outbox": "channel, kind, idempotency_key, payload, created_at, status, attempts,"
              " last_error, next_attempt_at, sent_at, subject",
    "return_cases": "id, rma_number, order_number, channel, channel_order_id, assigned_to,"
                    " shipping_paid_by, requested_at, status, policy_verdict, policy_reason,"
                    " override_by, override_reason, deadline_at, escalated_at, refund_cents,"
                    " refund_status, version",
    "return_lines": "case_id, sku, name, quantity, reason, unit_price_cents, opened,"
                    " received_quantity",
}


def _insert(db: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)


def _catalogue(db: sqlite3.Connection, orders: int) -> None:
    from tests.parts.sync_store import SERVER_SKUS  # the Shopify test server's SKUs

    skus = [f"SKU-{i:05d}" for i in range(PRODUCTS)] + list(SERVER_SKUS)
    db.executemany(
        "INSERT INTO products (id, sku, sku_key, name, weight_g, must_scan, category,"
        " bin_location) VALUES (?, ?, ?, ?, 100, 0, 'x', 'A-01-1')",
        [(i + 1, sku, sku.upper(), f"Product {sku}") for i, sku in enumerate(skus)])
    db.executemany(
        "INSERT INTO product_barcodes (product_id, sku, code, code_key, pack_quantity, kind)"
        " VALUES (?, ?, ?, ?, 1, 'gtin')",
        [(i + 1, sku, _ean(i), _ean(i).zfill(14)) for i, sku in enumerate(skus)])
    db.executemany(
        "INSERT INTO stock_items (sku, available, awaiting_shipment, frozen, shipped,"
        " returns_in_transit, version) VALUES (?, 1000000000, 0, 0, 0, 0, 1)",
        [(sku,) for sku in skus])
    db.executemany("INSERT INTO packers (name, pin_hash, role, active) VALUES (?, ?, ?, 1)",
                   [("Ann", hash_pin("1234"), "packer"), ("Sam", hash_pin("9999"), "supervisor")])
    db.execute("INSERT INTO counters (name, next_value) VALUES ('order_number', ?)",
               (FIRST_NUMBER + orders,))
    db.executemany(
        "INSERT INTO alerts (key, kind, subject, message, raised_at, acknowledged_by,"
        " acknowledged_at, cleared_at) VALUES (?, 'late', ?, 'was late', ?, 'Sam', ?, ?)",
        [(f"late:OLD-{k}", f"OLD-{k}", _t(_NAIVE_ANCHOR - timedelta(hours=2 * k + 3)),
          _t(_NAIVE_ANCHOR - timedelta(hours=2 * k + 2)),
          _t(_NAIVE_ANCHOR - timedelta(hours=2 * k + 1)))
         for k in range(4000)])


def build(path: Path, orders: int) -> float:
    """Build the store at `path`; returns the seconds it took."""
    started = time.perf_counter()
    open_store(f"sqlite:///{path}").dispose()  # the schema, by the app's migrations
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")
    db.execute("BEGIN")
    _catalogue(db, orders)
    for rows in _rows(orders):
        for table, batch in rows.items():
            _insert(db, table, batch)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    return time.perf_counter() - started


def year_store(workdir: Path, orders: int | None = None,
               name: str = "year.db") -> tuple[Path, str]:
    """A fresh copy of the cached year store in workdir (built on first use), and a note
    saying how big it is and how long the build took."""
    orders = orders or default_size()
    CACHE.mkdir(exist_ok=True)
    key = "-".join(sorted(schema_heads()))
    cached = CACHE / f"year-{orders}-b{BUILD}-{key}.db"
    note = "cached"
    if not cached.exists():
        partial = cached.with_suffix(".part")
        partial.unlink(missing_ok=True)
        note = f"built in {build(partial, orders):.0f} s"
        partial.rename(cached)
        for leftover in partial.parent.glob(partial.name + ".*"):  # the station registry
            leftover.unlink()
    target = workdir / name
    shutil.copyfile(cached, target)
    _flush(target)
    return target, note


def _flush(path: Path) -> None:
    """The fresh copy written out to the disk before a run measures it, as a station's
    store is. Left in the page cache, the 1.9 GB copy was flushed by the first WAL
    checkpoint's fdatasync inside the timed run: 1.7-3.6 s of a 10,000-order intake at 1M
    (strace -w: 37 fdatasync calls, 2.16 s without this, 0.43 s with it), which is no
    work the store does."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else default_size()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else CACHE / f"probe-{size}.db"
    out.unlink(missing_ok=True)
    print(f"{size} orders in {build(out, size):.1f} s -> {out}")
