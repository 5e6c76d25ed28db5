"""A write on one screen wakes the open views that show what it changed (issue 14: one way
through, ui/ops.py OpChanges), on a real SQLite store and the real TaskManager: a receiving
scan moves the stock on an open stock history, a product saved in the editor appears in the
open batch-labels list, orders taken in from a CSV file appear on the open order board, and a
packer added on the people screen can log in at once."""

from __future__ import annotations

import pytest

from app.services.bench import PackBenchService
from tests.integration.test_stock_services import TEA, seeded_uow
from ui.catalogue import ProductEditor
from ui.import_dialog import ImportDialog
from ui.login import LoginPage
from ui.order_board import build_order_board
from ui.people_screen import PeopleScreen
from ui.product_labels import ProductLabelsDialog
from ui.receiving import ReceivingWidget
from ui.review_list import ReviewListWidget
from ui.stock_history import StockHistoryWidget
from ui.tasks import TaskManager


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown(wait=True)


def test_a_receiving_scan_moves_the_stock_on_an_open_history(qtbot, store, tasks):
    uow = seeded_uow(store)
    history = StockHistoryWidget(tasks, uow)
    receiving = ReceivingWidget(tasks, uow, "Ann", "bench-2")
    for widget in (history, receiving):
        qtbot.addWidget(widget)
    with qtbot.waitSignal(history.shown, timeout=5000):
        history.show_sku("TEA-1")
    before = history.history.level.available
    receiving.reference.setText("DN-9")
    with qtbot.waitSignals([receiving.received, history.shown], timeout=5000):
        receiving.open_button.click()  # a receipt's writes all say stock (ui/receiving.py)
    assert history.history.level.available == before
    with qtbot.waitSignal(history.shown, timeout=5000):  # the scan, not a click on Show
        receiving.on_scanned(TEA, "", "wedge")
    assert history.history.level.available == before + 1
    assert f"available {before + 1}," in history.summary.text()


def test_a_product_saved_in_the_editor_appears_in_the_open_batch_labels(qtbot, demo_store,
                                                                          uow, tasks):
    labels = ProductLabelsDialog(uow, tasks, lambda title, pdf: None, "Sam")
    editor = ProductEditor(uow, tasks, by="Sam")
    for widget in (labels, editor):
        qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: len(labels.rows) > 0 and len(editor.rows) > 0, timeout=5000)
    assert "NEW-1" not in {p.sku for p in labels.rows}
    editor.sku.setText("NEW-1")
    editor.name.setText("New tea caddy")
    editor.weight.setValue(240)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: "NEW-1" in {p.sku for p in labels.rows}, timeout=5000)
    labels.tick("NEW-1", 3)
    assert ("NEW-1", 3) in labels.chosen()


CSV = """Ref,Item code,Qty,Price,Customer,Street,Town,Zip,Land,Mobile
W-1,TEA-001,2,12.50,Ana Silva,Rua Augusta 10,Lisboa,1100-048,PT,+351 912 345 678
"""


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_orders_taken_in_from_a_file_appear_on_the_open_board_and_review(qtbot, demo_store, uow, tasks,
                                                              tmp_path):
    board = build_order_board(uow, tasks)
    review = ReviewListWidget(uow, "Sam", tasks)
    for widget in (board, review):
        qtbot.addWidget(widget)
    qtbot.waitSignal(review.refreshed, timeout=5000).wait()
    qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=5000)
    before = {board.model.row_at(i).number for i in range(board.model.rowCount())}
    path = tmp_path / "web-orders.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = ImportDialog(uow, tasks, tmp_path / "mappings")
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.fields["sku"].count() > 1, timeout=5000)
    for field, header in dict(order_id="Ref", sku="Item code", quantity="Qty",
                              unit_price="Price", buyer_name="Customer", ship_name="Customer",
                              line1="Street", city="Town", postcode="Zip", country="Land",
                              phone="Mobile").items():
        combo = dialog.fields[field]
        combo.setCurrentIndex(combo.findData(header))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and len(dialog.rows) == 1,
                    timeout=5000)
    # no Refresh clicked: the board and the list of orders waiting for a person read again
    with qtbot.waitSignals([board.model.page_loaded, review.refreshed], timeout=10000):
        dialog.start_import()
    assert "Imported 1 orders" in dialog.status.text()
    after = [board.model.row_at(i) for i in range(board.model.rowCount())]
    new = [row for row in after if row.number not in before]
    assert [(row.channel, row.buyer_name) for row in new] == [("csv", "Ana Silva")]


def test_a_packer_added_on_the_people_screen_can_log_in_at_once(qtbot, demo_store, uow,
                                                                  tasks):
    """Both writes go to the one store worker in the order they were made: the log-in sent
    right after the add (before its answer) already finds the new packer."""
    people = PeopleScreen(uow, tasks, "Sam")
    login = LoginPage(PackBenchService(uow), tasks, "bench-1")
    for widget in (people, login):
        qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: len(people.rows) == 3, timeout=5000)
    people.new_name.setText("Bo")
    people.new_role.setCurrentIndex(people.new_role.findData("packer"))
    people.new_pin.setText("4321")
    people.new_pin_again.setText("4321")
    people.add_button.click()
    login.name.setText("Bo")
    login.pin.setText("4321")
    with qtbot.waitSignal(login.logged_in, timeout=5000) as logged:
        login.button.click()
    assert logged.args[0].name == "Bo"
    qtbot.waitUntil(lambda: "Bo" in {p.name for p in people.rows}, timeout=5000)


def test_an_answer_for_a_closed_window_built_without_a_parent_is_not_delivered(qtbot, tasks):
    """A runner builds its operation with no parent (ui/ops.py query_runner): the answer is
    still not handed to the slot of a widget deleted meanwhile (before, TaskManager checked
    that; its callbacks are now the operation's own)."""
    import threading

    from PySide6.QtWidgets import QLabel

    from ui.ops import query_runner

    label = QLabel()
    released = threading.Event()
    run = query_runner(tasks)
    run(lambda: released.wait(5) and "read", label.setText, label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=5000)
    released.set()
    qtbot.waitUntil(lambda: tasks.ops.in_flight == 0, timeout=5000)  # no RuntimeError raised


def test_a_store_step_inside_an_operation_runs_on_the_store_worker(qtbot, tasks):
    """The catalogue pull asks the channel on the I/O pool and writes each page through
    wait_in_store: on the one store worker, in order with the scans; never from the main
    thread, where waiting would freeze the screen."""
    import threading

    from ui.ops import StoreOp, wait_in_store

    seen: list[str] = []

    def work() -> str:
        seen.append(threading.current_thread().name)
        return wait_in_store(tasks, lambda: threading.current_thread().name)

    StoreOp(None, tasks, work).success(seen.append).on_io_pool().run_in_background()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[0].startswith("io") and seen[1].startswith("store")
    with pytest.raises(RuntimeError, match="never on the main thread"):
        wait_in_store(tasks, lambda: None)
