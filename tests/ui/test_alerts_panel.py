"""The alerts panel on a real store: shown, announced once, acknowledged with a name."""

from __future__ import annotations

import threading
from concurrent.futures import wait
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxMessage
from app.services import commands as c
from app.services.bench import PackBenchService
from ui.alerts_panel import build_alerts_panel
from ui.tasks import TaskManager

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def alert_uow(store):
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    with factory() as uow:
        for number, hours_ago, ship_in in (("OLD", 6, 30), ("LATE", 1, -2)):
            uow.orders.add(Order(number, "shopify", number, "Mei", "1", Address("Mei"),
                                 [OrderLine("TEA-1", "Tea", 1)], status=OrderStatus.READY,
                                 placed_at=NOW - timedelta(hours=hours_ago),
                                 ship_by=NOW + timedelta(hours=ship_in)))
        uow.outbox.add(OutboxMessage("shopify", "fulfilment", "k-1", {}, NOW, "failed", 5,
                                     "HTTP 500"))
        uow.commit()
    return factory


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_alerts_show_once_and_go_when_acknowledged(alert_uow, tasks, qtbot):
    panel = build_alerts_panel(alert_uow, tasks)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=5000)
    texts = [panel.table.item(r, 2).text() for r in range(3)]
    assert any("HTTP 500" in t for t in texts) and any("LATE" in t for t in texts)
    assert "3 alerts to acknowledge" in panel.notice.text()

    with qtbot.assertNotEmitted(panel.alerts_raised), \
            qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.refresh()  # the same conditions: nothing new to announce

    panel.table.selectRow(0)
    panel.acknowledge_button.click()  # no name yet
    qtbot.waitUntil(lambda: "name" in panel.notice.text(), timeout=5000)
    assert panel.table.rowCount() == 3
    panel.name.setText("Sam")
    panel.acknowledge_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    assert "Acknowledged by Sam" in panel.notice.text()


def test_a_new_condition_is_announced(alert_uow, qtbot):
    panel = build_alerts_panel(alert_uow)
    qtbot.addWidget(panel)
    with alert_uow() as uow:
        uow.outbox.add(OutboxMessage("taobao", "stock_level", "k-2", {}, NOW, "failed", 5,
                                     "HTTP 429"))
        uow.commit()
    with qtbot.waitSignal(panel.alerts_raised, timeout=5000) as raised:
        panel.refresh_button.click()
    assert raised.args == [1] and panel.table.rowCount() == 4


def test_no_tray_on_a_screenless_desktop_is_quiet(alert_uow, qtbot):
    panel = build_alerts_panel(alert_uow)
    qtbot.addWidget(panel)
    assert QSystemTrayIcon.isSystemTrayAvailable() is False
    assert panel.tray is None and panel.table.rowCount() == 3


def test_choosing_nothing_says_so(alert_uow, qtbot):
    panel = build_alerts_panel(alert_uow)
    qtbot.addWidget(panel)
    panel.table.clearSelection()
    panel.table.setCurrentCell(-1, -1)
    panel.acknowledge_selected()
    assert panel.notice.text() == "Choose an alert first."


def test_a_scan_is_answered_while_an_alerts_refresh_is_under_way(store, uow, one_item_order,
                                                                  tasks, qtbot):
    """Issue 20: the refresh reads every open order; on a big store that takes hundreds of
    milliseconds, and a scan queued behind it on the scans' worker waits as long. Here the
    refresh is held at its first step (it asks the time) until the scan has been answered."""
    events: list[str] = []
    refresh_started, release = threading.Event(), threading.Event()

    def held_clock() -> datetime:
        if not refresh_started.is_set():
            events.append("refresh started")
            refresh_started.set()
            release.wait(10)
        return NOW

    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder("PD-900777", "Ann"))
    panel = build_alerts_panel(uow_factory(store.session_factory, "test-bench",
                                           clock=held_clock), tasks)
    qtbot.addWidget(panel)
    panel.refreshed.connect(lambda: events.append("refresh done"))
    assert refresh_started.wait(5)
    scanned = tasks.run_in_store(lambda: bench.scan_item(
        c.ScanItem(opened.session_id, "uid-1", one_item_order)))
    try:
        answered, _waiting = wait([scanned], timeout=5)
        assert scanned in answered, "the scan waited behind the alerts refresh"
        events.append(f"scan answered: {scanned.result().result}")
    finally:
        release.set()
    qtbot.waitUntil(lambda: "refresh done" in events, timeout=5000)
    assert events == ["refresh started", "scan answered: verified", "refresh done"]


def test_the_panel_keeps_its_list_until_another_station_changes_it(alert_uow, tasks, qtbot):
    """A steady refresh leaves the list on screen as it is (the store does not read it
    again); an acknowledgement at another station takes the row off at the next one."""
    from app.services.alerts import acknowledge_alert

    panel = build_alerts_panel(alert_uow, tasks)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=5000)
    shown = panel.alerts
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.refresh()
    assert panel.alerts == shown

    acknowledge_alert(alert_uow(), shown[0].id, "Sam at station 2")
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.refresh()
    assert [a.id for a in panel.alerts] == [a.id for a in shown[1:]]
    assert "2 alerts to acknowledge" in panel.notice.text()


def _many_alerts(count: int):
    from app.services.alerts import AlertView

    return tuple(AlertView(i, ("late", "stuck", "returned_to_sender")[i % 3], f"PD-{i}",
                           f"Order PD-{i} is late: promised yesterday, still not packed "
                           f"after {i} hours at the bench", NOW - timedelta(minutes=i), "",
                           None, i % 7 == 0) for i in range(count))


def test_a_long_list_shows_its_first_rows_at_once_and_the_rest_a_few_a_turn(qtbot):
    """A thousand alerts (a big store's first refresh) never hold the station's main thread,
    the scans' too: the first rows at once, the rest a few each turn of the loop; every row
    keeps its text, its colour and its id, and the time and kind columns fit every row."""
    from app.services.alerts import AlertRefresh
    from ui.alerts_panel import FIRST_ROWS, ROWS_A_TURN, AlertsPanel

    alerts = _many_alerts(1000)
    panel = AlertsPanel(lambda shown: AlertRefresh((), alerts, "fp", False),
                        lambda alert_id, name: None)
    qtbot.addWidget(panel)
    panel.resize(460, 700)
    panel.show()
    qtbot.waitExposed(panel)
    filled = lambda: sum(panel.table.item(r, 2) is not None for r in range(1000))  # noqa: E731
    panel.refresh()
    assert panel.table.rowCount() == 1000 and filled() == FIRST_ROWS
    assert panel.notice.text() == "1000 alerts to acknowledge"
    qtbot.wait(0)
    assert filled() <= FIRST_ROWS + 3 * ROWS_A_TURN  # a few a turn, not all at once
    qtbot.waitUntil(lambda: filled() == 1000, timeout=20000)
    for row in (0, 500, 999):
        alert = alerts[row]
        message = panel.table.item(row, 2)
        assert message.text() == alert.message + (" (cleared)" if alert.cleared else "")
        assert message.data(Qt.ItemDataRole.UserRole) == alert.id
        assert (message.foreground().color().name() == "#7a7a7a") == alert.cleared
    metrics = panel.table.fontMetrics()
    for column in (0, 1):
        widest = max(metrics.horizontalAdvance(panel.table.item(r, column).text())
                     for r in range(1000))
        assert panel.table.columnWidth(column) >= widest + 2
    tall = panel.table.rowHeight(999)
    assert tall >= 2 * metrics.height()  # the wrapped message fits its row, far down too



def test_a_changed_list_fills_only_the_rows_that_changed(qtbot):
    """A big store's list changes by a few alerts a refresh (one raised, one cleared, one
    acknowledged elsewhere): the panel fills those rows only and keeps the others' items
    (issue 20: refilling a thousand rows on every change took the main thread, the scans'
    too, 111 CPU-s of a 364 s busy run). What is on screen is the new list, row by row."""
    from dataclasses import replace

    from app.services.alerts import AlertRefresh, AlertView
    from ui.alerts_panel import AlertsPanel

    first = _many_alerts(300)
    new = AlertView(5000, "late", "PD-5000", "Order PD-5000 is late", NOW, "", None, False)
    second = (new,) + first[:10] + (replace(first[10], cleared=True),) + first[11:200] \
        + first[201:]
    lists = iter([first, second])
    panel = AlertsPanel(lambda shown: AlertRefresh((), next(lists), "fp", False),
                        lambda alert_id, name: None)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: all(panel.table.item(r, 2) is not None for r in range(300)),
                    timeout=20000)
    kept = {panel.table.item(r, 2).data(Qt.ItemDataRole.UserRole): panel.table.item(r, 2)
            for r in range(300)}
    panel.refresh()
    qtbot.waitUntil(lambda: all(panel.table.item(r, 2) is not None
                                for r in range(panel.table.rowCount())), timeout=20000)
    assert panel.table.rowCount() == len(second) == 300
    for row, alert in enumerate(second):
        item = panel.table.item(row, 2)
        assert item.data(Qt.ItemDataRole.UserRole) == alert.id
        assert item.text() == alert.message + (" (cleared)" if alert.cleared else "")
    renewed = [row for row, alert in enumerate(second)
               if panel.table.item(row, 2) is not kept.get(alert.id)]
    assert renewed == [0, 11]  # the new alert and the one cleared; 299 rows kept
    assert panel.notice.text() == "300 alerts to acknowledge"
