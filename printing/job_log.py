"""The print log kept on disk: one JSON line per job state change, so the log of
earlier days survives a restart (and a crash: each line is flushed as it happens)."""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.domain.print_jobs import JobState


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
    kind: str = ""  # shipping_label, packing_slip ... ("" for anything else)
    subject: str = ""  # a label's order numbers


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


class FileJobLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.session = datetime.now().astimezone().isoformat()  # job ids restart per session
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._end_torn_line()

    def _end_torn_line(self) -> None:
        """A kill mid-write leaves a last line without its newline: end it, so this
        session's first line is not glued to it."""
        try:
            with self.path.open("rb+") as log:
                if log.seek(0, 2) and (log.seek(-1, 2), log.read(1))[1] != b"\n":
                    log.write(b"\n")
        except FileNotFoundError:
            pass

    def record(self, job: PrintJob, at: datetime) -> None:
        line = json.dumps({"session": self.session, "at": at.isoformat(), "id": job.id, "title": job.title,
                           "printer": job.printer, "state": job.state.value,
                           "reason": job.reason, "reference": job.reference},
                          ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    def recent(self, limit: int = 300) -> list[tuple[datetime, PrintJob]]:
        """The last state of each of the last jobs logged, oldest first; bad lines skipped."""
        return self.read(limit).jobs

    def read(self, limit: int = 300) -> LogRead:
        """The last jobs and how many lines could not be read (cut short by a kill, mid
        line or mid character); those lines are left out, the rest is shown."""
        try:
            with self.path.open("rb") as log:
                lines = deque(log, maxlen=limit * 6)
        except FileNotFoundError:
            return LogRead([], 0)
        last: dict[tuple[str, int], tuple[datetime, PrintJob]] = {}
        unreadable = 0
        for raw in lines:
            if not raw.strip():
                continue
            parsed = _parse(raw)
            if parsed is None:
                unreadable += 1
                continue
            session, at, job = parsed
            last[(session, job.id)] = (at, job)
        return LogRead(list(last.values())[-limit:], unreadable)


@dataclass(frozen=True)
class LogRead:
    jobs: list[tuple[datetime, PrintJob]]
    unreadable: int  # lines left out


def _parse(raw: bytes) -> tuple[str, datetime, PrintJob] | None:
    try:
        entry = json.loads(raw.decode("utf-8"))
        job = PrintJob(entry["id"], entry["title"], entry["printer"], JobState(entry["state"]),
                       entry.get("reason", ""), entry.get("reference", ""))
        at = datetime.fromisoformat(entry["at"])
    except (ValueError, KeyError, TypeError):  # UnicodeDecodeError is a ValueError
        return None
    if not (isinstance(job.id, int) and isinstance(job.title, str)
            and isinstance(job.printer, str) and at.tzinfo is not None):
        return None
    return str(entry.get("session", "")), at, job
