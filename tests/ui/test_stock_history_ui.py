"""The stock history screen: a SKU's figures explained move by move, its quotas, its lots."""

from __future__ import annotations

import pytest

from app.services import stock
from app.services.channel_stock import add_channel, list_sku
from tests.integration.test_stock_services import seeded_uow
from ui.stock_history import StockHistoryWidget
from ui.tasks import TaskManager


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_history_quotas_and_lots_on_screen(qtbot, qtmodeltester, store, tasks):
    uow = seeded_uow(store)
    stock.freeze(stock.FreezeStock("TEA-1", 2, "quarantine", "Ann"), uow())
    add_channel(uow(), "shop", "shopify", allocation_ratio=0.5)
    list_sku(uow(), "shop", "TEA-1", floor_buffer=1)
    widget = StockHistoryWidget(tasks, uow)
    qtbot.addWidget(widget)
    widget.sku.setText("TEA-1")
    with qtbot.waitSignal(widget.shown, timeout=5000):
        widget.show_button.click()
    assert widget.moves.rowCount() == 2
    last = [widget.moves.item(1, c).text() for c in range(widget.moves.columnCount())]
    assert last[1:5] == ["available", "frozen", "2", "quarantine"]
    assert last[8:] == ["8", "0", "2", "0", "8"]
    assert "sellable 8" in widget.summary.text()
    quota = [widget.quotas.item(0, c).text() for c in range(4)]
    assert quota == ["shop", "0.5", "1*", "3"]
    for table in (widget.moves, widget.quotas, widget.lots):
        qtmodeltester.check(table.model())
    widget.show_sku("NOPE")
    qtbot.waitUntil(lambda: "no stock record" in widget.summary.text(), timeout=5000)
    assert widget.moves.rowCount() == 0
    widget.show_sku("  ")
    assert widget.summary.text() == "Type or scan a SKU first."
