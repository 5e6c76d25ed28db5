"""The bench app packing orders by itself, for the crash test to kill at random moments.

Run as: python -m tests.e2e.crash_child STORE_URL LABEL_DIR [KILL_AT_COMMIT]. It logs in as
Ann and packs every open order it finds, scan by scan, through the same path scanner input
takes (MainWindow.on_scan), until it is killed. With KILL_AT_COMMIT = N it kills itself
(SIGKILL) as its N-th transaction is about to commit: the store is left exactly as the
N-1 transactions before it left it, the moment between two transactions that a kill at a
random time almost never hits.
"""

from __future__ import annotations

import os
import signal
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;*.warning=false")

from pathlib import Path  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from sqlalchemy import event  # noqa: E402

from app.adapters.store import open_store  # noqa: E402
from app.adapters.unit_of_work import uow_factory  # noqa: E402
from app.domain.orders import OrderStatus  # noqa: E402
from app.services.bench import PackBenchService  # noqa: E402
from app.settings import StationSettings  # noqa: E402
from printing.order_documents import LabelToFolder  # noqa: E402
from ui.app import build_bench_app  # noqa: E402


def next_order(uow, refused: set[str]) -> str | None:
    from sqlalchemy import select

    from app.adapters import orm

    with uow() as u:
        c = orm.orders.c
        rows = u.session.execute(select(c.number).where(
            c.status.in_([OrderStatus.READY.value, OrderStatus.PACKING.value])).order_by(c.id))
        return next((n for (n,) in rows if n not in refused), None)


def kill_at_commit(engine, n: int) -> None:
    """SIGKILL this process when its n-th transaction is about to commit."""
    commits = 0

    def before_commit(_conn) -> None:
        nonlocal commits
        commits += 1
        if commits >= n:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(engine, "commit", before_commit)


def main(url: str, label_dir: str, kill_at: int = 0) -> int:
    store = open_store(url)
    if kill_at:
        kill_at_commit(store.engine, kill_at)
    uow = uow_factory(store.session_factory, station="crash-bench")
    bench_app = build_bench_app(PackBenchService(uow), StationSettings(station_id="crash-bench",
                                language="en", sounds=False), url, LabelToFolder(Path(label_dir)))
    window, bench = bench_app.window, bench_app.bench
    refused: set[str] = set()

    def step(*_args) -> None:
        if window.pages.currentWidget() is not bench:
            return
        if bench.session_id is None:
            if bench.order is not None and bench.banner.property("result") == "problem":
                refused.add(bench.order.number)
            number = next_order(uow, refused)
            if number is None:
                print("all packed", flush=True)
                bench_app.qt_app.quit()
                return
            QTimer.singleShot(1, lambda: window.on_scan(number, "", "crash-test"))
            return
        line = next((ln for ln in bench.order.lines if ln.verified < ln.quantity), None)
        if line is not None:
            QTimer.singleShot(1, lambda: window.on_scan(line.sku, "", "crash-test"))

    bench.verdict_shown.connect(step)
    window.login.logged_in.connect(lambda _p: (print("packing", flush=True), step()))
    window.show()
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    return bench_app.qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
