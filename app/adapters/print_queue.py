"""The spooler's queue in the store: one row per print job, the document bytes with it.

add() commits the row (on SQLite with synchronous=FULL, so the WAL is on disk) before it
returns, so a job the spooler accepted survives a kill. Every later change is a
compare-and-set on the job's state and station: of two processes looking at the same job,
one moves it on, and a station never touches another station's jobs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update

from app.adapters.orm import print_jobs
from app.domain.messages import Msg
from app.domain.print_jobs import JobState, StoredJob

UNFINISHED = (JobState.QUEUED.value, JobState.SENT.value)
CHANGEABLE = {"state", "reason", "reference", "attempts", "content", "content_type", "media",
              "pages"}


class StorePrintQueue:
    def __init__(self, engine: Engine, station: str) -> None:
        if not station:
            raise ValueError(Msg("a print queue in the store needs the station's name"))
        self.engine, self.station = engine, station

    def add(self, job: StoredJob) -> int:
        """Keep the job, document included, durably; returns its id."""
        now = datetime.now(UTC)
        values = {"station": self.station, "kind": str(job.kind), "subject": job.subject,
                  "title": job.title, "printer": job.printer,
                  "content_type": job.content_type, "media": job.media, "pages": job.pages,
                  "content": job.content, "state": job.state.value, "reason": job.reason,
                  "reference": job.reference, "attempts": job.attempts,
                  "created_at": now, "updated_at": now}
        with self.engine.connect() as db:
            sqlite = db.dialect.name == "sqlite"
            if sqlite:  # this commit is synced to disk, not only handed to the OS
                _pragma(db, "synchronous=FULL")
            try:
                inserted = db.execute(insert(print_jobs).values(values)).inserted_primary_key
                assert inserted is not None  # a single-row INSERT always reports its key
                job_id = inserted[0]
                db.commit()
            except BaseException:
                db.rollback()
                raise
            finally:
                if sqlite:
                    _pragma(db, "synchronous=NORMAL")
            return job_id

    def move(self, job_id: int, from_states: Iterable[JobState], **changes) -> bool:
        """Change the job only while it is in one of from_states; False when it was not."""
        unknown = set(changes) - CHANGEABLE
        if unknown:
            raise ValueError(Msg("a print job has no {unknown} to change",
                                 unknown=', '.join(sorted(unknown))))
        if "state" in changes:
            changes["state"] = JobState(changes["state"]).value
        c = print_jobs.c
        statement = (update(print_jobs)
                     .where(c.id == job_id, c.station == self.station,
                            c.state.in_([JobState(s).value for s in from_states]))
                     .values(**changes, updated_at=datetime.now(UTC)))
        with self.engine.begin() as db:
            return db.execute(statement).rowcount == 1

    def unfinished(self) -> list[StoredJob]:
        """This station's jobs that are not final yet, oldest first."""
        c = print_jobs.c
        with self.engine.connect() as db:
            rows = db.execute(select(print_jobs).where(c.station == self.station,
                                                       c.state.in_(UNFINISHED))
                              .order_by(c.id)).all()
        return [_job(row) for row in rows]

    def last(self, kind: str) -> StoredJob | None:
        """This station's newest job of a kind (REPRINT after a restart), None if none."""
        c = print_jobs.c
        with self.engine.connect() as db:
            row = db.execute(select(*[col for col in print_jobs.c if col.name != "content"])
                             .where(c.station == self.station, c.kind == str(kind))
                             .order_by(c.id.desc()).limit(1)).first()
        return None if row is None else _job(row)


def _pragma(db, setting: str) -> None:
    """A PRAGMA outside any transaction (SQLite applies synchronous per connection)."""
    db.exec_driver_sql(f"PRAGMA {setting}")
    db.commit()


def _job(row) -> StoredJob:
    fields = row._mapping
    return StoredJob(id=fields["id"], station=fields["station"], title=fields["title"],
                     printer=fields["printer"], content_type=fields["content_type"],
                     content=fields.get("content"), media=fields["media"],
                     pages=fields["pages"], kind=fields["kind"], subject=fields["subject"],
                     state=JobState(fields["state"]), reason=fields["reason"],
                     reference=fields["reference"], attempts=fields["attempts"])
