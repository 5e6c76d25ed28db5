"""Opening stores: an older one is upgraded in place, a newer one is left untouched."""

import hashlib
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.adapters.store import (
    StoreError,
    StoreTooNew,
    _alembic_config,
    make_engine,
    open_store,
    resolve_store_url,
    schema_heads,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_gets_every_table_and_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'new.db'}")
    tables = set(inspect(store.engine).get_table_names())
    assert {"orders", "order_lines", "stock_items", "stock_moves", "scan_events",
            "pack_sessions", "outbox", "alembic_version"} <= tables
    with store.engine.connect() as db:
        assert db.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.dispose()


def test_an_older_store_is_upgraded_on_open_and_keeps_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    command.upgrade(_alembic_config(engine), "0001")
    with engine.begin() as db:
        db.execute(text("INSERT INTO packers (name, pin_hash, role, active) "
                        "VALUES ('Ann', 'x', 'packer', 1)"))
    engine.dispose()
    store = open_store(url)
    with store.engine.connect() as db:
        versions = {row[0] for row in db.execute(text("SELECT version_num FROM alembic_version"))}
        assert versions == schema_heads()
        assert db.execute(text("SELECT name FROM packers")).scalar() == "Ann"
    store.dispose()


def test_a_store_from_a_newer_packdesk_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_store(f"sqlite:///{path}").dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as db:
        db.execute(text("DELETE FROM alembic_version"))
        db.execute(text("INSERT INTO alembic_version VALUES ('0099_from_the_future')"))
    engine.dispose()
    before = _digest(path)
    with pytest.raises(StoreTooNew, match="newer Packdesk .*0099_from_the_future.*not been changed"):
        open_store(f"sqlite:///{path}")
    assert _digest(path) == before


def test_a_bad_address_says_what_is_wrong(tmp_path):
    with pytest.raises(StoreError, match="not a database address"):
        open_store("nonsense://::")
    assert resolve_store_url(str(tmp_path / "x.db")).startswith("sqlite:////")


def test_packdesk_db_environment_variable_selects_the_store(monkeypatch, tmp_path):
    monkeypatch.setenv("PACKDESK_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_store_url(None).endswith("env.db")
    assert resolve_store_url("sqlite:///cli.db") == "sqlite:///cli.db"


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_the_migrations_build_exactly_the_schema_the_code_declares(database, request, tmp_path):
    """Every table, column and index of the model is made by a migration and nothing else
    is: an index the model names but no migration creates (or the other way round) is a
    difference here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.adapters import orm

    url = (f"sqlite:///{tmp_path / 'schema.db'}" if database == "sqlite"
           else request.getfixturevalue("postgres_url"))
    store = open_store(url)
    try:
        with store.engine.connect() as db:
            differences = compare_metadata(MigrationContext.configure(db), orm.metadata)
    finally:
        store.dispose()
    assert differences == []


def test_the_plain_reading_of_the_migrations_finds_alembics_heads():
    from app.adapters.store import plain_schema_heads

    assert plain_schema_heads() == schema_heads()


def test_a_store_at_the_newest_schema_opens_without_alembic(tmp_path):
    """The usual start-up: the check reads the revisions plainly; alembic (with mako and
    pygments, most of a second) is imported only for an upgrade."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'current.db'}"
    open_store(url).dispose()  # made and upgraded: alembic ran here
    probe = ("import sys; from app.adapters.store import open_store; "
             f"open_store({url!r}).dispose(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[3], timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
