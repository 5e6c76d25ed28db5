"""Every screen of a station asks the core's permissions table before it opens: nothing
with nobody logged in (or behind the idle lock), the supervisor's tools for supervisors,
the bench for packers and the returns counter for clerks."""

from __future__ import annotations

import pytest

from app.services.people import add_person
from tests.ui.station import (
    log_in,
    screen_actions,
    start_station,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
    tool_windows,
)
from ui.tool_windows import close_tool_windows

SUPERVISOR_ENTRIES = {"Order board", "Health dashboard", "Alerts", "Print labels for many "
                      "orders…", "Import orders from a CSV file…", "Station settings…",
                      "Orders needing review…", "Failed channel messages…", "People…",
                      "Products…", "Import the catalogue from a CSV file…",
                      "Shipping-upload file for a marketplace…"}


@pytest.fixture
def station(qtbot, demo_store, station_dirs):  # noqa: F811
    bench_app = start_station(qtbot, demo_store, station_settings(station_dirs))
    yield bench_app
    close_tool_windows()
    bench_app.shutdown()


def _refusal(window) -> str:
    return window.refusal.text() if window.refusal is not None and window.refusal.isVisible() \
        else ""


def test_nothing_opens_with_nobody_logged_in(qtbot, station):
    window = station.window
    actions = screen_actions(window)
    assert {a.text() for a in actions} >= SUPERVISOR_ENTRIES | {
        "Print log", "Returns counter", "Pack bench", "Hardware self-test", "Receive goods",
        "Cycle count", "Stock history", "Print the command-barcode sheet"}
    for action in actions:
        action.trigger()
        assert _refusal(window).startswith("Log in first: only "), action.text()
        assert tool_windows() == [], action.text()
        assert window.pages.currentWidget() is station.login
    status = next(w for w in window.statusBar().children()
                  if type(w).__name__ == "SyncStatusWidget")
    status.failed_button.click()  # the status bar's way to the failed messages
    assert "failed channel messages" in _refusal(window) and tool_windows() == []


def test_each_entry_says_who_may_open_it(station):
    tips = {a.text(): a.toolTip() for a in screen_actions(station.window)}
    assert tips["Order board"] == "Needs a supervisor"
    assert tips["Returns counter"] == "Needs a counter clerk or a supervisor"
    assert tips["Print log"] == "Needs a packer or a supervisor"
    assert tips["Hardware self-test"] == "Needs anyone logged in"
    headers = [a.text() for a in station.window.tools_menu.actions() if not a.isEnabled()]
    assert headers == ["For anyone logged in:", "For a packer or a supervisor:",
                       "For a counter clerk or a supervisor:", "For a supervisor:"]


def test_a_packer_gets_the_bench_and_not_the_supervisors_tools(qtbot, station):
    window = station.window
    log_in(qtbot, station, "Ann", "1234")
    assert window.pages.currentWidget() is station.bench
    for action in screen_actions(window):
        if action.text() in SUPERVISOR_ENTRIES | {"Returns counter"}:
            action.trigger()
            assert " Ann is logged in as a packer." in _refusal(window), action.text()
            assert tool_windows() == [], action.text()
    [print_log] = [a for a in screen_actions(window) if a.text() == "Print log"]
    print_log.trigger()
    qtbot.waitUntil(lambda: len(tool_windows()) == 1)
    assert type(tool_windows()[0]).__name__ == "PrintLog"


def test_a_clerk_lands_at_the_returns_counter_and_may_not_pack(qtbot, station, uow):
    add_person(uow(), "Bo", "4321", "clerk")
    window = station.window
    log_in(qtbot, station, "Bo", "4321")
    counter = next(p for p, s in window.page_screens.items() if s.name == "RETURNS_COUNTER")
    assert window.pages.currentWidget() is counter
    assert window.who.text() == "Logged in: Bo (counter clerk)"
    [bench] = [a for a in screen_actions(window) if a.text() == "Pack bench"]
    bench.trigger()
    assert _refusal(window) == ("Only a packer or a supervisor may open the pack bench; Bo is "
                                "logged in as a counter clerk.")
    assert window.pages.currentWidget() is counter


def test_the_idle_lock_closes_every_tool_and_keeps_the_open_order(qtbot, station,
                                                                  one_item_order, uow):
    window, bench = station.window, station.bench
    with uow() as u:  # a second unit, so the order stays open after one scan
        order = u.orders.get("PD-900777")
        order.lines[0].quantity = 2
        u.stock.get(order.lines[0].sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
    log_in(qtbot, station, "Sam", "9999")
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000):
        window.on_scan("PD-900777", "", "wedge")
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda r, _m: r == "verified"):
        window.on_scan(one_item_order, "", "wedge")
    [board] = [a for a in screen_actions(window) if a.text() == "Order board"]
    board.trigger()
    [alerts] = [a for a in screen_actions(window) if a.text() == "Alerts"]
    alerts.trigger()
    qtbot.waitUntil(lambda: [type(w).__name__ for w in tool_windows()] == ["OrderBoard"])
    alerts_dock = next(d for d in window.children() if type(d).__name__ == "QDockWidget"
                       and d.windowTitle() == "Alerts")
    assert alerts_dock.isVisible()

    window.idle_lock.set_minutes(0.001)  # the configured time passes with nobody at the bench
    window.idle_lock.arm()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is station.login, timeout=5000)
    assert tool_windows() == [] and not alerts_dock.isVisible()
    assert station.login.notice.text() == "Locked after being idle. Enter your PIN to go on."
    assert station.login.name.text() == "Sam"
    window.on_scan("PD-900777", "", "wedge")  # a scan behind the lock packs nothing
    board.trigger()
    assert _refusal(window).startswith("Log in first: only a supervisor may open the order")
    assert bench.open_order_summary() == ("PD-900777", 1)

    window.idle_lock.set_minutes(5)
    window.on_scan("9999", "", "badge")  # the PIN again: the same order, its scan kept
    qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=5000)
    assert bench.open_order_summary() == ("PD-900777", 1)
    with qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                          check_params_cb=lambda r, _m: r == "complete"):
        window.on_scan(one_item_order, "", "wedge")


def test_a_refusal_reads_in_chinese(qapp):
    from app.domain.errors import NotAllowed
    from app.services.permissions import Screen, check_may_open
    from ui.i18n import error_text, install_translator

    translator = install_translator(qapp, "zh_CN")
    try:
        with pytest.raises(NotAllowed) as refused:
            check_may_open("packer", "Ann", Screen.PEOPLE)
        assert error_text(refused.value) == "只有主管可以打开人员页面；Ann 登录的身份是打包员。"
    finally:
        qapp.removeTranslator(translator)


def test_alerts_are_acknowledged_by_the_person_logged_in(qtbot, station, uow):
    from app.domain.errors import NotAllowed
    from app.services.auth import log_in as check_pin
    from app.services.commands import LogIn
    from ui.alerts_panel import AlertsPanel

    for _ in range(5):  # five wrong PINs for Ann: a login_locked alert for the supervisor
        with pytest.raises(NotAllowed):
            check_pin(LogIn("Ann", "0000"), uow())
    window = station.window
    panel = window.findChild(AlertsPanel)
    assert not panel.name.isVisibleTo(panel)  # no name to type
    log_in(qtbot, station, "Sam", "9999")
    [alerts] = [a for a in screen_actions(window) if a.text() == "Alerts"]
    alerts.trigger()
    with qtbot.waitSignal(panel.refreshed, timeout=10000):
        panel.refresh()
    row = next(i for i, a in enumerate(panel.alerts) if a.kind == "login_locked")
    panel.table.selectRow(row)
    panel.acknowledge_button.click()
    qtbot.waitUntil(lambda: panel.notice.text() == "Acknowledged by Sam.", timeout=10000)
