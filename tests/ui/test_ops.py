"""Operations (ui/ops.py) on a real store: where they run, what reaches the main thread,
how many are in flight, what a failure says, and which views an operation's changes wake."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.intake import approve_review
from ui.alerts_panel import build_alerts_panel
from ui.ops import CloseGuard, OpChanges, OpQueue, QueryOp, StoreOp, report_progress
from ui.order_board import build_order_board
from ui.review_list import ReviewListWidget
from ui.stock_history import StockHistoryWidget
from ui.tasks import TaskManager

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def review_uow(store):
    """A store with one order waiting for a person."""
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    with factory() as uow:
        order = Order("PD-700001", "shopify", "7001", "Mei", "1", Address("Mei"),
                      [OrderLine("TEA-1", "Tea", 1)], status=OrderStatus.READY,
                      placed_at=NOW - timedelta(hours=1), ship_by=NOW + timedelta(hours=30))
        uow.orders.add(order)
        order.transition(OrderStatus.NEEDS_REVIEW, "intake", NOW, "unknown SKU TEA-1")
        uow.commit()
    return factory


class Threads:
    """A unit-of-work factory that notes the thread of every store call."""

    def __init__(self, factory) -> None:
        self.factory, self.seen = factory, []

    def __call__(self):
        self.seen.append(threading.current_thread().name)
        return self.factory()


def _holder():
    released = threading.Event()

    def held() -> str:
        released.wait(10)
        return threading.current_thread().name

    return released, held


def test_a_store_op_runs_on_the_store_worker_and_answers_on_the_main_thread(
        review_uow, tasks, qtbot):
    answered: list[tuple[str, str]] = []
    released, held = _holder()
    StoreOp(None, tasks, held).success(
        lambda worker: answered.append((worker, threading.current_thread().name))) \
        .run_in_background()
    assert tasks.ops.in_flight == 1  # counted from the moment it is submitted
    released.set()
    qtbot.waitUntil(lambda: answered != [], timeout=5000)
    assert answered[0][0].startswith("store") and answered[0][1] == "MainThread"
    assert tasks.ops.in_flight == 0


def test_a_query_runs_beside_a_held_store_write(tasks, qtbot):
    """A read never waits behind a write on the store worker."""
    released, held = _holder()
    read: list[str] = []
    StoreOp(None, tasks, held).run_in_background()
    QueryOp(None, tasks, lambda: threading.current_thread().name, read.append) \
        .run_in_background()
    qtbot.waitUntil(lambda: read != [], timeout=5000)
    assert read[0].startswith("io") and tasks.ops.in_flight == 1
    released.set()
    qtbot.waitUntil(lambda: tasks.ops.in_flight == 0, timeout=5000)


def test_progress_reaches_the_main_thread_in_order(tasks, qtbot):
    updates: list[tuple[object, str]] = []
    started, finished = [], []
    tasks.ops.progress_started.connect(started.append)
    tasks.ops.progress_finished.connect(finished.append)

    def work() -> int:
        for step in (1, 2, 3):
            report_progress(step)
        return 3

    QueryOp(None, tasks, work).with_progress(
        "Reading", lambda step: updates.append((step, threading.current_thread().name))) \
        .run_in_background()
    qtbot.waitUntil(lambda: finished == ["Reading"], timeout=5000)
    assert started == ["Reading"]
    assert updates == [(1, "MainThread"), (2, "MainThread"), (3, "MainThread")]


def test_a_failure_reaches_its_handler_on_the_main_thread(review_uow, tasks, qtbot):
    failed: list[tuple[str, str]] = []
    said: list[str] = []
    tasks.ops.operation_failed.connect(said.append)
    StoreOp(None, tasks, lambda: approve_review("PD-NOPE", "Sam", review_uow())) \
        .failure(lambda error: failed.append((str(error), threading.current_thread().name))) \
        .run_in_background()
    qtbot.waitUntil(lambda: failed != [], timeout=5000)
    assert failed == [("There is no order PD-NOPE.", "MainThread")]
    assert said == [] and tasks.ops.in_flight == 0


def test_a_failure_nobody_handles_is_said_in_words(review_uow, tasks, qtbot):
    changes: list[OpChanges] = []
    tasks.ops.operation_did_execute.connect(lambda c, _who: changes.append(c))
    with qtbot.waitSignal(tasks.ops.operation_failed, timeout=5000) as said:
        StoreOp(None, tasks, lambda: approve_review("PD-NOPE", "Sam", review_uow()),
                OpChanges(orders=True)).run_in_background()
    assert said.args == ["There is no order PD-NOPE."]
    assert changes == []  # nothing changed: no view is told otherwise


@pytest.mark.qt_log_ignore("operation failed")
def test_an_unexpected_failure_is_named(tasks, qtbot, caplog):
    def broken() -> None:
        raise ValueError("disk unplugged")

    with qtbot.waitSignal(tasks.ops.operation_failed, timeout=5000) as said:
        QueryOp(None, tasks, broken).run_in_background()
    assert said.args == ["Something went wrong: disk unplugged"]
    assert "operation failed" in caplog.text


def test_an_answer_for_a_closed_screen_is_not_delivered(tasks, qtbot):
    widget = QWidget()
    answered: list[str] = []
    told: list[OpChanges] = []
    tasks.ops.operation_did_execute.connect(lambda changes, _who: told.append(changes))
    released, held = _holder()
    StoreOp(widget, tasks, held, OpChanges(orders=True)).success(answered.append) \
        .run_in_background()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=5000)
    released.set()
    qtbot.waitUntil(lambda: tasks.ops.in_flight == 0, timeout=5000)
    assert answered == []
    assert told == [OpChanges(orders=True)]  # the store changed all the same: views hear it


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_queue_sends_the_next_step_after_the_answer_was_handled(tasks, qtbot):
    queue, seen = OpQueue(), []

    def step(name: str) -> None:
        queue.run(StoreOp(None, tasks, lambda: name).success(
            lambda got: seen.append((got, tasks.ops.in_flight, len(queue)))))

    for name in ("first", "second", "third"):
        queue.add(lambda n=name: step(n))
    assert tasks.ops.in_flight == 1  # one at a time; the others wait in the queue
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert seen == [("first", 0, 2), ("second", 0, 1), ("third", 0, 0)]


def test_closing_with_an_operation_in_flight_waits_then_refuses(tasks, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    CloseGuard(tasks.ops, window, wait_ms=100)
    window.show()
    said: list[str] = []
    tasks.ops.operation_failed.connect(said.append)
    released, held = _holder()
    StoreOp(None, tasks, held).run_in_background()
    assert window.close() is False and window.isVisible()
    assert said == ["1 operation is still running; close again when it has finished."]
    released.set()
    qtbot.waitUntil(lambda: tasks.ops.in_flight == 0, timeout=5000)
    assert window.close() is True


def test_closing_waits_for_a_short_operation(tasks, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    CloseGuard(tasks.ops, window, wait_ms=5000)
    window.show()
    answered: list[str] = []
    released, held = _holder()
    StoreOp(None, tasks, held).success(answered.append).run_in_background()
    threading.Timer(0.05, released.set).start()
    assert window.close() is True
    assert len(answered) == 1  # delivered before the window went


def test_the_review_list_never_calls_the_store_on_the_main_thread(review_uow, tasks, qtbot):
    store_calls = Threads(review_uow)
    widget = ReviewListWidget(store_calls, "Sam", tasks)
    qtbot.addWidget(widget)
    qtbot.waitSignal(widget.refreshed, timeout=5000).wait()
    assert widget.table.rowCount() == 1
    widget.table.selectRow(0)
    with qtbot.waitSignal(widget.changed, timeout=5000):
        widget.approve_button.click()
    assert widget.table.rowCount() == 0
    assert store_calls.seen and "MainThread" not in store_calls.seen
    assert any(name.startswith("store") for name in store_calls.seen)  # the approval
    with review_uow() as uow:
        assert uow.orders.get("PD-700001").status == OrderStatus.READY


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_a_change_wakes_only_the_views_that_show_it(review_uow, tasks, qtbot):
    """The review list approves an order: the board (orders) reads again, the alerts panel
    (alerts) does not; an alerts change wakes the panel and not the board."""
    review = ReviewListWidget(review_uow, "Sam", tasks)
    board = build_order_board(review_uow, tasks)
    panel = build_alerts_panel(review_uow, tasks)
    for widget in (review, board, panel):
        qtbot.addWidget(widget)
    qtbot.waitSignal(review.refreshed, timeout=5000).wait()
    qtbot.waitSignal(panel.refreshed, timeout=5000).wait()
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=5000)
    board_reads, panel_reads = [], []
    board.model.page_loaded.connect(board_reads.append)
    panel.refreshed.connect(lambda: panel_reads.append(1))

    review.table.selectRow(0)
    with qtbot.waitSignal(board.model.page_loaded, timeout=5000):
        review.approve_button.click()
    qtbot.wait(100)  # time for a wrongly woken panel to read
    assert len(board_reads) == 1 and panel_reads == []
    assert board.model.row_at(0).status == "ready"

    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        StoreOp(None, tasks, lambda: None, OpChanges(alerts=True)).run_in_background()
    qtbot.wait(100)
    assert len(board_reads) == 1 and panel_reads == [1]


def test_stock_history_reads_the_sku_again_when_stock_moved_elsewhere(demo_store, uow, tasks,
                                                                       qtbot):
    history = StockHistoryWidget(tasks, uow)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.shown, timeout=5000):
        history.show_sku("TEA-001")
    before = history.history.level.available

    def receive() -> None:
        with uow() as u:
            u.stock.get("TEA-001").receive(7, u.now(), "Sam")
            u.commit()

    with qtbot.waitSignal(history.shown, timeout=5000):
        StoreOp(None, tasks, receive, OpChanges(stock=True)).run_in_background()
    assert history.history.level.available == before + 7
    assert f"available {before + 7}," in history.summary.text()


def test_a_queue_cleared_drops_the_steps_waiting_not_the_one_running(tasks, qtbot):
    queue, seen = OpQueue(), []
    released, held = _holder()
    queue.add(lambda: queue.run(StoreOp(None, tasks, held).success(lambda _w: seen.append(
        "running"))))
    queue.add(lambda: seen.append("waiting"))
    assert len(queue) == 1
    queue.clear()
    released.set()
    qtbot.waitUntil(lambda: not queue.busy, timeout=5000)
    assert seen == ["running"] and len(queue) == 0


def test_a_queue_waits_for_an_operation_run_while_another_was_out(tasks, qtbot):
    """A dialog's answer sends its operation while a scan is with the store: the next scan
    waits for both answers, not only the first."""
    queue, seen = OpQueue(), []
    first, first_held = _holder()
    second, second_held = _holder()
    queue.add(lambda: queue.run(StoreOp(None, tasks, first_held).success(
        lambda _w: seen.append("first"))))
    queue.run(StoreOp(None, tasks, second_held).success(lambda _w: seen.append("second")))
    queue.add(lambda: seen.append("next scan"))
    first.set()
    qtbot.waitUntil(lambda: seen == ["first"], timeout=5000)
    qtbot.wait(50)
    assert seen == ["first"] and queue.busy
    second.set()
    qtbot.waitUntil(lambda: seen == ["first", "second", "next scan"], timeout=5000)
    assert not queue.busy
