"""Background work for the UI, as Anki's aqt/taskman.py does it.

Store writes run on one worker thread (SQLite has one writer, and commands must apply in
the order they were scanned); periodic store jobs (the alerts refresh) run on a worker of
their own, with their own connection, so a scan never waits behind one (issue 20);
network and printing run on a small pool. Results come
back to the main thread through a signal of a main-thread QObject, so no widget is ever
touched from a worker.

Screens do not call these directly: they run a `StoreOp` or a `QueryOp` (ui/ops.py), which
is counted while in flight and tells the views what changed.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.services.turns import StoreTurns
from ui.ops import OpHub
from ui.threads import main_thread_only

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskManager(QObject):
    _finished = Signal(object, object, object)  # the task's key, result, error

    def __init__(self, parent: QObject | None = None, turns: StoreTurns | None = None) -> None:
        super().__init__(parent)
        # the store worker's tasks are people's actions: background writers of the process
        # (channel intake, the alerts' writes) step aside for them (app/services/turns.py)
        self.turns = turns or StoreTurns()
        self._store_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._periodic_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="periodic")
        self._io_pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="io")
        # queued even from the main thread: a task that is done before its callback is added
        # answers from the event loop too, never inside the call that submitted it
        self._finished.connect(self._on_task_finished, Qt.ConnectionType.QueuedConnection)
        self.ops = OpHub(self)  # ui/ops.py: operations in flight and what they changed
        self.closed = False
        # Each task's work and callbacks, held here until its answer is handled on the main
        # thread. They hold widgets (a lambda over `self`, a bound slot): were a worker to
        # drop the last reference, the widget would be deleted on that thread, its timers
        # left registered with the main thread's dispatcher, and the next tick would crash
        # the process (a segfault in QTimerInfoList::activateTimers, seen in the suite).
        self._held: dict[int, tuple[Callable[[], Any], Done | None, Failed | None]] = {}
        self._keys = itertools.count()

    def run_in_store(self, work: Callable[[], Any], on_done: Done | None = None,
                     on_failed: Failed | None = None) -> Future:
        """Run a store command on the single store worker, in submission order."""
        return self._submit(self._store_worker, work, on_done, on_failed, person=True)

    def run_periodic(self, work: Callable[[], Any], on_done: Done | None = None,
                     on_failed: Failed | None = None) -> Future:
        """Run a periodic store job (one that reads much of the store) beside the scans, in
        its own unit of work: its queue is its own, and a short write of its results waits
        for the store's writer lock like another station's would."""
        return self._submit(self._periodic_worker, work, on_done, on_failed)

    def run_io(self, work: Callable[[], Any], on_done: Done | None = None,
               on_failed: Failed | None = None) -> Future:
        """Run network, printing or file work on the I/O pool."""
        return self._submit(self._io_pool, work, on_done, on_failed)

    def _submit(self, executor: ThreadPoolExecutor, work, on_done, on_failed,
                person: bool = False) -> Future:
        if self.closed:  # the app is closing: a timer's last tick has nothing to do now
            future: Future = Future()
            future.cancel()
            return future
        key = next(self._keys)
        self._held[key] = (work, on_done, on_failed)
        future = executor.submit(self._run_held, key, person)  # the worker holds no widget
        future.add_done_callback(lambda f: self._deliver(f, key))
        return future

    def _run_held(self, key: int, person: bool) -> Any:
        """On the worker: the held work, whose reference here ends with this call, before
        the answer is posted to the main thread (which lets go of it there). A person's
        action runs in its turn (no frame of a failure's traceback holds the work)."""
        if not person:
            return self._held[key][0]()
        self.turns.person_in()
        try:
            return self._held[key][0]()
        finally:
            self.turns.person_out()

    def _deliver(self, future: Future, key: int) -> None:
        error = future.exception()
        result = None if error else future.result()
        try:
            self._finished.emit(key, result, error)
        except RuntimeError:  # the manager was deleted while the task ran (app closing)
            pass

    @Slot(object, object, object)
    @main_thread_only
    def _on_task_finished(self, key, result, error) -> None:
        _work, on_done, on_failed = self._held.pop(key, (None, None, None))
        if self.closed:  # the app shut down: the widgets these results were for are going
            return
        if _for_a_closed_window(on_done) or _for_a_closed_window(on_failed):
            return  # a tool window closed before its figures came back: nobody to show them
        if error is not None:
            if on_failed is not None:
                on_failed(error)
            else:
                log.error("background task failed", exc_info=error)
        elif on_done is not None:
            on_done(result)

    def shutdown(self, wait: bool = True) -> None:
        self.closed = True
        self._store_worker.shutdown(wait=wait, cancel_futures=not wait)
        self._periodic_worker.shutdown(wait=wait, cancel_futures=not wait)
        self._io_pool.shutdown(wait=wait, cancel_futures=not wait)


def _for_a_closed_window(callback) -> bool:
    """A slot of a widget whose window was closed (and deleted) while the task ran."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)
