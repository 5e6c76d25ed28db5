"""Orders from every channel's server into a real SQLite store, through the runner."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from app.adapters import orm
from app.domain.orders import OrderStatus
from app.services import commands as c
from app.services.intake import approve_review, take_in
from app.services.packing import open_order, scan_item
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_shopify, connect_taobao, connect_woo


def _rows(store, table) -> int:
    with store.engine.connect() as db:
        return db.execute(select(func.count()).select_from(table)).scalar()


def _runner(uow, credentials):
    return SyncRunner(uow, adapter_factory(credentials, timeout_s=2.0))


def test_every_channel_lands_in_the_store_once(store, sync_uow, credentials, shopify_server,
                                               woo_server, taobao_server):
    connect_shopify(sync_uow, credentials, shopify_server)
    connect_woo(sync_uow, credentials, woo_server)
    connect_taobao(sync_uow, credentials, taobao_server)
    runner = _runner(sync_uow, credentials)
    states = {s.code: s for s in runner.run_once()}
    assert all(s.online for s in states.values()), states
    assert "1 orders in" in states["shopify"].last_result
    assert "3 orders in" in states["taobao"].last_result
    with sync_uow() as u:
        shopify = u.orders.intake_link("shopify", next(iter(shopify_server.orders)))
        order = u.orders.get(shopify.order_number)
        assert order.status == OrderStatus.READY and order.number.startswith("PD-")
        assert {ln.sku for ln in order.lines} == {"IPOD2008GREEN", "IPOD2008RED",
                                                   "IPOD2008BLACK"}
        assert u.stock.get("IPOD2008RED").awaiting_shipment == 1
        tid = next(iter(taobao_server.trades))
        taobao = u.orders.get(u.orders.intake_link("taobao", tid).order_number)
        assert taobao.ship_to.city == "杭州市" and taobao.status == OrderStatus.READY
        woo = u.orders.get(u.orders.intake_link("woocommerce", "727").order_number)
        assert woo.status == OrderStatus.NEEDS_REVIEW  # a line without a SKU
        assert "has no SKU" in woo.last_transition_to(OrderStatus.NEEDS_REVIEW).reason
        # docs order 723 is completed (shipped) with two refunds: it stays out
        assert u.orders.intake_link("woocommerce", "723") is None
    before = _rows(store, orm.orders)
    again = {s.code: s for s in runner.run_once()}
    assert all(s.online for s in again.values())
    assert _rows(store, orm.orders) == before == 5


def test_needs_review_reasons_and_merge_flag(sync_uow, shopify_server, credentials):
    server = shopify_server
    server.add_orders(1, lineItems={"nodes": [{
        "id": "gid://shopify/LineItem/9", "sku": "NO-SUCH-SKU", "name": "Mystery", "quantity": 1,
        "originalUnitPriceSet": {"shopMoney": {"amount": "5.00", "currencyCode": "USD"}}}]})
    server.add_orders(1, lineItems={"nodes": [{
        "id": "gid://shopify/LineItem/8", "sku": "IPOD2008RED", "name": "Red", "quantity": 500,
        "originalUnitPriceSet": {"shopMoney": {"amount": "5.00", "currencyCode": "USD"}}}]})
    connect_shopify(sync_uow, credentials, server)
    _runner(sync_uow, credentials).run_once()
    with sync_uow() as u:
        links = [u.orders.intake_link("shopify", oid) for oid in server.orders]
        orders = [u.orders.get(link.order_number) for link in links]
        first, unknown, short = orders
        assert first.status == OrderStatus.READY
        assert unknown.status == short.status == OrderStatus.NEEDS_REVIEW
        assert "unknown SKU NO-SUCH-SKU" in links[1].review_reasons[0]
        assert links[2].review_reasons == ["not enough stock for SKU IPOD2008RED"]
        # same buyer, same address, all open: one parcel
        assert links[0].merge_group and {lk.merge_group for lk in links} == {links[0].merge_group}
        assert u.stock.get("IPOD2008RED").awaiting_shipment == 1  # the short one reserved nothing


def test_a_cancellation_reaches_the_bench_mid_pack(sync_uow, shopify_server, credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = _runner(sync_uow, credentials)
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        number = u.orders.intake_link("shopify", order_id).order_number
    opened = open_order(c.OpenOrder(number, "Ann"), sync_uow())
    assert opened.opened, opened.message
    verdict = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, "SCAN-IPOD2008RED"),
                        sync_uow())
    assert verdict.result == "verified", verdict.message
    shopify_server.touch(order_id, cancelledAt="2026-11-20T10:00:00Z", cancelReason="CUSTOMER")
    runner.run_once()
    refused = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, "SCAN-IPOD2008GREEN"),
                        sync_uow())
    assert refused.result == "cancelled" and "CANCELLED" in refused.message
    with sync_uow() as u:
        assert u.orders.get(number).status == OrderStatus.CANCELLED
        red = u.stock.get("IPOD2008RED")
        assert (red.available, red.awaiting_shipment) == (100, 0)


def test_a_payload_that_does_not_map_is_parked_with_its_reason(sync_uow, shopify_server,
                                                               credentials):
    shopify_server.add_orders(1, createdAt="not a date")
    connect_shopify(sync_uow, credentials, shopify_server)
    _runner(sync_uow, credentials).run_once()
    with sync_uow() as u:
        parked = u.orders.intake_exceptions()
        assert len(parked) == 1 and "createdAt" in parked[0].reason
        assert parked[0].raw["createdAt"] == "not a date"


def test_review_approval_reserves_what_was_missing(sync_uow, shopify_server, credentials):
    from app.domain.errors import NotAllowed

    shopify_server.add_orders(1, lineItems={"nodes": [{
        "id": "gid://shopify/LineItem/8", "sku": "IPOD2008RED", "name": "Red", "quantity": 150,
        "originalUnitPriceSet": {"shopMoney": {"amount": "5.00", "currencyCode": "USD"}}}]})
    connect_shopify(sync_uow, credentials, shopify_server)
    _runner(sync_uow, credentials).run_once()
    with sync_uow() as u:
        number = u.orders.needing_review()[0].number
    try:
        approve_review(number, "Sam", sync_uow())
        raise AssertionError("approved without the stock to ship it")
    except NotAllowed as exc:
        assert "IPOD2008RED" in str(exc)
    with sync_uow() as u:
        u.stock.get("IPOD2008RED").receive(60, u.now(), "Sam")
        u.commit()
    assert "ready to pack" in approve_review(number, "Sam", sync_uow())
    with sync_uow() as u:
        assert u.orders.get(number).status == OrderStatus.READY
        red = u.stock.get("IPOD2008RED")
        assert red.awaiting_shipment == 151 and red.available == 9
    results = take_in([], sync_uow())
    assert results == []


def test_pages_are_taken_in_with_the_cycle_collector_paused(sync_uow, shopify_server,
                                                            credentials, monkeypatch):
    import gc

    import sync.channel_sync

    seen = []
    real = sync.channel_sync.take_in_with_retries

    def observed(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(sync.channel_sync, "take_in_with_retries", observed)
    connect_shopify(sync_uow, credentials, shopify_server)
    states = _runner(sync_uow, credentials).run_once()
    assert states[0].online and seen and not any(seen)
    assert gc.isenabled()
