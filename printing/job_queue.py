"""Where the spooler keeps its jobs: the store (app.adapters.print_queue.StorePrintQueue,
which survives a restart) or memory (tests, scripts, a station without a store)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from app.domain.print_jobs import FINAL_STATES, JobState, StoredJob


class JobQueue(Protocol):
    def add(self, job: StoredJob) -> int:
        """Keep the job, document included, before the spooler accepts it; its id."""
        ...

    def move(self, job_id: int, from_states: Iterable[JobState], **changes) -> bool:
        """Change the job only while it is in one of from_states (compare-and-set)."""
        ...

    def unfinished(self) -> list[StoredJob]:
        """This station's jobs not final yet, oldest first: what a restart resumes."""
        ...

    def last(self, kind: str) -> StoredJob | None:
        """This station's newest job of a kind."""
        ...


class MemoryJobQueue:
    """The queue in memory: nothing survives the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._jobs: dict[int, StoredJob] = {}

    def add(self, job: StoredJob) -> int:
        with self._lock:
            job_id = next(self._ids)
            self._jobs[job_id] = replace(job, id=job_id)
            return job_id

    def move(self, job_id: int, from_states: Iterable[JobState], **changes) -> bool:
        with self._lock:
            job = self._jobs[job_id]
            if job.state not in set(from_states):
                return False
            self._jobs[job_id] = replace(job, **changes)
            return True

    def unfinished(self) -> list[StoredJob]:
        with self._lock:
            return [job for job in self._jobs.values() if job.state not in FINAL_STATES]

    def last(self, kind: str) -> StoredJob | None:
        with self._lock:
            return next((job for job in reversed(self._jobs.values()) if job.kind == kind),
                        None)
