"""Kill a station (SIGKILL) at random moments while it creates or upgrades its store.

Every kill must leave a store that the next start opens cleanly, at the app's schema,
with every row that was there before the upgrade.
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import time
from pathlib import Path

from alembic import command

from app.adapters.store import _alembic_config, make_engine, open_store, schema_heads
from app.adapters.unit_of_work import uow_factory
from app.services.demo import build_demo

KILLS = 30
OLD_REVISION = "0007_sentinels"
COUNTED = ("orders", "order_lines", "products", "packers", "stock_items", "product_barcodes")


def _forkserver():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.e2e.migration_child"])
    return context


def _run_child(context, url: str, delay: float | None) -> float:
    """Start a station on `url`; kill it `delay` s after it starts migrating (None: let it
    finish). Returns how long it ran after it started."""
    from tests.e2e.migration_child import open_and_upgrade

    started = context.Event()
    child = context.Process(target=open_and_upgrade, args=(url, started))
    child.start()
    assert started.wait(30), "the station did not start"
    began = time.perf_counter()
    if delay is None:
        child.join(60)
        assert child.exitcode == 0, f"the station failed to open the store: {child.exitcode}"
    else:
        time.sleep(delay)
        child.kill()
        child.join(30)
    return time.perf_counter() - began


def _counts(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}


def _schema(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                          "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").fetchall()


def _reopens_cleanly(db_path: Path, reference_schema: list[tuple]) -> None:
    store = open_store(f"sqlite:///{db_path}")  # a bricked store raises here
    store.dispose()
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        versions = {v for (v,) in db.execute("SELECT version_num FROM alembic_version")}
    assert versions == schema_heads()
    assert _schema(db_path) == reference_schema


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _old_store_with_data(db_path: Path) -> None:
    """A store at OLD_REVISION holding a demo's rows. The demo is built by today's code on
    today's schema, then its rows go into the old schema column by column (the columns the
    old schema has), so a later migration adding a column cannot break the setup."""
    source = db_path.with_name(db_path.stem + "-source.db")
    store = open_store(f"sqlite:///{source}")
    build_demo(uow_factory(store.session_factory, "setup")(), seed=5, products=20, orders=60)
    store.dispose()
    engine = make_engine(f"sqlite:///{db_path}")
    command.upgrade(_alembic_config(engine), OLD_REVISION)
    engine.dispose()
    db = sqlite3.connect(db_path)
    try:
        db.execute("ATTACH DATABASE ? AS source", (str(source),))
        tables = [name for (name,) in db.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT IN ('alembic_version') AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            old = [row[1] for row in db.execute(f'PRAGMA main.table_info("{table}")')]
            new = {row[1] for row in db.execute(f'PRAGMA source.table_info("{table}")')}
            columns = ", ".join(f'"{c}"' for c in old if c in new)
            if new and columns:
                db.execute(f'INSERT INTO main."{table}" ({columns}) '
                           f'SELECT {columns} FROM source."{table}"')
        db.commit()
        db.execute("DETACH DATABASE source")
    finally:
        db.close()
    source.unlink()


def _kill_loop(context, make_store, folder: Path, reference_schema, expected_counts) -> None:
    rng = random.Random(20261120)
    calibration = folder / "calibration.db"
    make_store(calibration)
    window = _run_child(context, f"sqlite:///{calibration}", None)
    for kill in range(KILLS):
        db_path = folder / f"kill-{kill}.db"
        make_store(db_path)
        _run_child(context, f"sqlite:///{db_path}", rng.uniform(0.0, window))
        _reopens_cleanly(db_path, reference_schema)
        if expected_counts is not None:
            assert _counts(db_path) == expected_counts, f"rows lost by kill {kill}"
        for leftover in folder.glob(f"kill-{kill}.db*"):
            leftover.unlink(missing_ok=True)  # SQLite may remove its -wal meanwhile


def test_a_new_store_survives_the_station_being_killed_while_creating_it(tmp_path):
    reference = tmp_path / "reference.db"
    open_store(f"sqlite:///{reference}").dispose()
    _kill_loop(_forkserver(), lambda path: None, tmp_path, _schema(reference), None)


def test_a_store_with_data_survives_the_station_being_killed_while_upgrading_it(tmp_path):
    template = tmp_path / "old.db"
    _old_store_with_data(template)
    expected = _counts(template)
    assert expected["orders"] == 60
    reference = tmp_path / "reference.db"
    open_store(f"sqlite:///{reference}").dispose()
    _kill_loop(_forkserver(), lambda path: _copy(template, path), tmp_path,
               _schema(reference), expected)
