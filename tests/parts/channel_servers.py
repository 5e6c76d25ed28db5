"""Fixtures: one local channel server per test, on 127.0.0.1 with a free port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.channel_servers.douyin_server import DouyinServer
from tests.channel_servers.jd_server import JdServer
from tests.channel_servers.pdd_server import PddServer
from tests.channel_servers.shopify_server import ShopifyServer
from tests.channel_servers.taobao_server import TaobaoServer
from tests.channel_servers.woo_server import WooServer


@pytest.fixture
def shopify_server() -> Iterator[ShopifyServer]:
    with ShopifyServer() as server:
        yield server


@pytest.fixture
def woo_server() -> Iterator[WooServer]:
    with WooServer() as server:
        yield server


@pytest.fixture
def taobao_server() -> Iterator[TaobaoServer]:
    with TaobaoServer() as server:
        yield server


@pytest.fixture
def pdd_server() -> Iterator[PddServer]:
    with PddServer() as server:
        yield server


@pytest.fixture
def jd_server() -> Iterator[JdServer]:
    with JdServer() as server:
        yield server


@pytest.fixture
def douyin_server() -> Iterator[DouyinServer]:
    with DouyinServer() as server:
        yield server
