"""Logging in, and checking a supervisor's PIN for actions that need one."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.people import Packer, Role, hash_pin
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
    with uow:
        packer = uow.packers.by_name(cmd.name)
        if packer is None or not packer.check_pin(cmd.pin):
            raise NotAllowed(Msg("Name or PIN is not right."))
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
