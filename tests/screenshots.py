"""Screenshots of every screen as the station shows it: `make screenshots` (under Xvfb).

The bench (login, an order mid-pack, a wrong item, a completed order, a cancelled order, a
merged parcel) on a fresh demo store, driven by the same scan path a scanner uses; the bench
full screen, as a station starts it, with a buyer's note to read, an over-scan, and the next
item without a photo; then each tool window a supervisor opens (order board, health
dashboard, alerts, review list, failed channel messages, print log, batch labels, hardware
self-test, station settings, returns counter, stock history, receiving, cycle count, CSV
import), with the store's data in it.
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
    from tests.parts.text_fit import record_fit
    from ui.app import build_bench_app

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(f"sqlite:///{tmp / 'shots.db'}")
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=7, orders=40, image_dir=tmp / "images")
    app = build_bench_app(PackBenchService(uow, note_ack=True), StationSettings(
        station_id="bench-1", language=language, sounds=False), "demo store",
        LabelToFolder(tmp / "labels"))
    window, bench = app.window, app.bench
    window.resize(1280, 800)
    window.set_full_screen(True)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(ready, most_ms: int = 10_000) -> None:
        """The store answers on its worker: a PIN check or an order opening can take longer
        than a fixed pause on a busy machine."""
        for _ in range(most_ms // 100):
            if ready():
                return
            settle(100)

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{language}-{name}.png"))
        print(out / f"{language}-{name}.png")
        record_fit(out, language, name, window)

    settle(800)
    window.login.name.setText("Ann")
    shot("1-login")
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    wait_for(lambda: window.packer is not None)
    window.on_scan("PD-100005", "", "wedge")
    wait_for(lambda: bench.order is not None)
    if bench.note_pending:
        shot("2a-buyer-note")
        window.on_scan("PD:NOTEOK", "", "wedge")
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
    bench.set_pending_quantity(99)
    window.on_scan(first, "ean13", "wedge")
    shot("3a-over-scan")
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
    window.on_scan("PD:CANCEL", "", "wedge")
    settle()
    _noted_order_without_photo(uow)
    window.on_scan("PD-900900", "", "wedge")
    shot("8-buyer-note")
    window.on_scan("PD:NOTEOK", "", "wedge")
    shot("9-next-item-without-photo")
    _tool_windows(app, uow, tmp, out, language, settle, _orders_for_review(uow))
    app.shutdown()
    return 0


def _noted_order_without_photo(uow) -> None:
    """An order with a gift note whose product has no picture in the catalogue."""
    from app.domain.orders import Address, Order, OrderLine

    with uow() as u:
        product = u.products.get("TEA-001")
        product.image_path = None
        u.orders.add(Order("PD-900900", "manual", "#900", "Chen Jie", "+86 10 1",
                           Address("Chen Jie", "+86 10 1", "1 Chang'an Avenue",
                                   city="Beijing", postcode="100000", country="CN"),
                           [OrderLine(product.sku, product.name, 3, bin_location="B-12-4")],
                           buyer_note="Gift for my mother: please no price tag, add a card"))
        u.stock.get(product.sku).reserve(3, "PD-900900", u.now(), "intake")
        u.commit()
def _tool_windows(app, uow, tmp: Path, out: Path, language: str, settle,
                  in_review: str) -> None:
    """Each tool window, as station_parts opens it, grabbed once its data has arrived."""
    from PySide6.QtCore import QCoreApplication

    from app.services.board import order_history
    from app.services.returns import ReturnsService
    from app.services.views import Candidate
    from app.settings import StationSettings
    from printing.return_documents import ReturnSlipPrinting
    from printing.spooler import Spooler
    from printing.station import PrinterKind, Route
    from sync.credentials import CredentialStore
    from sync.runner import SyncRunner, adapter_factory
    from tests.parts.text_fit import record_fit
    from ui.alerts_panel import build_alerts_panel
    from ui.catalogue import ProductEditor
    from ui.catalogue_conflicts import CatalogueConflictsScreen
    from ui.cycle_count import CycleCountWidget
    from ui.dialogs import ConfirmByHandDialog, PickOrderDialog, SupervisorDialog
    from ui.failed_messages import build_failed_messages
    from ui.health_dashboard import build_health_dashboard
    from ui.import_dialog import ImportDialog
    from ui.order_board import OrderHistoryDialog, build_order_board
    from ui.people_screen import PeopleScreen
    from ui.print_log import PrintBridge, PrintLog
    from ui.print_tools import BatchLabelsDialog, PdfPreview, command_sheet_pdf
    from ui.receiving import ReceivingWidget
    from ui.returns_counter import ReturnsCounter
    from ui.review_list import ReviewListWidget
    from ui.selftest import HardwareSelfTest
    from ui.settings_dialog import SettingsDialog
    from ui.shipping_upload import ShippingUploadDialog
    from ui.stock_history import StockHistoryWidget
    from ui.sync_status import SyncStatusWidget

    ui_text = QCoreApplication.translate
    hold_title = ui_text("BenchDialogs", "Put order on hold")
    tasks, bridge = app.tasks, PrintBridge()
    spooler = Spooler(on_change=bridge.spooler_callback)
    route = Route(PrinterKind.PDF_FOLDER, str(tmp / "slips"), "A4")
    runner = SyncRunner(uow, adapter_factory(CredentialStore()))
    screens = [
        ("order-board", lambda: build_order_board(uow, tasks)),
        ("health-dashboard", lambda: build_health_dashboard(uow, tasks)),
        ("alerts", lambda: build_alerts_panel(uow, tasks)),
        ("review-list", lambda: ReviewListWidget(uow, "Sam", tasks)),
        ("failed-messages", lambda: build_failed_messages(uow, tasks, "Sam", runner)),
        ("print-log", lambda: PrintLog(spooler, bridge)),
        ("batch-labels", lambda: BatchLabelsDialog(uow, tasks, spooler, bridge, route)),
        ("self-test", lambda: HardwareSelfTest([app.wedge])),
        ("station-settings", lambda: SettingsDialog(StationSettings(
            station_id="bench-1", language=language))),
        ("returns-counter", lambda: ReturnsCounter(
            ReturnsService(uow), tasks, ReturnSlipPrinting(route, spooler, language), "Ann")),
        ("stock-history", lambda: StockHistoryWidget(tasks, uow)),
        ("receiving", lambda: ReceivingWidget(tasks, uow, "Ann", "bench-1")),
        ("cycle-count", lambda: CycleCountWidget(tasks, uow, "Ann", "bench-1")),
        ("csv-import", lambda: ImportDialog(uow, tasks, tmp / "mappings")),
        ("order-history", lambda: OrderHistoryDialog(order_history(uow(), "PD-100005"))),
        ("review-history", lambda: OrderHistoryDialog(order_history(uow(), in_review))),
        ("stock-history-sku", lambda: _showing(StockHistoryWidget(tasks, uow), "TEA-001")),
        ("sync-status", lambda: SyncStatusWidget(runner)),
        ("hold", lambda: SupervisorDialog(hold_title, [ui_text("BenchDialogs", "Item damaged")])),
        ("confirm-by-hand", lambda: ConfirmByHandDialog(app.bench.order.lines
                                                        if app.bench.order else ())),
        ("pick-order", lambda: PickOrderDialog((Candidate("PD-100001", "taobao", "李娜", "ready"),
                                                Candidate("PD-100002", "shopify", "王芳",
                                                          "needs_review")))),
        ("command-sheet", lambda: PdfPreview(ui_text("", "Command barcodes"),
                                             command_sheet_pdf())),
        ("product-editor", lambda: _editing(ProductEditor(uow, tasks, by="Sam"), "TEA-001")),
        ("catalogue-differences", lambda: CatalogueConflictsScreen(
            uow, tasks, "Sam") if _differences(uow) else None),
        ("people", lambda: PeopleScreen(uow, tasks, "Sam")),
        ("shipping-upload", lambda: ShippingUploadDialog(uow, tasks, "Sam")),
    ]
    for number, (name, make) in enumerate(screens, start=10):
        try:
            widget = make()
        except Exception as exc:  # one screen that cannot be built does not stop the rest
            print(f"{name}: not shown ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        if name in ("hold", "confirm-by-hand", "pick-order", "shipping-upload"):
            widget.adjustSize()  # a small dialog opens at its own size
        else:
            widget.resize(max(widget.sizeHint().width(), 900),
                          max(widget.sizeHint().height(), 600))
        widget.show()
        settle(1200)
        target = out / f"{language}-{number}-{name}.png"
        widget.grab().save(str(target))
        print(target)
        record_fit(out, language, name, widget)
        widget.close()
    spooler.close()


def _editing(editor, sku: str):
    """The product editor with the product chosen, once the list has arrived."""
    from PySide6.QtCore import QCoreApplication

    for _ in range(200):
        if any(p.sku == sku for p in editor.rows):
            row = [p.sku for p in editor.rows].index(sku)
            editor.table.selectRow(row)
            editor.table.scrollToItem(editor.table.item(row, 0))
            break
        QCoreApplication.processEvents()
        editor.thread().msleep(10)
    return editor


def _differences(uow) -> bool:
    """Two products on which a channel's catalogue says something else (name, weight,
    barcode), as a catalogue pull leaves them for a supervisor."""
    from app.services.catalogue_conflicts import Disagreements

    with uow() as u:
        first, second = u.products.search("", 2)
        offers = {first.sku: [("weight_g", str(first.weight_g + 15), "shopify"),
                              ("name", first.name.split(" / ")[0] + " (new pack)", "shopify")],
                  second.sku: [("barcode", "4006381333931", "woocommerce")]}
        found = Disagreements(u, list(offers), u.now())
        for sku, fields in offers.items():
            product = u.products.get(sku)
            for field, value, channel in fields:
                found.offer(product, field, value, channel)
        u.commit()
    return True


def _showing(widget, sku: str):
    widget.show_sku(sku)
    return widget


def _orders_for_review(uow) -> str:
    """Orders intake sent to review (a phone no carrier can dial, a SKU Packdesk does not
    know, not enough stock) and a payload it could not map: the review list's rows."""
    from app.domain.messages import Msg
    from app.domain.orders import Address
    from app.domain.phones import phone_problems
    from app.services.intake import IncomingLine, IncomingOrder, Unmapped, take_in

    door = Address("赵磊", "0571-123", "文一西路 969 号", "", "杭州市", "浙江省", "311121", "CN")
    results = take_in([IncomingOrder("taobao-main", "T-99001", "open", "赵磊", door.phone, door, (
        IncomingLine("T-99001-1", "TEA-404", "Jasmine tea", 1),
        IncomingLine("T-99001-2", "TEA-001", "Oolong tea", 500)),
        review_reasons=tuple(phone_problems(door.phone, "CN"))),
        Unmapped("shopify-eu", "#5999", Msg("order has no lines"))], uow())
    return results[0].order_number


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
