"""Stores for tests: a SQLite file in tmp_path, and the machine's PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.services.demo import build_demo
from tests.parts.require import require_part

POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
FIXED_NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'packdesk.db'}"


@pytest.fixture
def store(sqlite_url):
    opened = open_store(sqlite_url)
    yield opened
    opened.dispose()


@pytest.fixture
def uow(store):
    return uow_factory(store.session_factory, station="test-bench")


@pytest.fixture
def demo_store(store, uow):
    """A small demo store: 50 products, 40 orders, packers Ann/1234 and Sam/9999."""
    build_demo(uow(), seed=11, orders=40)
    return store


def _postgres_reachable() -> tuple[bool, str]:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                             connect_timeout=3):
            return True, ""
    except Exception as exc:  # any failure means the part is missing
        return False, str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    ok, why = _postgres_reachable()
    require_part(ok, f"PostgreSQL on 127.0.0.1:5432 ({why})",
                 "start it with: pg_ctlcluster --skip-systemctl-redirect "
                 "$(ls /etc/postgresql) main start")
    import psycopg

    name = f"packdesk_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
