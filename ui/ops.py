"""Operations: the one way a screen sends work off the main thread, as Anki's aqt/operations
does it (`CollectionOp`, `QueryOp`).

- `StoreOp` is a write: it runs on the TaskManager's single store worker, in the order it
  was submitted, and says what it changed (`OpChanges`).
- `QueryOp` is a read: it runs on the I/O pool (or the periodic worker, for a job that reads
  much of the store), so it never waits behind a scan.
- Either goes elsewhere when asked: `.in_store_order()` (a read that must see the writes
  submitted before it), `.on_io_pool()` (a change that waits on a printer, a courier or a
  file), `.on_periodic_worker()`.

Both are built, given `.success(fn)`, `.failure(fn)`, `.with_progress(label, on_update)`, then
`.run_in_background()`. While one runs it is counted in the TaskManager's `OpHub`
(`in_flight`), which the close guard and the watchdog read. Results, failures and progress
reach the main thread only. A failure with no handler of its own is not swallowed: its words
go to `OpHub.operation_failed` (the window's status bar) and to the log. After a StoreOp
succeeds, `OpHub.operation_did_execute(changes, initiator)` tells every view what changed,
and each refreshes only if it shows that (Anki's `operation_did_execute` hook).
"""

from __future__ import annotations

import enum
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal, Slot

from app.domain.errors import PackdeskError
from ui.i18n import error_text
from ui.threads import main_thread_only

if TYPE_CHECKING:
    from ui.tasks import TaskManager

log = logging.getLogger(__name__)
T = TypeVar("T")
CLOSE_WAIT_MS = 5_000
_running = threading.local()  # the operation a worker thread is running, for report_progress


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


@dataclass(frozen=True)
class OpChanges:
    """What a store write changed, so views refresh only what they show."""

    orders: bool = False
    stock: bool = False
    returns: bool = False
    alerts: bool = False
    print_jobs: bool = False
    review: bool = False  # orders waiting for a person, parked payloads
    products: bool = False  # the catalogue: a product added, its codes or figures changed

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                            for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = OpChanges()


class Worker(enum.Enum):
    STORE = "store"  # the single ordered writer
    IO = "io"  # the I/O pool: reads that must not queue behind scans
    PERIODIC = "periodic"  # the periodic worker: long reads of much of the store


def failure_text(error: BaseException) -> str:
    """A failure in words: a PackdeskError's own message, anything else named."""
    if isinstance(error, PackdeskError):
        return error_text(error)
    return tr("Something went wrong: %s") % error


class OpHub(QObject):
    """One per TaskManager: the operations in flight, and what they changed."""

    operation_did_execute = Signal(object, object)  # OpChanges, the initiator (or None)
    operation_failed = Signal(str)  # a failure no handler took, in words
    in_flight_changed = Signal(int)
    progress_started = Signal(str)  # the label
    progress_updated = Signal(str, object)  # the label, what the operation reported
    progress_finished = Signal(str)
    _reported = Signal(object, object)  # operation, value: from a worker to the main thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._in_flight = 0
        self._reported.connect(self._on_reported)

    @property
    def in_flight(self) -> int:
        """Operations submitted and not yet answered (read from any thread)."""
        return self._in_flight

    def _started(self) -> None:
        self._in_flight += 1
        self.in_flight_changed.emit(self._in_flight)

    def _settled(self) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        self.in_flight_changed.emit(self._in_flight)

    @Slot(object, object)
    @main_thread_only
    def _on_reported(self, operation: _Op, value: object) -> None:
        operation._deliver_progress(value)

    def wait_idle(self, timeout_ms: int) -> bool:
        """Let the event loop deliver what is in flight, up to timeout_ms; True when none is
        left."""
        if self._in_flight == 0:
            return True
        loop = QEventLoop()

        def on_count(count: int) -> None:
            if count == 0:
                loop.quit()

        self.in_flight_changed.connect(on_count)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.in_flight_changed.disconnect(on_count)
        return self._in_flight == 0


def report_progress(value: object) -> None:
    """Called inside an operation's work, on its worker: the value reaches the operation's
    on_update on the main thread. Outside an operation with progress it does nothing."""
    operation = getattr(_running, "operation", None)
    if operation is not None and operation._progress_label is not None:
        operation._hub._reported.emit(operation, value)


class _Op(Generic[T]):
    """What StoreOp and QueryOp share: the callbacks, the count, the main-thread delivery."""

    _worker = Worker.STORE

    def __init__(self, parent: QObject | None, tasks: TaskManager,
                 op: Callable[[], T]) -> None:
        self._parent, self._tasks, self._hub, self._op = parent, tasks, tasks.ops, op
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._on_update: Callable[[object], None] | None = None

    def success(self, fn: Callable[[T], None] | None):
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None] | None):
        self._on_failure = fn
        return self

    def with_progress(self, label: str = "", on_update: Callable[[object], None] | None = None):
        """Say `label` while the work runs; what the work passes to report_progress reaches
        on_update on the main thread."""
        self._progress_label, self._on_update = label, on_update
        return self

    def on_periodic_worker(self):
        """A job that reads much of the store: on the periodic worker, beside the scans."""
        self._worker = Worker.PERIODIC
        return self

    def on_io_pool(self):
        """Work that waits on the network, a printer, a camera or a file (a courier booked, a
        pack video closed and indexed): on the I/O pool, so no scan waits behind it. A StoreOp
        run there still says what it changed; it is not ordered with the store worker's."""
        self._worker = Worker.IO
        return self

    def in_store_order(self):
        """A read that must see every write submitted before it: on the store worker."""
        self._worker = Worker.STORE
        return self

    @main_thread_only
    def run_in_background(self, initiator: object | None = None) -> None:
        self._initiator = initiator
        run = {Worker.STORE: self._tasks.run_in_store, Worker.IO: self._tasks.run_io,
               Worker.PERIODIC: self._tasks.run_periodic}[self._worker]
        self._hub._started()  # before it is submitted: a quick answer may come back at once
        if self._progress_label is not None:
            self._hub.progress_started.emit(self._progress_label)
        future = run(self._work, self._on_done, self._on_failed)
        if future.cancelled():  # the app is closing: nothing ran, nothing is in flight
            self._settle()

    def _work(self) -> T:
        _running.operation = self
        try:
            return self._op()
        finally:
            _running.operation = None

    def _parent_gone(self, callback: object = None) -> bool:
        """The screen is gone: the parent, or the widget whose slot the callback is (an
        operation built without a parent, by a runner, for a window closed meanwhile)."""
        import shiboken6

        owner = getattr(callback, "__self__", None)
        return any(isinstance(widget, QObject) and not shiboken6.isValid(widget)
                   for widget in (self._parent, owner))

    def _settle(self) -> None:
        self._hub._settled()
        if self._progress_label is not None:
            self._hub.progress_finished.emit(self._progress_label)

    @main_thread_only
    def _deliver_progress(self, value: object) -> None:
        if self._progress_label is None:
            return
        self._hub.progress_updated.emit(self._progress_label, value)
        if self._on_update is not None and not self._parent_gone(self._on_update):
            self._on_update(value)

    @main_thread_only
    def _on_done(self, result: T) -> None:
        self._settle()
        try:
            if self._on_success is not None and not self._parent_gone(self._on_success):
                self._on_success(result)
        finally:  # the store changed even if the screen could not paint it
            self._after_success(result)

    def _after_success(self, result: T) -> None:
        pass

    @main_thread_only
    def _on_failed(self, error: BaseException) -> None:
        self._settle()
        if self._on_failure is not None and not self._parent_gone(self._on_failure):
            self._on_failure(error)
            return
        self.show_failure(error)

    def show_failure(self, error: BaseException) -> None:
        """What a failure with no handler of its own does: its words to the hub (the
        window's status bar), an unexpected one to the log with its trace."""
        if not isinstance(error, PackdeskError):
            log.error("operation failed", exc_info=error)
        self._hub.operation_failed.emit(failure_text(error))


class StoreOp(_Op[T]):
    """A store write on the single ordered worker. `changes` says what it changed: an
    OpChanges, or a function of the result giving one (Anki's OpChanges from the result)."""

    def __init__(self, parent: QObject | None, tasks: TaskManager, op: Callable[[], T],
                 changes: OpChanges | Callable[[T], OpChanges] = NOTHING) -> None:
        super().__init__(parent, tasks, op)
        self._changes = changes

    def _after_success(self, result: T) -> None:
        changes = self._changes(result) if callable(self._changes) else self._changes
        if changes.any():
            self._hub.operation_did_execute.emit(changes, self._initiator)


class QueryOp(_Op[T]):
    """A read off the main thread, on the I/O pool; `success` gets what it read."""

    _worker = Worker.IO

    def __init__(self, parent: QObject | None, tasks: TaskManager, op: Callable[[], T],
                 success: Callable[[T], None] | None = None) -> None:
        super().__init__(parent, tasks, op)
        self._on_success = success


class OpQueue:
    """Steps that each wait for the answer to the one before: a scan at a counter is routed
    by what the last answer showed, so it is not even sent before that answer is painted.
    A step either runs an operation through `run` or calls `next` itself."""

    def __init__(self) -> None:
        self._steps: deque[Callable[[], None]] = deque()
        self.busy = False
        self._running: object | None = None  # the operation the queue waits for

    def __len__(self) -> int:
        return len(self._steps)

    def add(self, step: Callable[[], None]) -> None:
        self._steps.append(step)
        self.next()

    def add_first(self, step: Callable[[], None]) -> None:
        """Before everything waiting: the step an answer just asked for."""
        self._steps.appendleft(step)

    def clear(self) -> None:
        """Throw away the steps waiting (what they were for is gone); an operation running
        still answers."""
        self._steps.clear()

    def next(self) -> None:
        if not self.busy and self._steps:
            self._steps.popleft()()

    def run(self, operation: _Op, initiator: object | None = None) -> None:
        """Run the operation; the next step starts once its success or failure was handled.
        An operation run while another is with the store (a dialog's answer) is the one
        waited for from then on: the next step starts after the last one answered."""
        self.busy = True
        self._running = token = object()
        done, failed = operation._on_success, operation._on_failure

        def then_next(handle: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                try:
                    if handle is not None:
                        handle(value)
                finally:
                    if self._running is token:  # no later operation is still out
                        self.busy, self._running = False, None
                    self.next()
            return call

        operation.success(then_next(done))
        operation.failure(then_next(failed or operation.show_failure))
        operation.run_in_background(initiator)


def wait_in_store(tasks: TaskManager, work: Callable[[], T]) -> T:
    """Inside an operation's work, on another worker: one store step on the store worker, in
    order with the scans, waited for (a catalogue pull stores each page as it arrives, while
    its operation goes on asking the channel on the I/O pool). Its failure is raised here,
    in the operation's work, whose own failure handler then says it."""
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("wait_in_store waits for the store worker: never on the main thread")
    return tasks.run_in_store(work, None, lambda _error: None).result()


def query_runner(tasks: TaskManager, periodic: bool = False):
    """A `Runner` (ui/board_model.py: work, on_done, on_failed) that reads through a QueryOp,
    for the screens built on that shape."""
    def run(work: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None]) -> None:
        query = QueryOp(None, tasks, work, on_done).failure(on_failed)
        if periodic:
            query.on_periodic_worker()
        query.run_in_background()
    return run


def store_runner(tasks: TaskManager, changes: OpChanges = NOTHING, periodic: bool = False,
                 initiator: Callable[[], object] = lambda: None):
    """A `Runner` that writes through a StoreOp declaring `changes`; `initiator` names the
    view that asked (it need not refresh for its own change)."""
    def run(work: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None]) -> None:
        write = StoreOp(None, tasks, work, changes).success(on_done).failure(on_failed)
        if periodic:
            write.on_periodic_worker()
        write.run_in_background(initiator())
    return run


class CloseGuard(QObject):
    """Closing a window with operations in flight waits for them (up to CLOSE_WAIT_MS), and
    refuses, saying so, when they are still running: a write is never cut off unseen."""

    def __init__(self, hub: OpHub, window: QObject, wait_ms: int = CLOSE_WAIT_MS) -> None:
        super().__init__(window)
        self._hub, self._wait_ms = hub, wait_ms
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Close or self._hub.in_flight == 0:
            return False
        if self._hub.wait_idle(self._wait_ms):
            return False
        event.ignore()
        running = self._hub.in_flight
        self._hub.operation_failed.emit(
            tr("1 operation is still running; close again when it has finished.")
            if running == 1 else
            tr("%s operations are still running; close again when they have finished.")
            % running)
        return True
