"""The bench window: login and lock screen, the pack bench, and who is packing where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import PackerView
from ui.idle_lock import IdleLock
from ui.login import LoginPage
from ui.pack_bench import PackBench


class MainWindow(QMainWindow):
    def __init__(self, login: LoginPage, bench: PackBench, idle_lock: IdleLock, station: str,
                 store_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login, self.bench, self.idle_lock = login, bench, idle_lock
        self.station = station
        self.packer: PackerView | None = None
        self.work_pages: dict[QWidget, object] = {bench: bench.handle_scan}  # page -> scan taker
        self.setWindowTitle(self.tr("Packdesk — station {0}").format(station))
        self.who = QLabel(self)
        self.who.setObjectName("whoIsPacking")
        self.who.setStyleSheet("font-size: 20px; font-weight: 600; padding: 4px 8px;")
        self.where = QLabel(self.tr("Station {0}").format(station), self)
        self.where.setStyleSheet("font-size: 20px; padding: 4px 8px; color: #444;")
        top = QHBoxLayout()
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(self.where)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(login)
        self.pages.addWidget(bench)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(top)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Store: {0}").format(store_label))
        self._build_menus()
        login.logged_in.connect(self._on_login_logged_in)
        bench.logout_requested.connect(self._on_bench_logout_requested)
        idle_lock.locked.connect(self._on_idle_lock_locked)
        self._show_login()

    def _build_menus(self) -> None:
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        logout = QAction(self.tr("Log out"), self)
        logout.triggered.connect(self._on_bench_logout_requested)
        self.tools_menu.addAction(logout)
        quit_app = QAction(self.tr("Quit Packdesk"), self)
        quit_app.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_app.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_app.triggered.connect(self.close)
        self.tools_menu.addAction(quit_app)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))

    def add_work_page(self, title: str, page: QWidget) -> None:
        """Another place to work at this station (the returns counter); scans go to it
        while it shows. A menu entry switches to it, another back to the pack bench."""
        self.pages.addWidget(page)
        self.work_pages[page] = page.handle_scan
        self.add_tool(title, lambda: self._switch_to(page))
        if len(self.work_pages) == 2:
            self.add_tool(self.tr("Pack bench"), lambda: self._switch_to(self.bench))

    def _switch_to(self, page: QWidget) -> None:
        if self.packer is not None:
            self.pages.setCurrentWidget(page)

    def add_tool(self, title: str, handler) -> QAction:
        action = QAction(title, self)
        action.triggered.connect(handler)
        self.tools_menu.addAction(action)
        return action

    def _show_login(self, notice: str = "", name: str = "") -> None:
        self.who.setText(self.tr("Not logged in"))
        self.setWindowTitle(self.tr("Packdesk — station {0}").format(self.station))
        self.pages.setCurrentWidget(self.login)
        self.login.reset(notice, name)

    def _on_login_logged_in(self, packer: PackerView) -> None:
        self.packer = packer
        role = self.tr("supervisor") if packer.is_supervisor else self.tr("packer")
        self.who.setText(self.tr("Packing: {0} ({1})").format(packer.name, role))
        self.setWindowTitle(self.tr("Packdesk — station {0} — {1}").format(self.station,
                                                                           packer.name))
        self.bench.set_packer(packer)
        for page in self.work_pages:
            if hasattr(page, "set_clerk"):
                page.set_clerk(packer.name)
        self.pages.setCurrentWidget(self.bench)
        self.bench.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_lock.arm()

    def _on_bench_logout_requested(self) -> None:
        self.packer = None
        self.bench.set_packer(None)
        self.idle_lock.disarm()
        parked = self.bench.open_order_summary()
        if parked is None:
            notice = self.tr("Logged out.")
        elif parked[1] == 1:
            notice = self.tr("Logged out. Order {0} stays open at this station with 1 verified "
                             "item; scan it again to go on.").format(parked[0])
        else:
            notice = self.tr("Logged out. Order {0} stays open at this station with {1} "
                             "verified items; scan it again to go on.").format(*parked)
        self._show_login(notice)

    def _on_idle_lock_locked(self) -> None:
        if self.packer is None:
            return
        name = self.packer.name
        self.packer = None
        self.bench.set_packer(None)
        self._show_login(self.tr("Locked after being idle. Enter your PIN to go on."), name)

    def on_scan(self, text: str, symbology: str, source: str) -> None:
        """Scans from every source; only the bench takes them, once someone is logged in."""
        self.idle_lock.poke()
        active = QApplication.activeWindow()
        if active is not None and active is not self and hasattr(active, "on_scanned"):
            active.on_scanned(text, symbology, source)  # a receiving or counting window
            return
        take = self.work_pages.get(self.pages.currentWidget())
        if take is not None:
            take(text, symbology, source)
        else:  # a badge or PIN scanned at the login screen fills the field it is in
            self.login.take_scan(text)
