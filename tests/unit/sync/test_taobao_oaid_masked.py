"""A Taobao receiver carried by its oaid is a masked receiver, wherever the mask shows.

TOP hands software vendors the receiver masked beside the trade's oaid (收件人ID,
taobao.trade.fullinfo.get with include_oaid): the masked parts are not always the name and
the mobile (the street alone, or fields left empty), but the oaid says the real receiver is
the platform's. The order, its label request and `packdesk orders --json` must all say
masked, so review does not flag it and the e-waybill path is taken.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.orders import Address, Order
from app.services.queries import listing_masked
from app.services.shipments import receiver_masked
from sync.taobao import map_trade
from tests.channel_servers.taobao_server import trade

OAID = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"


def _trade(**changes):
    return trade(3_800_000_000_000_001, datetime(2026, 1, 1, tzinfo=UTC), **changes)


@pytest.mark.parametrize("receiver", [
    {"receiver_address": "文一西路***"},  # only the street masked
    {"receiver_name": "", "receiver_mobile": "", "receiver_address": ""},  # left empty
], ids=["street-masked", "fields-empty"])
def test_a_trade_with_an_oaid_maps_to_a_masked_receiver(receiver):
    assert map_trade(_trade(**receiver, oaid=OAID)).receiver_masked is True


def test_the_street_masked_counts_without_an_oaid_too():
    assert map_trade(_trade(receiver_address="文一西路***")).receiver_masked is True


def test_a_plain_trade_is_not_masked():
    assert map_trade(_trade()).receiver_masked is False


def _order(**ship_to) -> Order:
    address = Address(**{"name": "张三", "phone": "13800138000", "line1": "文一西路969号",
                         **ship_to})
    return Order("PD-1", "taobao", "3800000000000001", "tb-buyer", address.phone, address)


def test_an_order_with_an_oaid_is_masked_though_no_part_shows_a_star():
    order = _order(name="", phone="", line1="")
    order.receiver_oaid = OAID
    assert order.receiver_masked is True
    assert receiver_masked(order) is True


def test_an_order_masked_on_its_street_only_is_masked():
    assert _order(line1="文一西路***").receiver_masked is True


def test_a_plain_order_is_not_masked():
    assert _order().receiver_masked is False and receiver_masked(_order()) is False


@pytest.mark.parametrize(("row", "expected"), [
    (("张三", "13800138000", "", "文一西路969号", ""), False),
    (("屈**", "1389289****", "", "文一西路***", ""), True),
    (("张三", "13800138000", "", "文一西路***", ""), True),
    (("", "", "", "", OAID), True),
])
def test_the_orders_listing_counts_the_street_and_the_oaid(row, expected):
    assert listing_masked(*row) is expected
