"""A station killed while SQLite copied its write-ahead log into the store (a checkpoint)
leaves a store whose header already counts pages the file does not have yet; the WAL next
to it still holds them. That store is sound: SQLite finishes the work when it opens. Seen
as "the file is cut short" in the migration crash test, 1 kill in 30."""

from __future__ import annotations

import shutil
import sqlite3

from app.adapters.store import open_store


def test_a_store_killed_mid_checkpoint_opens_with_its_rows(tmp_path):
    live = tmp_path / "live.db"
    open_store(f"sqlite:///{live}").dispose()
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, blob BLOB)")
    writer.executemany("INSERT INTO filler (blob) VALUES (?)", [(b"x" * 3000,)] * 200)
    writer.commit()
    pages = writer.execute("PRAGMA page_count").fetchone()[0]
    # the moment of the kill: the store's file and its WAL, as they are on the disk
    killed = tmp_path / "killed.db"
    shutil.copy(live, killed)
    shutil.copy(live.with_name("live.db-wal"), killed.with_name("killed.db-wal"))
    writer.close()
    with killed.open("r+b") as store:  # the checkpoint had written page 1 (the header) first
        store.seek(28)
        store.write(pages.to_bytes(4, "big"))
    assert killed.stat().st_size < pages * 4096

    reopened = open_store(f"sqlite:///{killed}")
    try:
        with reopened.engine.connect() as db:
            assert db.exec_driver_sql("SELECT COUNT(*) FROM filler").scalar() == 200
            assert db.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.dispose()
