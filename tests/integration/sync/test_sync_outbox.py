"""The outbox drained to real local servers: fulfilments and stock levels land exactly once,
through faults, stale compare-and-set and the channel being away."""

from __future__ import annotations

import uuid

import pytest

from app.domain.outbox import OutboxStatus
from app.services import commands as c
from app.services.completion import complete_pack
from app.services.packing import open_order, scan_item
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_shopify, connect_taobao, connect_woo


def pack(uow, number: str) -> str:
    """The packer's way: open the order, scan every unit, complete."""
    opened = open_order(c.OpenOrder(number, "Ann"), uow())
    assert opened.opened, opened.message
    for line in opened.order.lines:
        for _ in range(line.quantity):
            verdict = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex,
                                           f"SCAN-{line.sku}"), uow())
            assert verdict.result == "verified", verdict.message
    return complete_pack(c.CompletePack(opened.session_id), uow()).tracking_number


def drain_until_empty(runner, uow, rounds: int = 12) -> None:
    for _ in range(rounds):
        runner.run_once()
        with uow() as u:
            if u.outbox.depth() == 0:
                return
            for message in u.outbox.pending("shopify", 100) + u.outbox.pending("woocommerce",
                                                                               100):
                message.next_attempt_at = None  # do not wait out the back-off in a test
            u.commit()
    raise AssertionError("the outbox did not drain")



@pytest.mark.parametrize("faults", [(), ("500",), ("drop",), ("429",), ("malformed",),
                                    ("slow", "500", "drop")])
def test_a_fulfilment_lands_exactly_once_through_faults(sync_uow, shopify_server, credentials,
                                                        faults):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=0.5))
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        number = u.orders.intake_link("shopify", order_id).order_number
    tracking = pack(sync_uow, number)
    for kind in faults:
        shopify_server.faults.inject(kind, match="PackdeskFulfillmentCreate", after_apply=True,
                                     retry_after=0.2, delay_s=1.0)
    drain_until_empty(runner, sync_uow)
    shopify_server.wait_idle()
    shipped = [a for a in shopify_server.applied if a["op"] == "fulfillmentCreate"]
    assert shipped == [{"op": "fulfillmentCreate", "order": order_id, "tracking": tracking}]
    assert shopify_server.orders[order_id]["displayFulfillmentStatus"] == "FULFILLED"


def test_stock_levels_follow_the_allocation_rules(sync_uow, shopify_server, woo_server,
                                                  credentials):
    connect_shopify(sync_uow, credentials, shopify_server, allocation_ratio=0.8,
                    floor_buffer=2)
    connect_woo(sync_uow, credentials, woo_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    # IPOD2008RED: 100 received, 1 reserved -> (99 x 0.8) floored - 2 = 77
    assert shopify_server.inventory["IPOD2008RED"]["available"] == 77
    assert shopify_server.inventory["IPOD2008GREEN"]["available"] == 77
    with sync_uow() as u:
        assert u.stock.listing("shopify", "IPOD2008RED").last_seen_quantity == 77
        assert u.outbox.depth() == 0 and not u.outbox.failed("shopify")
        # the Woo store sold SKU Bar3 in an order but does not list it: a person must look
        (failed,) = u.outbox.failed("woocommerce")
        assert failed.payload["sku"] == "Bar3" and "0 products carry SKU" in failed.last_error


def test_stale_compare_and_set_pulls_recomputes_and_retries(sync_uow, shopify_server,
                                                            credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    assert shopify_server.inventory["IPOD2008RED"]["available"] == 99
    # a shop sale: Shopify decrements its own count and a new order waits to be pulled
    shopify_server.inventory["IPOD2008RED"]["available"] = 98
    with sync_uow() as u:  # meanwhile a local change queues a new level (stock received)
        u.stock.get("IPOD2008RED").receive(10, u.now(), "Sam")
        u.commit()
    shopify_server.add_orders(1, updatedAt="2099-01-01T00:00:00Z")
    runner.run_once()
    # 110 received, 2 reserved: the level is recomputed after pulling the new order
    assert shopify_server.inventory["IPOD2008RED"]["available"] == 108
    sets = [a for a in shopify_server.applied if a["op"] == "inventorySetQuantities"
            and a["sku"] == "IPOD2008RED"]
    assert [a["quantity"] for a in sets] == [99, 108]


def test_non_cas_channels_read_compare_write_and_read_back(sync_uow, woo_server,
                                                           taobao_server, credentials):
    connect_taobao(sync_uow, credentials, taobao_server, allocation_ratio=0.5)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    red = next(s for s in taobao_server.items["520000001"]["skus"]["sku"]
               if s["outer_id"] == "TB-CUP-RED")
    assert red["quantity"] == 47  # 100 - 3 trades x 2 reserved = 94, x 0.5
    with sync_uow() as u:
        assert u.outbox.depth() == 0
        assert u.stock.listing("taobao", "TB-CUP-RED").last_seen_quantity == 47


def test_a_channel_that_refuses_for_good_leaves_a_failed_message(sync_uow, shopify_server,
                                                                 credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        number = u.orders.intake_link("shopify", order_id).order_number
    pack(sync_uow, number)
    del shopify_server.orders[order_id]  # the shop lost the order
    state = runner.run_once()[0]
    assert state.failed == 1 and "1 failed" in state.last_result
    with sync_uow() as u:
        (failed,) = u.outbox.failed("shopify")
        assert failed.status == OutboxStatus.FAILED and "not found" in failed.last_error
