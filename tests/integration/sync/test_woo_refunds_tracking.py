"""WooCommerce refunds pay the buyer back through the order's gateway (api_refund) and never
restock twice; tracking numbers go into Shipment Tracking / AST when the store runs it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.outbox import OutboxStatus
from sync.base import ChannelRejected, ChannelUnavailable
from sync.model import Fulfilment, FulfilmentLine, Refund, RefundLine
from sync.runner import SyncRunner, adapter_factory
from sync.woocommerce import WooCommerceAdapter, WooCredentials, map_order
from tests.channel_servers.woo_server import WooServer
from tests.integration.sync.test_refunds import queue_refund, refund_message
from tests.parts.sync_store import connect_woo

REFUND = Refund("727", Decimal("12.00"), "", (RefundLine("316", 1, Decimal("12.00")),),
                "Packdesk return RMA-W1", "refund:woocommerce:RMA-W1")


def adapter_for(server: WooServer) -> WooCommerceAdapter:
    return WooCommerceAdapter(WooCredentials(server.url, server.consumer_key,
                                             server.consumer_secret))


def paid_by(server: WooServer, gateway: str) -> None:
    server.orders[727]["payment_method"] = gateway
    server.orders[727]["line_items"][1]["variation_id"] = 732  # WOO-SHIRT-M, 5 in stock


def test_a_refund_is_paid_back_by_the_gateway_and_not_restocked_by_woo(woo_server):
    paid_by(woo_server, "stripe")
    result = adapter_for(woo_server).push_refund(REFUND)
    assert (result.already_applied, result.note) == \
        (False, "paid back through the payment gateway")
    [refund] = [a for a in woo_server.applied if a["op"] == "refund"]
    assert (refund["api_refund"], refund["api_restock"], refund["restocked"]) == \
        (True, False, [])
    assert woo_server.refunds[727][0]["refunded_payment"] is True
    # the returned unit comes back through Packdesk's own stock push, not a second time here
    assert woo_server.products[732]["stock_quantity"] == 5
    assert adapter_for(woo_server).push_refund(REFUND).already_applied is True
    assert len(woo_server.refunds[727]) == 1


@pytest.mark.parametrize(("gateway", "words"), [
    ("bacs", "The payment gateway for this order does not support automatic refunds."),
    ("cod", "The payment gateway for this order does not support automatic refunds."),
    ("gone_gateway", "The payment gateway for this order does not exist."),
])
def test_a_gateway_that_cannot_refund_is_named_and_nothing_is_recorded(woo_server, gateway,
                                                                        words):
    paid_by(woo_server, gateway)
    with pytest.raises(ChannelRejected) as refused:
        adapter_for(woo_server).push_refund(REFUND)
    message = str(refused.value)
    assert words in message and "order 727 was not refunded (12.00)" in message
    assert "Pay the buyer back in the payment provider" in message
    assert "packdesk returns close-refund" in message
    assert woo_server.refunds.get(727, []) == []


def test_a_gateway_refusal_is_for_a_person_and_try_again_is_retried(woo_server):
    paid_by(woo_server, "stripe")
    woo_server.gateway_refuses = "Stripe: This charge has already been refunded."
    with pytest.raises(ChannelRejected, match="This charge has already been refunded"):
        adapter_for(woo_server).push_refund(REFUND)
    woo_server.gateway_refuses = "Cannot create order refund, please try again."
    with pytest.raises(ChannelUnavailable) as temporary:
        adapter_for(woo_server).push_refund(REFUND)
    assert not isinstance(temporary.value, ChannelRejected)
    woo_server.gateway_refuses = None
    assert adapter_for(woo_server).push_refund(REFUND).already_applied is False


def test_a_refund_recorded_without_the_money_is_not_done(woo_server):
    """A refund with our marker that Woo kept as manual (refunded_payment false): reading it
    back on a retry must not turn it into a success."""
    woo_server.refunds[727] = [{"id": 901, "amount": "12.00", "refunded_payment": False,
                                "reason": f"Packdesk return RMA-W1 {REFUND.marker}"}]
    with pytest.raises(ChannelRejected, match="the payment gateway did not pay it back"):
        adapter_for(woo_server).push_refund(REFUND)


def test_a_bank_transfer_refund_fails_for_a_person_through_the_outbox(sync_uow, woo_server,
                                                                      credentials):
    connect_woo(sync_uow, credentials, woo_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    runner.run_once()
    queue_refund(sync_uow, "woocommerce", "727", "Bar3", 1, 1200, rma="RMA-BACS")
    runner.run_once()
    status, reason = refund_message(sync_uow, "refund:woocommerce:RMA-BACS")
    assert status == OutboxStatus.FAILED
    assert "does not support automatic refunds" in reason
    assert [a["op"] for a in woo_server.applied if "refund" in a["op"]] == ["refund_refused"]


def tracking_requests(server: WooServer) -> list[str]:
    return [line for line in server.request_log if "shipment-trackings" in line]


def test_tracking_goes_into_shipment_tracking_when_the_store_has_it():
    with WooServer(shipment_tracking=True) as server:
        adapter = adapter_for(server)
        parcel = Fulfilment("727", "9400111899560000000000", "USPS", (), "outbox-7")
        assert adapter.push_fulfilment(parcel).already_applied is False
        assert adapter.push_fulfilment(parcel).already_applied is True
        [tracking] = [a for a in server.applied if a["op"] == "shipment_tracking"]
        assert (tracking["provider"], tracking["tracking_number"]) == \
            ("USPS", "9400111899560000000000")
        assert len(tracking["date_shipped"]) == 10  # YYYY-MM-DD, as the extension wants
        assert server.notes[727] == []  # the extension's own e-mail carries the tracking link
        assert server.orders[727]["status"] == "completed"
        order = map_order(server.orders[727])  # the meta the extension keeps reads back
        assert order.tracking_number == "9400111899560000000000"


def test_a_part_shipment_is_tracked_and_leaves_the_order_open():
    with WooServer(shipment_tracking=True) as server:
        line = str(server.orders[727]["line_items"][0]["id"])
        adapter_for(server).push_fulfilment(
            Fulfilment("727", "1Z999AA10123456784", "UPS", (FulfilmentLine(line, 1),), "k2"))
        assert server.orders[727]["status"] == "processing"
        [item] = next(m["value"] for m in server.orders[727]["meta_data"]
                      if m["key"] == "_wc_shipment_tracking_items")
        assert (item["tracking_provider"], item["tracking_number"]) == \
            ("ups", "1Z999AA10123456784")


def test_a_store_without_the_extension_gets_a_note_and_is_asked_once(woo_server):
    adapter = adapter_for(woo_server)
    adapter.push_fulfilment(Fulfilment("727", "T-1", "USPS", (), "k-727"))
    adapter.push_fulfilment(Fulfilment("723", "T-2", "USPS", (), "k-723"))
    assert "T-1" in woo_server.notes[727][0]["note"] and "T-2" in woo_server.notes[723][0]["note"]
    assert len(tracking_requests(woo_server)) == 1
    assert not [a for a in woo_server.applied if a["op"] == "shipment_tracking"]
