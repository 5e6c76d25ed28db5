"""The bench window: login and lock screen, the pack bench, and who is packing where."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import NotAllowed
from app.services import permissions
from app.services.auth import PackerView
from app.services.permissions import Screen, check_may_open, first_screen, who_may_open
from ui.i18n import core_text, error_text
from ui.idle_lock import IdleLock
from ui.login import LoginPage
from ui.pack_bench import PackBench
from ui.tool_windows import opening


class MainWindow(QMainWindow):
    """Every screen of the station opens through `open_screen`, which asks the core's
    permissions table first: nobody logged in (or behind the idle lock) opens nothing."""

    locked = Signal()  # logged out or idle-locked: tool windows close
    full_screen_changed = Signal(bool)  # the packer chose (F11, Esc): kept for the next start
    language_chosen = Signal(object)  # settings saved in another language: screens rebuilt

    def __init__(self, login: LoginPage, bench: PackBench, idle_lock: IdleLock, station: str,
                 store_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login, self.bench, self.idle_lock = login, bench, idle_lock
        self.station = station
        self.packer: PackerView | None = None
        self.work_pages: dict[QWidget, object] = {bench: bench.handle_scan}  # page -> scan taker
        self.page_screens: dict[QWidget, Screen] = {bench: Screen.BENCH}
        self.refusal: QMessageBox | None = None  # the last "not allowed" notice shown
        self.tools: dict[Screen, Callable[[], object]] = {}  # what each menu entry opens
        self.next_steps = None  # a new store's next-steps page, once set up
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
        """The Tools menu is grouped by who may use each entry; a group's header says so."""
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.tools_menu.setToolTipsVisible(True)
        self._groups: dict[str, QAction] = {}  # role words -> the header after the group
        for screen in (Screen.SELF_TEST, Screen.BENCH, Screen.RETURNS_COUNTER,
                       Screen.ORDER_BOARD):
            words = who_may_open(screen)
            header = self.tools_menu.addAction(self.tr("For {0}:").format(core_text(words)))
            header.setEnabled(False)
            self._groups[words] = header
        self._end_of_tools = self.tools_menu.addSeparator()
        logout = QAction(self.tr("Log out"), self)
        logout.triggered.connect(self._on_bench_logout_requested)
        self.tools_menu.addAction(logout)
        quit_app = QAction(self.tr("Quit Packdesk"), self)
        quit_app.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_app.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_app.triggered.connect(self.close)
        self.tools_menu.addAction(quit_app)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_menu.setToolTipsVisible(True)
        self.full_screen_action = QAction(self.tr("Full screen (F11)"), self)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.full_screen_action.triggered.connect(self._on_full_screen_action_triggered)
        self.settings_menu.addAction(self.full_screen_action)
        # Esc leaves full screen; it is a window shortcut, so a dialog's Esc stays the
        # dialog's, and the keyboard wedge lets it pass without breaking a scan in flight
        leave = QAction(self.tr("Leave full screen"), self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.triggered.connect(self._on_leave_full_screen_triggered)
        self.addAction(leave)

    # ---- full screen -------------------------------------------------------------------
    def set_full_screen(self, on: bool) -> None:
        """The bench fills the screen (read from two metres), or is a window again."""
        focused = QApplication.focusWidget()  # the log-in name, the scan field: it stays
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.full_screen_action.setChecked(on)
        if focused is not None and focused.window() is self:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_full_screen_action_triggered(self, checked: bool) -> None:
        self.set_full_screen(checked)
        self.full_screen_changed.emit(checked)

    def _on_leave_full_screen_triggered(self) -> None:
        if self.isFullScreen():
            self.set_full_screen(False)
            self.full_screen_changed.emit(False)

    def createPopupMenu(self) -> QMenu | None:  # noqa: N802 (Qt's name)
        """No right-click menu of docks: the alerts dock opens through its tool only."""
        return None

    def add_work_page(self, title: str, page: QWidget, screen: Screen) -> None:
        """Another place to work at this station (the returns counter); scans go to it
        while it shows. A menu entry switches to it, another back to the pack bench."""
        self.pages.addWidget(page)
        self.work_pages[page] = page.handle_scan
        self.page_screens[page] = screen
        self.add_tool(title, lambda: self.pages.setCurrentWidget(page), screen)
        if len(self.work_pages) == 2:
            self.add_tool(self.tr("Pack bench"), lambda: self.pages.setCurrentWidget(self.bench),
                          Screen.BENCH)

    def add_tool(self, title: str, handler: Callable[[], object], screen: Screen,
                 menu: QMenu | None = None) -> QAction:
        """A menu entry that opens `screen` for whoever may; its group (or tool tip) says
        who that is, and anyone else is told why not."""
        action = QAction(title, self)
        action.setToolTip(self.tr("Needs {0}").format(core_text(who_may_open(screen))))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _checked=False: self.open_screen(
            screen, handler, title))
        self.tools.setdefault(screen, handler)
        if menu is not None:
            menu.addAction(action)
            return action
        header = self._groups[who_may_open(screen)]
        following = [a for a in self._groups.values() if a is not header]
        actions = self.tools_menu.actions()
        after = actions.index(header)
        before = next((a for a in actions[after + 1:] if a in following or
                       a is self._end_of_tools), self._end_of_tools)
        self.tools_menu.insertAction(before, action)
        return action

    def may_open(self, screen: Screen) -> bool:
        return permissions.may_open(self.packer.role if self.packer else None, screen)

    def open_screen(self, screen: Screen, handler: Callable[[], object],
                    title: str = "") -> bool:
        """Run `handler` (open the screen) when the person logged in may; otherwise say
        who may, in a notice that does not block the bench."""
        try:
            check_may_open(self.packer.role if self.packer else None,
                           self.packer.name if self.packer else "", screen)
        except NotAllowed as refused:
            self._refuse(error_text(refused))
            return False
        with opening(title):
            handler()
        return True

    def _refuse(self, text: str) -> None:
        if self.refusal is not None:
            self.refusal.close()
        self.refusal = QMessageBox(QMessageBox.Icon.Information, self.tr("Not allowed"), text,
                                   QMessageBox.StandardButton.Ok, self)
        self.refusal.setObjectName("refusal")
        self.refusal.open()
        self.statusBar().showMessage(text, 15_000)

    def open_tool(self, screen: Screen) -> bool:
        """Open the screen a menu entry opens (the next-steps links use this)."""
        handler = self.tools.get(screen)
        return handler is not None and self.open_screen(screen, handler)

    def start_first_day(self, supervisor: PackerView, next_steps: QWidget) -> None:
        """A store just set up: its supervisor is logged in, and the next steps show (also
        under Tools, for later)."""
        self.next_steps = next_steps
        self.pages.addWidget(next_steps)
        self.add_tool(self.tr("Next steps for a new store"),
                      lambda: self.pages.setCurrentWidget(next_steps), Screen.NEXT_STEPS)
        next_steps.start_packing.connect(lambda: self.pages.setCurrentWidget(self.bench))
        next_steps.show_available(lambda screen: screen in self.tools)
        self._on_login_logged_in(supervisor)
        self.pages.setCurrentWidget(next_steps)

    def _show_login(self, notice: str = "", name: str = "") -> None:
        self.who.setText(self.tr("Not logged in"))
        self.setWindowTitle(self.tr("Packdesk — station {0}").format(self.station))
        self.pages.setCurrentWidget(self.login)
        self.login.reset(notice, name)

    def _on_login_logged_in(self, packer: PackerView) -> None:
        """The person lands where their role works: clerks at the returns counter, the
        others at the bench (an order left open there is still open)."""
        landing = first_screen(packer.role)
        page = next((p for p, s in self.page_screens.items() if s is landing), None)
        if page is None:
            self._show_login(self.tr("{0} is a counter clerk, and this station has no returns "
                                     "counter.").format(packer.name))
            return
        self.packer = packer
        role = {"supervisor": self.tr("supervisor"), "clerk": self.tr("counter clerk")}.get(
            packer.role, self.tr("packer"))
        self.who.setText(self.tr("Logged in: {0} ({1})").format(packer.name, role))
        self.setWindowTitle(self.tr("Packdesk — station {0} — {1}").format(self.station,
                                                                           packer.name))
        if landing is Screen.BENCH:
            self.bench.set_packer(packer)
        for work_page in self.work_pages:
            if hasattr(work_page, "set_clerk"):
                work_page.set_clerk(packer.name)
        self.pages.setCurrentWidget(page)
        if page is self.bench:
            self.bench.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_lock.arm()

    def log_in_again(self, packer: PackerView) -> None:
        """The same person, on screens rebuilt in another language: no PIN asked again."""
        self._on_login_logged_in(packer)

    def _on_bench_logout_requested(self) -> None:
        self.packer = None
        self.bench.set_packer(None)
        self.idle_lock.disarm()
        self.locked.emit()
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
        self.bench.set_packer(None)  # the open order stays open, its scans kept
        self.locked.emit()
        self._show_login(self.tr("Locked after being idle. Enter your PIN to go on."), name)

    def on_scan(self, text: str, symbology: str, source: str) -> None:
        """Scans from every source; only the bench takes them, once someone is logged in."""
        self.idle_lock.poke()
        active = QApplication.activeWindow()
        if (active is not None and active is not self and active.isVisible()
                and hasattr(active, "on_scanned")):  # a dialog just closed takes no scan
            active.on_scanned(text, symbology, source)  # a receiving or counting window
            return
        take = self.work_pages.get(self.pages.currentWidget())
        if take is not None and self.packer is not None:
            take(text, symbology, source)
        elif self.pages.currentWidget() is self.login:
            self.login.take_scan(text)  # a badge or PIN fills the field it is in
