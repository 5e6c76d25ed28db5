"""The runner killed mid-drain, and a day offline: nothing lost, nothing applied twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.orders import OrderStatus
from sync.carrier_codes import CarrierCodes
from sync.runner import SyncRunner
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.channel_servers.shopify_server import ShopifyServer
from tests.integration.sync.test_sync_outbox import pack
from tests.parts.sync_store import OWN_FLEET, connect_shopify

ROOT = Path(__file__).resolve().parents[3]
ONE_LINE = {"nodes": [{"id": "gid://shopify/LineItem/1", "sku": "IPOD2008RED", "name": "Red",
                       "quantity": 1, "originalUnitPriceSet": {"shopMoney": {
                           "amount": "5.00", "currencyCode": "USD"}}}]}


def shop_adapter(url: str, server: ShopifyServer) -> ShopifyAdapter:
    return ShopifyAdapter(ShopifyCredentials(url, server.token, server.location_id),
                          carriers=CarrierCodes("shopify", OWN_FLEET), timeout_s=2.0,
                          page_size=100)


def intake_and_pack(uow, server, credentials, count: int) -> SyncRunner:
    server.add_orders(count, lineItems=ONE_LINE)
    connect_shopify(uow, credentials, server)
    runner = SyncRunner(uow, lambda channel: shop_adapter(server.url, server))
    assert runner.run_once()[0].online
    with uow() as u:
        numbers = [u.orders.intake_link("shopify", oid).order_number for oid in server.orders]
    for number in numbers:
        pack(uow, number)
    return runner


def fulfilled_once(server: ShopifyServer) -> None:
    shipped = [a["order"] for a in server.applied if a["op"] == "fulfillmentCreate"]
    assert len(shipped) == len(set(shipped)), "an order was fulfilled twice"
    assert set(shipped) == set(server.orders), "an order was never fulfilled"


def test_the_runner_killed_mid_drain_loses_and_repeats_nothing(sqlite_url, sync_uow,
                                                               shopify_server, credentials):
    server = shopify_server
    server.bucket_size = server.restore_rate = 1e9
    intake_and_pack(sync_uow, server, credentials, 19)
    server.faults.inject("slow", match="PackdeskFulfillmentCreate", count=40, delay_s=0.3)
    argv = [sys.executable, "-m", "tests.integration.sync.sync_drain_child", sqlite_url,
            server.url, server.token, server.location_id, "2"]
    child = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while sum(a["op"] == "fulfillmentCreate" for a in list(server.applied)) < 5:
        assert child.poll() is None, child.stderr.read().decode()
        server.wait_idle(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    server.wait_idle()
    with sync_uow() as u:
        assert 0 < u.outbox.depth("shopify") < 20  # stopped part-way
        lapses = max(m.claimed_until for m in u.outbox.pending("shopify", 100)
                     if m.claimed_until is not None)
    while sync_uow().now() <= lapses:  # the killed runner's claims hold until they lapse
        time.sleep(0.1)
    again = subprocess.run(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    fulfilled_once(server)
    with sync_uow() as u:
        assert u.outbox.depth() == 0 and not u.outbox.failed()


@pytest.mark.slow
def test_a_day_offline_with_2000_orders_packed_replays_completely(sync_uow, credentials,
                                                                  monkeypatch):
    from tests.channel_servers import base

    # answers go out without Nagle's 40 ms wait: 4,000 replayed calls, not 4,000 x 40 ms
    monkeypatch.setattr(base._Handler, "disable_nagle_algorithm", True)
    with ShopifyServer(order_count=0, bucket_size=1e9, restore_rate=1e9) as server:
        with sync_uow() as u:  # a busy day: enough stock for 2,000 parcels
            u.stock.get("IPOD2008RED").receive(2000, u.now(), "Sam")
            u.commit()
        runner = intake_and_pack(sync_uow, server, credentials, 0)
        server.add_orders(2000, lineItems=ONE_LINE)
        assert runner.run_once()[0].online
        online = {"up": False}
        runner.adapter_for = lambda channel: shop_adapter(
            server.url if online["up"] else "http://127.0.0.1:9", server)  # nothing listens
        with sync_uow() as u:
            numbers = [u.orders.intake_link("shopify", oid).order_number
                       for oid in server.orders]
        for number in numbers:  # the bench keeps packing while the channel is away
            pack(sync_uow, number)
        state = runner.run_once()[0]
        assert not state.online and state.queue_depth >= 2000
        assert "offline" in state.last_result
        online["up"] = True
        state = runner.run_once()[0]
        assert state.online and state.queue_depth == 0, state
        fulfilled_once(server)
        assert len(server.applied) >= 2000
        with sync_uow() as u:
            assert all(u.orders.get(n).status == OrderStatus.PACKED for n in numbers[:50])
