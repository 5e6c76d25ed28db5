"""The optional parts of a station, attached to a running bench: printing, channel sync,
serial and camera scanners, and the supervisor's tools."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox

from app.domain.command_codes import BenchCommand
from app.services.permissions import Screen
from app.settings import StationSettings, save_settings
from printing.printers import PDF, Document
from printing.spooler import JobState, PrintJob, Spooler
from printing.station import DocumentKind, PrinterKind, make_printer
from scanners.source import ScanSource
from ui import print_tools
from ui.app import BenchApp
from ui.ops import NOTHING, OpChanges, QueryOp, StoreOp, query_runner, store_runner
from ui.pack_bench_label import job_text
from ui.print_log import PrintBridge, PrintLog
from ui.settings_dialog import SettingsDialog
from ui.tool_windows import show_tool_window, track

log = logging.getLogger(__name__)
PRINT_QUEUED = OpChanges(print_jobs=True)
_show_window = show_tool_window


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def attach_printing(bench_app: BenchApp, spooler: Spooler, bridge: PrintBridge,
                    label_route, slip_route, uow_factory, reveal=None) -> None:
    """`reveal` decrypts a masked marketplace receiver for a slip, as for the label."""
    bench = bench_app.bench

    def on_job(job: PrintJob) -> None:
        if job.kind != DocumentKind.SHIPPING_LABEL or job.subject == "":
            return  # the bench's own labels only (a batch is the batch dialog's)
        numbers = tuple(job.subject.split(","))
        title = job_text(job.title)
        if job.state is JobState.ACCEPTED:
            bench.label_printed(numbers, job.printer)
            bench.set_label_status(tr("{0}: printed on {1}").format(title, job.printer),
                                   ok=True)
        elif job.state is JobState.QUEUED and job.reason:
            bench.label_not_printed(numbers, job.printer, job.reason, job.id)
            bench.set_label_status(tr("{0} waits: {1}. It will print when the printer is "
                                            "back.").format(title, job_text(job.reason)),
                                   ok=False)
        elif job.state is JobState.FAILED:
            bench.label_not_printed(numbers, job.printer, job.reason, job.id)
            bench.set_label_status(tr("{0} NOT printed: {1}").format(
                title, job_text(job.reason)), ok=False)

    bridge.job_changed.connect(on_job)
    _restore_last_label(bench_app, spooler, uow_factory)
    window = bench_app.window
    window.add_tool(tr("Print log"), lambda: _show_window(PrintLog(spooler, bridge)),
                    Screen.PRINT_LOG)
    window.add_tool(tr("Preview the last label"), lambda: _preview_last_label(
        bench_app, label_route, reveal), Screen.LABEL_PREVIEW)
    window.add_tool(tr("Print labels for many orders…"), lambda: _show_window(
        print_tools.BatchLabelsDialog(uow_factory, bench_app.tasks, spooler, bridge,
                                      label_route)), Screen.BATCH_LABELS)

    def print_command_sheet() -> None:
        pdf = print_tools.command_sheet_pdf()
        def submit() -> None:  # the queue keeps the job first: a store write, on a worker
            StoreOp(None, bench_app.tasks, lambda: spooler.submit(
                make_printer(slip_route), print_tools.sheet_document(pdf, "Command barcodes")),
                PRINT_QUEUED).success(lambda _job: None) \
                .failure(lambda error: bench.set_label_status(str(error), ok=False)) \
                .run_in_background()

        _show_window(print_tools.PdfPreview(tr("Command barcodes"), pdf, submit))

    window.add_tool(tr("Print the command-barcode sheet"), print_command_sheet,
                    Screen.COMMAND_SHEET)
    label_takes_pdf = label_route.printer is not PrinterKind.ZPL_TCP

    def print_product_labels(title: str, pdf: bytes) -> None:
        """Product labels (the editor's, one or a batch): previewed, then printed on the
        label printer (the slip printer when the label printer only speaks ZPL)."""
        route = label_route if label_takes_pdf else slip_route

        def submit() -> None:
            StoreOp(None, bench_app.tasks, lambda: spooler.submit(make_printer(route), Document(
                title, pdf, PDF, "", 1, DocumentKind.PRODUCT_LABEL.value)), PRINT_QUEUED) \
                .success(lambda _job: None) \
                .failure(lambda error: window.statusBar().showMessage(str(error), 15_000)) \
                .run_in_background()

        _show_window(print_tools.PdfPreview(title, pdf, submit))

    def print_product_label(product) -> None:
        print_product_labels(tr("Product label {0}").format(product.sku),
                             print_tools.product_label_pdf(product.sku, product.name,
                                                           product.barcode))

    bench_app.print_product_label = print_product_label
    bench_app.print_product_labels = print_product_labels
    window.add_tool(tr("Print the packing slip of this order"), lambda: _print_packing_slip(
        bench_app, spooler, slip_route, uow_factory, reveal), Screen.PACKING_SLIP)


def _restore_last_label(bench_app: BenchApp, spooler: Spooler, uow_factory) -> None:
    """After a restart, REPRINT (and the preview) still mean this station's last label."""
    from app.services.labels import label_for_parcel

    def read():
        last = spooler.queue.last(DocumentKind.SHIPPING_LABEL)
        return label_for_parcel(uow_factory(), last.subject.split(",")) \
            if last is not None and last.subject else None

    def restore(completion) -> None:
        if completion is not None and bench_app.bench.last_completion is None:
            bench_app.bench.last_completion = completion

    QueryOp(None, bench_app.tasks, read, restore).failure(lambda error: log.warning(
        "the last label of this station cannot be found again: %s", error)) \
        .in_store_order().run_in_background()


def _print_packing_slip(bench_app: BenchApp, spooler: Spooler, slip_route, uow_factory,
                        reveal=None) -> None:
    """The slip of the order on screen (or the one just packed), through the slip route,
    its masked receiver decrypted (where the channel may) as the label's is."""
    from app.services.labels import packing_slip_for
    from printing.order_documents import SlipPrinting

    bench = bench_app.bench
    order = bench.order or (bench.last_completion.order if bench.last_completion else None)
    if order is None:
        bench.set_label_status(tr("Scan an order first."), ok=False)
        return
    number = order.number

    def render_and_submit() -> str:
        job = SlipPrinting(slip_route, spooler, reveal)(packing_slip_for(uow_factory(), number))
        return tr("Packing slip {0}: job {1}").format(number, job)

    # rendered on the I/O pool (a PDF takes a moment), then queued
    StoreOp(bench, bench_app.tasks, render_and_submit, PRINT_QUEUED) \
        .success(lambda text: bench.set_label_status(text, ok=True)) \
        .failure(lambda error: bench.set_label_status(str(error), ok=False)) \
        .on_io_pool().run_in_background()


def _preview_last_label(bench_app: BenchApp, label_route, reveal=None) -> None:
    """The last label as it printed: a masked marketplace receiver decrypted (where the
    channel may) as the printed label's is, for the preview only; rendered on the I/O pool
    (the decrypt is a call to the platform), shown on the main thread."""
    from app.services.receiver_reveal import reveal_for_print

    completion = bench_app.bench.last_completion
    if completion is None:
        QMessageBox.information(bench_app.window, tr("Preview"),
                                tr("No label has been printed at this bench yet."))
        return

    def show(pdf: bytes) -> None:
        _show_window(print_tools.PdfPreview(
            tr("Label {0}").format(completion.tracking_number), pdf,
            lambda: bench_app.bench._enqueue_command(BenchCommand.REPRINT)))

    QueryOp(bench_app.bench, bench_app.tasks, lambda: print_tools.label_pdf(
        reveal_for_print(completion, reveal), label_route.paper), show) \
        .failure(lambda error: bench_app.bench.set_label_status(str(error), ok=False)) \
        .run_in_background()


def attach_store_notices(bench_app: BenchApp, notices) -> None:
    """The store's notices (a backup made before an upgrade, a connection made again)
    appear in the status bar, in the bench's language."""
    from ui.i18n import core_text
    from ui.store_problem import StoreNoticeBridge

    bridge = StoreNoticeBridge(bench_app.window)
    bridge.said.connect(
        lambda text: bench_app.window.statusBar().showMessage(core_text(text), 15_000))
    notices.listen(bridge.said.emit)
    bench_app.keep.append(bridge)


def attach_scanner(bench_app: BenchApp, source: ScanSource) -> None:
    """A serial or camera scanner feeds the same scan path as the keyboard wedge."""
    source.scanned.connect(bench_app.window.on_scan)
    source.status_changed.connect(
        lambda text: bench_app.window.statusBar().showMessage(text, 10_000))
    bench_app.extra_sources.append(source)
    source.start()


def attach_camera_preview(bench_app: BenchApp, camera) -> None:
    from scanners.preview import CameraPreview

    preview = CameraPreview()
    preview.attach(camera)
    dock = QDockWidget(tr("Camera"), bench_app.window)
    dock.setWidget(preview)
    bench_app.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)


def attach_scale(bench_app: BenchApp, scale, settings: StationSettings | None = None) -> None:
    """The station's scale: the bench's weight gate, its connection news in the status bar;
    the self-test shows it."""
    from app.domain.weighing import WeightTolerance

    settings = settings or StationSettings()
    bench_app.bench.attach_scale(
        scale, WeightTolerance(settings.weight_tolerance_g, settings.weight_tolerance_percent),
        settings.box_tare_g)
    scale.status_changed.connect(
        lambda text: bench_app.window.statusBar().showMessage(text, 10_000))
    bench_app.keep.append(scale)
    bench_app.on_shutdown.append(scale.stop)
    scale.start()


def attach_self_test(bench_app: BenchApp, scale=None, print_card=None) -> None:
    """The self-test; `print_card` (printing.test_card.TestCardPrinting) prints its card."""
    from ui.selftest import HardwareSelfTest

    def open_self_test() -> None:
        _show_window(HardwareSelfTest([bench_app.wedge, *bench_app.extra_sources],
                                      scale=scale, print_card=print_card,
                                      tasks=bench_app.tasks), tr("Hardware self-test"))

    bench_app.window.add_tool(tr("Hardware self-test"), open_self_test, Screen.SELF_TEST)


def attach_settings(bench_app: BenchApp, settings: StationSettings,
                    label_route: Callable[[StationSettings], object] | None = None,
                    save: Callable[[StationSettings], None] = save_settings,
                    clips_disk=None, devices=None) -> None:
    """Station settings; a changed label printer is used at once (`label_route` makes its
    route), and a label waiting for the old printer goes to the new one. Full screen, set
    here or with F11 / Esc, is kept for the next start. With `devices`
    (ui.station_setup.StationDevices) it is the whole station set-up: test pages, the
    scanner check with the bench's scanners, the camera's picture, the scale's weight."""
    current = [settings]

    def full_screen_changed(on: bool) -> None:
        current[0] = replace(current[0], full_screen=on)
        try:
            save(current[0])
        except OSError as exc:
            bench_app.window.statusBar().showMessage(
                tr("Full screen not kept for the next start: {0}").format(exc), 30_000)

    bench_app.window.full_screen_changed.connect(full_screen_changed)

    def open_settings() -> None:
        dialog = SettingsDialog(current[0], bench_app.window,
                                clips_disk.report if clips_disk is not None else None,
                                replace(devices, sources=[bench_app.wedge,
                                                          *bench_app.extra_sources])
                                if devices is not None else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its devices let go
        track(dialog)  # the idle lock closes it

        def saved() -> None:
            chosen = dialog.settings()
            try:
                save(chosen)
            except OSError as exc:
                QMessageBox.warning(bench_app.window, tr("Settings not saved"), str(exc))
                return
            bench_app.window.idle_lock.set_minutes(chosen.idle_lock_minutes)
            before, current[0] = current[0], chosen
            if chosen.full_screen != bench_app.window.isFullScreen():
                bench_app.window.set_full_screen(chosen.full_screen)
            if label_route is not None and label_route(chosen) != label_route(before):
                bench_app.bench.use_label_printer(label_route(chosen))
            if chosen.language != before.language:  # the screens, rebuilt in it at once
                bench_app.window.language_chosen.emit(chosen)

        dialog.accepted.connect(saved)
        dialog.open()

    bench_app.window.add_tool(tr("Station settings…"), open_settings, Screen.STATION_SETTINGS,
                              bench_app.window.settings_menu)


def attach_sync(bench_app: BenchApp, runner, review_factory: Callable) -> None:
    from ui.sync_status import SyncStatusWidget

    window = bench_app.window

    def open_failed() -> None:
        from ui.failed_messages import build_failed_messages

        _show_window(build_failed_messages(runner.uow, bench_app.tasks, window.packer.name,
                                           runner))

    status = SyncStatusWidget(runner, open_failed=lambda: window.open_screen(
        Screen.FAILED_MESSAGES, open_failed))
    window.statusBar().addPermanentWidget(status)
    window.add_tool(tr("Failed channel messages…"), open_failed, Screen.FAILED_MESSAGES)
    window.add_tool(tr("Orders needing review…"), lambda: _show_window(
        review_factory(window.packer.name)), Screen.REVIEW)


def attach_returns(bench_app: BenchApp, counter, open_clip=None) -> None:
    bench_app.window.add_work_page(tr("Returns counter"), counter, Screen.RETURNS_COUNTER)
    if open_clip is not None:
        counter.set_clip_opener(open_clip)


def clip_opener(bench_app: BenchApp, uow_factory):
    """Plays pack videos at a scan's moment (history, board, returns counter); the clip is
    found on the I/O pool."""
    from ui.clip_player import ClipOpener

    opener = ClipOpener(uow_factory, query_runner(bench_app.tasks), bench_app.window)
    bench_app.keep.append(opener)
    return opener.open_at


def attach_supervisor_tools(bench_app: BenchApp, uow_factory, report_folder,
                            open_clip=None) -> None:
    """The order board, the health dashboard and the alerts panel, and weekly reports."""
    from ui.alerts_panel import build_alerts_panel
    from ui.health_dashboard import build_health_dashboard, build_report_schedule
    from ui.order_board import build_order_board

    tasks, window = bench_app.tasks, bench_app.window
    window.add_tool(tr("Order board"),
                    lambda: _show_window(build_order_board(uow_factory, tasks,
                                                           open_clip=open_clip)),
                    Screen.ORDER_BOARD)
    window.add_tool(tr("Health dashboard"),
                    lambda: _show_window(build_health_dashboard(uow_factory, tasks)),
                    Screen.HEALTH)
    alerts = build_alerts_panel(uow_factory, tasks, who=lambda: window.packer.name
                                if window.packer is not None else None)
    dock = QDockWidget(tr("Alerts"), window)
    dock.setWidget(alerts)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.add_tool(tr("Alerts"), dock.show, Screen.ALERTS)
    window.locked.connect(dock.hide)
    schedule = build_report_schedule(uow_factory, report_folder, tasks)
    schedule.start()
    bench_app.keep.append(schedule)


def attach_stock_tools(bench_app: BenchApp, uow_factory, station: str) -> None:
    """Stock history, receiving, cycle counts and (supervisors) the opening stock file;
    scans go to the one in front."""
    from ui.cycle_count import CycleCountWidget
    from ui.file_import import StockImport
    from ui.receiving import ReceivingWidget
    from ui.stock_history import StockHistoryWidget

    window, tasks = bench_app.window, bench_app.tasks

    window.add_tool(tr("Stock history"), lambda: _show_window(StockHistoryWidget(
        tasks, uow_factory)), Screen.STOCK_HISTORY)
    window.add_tool(tr("Receive goods"), lambda: _show_window(ReceivingWidget(
        tasks, uow_factory, window.packer.name, station)), Screen.RECEIVING)
    window.add_tool(tr("Cycle count"), lambda: _show_window(CycleCountWidget(
        tasks, uow_factory, window.packer.name, station)), Screen.CYCLE_COUNT)
    window.add_tool(tr("Import opening stock from a file…"), lambda: _show_window(
        StockImport(uow_factory, tasks, window.packer.name)), Screen.STOCK_IMPORT)


def attach_import(bench_app: BenchApp, uow_factory, mappings_dir) -> None:
    """Orders in from a CSV export; shipments out in a marketplace's bulk-shipping file."""
    from ui.import_dialog import ImportDialog
    from ui.shipping_upload import ShippingUploadDialog

    window = bench_app.window
    window.add_tool(tr("Import orders from a CSV file…"), lambda: _show_window(
        ImportDialog(uow_factory, bench_app.tasks, mappings_dir)), Screen.IMPORT_ORDERS)
    window.add_tool(tr("Shipping-upload file for a marketplace…"), lambda: _show_window(
        ShippingUploadDialog(uow_factory, bench_app.tasks, window.packer.name)),
        Screen.SHIPPING_UPLOAD)


def attach_pack_video(bench_app: BenchApp, camera, recorder, uow):
    """Film each parcel: the clip starts when an order opens at the bench, every verdict is
    burned in, and it ends when the order's label printed (or the order left the bench);
    the finished clip goes into the store's index from a worker, never the main thread."""
    from app.services.clips import record_clip
    from scanners.pack_video import clip_record
    from ui.clips_disk import ClipsDiskWatch

    bench, window = bench_app.bench, bench_app.window
    # the encoder thread's news reaches the status bar queued; the disk is reported too
    # the disk's reading is stored beside the scans; the alerts refresh makes the low-disk
    # alert of it on its own round, so the write wakes no view
    watch = ClipsDiskWatch(recorder, uow, store_runner(bench_app.tasks, periodic=True),
                           lambda text: window.statusBar().showMessage(text, 30_000), window)
    watch.report()
    camera.frame_sinks.append(recorder)
    station = getattr(uow(), "station", "")
    state = {"open": None}

    def finish() -> None:
        if state["open"] is None:
            return
        state["open"] = None
        if bench.last_completion is not None:
            recorder.set_tracking(bench.last_completion.tracking_number)

        def close_and_index():
            result = recorder.end()  # waits for the encoder: on the I/O pool
            if result is None or result.frames == 0:
                return None
            row = clip_record(result, station)
            # The index row is written in the store worker's queue, between two scans:
            # written from here beside them, it raced the next scan for the store's writer
            # lock (SQLite's busy wait sleeps 1, 2, 5 ms...) and for the GIL, and the scans
            # it overlapped took many times longer (seen in the evidence bench).
            try:
                queued = bench_app.tasks.run_in_store(lambda: record_clip(uow(), row))
            except RuntimeError:  # the store worker has shut down
                queued = None
            if queued is None or queued.cancelled():  # the station is closing: no scan
                return record_clip(uow(), row)  # is left to race
            return queued.result()

        # the encoder is waited for on the I/O pool; the clip's row is shown by no open view
        StoreOp(None, bench_app.tasks, close_and_index, NOTHING) \
            .failure(lambda error: window.statusBar().showMessage(
                tr("The pack video was not kept: {0}").format(error), 15_000)) \
            .on_io_pool().run_in_background()

    def on_verdict(result: str, _message: str) -> None:
        order = bench.order
        if result in ("opened", "taken_over") and order is not None:
            if state["open"] not in (None, order.number):
                finish()
            if state["open"] is None:
                recorder.begin(order.number, order.tracking_number or "",
                               order.channel_order_id)
                state["open"] = order.number
        if state["open"] is None:
            return
        progress = (f" {order.items_verified}/{order.items_expected}"
                    if order is not None and result != "opened" else "")
        recorder.note(f"{result}{progress}")
        if result in ("ready", "problem", "held") and bench.session_id is None:
            finish()  # left, held or handed over: the clip ends here

    bench.verdict_shown.connect(on_verdict)
    bench.label_done.connect(lambda _where: finish())
    bench_app.on_shutdown.append(recorder.close)
    bench_app.keep += [recorder, watch]
    return watch


def attach_side_camera(bench_app: BenchApp, camera, recorder) -> None:
    """A second camera (the side of the table) filmed into the same clip, inset; it does
    not scan. Its news ("no camera found") goes to the status bar."""
    camera.frame_sinks.append(recorder.side)
    camera.status_changed.connect(
        lambda text: bench_app.window.statusBar().showMessage(text, 10_000))
    camera.start()
    bench_app.on_shutdown.insert(0, lambda: (camera.stop(), camera.wait()))
    bench_app.keep.append(camera)


def attach_box_hint(bench_app: BenchApp, uow_factory):
    """The parcel's box under the bench's header: the suggestion, then the box scanned."""
    from ui.box_hint import BoxHint

    bench = bench_app.bench
    hint = BoxHint(uow_factory, query_runner(bench_app.tasks), bench)
    bench.layout().insertWidget(2, hint)  # after the banner and the order's header
    hint.follow(bench)
    return hint


def say_no_camera(bench_app: BenchApp) -> None:
    """A station without a camera packs as before; it says so once."""
    bench_app.window.statusBar().showMessage(
        tr("No camera at this station: parcels are packed without a pack video."), 15_000)


def attach_people_and_catalogue(bench_app: BenchApp, uow_factory, pictures=None) -> None:
    """The supervisor's people screen, product editor and catalogue import. `pictures`
    (ui/product_pictures.ProductPictures) keeps the products' pictures and takes them with
    the station's camera."""
    from ui.catalogue import CatalogueImport, ProductEditor
    from ui.catalogue_conflicts import CatalogueConflictsScreen
    from ui.catalogue_pull import ChannelPullBar
    from ui.people_screen import PeopleScreen

    window, tasks = bench_app.window, bench_app.tasks
    window.add_tool(tr("People…"), lambda: _show_window(PeopleScreen(
        uow_factory, tasks, window.packer.name)), Screen.PEOPLE)
    window.add_tool(tr("Products…"), lambda: _show_window(ProductEditor(
        uow_factory, tasks, bench_app.print_product_label,
        pull_bar=ChannelPullBar(uow_factory, tasks, window.packer.name),
        print_labels=bench_app.print_product_labels, pictures=pictures,
        by=window.packer.name)), Screen.CATALOGUE)
    window.add_tool(tr("Import the catalogue from a CSV file…"), lambda: _show_window(
        CatalogueImport(uow_factory, tasks, window.packer.name)), Screen.CATALOGUE_IMPORT)
    window.add_tool(tr("Differences to settle…"), lambda: _show_window(
        CatalogueConflictsScreen(uow_factory, tasks, window.packer.name)),
        Screen.CATALOGUE_CONFLICTS)


def attach_next_steps(bench_app: BenchApp, supervisor, uow_factory) -> None:
    """A store set up a moment ago: its supervisor is logged in at the next steps."""
    from app.services.store_facts import setup_progress
    from ui.first_run import NextStepsPage

    window = bench_app.window

    def progress(done) -> None:
        QueryOp(None, bench_app.tasks, lambda: setup_progress(uow_factory()), done) \
            .failure(lambda error: log.warning("setup progress: %s", error)) \
            .in_store_order().run_in_background()

    window.start_first_day(supervisor, NextStepsPage(window.open_tool, progress))


def attach_carrier_setup(bench_app: BenchApp, uow_factory, secrets, check_connection,
                         print_test=None) -> None:
    """Tools → Carriers… (supervisors): `secrets` keeps the API keys (the keyring port),
    `check_connection(view)` asks the carrier something harmless (on the I/O pool),
    `print_test(view)` prints an own range's test label on the label printer."""
    from ui.carrier_setup import CarrierSetupScreen

    window, tasks = bench_app.window, bench_app.tasks
    window.add_tool(tr("Carriers…"), lambda: _show_window(CarrierSetupScreen(
        uow_factory, tasks, secrets, check_connection, print_test=print_test)),
        Screen.CARRIERS)
