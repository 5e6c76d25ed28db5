"""Scan to verdict at the bench, on a store of 100k orders / 1M lines; and start-up time.

The bench app runs offscreen with its event loop live. Each scan is typed as a scanner
types it (bench/scanner_keys.py: 4 ms between keys, stamped by the scanner's clock and
queued for the main thread as the window system does); the clock runs from the Enter key
to the paint event of the verdict banner that shows the answer. Orders are opened and packed one after the
other, so labels render in the background while the next scans come in, as on a bench.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

from bench.big_store import big_store, ean_for  # noqa: E402

ORDERS_TO_PACK = 40
ROOT = Path(__file__).resolve().parents[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


class _PaintClock:
    """Notes when the banner paints after a verdict arrived."""

    def __init__(self, banner, verdict_signal) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject

        self.waiting = False
        self.painted_at = None
        self.loop = QEventLoop()
        clock = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and clock.waiting and clock.verdict:
                    clock.painted_at = time.perf_counter()
                    clock.waiting = False
                    clock.loop.quit()
                return False

        self.verdict = False
        self.filter = Filter()
        banner.installEventFilter(self.filter)
        verdict_signal.connect(lambda *_: setattr(self, "verdict", True))


def order_number(index: int, store_orders: int = 100_000) -> str:
    """The index-th order the bench packs, spread over the store (orders PD-0000001...)."""
    return f"PD-{1 + (50_000 + index * 997) % store_orders:07d}"


def _measure_scans(store_path: Path, workdir: Path, setup=None, first: int = 0,
                   count: int = ORDERS_TO_PACK, store_orders: int = 100_000) -> list[float]:
    """`setup(app)` adds parts to the bench before the packer logs in (the pack video);
    orders `first` to `first + count` are packed."""
    from PySide6.QtTest import QTest

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.settings import StationSettings
    from bench.scanner_keys import Scanner
    from printing.order_documents import LabelToFolder
    from ui.app import build_bench_app

    store = open_store(f"sqlite:///{store_path}")
    uow = uow_factory(store.session_factory, "bench-1")
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="bench-1",
                          language="en", sounds=False), "bench", LabelToFolder(workdir / "labels"))
    window, bench = app.window, app.bench
    if setup is not None:
        setup(app, uow)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    _wait(lambda: window.pages.currentWidget() is bench)
    clock = _PaintClock(bench.banner, bench.verdict_shown)
    scanner = Scanner(bench.scan_field)
    samples: list[float] = []
    kinds: list[str] = []

    def scan(text: str, kind: str) -> None:
        scanner.type(text)
        clock.verdict, clock.waiting, clock.painted_at = False, True, None
        started = time.perf_counter()
        scanner.enter()
        if clock.painted_at is None:  # sleep in Qt's loop until the banner paints
            clock.loop.exec()
        samples.append((clock.painted_at - started) * 1000)
        kinds.append(kind)

    for index in range(first, first + count):
        number = order_number(index, store_orders)
        scan(number, "order")
        if bench.order is None:  # the scan was refused: say what the bench said
            raise RuntimeError(f"order {number} did not open: {bench.banner.text()!r}")
        for line in bench.order.lines:
            scan(ean_for(line.sku), "item")
        try:
            _wait(lambda: bench.session_id is None)
        except TimeoutError:
            print("stuck:", bench.order, len(bench._queue), bench._busy, bench.flow.state,
                  bench.banner.text(), file=sys.stderr)
            raise
    QTest.qWait(500)
    app.shutdown()
    store.dispose()
    return list(zip(kinds, samples, strict=True))


def _wait(condition, timeout_s: float = 20.0) -> None:
    """Let Qt's own event loop run until condition() holds.

    The loop sleeps in C++ between events, as the real app does; a Python polling loop
    would hold the GIL and slow the store worker it is waiting for.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(0)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the bench did not answer in time: {condition.__code__.co_consts}")
        poll.start(20)
        loop.exec()
        poll.stop()


def _startup(store_path: Path, runs: int = 5) -> float:
    """Seconds from the process's start to the station's first paint (main.py prints
    "interactive" then), median of `runs`; the process's exit is not counted.

    The station starts as installed, with its bytecode: a start that compiles every
    module from source (PYTHONDONTWRITEBYTECODE in the environment) is not one a station
    makes. The bytecode goes to bench/.cache/pycache, written by one start not counted."""
    env = dict(os.environ, PACKDESK_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(ROOT / "bench" / ".cache" / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for run in range(runs + 1):
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db",
                                  str(store_path)], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        seen = None
        for line in child.stdout:
            if line.strip() == "interactive":
                seen = time.perf_counter() - started
                break
        try:
            _out, err = child.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            child.kill()
            _out, err = child.communicate()
        if seen is None:
            raise RuntimeError(f"the app did not report interactive: {err[-2000:]}")
        if run:  # the first wrote the bytecode
            times.append(seen)
    return statistics.median(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        store_path = big_store(workdir)
        tagged = _measure_scans(store_path, workdir)
        startup = _startup(store_path)
    samples = [ms for _kind, ms in tagged]
    items = [ms for kind, ms in tagged if kind == "item"]
    orders = [ms for kind, ms in tagged if kind == "order"]
    note = f"{len(samples)} scans on 100k orders / 1M lines, SQLite"
    return [
        {"key": "scan_to_verdict_p50_ms", "value": statistics.median(samples), "unit": "ms",
         "target": "", "note": note},
        {"key": "scan_to_verdict_p99_ms", "value": _percentile(samples, 0.99), "unit": "ms",
         "target": "<= 16", "note": note},
        {"key": "scan_to_verdict_max_ms", "value": max(samples), "unit": "ms", "target": "",
         "note": note},
        {"key": "item_scan_to_verdict_p99_ms", "value": _percentile(items, 0.99), "unit": "ms",
         "target": "", "note": f"{len(items)} item scans"},
        {"key": "order_scan_to_verdict_p50_ms", "value": statistics.median(orders), "unit": "ms",
         "target": "", "note": f"{len(orders)} order scans (opens the order)"},
        {"key": "order_scan_to_verdict_p99_ms", "value": _percentile(orders, 0.99), "unit": "ms",
         "target": "", "note": f"{len(orders)} order scans (opens the order)"},
        {"key": "startup_to_interactive_s", "value": startup, "unit": "s", "target": "",
         "note": "process start to the station's first paint (log-in screen), median of 5 after a start that wrote the bytecode; "
                 "exit not counted"},
    ]
