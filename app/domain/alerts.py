"""Alerts a supervisor must see, and the thresholds behind them and the health figures.

An alert is raised once per live condition (its `key`), stays until a person acknowledges
it with their name, and is marked cleared when the condition goes away on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.errors import InvalidInput, NotAllowed
from app.domain.messages import KeepsTemplate, Msg


class AlertKind(StrEnum):
    STUCK = "stuck"
    LATE = "late"
    SYNC_FAILURE = "sync_failure"
    STOCK_CONFLICT = "stock_conflict"
    RETURN_ESCALATED = "return_escalated"
    PRINTER_DOWN = "printer_down"  # a shipping label waiting for a printer that is off
    LOGIN_LOCKED = "login_locked"  # a name locked after wrong PINs in a row
    LABEL_PENDING = "label_pending"  # a parcel waiting for its carrier label too long
    LABEL_REFUSED = "label_refused"  # the carrier refused the label (address, balance)
    NOT_HANDED_OVER = "not_handed_over"  # packed, not scanned out by the cut-off
    PARCEL_QUIET = "parcel_quiet"  # no tracking movement for too long
    RETURNED_TO_SENDER = "returned_to_sender"
    CLIPS_DISK = "clips_disk"  # a station's pack-video disk nearly full: filming stopped
    CLIP_ENCODER = "clip_encoder"  # a station's pack-video encoder process died


@dataclass(frozen=True)
class AlertMark:
    """Where the last alerts refresh left off (issue 20): the next one reads only the
    orders changed since, unless the limits changed or the last full read is old."""

    refreshed_at: datetime
    full_at: datetime  # the last refresh that read every fact in full
    order_id: int  # the newest order the last refresh saw
    order_id_before: int  # the newest the refresh before it saw
    change_seq: int  # the orders' highest change number the last refresh saw
    change_seq_before: int  # and the refresh before it
    signature: str  # the limits the last refresh judged by


@dataclass(eq=False)
class Alert(KeepsTemplate):
    key: str  # one live condition: "late:PD-100001", "sync:outbox:12" ...
    kind: str
    subject: str  # the order number, channel code or message the alert is about
    message: str
    raised_at: datetime
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None
    cleared_at: datetime | None = None
    id: int | None = None
    template: str = ""  # the message's template and values, kept so it can be translated
    template_values: dict | None = None

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    def acknowledge(self, by: str, at: datetime) -> None:
        """Who saw it and when; a name is required so the log says who took it on."""
        name = (by or "").strip()
        if not name:
            raise InvalidInput(Msg("Type your name to acknowledge the alert."))
        if len(name) > 64:
            raise InvalidInput(Msg("A name has at most 64 characters."))
        if not self.is_open:
            raise NotAllowed(Msg("This alert was already acknowledged by {acknowledged_by}.",
                                 acknowledged_by=self.acknowledged_by))
        self.acknowledged_by = name
        self.acknowledged_at = at


DEFAULT_STUCK_AFTER = timedelta(hours=4)
# a shipping label waiting this long for a printer that refuses it: the printer is down
PRINTER_DOWN_AFTER = timedelta(minutes=5)


LABEL_PENDING_AFTER = timedelta(minutes=15)
HANDOVER_CUTOFF = timedelta(hours=17)  # local day time by which packed parcels leave
QUIET_AFTER = timedelta(hours=72)


@dataclass(frozen=True)
class AlertThresholds:
    """How long an order may sit in needs review or ready; per channel, default 4 h. How
    long a parcel may wait for its carrier label, the day time by which packed parcels are
    scanned out (store time), and how long a parcel may go without tracking movement."""

    stuck_after: timedelta = DEFAULT_STUCK_AFTER
    per_channel: dict[str, timedelta] = field(default_factory=dict)
    label_pending_after: timedelta = LABEL_PENDING_AFTER
    handover_cutoff: timedelta = HANDOVER_CUTOFF
    quiet_after: timedelta = QUIET_AFTER

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
                raise InvalidInput(Msg("{name} must be between 0 and 1, not {value}.",
                                       name=name.replace('_', ' '), value=value))
        if self.first_response_max_minutes <= 0:
            raise InvalidInput(Msg("The first-response threshold must be a positive number of minutes."))
