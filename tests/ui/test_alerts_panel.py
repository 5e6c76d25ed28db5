"""The alerts panel on a real store: shown, announced once, acknowledged with a name."""

from __future__ import annotations

import threading
from concurrent.futures import wait
from datetime import UTC, datetime, timedelta

import pytest
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


def test_a_long_list_is_shown_a_few_rows_a_turn_of_the_event_loop(qtbot):
    """A store with hundreds of open alerts: the panel never fills them all in one go on
    the main thread, where a scan's answer waits to be painted (issue 20: 800 alerts held
    the loop for seconds); every row is there, readable, once the loop has run."""
    from app.services.alerts import AlertView
    from ui.alerts_panel import SHOW_STEP, AlertsPanel

    alerts = [AlertView(i + 1, ("late", "stuck", "return_escalated")[i % 3], f"PD-{i}",
                        f"Order PD-{i} should have shipped by now and is still ready to pack",
                        NOW - timedelta(minutes=i), "", None, i % 7 == 0)
              for i in range(10 * SHOW_STEP)]
    panel = AlertsPanel(lambda shown: None, lambda alert_id, name: None,
                        run=lambda work, done, failed: None)
    qtbot.addWidget(panel)
    panel.resize(460, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel._show(alerts)
    assert panel.table.rowCount() == len(alerts)
    assert panel.table.item(SHOW_STEP - 1, 2) is not None  # the first rows at once
    assert panel.table.item(SHOW_STEP, 2) is None  # the rest on the next turns
    qtbot.waitUntil(lambda: panel.table.item(len(alerts) - 1, 2) is not None, timeout=10000)
    assert [panel.table.item(r, 2).text().startswith(f"Order PD-{r} ")
            for r in range(len(alerts))] == [True] * len(alerts)
    assert panel.table.item(7, 2).text().endswith(" (cleared)")
    for row in (0, SHOW_STEP, len(alerts) - 1):  # sized to its text, as each was filled
        for column in range(3):
            assert _fits(panel.table, row, column), (row, column)


def _fits(table, row: int, column: int) -> bool:
    from PySide6.QtCore import QRect, Qt

    item = table.item(row, column)
    rect = table.visualRect(table.model().index(row, column))
    room = rect.adjusted(3, 1, -3, -1)
    flags = Qt.TextFlag.TextWordWrap if table.wordWrap() else Qt.TextFlag(0)
    needed = table.fontMetrics().boundingRect(QRect(0, 0, room.width(), 10_000), flags,
                                              item.text())
    return needed.width() <= room.width() + 1 and needed.height() <= rect.height()
