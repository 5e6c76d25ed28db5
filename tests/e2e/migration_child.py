"""A station opening its store, for the migration crash test to kill mid-upgrade.

The test starts this through a multiprocessing forkserver that has imported it (and so
SQLAlchemy, Alembic and the mappers) already, so each run is a fork that starts migrating
within milliseconds and the kill lands inside the migration, not inside `import`.
"""

from __future__ import annotations

import os

from app.adapters.orm import start_mappers
from app.adapters.store import open_store

start_mappers()


def open_and_upgrade(url: str, started) -> None:
    """Signal the test, then open (and so upgrade) the store as the app does."""
    started.set()
    store = open_store(url)
    store.dispose()
    os._exit(0)  # noqa: SLF001  nothing of the test process's state to flush
