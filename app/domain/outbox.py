"""Changes a sales channel must hear of, written with the local change that caused them (and
alert notices to the supervisor's robots and mail, on the channels `alert:<route>`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.transitions import Transition
from app.domain.workflow import Workflow, words


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up; needs a person
    CLOSED = "closed"  # a person settled it another way: never sent, never retried
    SUPERSEDED = "superseded"  # a newer stock level for the same SKU made this one moot


def _refused(message: OutboxMessage, current: OutboxStatus, to: OutboxStatus) -> Msg:
    return Msg("Outbox message {id} is {status}; it cannot become {value2}.", id=message.id,
               status=words(current), value2=words(to))


P = OutboxStatus
OUTBOX_FLOW = Workflow.of(OutboxStatus, [
    # a claimed message is pending: the runner records what became of it
    (P.PENDING, P.PENDING), (P.PENDING, P.SENT), (P.PENDING, P.FAILED),
    (P.PENDING, P.SUPERSEDED),
    (P.FAILED, P.PENDING),  # a supervisor fixed the cause: sent again
    (P.FAILED, P.CLOSED), (P.SUPERSEDED, P.CLOSED),  # settled by hand (a refused refund)
], refusal=_refused)


class OutboxKind(StrEnum):
    """What a message asks the channel for; the value is what the store keeps."""

    FULFILMENT = "fulfilment"
    STOCK_LEVEL = "stock_level"
    REFUND = "refund"
    ALERT = "alert"  # a notice to an alert route


@dataclass(eq=False)
class OutboxMessage:
    channel: str
    kind: str  # an OutboxKind
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

    def close(self, by: str, reason: str, at: datetime) -> None:
        """A person settled what this message asked the channel for (a refund agreed in
        the seller centre): it leaves the queue and the failed list for good."""
        OUTBOX_FLOW.move(self, OutboxStatus.CLOSED, Transition, by, at, reason)
        self.status = OutboxStatus.CLOSED.value  # kept as text, as the store reads it back
        self.next_attempt_at = None
        self.last_error = f"closed by {by}: {reason}"[:2000]

    def send_again(self, by: str, at: datetime) -> None:
        """A supervisor fixed the cause of a FAILED message: back in the queue, from the top."""
        if self.status != OutboxStatus.FAILED:
            raise NotAllowed(Msg("Outbox message {id} has not failed (it is {status}).",
                                 id=self.id, status=self.status))
        OUTBOX_FLOW.move(self, OutboxStatus.PENDING, Transition, by, at)
        self.status, self.attempts, self.next_attempt_at = OutboxStatus.PENDING.value, 0, None
        if by:
            self.last_error = f"[sent again by {by}] {self.last_error}"[:2000]
