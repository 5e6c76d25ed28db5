"""Scans on the year store while the station's background work runs (issue 20).

One process, as a station is: the bench app (offscreen, its event loop live) with the
supervisor's tools attached as main.py attaches them (`attach_supervisor_tools`: the
alerts panel, refreshing on the periodic worker, and the weekly report schedule, writing
the weeks due at start-up on the I/O pool), and a `SyncRunner` pulling a Shopify test
server's orders (a server process on 127.0.0.1, as `ingest` uses) into the same store on
its own threads. While they run, a packer packs the store's ready orders: each code typed
as a scanner types it (4 ms between keys), then the next item after a short reach.

Timed per scan, from its Enter key:
- verdict: until the store's answer reaches the main thread (the `StoreOp`'s answer, not
  the verdict painted in advance);
- wait: from the scan's task being submitted to the store worker until the worker starts
  it (what it queued behind on the worker);
- in the store: the trip itself (which includes any wait for SQLite's writer lock and for
  the interpreter lock held by other threads).

The store's clock runs from the year store's ANCHOR, so its open orders are as young as
the store built them. The alerts panel refreshes every ALERTS_EVERY_MS here instead of a
minute, so that several refreshes fall among the scans.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

from bench.year_store import ANCHOR, _ean  # noqa: E402

SYNC_ORDERS = 10_000
ALERTS_EVERY_MS = 2_000
MIN_ORDERS, MAX_ORDERS = 30, 400  # packed while the background work runs (at least, at most)
REACH_MS = (80, 250)  # the packer picks up the next item
KEY_GAP_MS = 4
# the bench's store work for a scanned code: opening the order, or the item scan
SCAN_WORK = ("PackBench._open_order.", "PackBench._scan_item.")


@dataclass
class StoreTask:
    """One task on the store worker: when it was submitted, started, ended, answered."""

    label: str
    submitted: float
    started: float = 0.0
    ended: float = 0.0
    answered: float = 0.0


@dataclass
class BusyScans:
    verdict_ms: list[float] = field(default_factory=list)
    wait_ms: list[float] = field(default_factory=list)
    trip_ms: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    orders_packed: int = 0
    pulled: int = 0
    sync_s: float = 0.0
    alerts_refreshes: int = 0
    reports: int = 0
    scanning_s: float = 0.0
    worst: list[str] = field(default_factory=list)  # what the slowest scans waited behind
    cpu_s: dict[str, float] = field(default_factory=dict)  # CPU used while scanning, by thread
    longest_write_ms: dict[str, float] = field(default_factory=dict)  # by thread
    top_writes: list[str] = field(default_factory=list)
    intake_steps: list[int] = field(default_factory=list)  # orders in each intake step


def make_packable(path: Path) -> None:
    """What the year store is built without and a bench needs: the open orders' units held
    awaiting shipment (intake reserves them), and the station's carrier, the one the
    store's history shipped with (SF), numbering on from a range of its own."""
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute(
                "UPDATE stock_items SET awaiting_shipment = held.units FROM (SELECT l.sku,"
                " SUM(l.quantity) AS units FROM orders o JOIN order_lines l ON l.order_id = o.id"
                " WHERE o.status IN ('ready', 'needs_review', 'packing', 'on_hold')"
                " GROUP BY l.sku) AS held WHERE held.sku = stock_items.sku")
            db.execute(
                "INSERT INTO carrier_profiles (code, name, service, prefix, digits, suffix,"
                " next_sequence, sender_name, sender_phone, sender_address, version)"
                " VALUES ('SF', 'SF Express', 'Std', 'SFB', 10, '', 1, 'Bench', '1',"
                " '1 Bench Road', 1)")
    finally:
        db.close()


def ready_orders(path: Path, count: int) -> list[tuple[str, list[str]]]:
    """The newest ready orders (the backlog's, then the stuck ones) that open and pack with item scans alone
    (no merge group, no buyer's note): (number, the EAN of each unit)."""
    db = sqlite3.connect(path)
    try:
        rows = db.execute(
            "SELECT o.id, o.number FROM orders o JOIN order_intake i"
            " ON i.order_number = o.number WHERE o.status = 'ready'"
            " AND i.merge_group = '' AND o.buyer_note = '' ORDER BY o.placed_at DESC LIMIT ?",
            (count,)).fetchall()
        picked = []
        for order_id, number in rows:
            lines = db.execute("SELECT sku, quantity FROM order_lines WHERE order_id = ?",
                               (order_id,)).fetchall()
            picked.append((number, [_ean(int(sku.split("-")[1]))
                                    for sku, quantity in lines for _ in range(quantity)]))
        return picked
    finally:
        db.close()


class _StoreWatch:
    """Wraps the TaskManager's store submissions: each task's times, and the label of the
    work (the StoreOp's function) so a slow scan can say what ran before it."""

    def __init__(self, tasks) -> None:
        self.tasks: list[StoreTask] = []
        self.claim: list[StoreTask] | None = None  # the next task submitted is a scan's
        submit = tasks.run_in_store

        def run_in_store(work, on_done=None, on_failed=None):
            task = StoreTask(_label(work), time.perf_counter())
            self.tasks.append(task)
            if self.claim is not None and not self.claim and task.label.startswith(SCAN_WORK):
                self.claim.append(task)

            def timed():
                task.started = time.perf_counter()
                try:
                    return work()
                finally:
                    task.ended = time.perf_counter()

            def answered(handler):
                def handle(value):
                    task.answered = time.perf_counter()
                    if handler is not None:
                        handler(value)
                return handle
            return submit(timed, answered(on_done), answered(on_failed))

        tasks.run_in_store = run_in_store

    def behind(self, scan: StoreTask) -> str:
        """The store tasks that ran while `scan` waited for the worker."""
        before = [t for t in self.tasks if t is not scan and t.started
                  and t.ended > scan.submitted and t.started < scan.started]
        return ", ".join(f"{t.label} {1000 * (t.ended - t.started):.0f} ms" for t in before)


class _WriteWatch:
    """SQLite's one writer lock: each transaction's hold of it (from its first write having
    got the lock to its commit or rollback), by thread, so a slow scan can say whose write
    it waited for."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.holds: list[tuple[str, float, float]] = []
        self._open: dict[int, tuple[str, float, str]] = {}
        self.first: list[str] = []  # each hold's first write, beside `holds`

        def after(conn, _cursor, statement, *_args) -> None:
            if id(conn) not in self._open and statement.lstrip()[:7].upper().startswith(
                    self.WRITES):
                self._open[id(conn)] = (threading.current_thread().name, time.perf_counter(),
                                        " ".join(statement.split())[:70])

        def ended(conn) -> None:
            held = self._open.pop(id(conn), None)
            if held is not None:
                self.holds.append((held[0], held[1], time.perf_counter()))
                self.first.append(held[2])

        event.listen(engine, "after_cursor_execute", after)
        event.listen(engine, "commit", ended)
        event.listen(engine, "rollback", ended)

    def during(self, task: StoreTask) -> str:
        """Other threads' writes that held the lock while `task` ran, longest first."""
        store = "store"
        overlapping = sorted(((end - start, name) for name, start, end in self.holds
                              if not name.startswith(store) and start < task.ended
                              and end > task.started), reverse=True)
        return ", ".join(f"{name} write {1000 * length:.0f} ms"
                         for length, name in overlapping[:3])

    def top(self, count: int = 12) -> list[str]:
        ranked = sorted(zip(self.holds, self.first, strict=True),
                        key=lambda h: h[0][1] - h[0][2])
        return [f"{name} {1000 * (end - start):.0f} ms from {first!r}"
                for (name, start, end), first in ranked[:count]]

    def longest(self) -> dict[str, float]:
        """The longest hold (ms) and the count of holds over 16 ms, per kind of thread."""
        worst: dict[str, float] = {}
        for name, start, end in self.holds:
            kind = name.split("_")[0].rstrip("0123456789-")
            worst[kind] = max(worst.get(kind, 0.0), 1000 * (end - start))
        return worst


def _thread_cpu() -> dict[str, float]:
    """CPU seconds used so far by each live thread, by its kind (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[str, float] = {}
    for thread in threading.enumerate():
        try:
            fields = Path(f"/proc/self/task/{thread.native_id}/stat").read_text() \
                .rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = thread.name.split("_")[0].rstrip("0123456789-")
        used[kind] = used.get(kind, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return used


def _label(work) -> str:
    op = getattr(getattr(work, "__self__", None), "_op", work)
    return getattr(op, "__qualname__", repr(op))


def _count_calls(owner, name: str, counter: list) -> None:
    """Counts finished calls of `owner.name` (a bound method replaced on the instance)."""
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        result = original(*args, **kwargs)
        counter.append(time.perf_counter())
        return result
    setattr(owner, name, counted)


def _type_as_scanner(widget, text: str) -> float:
    """The code and Enter as a USB scanner sends them, KEY_GAP_MS apart, each key stamped
    with the time it was pressed as the window system stamps it: a main thread that is late
    gets the keys late, all at once, and still sees a scanner's burst. Returns the Enter
    key's press time (perf_counter seconds)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest

    first = time.perf_counter() + KEY_GAP_MS / 1000
    keys = [(Qt.Key(ord(char.upper())), char) for char in text] + [(Qt.Key.Key_Return, "\r")]
    for index, (key, char) in enumerate(keys):
        pressed = first + index * KEY_GAP_MS / 1000
        late = pressed - time.perf_counter()
        if late > 0:
            QTest.qWait(max(1, round(late * 1000)))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(int(pressed * 1000))
            QCoreApplication.sendEvent(widget, event)
    return first + (len(keys) - 1) * KEY_GAP_MS / 1000


def run_busy(path: Path, workdir: Path, sync_orders: int = SYNC_ORDERS) -> BusyScans:
    from PySide6.QtTest import QTest

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.services.channel_stock import add_channel
    from app.settings import StationSettings
    from bench.scan_bench import _wait
    from bench.sync_bench import _shop_in_child
    from printing.order_documents import LabelToFolder
    from sync.runner import SyncRunner
    from sync.shopify import ShopifyAdapter, ShopifyCredentials
    from ui import station_parts as parts
    from ui.alerts_panel import AlertsPanel
    from ui.app import build_bench_app

    make_packable(path)
    orders = ready_orders(path, MAX_ORDERS)
    if not orders:  # a small store (10k orders) has a few: they are packed, however few
        raise RuntimeError("the year store has no ready order to pack")
    result, rng = BusyScans(), random.Random(20)
    zero = time.monotonic()
    clock = lambda: ANCHOR + timedelta(seconds=time.monotonic() - zero)  # noqa: E731
    with _shop_in_child(sync_orders, sync_orders * 3 // 4) as server:
        store = open_store(f"sqlite:///{path}")
        uow = uow_factory(store.session_factory, "bench-1", clock=clock)
        writes = _WriteWatch(store.engine)
        add_channel(uow(), "shopify", "shopify", settings={"shop_url": server.url,
                                                           "location_id": server.location_id})
        app = build_bench_app(PackBenchService(uow), StationSettings(
            station_id="bench-1", language="en", sounds=False), "bench",
            LabelToFolder(workdir / "labels"))
        watch = _StoreWatch(app.tasks)
        window, bench = app.window, app.bench
        window.resize(1280, 800)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.on_scan("Ann", "", "badge")
        window.on_scan("1234", "", "badge")
        _wait(lambda: window.pages.currentWidget() is bench)
        _wait(lambda: all(t.answered for t in watch.tasks))  # the warm-up

        refreshes: list[float] = []
        reports: list[list] = []
        pull_done, cycle = threading.Event(), {}

        def on_state(state) -> None:  # from the sync thread
            if state.progress:
                cycle["progress"] = str(state.progress)
            if state.running and "started" not in cycle:
                cycle["started"] = time.perf_counter()
            elif not state.running and "started" in cycle and not pull_done.is_set():
                cycle["ended"], cycle["result"] = time.perf_counter(), str(state.last_result)
                pull_done.set()

        runner = SyncRunner(uow, lambda channel: ShopifyAdapter(
            ShopifyCredentials(server.url, server.token, server.location_id), page_size=250),
            interval_s=3600, on_state=on_state)
        app.sync_runner = runner
        _count_steps(result.intake_steps)
        # As main.py does: the station's shutdown stops its sync. Left running, the pull
        # outlived run_busy and shared the interpreter with the next bench (the 10k store's
        # ingest in year_bench measured 114-151 orders/s beside it, 1,232/s alone).
        app.on_shutdown.append(runner.stop)
        started, cpu_before = time.perf_counter(), _thread_cpu()
        parts.attach_supervisor_tools(app, uow, workdir / "reports")
        panel = window.findChild(AlertsPanel)
        panel.timer.setInterval(ALERTS_EVERY_MS)
        panel.refreshed.connect(lambda: refreshes.append(time.perf_counter()))
        schedule = app.keep[-1]
        schedule.written.connect(reports.append)
        app.start_sync()

        def scan(text: str, kind: str) -> None:
            watch.claim = []
            entered = _type_as_scanner(bench.scan_field, text)
            _wait(lambda: bool(watch.claim) and watch.claim[0].answered > 0)
            task = watch.claim[0]
            watch.claim = None
            result.verdict_ms.append(1000 * (task.answered - entered))
            result.wait_ms.append(1000 * (task.started - task.submitted))
            result.trip_ms.append(1000 * (task.ended - task.started))
            result.kinds.append(kind)
            if result.verdict_ms[-1] > 16 or result.wait_ms[-1] > 5:
                result.worst.append(
                    f"{kind} {result.verdict_ms[-1]:.0f} ms (waited "
                    f"{result.wait_ms[-1]:.0f}, store {result.trip_ms[-1]:.0f}) at "
                    f"{task.submitted - started:.1f} s; behind: {watch.behind(task) or '-'}; "
                    f"writes meanwhile: {writes.during(task) or '-'}")
            QTest.qWait(rng.randint(*REACH_MS))

        def busy() -> bool:
            return not (pull_done.is_set() and reports and len(refreshes) >= 3)

        try:
            for number, codes in orders:
                if result.orders_packed >= MIN_ORDERS and not busy():
                    break
                scan(number, "order")
                if bench.order is None:
                    raise RuntimeError(f"order {number} did not open: {bench.banner.text()!r}")
                for code in codes:
                    scan(code, "item")
                try:
                    _wait(lambda: bench.session_id is None)
                except TimeoutError:
                    raise RuntimeError(
                        f"order {number} did not complete after {len(codes)} item scans "
                        f"({result.orders_packed} packed before it): the bench shows "
                        f"{bench.banner.text()!r}, its flow is {bench.flow.state}") from None
                result.orders_packed += 1
            result.scanning_s = time.perf_counter() - started
            result.cpu_s = {kind: used - cpu_before.get(kind, 0.0)
                            for kind, used in _thread_cpu().items()}
            result.longest_write_ms = writes.longest()
            result.top_writes = writes.top()
            if busy():
                print(f"busy_scans: the background work outlasted {len(orders)} orders "
                      f"(pull done {pull_done.is_set()}, the sync at "
                      f"{cycle.get('progress', '-')!r}, reports {bool(reports)}, "
                      f"refreshes {len(refreshes)})", file=sys.stderr)
            if pull_done.is_set():
                result.sync_s = cycle["ended"] - cycle["started"]
                result.pulled = _pulled(cycle["result"])
            result.alerts_refreshes = len(refreshes)
            result.reports = sum(len(r) for r in reports)
        finally:
            QTest.qWait(300)
            app.shutdown()
            store.dispose()
    return result


def _count_steps(sizes: list[int]) -> None:
    """Each intake step's size (sync/channel_sync.py stores a pull in steps): a step that
    shrank to one order says the intake crawled."""
    from sync import channel_sync

    take_in = channel_sync.take_in_with_retries

    def counted(items, *args, **kwargs):
        sizes.append(len(items))
        return take_in(items, *args, **kwargs)
    channel_sync.take_in_with_retries = counted


def _pulled(last_result: str) -> int:
    import re

    match = re.match(r"(\d+) orders in", last_result)  # ChannelSync.run's result
    return int(match.group(1)) if match else 0


def summary(result: BusyScans) -> str:
    import statistics

    from bench.scan_bench import _percentile

    return (f"{len(result.verdict_ms)} scans ({result.orders_packed} orders) in "
            f"{result.scanning_s:.0f} s: verdict p50 {_percentile(result.verdict_ms, 0.5):.1f}"
            f" p99 {_percentile(result.verdict_ms, 0.99):.1f} max {max(result.verdict_ms):.1f}"
            f" ms; wait max {max(result.wait_ms):.1f} ms; store trip p99 "
            f"{_percentile(result.trip_ms, 0.99):.1f} ms; while {result.pulled} orders were "
            f"pulled in {result.sync_s:.1f} s, {result.alerts_refreshes} alerts refreshes, "
            f"{result.reports} weekly reports; {len(result.intake_steps)} intake steps of "
            f"{statistics.median(result.intake_steps or [0]):.0f} orders (median, "
            f"{sum(result.intake_steps)} orders stored); CPU s by thread: "
            + ", ".join(f"{k} {v:.1f}" for k, v in sorted(result.cpu_s.items()))
            + "; longest write (ms) by thread: "
            + ", ".join(f"{k} {v:.0f}" for k, v in sorted(result.longest_write_ms.items())))


if __name__ == "__main__":
    import tempfile

    from bench.year_store import default_size, year_store

    size = int(sys.argv[1]) if len(sys.argv) > 1 else default_size()
    with tempfile.TemporaryDirectory() as tmp:
        store_path, _note = year_store(Path(tmp), size)
        busy = run_busy(store_path, Path(tmp), int(sys.argv[2]) if len(sys.argv) > 2
                        else SYNC_ORDERS)
    print(summary(busy))
    for line in busy.top_writes:
        print(" write:", line)
    for line in busy.worst:
        print(" ", line)
