"""Screenshots of a new store's set-up screens, offscreen, in English and Chinese:
`python -m tests.screenshots_setup OUT_DIR [en|zh_CN]`.

The Products screen after a catalogue pull from a local Shopify server (written from
shopify.dev, tests/channel_servers), the carrier set-up (own range, and an API carrier
with its key field) after a connection test against the local EasyPost server, and the
next steps of a new store.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")


def main(out_dir: str, language: str = "en") -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.permissions import Screen
    from printing.carriers import CarrierRegistry, check_carrier_connection
    from printing.carriers.credentials import CarrierCredentialStore
    from sync.credentials import CredentialStore
    from tests.channel_servers.easypost_server import EasyPostServer
    from tests.channel_servers.shopify_server import ShopifyServer
    from tests.parts.sync_store import MemoryKeyring, connect_shopify
    from tests.parts.text_fit import record_fit
    from ui.carrier_setup import CarrierSetupScreen
    from ui.catalogue import ProductEditor
    from ui.catalogue_pull import ChannelPullBar
    from ui.first_run import NextStepsPage
    from ui.i18n import install_translator
    from ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(sys.argv)
    translator = install_translator(app, language)  # noqa: F841 (kept alive)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{tmp / 'shots.db'}")
    uow = uow_factory(store.session_factory, "bench-1")
    tasks = TaskManager()

    def settle(ms: int = 500, until=None) -> None:
        for _ in range(40):
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()
            if until is None or until():
                return

    def shot(widget, name: str) -> None:
        settle()
        path = out / f"{language}-{name}.png"
        widget.grab().save(str(path))
        print(path)
        record_fit(out, language, name, widget)

    with ShopifyServer() as shopify, EasyPostServer() as easypost:
        credentials = CredentialStore(MemoryKeyring())
        connect_shopify(uow, credentials, shopify, "shop")
        bar = ChannelPullBar(uow, tasks, "Sam", lambda: credentials)
        editor = ProductEditor(uow, tasks, pull_bar=bar)
        editor.show()
        settle(until=bar.pull_button.isEnabled)
        bar.pull_button.click()
        settle(until=lambda: len(editor.rows) == 4)
        editor.table.selectRow(next(i for i, p in enumerate(editor.rows)
                                    if p.sku == "IPOD2008RED"))
        shot(editor, "products-pulled")

        secrets = CarrierCredentialStore(MemoryKeyring())
        registry = CarrierRegistry(store=secrets)
        carriers = CarrierSetupScreen(uow, tasks, secrets,
                                      lambda view: check_carrier_connection(registry, view))
        carriers.show()
        carriers.own_code.setText("OWN")
        carriers.own_name.setText("Our van")
        carriers.own_prefix.setText("PK")
        carriers.own_sender.setText("Mei's Tea Shop")
        carriers.add_button.click()
        settle(until=lambda: carriers.table.rowCount() == 1)
        shot(carriers, "carriers-own-range")
        carriers.tabs.setCurrentIndex(1)
        carriers.api_code.setText("EZP")
        carriers.api_name.setText("EasyPost USPS")
        carriers.api.setCurrentIndex(carriers.api.findData("easypost"))
        carriers.api_url.setText(easypost.url)
        carriers.secret_fields["api_key"].setText(easypost.api_key)
        carriers.save_button.click()
        settle(until=lambda: carriers.table.rowCount() == 2 and carriers.save_button.isEnabled())
        carriers.test_button.click()
        settle(until=lambda: carriers.test_button.isEnabled())
        shot(carriers, "carriers-api-tested")
        carriers.api.setCurrentIndex(carriers.api.findData("sf_express"))
        shot(carriers, "carriers-sf-fields")

    _station_setup(shot, settle, tasks, tmp, language)
    _stock_import(shot, settle, uow, tasks, tmp)

    steps = NextStepsPage(lambda screen: None)
    steps.resize(900, 720)
    steps.show_available(lambda screen: screen is not Screen.NEXT_STEPS)
    steps.show()
    steps.show_progress({"products": 4, "people": 1, "carriers": 2, "orders": 0})
    shot(steps, "next-steps")
    tasks.shutdown()
    store.dispose()
    return 0


def _station_setup(shot, settle, tasks, tmp: Path, language: str) -> None:
    """The station set-up's pages: a test label printed (to a folder), the scanner check,
    the camera's picture (an image sequence plays the camera) and the scale page."""
    from app.settings import StationSettings
    from main import _label_route, _slip_route
    from printing.spooler import Spooler
    from scanners.testcard import TEST_CARD_GS1, render_code, scene, write_sequence
    from scanners.wedge import KeyboardWedge
    from ui.print_log import PrintBridge
    from ui.settings_dialog import SettingsDialog
    from ui.station_setup import StationDevices, preview_camera

    bridge = PrintBridge()
    spooler = Spooler(on_change=bridge.spooler_callback)
    card = render_code(TEST_CARD_GS1, "gs1-qr", scale=5)
    camera = write_sequence(tmp / "camera", [scene(size=(640, 480), code=card, at=(200, 100),
                                                   seed=9)] * 200)
    devices = StationDevices(tasks, spooler, bridge.job_changed, _label_route, _slip_route,
                             sources=[KeyboardWedge()], language=language,
                             open_camera=preview_camera)
    settings = StationSettings(station_id="bench-1", language=language,
                               label_printer="pdf_folder",
                               label_printer_target=str(tmp / "labels"),
                               slip_printer="cups", slip_printer_target="Office-A4",
                               camera=str(camera))
    dialog = SettingsDialog(settings, devices=devices)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    dialog.label_test.button.click()
    settle(until=lambda: dialog.label_test.button.isEnabled())
    dialog.slip_test.button.click()
    settle(until=lambda: dialog.slip_test.button.isEnabled()
           or "waits" in dialog.slip_test.status.text())
    shot(dialog, "station-setup-printers")
    dialog.tabs.setCurrentIndex(2)
    dialog.self_test._show_gs1("0109501101530003" "17291231" "10TEST-LOT\x1d21SELFTEST1",
                               "gs1-128")
    shot(dialog, "station-setup-scanners")
    dialog.tabs.setCurrentIndex(3)
    dialog.camera_check.show_button.click()
    settle(until=lambda: not dialog.camera_check.preview.frame.isNull())
    shot(dialog, "station-setup-camera")
    dialog.tabs.setCurrentIndex(4)
    shot(dialog, "station-setup-scale")
    dialog.reject()
    _scale_page(shot, settle, devices, settings, tmp)
    spooler.close()


def _scale_page(shot, settle, devices, settings, tmp: Path) -> None:
    """The Scale page with a scale on a pty (socat) reading 1.25 kg, stable."""
    import shutil
    from dataclasses import replace

    from scanners.scale import SerialScale
    from tests.parts.serial_pty import PtyScanner
    from ui.settings_dialog import SettingsDialog

    if shutil.which("socat") is None:
        return
    port = PtyScanner(tmp)
    port.plug()
    scale = SerialScale(port.device, "mt-sics", retry_ms=50, settle=2)
    scale.start()
    try:
        dialog = SettingsDialog(replace(settings, scale_port=str(port.device),
                                        scale_protocol="mt-sics"),
                                devices=replace(devices, scale=scale))
        dialog.show()
        dialog.tabs.setCurrentIndex(4)
        port.send(b"S S      1.250 kg\r\n" * 3)
        settle(until=lambda: "1" in dialog.scale_check.weight_label.text())
        shot(dialog, "station-setup-scale-live")
        dialog.reject()
    finally:
        scale.stop()
        port.unplug()


def _stock_import(shot, settle, uow, tasks, tmp: Path) -> None:
    """The opening stock file with one bad row, previewed."""
    from app.services.catalogue import ProductInput, save_product
    from ui.file_import import StockImport

    for sku, name in (("TEA-GREEN-100", "Green tea 100 g"), ("TEA-BLACK-250", "Black tea")):
        save_product(uow(), ProductInput(sku, name))
    path = tmp / "opening-stock.csv"
    path.write_text("sku,bin,quantity,lot,expiry\n"
                    "TEA-GREEN-100,A-01-2,12,L2701,2027-03-31\n"
                    "TEA-GREEN-100,A-01-2,4,L2702,31.04.2027\n"
                    "TEA-BLACK-250,B-01-1,30,,\n"
                    "NO-SUCH-SKU,B-01-1,3,,\n", encoding="utf-8")
    screen = StockImport(uow, tasks, "Mei")
    screen.show()
    screen.load(path)
    settle(until=screen.import_button.isEnabled)
    shot(screen, "stock-import")
    screen.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en"))
