"""Carrier profiles: tracking number ranges and sender details."""

from __future__ import annotations

from sqlalchemy import select

from app.adapters import orm
from app.adapters.repositories._base import _Repository
from app.domain.carriers import CarrierProfile


class SqlCarrierRepository(_Repository):
    def everyone(self) -> list[CarrierProfile]:
        return list(self.session.scalars(select(CarrierProfile)
                                         .order_by(orm.carrier_profiles.c.code)))

    def get(self, code: str) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).where(orm.carrier_profiles.c.code == code)
        ).first()

    def first(self) -> CarrierProfile | None:
        return self.session.scalars(
            select(CarrierProfile).order_by(orm.carrier_profiles.c.id)
        ).first()

