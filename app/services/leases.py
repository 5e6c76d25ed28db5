"""Work more than one process may do is claimed first (issue 13).

A `Claimant` is one runner: its station (shown to people), a token no other runner has, and
how long a claim or a lease holds before another runner may take it over. A process killed
while holding one loses it when that time is up; a live runner renews it as it works.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from app.domain.errors import ConcurrencyConflict
from app.domain.messages import Msg
from app.services.unit_of_work import SyncUnitOfWork

DEFAULT_LEASE_S = 300.0


class ClaimLost(ConcurrencyConflict):
    """Our claim lapsed and another runner took the work over: we record nothing."""


@dataclass(frozen=True)
class Claimant:
    holder: str
    lease: timedelta = timedelta(seconds=DEFAULT_LEASE_S)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    @classmethod
    def for_station(cls, station: str, lease_s: float = DEFAULT_LEASE_S) -> Claimant:
        if lease_s <= 0:
            raise ValueError(Msg("a lease of {lease_s:g} s would never hold; give seconds > 0",
                                 lease_s=lease_s))
        return cls(station or "sync", timedelta(seconds=lease_s))


def pull_lease(channel: str) -> str:
    return f"pull:{channel}"


def take_lease(name: str, claimant: Claimant, uow: SyncUnitOfWork) -> bool:
    """Take the lease if it is free, lapsed or already ours."""
    with uow:
        now = uow.now()
        taken = uow.leases.take(name, claimant.holder, claimant.token, now, now + claimant.lease)
        uow.commit()
        return taken


def renew_lease(name: str, claimant: Claimant, uow: SyncUnitOfWork) -> bool:
    """Hold it longer; False when it lapsed and another runner took it over."""
    with uow:
        renewed = uow.leases.renew(name, claimant.token, uow.now() + claimant.lease)
        uow.commit()
        return renewed


def release_lease(name: str, claimant: Claimant, uow: SyncUnitOfWork) -> None:
    with uow:
        uow.leases.release(name, claimant.token, uow.now())
        uow.commit()


def lease_holder(name: str, uow: SyncUnitOfWork) -> str | None:
    with uow:
        return uow.leases.holder(name, uow.now())
