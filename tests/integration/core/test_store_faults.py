"""Every fault of a SQLite store reaches the person as a message that names the problem and
what to do, never a traceback, and leaves nothing written half-way."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event

from app.adapters.store import _alembic_config, make_engine, open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import StoreFault
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.demo import build_demo
from app.services.retry import BUSY_ATTEMPTS, with_retries
from tests.parts.store_faults import (
    ROOT,
    _env,
    packdesk,
    run_on_small_disk,
    run_with_read_only,
)

TABLES = ("orders", "order_lines", "products", "stock_moves", "pack_sessions", "scan_events")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _sound(path: Path) -> bool:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.fixture
def empty_store(tmp_path) -> Path:
    folder = tmp_path / "station"
    folder.mkdir()
    path = folder / "packdesk.db"
    open_store(f"sqlite:///{path}").dispose()
    return path


def _says(result: subprocess.CompletedProcess, *phrases: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


# -- read-only ---------------------------------------------------------------------------
def test_a_read_only_store_file_is_refused_with_a_message_and_left_as_it_was(empty_store):
    before = _digest(empty_store)
    result = run_with_read_only(empty_store, packdesk("demo", "--db", str(empty_store)))
    _says(result, f"The store {empty_store} is read-only", "Nothing was changed",
          "Make the file writable")
    assert _digest(empty_store) == before
    assert _counts(empty_store)["orders"] == 0


def test_a_read_only_folder_is_refused_with_a_message_and_left_as_it_was(empty_store):
    before = _digest(empty_store)
    result = run_with_read_only(empty_store.parent, packdesk("demo", "--db", str(empty_store)))
    _says(result, f"The folder {empty_store.parent} that holds the store is read-only",
          "Make the folder writable")
    assert _digest(empty_store) == before


def test_a_write_refused_by_a_read_only_store_is_a_read_only_fault(empty_store):
    store = open_store(f"sqlite:///{empty_store}")
    reader = sqlite3.connect(f"file:{empty_store}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        reader.execute("INSERT INTO counters (name, next_value) VALUES ('x', 1)")
    reader.close()
    fault = store.faults.classify(refused.value)
    store.dispose()
    assert fault.kind == StoreFault.READ_ONLY and "is read-only" in str(fault)


# -- a full disk -------------------------------------------------------------------------
def test_a_full_store_says_so_and_keeps_nothing_of_the_failed_action(empty_store):
    store = open_store(f"sqlite:///{empty_store}")
    uow = uow_factory(store.session_factory, "bench-1")
    with store.engine.connect() as db:
        pages = db.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "connect")
    def nearly_full(dbapi_connection, _record):  # the store may not grow past 8 pages more
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 8}")

    store.engine.dispose()
    with pytest.raises(StoreFault) as full:
        build_demo(uow(), seed=3, products=30, orders=300)  # far more than 8 pages
    store.dispose()
    assert full.value.kind == StoreFault.DISK_FULL
    assert str(full.value).startswith("The disk that holds the store is full, so this was not "
                                      "saved; nothing was written half-way. Free some space")
    assert _counts(empty_store) == dict.fromkeys(TABLES, 0)
    assert _sound(empty_store)


def test_a_station_whose_disk_fills_up_says_so_and_its_store_stays_sound(tmp_path):
    disk = tmp_path / "small-disk"
    disk.mkdir()
    db = disk / "packdesk.db"
    check = (f"{sys.executable} -c \"import sqlite3; d = sqlite3.connect('{db}'); "
             "print(d.execute('PRAGMA integrity_check').fetchone()[0], "
             "d.execute('SELECT COUNT(*) FROM orders').fetchone()[0])\"")
    demo = " ".join(packdesk("demo", "--db", str(db)))
    result = run_on_small_disk(disk, 900, f"{demo}; echo exit=$?; {check}")
    assert "Traceback" not in result.stderr, result.stderr
    assert "The disk that holds the store is full" in result.stderr, result.stderr
    assert "exit=2" in result.stdout
    assert result.stdout.strip().endswith("ok 0"), result.stdout


# -- another writer holds the lock ---------------------------------------------------------
HOLDER = """
import sys
from app.adapters.store import open_store
store = open_store(sys.argv[1], station="bench-2")
with store.engine.connect() as db:
    db.exec_driver_sql("BEGIN IMMEDIATE")
    db.exec_driver_sql("INSERT INTO counters (name, next_value) VALUES ('held', 1)")
    print("holding", flush=True)
    sys.stdin.read()
"""


def test_a_store_another_station_is_writing_to_names_it_after_retrying(tmp_path):
    path = tmp_path / "packdesk.db"
    url = f"sqlite:///{path}"
    store = open_store(url, station="bench-1", busy_timeout=0.2)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=3, products=10, orders=5)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], cwd=ROOT, env=_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        tries = []

        def open_order():
            tries.append(1)
            return PackBenchService(uow).open_order(c.OpenOrder("PD-100001", "Ann"))

        with pytest.raises(StoreFault) as busy:
            with_retries(open_order, "Opening the order")
    finally:
        holder.stdin.close()
        holder.wait(30)
    store.dispose()
    assert busy.value.kind == StoreFault.BUSY
    assert len(tries) == BUSY_ATTEMPTS
    assert str(busy.value).startswith(
        f"The store is busy: station bench-2 (process {holder.pid} on ")
    assert "Nothing was saved. Try again in a moment" in str(busy.value)
    assert _counts(path)["pack_sessions"] == 0


# -- a damaged file ------------------------------------------------------------------------
def _store_with_a_backup(tmp_path) -> Path:
    path = tmp_path / "packdesk.db"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(_alembic_config(engine), "0007_sentinels")
    engine.dispose()
    store = open_store(f"sqlite:///{path}")  # the upgrade backs it up first
    build_demo(uow_factory(store.session_factory, "setup")(), seed=3, products=30, orders=60)
    notices = store.notices.pending
    store.dispose()
    backups = sorted(tmp_path.glob("packdesk.db.backup-0007_sentinels-*"))
    assert len(backups) == 1 and notices == [
        f"Before upgrading the store, Packdesk saved a copy of it at {backups[0]}."]
    return path


@pytest.mark.parametrize("damage", ["garbage header", "truncated", "garbage pages"])
def test_a_damaged_store_is_refused_naming_the_latest_backup(tmp_path, damage):
    path = _store_with_a_backup(tmp_path)
    backup = next(tmp_path.glob("packdesk.db.backup-*"))
    data = bytearray(path.read_bytes())
    if damage == "garbage header":
        data[:100] = bytes(range(100))
    elif damage == "truncated":
        data = data[: len(data) // 2]
    else:
        data[4096 * 3:] = b"\xa5" * (len(data) - 4096 * 3)
    path.write_bytes(bytes(data))
    before = _digest(path)
    result = subprocess.run(packdesk("print", "--db", str(path), "label", "PD-100001",
                                     "--pdf", str(tmp_path / "label.pdf")),
                            cwd=ROOT, env=_env(), capture_output=True, text=True)
    _says(result, f"The store {path} is damaged (", "Packdesk did not change it.",
          f"put the latest backup, {backup}, in its place.")
    assert _digest(path) == before
