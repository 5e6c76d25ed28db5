"""A page's merge-group changes to stored records on PostgreSQL: psycopg's executemany must
count the rows it matched, as SQLite's does, or a stale record would pass unnoticed."""

from __future__ import annotations

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from tests.integration.sync.test_intake_pages import (
    test_a_merge_group_written_over_a_record_changed_meanwhile_is_a_conflict as stale_case,
)
from tests.integration.sync.test_intake_pages import (
    test_stored_orders_joining_merge_groups_are_written_in_one_checked_statement as page_case,
)
from tests.parts.sync_store import stock_the_store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(postgres_url):
    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, station="pg-bench")
    stock_the_store(uow)
    yield store, uow
    store.dispose()


def test_stored_orders_join_merge_groups_in_one_checked_statement_on_postgres(pg):
    page_case(*pg)


def test_a_stale_record_s_merge_group_is_a_conflict_on_postgres(pg):
    stale_case(pg[1])
