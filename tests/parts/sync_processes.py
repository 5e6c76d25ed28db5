"""Several `packdesk sync` PROCESSES on one store, as several stations and a cron job are.

`stations` gives a helper that sets up a store (SQLite file or PostgreSQL, by the test's
`store_kind` parameter) selling the channel servers' SKUs, its channels, the secrets in a
file keyring the children read, and starts `packdesk sync` children on it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from sync.credentials import CredentialStore
from tests.parts.file_keyring import FileKeyring, child_env

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Stations:
    url: str
    uow: Callable
    credentials: CredentialStore
    env: dict[str, str]
    folder: Path
    children: list[subprocess.Popen] = field(default_factory=list)

    def start(self, *args: str, name: str = "sync") -> subprocess.Popen:
        """`packdesk --db URL sync ARGS`, its output in a file named after it."""
        log = (self.folder / f"{name}-{len(self.children)}.log").open("w")
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", self.url,
                                  "--station", name, "sync", *args],
                                 cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.children.append(child)
        return child

    def finish(self, child: subprocess.Popen, timeout_s: float = 120) -> str:
        """Wait for a child; its output, for the failure message if it failed."""
        child.wait(timeout_s)
        return self.output(child)

    def interrupt(self, child: subprocess.Popen) -> str:
        """Ctrl-C, as a person stops `packdesk sync`: the runner stops its threads."""
        child.send_signal(signal.SIGINT)
        return self.finish(child, 30)

    def output(self, child: subprocess.Popen) -> str:
        index = self.children.index(child)
        return "\n".join(p.read_text() for p in self.folder.glob(f"*-{index}.log"))

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 60) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.1)
        return condition()

    def stop_all(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.kill()
                child.wait(10)


@pytest.fixture(params=["sqlite", "postgresql"])
def stations(request, tmp_path):
    from tests.parts.sync_store import stock_the_store  # a plugin of its own: load it first

    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    store = open_store(url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    keyring_file = tmp_path / "keyring.json"
    helper = Stations(url, uow, CredentialStore(FileKeyring(keyring_file)),
                      child_env(keyring_file), tmp_path)
    yield helper
    helper.stop_all()
    store.dispose()
