"""A station never drops its own SQLite locks: POSIX releases every lock a process holds on
a file when any descriptor of that file is closed, so a header peek (a second open of the
store in one process) or a probe for who holds the write lock (the busy message) would
leave this station's read marks and write lock behind without SQLite knowing. Another
station could then overwrite WAL frames this one is reading, or write beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from app.adapters.store import open_store
from app.adapters.store_stations import writer_pid
from tests.integration.core.test_store_faults import HOLDER
from tests.parts.store_faults import ROOT, _env


def _locks_held(*paths: Path) -> dict[str, int]:
    """This process's POSIX locks on each file, from the kernel's own table."""
    inodes = {p.stat().st_ino: p.name for p in paths if p.exists()}
    held: dict[str, int] = {}
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 1 and fields[1] == "->":
            continue
        if fields[4] == str(os.getpid()):
            inode = int(fields[5].split(":")[2])
            if inode in inodes:
                held[inodes[inode]] = held.get(inodes[inode], 0) + 1
    return held


def _reading(store):
    """A connection in a read transaction: it holds a read mark in the -shm."""
    connection = store.engine.connect()
    connection.execute(text("SELECT count(*) FROM orders")).all()
    return connection


def test_a_busy_message_asks_who_writes_without_dropping_this_stations_locks(tmp_path):
    path = tmp_path / "packdesk.db"
    store = open_store(f"sqlite:///{path}", station="bench-1")
    shm = path.with_name(path.name + "-shm")
    reader = _reading(store)
    try:
        before = _locks_held(path, shm)
        assert before.get(shm.name), before  # the read mark
        store.faults.busy()  # what a station says when another one writes for too long
        assert _locks_held(path, shm) == before
    finally:
        reader.close()
        store.dispose()


def test_opening_the_store_again_in_one_process_keeps_the_first_ones_locks(tmp_path):
    path = tmp_path / "packdesk.db"
    url = f"sqlite:///{path}"
    first = open_store(url, station="bench-1")
    shm = path.with_name(path.name + "-shm")
    reader = _reading(first)
    try:
        before = _locks_held(path, shm)
        assert before.get(path.name) and before.get(shm.name), before
        second = open_store(url, station="bench-1")  # the CLI in-process, a tool, a test
        assert _locks_held(path, shm) == before
        second.dispose()
        assert _locks_held(path, shm) == before
    finally:
        reader.close()
        first.dispose()
    again = open_store(url)  # nobody has it open here now: the header is checked again
    again.dispose()


def test_the_writer_is_named_from_the_kernels_lock_table(tmp_path):
    path = tmp_path / "packdesk.db"
    url = f"sqlite:///{path}"
    open_store(url).dispose()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], cwd=ROOT, env=_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert writer_pid(path) == holder.pid
    finally:
        holder.stdin.close()
        holder.wait(30)
    assert writer_pid(path) is None
