"""The optional parts of a station, attached to a running bench: printing, channel sync,
serial and camera scanners, and the supervisor's tools."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMessageBox

from app.domain.command_codes import BenchCommand
from app.settings import StationSettings, save_settings
from printing.spooler import JobState, PrintJob, Spooler
from printing.station import DocumentKind, make_printer
from scanners.source import ScanSource
from ui import print_tools
from ui.app import BenchApp
from ui.print_log import PrintBridge, PrintLog
from ui.settings_dialog import SettingsDialog

_open_windows: list = []
log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""
  # top-level tool windows stay alive while shown


def _show_window(widget) -> None:
    _open_windows.append(widget)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.destroyed.connect(lambda: _open_windows.remove(widget) if widget in _open_windows
                             else None)
    widget.show()


def attach_printing(bench_app: BenchApp, spooler: Spooler, bridge: PrintBridge,
                    label_route, slip_route, uow_factory) -> None:
    bench = bench_app.bench

    def on_job(job: PrintJob) -> None:
        if job.kind != DocumentKind.SHIPPING_LABEL or job.subject == "":
            return  # the bench's own labels only (a batch is the batch dialog's)
        numbers = tuple(job.subject.split(","))
        if job.state is JobState.ACCEPTED:
            bench.label_printed(numbers, job.printer)
            bench.set_label_status(tr("{0}: printed on {1}").format(job.title, job.printer),
                                   ok=True)
        elif job.state is JobState.QUEUED and job.reason:
            bench.label_not_printed(numbers, job.printer, job.reason, job.id)
            bench.set_label_status(tr("{0} waits: {1}. It will print when the printer is "
                                            "back.").format(job.title, job.reason), ok=False)
        elif job.state is JobState.FAILED:
            bench.label_not_printed(numbers, job.printer, job.reason, job.id)
            bench.set_label_status(tr("{0} NOT printed: {1}").format(job.title, job.reason),
                                   ok=False)

    bridge.job_changed.connect(on_job)
    _restore_last_label(bench_app, spooler, uow_factory)
    window = bench_app.window
    window.add_tool(tr("Print log"), lambda: _show_window(PrintLog(spooler, bridge)))
    window.add_tool(tr("Preview the last label"), lambda: _preview_last_label(
        bench_app, label_route))
    window.add_tool(tr("Print labels for many orders…"), lambda: _show_window(
        print_tools.BatchLabelsDialog(uow_factory, bench_app.tasks, spooler, bridge,
                                      label_route)))

    def print_command_sheet() -> None:
        pdf = print_tools.command_sheet_pdf()
        def submit() -> None:  # the queue keeps the job first: a store write, on a worker
            bench_app.tasks.run_in_store(lambda: spooler.submit(
                make_printer(slip_route), print_tools.sheet_document(pdf, "Command barcodes")),
                lambda _job: None, lambda error: bench.set_label_status(str(error), ok=False))

        _show_window(print_tools.PdfPreview(tr("Command barcodes"), pdf, submit))

    window.add_tool(tr("Print the command-barcode sheet"), print_command_sheet)
    window.add_tool(tr("Print the packing slip of this order"), lambda: _print_packing_slip(
        bench_app, spooler, slip_route, uow_factory))


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

    bench_app.tasks.run_in_store(read, restore, lambda error: log.warning(
        "the last label of this station cannot be found again: %s", error))


def _print_packing_slip(bench_app: BenchApp, spooler: Spooler, slip_route, uow_factory) -> None:
    """The slip of the order on screen (or the one just packed), through the slip route."""
    from app.services.labels import packing_slip_for
    from printing.order_documents import packing_slip_data
    from printing.station import render_slip

    bench = bench_app.bench
    order = bench.order or (bench.last_completion.order if bench.last_completion else None)
    if order is None:
        bench.set_label_status(tr("Scan an order first."), ok=False)
        return
    number = order.number

    def render_and_submit() -> str:
        data = packing_slip_data(packing_slip_for(uow_factory(), number))
        job = spooler.submit(make_printer(slip_route), render_slip(data, slip_route))
        return tr("Packing slip {0}: job {1}").format(number, job)

    bench_app.tasks.run_io(render_and_submit,
                           lambda text: bench.set_label_status(text, ok=True),
                           lambda error: bench.set_label_status(str(error), ok=False))


def _preview_last_label(bench_app: BenchApp, label_route) -> None:
    completion = bench_app.bench.last_completion
    if completion is None:
        QMessageBox.information(bench_app.window, tr("Preview"),
                                tr("No label has been printed at this bench yet."))
        return
    pdf = print_tools.label_pdf(completion, label_route.paper)
    _show_window(print_tools.PdfPreview(
        tr("Label {0}").format(completion.tracking_number), pdf,
        lambda: bench_app.bench._enqueue_command(BenchCommand.REPRINT)))


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


def attach_self_test(bench_app: BenchApp, scale=None) -> None:
    from ui.selftest import HardwareSelfTest

    def open_self_test() -> None:
        _show_window(HardwareSelfTest([bench_app.wedge, *bench_app.extra_sources],
                                      scale=scale))

    bench_app.window.add_tool(tr("Hardware self-test"), open_self_test)


def attach_settings(bench_app: BenchApp, settings: StationSettings,
                    label_route: Callable[[StationSettings], object] | None = None) -> None:
    """Station settings; a changed label printer is used at once (`label_route` makes its
    route), and a label waiting for the old printer goes to the new one."""
    current = [settings]

    def open_settings() -> None:
        dialog = SettingsDialog(current[0], bench_app.window)

        def saved() -> None:
            chosen = dialog.settings()
            try:
                save_settings(chosen)
            except OSError as exc:
                QMessageBox.warning(bench_app.window, tr("Settings not saved"), str(exc))
                return
            bench_app.window.idle_lock.set_minutes(chosen.idle_lock_minutes)
            before, current[0] = current[0], chosen
            if label_route is not None and label_route(chosen) != label_route(before):
                bench_app.bench.use_label_printer(label_route(chosen))

        dialog.accepted.connect(saved)
        dialog.open()

    action = bench_app.window.settings_menu.addAction(tr("Station settings…"))
    action.triggered.connect(open_settings)


def attach_sync(bench_app: BenchApp, runner, review_factory: Callable) -> None:
    from ui.sync_status import SyncStatusWidget

    def supervisor(title: str) -> str | None:
        packer = bench_app.window.packer
        if packer is None or not packer.is_supervisor:
            QMessageBox.information(bench_app.window, title, tr("A supervisor must be logged in."))
            return None
        return packer.name

    def open_review() -> None:
        name = supervisor(tr("Needs review"))
        if name is not None:
            _show_window(review_factory(name))

    def open_failed() -> None:
        from ui.failed_messages import build_failed_messages

        name = supervisor(tr("Failed channel messages"))
        if name is not None:
            _show_window(build_failed_messages(runner.uow, bench_app.tasks, name, runner))

    status = SyncStatusWidget(runner, open_failed=open_failed)
    bench_app.window.statusBar().addPermanentWidget(status)
    bench_app.window.add_tool(tr("Failed channel messages…"), open_failed)

    bench_app.window.add_tool(tr("Orders needing review…"), open_review)


def attach_returns(bench_app: BenchApp, counter) -> None:
    bench_app.window.add_work_page(tr("Returns counter"), counter)


def attach_supervisor_tools(bench_app: BenchApp, uow_factory, report_folder) -> None:
    """The order board, the health dashboard and the alerts panel, and weekly reports."""
    from ui.alerts_panel import build_alerts_panel
    from ui.health_dashboard import build_health_dashboard, build_report_schedule
    from ui.order_board import build_order_board

    tasks, window = bench_app.tasks, bench_app.window
    window.add_tool(tr("Order board"),
                    lambda: _show_window(build_order_board(uow_factory, tasks)))
    window.add_tool(tr("Health dashboard"),
                    lambda: _show_window(build_health_dashboard(uow_factory, tasks)))
    alerts = build_alerts_panel(uow_factory, tasks)
    dock = QDockWidget(tr("Alerts"), window)
    dock.setWidget(alerts)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.add_tool(tr("Alerts"), dock.show)
    schedule = build_report_schedule(uow_factory, report_folder, tasks)
    schedule.start()
    bench_app.keep.append(schedule)


def attach_stock_tools(bench_app: BenchApp, uow_factory, station: str) -> None:
    """Stock history, receiving and cycle counts; scans go to the one in front."""
    from ui.cycle_count import CycleCountWidget
    from ui.receiving import ReceivingWidget
    from ui.stock_history import StockHistoryWidget

    window, tasks = bench_app.window, bench_app.tasks

    def person() -> str | None:
        if window.packer is None:
            QMessageBox.information(window, tr("Log in first."), tr("Log in first."))
            return None
        return window.packer.name

    def open_with_person(make) -> None:
        name = person()
        if name is not None:
            _show_window(make(name))

    window.add_tool(tr("Stock history"), lambda: _show_window(StockHistoryWidget(tasks, uow_factory)))
    window.add_tool(tr("Receive goods"), lambda: open_with_person(
        lambda name: ReceivingWidget(tasks, uow_factory, name, station)))
    window.add_tool(tr("Cycle count"), lambda: open_with_person(
        lambda name: CycleCountWidget(tasks, uow_factory, name, station)))


def attach_import(bench_app: BenchApp, uow_factory, mappings_dir) -> None:
    from ui.import_dialog import ImportDialog

    bench_app.window.add_tool(tr("Import orders from a CSV file…"), lambda: _show_window(
        ImportDialog(uow_factory, bench_app.tasks, mappings_dir)))


def attach_pack_video(bench_app: BenchApp, camera, recorder, uow) -> None:
    """Film each parcel: the clip starts when an order opens at the bench, every verdict is
    burned in, and it ends when the order's label printed (or the order left the bench);
    the finished clip goes into the store's index from a worker, never the main thread."""
    from app.services.clips import record_clip
    from scanners.pack_video import clip_record

    bench, window = bench_app.bench, bench_app.window
    said = _Said(window)  # the encoder thread's news reaches the status bar queued
    said.text.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    recorder.on_problem = said.text.emit
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
            result = recorder.end()
            if result is None or result.frames == 0:
                return None
            return record_clip(uow(), clip_record(result, station))

        bench_app.tasks.run_io(close_and_index, None, lambda error: window.statusBar()
                               .showMessage(tr("The pack video was not kept: {0}")
                                            .format(error), 15_000))

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
    bench_app.keep.append(recorder)


def say_no_camera(bench_app: BenchApp) -> None:
    """A station without a camera packs as before; it says so once."""
    bench_app.window.statusBar().showMessage(
        tr("No camera at this station: parcels are packed without a pack video."), 15_000)


class _Said(QObject):
    """A worker's sentence for the status bar, delivered on the main thread."""

    text = Signal(str)
