"""Builds the bench window from services that main.py made, and runs the Qt event loop."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, QObject, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.services.bench import PackBenchService
from app.services.views import Completion
from app.settings import StationSettings
from scanners.wedge import KeyboardWedge
from ui.collector import MainThreadCollector
from ui.feedback import SoundBoard
from ui.i18n import install_translator
from ui.idle_lock import IdleLock
from ui.login import LoginPage
from ui.main_window import MainWindow
from ui.pack_bench import PackBench
from ui.tasks import TaskManager
from ui.watchdog import EventLoopWatchdog


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
    tasks = TaskManager()
    station = settings.effective_station_id()
    sounds = SoundBoard(enabled=settings.sounds)
    bench = PackBench(service, tasks, sounds, label_output)
    login = LoginPage(service, tasks, station)
    idle_lock = IdleLock(settings.idle_lock_minutes)
    app.installEventFilter(idle_lock)
    window = MainWindow(login, bench, idle_lock, station, store_label)
    wedge = KeyboardWedge(min_length=settings.wedge_min_length,
                          max_mean_gap_ms=settings.wedge_max_mean_gap_ms,
                          suffix=settings.wedge_suffix)
    wedge.scanned.connect(window.on_scan)
    wedge.install(app)
    tasks.run_in_store(service.warm_up)
    warm_up = getattr(label_output, "warm_up", None)
    if warm_up is not None:  # while the login screen shows, not during the first order
        tasks.run_io(warm_up)
    return BenchApp(app, window, bench, login, wedge, tasks, translator, collector=collector,
                    watchdog=EventLoopWatchdog(app))
