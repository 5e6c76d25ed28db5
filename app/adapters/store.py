"""Opening the store: engine, SQLite pragmas, and Alembic migrations on open.

An older store is upgraded to the app's schema when opened. A store written by a newer
Packdesk (a revision this build does not know) is refused, untouched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from app.adapters.orm import start_mappers
from app.domain.errors import PackdeskError

MIGRATIONS = Path(__file__).with_name("migrations")


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


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: safe against a killed app
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"“{url}” is not a database address: {exc}") from exc
    if parsed.drivername.startswith("postgresql") and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def schema_heads() -> set[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return set(ScriptDirectory.from_config(config).get_heads())


def migrate(engine: Engine) -> None:
    """Upgrade the store to this build's schema, or refuse a store that is newer."""
    config = _alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except OperationalError as exc:
        raise StoreError(f"The store at {engine.url!r} cannot be opened: {exc.orig}") from exc
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = current - known
    if unknown:
        raise StoreTooNew(
            f"This store was written by a newer Packdesk (schema {', '.join(sorted(unknown))}). "
            "It has not been changed. Update Packdesk on this station to open it."
        )
    if current != set(script.get_heads()):
        command.upgrade(config, "heads")


@dataclass
class Store:
    url: str
    engine: Engine
    session_factory: sessionmaker

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, upgrade: bool = True) -> Store:
    start_mappers()
    engine = make_engine(url)
    if upgrade:
        migrate(engine)
    return Store(url, engine, sessionmaker(bind=engine, expire_on_commit=False, autoflush=False))
