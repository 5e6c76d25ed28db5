"""A new store from the command line: `packdesk init` makes its first supervisor (and
refuses a store in use); `packdesk people` adds, lists, disables and re-PINs people, and
who is disabled can no longer log in while history keeps the name."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import NotAllowed
from app.services import commands as c
from app.services.auth import log_in


def packdesk(db, *args, pin: str | None = None, supervisor=("Mei", "2580")):
    """`pin`: the PIN being set (init's supervisor's, a new person's); `supervisor`: who
    approves a supervisor's command (None: nobody)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("PACKDESK_PIN", "PACKDESK_NEW_PIN", "PACKDESK_SUPERVISOR"):
        env.pop(name, None)
    if args[0] == "init":
        if pin is not None:
            env["PACKDESK_PIN"] = pin
    else:
        if pin is not None:
            env["PACKDESK_NEW_PIN"] = pin
        if supervisor is not None:
            env["PACKDESK_SUPERVISOR"], env["PACKDESK_PIN"] = supervisor
    return subprocess.run([sys.executable, "-m", "main", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


def test_a_new_store_gets_its_supervisor_and_its_people(tmp_path):
    db = tmp_path / "shop.db"
    made = packdesk(db, "init", "--supervisor", "Mei", pin="2580")
    assert made.returncode == 0, made.stderr
    assert "Mei is its supervisor" in made.stdout
    again = packdesk(db, "init", "--supervisor", "Someone", pin="1111")
    assert again.returncode == 2 and "only sets up an empty store" in again.stderr
    assert "packdesk people add" in again.stderr
    for name, role, pin in (("Ann", "packer", "1234"), ("Bo", "clerk", "4321")):
        added = packdesk(db, "people", "add", name, "--role", role, pin=pin)
        assert added.returncode == 0, added.stderr
    bad = packdesk(db, "people", "add", "Cy", pin="12")
    assert bad.returncode == 2 and "A PIN is 4 to 8 digits." in bad.stderr
    twice = packdesk(db, "people", "add", "ann", pin="9999")
    assert twice.returncode == 2 and "already someone called ann" in twice.stderr
    no_pin = packdesk(db, "people", "add", "Dee")
    assert no_pin.returncode != 0 and "PACKDESK_NEW_PIN" in no_pin.stderr
    assert packdesk(db, "people", "disable", "Ann").stdout.strip() == "Ann (packer): disabled"
    last = packdesk(db, "people", "disable", "Mei")
    assert last.returncode == 2 and "last active supervisor" in last.stderr
    assert packdesk(db, "people", "reset-pin", "Bo", pin="7777").returncode == 0
    demoted = packdesk(db, "people", "role", "Mei", "packer")
    assert demoted.returncode == 2 and "make someone else a supervisor first" in demoted.stderr
    assert packdesk(db, "people", "role", "Bo", "supervisor").stdout.strip() == (
        "Bo (supervisor): active")
    assert packdesk(db, "people", "role", "Bo", "clerk").returncode == 0
    listed = packdesk(db, "people", "list").stdout.splitlines()
    assert listed == ["Ann\tpacker\tdisabled", "Bo\tclerk\tactive", "Mei\tsupervisor\tactive"]

    store = open_store(f"sqlite:///{db}")
    try:
        uow = uow_factory(store.session_factory, station="b1")
        assert log_in(c.LogIn("Mei", "2580"), uow()).is_supervisor
        assert log_in(c.LogIn("Bo", "7777"), uow()).role == "clerk"
        for name, pin in (("Ann", "1234"), ("Bo", "4321")):  # disabled; the old PIN
            with pytest.raises(NotAllowed, match="Name or PIN is not right"):
                log_in(c.LogIn(name, pin), uow())
    finally:
        store.dispose()
