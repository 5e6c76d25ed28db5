"""One classifier for everything that can go wrong with the store itself.

SQLite and PostgreSQL report a read-only file, a full disk, a held lock, a damaged file
or a dropped connection each in their own way; `StoreFaults.classify` turns the DBAPI
error (or the OSError of a backup) into a StoreFault whose message names the problem and
what to do, in words a packer can act on. The engine's `handle_error` hook raises it in
place of the driver's error, so it reaches the bench, the CLI and the logs the same way.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.adapters import store_stations
from app.adapters.store_backup import latest_backup
from app.domain.errors import StoreFault
from app.domain.messages import Msg

log = logging.getLogger(__name__)

# SQLite's primary result codes (sqlite.org/rescode.html)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
# PostgreSQL SQLSTATEs (postgresql.org/docs/current/errcodes-appendix.html)
PG_DISK_FULL, PG_READ_ONLY = "53100", "25006"


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _header_problem(path: Path) -> str:
    """What is wrong with the file's 100-byte SQLite header, '' if nothing (or empty)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        return str(exc)
    if size == 0:
        return ""  # SQLite makes a new store in an empty file
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "the file is not a SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        if _recovery_pending(path):
            return ""  # killed mid-checkpoint or mid-transaction: SQLite finishes it on open
        return f"the file is cut short: {size} bytes of the {pages * page_size} it should have"
    return ""


def _recovery_pending(path: Path) -> bool:
    """A write-ahead log or rollback journal with something in it lies next to the store:
    the pages the header counts may be there, and SQLite puts them back when it opens."""
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


class StoreFaults:
    """Classifies the faults of one store (a SQLite file, or a server database)."""

    def __init__(self, sqlite_path: Path | None, busy_timeout: float = 10.0) -> None:
        self.path = sqlite_path
        self.busy_timeout = busy_timeout

    # -- the faults, each with its message -------------------------------------------
    def read_only(self) -> StoreFault:
        folder = self.path.parent if self.path else None
        if folder is not None and not _writable(folder):
            return StoreFault(StoreFault.FOLDER_READ_ONLY, Msg(
                "The folder {folder} that holds the store is read-only, so Packdesk cannot "
                "record anything there. Nothing was changed. Make the folder writable for "
                "this user, or move the store to a writable folder and open it with --db.",
                folder=str(folder)))
        return StoreFault(StoreFault.READ_ONLY, Msg(
            "The store {path} is read-only, so Packdesk cannot record anything. Nothing was "
            "changed. Make the file writable for this user, or open a writable copy with "
            "--db.", path=str(self.path or "")))

    def disk_full(self) -> StoreFault:
        return StoreFault(StoreFault.DISK_FULL, Msg(
            "The disk that holds the store is full, so this was not saved; nothing was "
            "written half-way. Free some space on that disk ({where}), then do it again.",
            where=str(self.path.parent) if self.path else Msg("the database server")))

    def busy(self) -> StoreFault:
        station, pid = (store_stations.lock_holder(self.path) if self.path else (None, None))
        if station is not None:
            holder = Msg("station {station} (process {pid} on {host})",
                         station=station.station, pid=station.pid, host=station.host)
        elif pid is not None:
            holder = Msg("another program (process {pid})", pid=pid)
        else:
            holder = Msg("another station or program")
        return StoreFault(StoreFault.BUSY, Msg(
            "The store is busy: {holder} is writing to it and has not finished for "
            "{seconds} s. Nothing was saved. Try again in a moment; if it stays busy, close "
            "Packdesk or the other program on that station.",
            holder=holder, seconds=f"{self.busy_timeout:g}"))

    def corrupt(self, detail: str) -> StoreFault:
        check = self.integrity_problem() or detail
        log.error("store %s is damaged: %s", self.path, check)
        backup = latest_backup(self.path) if self.path else None
        if backup is not None:
            advice = Msg("Close Packdesk and put the latest backup, {backup}, in its place.",
                         backup=str(backup))
        else:
            advice = Msg("No backup of it was found next to it: restore it from your own "
                         "backups.")
        return StoreFault(StoreFault.CORRUPT, Msg(
            "The store {path} is damaged ({problem}). Packdesk did not change it. {advice}",
            path=str(self.path or ""), problem=check.splitlines()[0][:200], advice=advice))

    def disconnected(self) -> StoreFault:
        return StoreFault(StoreFault.DISCONNECTED, Msg(
            "The connection to the database server was lost; this was not saved. Packdesk "
            "connects again by itself: check the network and the server, then do it again."))

    def unavailable(self, detail: str) -> StoreFault:
        return StoreFault(StoreFault.UNAVAILABLE, Msg(
            "The store cannot be reached ({problem}). Nothing was changed. Check that it "
            "is where Packdesk is told it is (--db or PACKDESK_DB) and that this user may "
            "open it.", problem=detail.splitlines()[0][:200] if detail else ""))

    # -- before opening --------------------------------------------------------------
    def check_before_open(self, already_open: bool = False) -> None:
        """Refuse a SQLite file that cannot be used before SQLite touches it: a read-only
        file or folder (SQLite keeps its -wal and -shm files next to the store), or a file
        that is not a database or is shorter than its own header says (truncated). The
        header is not read when this process has the store open already: opening and
        closing the file would release its connections' locks (app/adapters/sqlite_files.py),
        and a store that is open here was read."""
        if self.path is None:
            return
        folder = self.path.parent
        if folder.exists() and not _writable(folder):
            raise self.read_only()
        if not self.path.exists():
            return
        if not _writable(self.path):
            raise self.read_only()
        problem = "" if already_open else _header_problem(self.path)
        if problem:
            raise self.corrupt(problem)

    # -- classification ----------------------------------------------------------------
    def classify(self, error: BaseException) -> StoreFault | None:
        """The StoreFault `error` means, or None for errors that are not store faults
        (a unique key taken, a bug in a query): those keep their own handling."""
        if isinstance(error, StoreFault):
            return error
        if isinstance(error, DBAPIError):
            if error.connection_invalidated:
                return self.disconnected()
            if error.orig is not None:
                error = error.orig
        if isinstance(error, sqlite3.Error):
            return self._sqlite(error)
        if isinstance(error, OSError):
            return self._os(error)
        return self._postgres(error)

    def _sqlite(self, error: sqlite3.Error) -> StoreFault | None:
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return self.busy()
        if code == SQLITE_READONLY:
            return self.read_only()
        if code == SQLITE_FULL:
            return self.disk_full()
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return self.corrupt(str(error))
        if code == SQLITE_CANTOPEN:
            if self.path is not None and (not _writable(self.path.parent)
                                          or (self.path.exists() and not _writable(self.path))):
                return self.read_only()
            return self.unavailable(str(error))
        return None

    def _os(self, error: OSError) -> StoreFault | None:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return self.disk_full()
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return self.read_only()
        return None

    def _postgres(self, error: BaseException) -> StoreFault | None:
        state = getattr(error, "sqlstate", None)
        if state == PG_DISK_FULL:
            return self.disk_full()
        if state == PG_READ_ONLY:
            return self.read_only()
        return None

    def integrity_problem(self) -> str:
        """'' when `PRAGMA integrity_check` finds the file sound, else what it found."""
        if self.path is None or not self.path.exists():
            return ""
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            return str(exc)
        try:
            found = [row[0] for row in db.execute("PRAGMA integrity_check(20)")]
        except sqlite3.Error as exc:
            return str(exc)
        finally:
            db.close()
        return "" if found == ["ok"] else "; ".join(found)
