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


@pytest.fixture
def boxes(demo_store, uow):
    """The demo store with two boxes (barcodes, inside sizes); PD-100001's products get
    sizes and weights too."""
    from app.domain.products import Product

    with uow() as u:
        small = Product(sku="BOX-S", name="Small box", weight_g=120, is_box=True,
                        length_mm=200, width_mm=150, height_mm=100)
        small.add_barcode("2990000000011", kind="own")
        medium = Product(sku="BOX-M", name="Medium box", weight_g=260, is_box=True,
                         length_mm=400, width_mm=300, height_mm=200)
        medium.add_barcode("2990000000028", kind="own")
        u.products.add(small)
        u.products.add(medium)
        for line in u.orders.get("PD-100001").lines:
            product = u.products.get(line.sku)
            product.length_mm, product.width_mm, product.height_mm = 250, 160, 90
            product.weight_g = 300
        u.commit()
        return [(line.sku, line.quantity) for line in u.orders.get("PD-100001").lines]


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
