"""The cycle count screen: blind while counting, variance after, supervisor's decision."""

from __future__ import annotations

import pytest

from app.services import stock
from app.services.commands import SupervisorApproval
from tests.integration.test_stock_services import CASE_OF_TEA, SOAP, seeded_uow
from ui.cycle_count import CycleCountWidget
from ui.tasks import TaskManager


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_count_a_location_blind_then_approve(qtbot, qtmodeltester, store, tasks):
    uow = seeded_uow(store)
    widget = CycleCountWidget(tasks, uow, "Ann", "bench-2")
    qtbot.addWidget(widget)
    widget.location.setText("A-01")
    widget.open_button.click()
    qtbot.waitUntil(lambda: widget.stage == "counting", timeout=5000)
    widget.on_scanned(CASE_OF_TEA, "ean14", "wedge")
    qtbot.waitUntil(lambda: widget.message.text() == "TEA-1: 6", timeout=5000)
    widget.scan.setText(SOAP)
    widget.scan.returnPressed.emit()
    qtbot.waitUntil(lambda: widget.message.text() == "SOAP-1: 1", timeout=5000)
    expected_column = [widget.table.item(r, 2).text() for r in range(widget.table.rowCount())]
    assert expected_column == ["", ""]  # blind
    widget.recount_sku.setText("SOAP-1")
    widget.recount_units.setValue(4)
    widget.recount_button.click()
    qtbot.waitUntil(lambda: widget.message.text() == "SOAP-1: 4", timeout=5000)
    widget.close_button.click()
    qtbot.waitUntil(lambda: widget.stage == "submitted", timeout=5000)
    assert "4 units short" in widget.status.text() and "accuracy 50%" in widget.status.text()
    qtmodeltester.check(widget.table.model())
    widget.decide(SupervisorApproval("Ann", "1234", "count"), approve=True)
    qtbot.waitUntil(lambda: "not a supervisor" in widget.message.text(), timeout=5000)
    assert widget.stage == "submitted"
    with qtbot.waitSignal(widget.finished, timeout=5000) as blocker:
        widget.decide(SupervisorApproval("Sam", "9999", "weekly count"), approve=True)
    assert blocker.args[0].status == "approved" and widget.stage == "idle"
    assert stock.stock_levels(uow(), ["TEA-1"])[0].available == 6


def test_scanning_before_a_count_is_refused_plainly(qtbot, store, tasks):
    widget = CycleCountWidget(tasks, seeded_uow(store), "Ann", "bench-2")
    qtbot.addWidget(widget)
    widget.on_scanned(SOAP, "", "wedge")
    assert widget.message.text() == "Start a count before scanning."
    widget.open_button.click()  # neither a location nor SKUs
    qtbot.waitUntil(lambda: "Say which location" in widget.message.text(), timeout=5000)
