"""The seven warnings are told apart by colour AND shape (issue 21), readable for staff
who cannot tell red from orange: each kind has a background and a shape no other kind has,
its text has WCAG AA contrast, and the bench shows the shape beside the banner and in the
scan log, where a wrong item and an over-scan differ too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app
from ui.feedback import LOOKS, WARNING_KINDS, look_for
from ui.verdict_shapes import SHAPES, shape_pixmap

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# what each kind looks like: the mapping itself is what packers learn, so it is pinned here
EXPECTED = {
    "wrong_item": ("#c62828", "cross"),
    "over_scan": ("#ef6c00", "plus"),
    "cancelled_or_held": ("#000000", "octagon"),
    "weight_off": ("#ad1457", "triangle"),
    "label_not_printed": ("#6a1b9a", "label"),
    "supervisor": ("#0277bd", "person"),
    "buyer_note": ("#fff8e1", "bubble"),
}


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance, written out from the definition."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_the_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_each_warning_kind_has_its_own_colour_and_shape():
    assert len(WARNING_KINDS) == 7
    seen = {kind: {(look_for(r).background, look_for(r).shape) for r in results}
            for kind, results in WARNING_KINDS.items()}
    for kind, looks in seen.items():
        assert looks == {EXPECTED[kind]}, kind  # every result of a kind looks the same
    backgrounds = [EXPECTED[kind][0] for kind in WARNING_KINDS]
    shapes = [EXPECTED[kind][1] for kind in WARNING_KINDS]
    assert len(set(backgrounds)) == 7 and len(set(shapes)) == 7
    assert set(shapes) == set(SHAPES)
    assert all(look_for(r).sound for results in WARNING_KINDS.values() for r in results)


@pytest.mark.parametrize("result", sorted(LOOKS))
def test_every_banner_reads_with_aa_contrast(result):
    look = LOOKS[result]
    assert contrast(look.background, look.foreground) >= 4.5, result
    if look.log_colour:  # scan-log lines are on white
        assert contrast(look.log_colour, "#ffffff") >= 4.5, result


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_drawn_in_its_colours(qapp, shape):
    image = shape_pixmap(shape, "#c62828", "#ffffff", 96).toImage()
    pixels = {image.pixelColor(x, y).name() for x in range(0, 96, 3) for y in range(0, 96, 3)
              if image.pixelColor(x, y).alpha() == 255}
    assert "#c62828" in pixels and "#ffffff" in pixels  # the outline and its mark
    others = [shape_pixmap(other, "#c62828", "#ffffff", 96).toImage()
              for other in SHAPES if other != shape]
    assert all(image != other for other in others)  # no two shapes alike


def test_the_bench_shows_the_kinds_shape_and_the_log_tells_wrong_from_over(
        qtbot, demo_store, uow, tmp_path, one_item_order):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    bench = app.bench

    def scan(text, result):
        with qtbot.waitSignal(bench.verdict_confirmed, timeout=10000,
                              check_params_cb=lambda r, _m: r == result):
            app.window.on_scan(text, "", "wedge")

    try:
        with uow() as u:
            u.orders.get("PD-900777").lines[0].quantity = 2  # room for an over-scan later
            u.commit()
            cup = u.products.get("CUP-002").barcodes[0].code
        with qtbot.waitSignal(bench.verdict_shown, timeout=10000):
            app.window.on_scan("PD-900777", "", "wedge")
        assert bench.banner_shape.isHidden()  # an order opened: no warning, no shape
        scan(cup, "wrong_item")
        assert bench.banner_shape.property("shape") == "cross"
        assert bench.banner_shape.isVisible()
        assert bench.banner.contentsMargins().left() > bench.banner_shape.width()  # no overlap
        bench.set_pending_quantity(3)
        scan(one_item_order, "over_scan")
        assert bench.banner_shape.property("shape") == "plus"
        assert bench.banner.palette().window().color().name() == "#ef6c00"
        kinds = {bench.log.item(i).data(Qt.ItemDataRole.UserRole): bench.log.item(i) for i in range(bench.log.count())}
        wrong, over = kinds["wrong_item"], kinds["over_scan"]
        assert wrong.foreground().color().name() == "#c62828"
        assert over.foreground().color().name() == "#a84300"
        assert not wrong.icon().isNull() and not over.icon().isNull()
        assert (wrong.icon().pixmap(18).toImage() != over.icon().pixmap(18).toImage())
    finally:
        app.shutdown()
