"""Carrier adapters behind app.domain.shipping.Carrier, one module per carrier.

`CarrierRegistry.create(account)` builds the adapter for a carrier account: its kind picks
the module, its settings are the profile's plain values (partner id, customer codes, gateway
url) and its secrets come from the keyring (printing/carriers/credentials.py).
`carrier_directory(registry)` is what the core's label job asks for (app/services/shipments.py
CarrierFor): the adapter for a carrier profile, by the profile's `api` and `api_url`.

The Cainiao adapter signs with TOP's signature, which lives with the Taobao channel
(sync/taobao_top.py). printing/ may not import sync/ (the layer contract), so whoever wires
the app hands that signer in: CarrierRegistry(top_sign=sync.taobao_top.sign).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app.domain.carriers import CarrierProfile
from app.domain.messages import Msg
from app.domain.shipping import Carrier, CarrierError
from printing.carriers.credentials import CarrierCredentialStore

TopSigner = Callable[[dict[str, str], str, str], str]
PddSigner = Callable[[Mapping[str, object], str], str]  # sync.cn_open.md5_wrapped
DouyinSigner = Callable[[str, str, str, str, str, str, str], str]  # sync.douyin.sign


@dataclass(frozen=True)
class CarrierAccount:
    code: str  # the station's name for this account, e.g. "sf-shenzhen"
    kind: str  # "sf_express", "cainiao", "kdniao"
    settings: Mapping[str, str] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict)


Factory = Callable[[CarrierAccount], Carrier]


class CarrierRegistry:
    def __init__(self, top_sign: TopSigner | None = None,
                 store: CarrierCredentialStore | None = None, *,
                 pdd_sign: PddSigner | None = None,
                 douyin_sign: DouyinSigner | None = None,
                 jos_sign: PddSigner | None = None) -> None:
        self._top_sign, self._pdd_sign, self._douyin_sign = top_sign, pdd_sign, douyin_sign
        self._jos_sign = jos_sign  # JOS's MD5 signature, sync.cn_open.md5_wrapped
        self._store = store
        self._factories: dict[str, Factory] = {
            "sf_express": self._sf_express, "cainiao": self._cainiao, "kdniao": self._kdniao,
            "shippo": self._shippo, "easypost": self._easypost,
            "pdd_waybill": self._pdd_waybill, "douyin_waybill": self._douyin_waybill,
            "jd_logistics": self._jd_logistics}

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._factories)

    def register(self, kind: str, factory: Factory) -> None:
        self._factories[kind] = factory

    def create(self, account: CarrierAccount) -> Carrier:
        try:
            factory = self._factories[account.kind]
        except KeyError:
            raise CarrierError(Msg("Carrier {code}: unknown kind {kind!r}; use one of {kinds}.",
                                   code=account.code, kind=account.kind, kinds=', '.join(self._factories))) from None
        if not account.secrets and self._store is not None:
            secrets = self._store.load(account.code, account.kind)
            account = CarrierAccount(account.code, account.kind, account.settings, secrets)
        try:
            return factory(account)
        except KeyError as exc:
            raise CarrierError(Msg("Carrier {code}: the setting {setting} is missing; fill it in the carrier settings.",
                                   code=account.code, setting=exc.args[0])) from None

    @staticmethod
    def _sf_express(account: CarrierAccount) -> Carrier:
        from printing.carriers import sf_express
        return sf_express.from_account(dict(account.settings), dict(account.secrets))

    @staticmethod
    def _shippo(account: CarrierAccount) -> Carrier:
        from printing.carriers import shippo
        return shippo.from_account(dict(account.settings), dict(account.secrets))

    @staticmethod
    def _kdniao(account: CarrierAccount) -> Carrier:
        from printing.carriers import kdniao
        return kdniao.from_account(dict(account.settings), dict(account.secrets))

    @staticmethod
    def _easypost(account: CarrierAccount) -> Carrier:
        from printing.carriers.easypost import EasyPost
        return EasyPost(account.secrets["api_key"], account.settings.get("url", ""),
                        code=account.code)

    def _cainiao(self, account: CarrierAccount) -> Carrier:
        from printing.carriers import cainiao
        if self._top_sign is None:
            raise CarrierError(Msg("Cainiao needs the TOP signer; build the registry with CarrierRegistry(top_sign=sync.taobao_top.sign)."))
        return cainiao.from_account(dict(account.settings), dict(account.secrets),
                                    self._top_sign)


    def _pdd_waybill(self, account: CarrierAccount) -> Carrier:
        from printing.carriers import pdd_waybill
        if self._pdd_sign is None:
            raise CarrierError(Msg("The Pinduoduo e-waybill needs the PDD signer; build the registry with CarrierRegistry(pdd_sign=sync.cn_open.md5_wrapped)."))
        return pdd_waybill.from_account(dict(account.settings), dict(account.secrets),
                                        self._pdd_sign)

    def _douyin_waybill(self, account: CarrierAccount) -> Carrier:
        from printing.carriers import douyin_waybill
        if self._douyin_sign is None:
            raise CarrierError(Msg("The Douyin e-waybill needs the Douyin signer; build the registry with CarrierRegistry(douyin_sign=sync.douyin.sign)."))
        return douyin_waybill.from_account(dict(account.settings), dict(account.secrets),
                                           self._douyin_sign)

    def _jd_logistics(self, account: CarrierAccount) -> Carrier:
        from printing.carriers import jd_logistics
        if self._jos_sign is None:
            raise CarrierError(Msg("JD Logistics needs the JOS signer; build the registry with CarrierRegistry(jos_sign=sync.cn_open.md5_wrapped)."))
        return jd_logistics.from_account(dict(account.settings), dict(account.secrets),
                                         self._jos_sign)


def carrier_directory(registry: CarrierRegistry) -> Callable[[CarrierProfile], Carrier]:
    """One adapter per profile, made when first needed and then kept; a carrier whose secrets
    cannot be read is a refusal in words (the label waits for a person), not a crash."""
    made: dict[tuple[str, str, str], Carrier] = {}

    def carrier_for(profile: CarrierProfile) -> Carrier:
        settings = {**profile.api_settings,
                    **({"url": profile.api_url} if profile.api_url else {})}
        key = (profile.code, profile.api, repr(sorted(settings.items())))
        if key not in made:
            try:
                made[key] = registry.create(CarrierAccount(profile.code, profile.api, settings))
            except CarrierError:
                raise
            except Exception as exc:  # the keyring's own errors, whatever backend it is
                raise CarrierError(Msg("Carrier {name}: {error}", name=profile.name, error=exc), "no_credentials") from exc
        return made[key]

    return carrier_for


def check_carrier_connection(registry: CarrierRegistry, view) -> str:
    """Ask a carrier (an app.services.carrier_setup.CarrierView) something harmless: no
    label bought, nothing billed. What it said, or a CarrierError in words. Network work:
    never on the Qt main thread."""
    profile = CarrierProfile(view.code, view.name, api=view.api, api_url=view.api_url,
                             api_settings=dict(view.settings))
    if not profile.api:
        raise CarrierError(Msg("Carrier {name} prints numbers from its own range; there is no "
                               "carrier to ask.", name=profile.name), "own_range")
    carrier = carrier_directory(registry)(profile)
    check = getattr(carrier, "check_connection", None)
    if check is None:
        raise CarrierError(Msg("Packdesk has no harmless test call for {api} yet; print a "
                               "test label to see whether the account works.",
                               api=profile.api), "no_test")
    return check()
