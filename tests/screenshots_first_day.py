"""Screenshots of a new store's screens: the first-run screen, the next steps, the people
screen, the product editor and the catalogue import (offscreen or under Xvfb).

    python -m tests.screenshots_first_day OUT_DIR [en|zh_CN]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")


def main(out_dir: str, language: str = "en") -> int:
    tmp = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # never the user's settings
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services import catalogue, people
    from app.settings import StationSettings
    from main import build_station
    from tests.parts.text_fit import record_fit
    from ui.app import qt_application
    from ui.catalogue import CatalogueImport, ProductEditor
    from ui.first_run import FirstRunPage, FirstRunResult
    from ui.i18n import install_translator
    from ui.people_screen import PeopleScreen
    from ui.product_pictures import ProductPictures
    from ui.tasks import TaskManager

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{tmp / 'new.db'}")
    uow = uow_factory(store.session_factory, "pack-1")
    app = qt_application()
    install_translator(app, language)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{language}-{name}.png"
        widget.grab().save(str(path))
        print(path)
        record_fit(out, language, name, widget)

    tasks = TaskManager()
    first = FirstRunPage(uow, tasks, "pack-1")
    first.resize(1280, 800)
    first.show()
    first.name.setText("Mei")
    first.pin.setText("2580")
    first.pin_again.setText("2581")
    first.button.click()
    shot(first, "1-first-run-pins-differ")
    first.pin.setText("2580")
    first.pin_again.setText("2580")
    done: list = []
    first.created.connect(done.append)
    first.button.click()
    while not done:
        settle(100)
    shot(first, "2-first-run-done")
    first.close()
    result: FirstRunResult = done[0]
    for name, role in (("Ann", "packer"), ("Li Wei", "packer"), ("Bo", "clerk")):
        people.add_person(uow(), name, "1234", role)
    people.set_active(uow(), "Li Wei", False)
    catalogue.import_catalogue(uow(), catalogue.read_catalogue(
        "sku,name,barcode,weight_g,bin,opening_stock\n"
        "TEA-1,Oolong tea 100g / 乌龙茶,4006381333931,120,A-01-1,24\n"
        "CUP-1,Celadon tea cup / 青瓷茶杯,4006381333948,180,A-01-2,12\n"
        "BAG-1,Canvas tote bag,SHOP-BAG-1,240,B-02-1,30\n"
        "SCOOP-1,Bamboo tea scoop / 竹茶匙,,15,B-01-4,40\n"), "Mei")
    settings = StationSettings(station_id="pack-1", language=language, sounds=False,
                               label_folder=str(tmp / "labels"))
    bench_app, _runner = build_station(settings, store, result)
    window = bench_app.window
    window.resize(1280, 800)
    window.show()
    shot(window, "3-next-steps")
    screen = PeopleScreen(uow, tasks, "Mei")
    screen.show()
    settle()
    screen.table.selectRow(2)
    screen.new_name.setText("Zhang Min")
    shot(screen, "4-people")
    screen.close()
    picture = tmp / "teapot.png"
    _draw_teapot(picture)
    editor = ProductEditor(uow, tasks, print_labels=lambda title, pdf: None,
                           pictures=ProductPictures(tmp / "pictures", "0"), by="Mei")
    editor.show()
    settle()
    editor.clear_form()
    editor.sku.setText("POT-1")
    editor.name.setText("Yixing teapot")
    editor.name_zh.setText("宜兴紫砂壶")
    editor.barcode.setText("4006381333962")
    editor.more_codes.add_code("14006381333969", 6)
    editor.must_scan.setChecked(True)
    editor.weight.setValue(650)
    for side, mm in zip((editor.side_length, editor.side_width, editor.side_height), ("180", "120", "1o5"),
                        strict=True):
        side.setText(mm)
    editor.image.setText(str(picture))
    editor.save_button.click()
    while not editor.notice.text():
        settle(100)
    shot(editor, "5-product-editor")
    editor.open_batch_labels()
    labels = editor.batch_labels
    labels.resize(900, 620)
    while len(labels.rows) < 4:
        settle(100)
    labels.tick_unlabelled()
    settle()
    labels.tick("TEA-1", 12)
    shot(labels, "5-product-labels")
    labels.close()
    editor.close()
    bad = tmp / "catalogue.csv"
    bad.write_text("sku,name,barcode,weight_g,opening_stock\nPOT-1,Teapot,4006381333955,650,"
                   "4\nPOT-2,,,,\nPOT-3,Lid,4006381333949,40,x\n", encoding="utf-8")
    importer = CatalogueImport(uow, tasks, "Mei")
    importer.show()
    importer.load(bad)
    while not importer.import_button.isEnabled():
        settle(100)
    shot(importer, "6-catalogue-import")
    importer.close()
    window.on_scan("x", "", "wedge")
    window.idle_lock.locked.emit()
    from ui.station_parts import tr

    [board] = [a for a in window.tools_menu.actions() if a.text() == tr("Order board")]
    board.trigger()
    shot(window, "7-locked-refusal")
    tasks.shutdown()
    bench_app.shutdown()
    QApplication.processEvents()
    store.dispose()
    return 0


def _draw_teapot(path: Path) -> None:
    """A stand-in product photo: a brown pot on white, drawn with Qt."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(320, 320, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#7b3f22"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(60, 110, 200, 150))
    painter.drawRoundedRect(QRectF(130, 80, 60, 40), 12, 12)
    painter.drawRect(QRectF(250, 150, 50, 22))
    painter.end()
    image.save(str(path))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots",
                  sys.argv[2] if len(sys.argv) > 2 else "en"))
