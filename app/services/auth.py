"""Logging in, and checking a supervisor's PIN for actions that need one."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.people import DECOY_HASH, Packer, Role, hash_pin, pin_matches
from app.services.commands import LogIn, SupervisorApproval
from app.services.unit_of_work import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class PackerView:
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR.value


def log_in(cmd: LogIn, uow: UnitOfWork) -> PackerView:
    """A name and PIN. After 5 wrong PINs in a row the name is locked for a while (longer
    each time) and a supervisor is alerted; an unknown name costs the same work as a known
    one, so timing tells nobody which names exist."""
    with uow:
        now = uow.now()
        attempts = uow.packers.attempts_for(cmd.name)
        if attempts.locked_at(now) and attempts.locked_until is not None:
            wait = max(1, round((attempts.locked_until - now).total_seconds()))
            raise NotAllowed(Msg("{name} is locked after {count} wrong PINs in a row; try "
                                 "again in {seconds} s, or ask a supervisor.",
                                 name=cmd.name.strip(), count=attempts.failures, seconds=wait))
        packer = uow.packers.by_name(cmd.name)
        right = pin_matches(cmd.pin, packer.pin_hash if packer else DECOY_HASH)
        if packer is None or not packer.active or not right:
            attempts.failed(now)
            uow.commit()
            raise NotAllowed(Msg("Name or PIN is not right."))
        if attempts.failures:
            attempts.succeeded()
            uow.commit()
        return PackerView(packer.name, str(packer.role))


class WrongSupervisorPin(NotAllowed):
    """A supervisor's name and PIN that do not match. Raised inside the caller's unit of
    work, which rolls back; `supervisor_pins_counted` then records it in one of its own."""

    def __init__(self, message: Msg, name: str) -> None:
        super().__init__(message)
        self.name = name


def _locked(name: str, attempts, now) -> NotAllowed:
    wait = max(1, round((attempts.locked_until - now).total_seconds()))
    return NotAllowed(Msg("{name} is locked after {count} wrong PINs in a row; try again in "
                          "{seconds} s, or ask another supervisor.", name=name.strip(),
                          count=attempts.failures, seconds=wait))


def check_supervisor(uow: UnitOfWork, approval: SupervisorApproval | None, action: str) -> str:
    """The supervisor's name, once the PIN and a reason are given; inside an open uow. Wrong
    PINs count with the log-in's: a name locked there is locked here, and the other way
    round (the service is wrapped in `supervisor_pins_counted`)."""
    if approval is None:
        raise NotAllowed(Msg("{action} needs a supervisor's PIN and a reason.", action=action))
    if not approval.reason.strip():
        raise NotAllowed(Msg("{action} needs a reason.", action=action))
    now = uow.now()
    # read only: the approved action's transaction writes no row for a name never mistyped
    # (two stations approving at once would both insert it)
    attempts = uow.packers.attempts_for(approval.name, create=False)
    if attempts is not None and attempts.locked_at(now):
        raise _locked(approval.name, attempts, now)
    supervisor = uow.packers.by_name(approval.name)
    right = pin_matches(approval.pin, supervisor.pin_hash if supervisor else DECOY_HASH)
    if supervisor is None or not supervisor.active or not right:
        raise WrongSupervisorPin(Msg("Supervisor name or PIN is not right."), approval.name)
    if not supervisor.is_supervisor:
        raise NotAllowed(Msg("{name} is not a supervisor.", name=supervisor.name))
    if attempts is not None and attempts.failures:
        attempts.succeeded()  # kept when the approved action commits
    return supervisor.name


def record_wrong_supervisor_pin(uow: UnitOfWork, name: str) -> NotAllowed | None:
    """One more wrong PIN for the name, in a unit of work of its own; the lock it causes,
    if it does (a LOGIN_LOCKED alert follows from the row, as for the log-in)."""
    with uow:
        now = uow.now()
        attempts = uow.packers.attempts_for(name)
        locks = attempts.failed(now)
        uow.commit()
        return _locked(name, attempts, now) if locks else None


def supervisor_pins_counted(service: Callable[..., T]) -> Callable[..., T]:
    """A service that asks `check_supervisor`: a wrong PIN is recorded after the service's
    own unit of work rolled back, in a new one on the same `uow` argument."""
    signature = inspect.signature(service)

    @functools.wraps(service)
    def counted(*args, **kwargs):
        try:
            return service(*args, **kwargs)
        except WrongSupervisorPin as wrong:
            uow = signature.bind(*args, **kwargs).arguments["uow"]
            locked = record_wrong_supervisor_pin(uow, wrong.name)
            if locked is not None:
                raise locked from wrong
            raise

    return counted


def add_packer(uow: UnitOfWork, name: str, pin: str, role: Role = Role.PACKER) -> None:
    """Create a packer or supervisor account (used by setup and the demo)."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise NotAllowed(Msg("A PIN is 4 to 8 digits."))
    with uow:
        if uow.packers.by_name(name) is not None:
            raise NotAllowed(Msg("There is already a packer called {name}.", name=name))
        uow.packers.add(Packer(name=name.strip(), pin_hash=hash_pin(pin), role=role))
        uow.commit()


@supervisor_pins_counted
def confirm_supervisor(approval: SupervisorApproval | None, action: str,
                       uow: UnitOfWork) -> str:
    """A supervisor's word for a command line that needs one (`packdesk people add`, ...):
    the same checks and the same wrong-PIN count as every approval."""
    with uow:
        name = check_supervisor(uow, approval, action)
        uow.commit()  # a right PIN resets the count
        return name
