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
from typing import Any

from app.domain.messages import Msg
from app.domain.workflow import Workflow


class DocumentKind(StrEnum):
    """What a print job prints (StoredJob.kind): the store's alerts look for labels by it."""

    SHIPPING_LABEL = "shipping_label"
    PACKING_SLIP = "packing_slip"
    RETURN_SLIP = "return_slip"
    PRODUCT_LABEL = "product_label"
    BARCODE_SHEET = "barcode_sheet"


class JobState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    FAILED = "failed"
    CANCELLED = "cancelled"




def _refused(job: Any, current: JobState, to: JobState) -> Msg:
    return Msg("Print job {id} is {state}; it cannot become {new_state}.",
               id=getattr(job, "id", None), state=current.value, new_state=to.value)


J = JobState
JOB_FLOW = Workflow.of(JobState, [
    (J.QUEUED, J.SENT), (J.QUEUED, J.CANCELLED), (J.QUEUED, J.FAILED),  # failed: cannot render
    (J.SENT, J.ACCEPTED), (J.SENT, J.FAILED),
    (J.SENT, J.QUEUED),  # the printer was off: waits for the next try
], refusal=_refused, attribute="state")
FINAL_STATES = JOB_FLOW.finals


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
