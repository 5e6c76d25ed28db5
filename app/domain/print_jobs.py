"""A print job as the store keeps it: the document itself, until its printer has taken it.

A job belongs to the station that made it; only that station's spooler resumes it after a
restart. States: QUEUED (waiting; the reason says why), SENT (printing: being handed to
the printer), ACCEPTED (printed: the printer or its spooler took it), FAILED (the reason
says why) and CANCELLED. Moving a job on is a compare-and-set on its state, so a job is
sent by one spooler only, however many processes look at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class JobState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = frozenset({JobState.ACCEPTED, JobState.FAILED, JobState.CANCELLED})


@dataclass(frozen=True)
class StoredJob:
    id: int | None
    station: str
    title: str
    printer: str  # the printer's address (printing.printers.printer_address)
    content_type: str
    content: bytes | None  # None: a batch the spooler has not rendered yet
    media: str = ""
    pages: int = 1
    kind: str = ""  # shipping_label, packing_slip, return_slip ...
    subject: str = ""  # what it is for: a label's order numbers, comma-separated
    state: JobState = JobState.QUEUED
    reason: str = ""
    reference: str = ""
    attempts: int = 0
