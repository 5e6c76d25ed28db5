"""Fixtures: one local channel server per test, on 127.0.0.1 with a free port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.channel_servers.shopify_server import ShopifyServer


@pytest.fixture
def shopify_server() -> Iterator[ShopifyServer]:
    with ShopifyServer() as server:
        yield server
