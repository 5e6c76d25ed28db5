"""Builds the bench window from services that main.py made, and runs the Qt event loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from PySide6.QtCore import QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.services.bench import PackBenchService
from app.services.turns import turns_of
from app.services.views import Completion, OrderView
from app.settings import StationSettings
from scanners.wedge import KeyboardWedge
from ui.collector import MainThreadCollector
from ui.feedback import SoundBoard
from ui.i18n import install_translator
from ui.idle_lock import IdleLock
from ui.login import LoginPage
from ui.main_window import MainWindow
from ui.ops import CloseGuard, QueryOp
from ui.pack_bench import PackBench
from ui.tasks import TaskManager
from ui.tool_windows import close_tool_windows
from ui.watchdog import EventLoopWatchdog

log = logging.getLogger(__name__)


@dataclass
class BenchApp:
    """Everything a running bench holds, so tests and benchmarks can reach the parts."""

    qt_app: QApplication
    window: MainWindow
    bench: PackBench
    login: LoginPage
    wedge: KeyboardWedge
    tasks: TaskManager
    translator: QTranslator | None
    extra_sources: list = field(default_factory=list)
    on_shutdown: list = field(default_factory=list)
    keep: list = field(default_factory=list)  # parts that must live as long as the app
    collector: MainThreadCollector | None = None
    watchdog: EventLoopWatchdog | None = None
    print_product_label: Callable | None = None  # set once printing is attached
    print_product_labels: Callable | None = None  # (title, pdf): preview, then the spooler
    sync_runner: object | None = None  # the channel sync, started by start_sync
    sync_started: bool = False

    def start_sync(self) -> None:
        if self.sync_runner is not None:
            self.sync_runner.start()
            self.sync_started = True

    def shutdown(self) -> None:
        self.wedge.uninstall()
        for source in self.extra_sources:
            source.stop()
        for action in self.on_shutdown:
            action()
        self.tasks.shutdown(wait=True)
        if self.collector is not None:  # the workers are gone: collect as usual again
            self.collector.stop()
        if self.watchdog is not None:
            self.watchdog.stop()


def follow_language_changes(holder: BenchApp,
                            build: Callable[[StationSettings], BenchApp]) -> None:
    """A language chosen in the settings shows at once: the station is built again in it
    (`build(settings)`, which installs its translator) and takes the place of the running one
    in `holder`, which callers keep. The bench's state lives in the store, so the same person
    stays logged in at the same screen and the order open at the bench opens again, its
    verified scans kept; the window keeps its size and full screen."""
    def switch(settings: StationSettings) -> None:
        QTimer.singleShot(0, lambda: _rebuild(holder, build, settings))  # after the dialog

    holder.window.language_chosen.connect(switch)


def _rebuild(holder: BenchApp, build: Callable[[StationSettings], BenchApp],
             settings: StationSettings) -> None:
    old = holder.window
    packer, parked = old.packer, holder.bench.open_order_summary()
    counter = next((page for page, screen in old.page_screens.items()
                    if page is old.pages.currentWidget() and page is not holder.bench
                    and screen is not None), None)
    counter_screen = old.page_screens.get(counter) if counter is not None else None
    full_screen, geometry = old.isFullScreen(), old.normalGeometry()
    running = holder.sync_started
    close_tool_windows()
    old.hide()
    holder.shutdown()
    fresh = build(settings)
    for part in fields(BenchApp):
        setattr(holder, part.name, getattr(fresh, part.name))
    window = holder.window
    window.setGeometry(geometry)
    window.set_full_screen(full_screen)
    window.show()
    old.deleteLater()
    if running:
        holder.start_sync()
    if packer is not None:
        window.log_in_again(packer)
        if counter_screen is not None:
            window.open_tool(counter_screen)
    if parked is not None and packer is not None:
        holder.bench.handle_scan(parked[0], "", "relaunch")  # opens again where it was
    follow_language_changes(holder, build)


def _warm_up_failed(error: BaseException) -> None:
    log.error("warming up failed", exc_info=error)


def qt_application(argv: list[str] | None = None) -> QApplication:
    # Short GIL slices: a scan's verdict must not wait 5 ms (the default) for a label
    # being drawn on a worker to let go of the interpreter.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv or ["packdesk"])
    app.setApplicationName("Packdesk")
    app.setOrganizationName("Packdesk")
    font = QFont(app.font())
    font.setFamilies(["Noto Sans", "DejaVu Sans", "WenQuanYi Micro Hei"])
    app.setFont(font)
    return app


def build_bench_app(service: PackBenchService, settings: StationSettings, store_label: str,
                    label_output: Callable[[Completion], str],
                    parent: QObject | None = None) -> BenchApp:
    app = qt_application()
    collector = MainThreadCollector(app)  # before any worker starts allocating
    translator = install_translator(app, settings.language or QLocale.system().name())
    tasks = TaskManager(turns=turns_of(service.uow_factory))
    station = settings.effective_station_id()
    sounds = SoundBoard(enabled=settings.sounds)
    bench = PackBench(service, tasks, sounds, label_output)
    login = LoginPage(service, tasks, station)
    idle_lock = IdleLock(settings.idle_lock_minutes)
    app.installEventFilter(idle_lock)
    window = MainWindow(login, bench, idle_lock, station, store_label)
    window.locked.connect(close_tool_windows)
    # an operation's failure no screen took is said in the status bar, never swallowed
    tasks.ops.operation_failed.connect(lambda text: window.statusBar().showMessage(text, 15_000))
    CloseGuard(tasks.ops, window)  # closing waits for operations in flight
    wedge = KeyboardWedge(min_length=settings.wedge_min_length,
                          max_mean_gap_ms=settings.wedge_max_mean_gap_ms,
                          suffix=settings.wedge_suffix)
    wedge.scanned.connect(window.on_scan)
    wedge.install(app)
    # reads only, to warm the scan path's queries and the label fonts while the login screen
    # shows; a failure costs the first scan a few milliseconds, so it goes to the log only
    def warmed_up(order: OrderView | None) -> None:
        bench.paint_first_order_ahead(order)  # the first order's paint, paid ahead
        collector.freeze_start_up()

    QueryOp(bench, tasks, service.warm_up, warmed_up).failure(_warm_up_failed) \
        .in_store_order().run_in_background()  # no answer for a bench closed meanwhile
    warm_up = getattr(label_output, "warm_up", None)
    if warm_up is not None:  # while the login screen shows, not during the first order
        QueryOp(None, tasks, warm_up).failure(_warm_up_failed).run_in_background()
    return BenchApp(app, window, bench, login, wedge, tasks, translator, collector=collector,
                    watchdog=EventLoopWatchdog(app, ops=tasks.ops))
