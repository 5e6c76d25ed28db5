"""Changes a sales channel must hear of, written with the local change that caused them (and
alert notices to the supervisor's robots and mail, on the channels `alert:<route>`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up; needs a person
    CLOSED = "closed"  # a person settled it another way: never sent, never retried


@dataclass(eq=False)
class OutboxMessage:
    channel: str
    kind: str  # fulfilment | stock_level | refund | alert (a notice to an alert route)
    idempotency_key: str
    payload: dict
    created_at: datetime
    status: str = OutboxStatus.PENDING
    attempts: int = 0
    last_error: str = ""
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    subject: str = ""  # what it is about: a stock level's SKU (a newer one supersedes it)
    claim_token: str | None = None  # set while one runner holds it; only it records the outcome
    claimed_by: str | None = None
    claimed_until: datetime | None = None  # a killed runner's claim lapses then
    id: int | None = None

    def close(self, by: str, reason: str) -> None:
        """A person settled what this message asked the channel for (a refund agreed in
        the seller centre): it leaves the queue and the failed list for good."""
        self.status = OutboxStatus.CLOSED.value
        self.next_attempt_at = None
        self.last_error = f"closed by {by}: {reason}"[:2000]
