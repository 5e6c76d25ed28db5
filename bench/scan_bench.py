"""Scan to verdict at the bench, on a store of 100k orders / 1M lines; and start-up time.

The bench app runs offscreen with its event loop live. Each scan is typed as a scanner
types it (4 ms between keys); the clock runs from the Enter key to the paint event of
the verdict banner that shows the answer. Orders are opened and packed one after the
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
        from PySide6.QtCore import QEvent, QObject

        self.waiting = False
        self.painted_at = None
        clock = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and clock.waiting and clock.verdict:
                    clock.painted_at = time.perf_counter()
                    clock.waiting = False
                return False

        self.verdict = False
        self.filter = Filter()
        banner.installEventFilter(self.filter)
        verdict_signal.connect(lambda *_: setattr(self, "verdict", True))


def _measure_scans(store_path: Path, workdir: Path) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.settings import StationSettings
    from printing.order_documents import LabelToFolder
    from ui.app import build_bench_app

    store = open_store(f"sqlite:///{store_path}")
    uow = uow_factory(store.session_factory, "bench-1")
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="bench-1",
                          language="en", sounds=False), "bench", LabelToFolder(workdir / "labels"))
    window, bench = app.window, app.bench
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    _wait(lambda: window.pages.currentWidget() is bench)
    clock = _PaintClock(bench.banner, bench.verdict_shown)
    samples: list[float] = []

    def scan(text: str) -> None:
        target = bench.scan_field
        for char in text:
            QTest.keyClick(target, char, Qt.KeyboardModifier.NoModifier, 4)
        QTest.qWait(4)
        clock.verdict, clock.waiting, clock.painted_at = False, True, None
        started = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_Return)
        _wait(lambda: clock.painted_at is not None)
        samples.append((clock.painted_at - started) * 1000)

    for index in range(ORDERS_TO_PACK):
        number = f"PD-{50_001 + index * 997:07d}"
        scan(number)
        for line in bench.order.lines:
            scan(ean_for(line.sku))
        _wait(lambda: bench.session_id is None)
    QTest.qWait(500)
    app.shutdown()
    store.dispose()
    return samples


def _wait(condition, timeout_s: float = 20.0) -> None:
    from PySide6.QtTest import QTest

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the bench did not answer in time")
        QTest.qWait(1)


def _startup(store_path: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        env = dict(os.environ, PACKDESK_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
        started = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(store_path)],
                             env=env, capture_output=True, text=True, timeout=120)
        if "interactive" not in out.stdout:
            raise RuntimeError(f"the app did not report interactive: {out.stderr[-2000:]}")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        store_path = big_store(workdir)
        samples = _measure_scans(store_path, workdir)
        startup = _startup(store_path)
    note = f"{len(samples)} scans on 100k orders / 1M lines, SQLite"
    return [
        {"key": "scan_to_verdict_p50_ms", "value": statistics.median(samples), "unit": "ms",
         "target": "", "note": note},
        {"key": "scan_to_verdict_p99_ms", "value": _percentile(samples, 0.99), "unit": "ms",
         "target": "<= 16", "note": note},
        {"key": "scan_to_verdict_max_ms", "value": max(samples), "unit": "ms", "target": "",
         "note": note},
        {"key": "startup_to_interactive_s", "value": startup, "unit": "s", "target": "",
         "note": "process start to login screen idle, median of 3"},
    ]
