"""One record per status change of a state machine: from, to, who, when, why, where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(eq=False)
class Transition:
    from_status: str
    to_status: str
    by: str
    at: datetime
    reason: str = ""
    station: str = ""
    id: int | None = None
