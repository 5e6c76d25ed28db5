"""Opening stock from a file, in the app (Tools → Import opening stock from a file…): the
preview names every bad row, the good rows go through the ledger (the stock history shows
them) and the rows not taken are written to FILE.rejected.csv with their problem."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QApplication

from app.services.catalogue import ProductInput, save_product
from tests.ui.station import (
    log_in,
    screen_actions,
    start_station,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
)
from ui.file_import import StockImport
from ui.stock_history import StockHistoryWidget
from ui.tasks import TaskManager
from ui.tool_windows import close_tool_windows

STOCK_CSV = ("sku,bin,quantity,lot,expiry\n"
             "TEA-1,A-01-2,12,L2701,2027-03-31\n"
             "TEA-2,B-02-1,lots,,\n"  # line 3: not a number
             "TEA-2,B-02-1,5,,\n")


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_a_stock_file_with_one_bad_row_stores_the_good_rows_and_writes_the_bad_one_aside(
        qtbot, uow, tasks, tmp_path):
    for sku, name in (("TEA-1", "Green tea"), ("TEA-2", "Black tea")):
        save_product(uow(), ProductInput(sku, name))
    path = tmp_path / "opening.csv"
    path.write_text(STOCK_CSV, encoding="utf-8")
    screen = StockImport(uow, tasks, "Sam")
    qtbot.addWidget(screen)
    screen.show()
    screen.load(path)
    qtbot.waitUntil(screen.import_button.isEnabled, timeout=10000)
    assert screen.table.rowCount() == 1
    assert [screen.table.item(0, c).text() for c in range(3)] == [
        "3", "TEA-2", "The quantity “lots” is not a whole number from 1 to 1000000."]
    assert screen.summary.text() == ("opening.csv — rows to import: 2 (17 units of 2 SKUs; "
                                     "lots: 1). Rows with problems, kept aside: 1.")
    with qtbot.waitSignal(screen.imported, timeout=10000) as imported:
        screen.import_button.click()
    assert (imported.args[0].units, imported.args[0].rows) == (17, 2)
    rejects = tmp_path / "opening.rejected.csv"
    assert screen.summary.text() == (
        "Imported. Opening stock: 17 units of 2 SKUs; lots: 1; bins set: 2. Rows not "
        f"imported: 1. They are in {rejects}, each with its problem: fix them there and "
        "import that file.")
    with rejects.open(encoding="utf-8") as text:
        [row] = list(csv.DictReader(text))
    assert row["sku"] == "TEA-2" and row["quantity"] == "lots"
    assert row["error"].startswith("line 3: The quantity “lots” is not a whole number")
    assert not screen.import_button.isEnabled()  # the file is in: not twice

    history = StockHistoryWidget(tasks, uow)
    qtbot.addWidget(history)
    for sku, units in (("TEA-1", "12"), ("TEA-2", "5")):
        with qtbot.waitSignal(history.shown, timeout=5000):
            history.show_sku(sku)
        assert history.moves.rowCount() == 1
        move = [history.moves.item(0, c).text() for c in range(history.moves.columnCount())]
        assert units in move and "opening stock" in move, move


def test_a_file_without_a_quantity_column_says_so_and_stores_nothing(qtbot, uow, tasks,
                                                                    tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("sku,count\nTEA-1,3\n", encoding="utf-8")
    screen = StockImport(uow, tasks, "Sam")
    qtbot.addWidget(screen)
    screen.load(path)
    qtbot.waitUntil(lambda: "no quantity column" in screen.summary.text(), timeout=10000)
    assert not screen.import_button.isEnabled()


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_stock_import_is_a_supervisors_tool_in_the_tools_menu(
        qtbot, demo_store, station_dirs):  # noqa: F811
    station = start_station(qtbot, demo_store, station_settings(station_dirs))
    try:
        [entry] = [a for a in screen_actions(station.window)
                   if a.text() == "Import opening stock from a file…"]
        assert entry.toolTip() == "Needs a supervisor"
        log_in(qtbot, station, "Ann", "1234")  # a packer
        entry.trigger()
        assert station.window.refusal.text() == (
            "Only a supervisor may open the opening stock import; Ann is logged in as a "
            "packer.")
        station.window._on_bench_logout_requested()
        log_in(qtbot, station, "Sam", "9999")
        entry.trigger()
        qtbot.waitUntil(lambda: any(isinstance(w, StockImport) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=5000)
    finally:
        close_tool_windows()
        station.shutdown()
