"""The command line applies the supervisor rule on the same rows as the app: commands that
change people, the catalogue or the carriers ask for a supervisor's name and PIN
(PACKDESK_SUPERVISOR / PACKDESK_PIN for scripts), and wrong PINs count and lock the name
as at the log-in. Run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def packdesk(db: Path, *args: str, supervisor: tuple[str, str] | None = None,
             new_pin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PACKDESK_PIN", "PACKDESK_NEW_PIN", "PACKDESK_SUPERVISOR")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if supervisor is not None:
        env["PACKDESK_SUPERVISOR"], env["PACKDESK_PIN"] = supervisor
    if new_pin is not None:
        env["PACKDESK_NEW_PIN"] = new_pin
    return subprocess.run([sys.executable, "-m", "main", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)


def test_supervisor_commands_ask_for_a_supervisor_and_wrong_pins_lock(tmp_path):
    db = tmp_path / "shop.db"
    env_init = {"PACKDESK_PIN": "2580"}
    made = subprocess.run([sys.executable, "-m", "main", "--db", str(db), "init",
                           "--supervisor", "Mei"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env_init, "PYTHONPATH": str(ROOT)},
                          stdin=subprocess.DEVNULL, timeout=120)
    assert made.returncode == 0, made.stderr
    mei = ("Mei", "2580")
    assert packdesk(db, "people", "add", "Ann", supervisor=mei, new_pin="1234").returncode == 0

    nobody = packdesk(db, "people", "add", "Bo", new_pin="4321")
    assert nobody.returncode != 0
    assert ("packdesk people add needs a supervisor: set PACKDESK_SUPERVISOR and PACKDESK_PIN"
            in nobody.stderr)
    packer = packdesk(db, "carrier", "add", "OWN", "--name", "Our van", "--prefix", "PK",
                      supervisor=("Ann", "1234"))
    assert packer.returncode == 2 and "Ann is not a supervisor." in packer.stderr
    # reading needs nobody
    listed = packdesk(db, "people", "list")
    assert listed.returncode == 0 and "Bo" not in listed.stdout
    assert packdesk(db, "products", "list").returncode == 0

    for _ in range(4):
        wrong = packdesk(db, "products", "add", "TEA-1", "--name", "Tea",
                         supervisor=("Mei", "0000"))
        assert wrong.returncode == 2
        assert "Supervisor name or PIN is not right." in wrong.stderr, wrong.stderr
    wrong = packdesk(db, "products", "add", "TEA-1", "--name", "Tea", supervisor=("Mei", "0000"))
    assert "Mei is locked after 5 wrong PINs in a row" in wrong.stderr, wrong.stderr
    locked = packdesk(db, "products", "add", "TEA-1", "--name", "Tea", supervisor=mei)
    assert locked.returncode == 2 and "Mei is locked" in locked.stderr
    assert "TEA-1" not in packdesk(db, "products", "list").stdout


def test_a_supervisor_labels_an_order_on_hold_only_with_override(tmp_path):
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.demo import build_demo

    db = tmp_path / "demo.db"
    store = open_store(f"sqlite:///{db}")
    build_demo(uow_factory(store.session_factory)(), seed=11, orders=10)
    with uow_factory(store.session_factory)() as u:
        from app.domain.orders import OrderStatus

        order = u.orders.get("PD-100002")
        order.transition(OrderStatus.ON_HOLD, "Sam", u.now(), "address unclear", "t")
        u.commit()
    store.dispose()
    pdf = tmp_path / "label.pdf"
    refused = packdesk(db, "print", "label", "PD-100002", "--pdf", str(pdf))
    assert refused.returncode == 2 and "Order PD-100002 is on hold; it gets no label." \
        in refused.stderr and "--override" in refused.stderr
    assert not pdf.exists()
    wrong = packdesk(db, "print", "label", "PD-100002", "--pdf", str(pdf), "--override",
                     supervisor=("Sam", "1111"))
    assert wrong.returncode == 2 and "Supervisor name or PIN is not right." in wrong.stderr
    done = packdesk(db, "print", "label", "PD-100002", "--pdf", str(pdf), "--override",
                    supervisor=("Sam", "9999"))
    assert done.returncode == 0, done.stderr
    assert pdf.exists() and done.stdout.strip()
