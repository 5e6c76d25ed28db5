"""Channel credentials in the OS keyring (service "packdesk", user = the channel code).

Never in the database, never in a log line, never in an exception message. The store is
passed in, so tests and headless machines can use another keyring backend.
"""

from __future__ import annotations

import json
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.domain.messages import Msg

SERVICE = "packdesk"
SECRET_FIELDS = {
    "shopify": ("access_token",),
    "woocommerce": ("consumer_key", "consumer_secret"),
    "taobao": ("app_secret", "session"),
    "pinduoduo": ("client_secret", "access_token"),
    "jd": ("app_secret", "access_token"),
    "douyin": ("app_secret", "access_token"),
    "csv": (),
}
# alert routes (issue 18), kept under "alert:<route code>": a robot's sign secret, SMTP login
ALERT_SECRET_FIELDS = {"alert_dingtalk": ("secret",), "alert_mail": ("password",)}


def _fields(kind: str) -> tuple[str, ...]:
    return SECRET_FIELDS.get(kind) or ALERT_SECRET_FIELDS.get(kind, ())


class CredentialsMissing(Exception):
    """No usable keyring, or nothing stored for the channel; the message says what to do."""


def usable(backend: KeyringBackend) -> bool:
    """The `fail` and `null` backends store nothing: secrets would silently vanish."""
    module = type(backend).__module__
    return not (module.startswith("keyring.backends.fail")
                or module.startswith("keyring.backends.null"))


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    def ensure_usable(self) -> None:
        """Raise CredentialsMissing before anyone types a secret that could not be kept."""
        self._check()

    def _check(self) -> KeyringBackend:
        backend = self.backend
        if not usable(backend):
            raise CredentialsMissing(
                Msg("No system keyring is available to keep channel credentials. Start the desktop's keyring (GNOME Keyring, KWallet) or configure one for `keyring`."))
        return backend

    def save(self, channel_code: str, kind: str, secrets: dict[str, str]) -> None:
        wanted = _fields(kind)
        missing = [name for name in wanted if not secrets.get(name)]
        if missing:
            raise CredentialsMissing(Msg("Channel {channel_code}: missing {missing}.",
                                         channel_code=channel_code, missing=', '.join(missing)))
        try:
            self._check().set_password(SERVICE, channel_code,
                                       json.dumps({k: secrets[k] for k in wanted}))
        except keyring.errors.KeyringError as exc:
            raise CredentialsMissing(Msg("The keyring refused to store the credentials of {channel_code} ({name}).",
                                         channel_code=channel_code, name=type(exc).__name__)) from None

    def load(self, channel_code: str, kind: str) -> dict[str, Any]:
        try:
            text = self._check().get_password(SERVICE, channel_code)
        except keyring.errors.KeyringError as exc:
            raise CredentialsMissing(Msg("The keyring could not be read for {channel_code} ({name}).",
                                         channel_code=channel_code, name=type(exc).__name__)) from None
        if not text:
            raise CredentialsMissing(Msg("No credentials stored for channel {channel_code}; run: packdesk channel add {channel_code} ...",
                                         channel_code=channel_code))
        try:
            secrets = json.loads(text)
        except ValueError:
            raise CredentialsMissing(Msg("The stored credentials of {channel_code} are not readable; store them again.",
                                         channel_code=channel_code)) from None
        missing = [name for name in _fields(kind) if not secrets.get(name)]
        if missing:
            raise CredentialsMissing(Msg("Channel {channel_code}: stored credentials lack {missing}; store them again.",
                                         channel_code=channel_code, missing=', '.join(missing)))
        return secrets

    def forget(self, channel_code: str) -> None:
        try:
            self._check().delete_password(SERVICE, channel_code)
        except keyring.errors.PasswordDeleteError:
            return
