"""Alerts a supervisor must see, and the thresholds behind them and the health figures.

An alert is raised once per live condition (its `key`), stays until a person acknowledges
it with their name, and is marked cleared when the condition goes away on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.errors import InvalidInput, NotAllowed


class AlertKind(StrEnum):
    STUCK = "stuck"
    LATE = "late"
    SYNC_FAILURE = "sync_failure"
    STOCK_CONFLICT = "stock_conflict"
    RETURN_ESCALATED = "return_escalated"
    PRINTER_DOWN = "printer_down"  # a shipping label waiting for a printer that is off
    LOGIN_LOCKED = "login_locked"  # a name locked after wrong PINs in a row


@dataclass(eq=False)
class Alert:
    key: str  # one live condition: "late:PD-100001", "sync:outbox:12" ...
    kind: str
    subject: str  # the order number, channel code or message the alert is about
    message: str
    raised_at: datetime
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None
    cleared_at: datetime | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    def acknowledge(self, by: str, at: datetime) -> None:
        """Who saw it and when; a name is required so the log says who took it on."""
        name = (by or "").strip()
        if not name:
            raise InvalidInput("Type your name to acknowledge the alert.")
        if len(name) > 64:
            raise InvalidInput("A name has at most 64 characters.")
        if not self.is_open:
            raise NotAllowed(f"This alert was already acknowledged by {self.acknowledged_by}.")
        self.acknowledged_by = name
        self.acknowledged_at = at


DEFAULT_STUCK_AFTER = timedelta(hours=4)
# a shipping label waiting this long for a printer that refuses it: the printer is down
PRINTER_DOWN_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class AlertThresholds:
    """How long an order may sit in needs review or ready; per channel, default 4 h."""

    stuck_after: timedelta = DEFAULT_STUCK_AFTER
    per_channel: dict[str, timedelta] = field(default_factory=dict)

    def stuck_after_for(self, channel: str) -> timedelta:
        return self.per_channel.get(channel, self.stuck_after)

    @property
    def shortest(self) -> timedelta:
        return min([self.stuck_after, *self.per_channel.values()])


@dataclass(frozen=True)
class HealthThresholds:
    """Where a health figure starts to warn (the issue's defaults)."""

    on_time_min: float = 0.95
    inventory_accuracy_min: float = 0.98
    return_rate_max: float = 0.08
    first_response_max_minutes: float = 30.0

    def __post_init__(self) -> None:
        for name in ("on_time_min", "inventory_accuracy_min", "return_rate_max"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise InvalidInput(f"{name.replace('_', ' ')} must be between 0 and 1, "
                                   f"not {value}.")
        if self.first_response_max_minutes <= 0:
            raise InvalidInput("The first-response threshold must be a positive number "
                               "of minutes.")
