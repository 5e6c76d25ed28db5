"""Setting up a carrier profile: the shop's own tracking-number range (prefix, serial digits
with their check digit, suffix) and the sender printed on its labels, or the carrier API
that issues the labels (printing/carriers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.carriers import CarrierProfile, parse_cutoff
from app.domain.errors import InvalidInput, NotAllowed
from app.domain.messages import Msg
from app.services.unit_of_work import UnitOfWork

KNOWN_APIS = ("", "easypost", "shippo", "sf_express", "cainiao", "kdniao", "pdd_waybill",
              "douyin_waybill", "jd_logistics")


@dataclass(frozen=True)
class CarrierView:
    code: str
    name: str
    service: str
    first_number: str  # the next tracking number this range hands out
    api: str = ""  # "" : the shop's own number range
    api_url: str = ""
    settings: tuple[tuple[str, str], ...] = ()  # the adapter's plain settings
    sender_name: str = ""  # who the labels say the parcel is from
    sender_phone: str = ""
    sender_address: str = ""


class CarrierSecrets(Protocol):
    """Where a carrier's secrets go (the OS keyring: printing/carriers/credentials.py).
    The set-up screen is handed one; it never reaches the keyring itself."""

    def save(self, carrier_code: str, kind: str, secrets: dict[str, str]) -> None: ...


def _view(carrier: CarrierProfile) -> CarrierView:
    sample = CarrierProfile(code=carrier.code, name=carrier.name, prefix=carrier.prefix,
                            digits=carrier.digits, suffix=carrier.suffix,
                            next_sequence=carrier.next_sequence)
    return CarrierView(carrier.code, carrier.name, carrier.service, sample.allocate(),
                       carrier.api or "", carrier.api_url or "",
                       tuple(sorted((carrier.api_settings or {}).items())),
                       carrier.sender_name or "", carrier.sender_phone or "",
                       carrier.sender_address or "")


def store_carrier_secrets(secrets: CarrierSecrets, code: str, api: str,
                          given: dict[str, str]) -> None:
    """The secrets typed for an API carrier, kept in `secrets` (never in the store)."""
    if not api:
        raise InvalidInput(Msg("Carrier {code} uses its own number range; it has no API keys.",
                               code=code))
    secrets.save(code, api, {k: v.strip() for k, v in given.items() if v.strip()})


def add_own_range_carrier(uow: UnitOfWork, code: str, name: str, prefix: str = "",
                          digits: int = 8, suffix: str = "", service: str = "Standard",
                          sender_name: str = "", sender_phone: str = "",
                          sender_address: str = "") -> CarrierView:
    code = code.strip().upper()
    if not (code and code.isascii() and code.isalnum() and len(code) <= 16):
        raise InvalidInput(Msg("A carrier code is 1 to 16 letters and digits, like OWN."))
    if not name.strip():
        raise InvalidInput(Msg("The carrier needs a name, printed on its labels."))
    carrier = CarrierProfile(code=code, name=name.strip(), service=service.strip() or "Standard",
                             prefix=prefix.strip(), digits=digits, suffix=suffix.strip(),
                             sender_name=sender_name.strip(), sender_phone=sender_phone.strip(),
                             sender_address=sender_address.strip())
    with uow:
        if uow.carriers.get(code) is not None:
            raise NotAllowed(Msg("There is already a carrier {code}.", code=code))
        uow.carriers.add(carrier)
        uow.commit()
        return _view(carrier)


def list_carriers(uow: UnitOfWork) -> list[CarrierView]:
    with uow:
        return [_view(c) for c in uow.carriers.everyone()]


def set_carrier(uow: UnitOfWork, code: str, name: str | None, api: str, api_url: str = "",
                service: str = "", cutoff: str | None = None, zone: str | None = None,
                quiet_hours: int | None = None,
                settings: dict[str, str] | None = None) -> str:
    """Add or change a profile; what is not given stays as it was. `settings` are the
    adapter's plain settings (an empty value removes one)."""
    if api not in KNOWN_APIS:
        raise InvalidInput(Msg("There is no carrier adapter {api}; use one of {known}, or "
                               "none for the own number range.", api=api,
                               known=", ".join(a for a in KNOWN_APIS if a)))
    with uow:
        profile = uow.carriers.get(code)
        if profile is None:
            profile = CarrierProfile(code, name or code)
            uow.carriers.add(profile)
        if name:
            profile.name = name
        if service:
            profile.service = service
        profile.api, profile.api_url = api, api_url
        if settings:
            merged = {**profile.api_settings, **settings}
            profile.api_settings = {k: v for k, v in merged.items() if v}
        if cutoff is not None:
            parse_cutoff(cutoff)
            profile.handover_cutoff = cutoff.strip()
        if zone is not None:
            _check_zone(zone)
            profile.handover_zone = zone
        if quiet_hours is not None:
            if not 0 <= quiet_hours <= 24 * 60:
                raise InvalidInput(Msg("Quiet hours must be between 0 (the default, 72) and "
                                       "1440, not {hours}.", hours=quiet_hours))
            profile.quiet_hours = quiet_hours
        uow.commit()
        return (Msg("Carrier {code} issues its labels through {api}.", code=code, api=api)
                if api else Msg("Carrier {code} prints numbers from its own range.", code=code))


def _check_zone(zone: str) -> None:
    if not zone:
        return
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(Msg("{zone} is not a time zone Packdesk knows; give one like "
                               "Asia/Shanghai or Europe/Berlin.", zone=zone)) from None


def parse_settings(pairs: list[str]) -> dict[str, str]:
    """KEY=VALUE pairs from the command line; refused in words when one has no '='."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(Msg("A carrier setting is KEY=VALUE (for instance "
                                   "partner_id=SF12345), not {pair}.", pair=pair))
        out[key.strip()] = value.strip()
    return out
