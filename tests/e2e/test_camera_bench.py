"""A bench with no scanner: the webcam reads a packing slip and product labels.

The "camera" is an image sequence: frames of a desk with labels made by printing/
(a packing slip's order barcode, then each product label) coming into view and leaving
it. The scans flow through the same path as a keyboard scanner's, and the order packs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from sqlalchemy import select

from app.adapters import orm
from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.documents import Address as PrintAddress
from printing.documents import PackingSlipData, PackingSlipLine, ProductLabel
from printing.order_documents import LabelToFolder
from printing.sheets import render_packing_slip, render_product_labels
from scanners.camera import CameraScanner
from scanners.testcard import scene, write_sequence
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore("QObject::killTimer", "QObject::startTimer")


def _raster(pdf: Path, dpi: int) -> list[np.ndarray]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    return [cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)
            for p in sorted(pdf.parent.glob(f"{pdf.stem}*.png"))]


def _order_barcode_crop(slip_page: np.ndarray, number: str) -> np.ndarray:
    """The part of the printed slip a packer holds under the camera: its order barcode."""
    found = [r for r in zxingcpp.read_barcodes(slip_page) if r.text == number]
    assert found, "the packing slip's order barcode must decode"
    p = found[0].position
    xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
    ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
    return slip_page[max(0, min(ys) - 40): max(ys) + 40, max(0, min(xs) - 40): max(xs) + 40]


def _frames(codes: list[np.ndarray]) -> list[np.ndarray]:
    frames = [scene(seed=0) for _ in range(3)]
    for index, code in enumerate(codes):
        frames += [scene(code=code, at=(200 + index * 10, 150), seed=index + 1) for _ in range(6)]
        frames += [scene(seed=100 + index) for _ in range(6)]  # the label leaves the view
    return frames


@pytest.fixture
def camera_frames(demo_store, uow, tmp_path):
    with uow() as u:
        tea, cup = u.products.get("TEA-001"), u.products.get("CUP-002")
        order = Order("PD-900002", "woocommerce", "7002", "José Muñoz", "+34 954 12 34 56",
                      Address("José Muñoz", "+34 954 12 34 56", "Calle San Fernando 4",
                              city="Sevilla", postcode="41004", country="ES"),
                      [OrderLine(tea.sku, tea.name, 2), OrderLine(cup.sku, cup.name, 1)])
        u.orders.add(order)
        for line in order.lines:
            u.stock.get(line.sku).reserve(line.quantity, order.number, u.now())
        u.commit()
        labels = [ProductLabel(p.sku, p.name, p.barcodes[0].code, "ean13") for p in (tea, cup)]
    slip = tmp_path / "slip.pdf"
    render_packing_slip(PackingSlipData(
        "PD-900002", "woocommerce", "7002", "José Muñoz",
        PrintAddress("José Muñoz", "+34 954 12 34 56", "Calle San Fernando 4", "", "Sevilla", "",
                     "41004", "ES"), [PackingSlipLine("TEA-001", "Oolong tea", 2, "A-01-1"),
                                      PackingSlipLine("CUP-002", "Celadon cup", 1, "B-02-2")]),
        str(slip))
    product_pdf = tmp_path / "products.pdf"
    render_product_labels(labels, str(product_pdf))
    slip_crop = _order_barcode_crop(_raster(slip, 150)[0], "PD-900002")
    tea_label, cup_label = _raster(product_pdf, 203)
    codes = [slip_crop, tea_label, tea_label, cup_label]
    return write_sequence(tmp_path / "frames", _frames(codes))


def test_the_webcam_alone_packs_an_order(qtbot, demo_store, uow, camera_frames, tmp_path):
    bench_app = build_bench_app(PackBenchService(uow), StationSettings(
        station_id="cam-bench", language="en", sounds=False), "test", LabelToFolder(tmp_path))
    window, bench = bench_app.window, bench_app.bench
    qtbot.addWidget(window)
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=5000)
    camera = CameraScanner(camera_frames, hold_off_s=1.5, frame_interval_ms=40, preview=False)
    camera.scanned.connect(window.on_scan)
    try:
        with qtbot.waitSignal(bench.label_done, timeout=30_000):
            camera.start()
    finally:
        camera.stop()
        camera.wait(5)
        bench_app.shutdown()
    with demo_store.engine.connect() as db:
        assert db.execute(select(orm.orders.c.status).where(
            orm.orders.c.number == "PD-900002")).scalar_one() == "packed"
        scans = db.execute(select(orm.scan_events.c.sku, orm.scan_events.c.source,
                                  orm.scan_events.c.result)
                           .where(orm.scan_events.c.order_number == "PD-900002")
                           .order_by(orm.scan_events.c.id)).all()
    assert [tuple(s) for s in scans] == [("TEA-001", "camera", "verified"),
                                         ("TEA-001", "camera", "verified"),
                                         ("CUP-002", "camera", "verified")]
