"""The station's edges as a newcomer meets them (issue 21): the alerts dock read where it
docks, the language switched without a restart, tool windows titled and on the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDockWidget

from tests.ui.station import (
    log_in,
    screen_actions,
    start_station,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
    tool_windows,
)
from ui.tool_windows import close_tool_windows


@pytest.fixture
def station(qtbot, demo_store, station_dirs):  # noqa: F811
    bench_app = start_station(qtbot, demo_store, station_settings(station_dirs))
    yield bench_app
    close_tool_windows()
    bench_app.shutdown()


@pytest.fixture
def rebuilt_station(qtbot, demo_store, station_dirs):  # noqa: F811
    """A station whose window is replaced when its language changes: the one on screen at
    the end is closed (qtbot would close the first, deleted by then)."""
    from main import build_station

    bench_app, _runner = build_station(station_settings(station_dirs), demo_store)
    bench_app.window.resize(1280, 800)
    bench_app.window.show()
    qtbot.waitExposed(bench_app.window)
    yield bench_app
    close_tool_windows()
    bench_app.shutdown()
    bench_app.window.close()
    bench_app.window.deleteLater()


def _open_alerts(qtbot, station):
    from ui.alerts_panel import AlertsPanel

    window = station.window
    log_in(qtbot, station, "Sam", "9999")
    [alerts] = [a for a in screen_actions(window) if a.text() == "Alerts"]
    alerts.trigger()
    panel = window.findChild(AlertsPanel)
    with qtbot.waitSignal(panel.refreshed, timeout=10000):
        panel.refresh()
    dock = next(d for d in window.findChildren(QDockWidget) if d.widget() is panel)
    qtbot.waitUntil(lambda: dock.isVisible() and panel.table.rowCount() > 0, timeout=5000)
    qtbot.wait(50)  # the rows' heights follow their text after the layout settles
    return window, dock, panel


def _cell_fits(table, row: int, column: int) -> bool:
    """The cell's whole text shows: wrapped where the column wraps, never cut or elided."""
    item = table.item(row, column)
    rect: QRect = table.visualRect(table.model().index(row, column))
    metrics = table.fontMetrics()
    room = rect.adjusted(3, 1, -3, -1)  # the item's own margins
    flags = Qt.TextFlag.TextWordWrap if table.wordWrap() else Qt.TextFlag(0)
    needed = metrics.boundingRect(QRect(0, 0, room.width(), 10_000), flags, item.text())
    return needed.width() <= room.width() + 1 and needed.height() <= rect.height()


def test_the_alerts_dock_is_read_where_it_docks(qtbot, station):
    window, dock, panel = _open_alerts(qtbot, station)
    assert not dock.isFloating()
    assert dock.width() >= 420  # not a sliver beside the bench
    assert window.centralWidget().width() >= 640  # and the bench keeps its room
    table = panel.table
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scrolling to read
    for row in range(min(table.rowCount(), 8)):
        for column in range(table.columnCount()):
            assert _cell_fits(table, row, column), (row, column, table.item(row, column).text())


# ---- the language, switched without a restart -------------------------------------------

def _choose_language(qtbot, station, code: str) -> None:
    """Settings → Station settings…, the language chosen, Save: as the supervisor does it."""
    from PySide6.QtWidgets import QApplication

    from ui.settings_dialog import SettingsDialog

    window = station.window
    [entry] = [a for a in window.settings_menu.actions() if a.toolTip() and
               a.text() in ("Station settings…", "工位设置…")]
    entry.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SettingsDialog) and w.isVisible())
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    old_window = window
    dialog.accept()
    qtbot.waitUntil(lambda: station.window is not old_window and station.window.isVisible(),
                    timeout=10000)


@pytest.mark.qt_log_ignore(r"This plugin does not support")  # offscreen only
def test_the_language_switches_at_once_and_the_open_order_stays_open(
        qtbot, rebuilt_station, one_item_order, uow):
    station = rebuilt_station
    with uow() as u:  # two units, so the order stays open after one scan
        order = u.orders.get("PD-900777")
        order.lines[0].quantity = 2
        u.stock.get(order.lines[0].sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
    log_in(qtbot, station, "Sam", "9999")
    window, bench = station.window, station.bench
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000):
        window.on_scan("PD-900777", "", "wedge")
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda r, _m: r == "verified"):
        window.on_scan(one_item_order, "", "wedge")
    assert window.tools_menu.title() == "&Tools"

    _choose_language(qtbot, station, "zh_CN")
    window, bench = station.window, station.bench
    assert window.tools_menu.title() == "工具(&T)" and window.settings_menu.title() == "设置(&S)"
    assert window.windowTitle() == "Packdesk — 工位 bench-1 — Sam"  # still logged in
    assert window.pages.currentWidget() is bench
    qtbot.waitUntil(lambda: bench.open_order_summary() == ("PD-900777", 1), timeout=10000)
    assert bench.log_title.text() == "本订单的扫描记录"  # the bench's own texts too
    alerts_dock = next(d for d in window.findChildren(QDockWidget) if d.widget() is not None
                       and type(d.widget()).__name__ == "AlertsPanel")
    assert alerts_dock.windowTitle() == "告警"

    _choose_language(qtbot, station, "en")
    window, bench = station.window, station.bench
    assert window.tools_menu.title() == "&Tools"
    assert window.windowTitle() == "Packdesk — station bench-1 — Sam"
    qtbot.waitUntil(lambda: bench.open_order_summary() == ("PD-900777", 1), timeout=10000)
    assert bench.log_title.text() == "Scans of this order"
    with qtbot.waitSignal(bench.verdict_shown, timeout=10000,  # the same order packs on
                          check_params_cb=lambda r, _m: r == "complete"):
        window.on_scan(one_item_order, "", "wedge")
    assert tool_windows() == []


# ---- tool windows --------------------------------------------------------------------------

@pytest.mark.qt_log_ignore(r"This plugin does not support")  # offscreen only
def test_every_tool_window_has_its_title_its_size_and_stays_on_screen(qtbot, station):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = station.window
    log_in(qtbot, station, "Sam", "9999")
    checked = []
    for action in screen_actions(window):
        before = set(tool_windows())

        def close_a_modal_notice() -> None:  # "no label yet" and the like wait for OK
            modal = QApplication.activeModalWidget()
            if modal is not None and type(modal).__name__ == "QMessageBox":
                modal.close()

        QTimer.singleShot(300, close_a_modal_notice)
        action.trigger()
        qtbot.wait(20)
        opened = [w for w in tool_windows() if w not in before]
        for tool in opened:
            qtbot.waitUntil(tool.isVisible, timeout=5000)
            title = tool.windowTitle()
            assert title and title.lower() not in ("python", "packdesk"), action.text()
            area = (tool.screen() or QApplication.primaryScreen()).availableGeometry()
            assert area.contains(tool.frameGeometry().topLeft()), (action.text(),
                                                                  tool.geometry(), area)
            if tool.minimumSizeHint().width() <= area.width():
                assert area.contains(tool.geometry()), (action.text(), tool.geometry())
            assert tool.width() >= 320 and tool.height() >= 160, (action.text(), tool.size())
            checked.append((action.text(), title))
            tool.close()
        close_tool_windows()
    titles = [title for _entry, title in checked]
    assert len(checked) >= 8, checked
    assert len(set(titles)) == len(titles), checked  # each its own title
