"""At the bench: the smallest box that fits shows when the order opens; a box scanned with
the scanner is the parcel's box, in its own colour, and a box too small is said."""

from __future__ import annotations

import pytest

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from tests.e2e.driver import scan
from ui import station_parts as parts
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_the_bench_suggests_a_box_and_takes_the_one_scanned(qtbot, boxes, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="test-bench",
                                                                 language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    hint = parts.attach_box_hint(app, uow)
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
        scan(app.window, "PD-100001")
        qtbot.waitUntil(lambda: hint.isVisible() and "BOX-M" in hint.text(), timeout=10000)
        assert hint.text() == "Suggested box: BOX-M (40×30×20 cm). Scan the box you use."
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda result, _m: result == "box_small"):
            scan(app.window, "2990000000011")
        assert app.bench.banner.text() == ("Box BOX-S is too small for these items; BOX-M "
                                           "fits. Scan the box you use.")
        assert app.bench.banner.palette().window().color().name() == "#ef6c00"
        qtbot.waitUntil(lambda: hint.text().startswith("Box: BOX-S"), timeout=10000)
        assert hint.text() == "Box: BOX-S (20×15×10 cm) · smallest that fits: BOX-M"
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda result, _m: result == "box"):
            scan(app.window, "2990000000028")
        assert app.bench.banner.palette().window().color().name() == "#4e342e"
        qtbot.waitUntil(lambda: hint.text() == "Box: BOX-M (40×30×20 cm)", timeout=10000)
        assert app.bench.order.items_verified == 0  # the box is not an item
    finally:
        app.shutdown()
