"""Several stations and cron drain one outbox: every change lands at the channel exactly once,
counted at the channel's own server, on SQLite and on PostgreSQL (issue 13)."""

from __future__ import annotations

import signal
import time
from collections import Counter

from app.domain.outbox import OutboxMessage, OutboxStatus
from sync.runner import SyncRunner, adapter_factory
from tests.channel_servers.shopify_server import ShopifyServer
from tests.channel_servers.woo_server import WooServer
from tests.parts.sync_store import connect_shopify, connect_woo

ORDERS = 15


def queue_changes(uow, channel: str, order_ids: list[str], refund_sku: str = "") -> None:
    """What packing and the returns counter write (payload shapes of app/services)."""
    with uow() as u:
        for i, order_id in enumerate(order_ids):
            link = u.orders.intake_link(channel, order_id)
            u.outbox.add(OutboxMessage(
                channel=channel, kind="fulfilment", idempotency_key=f"ship:{channel}:{i}",
                payload={"order_number": link.order_number, "channel_order_id": order_id,
                         "tracking_number": f"1Z{channel[:3].upper()}{i:06d}",
                         "carrier": "UPS", "lines": []}, created_at=u.now()))
            if refund_sku:
                u.outbox.add(OutboxMessage(
                    channel=channel, kind="refund", idempotency_key=f"refund:{channel}:R{i}",
                    payload={"rma_number": f"R{i}", "order_number": link.order_number,
                             "channel_order_id": order_id, "amount_cents": 1200,
                             "shipping_paid_by": "buyer", "lines": [
                                 {"sku": refund_sku, "quantity": 1, "amount_cents": 1200}]},
                    created_at=u.now()))
        u.commit()


def pending(uow) -> int:
    with uow() as u:
        return u.outbox.depth()


def unsent(uow) -> Counter:
    """Fulfilments and refunds not sent (stock levels may fail for good: a SKU the test
    store does not list)."""
    with uow() as u:
        return Counter((m.kind, m.status) for m in u.outbox.messages()
                       if m.kind != "stock_level" and m.status != OutboxStatus.SENT)


def claim_of(uow, key: str) -> tuple:
    """(status, claimed by, claimed until) of one message."""
    with uow() as u:
        m = next(m for m in u.outbox.messages() if m.idempotency_key == key)
        return m.status, m.claimed_by, m.claimed_until


def test_three_processes_drain_one_outbox_and_every_change_lands_once(stations):
    with WooServer(order_count=0) as woo, ShopifyServer(order_count=ORDERS, bucket_size=20_000, restore_rate=1000) as shop:
        woo_ids = [str(i) for i in woo.add_orders(ORDERS, payment_method="stripe")]
        connect_woo(stations.uow, stations.credentials, woo)
        connect_shopify(stations.uow, stations.credentials, shop)
        SyncRunner(stations.uow, adapter_factory(stations.credentials)).run_once()
        queue_changes(stations.uow, "woocommerce", woo_ids, refund_sku="WOO-SKU-1")
        queue_changes(stations.uow, "shopify", list(shop.orders))
        cron = [stations.start("--once", name=f"cron{n}") for n in (1, 2)]
        station = stations.start("--interval", "1", name="station")
        outputs = [stations.finish(child) for child in cron]
        drained = stations.wait_until(lambda: pending(stations.uow) == 0)
        outputs.append(stations.interrupt(station))
        woo.wait_idle()
        shop.wait_idle()
        refunds = Counter(a["order"] for a in woo.applied if a["op"] == "refund")
        notes = Counter(a["order"] for a in woo.applied if a["op"] == "order_note")
        shipped = Counter(a["order"] for a in shop.applied if a["op"] == "fulfillmentCreate")
    report = "\n".join(outputs)
    assert refunds == {int(i): 1 for i in woo_ids}, report
    assert notes == {int(i): 1 for i in woo_ids}, report
    assert shipped == {order_id: 1 for order_id in shop.orders}, report
    assert drained and not unsent(stations.uow), (unsent(stations.uow), report)


def test_a_claim_left_by_a_killed_process_is_taken_over_after_it_expires(stations):
    with ShopifyServer(order_count=2) as shop:
        connect_shopify(stations.uow, stations.credentials, shop)
        SyncRunner(stations.uow, adapter_factory(stations.credentials)).run_once()
        first, second = list(shop.orders)
        queue_changes(stations.uow, "shopify", [first, second])
        shop.faults.inject("slow", match="PackdeskFulfillmentCreate", delay_s=2.0)
        doomed = stations.start("--once", "--lease", "12", name="doomed")
        assert stations.wait_until(lambda: any("PackdeskFulfillmentCreate" in r
                                               for r in shop.request_log), 60)
        doomed.send_signal(signal.SIGKILL)  # mid-send: the claim stays behind
        doomed.wait(10)
        shop.wait_idle()  # the killed process's fulfilment did land at the shop
        early = stations.start("--once", name="early")
        stations.finish(early)
        status, holder, expires = claim_of(stations.uow, "ship:shopify:0")
        assert status == OutboxStatus.PENDING, "sent while another held the claim"
        assert holder == "doomed"
        assert stations.wait_until(lambda: stations.uow().now() > expires, 30)
        late = stations.start("--once", name="late")
        report = stations.finish(late)
        shipped = Counter(a["order"] for a in shop.applied if a["op"] == "fulfillmentCreate")
    assert shipped == {first: 1, second: 1}, report
    assert not unsent(stations.uow), report


def test_two_processes_pulling_one_channel_never_fetch_the_same_page(stations):
    with ShopifyServer(order_count=600, bucket_size=1e6, restore_rate=1e6) as shop:
        connect_shopify(stations.uow, stations.credentials, shop)
        shop.faults.inject("slow", match="PackdeskOrders", count=12, delay_s=0.4)
        pullers = [stations.start("--once", "--channel", "shopify", name=f"puller{n}")
                   for n in (1, 2)]
        report = "\n".join(stations.finish(child) for child in pullers)
        shop.wait_idle()
        pages = Counter(shop.pages_served)
    assert [page for page, times in pages.items() if times > 1] == [], report
    with stations.uow() as u:
        assert u.orders.count() == 600, report


def test_a_send_slower_than_the_lease_keeps_its_claim_and_lands_once(stations):
    """A refund whose POST takes six leases to answer (well within the adapters' 20 s HTTP
    timeout): the sending runner holds its claim the whole time, so a second runner does not
    take it over and refund the buyer again."""
    with WooServer(order_count=0) as woo:
        order_id = str(woo.add_orders(1, payment_method="stripe")[0])
        connect_woo(stations.uow, stations.credentials, woo)
        SyncRunner(stations.uow, adapter_factory(stations.credentials)).run_once()
        queue_changes(stations.uow, "woocommerce", [order_id], refund_sku="WOO-SKU-1")
        woo.faults.inject("slow", match=f"POST /wp-json/wc/v3/orders/{order_id}/refunds",
                          delay_s=12.0)
        slow = stations.start("--once", "--lease", "2", name="slow")
        assert stations.wait_until(lambda: any(f"orders/{order_id}/refunds" in r and "POST" in r
                                               for r in woo.request_log), 60)
        time.sleep(2.5)  # the refund is still in flight: a lease past its first expiry
        second = stations.start("--once", "--lease", "2", name="second")
        report = stations.finish(second) + "\n" + stations.finish(slow)
        woo.wait_idle()
        refunds = Counter(a["order"] for a in woo.applied if a["op"] == "refund")
    assert refunds == {int(order_id): 1}, report
    assert not unsent(stations.uow), report
