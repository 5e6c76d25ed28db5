"""A label waiting for a printer that is off survives the app being killed (SIGKILL): the
restarted station prints it exactly once when the printer comes back, and a second
station sharing the store never prints it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, select

from app.adapters import orm
from tests.parts.cups import ZplListener, free_port

ROOT = Path(__file__).resolve().parents[2]


def _child(url: str, station: str, port: int, log_dir: Path, mode: str) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.e2e.print_child", url, station,
                             str(port), str(log_dir), mode], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run(url: str, station: str, port: int, log_dir: Path) -> list[str]:
    child = _child(url, station, port, log_dir, "resume")
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    return out.split()


def _queue_and_kill(url: str, station: str, port: int, log_dir: Path) -> None:
    """The station queues a label for a printer that is off, tries it, and is killed."""
    child = _child(url, station, port, log_dir, "queue")
    try:
        line = child.stdout.readline().split()
        assert line[:1] == ["queued"], child.stderr.read()
        engine = create_engine(url)
        c = orm.print_jobs.c
        end = time.monotonic() + 30
        with engine.connect() as db:  # wait until the printer refused it and it waits again
            while time.monotonic() < end:
                state, reason = db.execute(select(c.state, c.reason)
                                           .where(c.id == int(line[1]))).one()
                db.rollback()
                if state == "queued" and reason:
                    break
                time.sleep(0.05)
        engine.dispose()
        assert (state, bool(reason)) == ("queued", True), "the printer never refused the job"
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)


def test_a_queued_label_prints_exactly_once_after_the_app_is_killed(tmp_path, store,
                                                                     sqlite_url):
    port = free_port()
    _queue_and_kill(sqlite_url, "bench-1", port, tmp_path)
    printer = ZplListener(port)  # the printer is switched on
    try:
        assert _run(sqlite_url, "bench-1", port, tmp_path) == ["resumed", "1", "done",
                                                                "accepted"]
        label = printer.wait_for(1)[0]
        assert b"ZX" in label and b"PD-4242" in label
        assert _run(sqlite_url, "bench-1", port, tmp_path) == ["resumed", "0", "done"]
        assert printer.payloads == [label]
    finally:
        printer.close()


def test_two_stations_on_postgresql_each_resume_only_their_own_jobs(tmp_path, postgres_url):
    from app.adapters.store import open_store

    open_store(postgres_url).dispose()  # the schema
    port = free_port()
    _queue_and_kill(postgres_url, "bench-1", port, tmp_path / "one")
    printer = ZplListener(port)
    try:
        assert _run(postgres_url, "bench-2", port, tmp_path / "two")[:2] == ["resumed", "0"]
        assert printer.payloads == []
        assert _run(postgres_url, "bench-1", port, tmp_path / "one") == ["resumed", "1",
                                                                          "done", "accepted"]
        assert len(printer.wait_for(1)) == 1
        assert _run(postgres_url, "bench-1", port, tmp_path / "one")[:2] == ["resumed", "0"]
        assert len(printer.payloads) == 1
    finally:
        printer.close()
