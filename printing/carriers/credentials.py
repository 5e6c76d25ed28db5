"""Carrier secrets in the OS keyring (service "packdesk", user "carrier:<code>").

Kept apart from the channels' secrets (sync/credentials.py keeps those under the channel
code) and, like them, never in the database, a log line or an exception message. The
non-secret settings (partner id, customer codes, template) are the carrier profile's.
"""

from __future__ import annotations

import json

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.domain.messages import Msg

SERVICE = "packdesk"
SECRET_FIELDS = {
    "sf_express": ("checkword",),
    "cainiao": ("app_secret", "session"),
    "kdniao": ("app_key",),
    "shippo": ("api_key",),
    "easypost": ("api_key",),
    "pdd_waybill": ("client_secret", "access_token"),
    "douyin_waybill": ("app_secret", "access_token"),
    "jd_logistics": ("app_secret", "access_token"),
}
# kept when given: the express company's e-waybill password some ShipperCodes need
OPTIONAL_SECRET_FIELDS = {"kdniao": ("customer_pwd",)}


class CarrierCredentialsMissing(Exception):
    """No usable keyring, or nothing stored for the carrier; the message says what to do."""


def _user(carrier_code: str) -> str:
    return f"carrier:{carrier_code}"


def _usable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return not module.startswith(("keyring.backends.fail", "keyring.backends.null"))


class CarrierCredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _check(self) -> KeyringBackend:
        backend = self._backend or keyring.get_keyring()
        if not _usable(backend):
            raise CarrierCredentialsMissing(
                Msg("No system keyring is available to keep carrier credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`."))
        return backend

    def save(self, carrier_code: str, kind: str, secrets: dict[str, str]) -> None:
        wanted = _fields(kind)
        missing = [name for name in wanted if not secrets.get(name)]
        if missing:
            raise CarrierCredentialsMissing(
                Msg("Carrier {carrier_code}: missing {missing}.",
                    carrier_code=carrier_code, missing=', '.join(missing)))
        try:
            kept = wanted + tuple(k for k in OPTIONAL_SECRET_FIELDS.get(kind, ())
                                  if secrets.get(k))
            self._check().set_password(SERVICE, _user(carrier_code),
                                       json.dumps({k: secrets[k] for k in kept}))
        except keyring.errors.KeyringError as exc:
            raise CarrierCredentialsMissing(
                Msg("The keyring refused to store the credentials of carrier {carrier_code} ({error}).",
                    carrier_code=carrier_code, error=type(exc).__name__)) from None

    def load(self, carrier_code: str, kind: str) -> dict[str, str]:
        try:
            text = self._check().get_password(SERVICE, _user(carrier_code))
        except keyring.errors.KeyringError as exc:
            raise CarrierCredentialsMissing(
                Msg("The keyring could not be read for carrier {carrier_code} ({error}).",
                    carrier_code=carrier_code, error=type(exc).__name__)) from None
        if not text:
            raise CarrierCredentialsMissing(
                Msg("No credentials stored for carrier {carrier_code}; store its {fields} again in the carrier settings.",
                    carrier_code=carrier_code, fields=', '.join(_fields(kind))))
        try:
            secrets = json.loads(text)
        except ValueError:
            raise CarrierCredentialsMissing(Msg("The stored credentials of carrier {carrier_code} are not readable; store them again.",
                                                carrier_code=carrier_code)) from None
        missing = [name for name in _fields(kind) if not secrets.get(name)]
        if missing:
            raise CarrierCredentialsMissing(Msg("Carrier {carrier_code}: stored credentials lack {missing}; store them again.",
                                                carrier_code=carrier_code, missing=', '.join(missing)))
        return secrets

    def forget(self, carrier_code: str) -> None:
        try:
            self._check().delete_password(SERVICE, _user(carrier_code))
        except keyring.errors.PasswordDeleteError:
            return


def _fields(kind: str) -> tuple[str, ...]:
    try:
        return SECRET_FIELDS[kind]
    except KeyError:
        raise CarrierCredentialsMissing(
            Msg("Unknown carrier kind {kind!r}; use one of {kinds}.",
                kind=kind, kinds=', '.join(SECRET_FIELDS))) from None
