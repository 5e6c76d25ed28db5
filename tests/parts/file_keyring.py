"""A keyring backend for test PROCESSES: secrets in a JSON file named by an environment
variable, so a `packdesk sync` started by a test finds the channels' credentials.

Tests only: a child selects it with PYTHON_KEYRING_BACKEND=tests.parts.file_keyring.FileKeyring
and PACKDESK_TEST_KEYRING=<file>. The app never ships a plaintext fallback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV = "PACKDESK_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    priority = 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ[ENV])

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._read()
        secrets[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(secrets), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._read()
        secrets.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(secrets), "utf-8")


def child_env(path: Path) -> dict[str, str]:
    """The environment for a packdesk process that reads secrets from `path`."""
    root = Path(__file__).resolve().parents[2]
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.parts.file_keyring.FileKeyring",
            ENV: str(path), "PYTHONPATH": str(root)}
