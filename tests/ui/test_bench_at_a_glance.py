"""The bench read from a metre away (issue 21): full screen that is kept, the next item with
its photo (or its SKU, large), bin and count left, a buyer's note read before the items,
and the queue and the packer's own pace."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings, load_settings, save_settings
from printing.order_documents import LabelToFolder
from tests.e2e.driver import SCANNER_GAP_MS, key_burst, scan
from ui import station_parts
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

NOTE = "Gift: no invoice in the box please"


def _bench(qtbot, uow, tmp_path, note_ack=False, settings=None, who=("Ann", "1234")):
    settings = settings or StationSettings(station_id="b1", language="en")
    app = build_bench_app(PackBenchService(uow, note_ack=note_ack), settings, "test",
                          LabelToFolder(tmp_path / "labels"))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    app.window.on_scan(who[0], "", "badge")
    app.window.on_scan(who[1], "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    return app


def _order(uow, number, lines, note="", photo=None) -> dict[str, str]:
    """An order of (sku, quantity, bin) lines; `photo`: a picture for the first product.
    Returns each SKU's barcode."""
    with uow() as u:
        products = [u.products.get(sku) for sku, _q, _b in lines]
        if photo is not None:
            products[0].image_path = str(photo)
        u.orders.add(Order(number, "manual", "#1", "Li Wei", "+86 21 1",
                           Address("Li Wei", "+86 21 1", "88 Nanjing Road", city="Shanghai",
                                   postcode="200001", country="CN"),
                           [OrderLine(p.sku, p.name, q, bin_location=b)
                            for p, (_s, q, b) in zip(products, lines, strict=True)],
                           buyer_note=note))
        for product, (_sku, quantity, _bin) in zip(products, lines, strict=True):
            u.stock.get(product.sku).reserve(quantity, number, u.now(), "intake")
        u.commit()
        return {p.sku: p.barcodes[0].code for p in products}


def _photo(tmp_path):
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    path = tmp_path / "tea.png"
    image.save(str(path))
    return path


def _scan(qtbot, app, text, result=None):
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                          check_params_cb=(lambda r, _m: r == result) if result else None) as s:
        app.window.on_scan(text, "", "wedge")
    return tuple(s.args)


# ---- full screen -----------------------------------------------------------------------

def test_full_screen_is_kept_for_the_next_start_and_esc_mid_scan_drops_nothing(
        qtbot, demo_store, uow, tmp_path, one_item_order):
    path = tmp_path / "settings.json"
    settings, _warning = load_settings(path)
    assert settings.full_screen  # a packer's station: full screen unless told otherwise
    app = _bench(qtbot, uow, tmp_path, settings=settings)
    station_parts.attach_settings(app, settings, save=lambda s: save_settings(s, path))
    try:
        app.window.set_full_screen(settings.full_screen)  # as main.py starts it
        qtbot.waitUntil(app.window.isFullScreen, timeout=5000)
        # a scan is in flight when the packer presses Esc: the window leaves full screen
        # and the scan arrives whole, the order opens
        key_burst(app.window, "PD-90", SCANNER_GAP_MS, enter=False)
        QTest.keyClick(app.window, Qt.Key.Key_Escape)
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000) as shown:
            key_burst(app.window, "0777", SCANNER_GAP_MS)
        assert shown.args[0] == "opened", shown.args
        assert app.bench.order.number == "PD-900777"
        assert not app.window.isFullScreen()
        assert load_settings(path)[0].full_screen is False  # kept for the next start
        assert app.bench.scan_field.text() == ""  # no stray half-scan typed in

        QTest.keyClick(app.window, Qt.Key.Key_F11)
        qtbot.waitUntil(app.window.isFullScreen, timeout=5000)
        assert load_settings(path)[0].full_screen is True
        assert app.window.full_screen_action.isChecked()
    finally:
        app.shutdown()


def test_esc_that_is_no_shortcut_does_not_split_a_scan_in_the_wedge(qtbot, demo_store, uow,
                                                                    tmp_path, one_item_order):
    """Esc sent straight to the scan field (as a dialog's or another window's Esc reaches
    the wedge) while a scan's keys are held: the keys stay one scan."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = _bench(qtbot, uow, tmp_path)
    try:
        app.bench.scan_field.setFocus()
        key_burst(app.window, "PD-900", SCANNER_GAP_MS, enter=False)
        QApplication.sendEvent(app.bench.scan_field, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000) as shown:
            key_burst(app.window, "777", SCANNER_GAP_MS)
        assert shown.args[0] == "opened", shown.args
        assert app.bench.scan_field.text() == ""
    finally:
        app.shutdown()


# ---- the next item ---------------------------------------------------------------------

def test_the_next_item_shows_its_photo_bin_and_count_and_a_product_without_one_its_sku_large(
        qtbot, demo_store, uow, tmp_path):
    codes = _order(uow, "PD-900801", [("TEA-001", 2, "A-01-3"), ("CUP-002", 1, "C-07-1")],
                   photo=_photo(tmp_path))
    app = _bench(qtbot, uow, tmp_path)
    panel = app.bench.next_item
    try:
        _scan(qtbot, app, "PD-900801", "opened")
        assert panel.isVisible() and panel.line.sku == "TEA-001"
        assert panel.photo.isVisible() and not panel.photo.pixmap().isNull()
        assert panel.photo.pixmap().width() == 140  # scaled to the panel, not a thumbnail
        assert panel.bin.text() == "Bin A-01-3"
        assert panel.left.text() == "2 more to scan"
        assert "34px" in panel.sku.styleSheet()
        scan(app.window, codes["TEA-001"])  # at scanner timing, through the wedge
        qtbot.waitUntil(lambda: panel.left.text() == "1 more to scan", timeout=5000)
        assert panel.line.sku == "TEA-001"  # the item in hand stays next until it is done
        scan(app.window, codes["TEA-001"])
        qtbot.waitUntil(lambda: panel.line is not None and panel.line.sku == "CUP-002",
                        timeout=5000)
        assert not panel.photo.isVisible()  # no photo: no grey box either
        assert panel.sku.text() == "CUP-002" and "48px" in panel.sku.styleSheet()
        assert panel.bin.text() == "Bin C-07-1" and panel.left.text() == "1 more to scan"
        _scan(qtbot, app, codes["CUP-002"], "complete")
        assert not panel.isVisible()  # nothing left to scan
    finally:
        app.shutdown()


# ---- a buyer's note --------------------------------------------------------------------

def test_a_noted_order_waits_for_the_note_to_be_read_then_packs(qtbot, demo_store, uow,
                                                                 tmp_path):
    codes = _order(uow, "PD-900802", [("TEA-001", 1, "A-01-3")], note=NOTE)
    app = _bench(qtbot, uow, tmp_path, note_ack=True)
    bench = app.bench
    try:
        result, message = _scan(qtbot, app, "PD-900802", "note_unread")
        assert NOTE in message and "PD:NOTEOK" in message
        assert bench.banner.lineWidth() == 8  # sticky: it stays until read
        assert bench.banner_shape.property("shape") == "bubble"
        assert bench.note_button.isVisible()
        assert bench.buyer_note.isVisible() and NOTE in bench.buyer_note.text()

        result, _message = _scan(qtbot, app, codes["TEA-001"], "note_unread")
        assert bench.order.items_verified == 0  # not even painted as verified in advance

        QTest.keyClick(app.window, Qt.Key.Key_F6)  # the key, or a scan of PD:NOTEOK
        qtbot.waitUntil(lambda: bench.banner.property("result") == "note_read", timeout=5000)
        assert not bench.note_button.isVisible()
        _scan(qtbot, app, codes["TEA-001"], "complete")
        with uow() as u:
            reasons = [t.reason for t in u.orders.get("PD-900802").transitions]
        assert f"buyer note read: {NOTE}" in reasons
    finally:
        app.shutdown()


# ---- the queue and the packer's pace -----------------------------------------------------

def test_the_queue_and_the_packers_pace_are_read_off_the_main_thread(qtbot, demo_store, uow,
                                                                      tmp_path):
    codes = _order(uow, "PD-900803", [("TEA-001", 1, "A-01-3")])
    with uow() as u:
        late = u.orders.get("PD-900803")
        late.ship_by = u.now() - timedelta(hours=1)
        u.commit()
    app = _bench(qtbot, uow, tmp_path)
    asked_from = []
    figures = app.bench.service.figures

    def figures_spy(name):
        import threading

        asked_from.append(threading.current_thread().name)
        return figures(name)

    app.bench.service.figures = figures_spy
    try:
        app.bench.refresh_figures()
        qtbot.waitUntil(lambda: "You: none packed yet today" in app.bench.figures.text(),
                        timeout=5000)
        late = int(app.bench.figures.text().split(" due today · ")[1].split(" late")[0])
        assert late >= 1  # PD-900803 at least
        waiting = int(app.bench.figures.text().split("Queue: ")[1].split(" ready")[0])
        _scan(qtbot, app, "PD-900803", "opened")
        _scan(qtbot, app, codes["TEA-001"], "complete")  # a completion asks again
        qtbot.waitUntil(lambda: "You: 1 packed" in app.bench.figures.text(), timeout=5000)
        assert f"Queue: {waiting - 1} ready" in app.bench.figures.text()
        assert f"· {late - 1} late" in app.bench.figures.text()  # the late one is packed
        assert "/h" in app.bench.figures.text()
        assert asked_from and all(name.startswith("periodic") for name in asked_from)
    finally:
        app.shutdown()


# ---- tool windows ------------------------------------------------------------------------

@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")
def test_a_tool_window_opens_titled_on_the_screen_at_a_useful_size(qtbot, demo_store, uow,
                                                                    tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.order_board import OrderBoard

    app = _bench(qtbot, uow, tmp_path, who=("Sam", "9999"))  # the board is a supervisor's
    station_parts.attach_supervisor_tools(app, uow, tmp_path / "reports")
    try:
        [board_action] = [a for a in app.window.tools_menu.actions() if a.text() == "Order board"]
        board_action.trigger()
        board = next(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, OrderBoard) and w.isVisible())
        area = board.screen().availableGeometry()
        assert board.windowTitle() == "Order board — Packdesk"  # main: untitled
        assert area.contains(board.geometry().topLeft())  # its title bar is on the screen
        fits = board.minimumSizeHint().width() <= area.width()
        assert area.contains(board.geometry()) or not fits  # wholly, when it can fit at all
        assert board.width() >= min(900, int(area.width() * 0.9)) - 1
        assert board.height() >= min(600, int(area.height() * 0.9)) - 1
        board.close()
    finally:
        app.shutdown()
