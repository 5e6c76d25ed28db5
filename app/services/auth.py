"""Logging in, and checking a supervisor's PIN for actions that need one."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.people import DECOY_HASH, Packer, Role, hash_pin, pin_matches
from app.services.commands import LogIn, SupervisorApproval
from app.services.unit_of_work import UnitOfWork


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
        if attempts.locked_at(now):
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


def check_supervisor(uow: UnitOfWork, approval: SupervisorApproval | None, action: str) -> str:
    """The supervisor's name, once the PIN and a reason are given; inside an open uow."""
    if approval is None:
        raise NotAllowed(Msg("{action} needs a supervisor's PIN and a reason.", action=action))
    if not approval.reason.strip():
        raise NotAllowed(Msg("{action} needs a reason.", action=action))
    supervisor = uow.packers.by_name(approval.name)
    if supervisor is None or not supervisor.check_pin(approval.pin):
        raise NotAllowed(Msg("Supervisor name or PIN is not right."))
    if not supervisor.is_supervisor:
        raise NotAllowed(Msg("{name} is not a supervisor.", name=supervisor.name))
    return supervisor.name


def add_packer(uow: UnitOfWork, name: str, pin: str, role: Role = Role.PACKER) -> None:
    """Create a packer or supervisor account (used by setup and the demo)."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise NotAllowed("A PIN is 4 to 8 digits.")
    with uow:
        if uow.packers.by_name(name) is not None:
            raise NotAllowed(f"There is already a packer called {name}.")
        uow.packers.add(Packer(name=name.strip(), pin_hash=hash_pin(pin), role=role))
        uow.commit()
