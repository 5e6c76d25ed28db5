"""Screenshots of the bench as a packer sees it: `make screenshots` (runs under Xvfb).

Login, an order mid-pack, a wrong item, a completed order, and a cancelled order, on a
fresh demo store, driven by the same scan path a scanner uses.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")


def main(out_dir: str, language: str = "en") -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.services.demo import build_demo
    from app.settings import StationSettings
    from printing.order_documents import LabelToFolder
    from ui.app import build_bench_app

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{tmp / 'shots.db'}")
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=7, orders=40, image_dir=tmp / "images")
    app = build_bench_app(PackBenchService(uow), StationSettings(
        station_id="bench-1", language=language, sounds=False), "demo store",
        LabelToFolder(tmp / "labels"))
    window, bench = app.window, app.bench
    window.resize(1280, 800)
    window.show()

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{language}-{name}.png"))
        print(out / f"{language}-{name}.png")

    settle(800)
    window.login.name.setText("Ann")
    shot("1-login")
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    settle()
    window.on_scan("PD-100005", "", "wedge")
    settle()
    with uow() as u:
        codes = {line.sku: u.products.get(line.sku).barcodes[0].code
                 for line in u.orders.get("PD-100005").lines}
    first = next(iter(codes.values()))
    window.on_scan(first, "ean13", "wedge")
    shot("2-mid-pack")
    window.on_scan("POT-003", "", "wedge")
    shot("3-wrong-item")
    window.on_scan("PD:UNDO", "", "wedge")
    settle()
    for sku, code in codes.items():
        line = next(ln for ln in bench.order.lines if ln.sku == sku)
        for _ in range(line.quantity - line.verified):
            window.on_scan(code, "ean13", "wedge")
            settle(150)
    settle(1500)
    shot("4-complete")
    window.on_scan("PD-100018", "", "wedge")
    shot("5-cancelled")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots",
                  sys.argv[2] if len(sys.argv) > 2 else "en"))
