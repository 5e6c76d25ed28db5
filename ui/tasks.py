"""Background work for the UI, as Anki's aqt/taskman.py does it.

Store writes run on one worker thread (SQLite has one writer, and commands must apply in
the order they were scanned); periodic store jobs (the alerts refresh) run on a worker of
their own, with their own connection, so a scan never waits behind one (issue 20);
network and printing run on a small pool. Results come
back to the main thread through a signal of a main-thread QObject, so no widget is ever
touched from a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ui.threads import main_thread_only

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskManager(QObject):
    _finished = Signal(object, object, object, object)  # on_done, on_failed, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._periodic_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="periodic")
        self._io_pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="io")
        self._finished.connect(self._on_task_finished)
        self.closed = False

    def run_in_store(self, work: Callable[[], Any], on_done: Done | None = None,
                     on_failed: Failed | None = None) -> Future:
        """Run a store command on the single store worker, in submission order."""
        return self._submit(self._store_worker, work, on_done, on_failed)

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

    def _submit(self, executor: ThreadPoolExecutor, work, on_done, on_failed) -> Future:
        if self.closed:  # the app is closing: a timer's last tick has nothing to do now
            future: Future = Future()
            future.cancel()
            return future
        future = executor.submit(work)
        future.add_done_callback(lambda f: self._deliver(f, on_done, on_failed))
        return future

    def _deliver(self, future: Future, on_done, on_failed) -> None:
        error = future.exception()
        result = None if error else future.result()
        try:
            self._finished.emit(on_done, on_failed, result, error)
        except RuntimeError:  # the manager was deleted while the task ran (app closing)
            pass

    @Slot(object, object, object, object)
    @main_thread_only
    def _on_task_finished(self, on_done, on_failed, result, error) -> None:
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
