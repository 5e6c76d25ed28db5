"""The print log kept on disk: one JSON line per job state change, so the log of
earlier days survives a restart (and a crash: each line is flushed as it happens)."""

from __future__ import annotations

import json
import threading
from collections import deque
from datetime import datetime
from pathlib import Path

from printing.spooler import JobState, PrintJob


class FileJobLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.session = datetime.now().astimezone().isoformat()  # job ids restart per session
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def record(self, job: PrintJob, at: datetime) -> None:
        line = json.dumps({"session": self.session, "at": at.isoformat(), "id": job.id, "title": job.title,
                           "printer": job.printer, "state": job.state.value,
                           "reason": job.reason, "reference": job.reference},
                          ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    def recent(self, limit: int = 300) -> list[tuple[datetime, PrintJob]]:
        """The last state of each of the last jobs logged, oldest first; bad lines skipped."""
        try:
            with self.path.open(encoding="utf-8") as log:
                lines = deque(log, maxlen=limit * 6)
        except FileNotFoundError:
            return []
        last: dict[tuple[str, int], tuple[datetime, PrintJob]] = {}
        for raw in lines:
            try:
                entry = json.loads(raw)
                job = PrintJob(entry["id"], entry["title"], entry["printer"],
                               JobState(entry["state"]), entry.get("reason", ""),
                               entry.get("reference", ""))
                at = datetime.fromisoformat(entry["at"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash
            last[(str(entry.get("session", "")), job.id)] = (at, job)
        return list(last.values())[-limit:]
