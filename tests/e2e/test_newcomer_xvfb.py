"""A newcomer's first hour at the real bench: the `packdesk` process under Xvfb, with a
real sound server, driven by xdotool at a scanner's 4 ms a key.

The demo store is made with `packdesk demo`, the station's label printer is a ZPL printer on
a raw socket. Over three starts of the app, 24 orders are packed: each start has a wrong
item and an over-scan, and during the second the printer is off for a while. The test fails
on any warning the app writes, on a stall of its event loop (its watchdog says so on stderr,
and scans stop being answered) and on a flood of stderr. Every order gets exactly one label.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.store import open_store
from tests.e2e.test_bench_with_sound import STDERR_LIMIT, warnings_in
from tests.parts.cups import ZplListener, free_port

RUNS = 3
ORDERS_PER_RUN = 8
ANSWER_S = 15.0  # a scan the bench has not recorded by then was not answered


def _xdotool(display: str, *args: str) -> str:
    out = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30,
                         env={**os.environ, "DISPLAY": display}, check=False)
    return out.stdout.strip()


class RealBench:
    """One start of the real app, and the packer's hands on its scanner."""

    def __init__(self, env: dict[str, str], db_url: str, stderr_file: Path) -> None:
        self.env, self.display = env, env["DISPLAY"]
        self.stderr_file = stderr_file
        self._err = stderr_file.open("wb")
        packdesk = Path(sys.executable).with_name("packdesk")
        self.process = subprocess.Popen([str(packdesk), "--db", db_url], env=env,
                                        stdout=subprocess.DEVNULL, stderr=self._err)
        self.window = _xdotool(self.display, "search", "--sync", "--onlyvisible", "--name",
                               "Packdesk").splitlines()[0]

    def log_in(self, name: str, pin: str) -> None:
        """Type name and PIN as a person does, and wait for the title to name the packer."""
        self.focus()
        self.type(name)
        self.type(pin)
        deadline = time.monotonic() + ANSWER_S
        while not _xdotool(self.display, "getwindowname", self.window).endswith(f"— {name}"):
            self.check_alive()
            if time.monotonic() > deadline:
                pytest.fail(f"log-in as {name} not taken; screen in "
                            f"{self.screenshot(self.stderr_file.with_suffix('.png'))}")
            time.sleep(0.05)  # polling the app's window title

    def focus(self) -> None:
        _xdotool(self.display, "windowfocus", "--sync", self.window)

    def scan(self, code: str) -> None:
        self.check_alive()
        _xdotool(self.display, "type", "--delay", "4", code)
        _xdotool(self.display, "key", "Return")

    def type(self, text: str) -> None:
        _xdotool(self.display, "type", "--delay", "90", text)
        _xdotool(self.display, "key", "Return")

    def screenshot(self, path: Path) -> Path:
        """What the packer sees, kept beside the test's files when something goes wrong."""
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, timeout=30,
                       check=False, capture_output=True)
        return path

    def check_alive(self) -> None:
        assert self.process.poll() is None, f"the app ended: {self.warnings()[:5]}"
        size = self.stderr_file.stat().st_size
        assert size <= STDERR_LIMIT, f"stderr flooded ({size} bytes): {self.warnings()[:5]}"

    def quit(self) -> None:
        self.focus()
        _xdotool(self.display, "key", "ctrl+q")
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail("the app did not quit on Ctrl+Q within 30 s")
        self._err.close()

    def warnings(self) -> list[str]:
        return warnings_in(self.stderr_file)


class Store:
    """What the supervisor's screen would show: read from the store, as another station."""

    def __init__(self, url: str) -> None:
        self.opened = open_store(url)

    def _scalar(self, query):
        with self.opened.engine.connect() as db:
            return db.execute(query).scalar()

    def scans_of(self, number: str) -> int:
        """Scans recorded for the order; a misread (an unknown code, in the log too) is not
        the scan the packer meant, so it does not count here."""
        c = orm.scan_events.c
        return self._scalar(select(func.count()).where(c.order_number == number,
                                                       c.result != "unknown_code"))

    def open_sessions(self, number: str) -> int:
        c = orm.pack_sessions.c
        return self._scalar(select(func.count()).where(c.order_number == number,
                                                       c.ended_at.is_(None)))

    def verified(self, number: str) -> int:
        line = orm.order_lines.c
        return self._scalar(select(func.coalesce(func.sum(line.verified_quantity), 0)).join(
            orm.orders, orm.orders.c.id == line.order_id).where(orm.orders.c.number == number))

    def verdicts(self, result: str) -> int:
        c = orm.scan_events.c
        return self._scalar(select(func.count()).where(c.result == result))

    def status(self, number: str) -> str:
        return self._scalar(select(orm.orders.c.status).where(orm.orders.c.number == number))

    def next_ready(self, skip: set[str]) -> str:
        c = orm.orders.c
        with self.opened.engine.connect() as db:
            rows = db.execute(select(c.number).where(c.status == "ready").order_by(c.id))
            return next(n for (n,) in rows if n not in skip)

    def units(self, number: str) -> list[str]:
        """The barcodes to scan for an order, one per unit."""
        o, line, code = orm.orders.c, orm.order_lines.c, orm.product_barcodes.c
        with self.opened.engine.connect() as db:
            rows = db.execute(select(line.sku, line.quantity).join(
                orm.orders, orm.orders.c.id == line.order_id).where(o.number == number)
                .order_by(line.id)).all()
            codes = dict(db.execute(select(code.sku, code.code).where(
                code.pack_quantity == 1).order_by(code.code.desc())).all())
        return [codes[sku] for sku, quantity in rows for _ in range(quantity)]

    def other_code(self, number: str) -> str:
        wanted = set(self.units(number))
        c = orm.product_barcodes.c
        with self.opened.engine.connect() as db:
            codes = db.execute(select(c.code).where(c.pack_quantity == 1).order_by(c.id))
            return next(code for (code,) in codes if code not in wanted)

    def label_skips(self) -> int:
        """Entries in the orders' trails for packing on without a label."""
        return self._scalar(select(func.count()).select_from(orm.order_transitions).where(
            orm.order_transitions.c.reason.startswith("packed on without its label")))

    def tracking(self, number: str) -> str:
        c = orm.orders.c
        return self._scalar(select(c.tracking_number).where(c.number == number))

    def buyer_note(self, number: str) -> str:
        c = orm.orders.c
        return self._scalar(select(c.buyer_note).where(c.number == number)) or ""

    def notes_read(self, number: str) -> int:
        """Entries in the order's trail for its buyer's note read (PD:NOTEOK)."""
        t, o = orm.order_transitions.c, orm.orders.c
        return self._scalar(select(func.count()).select_from(orm.order_transitions).join(
            orm.orders, o.id == t.order_id).where(o.number == number,
                                                 t.reason.startswith("buyer note read")))


def _wait(condition, what: str, bench: RealBench) -> None:
    deadline = time.monotonic() + ANSWER_S
    while not condition():
        bench.check_alive()
        if time.monotonic() > deadline:
            shot = bench.screenshot(bench.stderr_file.with_suffix(".png"))
            pytest.fail(f"{what}: no answer in {ANSWER_S:.0f} s (a frozen bench?); screen "
                        f"in {shot}; stderr: {bench.warnings()[:5]}")
        time.sleep(0.05)  # polling another process's store


MISREAD_WAIT_S = 3.0  # a packer who sees "not a product code" scans the item again
rescans: list[str] = []


def _scan_and_wait(bench: RealBench, store: Store, number: str, code: str) -> None:
    """Scan one item and wait until the bench has recorded it. A scan the bench read as
    some other code (the test tool's own timing under load can split a burst) is scanned
    again, as a packer does; the test counts those and allows very few."""
    before = store.scans_of(number), store.verified(number), store.status(number)
    bench.scan(code)
    deadline = time.monotonic() + MISREAD_WAIT_S
    while (store.scans_of(number), store.verified(number), store.status(number)) == before:
        if time.monotonic() > deadline:
            rescans.append(code)
            bench.scan(code)
            break
        time.sleep(0.05)  # polling another process's store
    _wait(lambda: (store.scans_of(number), store.verified(number),
                   store.status(number)) != before, f"scan {code} of {number}", bench)


def _pack(bench: RealBench, store: Store, number: str, wrong: bool, over: bool) -> bool:
    """Pack one order; True when it had the over-scan asked for."""
    bench.scan(number)
    deadline = time.monotonic() + MISREAD_WAIT_S
    while store.open_sessions(number) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # polling another process's store
    if store.open_sessions(number) == 0:
        rescans.append(number)
        bench.scan(number)
    _wait(lambda: store.open_sessions(number) == 1, f"opening {number}", bench)
    if store.buyer_note(number).strip():  # the bench asks for the buyer's note to be read
        read = store.notes_read(number)
        bench.scan("PD:NOTEOK")
        _wait(lambda: store.notes_read(number) > read, f"the note of {number} read", bench)
    units = store.units(number)
    if wrong:
        _scan_and_wait(bench, store, number, store.other_code(number))
    over_scanned = False
    for i, code in enumerate(units):
        _scan_and_wait(bench, store, number, code)
        if over and not over_scanned and i + 1 < len(units) and code not in units[i + 1:]:
            _scan_and_wait(bench, store, number, code)  # one too many of a finished line
            over_scanned = True
    deadline = time.monotonic() + 3
    while store.status(number) != "packed" and time.monotonic() < deadline:
        time.sleep(0.05)  # a merge offer waits for PD:COMPLETE
    if store.status(number) != "packed":
        bench.scan("PD:COMPLETE")
    _wait(lambda: store.status(number) == "packed", f"completing {number}", bench)
    return over_scanned


@pytest.fixture
def newcomer_env(tmp_path, x_display, sound_server):
    env = {**os.environ, **sound_server.env, "DISPLAY": x_display,
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_LOGGING_RULES": "",
           "PACKDESK_THREAD_CHECKS": "1"}
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, as on a packer's desktop
    return env


def test_a_newcomer_packs_24_demo_orders_over_three_starts(newcomer_env, tmp_path):
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    made = subprocess.run([str(Path(sys.executable).with_name("packdesk")), "demo", "--db",
                           db_url], env=newcomer_env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    port = free_port()
    settings = tmp_path / "config" / "packdesk" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"station_id": "bench-1", "language": "en", "sounds": True,
                                    "label_printer": "zpl_tcp",
                                    "label_printer_target": f"127.0.0.1:{port}"}))
    store = Store(db_url)
    # the demo's own weeks of packing history hold mis-scans too: count this run's only
    history = {result: store.verdicts(result) for result in ("over_scan", "wrong_item")}
    rescans.clear()
    over_scans = 0
    packed: list[str] = []
    labels: list[bytes] = []
    printer = ZplListener(port)
    for run in range(RUNS):
        bench = RealBench(newcomer_env, db_url, tmp_path / f"stderr-{run}.txt")
        bench.log_in("Ann", "1234")
        over_done = False
        for i in range(ORDERS_PER_RUN):
            if run == 1 and i == 2:  # the printer is switched off for four orders
                labels += printer.wait_for(len(packed) - len(labels))
                printer.close()
            if run == 1 and i == 6:  # and on again: what waited prints now
                printer = ZplListener(port)
            if run == 1 and 3 <= i <= 6:  # the bench holds the next order for a label not
                skipped = store.label_skips()  # printed: the packer goes on, recorded
                bench.scan("PD:SKIPLABEL")
                _wait(lambda before=skipped: store.label_skips() > before, "PD:SKIPLABEL", bench)
            number = store.next_ready(set(packed))
            over_done |= _pack(bench, store, number, wrong=i == 1, over=i >= 3 and not over_done)
            packed.append(number)
        over_scans += over_done
        labels += printer.wait_for(len(packed) - len(labels), timeout=60)
        printer.payloads.clear()
        bench.quit()
        assert not bench.warnings(), f"start {run + 1}: the app wrote {bench.warnings()[:10]}"
        assert bench.process.returncode == 0
    printer.close()
    assert len(packed) == RUNS * ORDERS_PER_RUN
    assert over_scans == RUNS, "each start should have had an over-scan"
    assert store.verdicts("over_scan") - history["over_scan"] == RUNS
    assert store.verdicts("wrong_item") - history["wrong_item"] == RUNS
    assert len(rescans) <= 2, f"{len(rescans)} scans had to be repeated: {rescans}"
    text = b"\n".join(labels).decode(errors="replace")
    assert len(labels) == len(packed)
    for number in packed:
        assert text.count(store.tracking(number)) >= 1, f"no label for {number}"
