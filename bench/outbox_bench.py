"""outbox_drain_per_s_2_runners: two runner PROCESSES drain one outbox on PostgreSQL.

A Shopify test server runs in its own process; the store is a fresh PostgreSQL database with
orders taken in from that server and DRAIN_MESSAGES fulfilments queued. Both runners start
draining at the same moment (each is ready before the go); the rate is fulfilments landed
per second of wall time, and the run fails if the server saw any order fulfilled twice or
any left out. Beside outbox_drain_per_s (one runner, SQLite) in bench/sync_bench.py.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

from bench.sync_bench import _queue_fulfilments, _shop_in_child

ROOT = Path(__file__).resolve().parents[1]
ADMIN = "host=127.0.0.1 user=postgres dbname=postgres"
ORDERS = 600
DRAIN_MESSAGES = 500
RUNNERS = 2


def _database():
    import psycopg

    name = f"packdesk_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _drop(name: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fill(url: str, server) -> None:
    """Orders pulled in from the server, their stock levels set aside, fulfilments queued."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.channel_stock import add_channel
    from sync.channel_sync import ChannelSync
    from sync.runner import SyncRunner
    from sync.shopify import ShopifyAdapter, ShopifyCredentials
    from tests.parts.sync_store import stock_the_store

    store = open_store(url)
    uow = uow_factory(store.session_factory, station="bench")
    stock_the_store(uow, on_hand=1_000_000)
    add_channel(uow(), "shopify", "shopify", settings={"shop_url": server.url,
                                                       "location_id": server.location_id})
    adapter = ShopifyAdapter(ShopifyCredentials(server.url, server.token, server.location_id),
                             page_size=250)
    channel = SyncRunner(uow, lambda c: adapter)._channels()[0]
    ChannelSync(channel, adapter, uow, wait=lambda s: False, report=lambda t: None,
                rng=random.Random()).pull()
    adapter.close()
    with uow() as u:
        for message in u.outbox.pending("shopify", 100_000):
            message.status = "sent"  # the stock levels are not what is measured here
        u.commit()
    _queue_fulfilments(uow, DRAIN_MESSAGES)
    store.dispose()


def _applied(server) -> list[dict]:
    with urllib.request.urlopen(f"{server.url}/__control__/applied", timeout=30) as answer:
        return json.loads(answer.read())


def run() -> list[dict]:
    name, url = _database()
    try:
        with _shop_in_child(ORDERS, ORDERS) as server:
            _fill(url, server)
            argv = [sys.executable, "-m", "bench.outbox_bench", url, server.url, server.token,
                    server.location_id]
            runners = [subprocess.Popen(argv + [f"runner-{n}"], cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                       for n in range(RUNNERS)]
            for runner in runners:
                assert runner.stdout.readline().strip() == "ready"
            started = time.perf_counter()
            for runner in runners:
                runner.stdin.write("go\n")
                runner.stdin.flush()
            pushed = [int(runner.stdout.readline()) for runner in runners]
            elapsed = time.perf_counter() - started
            for runner in runners:
                runner.wait(60)
            shipped = Counter(a["order"] for a in _applied(server)
                              if a["op"] == "fulfillmentCreate")
    finally:
        _drop(name)
    twice = [order for order, times in shipped.items() if times > 1]
    if twice or len(shipped) != DRAIN_MESSAGES or sum(pushed) != DRAIN_MESSAGES:
        raise RuntimeError(f"{len(twice)} orders fulfilled twice, {len(shipped)} of "
                           f"{DRAIN_MESSAGES} fulfilled, runners sent {pushed}")
    return [{"key": "outbox_drain_per_s_2_runners", "value": DRAIN_MESSAGES / elapsed,
             "unit": "messages/s", "target": "",
             "note": f"{DRAIN_MESSAGES} fulfilments, {RUNNERS} runner processes on one "
             f"PostgreSQL outbox (sent {'/'.join(map(str, pushed))}: a channel's queue goes "
             "out in order, one claimant at a time), Shopify server process on 127.0.0.1; "
             "each order fulfilled exactly once at the server (checked)"}]


def _drain_child(url: str, shop_url: str, token: str, location: str, station: str) -> None:
    """One runner process: ready, wait for the go, drain the Shopify outbox, print the count."""
    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.channel_stock import list_channels
    from sync.channel_sync import ChannelSync
    from sync.shopify import ShopifyAdapter, ShopifyCredentials

    store = open_store(url)
    uow = uow_factory(store.session_factory, station=station)
    adapter = ShopifyAdapter(ShopifyCredentials(shop_url, token, location))
    channel = next(c for c in list_channels(uow()) if c.code == "shopify")
    sync = ChannelSync(channel, adapter, uow, wait=lambda s: False, report=lambda t: None,
                       rng=random.Random())
    print("ready", flush=True)
    sys.stdin.readline()
    sync.drain()
    print(sync.pushed, flush=True)
    adapter.close()
    store.dispose()


if __name__ == "__main__":
    _drain_child(*sys.argv[1:6])
