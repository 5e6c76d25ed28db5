"""The people of a store: who packs, who takes returns, who supervises; and a new store's
first supervisor. A person who leaves is disabled, never deleted: history keeps the name."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.messages import Msg
from app.domain.people import Packer, Role, hash_pin
from app.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PersonView:
    name: str
    role: str
    active: bool


def _checked_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidInput(Msg("A PIN is 4 to 8 digits."))
    return pin


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > 64:
        raise InvalidInput(Msg("A name has 1 to 64 characters."))
    return name


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidInput(Msg("{role} is not a role; use packer, clerk or supervisor.",
                               role=role)) from None


def add_person(uow: UnitOfWork, name: str, pin: str, role: str = "packer") -> PersonView:
    name, pin, kind = _checked_name(name), _checked_pin(pin), _role(role)
    with uow:
        if uow.packers.by_name(name) is not None:
            raise NotAllowed(Msg("There is already someone called {name}.", name=name))
        person = Packer(name=name, pin_hash=hash_pin(pin), role=kind)
        uow.packers.add(person)
        uow.commit()
        return PersonView(person.name, kind.value, True)


def list_people(uow: UnitOfWork) -> tuple[PersonView, ...]:
    with uow:
        return tuple(PersonView(p.name, str(p.role), bool(p.active))
                     for p in uow.packers.everyone())


def _person(uow: UnitOfWork, name: str) -> Packer:
    person = uow.packers.by_name(name)
    if person is None:
        raise NotFound(Msg("There is nobody called {name}.", name=name.strip()))
    return person


def set_active(uow: UnitOfWork, name: str, active: bool) -> PersonView:
    """Disable someone who left (they can no longer log in; history keeps the name), or
    enable them again. The last active supervisor cannot be disabled."""
    with uow:
        person = _person(uow, name)
        if not active and person.is_supervisor and person.active and not _others_supervise(
                uow, person):
            raise NotAllowed(Msg("{name} is the last active supervisor; add another one "
                                 "first.", name=person.name))
        person.active = active
        uow.commit()
        return PersonView(person.name, str(person.role), active)


def _others_supervise(uow: UnitOfWork, person: Packer) -> bool:
    return any(p.active and p.is_supervisor and p is not person for p in uow.packers.everyone())


def set_role(uow: UnitOfWork, name: str, role: str) -> PersonView:
    """Packer, counter clerk or supervisor. The last active supervisor keeps the role."""
    kind = _role(role)
    with uow:
        person = _person(uow, name)
        if (person.is_supervisor and person.active and kind is not Role.SUPERVISOR
                and not _others_supervise(uow, person)):
            raise NotAllowed(Msg("{name} is the last active supervisor; make someone else a "
                                 "supervisor first.", name=person.name))
        person.role = kind
        uow.commit()
        return PersonView(person.name, kind.value, bool(person.active))


def reset_pin(uow: UnitOfWork, name: str, pin: str) -> PersonView:
    pin = _checked_pin(pin)
    with uow:
        person = _person(uow, name)
        person.pin_hash = hash_pin(pin)
        uow.commit()
        return PersonView(person.name, str(person.role), bool(person.active))


def store_is_new(uow: UnitOfWork) -> bool:
    """No people and no orders yet: the app opens its first-run screen."""
    with uow:
        return not uow.packers.anyone() and not uow.orders.newest_number()


def init_store(uow: UnitOfWork, supervisor: str, pin: str) -> PersonView:
    """A new store's first supervisor (packdesk init, and the app's first-run screen).
    Refused on a store that already has people or orders: it never touches a store in use."""
    if not store_is_new(uow):
        raise NotAllowed(Msg("This store already has people or orders; set-up only sets up "
                             "an empty store. A supervisor adds people in Tools → People… "
                             "or with packdesk people add."))
    return add_person(uow, supervisor, pin, Role.SUPERVISOR.value)
