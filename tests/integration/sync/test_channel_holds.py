"""A channel that holds, unpays or forbids shipping an order: the bench order follows it.

Orders go from each channel's test server through the runner into a real SQLite store.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import IllegalTransition
from app.domain.orders import OrderStatus
from app.services import commands as c
from app.services.completion import complete_pack
from app.services.packing import open_order, scan_item
from sync.runner import SyncRunner, adapter_factory
from sync.taobao_top import timestamp
from tests.parts.sync_store import connect_shopify, connect_taobao, connect_woo


def _runner(uow, credentials):
    return SyncRunner(uow, adapter_factory(credentials, timeout_s=2.0))


def _status(uow, channel, channel_order_id):
    """The bench order's status, or None when intake did not take the order in."""
    with uow() as u:
        link = u.orders.intake_link(channel, str(channel_order_id))
        return None if link is None else OrderStatus(u.orders.get(link.order_number).status)


def _last_hold(uow, channel, channel_order_id):
    """(who, why) of the bench order's last move to on hold."""
    with uow() as u:
        order = u.orders.get(u.orders.intake_link(channel, str(channel_order_id)).order_number)
        record = order.last_transition_to(OrderStatus.ON_HOLD)
        return record.by, record.reason


def test_woo_every_status_change_reaches_the_bench(sync_uow, credentials, woo_server):
    [order_id] = woo_server.add_orders(1)  # processing, with SKUs the store sells
    connect_woo(sync_uow, credentials, woo_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is OrderStatus.READY
    woo_server.touch(order_id, status="on-hold")
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is OrderStatus.ON_HOLD
    by, reason = _last_hold(sync_uow, "woocommerce", order_id)
    assert by == "intake" and "the channel holds the order" in reason
    woo_server.touch(order_id, status="processing")
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is OrderStatus.READY
    for unpaid in ("pending", "failed"):
        woo_server.touch(order_id, status=unpaid)
        runner.run_once()
        assert (unpaid, _status(sync_uow, "woocommerce", order_id)) == \
            (unpaid, OrderStatus.ON_HOLD)
    woo_server.touch(order_id, status="cancelled")
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is OrderStatus.CANCELLED
    with sync_uow() as u:
        assert u.stock.get("WOO-SKU-0").awaiting_shipment == 0


def test_woo_unpaid_order_is_not_taken_in_until_paid(sync_uow, credentials, woo_server):
    [order_id] = woo_server.add_orders(1, status="pending")
    connect_woo(sync_uow, credentials, woo_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is None
    woo_server.touch(order_id, status="processing")
    runner.run_once()
    assert _status(sync_uow, "woocommerce", order_id) is OrderStatus.READY


def test_shopify_on_hold_and_unpaid_orders(sync_uow, credentials, shopify_server):
    shopify_server.orders.clear()
    [held] = shopify_server.add_orders(1, displayFulfillmentStatus="ON_HOLD")
    [unpaid] = shopify_server.add_orders(1, displayFinancialStatus="PENDING")
    [paid] = shopify_server.add_orders(1, displayFinancialStatus="PAID")
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    assert _status(sync_uow, "shopify", held) is OrderStatus.ON_HOLD
    assert _status(sync_uow, "shopify", unpaid) is None
    assert _status(sync_uow, "shopify", paid) is OrderStatus.READY
    with sync_uow() as u:  # the held order keeps its units
        assert u.stock.get("IPOD2008RED").awaiting_shipment == 2
    shopify_server.touch(held, displayFulfillmentStatus="UNFULFILLED")
    shopify_server.touch(paid, displayFinancialStatus="EXPIRED")
    runner.run_once()
    assert _status(sync_uow, "shopify", held) is OrderStatus.READY
    assert _status(sync_uow, "shopify", paid) is OrderStatus.ON_HOLD


def test_a_hold_put_by_a_person_is_not_lifted_by_the_channel(sync_uow, credentials,
                                                             shopify_server):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        order = u.orders.get(u.orders.intake_link("shopify", order_id).order_number)
        order.transition(OrderStatus.ON_HOLD, "Sam", u.now(), "buyer called")
        u.commit()
    shopify_server.touch(order_id, displayFulfillmentStatus="ON_HOLD")
    runner.run_once()
    shopify_server.touch(order_id, displayFulfillmentStatus="UNFULFILLED")
    runner.run_once()
    assert _status(sync_uow, "shopify", order_id) is OrderStatus.ON_HOLD
    assert _last_hold(sync_uow, "shopify", order_id) == ("Sam", "buyer called")


def test_taobao_paid_but_forbidden_to_ship_waits_on_hold(sync_uow, credentials, taobao_server):
    taobao_server.trades.clear()
    [tid] = taobao_server.add_trades(1, status="PAID_FORBID_CONSIGN")
    connect_taobao(sync_uow, credentials, taobao_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    assert _status(sync_uow, "taobao", tid) is OrderStatus.ON_HOLD
    # the group buy filled five minutes ago: out of the increment call's lag, inside the overlap
    with taobao_server.lock:
        taobao_server.trades[tid].update(status="WAIT_SELLER_SEND_GOODS", modified=timestamp(
            datetime.now(UTC) - timedelta(minutes=5)))
    runner.run_once()
    assert _status(sync_uow, "taobao", tid) is OrderStatus.READY


def test_a_hold_that_arrives_mid_pack_stops_the_label(sync_uow, credentials, shopify_server):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        number = u.orders.intake_link("shopify", order_id).order_number
    opened = open_order(c.OpenOrder(number, "Ann"), sync_uow())
    for sku in ("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK"):
        verdict = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, f"SCAN-{sku}"),
                            sync_uow())
        assert verdict.result == "verified", verdict.message
    shopify_server.touch(order_id, displayFulfillmentStatus="ON_HOLD")
    runner.run_once()
    assert _status(sync_uow, "shopify", order_id) is OrderStatus.ON_HOLD
    # the packer's next scan is refused loudly, as a cancellation is
    refused = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, "SCAN-IPOD2008GREEN"),
                        sync_uow())
    assert refused.result == "held"
    assert refused.message == (f"Order {number} was put ON HOLD by the channel while packing. "
                               "Stop and set the parcel aside; do not ship it.")
    with pytest.raises(IllegalTransition, match="on hold"):
        complete_pack(c.CompletePack(opened.session_id), sync_uow())
    assert [a for a in shopify_server.applied if a["op"] == "fulfillmentCreate"] == []
