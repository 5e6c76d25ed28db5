"""Packers, supervisors and clerks, and their failed log-ins."""

from __future__ import annotations

from sqlalchemy import exists, func, select

from app.adapters import orm
from app.adapters.repositories._base import _Repository
from app.domain.people import LoginAttempts, Packer


class SqlPackerRepository(_Repository):
    def by_name(self, name: str) -> Packer | None:
        return self.session.scalars(
            select(Packer).where(func.lower(orm.packers.c.name) == name.strip().lower())
        ).first()

    def everyone(self) -> list[Packer]:
        return list(self.session.scalars(select(Packer).order_by(orm.packers.c.name)))

    def anyone(self) -> bool:
        """Whether the store has anyone at all, read from the table alone (no mapped
        class: the station's start-up asks it before anything else needs the mappers)."""
        return bool(self.session.scalar(select(exists().select_from(orm.packers))))

    def attempts_for(self, name: str, create: bool = True) -> LoginAttempts | None:
        """The wrong-PIN count of a name, known or not (a new row when there is none;
        None instead with create=False, for a check that must write nothing)."""
        key = " ".join(name.split()).lower()[:64]
        found = self.session.scalars(select(LoginAttempts).where(
            orm.login_attempts.c.name_key == key)).first()
        if found is None and create:
            found = LoginAttempts(key)
            self.session.add(found)
        return found

