"""Opening the store: engine, SQLite pragmas, and Alembic migrations on open.

An older store is upgraded to the app's schema when opened, each migration in its own
transaction, a SQLite store copied next to itself first. A store written by a newer
Packdesk (a revision this build does not know) is refused, untouched. A store that cannot
be used (read-only, full, busy, damaged) is refused with a StoreFault saying why.
"""

from __future__ import annotations

import ast
import logging
import os
import select
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from app.adapters import pipeline, sqlite_files, store_stations
from app.adapters.orm import start_mappers
from app.adapters.statistics import keep_postgres_statistics, keep_statistics
from app.adapters.store_backup import back_up
from app.adapters.store_faults import StoreFaults
from app.domain.errors import PackdeskError
from app.domain.messages import Msg

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT = 10.0  # seconds a write waits for another writer before it is a fault


class StoreError(PackdeskError):
    """The store cannot be opened; the message says why and what to do."""


class StoreTooNew(StoreError):
    """The store was written by a newer Packdesk."""


def default_store_url() -> str:
    folder = Path(user_data_dir("packdesk", "Packdesk"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'packdesk.db'}"


def resolve_store_url(cli_value: str | None = None) -> str:
    """--db beats PACKDESK_DB beats the file in the user data directory."""
    url = cli_value or os.environ.get("PACKDESK_DB") or default_store_url()
    if "://" not in url:  # a plain path means a SQLite file
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def _sqlite_pragmas(dbapi_connection, _record, foreign_keys: bool = True) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: safe against a killed app
    cursor.close()


def _sqlite_path(url) -> Path | None:
    if url.drivername.startswith("sqlite") and url.database and url.database != ":memory:":
        return Path(url.database)
    return None


def _parse(url: str):
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(Msg("“{url}” is not a database address: {exc}", url=url, exc=exc)) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _raise_store_faults(engine: Engine, faults: StoreFaults) -> None:
    """Every DBAPI error that is a store fault reaches callers as a StoreFault."""

    def classify(context) -> BaseException | None:
        if context.is_pre_ping:  # the pool reconnects by itself: not a fault
            return None
        if context.is_disconnect:
            return faults.disconnected()
        return faults.classify(context.original_exception)

    event.listen(engine, "handle_error", classify)


def _drop_ended_connections(dbapi_connection, _record, _proxy) -> None:
    """At checkout, without a round trip: a backend that ended (a server restart,
    `pg_terminate_backend`) has sent its last message and closed the socket, so the socket
    reads at once. libpq reads what waits without blocking (`PQconsumeInput`); a connection
    it finds gone is handed back to the pool, which connects anew (SQLAlchemy's
    `DisconnectionError` from a checkout listener, the pool's pessimistic recipe)."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None:
        return
    from psycopg import Error as DriverError
    from psycopg.pq import ConnStatus

    if dbapi_connection.closed or pgconn.status != ConnStatus.OK:
        raise DisconnectionError("the connection is closed")
    try:
        for _ in range(8):  # its last words (an ErrorResponse), then the end of the stream
            waiting, _, _ = select.select([pgconn.socket], [], [], 0)
            if not waiting:
                break
            pgconn.consume_input()
    except (DriverError, OSError, ValueError) as exc:
        raise DisconnectionError(str(exc)) from exc
    if pgconn.status != ConnStatus.OK:
        raise DisconnectionError("the server ended the connection")


def make_engine(url: str, faults: StoreFaults | None = None,
                busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    parsed = _parse(url)
    faults = faults or StoreFaults(_sqlite_path(parsed), busy_timeout)
    if parsed.drivername.startswith("sqlite"):
        if faults.path is not None:
            faults.path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": busy_timeout})
        event.listen(engine, "connect", _sqlite_pragmas)
        keep_statistics(engine, busy_timeout)
    else:
        # no pre-ping: it is a round trip before every unit of work (issue 20: a scan's
        # trips). A connection the server ended is told from its socket at checkout, at no
        # trip (`_drop_ended_connections`); one lost silently fails its first statement,
        # a disconnect that `with_retries` tries once more on a new connection.
        engine = create_engine(parsed, pool_size=5, max_overflow=5)
        event.listen(engine, "checkout", _drop_ended_connections)
        pipeline.install(engine)
        keep_postgres_statistics(engine)
    _raise_store_faults(engine, faults)
    return engine


def migration_engine(url, faults: StoreFaults | None = None,
                     busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    """The engine migrations run on. On SQLite it takes the pysqlite driver's transaction
    handling over (SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL"
    recipe): the driver would commit before every CREATE or DROP, so a station killed
    mid-migration left half a schema behind. Here each migration runs in one
    BEGIN IMMEDIATE ... COMMIT, DDL included, with foreign keys off as SQLite asks for
    schema changes (sqlite.org/lang_altertable.html)."""
    parsed = _parse(url if isinstance(url, str) else url.render_as_string(hide_password=False))
    if not parsed.drivername.startswith("sqlite"):  # PostgreSQL's DDL is transactional
        return make_engine(parsed.render_as_string(hide_password=False), faults, busy_timeout)
    engine = create_engine(parsed, poolclass=NullPool, connect_args={"timeout": busy_timeout})

    def connect(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN, no implicit COMMIT
        _sqlite_pragmas(dbapi_connection, record, foreign_keys=False)

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    _raise_store_faults(engine, faults or StoreFaults(_sqlite_path(parsed), busy_timeout))
    return engine


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def schema_heads() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return set(ScriptDirectory.from_config(config).get_heads())


def _literal(tree: ast.Module, name: str) -> tuple[bool, object]:
    """(found, value) of a module-level `name = <literal>` (annotated or not)."""
    for node in tree.body:
        target = (node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1
                  else node.target if isinstance(node, ast.AnnAssign) else None)
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            try:
                return True, ast.literal_eval(value)
            except ValueError:
                return False, None
    return False, None


def plain_schema_heads() -> set[str] | None:
    """The schema heads read from the migration files' literal `revision` and
    `down_revision`, without importing alembic (with mako and pygments, most of a second of
    every start-up); None when a file does not say them plainly, and alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        try:  # the two assignments alone, each on its line as alembic writes them
            tree = ast.parse("\n".join(line for line in text.splitlines()
                                       if line.startswith(("revision", "down_revision"))))
        except SyntaxError:  # one written over several lines: the whole file
            tree = ast.parse(text)
        found, revision = _literal(tree, "revision")
        has_parent, parent = _literal(tree, "down_revision")
        if not (found and has_parent and isinstance(revision, str)):
            return None
        downs = (parent,) if parent is None or isinstance(parent, str) else parent
        if not isinstance(downs, tuple | list) or not all(
                d is None or isinstance(d, str) for d in downs):
            return None
        revisions.add(revision)
        parents.update(d for d in downs if d is not None)
    return revisions - parents if revisions else None


def _stored_revisions(engine: Engine) -> set[str] | None:
    """The revisions the store says it is at, read plainly; None when that cannot be read
    (a new store, or one alembic has to look at)."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return {row[0] for row in rows}
    except SQLAlchemyError:  # any doubt: the full check decides
        return None


def _current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())
    except OperationalError as exc:
        raise StoreError(Msg("The store at {url!r} cannot be opened: {orig}",
                             url=engine.url, orig=exc.orig)) from exc


def migrate(engine: Engine, faults: StoreFaults | None = None,
            notices: StoreNotices | None = None) -> None:
    """Upgrade the store to this build's schema, or refuse a store that is newer.

    A SQLite store that has a schema already is copied next to itself first."""
    stored = _stored_revisions(engine)
    if stored and stored == plain_schema_heads():  # the usual start: nothing to do
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    faults = faults or StoreFaults(_sqlite_path(engine.url))
    script = ScriptDirectory.from_config(_alembic_config(engine))
    current = _current_revisions(engine)
    unknown = current - {rev.revision for rev in script.walk_revisions()}
    if unknown:
        raise StoreTooNew(
            Msg("This store was written by a newer Packdesk (schema {unknown}). It has not been changed. Update Packdesk on this station to open it.",
                unknown=', '.join(sorted(unknown)))
        )
    if current == set(script.get_heads()):
        return
    if current and faults.path is not None:
        backup = _back_up(faults.path, faults, current)
        if notices is not None:
            notices.say(Msg("Before upgrading the store, Packdesk saved a copy of it at "
                            "{path}.", path=str(backup)))
    upgrader = migration_engine(engine.url, faults, faults.busy_timeout)
    try:
        command.upgrade(_alembic_config(upgrader), "heads")
    finally:
        upgrader.dispose()
    log.info("store %s upgraded from %s", faults.path or engine.url, ", ".join(sorted(current)))


def _back_up(path: Path, faults: StoreFaults, revisions: set[str]) -> Path:
    try:
        return back_up(path, revisions)
    except (OSError, sqlite3.Error) as exc:
        fault = faults.classify(exc)
        if fault is None:
            raise StoreError(Msg("The store could not be backed up before its upgrade "
                                 "({problem}); it has not been changed.",
                                 problem=str(exc))) from exc
        raise fault from exc


class StoreNotices:
    """What the store has to tell the person (a backup made, a connection made again).

    Said before anyone listens (while the store opens), a notice waits for the first
    listener; the CLI prints them, the bench shows them in its status bar."""

    def __init__(self) -> None:
        self.pending: list[str] = []
        self._listeners: list[Callable[[str], None]] = []

    def say(self, text: str) -> None:
        log.info("%s", text)
        if not self._listeners:
            self.pending.append(text)
        for listener in list(self._listeners):
            listener(text)

    def listen(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)
        waiting, self.pending = self.pending, []
        for text in waiting:
            listener(text)


def _watch_reconnects(engine: Engine, notices: StoreNotices) -> None:
    """A dropped server connection that the pool replaced is worth a line, not an error."""
    lost = threading.Event()
    event.listen(engine.pool, "invalidate", lambda *_args: lost.set())

    def connected(*_args) -> None:
        if lost.is_set():
            lost.clear()
            notices.say(Msg("The connection to the database server dropped and was made "
                            "again; nothing was lost."))

    event.listen(engine.pool, "connect", connected)


@dataclass
class Store:
    url: str
    engine: Engine
    session_factory: sessionmaker
    faults: StoreFaults = field(default_factory=lambda: StoreFaults(None))
    notices: StoreNotices = field(default_factory=StoreNotices)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.faults.path is not None:
            store_stations.unregister(self.faults.path)
            sqlite_files.closed(self.faults.path)


def open_store(url: str, *, upgrade: bool = True, station: str = "",
               busy_timeout: float = BUSY_TIMEOUT) -> Store:
    """Open (and upgrade) the store; a fault says what is wrong and changes nothing."""
    start_mappers()
    faults = StoreFaults(_sqlite_path(_parse(url)), busy_timeout)
    if faults.path is None:
        faults.check_before_open()
        engine = make_engine(url, faults, busy_timeout)
    else:
        with sqlite_files.opening(faults.path) as already_open:
            faults.check_before_open(already_open)
            engine = make_engine(url, faults, busy_timeout)
    notices = StoreNotices()
    if faults.path is None:
        _watch_reconnects(engine, notices)
    try:
        if upgrade:
            migrate(engine, faults, notices)
    except BaseException:
        engine.dispose()
        if faults.path is not None:
            sqlite_files.closed(faults.path)
        raise
    if faults.path is not None:
        store_stations.register(faults.path, station or "unnamed")
    return Store(url, engine, sessionmaker(bind=engine, expire_on_commit=False, autoflush=False),
                 faults, notices)
