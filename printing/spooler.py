"""The print queue: jobs wait here until their printer takes them.

submit() keeps the job (document included) in a JobQueue and returns its id; with the
store's queue the job is on disk before submit() returns, so a job waiting for a printer
that is off survives a restart, and the restarted spooler resumes it. One worker thread
(plain threading, no Qt) renders batches, hands documents to printers and, when a printer
is off or missing, keeps the job and retries with a growing delay. Jobs for one printer
leave in the order they came, so labels never swap parcels.

Each job goes QUEUED (waiting; the reason says why) -> SENT (printing) -> ACCEPTED
(printed: the printer took it), or FAILED (reason) or CANCELLED. Before sending, the
worker claims the job in the queue (a compare-and-set from QUEUED to SENT), so two
spoolers never send the same job. A job the app was killed while sending is not sent
again on restart (it may have printed): it fails with a reason saying so.

Every state change goes to a JobLog (the print log on disk) and to the on_change callback,
on the thread that made the change with the queue's lock held, so they must be quick and
must not wait: a Qt UI emits a signal of a main-thread QObject from it. Queue writes are
made outside the lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from app.domain.messages import Msg
from app.domain.print_jobs import FINAL_STATES, JOB_FLOW, JobState, StoredJob
from printing.job_log import JobLog, MemoryJobLog, PrintJob
from printing.job_queue import JobQueue, MemoryJobQueue
from printing.labels import LabelCancelled
from printing.printers import (
    Document,
    Printer,
    PrinterUnavailable,
    printer_address,
    printer_at,
)

log = logging.getLogger(__name__)
__all__ = ["FINAL_STATES", "JobLog", "JobState", "MemoryJobLog", "PrintJob", "RetryPolicy",
           "Spooler"]
BY_USER = Msg("cancelled by the user")
INTERRUPTED = (Msg("the app stopped while this job was being sent, so it may have printed; check the printer and print it again if it did not come out"))


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
    printer: Printer | None
    document: Document | None
    render: Render | None
    due: float = 0.0
    running: bool = False
    sending: bool = False
    cancel_asked: bool = False
    gone: bool = False  # another spooler claimed it first


def _document(job: StoredJob) -> Document | None:
    if job.content is None:
        return None
    return Document(job.title, job.content, job.content_type, job.media, job.pages, job.kind)


def _cannot_resume(job: StoredJob, printer: Printer | None) -> str:
    if job.state is JobState.SENT:
        return INTERRUPTED
    if job.content is None:
        return Msg("the app stopped before this batch was rendered; print it again")
    if printer is None:
        return Msg("its printer ({value}) cannot be found again; print it again",
                   value=job.printer or 'not named')
    return ""


class Spooler:
    """The queue and its worker thread; public methods return at once (submit after the
    queue has kept the job)."""

    def __init__(self, job_log: JobLog | None = None, retry: RetryPolicy | None = None,
                 on_change: Callable[[PrintJob], None] | None = None,
                 queue: JobQueue | None = None) -> None:
        self.job_log = job_log or MemoryJobLog()
        self.retry = retry or RetryPolicy()
        self.on_change = on_change
        self.queue = queue or MemoryJobQueue()
        self._entries: dict[int, _Entry] = {}
        self._expected: list[Printer] = []  # printers a job is being rendered for
        self._wake = threading.Condition()
        self._closed = False
        self._resume()
        self._worker = threading.Thread(target=self._run, name="print-spooler", daemon=True)
        self._worker.start()

    def submit(self, printer: Printer, document: Document, subject: str = "",
               keep_bytes: bool = True) -> int:
        """Queue a rendered document; returns the job id once the queue has kept it.

        keep_bytes=False keeps the document in memory only: the queue holds the job without
        its bytes (a label with a decrypted marketplace receiver must never reach the store).
        Such a job is not reprinted after a restart; the packer prints it again."""
        stored = StoredJob(None, "", document.title, printer_address(printer),
                           document.content_type, document.content if keep_bytes else None,
                           document.media, document.pages, document.kind, subject)
        return self._add(printer, stored, document, None)

    def expect(self, printer: Printer) -> None:
        """A job for this printer is being rendered: the idle worker asks the printer's
        state meanwhile (a printer with `check_ahead`), so sending it waits for one round
        trip to the printer instead of two. Returns at once."""
        if getattr(printer, "check_ahead", None) is None:
            return
        with self._wake:
            self._expected.append(printer)
            self._wake.notify_all()

    def submit_batch(self, printer: Printer, title: str, total: int, render: Render,
                     kind: str = "") -> int:
        """Queue a job rendered on the worker: render(progress, cancelled) -> Document."""
        stored = StoredJob(None, "", title, printer_address(printer), "", None,
                           pages=max(1, total), kind=kind)
        return self._add(printer, stored, None, render)

    def cancel(self, job_id: int) -> bool:
        """Cancel a job that has not reached the printer; False when it is too late."""
        with self._wake:
            entry = self._entries[job_id]
            if entry.job.state in FINAL_STATES or entry.job.state is JobState.SENT \
                    or entry.sending:
                return False
            entry.cancel_asked = True  # the worker records it (a queue write)
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
            return [e.job for e in self._entries.values() if not e.gone]

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

    def wait_idle(self, timeout: float) -> bool:
        """Block until every job is final (for scripts); False when timeout passed first."""
        with self._wake:
            return self._wake.wait_for(lambda: all(
                e.gone or e.job.state in FINAL_STATES for e in self._entries.values()),
                timeout)

    def close(self, timeout: float = 5.0) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify_all()
        self._worker.join(timeout)

    def _resume(self) -> None:
        """Take back this station's unfinished jobs from the queue (after a restart)."""
        try:
            stored = self.queue.unfinished()
        except Exception:  # the store is down: the jobs stay there for the next start
            log.exception("the print queue cannot be read; earlier jobs wait in it")
            return
        for job in stored:
            printer = printer_at(job.printer)
            view = PrintJob(job.id, job.title, printer.name if printer else job.printer,
                            job.state, job.reason, job.reference, job.attempts,
                            total=job.pages, kind=job.kind, subject=job.subject)
            entry = _Entry(view, printer, _document(job), None)
            self._entries[job.id] = entry
            problem = _cannot_resume(job, printer)
            if problem:
                self._settle(entry, JobState.FAILED, reason=problem)
            else:
                with self._wake:
                    self._change(entry, reason=Msg("resumed after a restart"))

    def _add(self, printer: Printer, stored: StoredJob, document: Document | None,
             render: Render | None) -> int:
        with self._wake:
            if self._closed:
                raise RuntimeError(Msg("the print spooler is closed"))
        job_id = self.queue.add(stored)  # kept (on disk, for the store's queue) first
        job = PrintJob(job_id, stored.title, printer.name, total=stored.pages,
                       kind=str(stored.kind), subject=stored.subject)
        with self._wake:
            # not asked yet: the job's own send asks (a check already running is used)
            self._expected = [known for known in self._expected if known is not printer]
            self._entries[job_id] = _Entry(job, printer, document, render)
            self._emit(job)
            self._wake.notify_all()
        return job_id

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

    def _store(self, entry: _Entry, **changes) -> bool | None:
        """Move the job on in the queue from the state it has here: True when done, False
        when another spooler moved it first, None when the queue could not be written."""
        if "state" in changes:
            JOB_FLOW.check_move(entry.job, entry.job.state, changes["state"])
        try:
            moved = self.queue.move(entry.job.id, {entry.job.state}, **changes)
        except Exception:
            log.exception("the print queue could not record job %s", entry.job.id)
            return None
        if not moved:
            log.warning("print job %s was taken by another spooler", entry.job.id)
            with self._wake:
                entry.gone = True
                self._wake.notify_all()
        return moved

    def _settle(self, entry: _Entry, state: JobState, **changes) -> None:
        """A final state: kept in the queue (without the bytes, no longer needed) and here."""
        if self._store(entry, state=state, content=None, **changes) is False:
            return
        with self._wake:
            self._change(entry, state=state, **changes)

    def _next_ready(self) -> tuple[_Entry | None, float | None]:
        """A job to cancel, or the first job whose printer is free and whose time has come."""
        now, wait_for, seen = time.monotonic(), None, set()
        for entry in self._entries.values():
            if entry.gone or entry.job.state in FINAL_STATES:
                continue
            if entry.cancel_asked:
                return entry, None
            if entry.job.printer in seen:
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
                while entry is None and not self._closed and not self._expected:
                    self._wake.wait(wait_for)
                    entry, wait_for = self._next_ready()
                if self._closed:
                    return
                expected = self._expected.pop(0) if entry is None else None
                if entry is not None:
                    entry.running = True
            if expected is not None:
                self._check_ahead(expected)
                continue
            try:
                self._process(entry)
            finally:
                with self._wake:
                    entry.running = entry.sending = False
                    self._wake.notify_all()

    @staticmethod
    def _check_ahead(printer: Printer) -> None:
        try:
            printer.check_ahead()  # type: ignore[attr-defined]
        except Exception:  # a back-end bug: the job's own submit reports it
            log.exception("asking %s for its state failed", printer.name)

    def _process(self, entry: _Entry) -> None:
        if not entry.cancel_asked and entry.document is None and self._render(entry) is None:
            return  # cancelled, failed or taken while it rendered
        document = entry.document
        with self._wake:
            cancel = entry.cancel_asked
            entry.sending = not cancel
        if cancel:
            self._settle(entry, JobState.CANCELLED, reason=BY_USER)
            return
        attempts = entry.job.attempts + 1
        claimed = self._store(entry, state=JobState.SENT, reason="", attempts=attempts)
        if not claimed:
            if claimed is None:  # the queue is unreachable: send nothing unclaimed
                self._wait_or_fail(entry, Msg("the store cannot record the job"))
            return
        with self._wake:
            self._change(entry, state=JobState.SENT, reason="", attempts=attempts)
        try:
            reference = entry.printer.submit(document)
        except PrinterUnavailable as exc:
            self._wait_or_fail(entry, exc.reason)
        except Exception as exc:  # a back-end bug fails this job, not the queue
            log.exception("printing job %s failed", entry.job.id)
            self._settle(entry, JobState.FAILED, reason=f"{type(exc).__name__}: {exc}")
        else:
            self._settle(entry, JobState.ACCEPTED, reference=reference)

    def _render(self, entry: _Entry) -> Document | None:
        """Render a batch once (a retry sends the same bytes); None when it ended here."""
        def progress(done: int) -> None:
            with self._wake:
                self._change(entry, done=done)

        def cancelled() -> bool:
            return entry.cancel_asked or self._closed

        try:
            document = entry.render(progress, cancelled)
        except LabelCancelled:
            self._settle(entry, JobState.CANCELLED, reason=BY_USER)
            return None
        except Exception as exc:  # bad data: the message names it, the job fails
            self._settle(entry, JobState.FAILED, reason=Msg("cannot render: {exc}", exc=exc))
            return None
        document = replace(document, kind=document.kind or entry.job.kind)
        if self._store(entry, content=document.content, content_type=document.content_type,
                       media=document.media, pages=document.pages) is False:
            return None
        entry.document = document
        return document

    def _wait_or_fail(self, entry: _Entry, reason: str) -> None:
        attempts = entry.job.attempts
        limit = self.retry.max_attempts
        if limit is not None and attempts >= limit:
            self._settle(entry, JobState.FAILED, reason=reason)
            return
        delay = self.retry.delay(attempts)
        reason = Msg("{reason} (try {value} in {delay:g} s)",
                     reason=reason, value=attempts + 1, delay=delay)
        if entry.job.state is not JobState.QUEUED \
                and self._store(entry, state=JobState.QUEUED, reason=reason) is False:
            return
        with self._wake:
            entry.due, entry.sending = time.monotonic() + delay, False  # cancellable again
            self._change(entry, state=JobState.QUEUED, reason=reason)
