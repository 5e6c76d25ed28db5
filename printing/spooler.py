"""The print queue: jobs wait here until their printer takes them; the caller never waits.

submit() returns a job id at once. One worker thread (plain threading, no Qt) renders
batches, hands documents to printers and, when a printer is off or missing, keeps the job
and retries with a growing delay. Jobs for one printer leave in the order they came, so
labels never swap parcels. Every state change goes to a JobLog (the store persists it) and
to the on_change callback. Both run on the thread that made the change (mostly the worker,
the caller's for "queued" and "cancelled") with the queue's lock held, so they must be
quick and must not wait: a Qt UI emits a signal of a main-thread QObject from it.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from printing.labels import LabelCancelled
from printing.printers import Document, Printer, PrinterUnavailable

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = frozenset({JobState.ACCEPTED, JobState.FAILED, JobState.CANCELLED})


@dataclass(frozen=True)
class PrintJob:
    id: int
    title: str
    printer: str
    state: JobState = JobState.QUEUED
    reason: str = ""  # why it failed, or why it is waiting
    reference: str = ""  # CUPS job id, file written, printer address
    attempts: int = 0
    done: int = 0  # pages rendered so far (batches)
    total: int = 1


class JobLog(Protocol):
    def record(self, job: PrintJob, at: datetime) -> None:
        """Keep one state change of a job (called on the spooler's worker thread)."""
        ...


class MemoryJobLog:
    """The job log kept in memory, for tests and until the store keeps it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.entries: list[tuple[datetime, PrintJob]] = []

    def record(self, job: PrintJob, at: datetime) -> None:
        with self._lock:
            self.entries.append((at, job))

    def history(self, job_id: int) -> list[tuple[datetime, JobState, str]]:
        with self._lock:
            return [(at, j.state, j.reason) for at, j in self.entries if j.id == job_id]


@dataclass(frozen=True)
class RetryPolicy:
    first_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 30.0
    max_attempts: int | None = None  # None: keep the job until it prints or is cancelled

    def delay(self, attempts: int) -> float:
        return min(self.max_delay, self.first_delay * self.factor ** max(0, attempts - 1))


Render = Callable[[Callable[[int], None], Callable[[], bool]], Document]


@dataclass
class _Entry:
    job: PrintJob
    printer: Printer
    document: Document | None
    render: Render | None
    due: float = 0.0
    running: bool = False
    cancel_asked: bool = False


class Spooler:
    """The queue and its worker thread; all public methods return at once."""

    def __init__(self, job_log: JobLog | None = None, retry: RetryPolicy | None = None,
                 on_change: Callable[[PrintJob], None] | None = None) -> None:
        self.job_log = job_log or MemoryJobLog()
        self.retry = retry or RetryPolicy()
        self.on_change = on_change
        self._entries: dict[int, _Entry] = {}
        self._ids = itertools.count(1)
        self._wake = threading.Condition()
        self._closed = False
        self._worker = threading.Thread(target=self._run, name="print-spooler", daemon=True)
        self._worker.start()

    def submit(self, printer: Printer, document: Document) -> int:
        """Queue a rendered document; returns the job id."""
        return self._add(printer, document.title, document, None, document.pages)

    def submit_batch(self, printer: Printer, title: str, total: int, render: Render) -> int:
        """Queue a job rendered on the worker: render(progress, cancelled) -> Document."""
        return self._add(printer, title, None, render, total)

    def cancel(self, job_id: int) -> bool:
        """Cancel a job that has not reached the printer; False when it is too late."""
        with self._wake:
            entry = self._entries[job_id]
            if entry.job.state in FINAL_STATES or entry.job.state is JobState.SENT:
                return False
            entry.cancel_asked = True
            if not entry.running:
                self._change(entry, state=JobState.CANCELLED, reason="cancelled by the user")
            self._wake.notify_all()
            return True

    def retry_now(self) -> None:
        """Try every waiting job again now (e.g. the packer says the printer is back)."""
        with self._wake:
            for entry in self._entries.values():
                entry.due = 0.0
            self._wake.notify_all()

    def job(self, job_id: int) -> PrintJob:
        with self._wake:
            return self._entries[job_id].job

    def jobs(self) -> list[PrintJob]:
        with self._wake:
            return [e.job for e in self._entries.values()]

    def printer_state(self, job_id: int) -> str | None:
        """What the printer side says of an accepted job (CUPS: pending ... completed).

        An IPC call to cupsd: call it from a worker, not the Qt main thread. None when the
        back-end keeps no job states (raw TCP, folder) or the job was not accepted.
        """
        with self._wake:
            entry = self._entries[job_id]
            job = entry.job
        poll = getattr(entry.printer, "job_state", None)
        if job.state is not JobState.ACCEPTED or poll is None:
            return None
        try:
            return poll(job.reference)
        except PrinterUnavailable as exc:
            return f"unknown: {exc.reason}"

    def wait(self, job_id: int, timeout: float) -> PrintJob:
        """Block until the job is final or timeout passes; for scripts, never the Qt thread."""
        end = time.monotonic() + timeout
        with self._wake:
            while self._entries[job_id].job.state not in FINAL_STATES:
                left = end - time.monotonic()
                if left <= 0:
                    break
                self._wake.wait(left)
            return self._entries[job_id].job

    def close(self, timeout: float = 5.0) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify_all()
        self._worker.join(timeout)

    def _add(self, printer: Printer, title: str, document: Document | None,
             render: Render | None, total: int) -> int:
        with self._wake:
            if self._closed:
                raise RuntimeError("the print spooler is closed")
            job = PrintJob(next(self._ids), title, printer.name, total=max(1, total))
            entry = _Entry(job, printer, document, render)
            self._entries[job.id] = entry
            self._emit(job)
            self._wake.notify_all()
            return job.id

    def _change(self, entry: _Entry, **changes) -> None:
        """Apply a change under the lock and report it (the log and callback run here too)."""
        entry.job = replace(entry.job, **changes)
        self._emit(entry.job)
        self._wake.notify_all()

    def _emit(self, job: PrintJob) -> None:
        try:
            self.job_log.record(job, datetime.now(UTC))
        except Exception:  # a broken log must not stop the printing
            log.exception("print job log failed for job %s", job.id)
        if self.on_change is not None:
            try:
                self.on_change(job)
            except Exception:
                log.exception("print job listener failed for job %s", job.id)

    def _next_ready(self) -> tuple[_Entry | None, float | None]:
        """The first job whose printer is free and whose retry time has come."""
        now, wait_for, seen = time.monotonic(), None, set()
        for entry in self._entries.values():
            if entry.job.state in FINAL_STATES or entry.job.printer in seen:
                continue
            seen.add(entry.job.printer)
            if entry.due <= now:
                return entry, None
            wait_for = min(wait_for or entry.due - now, entry.due - now)
        return None, wait_for

    def _run(self) -> None:
        while True:
            with self._wake:
                entry, wait_for = self._next_ready()
                while entry is None and not self._closed:
                    self._wake.wait(wait_for)
                    entry, wait_for = self._next_ready()
                if self._closed:
                    return
                entry.running = True
            try:
                self._process(entry)
            finally:
                with self._wake:
                    entry.running = False
                    self._wake.notify_all()

    def _process(self, entry: _Entry) -> None:
        document = entry.document or self._render(entry)
        if document is None:
            return
        with self._wake:
            if entry.cancel_asked:
                self._change(entry, state=JobState.CANCELLED, reason="cancelled by the user")
                return
            self._change(entry, state=JobState.SENT, reason="",
                         attempts=entry.job.attempts + 1)
        try:
            reference = entry.printer.submit(document)
        except PrinterUnavailable as exc:
            self._wait_or_fail(entry, exc.reason)
        except Exception as exc:  # a back-end bug fails this job, not the queue
            log.exception("printing job %s failed", entry.job.id)
            with self._wake:
                self._change(entry, state=JobState.FAILED, reason=f"{type(exc).__name__}: {exc}")
        else:
            with self._wake:
                self._change(entry, state=JobState.ACCEPTED, reference=reference)

    def _render(self, entry: _Entry) -> Document | None:
        """Render a batch once (a retry sends the same bytes); None when it ended here."""
        def progress(done: int) -> None:
            with self._wake:
                self._change(entry, done=done)

        def cancelled() -> bool:
            return entry.cancel_asked or self._closed

        try:
            entry.document = entry.render(progress, cancelled)
        except LabelCancelled:
            with self._wake:
                self._change(entry, state=JobState.CANCELLED, reason="cancelled by the user")
            return None
        except Exception as exc:  # bad data: the message names it, the job fails
            with self._wake:
                self._change(entry, state=JobState.FAILED, reason=f"cannot render: {exc}")
            return None
        return entry.document

    def _wait_or_fail(self, entry: _Entry, reason: str) -> None:
        with self._wake:
            attempts = entry.job.attempts
            limit = self.retry.max_attempts
            if limit is not None and attempts >= limit:
                self._change(entry, state=JobState.FAILED, reason=reason)
                return
            delay = self.retry.delay(attempts)
            entry.due = time.monotonic() + delay
            self._change(entry, state=JobState.QUEUED,
                         reason=f"{reason} (try {attempts + 1} in {delay:g} s)")
