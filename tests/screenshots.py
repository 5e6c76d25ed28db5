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
    numbers = _orders_for_one_parcel(uow)
    window.on_scan(numbers[0], "", "wedge")
    shot("6-merge-offer")
    window.on_scan("PD:MERGE", "", "wedge")
    settle()
    with uow() as u:
        skus = [line.sku for number in numbers for line in u.orders.get(number).lines]
        codes = {sku: u.products.get(sku).barcodes[0].code for sku in skus}
    for sku in (skus[0], skus[-1]):
        window.on_scan(codes[sku], "ean13", "wedge")
        settle(150)
    shot("7-merged-parcel")
    app.shutdown()
    return 0


def _orders_for_one_parcel(uow) -> list[str]:
    """Three orders for one buyer and address, from two channels, taken in by intake."""
    from datetime import timedelta

    from app.domain.orders import Address
    from app.services.channel_stock import add_channel
    from app.services.intake import IncomingLine, IncomingOrder, take_in

    with uow() as u:
        products = [(p.sku, p.name) for p in (u.products.get(sku) for sku in (
            "TEA-001", "CUP-002", "POT-003"))]
        now = u.now()
    add_channel(uow(), "taobao-main", "taobao")
    add_channel(uow(), "shopify-eu", "shopify")
    door = Address("王芳", "138 0571 2233", "文三路 8 号", "1201 室", "杭州市", "浙江省",
                   "310012", "CN")
    plan = [("taobao-main", "T-88001", 6, [(products[0], 2)]),
            ("shopify-eu", "#5120", 3, [(products[0], 1), (products[1], 1)]),
            ("taobao-main", "T-88017", 1, [(products[-1], 1)])]
    results = take_in([IncomingOrder(
        channel, order_id, "open", "王芳", door.phone, door,
        tuple(IncomingLine(f"{order_id}-{k}", sku, name, qty)
              for k, ((sku, name), qty) in enumerate(lines)), placed_at=now - timedelta(hours=hours))
        for channel, order_id, hours, lines in plan], uow())
    return [result.order_number for result in results]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots",
                  sys.argv[2] if len(sys.argv) > 2 else "en"))
