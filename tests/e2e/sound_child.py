"""The bench packing demo orders with sounds on, for the sound-server test to watch.

Run as: python -m tests.e2e.sound_child STORE_URL LABEL_DIR ORDERS. It logs in as Ann by
typing, then packs ORDERS orders with scanner-speed key events through the keyboard wedge:
each order gets a wrong item and, where it has a second line, an over-scan, so the bench's
sounds overlap as they do at a fast packer's bench. It prints "alive" four times a second
from the main thread (the parent's watchdog on the event loop) and "packed N" per label.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402

from app.adapters.store import open_store  # noqa: E402
from app.adapters.unit_of_work import uow_factory  # noqa: E402
from app.services.bench import PackBenchService  # noqa: E402
from app.settings import StationSettings  # noqa: E402
from printing.order_documents import LabelToFolder  # noqa: E402
from tests.e2e.crash_child import next_order  # noqa: E402
from tests.e2e.driver import scan, type_keys  # noqa: E402
from ui.app import build_bench_app  # noqa: E402


def barcodes(uow) -> dict[str, str]:
    """One barcode of each product that is scanned one unit at a time."""
    from sqlalchemy import select

    from app.adapters import orm

    c = orm.product_barcodes.c
    with uow() as u:
        rows = u.session.execute(select(c.sku, c.code).where(c.pack_quantity == 1)
                                 .order_by(c.code))
        return dict(reversed(rows.all()))


class Packer:
    """Decides the next scan from what the bench shows, as a packer reading the screen."""

    def __init__(self, bench_app, uow, orders: int) -> None:
        self.app, self.uow, self.wanted = bench_app, uow, orders
        self.codes = barcodes(uow)
        self.packed = 0
        self.refused: set[str] = set()
        self.wrong_done: set[str] = set()
        self.over_done: set[str] = set()
        bench_app.bench.verdict_shown.connect(self._on_bench_verdict_shown)
        bench_app.bench.label_done.connect(self._on_bench_label_done)

    def _on_bench_label_done(self, _where: str) -> None:
        self.packed += 1
        print(f"packed {self.packed}", flush=True)
        if self.packed >= self.wanted:
            QTimer.singleShot(500, self.app.qt_app.quit)  # let the last tune play out

    def _on_bench_verdict_shown(self, result: str, message: str) -> None:
        code = self.next_scan(result)
        bench = self.app.bench
        print(f"verdict {result} order={bench.order.number if bench.order else None} "
              f"session={bench.session_id} next={code} | {message[:80]}", flush=True)
        if code is not None:
            QTimer.singleShot(1, lambda: scan(self.app.window, code))

    def next_scan(self, result: str) -> str | None:
        bench = self.app.bench
        if self.packed >= self.wanted:
            return None
        if bench.session_id is None or bench.order is None:
            if result not in ("complete", "ready", "cancelled", "problem"):
                return None
            if result in ("problem", "cancelled") and bench.order is not None:
                self.refused.add(bench.order.number)
            return next_order(self.uow, self.refused)
        return self._item_scan(bench)

    def _item_scan(self, bench) -> str | None:
        order = bench.order
        skus = {line.sku for line in order.lines}
        if order.number not in self.wrong_done:
            self.wrong_done.add(order.number)
            return next(code for sku, code in self.codes.items() if sku not in skus)
        done = [ln for ln in order.lines if ln.verified >= ln.quantity]
        open_lines = [ln for ln in order.lines if ln.verified < ln.quantity]
        if done and open_lines and order.number not in self.over_done:
            self.over_done.add(order.number)
            return self.codes[done[0].sku]
        if open_lines:
            return self.codes[open_lines[0].sku]
        if bench._merge_offer:
            return "PD:COMPLETE"
        return None


def main(url: str, label_dir: str, orders: str) -> int:
    store = open_store(url)
    uow = uow_factory(store.session_factory, station="sound-bench")
    settings = StationSettings(station_id="sound-bench", language="en", sounds=True)
    bench_app = build_bench_app(PackBenchService(uow), settings, url,
                                LabelToFolder(Path(label_dir)))
    print(f"sound device: {bench_app.bench.sounds.has_device}", flush=True)
    packer = Packer(bench_app, uow, int(orders))
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: print("alive", flush=True))
    heartbeat.start(250)
    window = bench_app.window
    window.show()

    def log_in() -> None:
        if not bench_app.login.name.hasFocus():  # the window is not up yet: as a person waits
            window.activateWindow()
            QTimer.singleShot(100, log_in)
            return
        type_keys(window, "Ann")
        type_keys(window, "1234")

    def start(_packer) -> None:
        print("logged in", flush=True)
        QTimer.singleShot(1, lambda: scan(window, next_order(uow, packer.refused)))

    window.login.logged_in.connect(start)
    QTimer.singleShot(200, log_in)
    code = bench_app.qt_app.exec()
    bench_app.shutdown()
    print(f"done {packer.packed}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
