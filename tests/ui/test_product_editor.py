"""The product editor at a station: a supervisor adds a product (its GTIN's check digit
checked while typing) and prints its barcode label through the station's label printer."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.e2e.driver import decode_pdf_barcodes
from tests.ui.station import (
    log_in,
    screen_actions,
    start_station,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
)
from ui.catalogue import ProductEditor
from ui.print_tools import PdfPreview
from ui.tool_windows import close_tool_windows


def _visible(kind):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def test_a_new_product_and_its_barcode_label(qtbot, demo_store, uow, station_dirs):  # noqa: F811
    station = start_station(qtbot, demo_store, station_settings(station_dirs))
    try:
        log_in(qtbot, station, "Sam", "9999")
        [products] = [a for a in screen_actions(station.window) if a.text() == "Products…"]
        products.trigger()
        editor = _visible(ProductEditor)
        qtbot.waitUntil(lambda: len(editor.rows) == 50, timeout=10000)
        editor.search.setText("POT-00")
        qtbot.waitUntil(lambda: {p.sku for p in editor.rows} == {"POT-003"}, timeout=10000)
        editor.clear_form()
        assert not editor.label_button.isEnabled()  # nothing stored yet
        editor.sku.setText("LID-1")
        editor.name.setText("Teapot lid")
        editor.barcode.setText("4006381333948")
        editor.weight.setValue(40)
        with qtbot.waitSignal(editor.saved, timeout=10000):
            editor.save_button.click()
        assert editor.notice.text() == "LID-1 saved: 4006381333948, 40 g."
        with uow() as u:
            assert u.products.match(["04006381333948"]).sku == "LID-1"

        editor.label_button.click()  # the code from the store, the PDF on the I/O pool
        qtbot.waitUntil(lambda: _visible(PdfPreview) is not None, timeout=10000)
        preview = _visible(PdfPreview)
        assert preview.windowTitle() == "Product label LID-1"
        labels = station_dirs / "labels"
        next(b for b in preview.findChildren(type(editor.save_button))
             if b.text() == "Print").click()
        qtbot.waitUntil(lambda: any(labels.glob("*.pdf")), timeout=20000)
        [pdf] = list(labels.glob("*.pdf"))
        assert "4006381333948" in decode_pdf_barcodes(pdf, station_dirs)
    finally:
        close_tool_windows()
        station.shutdown()


def test_labels_for_many_products_go_through_the_stations_label_printer(
        qtbot, demo_store, uow, station_dirs):  # noqa: F811
    from ui.product_labels import ProductLabelsDialog

    with uow() as u:
        skus = [p.sku for p in u.products.search("", 3)]
        codes = [next(b.code for b in u.products.get(s).barcodes if b.pack_quantity == 1)
                 for s in skus]
    station = start_station(qtbot, demo_store, station_settings(station_dirs))
    try:
        log_in(qtbot, station, "Sam", "9999")
        [products] = [a for a in screen_actions(station.window) if a.text() == "Products…"]
        products.trigger()
        editor = _visible(ProductEditor)
        editor.labels_button.click()
        dialog = _visible(ProductLabelsDialog)
        qtbot.waitUntil(lambda: len(dialog.rows) == 50, timeout=10000)
        dialog.tick(skus[0], 2)
        dialog.tick(skus[2], 1)
        dialog.print_button.click()
        qtbot.waitUntil(lambda: _visible(PdfPreview) is not None, timeout=20000)
        preview = _visible(PdfPreview)
        assert preview.windowTitle() == "Product labels (3)"
        labels = station_dirs / "labels"
        next(b for b in preview.findChildren(type(editor.save_button))
             if b.text() == "Print").click()
        qtbot.waitUntil(lambda: any(labels.glob("*.pdf")), timeout=20000)
        [pdf] = list(labels.glob("*.pdf"))
        assert sorted(decode_pdf_barcodes(pdf, station_dirs)) == sorted(
            [codes[0], codes[0], codes[2]])
    finally:
        close_tool_windows()
        station.shutdown()
