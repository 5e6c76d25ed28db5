"""A masked Pinduoduo or Douyin order at the bench takes its label from its platform's own
e-waybill (by its order_sn / order_id), whatever the station's carrier; an order whose buyer
the platform did not mask, or one from a platform with no e-waybill set up, keeps the
station's carrier. Against a real SQLite store and the platforms' test gateways."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.orders import Address
from app.services.bench import PackBenchService
from app.services.carrier_setup import set_carrier
from app.services.channel_stock import add_channel
from app.services.intake import IncomingLine, IncomingOrder, take_in
from app.services.leases import Claimant
from app.services.shipments import retry_pending_labels
from printing.carriers import CarrierRegistry, carrier_directory
from printing.carriers.credentials import CarrierCredentialStore
from sync import douyin
from sync.cn_open import md5_wrapped
from tests.channel_servers.douyin_server import ACCESS_TOKEN as DY_TOKEN
from tests.channel_servers.douyin_server import APP_KEY as DY_KEY
from tests.channel_servers.douyin_server import APP_SECRET as DY_SECRET
from tests.channel_servers.douyin_waybill_server import DouyinWaybillServer
from tests.channel_servers.pdd_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET
from tests.channel_servers.pdd_waybill_server import TEMPLATE_URL, PddWaybillServer
from tests.parts.shipment_store import PLACED, carrier_store, pack
from tests.parts.sync_store import MemoryKeyring

PDD_SN, DOUYIN_ID = "260101-000000000000777", "6920000000000099999"


@pytest.fixture
def platforms(uow, easypost_server):
    pdd_orders = {PDD_SN: {"name": "李雷", "mobile": "13812345678", "province": "广东省",
                           "city": "深圳市", "district": "南山区", "detail": "科技园8栋"}}
    dy_orders = {DOUYIN_ID: {"province_name": "浙江省", "city_name": "杭州市",
                             "district_name": "余杭区", "detail_address": "文一西路969号"}}
    with PddWaybillServer(orders=pdd_orders) as pdd, \
            DouyinWaybillServer(orders=dy_orders) as dy:
        carrier_store(uow, easypost_server.url)
        add_channel(uow(), "pdd-main", "pinduoduo")
        add_channel(uow(), "dy-main", "douyin")
        set_carrier(uow(), "PDDWB", "拼多多电子面单 韵达", "pdd_waybill", f"{pdd.url}/api/router",
                    settings={"client_id": CLIENT_ID, "wp_code": "YUNDA",
                              "template_url": TEMPLATE_URL})
        set_carrier(uow(), "DYWB", "抖音电子面单 中通", "douyin_waybill", dy.url,
                    settings={"app_key": DY_KEY, "logistics_code": "zhongtong"})
        keys = CarrierCredentialStore(MemoryKeyring())
        keys.save("PDDWB", "pdd_waybill", {"client_secret": CLIENT_SECRET,
                                           "access_token": ACCESS_TOKEN})
        keys.save("DYWB", "douyin_waybill", {"app_secret": DY_SECRET, "access_token": DY_TOKEN})
        from tests.parts.shipment_store import carrier_keys
        keys.save("ezp", "easypost", carrier_keys().load("ezp", "easypost"))
        carriers = carrier_directory(CarrierRegistry(store=keys, pdd_sign=md5_wrapped,
                                                     douyin_sign=douyin.sign))
        yield pdd, dy, carriers


def _take(uow, channel: str, order_id: str, name: str, phone: str, street: str) -> str:
    incoming = IncomingOrder(
        channel, order_id, "open", "", phone,
        Address(name, phone, street, "", "深圳市", "广东省", "", "CN"),
        (IncomingLine("L1", "IPOD2008RED", "Channel product IPOD2008RED", 1),),
        placed_at=PLACED + timedelta(minutes=1))
    result = take_in([incoming], uow())[0]
    assert result.outcome == "created", result
    with uow() as u:
        u.orders.get(result.order_number).carrier = "ezp"  # the station's carrier
        u.commit()
    return result.order_number


def _label_of(uow, carriers, number):
    completion = pack(PackBenchService(uow), number)
    assert completion.label_pending
    outcomes = retry_pending_labels(carriers, uow, Claimant.for_station("bench-1"))
    assert [o.error for o in outcomes] == [""]
    with uow() as u:
        order = u.orders.get(number)
        return order.carrier, order.tracking_number


def test_a_masked_pinduoduo_order_is_labelled_by_the_pdd_e_waybill(platforms, uow,
                                                                   easypost_server):
    pdd, _, carriers = platforms
    number = _take(uow, "pdd-main", PDD_SN, "李**", "138****5678", "科技园南区*****")
    carrier, tracking = _label_of(uow, carriers, number)
    assert carrier == "PDDWB" and tracking in pdd.waybills
    sent = pdd.waybills[tracking].request
    assert sent["order_info"] == {"order_channels_type": "PDD", "trade_order_list": [PDD_SN]}
    assert easypost_server.bought == []


def test_a_masked_douyin_order_is_labelled_by_the_douyin_e_waybill(platforms, uow,
                                                                   easypost_server):
    _, dy, carriers = platforms
    number = _take(uow, "dy-main", DOUYIN_ID, "王*", "1**********", "文一西路***")
    carrier, tracking = _label_of(uow, carriers, number)
    assert carrier == "DYWB" and dy.waybills[tracking].order_id == DOUYIN_ID
    assert easypost_server.bought == []


def test_an_unmasked_pinduoduo_order_keeps_the_stations_carrier(platforms, uow,
                                                                easypost_server):
    pdd, _, carriers = platforms
    number = _take(uow, "pdd-main", "260101-000000000000778", "Li Lei", "415 555 0199",
                   "100 Market St")
    carrier, tracking = _label_of(uow, carriers, number)
    assert carrier == "ezp" and pdd.waybills == {}
    assert easypost_server.bought[0][1] == tracking
