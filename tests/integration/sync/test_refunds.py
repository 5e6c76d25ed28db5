"""Refunds from the returns counter reach the channel through the outbox, exactly once, and the
case closes when the channel confirmed; Taobao's refunds go to a person."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from app.domain.outbox import OutboxMessage, OutboxStatus
from app.services import commands as c
from app.services.completion import complete_pack
from app.services.packing import open_order, scan_item
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)
from sync.base import ChannelRejected
from sync.model import Refund, RefundLine
from sync.runner import SyncRunner, adapter_factory
from sync.taobao import TaobaoAdapter, TaobaoCredentials
from tests.parts.sync_store import connect_shopify, connect_taobao, connect_woo

LOST_ANSWERS = [("500", False), ("500", True), ("drop", True), ("429", False),
                ("malformed", True)]


def queue_refund(uow, channel: str, order_id: str, sku: str, quantity: int, cents: int,
                 rma: str = "RMA-T1") -> None:
    """The message issue_refund writes, in the payload shape app/services/returns.py uses."""
    with uow() as u:
        u.outbox.add(OutboxMessage(
            channel=channel, kind="refund", idempotency_key=f"refund:{channel}:{rma}",
            payload={"rma_number": rma, "order_number": "", "channel_order_id": order_id,
                     "amount_cents": cents, "shipping_paid_by": "buyer",
                     "lines": [{"sku": sku, "quantity": quantity, "amount_cents": cents}]},
            created_at=u.now()))
        u.commit()


def drain(runner, uow, rounds: int = 12) -> None:
    """Cycles until nothing is pending, skipping the back-off waits a test cannot afford."""
    for _ in range(rounds):
        runner.run_once()
        with uow() as u:
            if u.outbox.depth() == 0:
                return
            for code in ("shopify", "woocommerce", "taobao"):
                for message in u.outbox.pending(code, 100):
                    message.next_attempt_at = None
            u.commit()
    raise AssertionError("the outbox did not drain")


def refund_message(uow, key: str):
    with uow() as u:
        message = u.returns.refund_message(key)
        return message.status, message.last_error


@pytest.mark.parametrize(("fault", "after_apply"), [*LOST_ANSWERS, ("slow", False)])
def test_a_refund_lands_once_at_shopify(sync_uow, shopify_server, credentials, fault,
                                        after_apply):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=1.0))
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    queue_refund(sync_uow, "shopify", order_id, "IPOD2008RED", 1, 19900)
    # slow: the answer comes after our timeout, while the retry is already on its way; the
    # @idempotent key makes the late one a replay
    shopify_server.faults.inject(fault, match="PackdeskRefundCreate", after_apply=after_apply,
                                 retry_after=0.2, delay_s=1.5)
    drain(runner, sync_uow)
    shopify_server.wait_idle()
    refunds = [a for a in shopify_server.applied if a["op"] == "refundCreate"]
    assert len(refunds) == 1
    assert refunds[0]["amount"] == "199.00" and "[packdesk:refund:shopify:RMA-T1]" in \
        refunds[0]["note"]
    assert refunds[0]["lines"] == [(f"{order_id.replace('/Order/', '/LineItem/')}1", 1)]
    assert shopify_server.orders[order_id]["displayFinancialStatus"] == "PARTIALLY_REFUNDED"
    assert refund_message(sync_uow, "refund:shopify:RMA-T1")[0] == OutboxStatus.SENT


@pytest.mark.parametrize(("fault", "after_apply"), LOST_ANSWERS)
def test_a_refund_lands_once_at_woocommerce(sync_uow, woo_server, credentials, fault,
                                            after_apply):
    woo_server.orders[727]["payment_method"] = "stripe"  # a gateway that pays back
    connect_woo(sync_uow, credentials, woo_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=1.0))
    runner.run_once()
    queue_refund(sync_uow, "woocommerce", "727", "Bar3", 1, 1200)
    woo_server.faults.inject(fault, match="POST /wp-json/wc/v3/orders/727/refunds",
                             after_apply=after_apply, retry_after=0.2)
    drain(runner, sync_uow)
    woo_server.wait_idle()
    refunds = [a for a in woo_server.applied if a["op"] == "refund"]
    assert len(refunds) == 1
    assert (refunds[0]["amount"], refunds[0]["api_refund"], refunds[0]["lines"]) == \
        ("12.00", True, [(316, 1)])
    assert "[packdesk:refund:woocommerce:RMA-T1]" in refunds[0]["reason"]
    assert refund_message(sync_uow, "refund:woocommerce:RMA-T1")[0] == OutboxStatus.SENT


def test_a_refund_the_channel_refuses_fails_for_a_person_with_its_reason(
        sync_uow, shopify_server, credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=1.0))
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    queue_refund(sync_uow, "shopify", order_id, "IPOD2008RED", 1, 99_900, rma="RMA-BIG")
    queue_refund(sync_uow, "shopify", "gid://shopify/Order/1", "IPOD2008RED", 1, 100,
                 rma="RMA-NONE")
    runner.run_once()
    status, reason = refund_message(sync_uow, "refund:shopify:RMA-BIG")
    assert status == OutboxStatus.FAILED
    assert "Refund amount is greater than the refundable amount" in reason
    status, reason = refund_message(sync_uow, "refund:shopify:RMA-NONE")
    assert status == OutboxStatus.FAILED and "did not come in from shopify" in reason
    assert not [a for a in shopify_server.applied if a["op"] == "refundCreate"]


def test_taobao_refunds_go_to_the_seller_centre(sync_uow, taobao_server, credentials):
    connect_taobao(sync_uow, credentials, taobao_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=1.0))
    runner.run_once()
    tid = next(iter(taobao_server.trades))
    queue_refund(sync_uow, "taobao", tid, "TB-CUP-RED", 1, 2500)
    runner.run_once()
    status, reason = refund_message(sync_uow, "refund:taobao:RMA-T1")
    assert status == OutboxStatus.FAILED
    assert "Taobao refunds are approved in the seller centre" in reason
    assert "Packdesk marks this case for a person" in reason
    assert not [line for line in taobao_server.request_log if "refund" in line]


def test_the_taobao_adapter_says_why_it_cannot_refund(taobao_server):
    adapter = TaobaoAdapter(TaobaoCredentials(f"{taobao_server.url}/router/rest",
                                              taobao_server.app_key, taobao_server.app_secret,
                                              taobao_server.session))
    refund = Refund("1001", Decimal("25.00"), "CNY", (RefundLine("1", 1, Decimal("25.00")),),
                    "Packdesk return RMA-1", "refund:taobao:RMA-1")
    with pytest.raises(ChannelRejected, match="seller centre"):
        adapter.push_refund(refund)
    assert taobao_server.request_log == []


def store_bin(uow) -> str:
    """A bin of the store's (a product's bin location), as its label is scanned."""
    from sqlalchemy import select

    from app.adapters import orm

    with uow() as u:
        return u.session.scalar(select(orm.products.c.bin_location).where(
            orm.products.c.bin_location != "").limit(1))


def pack(uow, number: str) -> None:
    opened = open_order(c.OpenOrder(number, "Ann"), uow())
    assert opened.opened, opened.message
    for line in opened.order.lines:
        for _ in range(line.quantity):
            verdict = scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex,
                                           f"SCAN-{line.sku}"), uow())
            assert verdict.result == "verified", verdict.message
    complete_pack(c.CompletePack(opened.session_id), uow())


def test_a_shopify_return_is_refunded_at_the_shop_and_the_case_closes(
        sync_uow, shopify_server, credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    order_id = next(iter(shopify_server.orders))
    with sync_uow() as u:
        number = u.orders.intake_link("shopify", order_id).order_number
    pack(sync_uow, number)
    drain(runner, sync_uow)
    counter = ReturnsService(sync_uow, zone="UTC")
    case = counter.create(CreateReturn(number, (ReturnRequestLine("IPOD2008RED", 1),
                                                ReturnRequestLine("IPOD2008BLACK", 1)),
                                       "buyer", "Ann"))
    for sku in ("IPOD2008RED", "IPOD2008BLACK"):
        assert counter.receive(ReceiveItem(case.rma_number, f"SCAN-{sku}", "Ann")).result \
            == "received"
    case = counter.finish_receiving(case.rma_number, "Ann")
    assert case.bins_kept and not case.lines[0].home_bin  # pulled from Shopify: no bin yet
    for line in case.lines:
        case = counter.grade(GradeUnit(case.rma_number, line.sku, "resellable", "restock",
                                       "Ann", bin=store_bin(sync_uow)))
    case = counter.refund(case.rma_number, "Ann")
    assert (case.status, case.refund_status) == ("refunded", "pending")
    assert counter.track_refunds() == []  # not at the shop yet
    drain(runner, sync_uow)
    [closed] = counter.track_refunds()
    assert (closed.status, closed.refund_status) == ("closed", "confirmed")
    [refund] = [a for a in shopify_server.applied if a["op"] == "refundCreate"]
    assert Decimal(refund["amount"]) == Decimal(case.refund_cents) / 100
    assert sorted(q for _, q in refund["lines"]) == [1, 1]
    runner.run_once()  # a later cycle pulls the refunded order back in and sends nothing new
    assert len([a for a in shopify_server.applied if a["op"] == "refundCreate"]) == 1
