"""Order board and weekly report on a 200k-order store.

board_200k_first_paint_ms: a new board widget, first page read and the table painted.
board_200k_filter_ms: a filter change until the new first page is painted (the slowest
filter's median). weekly_report_s: the PDF for the week with the most history.
The store is built once with Core inserts (as bench/big_store.py does) and cached.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from app.adapters import orm
from app.adapters.store import open_store, schema_heads
from app.services.board import BoardFilter

CACHE = Path(__file__).with_name(".cache")
ORDERS = 200_000
ANCHOR = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # the board's "now"; W47 just ended
DAYS = 60
CHANNELS = ("shopify", "taobao", "woocommerce", "douyin", "csv")
PACKERS = ("Ann", "Li Wei", "Bo", "Chen", "Dee")
BATCH = 10_000


def _order_rows(rng: random.Random, n: int) -> dict:
    """One order and the history it implies, as plain rows."""
    placed = ANCHOR - timedelta(seconds=rng.randrange(DAYS * 86400))
    age = ANCHOR - placed
    if age > timedelta(days=2):
        status = rng.choices(("packed", "shipped", "cancelled", "on_hold"), (60, 36, 3, 1))[0]
    else:
        status = rng.choices(("ready", "needs_review", "packing", "packed", "on_hold"),
                             (55, 10, 5, 28, 2))[0]
    return {"id": n, "number": f"PD-{n:07d}", "channel": CHANNELS[n % len(CHANNELS)],
            "channel_order_id": f"C{n}", "buyer_name": f"Buyer {rng.randrange(5000)} 王",
            "phone": "1", "ship_name": "x", "ship_phone": "", "ship_line1": "", "ship_line2": "",
            "ship_city": "", "ship_region": "", "ship_postcode": "", "ship_country": "CN",
            "status": status, "carrier": "",
            "tracking_number": f"SF{n:010d}" if status in ("packed", "shipped") else None,
            "ship_by": placed + timedelta(hours=rng.choice((24, 48))), "placed_at": placed,
            "buyer_note": "", "weight_g": 500, "partial": False, "version": 1}


def _history(rng: random.Random, order: dict, rows: dict[str, list]) -> None:
    n, placed = order["id"], order["placed_at"]
    rows["order_lines"] += [{"order_id": n, "sku": f"SKU-{rng.randrange(2000):05d}",
                             "name": "Thing", "quantity": 1, "unit_price_cents": 100,
                             "verified_quantity": 0, "bin_location": ""}
                            for _ in range(rng.choice((1, 1, 2)))]
    if n % 50 == 0:
        rows["order_intake"].append({
            "channel": order["channel"], "channel_order_id": order["channel_order_id"],
            "order_number": order["number"], "buyer_key": str(n // 100), "lines": [],
            "reserved": {}, "review_reasons": [], "merge_group": f"M{n // 100}",
            "channel_status": "open", "updated_marker": "", "version": 1})
    if order["status"] not in ("packed", "shipped"):
        return
    packer = PACKERS[n % len(PACKERS)]
    started = placed + timedelta(minutes=rng.randrange(60, 60 * 40))
    packed = started + timedelta(seconds=rng.randrange(60, 600))
    rows["order_transitions"] += [
        {"order_id": n, "from_status": "ready", "to_status": "packing", "by": packer,
         "at": started, "reason": "", "station": "b1"},
        {"order_id": n, "from_status": "packing", "to_status": "packed", "by": packer,
         "at": packed, "reason": "", "station": "b1"}]
    rows["pack_sessions"].append({"id": n, "order_number": order["number"], "packer": packer,
                                  "station": "b1", "started_at": started, "outcome": "completed",
                                  "ended_at": packed})
    for k in range(2):
        rows["scan_events"].append({
            "scan_uid": f"{n}-{k}", "session_id": n, "raw": "690", "source": "wedge",
            "symbology": "", "at": started + timedelta(seconds=20 * (k + 1)),
            "result": "wrong_item" if rng.random() < 0.02 else "verified", "message": "",
            "order_number": order["number"], "sku": "", "quantity": 1, "packer": packer,
            "station": "b1", "lot": "", "serial": "", "reason": ""})
    if rng.random() < 0.04:
        rows["stock_moves"].append({
            "sku": "SKU-00001", "from_bucket": "customer", "to_bucket": "returns_in_transit",
            "quantity": 1, "reason": "return", "at": packed + timedelta(days=3), "by": "",
            "station": "", "order_number": order["number"]})


def build(path: Path) -> None:
    store = open_store(f"sqlite:///{path}")
    rng = random.Random(2026)
    for start in range(1, ORDERS + 1, BATCH):
        rows: dict[str, list] = {name: [] for name in (
            "orders", "order_lines", "order_transitions", "pack_sessions", "scan_events",
            "order_intake", "stock_moves")}
        for n in range(start, min(start + BATCH, ORDERS + 1)):
            order = _order_rows(rng, n)
            rows["orders"].append(order)
            _history(rng, order, rows)
        with store.engine.begin() as db:
            for name, batch in rows.items():
                if batch:
                    db.execute(insert(getattr(orm, name)), batch)
    store.dispose()


def board_store(workdir: Path) -> Path:
    CACHE.mkdir(exist_ok=True)
    key = "-".join(sorted(schema_heads()))
    cached = CACHE / f"board-{ORDERS}-{key}.db"
    if not cached.exists():
        partial = cached.with_suffix(".part")
        partial.unlink(missing_ok=True)
        build(partial)
        partial.rename(cached)
    target = workdir / "board.db"
    shutil.copyfile(cached, target)
    return target


FILTERS = (
    ("channel", BoardFilter(channel="douyin")),
    ("needs review", BoardFilter(needs_review=True)),
    ("status + channel", BoardFilter(channel="taobao", status="ready")),
    ("on hold", BoardFilter(on_hold=True)),
    ("older than 3 days", BoardFilter(older_than=timedelta(days=3))),
    ("merge candidates", BoardFilter(merge_candidates=True)),
    ("search number", BoardFilter(search="PD-01234")),
    ("search buyer", BoardFilter(search="Buyer 4711")),
    ("search sku", BoardFilter(search="SKU-01999")),
    ("search tracking", BoardFilter(search="SF00001999")),
)


def _qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _board(uow):
    from app.services.board import board_channels, order_history, read_board_page
    from ui.order_board import OrderBoard

    board = OrderBoard(lambda f, after: read_board_page(uow(), f, after),
                       lambda number: order_history(uow(), number),
                       lambda: board_channels(uow()))
    board.resize(1280, 800)
    board.show()
    board.table.viewport().grab()  # the first screen, painted
    return board


def _first_paint(uow, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        board = _board(uow)
        times.append((time.perf_counter() - started) * 1000)
        if board.model.rowCount() != 200:
            raise RuntimeError(f"the first page held {board.model.rowCount()} rows, not 200")
        board.close()
        board.deleteLater()
    return statistics.median(times), times[0]


def _filters(uow, runs: int = 5) -> dict[str, float]:
    board = _board(uow)
    medians = {}
    for name, board_filter in FILTERS:
        times = []
        for _ in range(runs):
            board.model.set_filter(BoardFilter())
            started = time.perf_counter()
            board.model.set_filter(board_filter)
            board.table.viewport().grab()
            times.append((time.perf_counter() - started) * 1000)
        medians[name] = statistics.median(times)
    board.close()
    return medians


def _weekly_report(uow, workdir: Path) -> float:
    from printing.weekly_report import make_weekly_report

    started = time.perf_counter()
    make_weekly_report(uow, "2026-W47", workdir / "report.pdf")
    return time.perf_counter() - started


def run() -> list[dict]:
    from app.adapters.unit_of_work import uow_factory

    app = _qt_app()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        path = board_store(workdir)
        store = open_store(f"sqlite:///{path}")
        uow = uow_factory(store.session_factory, "bench", clock=lambda: ANCHOR)
        paint, cold = _first_paint(uow)
        filters = _filters(uow)
        report = _weekly_report(uow, workdir)
        store.dispose()
    app.processEvents()
    slowest = max(filters, key=filters.get)
    note = f"{ORDERS // 1000}k orders, SQLite, offscreen Qt"
    return [
        {"key": "board_200k_first_paint_ms", "value": paint, "unit": "ms", "target": "<= 300",
         "note": f"{note}; median of 5, first (cold) {cold:.0f} ms"},
        {"key": "board_200k_filter_ms", "value": filters[slowest], "unit": "ms",
         "target": "<= 100",
         "note": f"slowest of {len(filters)} filters ({slowest}), median of 5; all: "
                 + ", ".join(f"{k} {v:.0f}" for k, v in filters.items())},
        {"key": "weekly_report_s", "value": report, "unit": "s", "target": "",
         "note": f"{note}; week 2026-W47 with ~23k packed orders"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
