"""A masked Pinduoduo or Douyin order at the bench takes its label from its platform's own
e-waybill (by its order_sn / order_id), a masked Taobao/Tmall one from Cainiao (by the
trade's oaid + tid), whatever the station's carrier; an order whose buyer the platform did
not mask, or one from a platform with no e-waybill set up, keeps the station's carrier. Against a real SQLite store and the platforms' test gateways."""

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


# --- Taobao/Tmall: Cainiao by oaid + tid ------------------------------------------------

TAOBAO_LINE = {"order": [{"oid": 1, "oid_str": "1", "num_iid": 520000009, "sku_id": 4000009,
                          "outer_sku_id": "IPOD2008RED", "outer_iid": "IPOD", "title": "iPod",
                          "sku_properties_name": "", "num": 1, "price": "99.00",
                          "refund_status": "NO_REFUND", "status": "WAIT_SELLER_SEND_GOODS",
                          "invoice_no": "", "logistics_company": ""}]}


@pytest.fixture
def taobao_shop(uow, easypost_server, taobao_server):
    """A Taobao shop synced through its TOP gateway, a Cainiao e-waybill account (ZTO) and
    the station's carrier EasyPost."""
    from sync import taobao_top
    from tests.channel_servers.cainiao_server import TEMPLATE_URL as CN_TEMPLATE
    from tests.channel_servers.cainiao_server import CainiaoServer
    from tests.channel_servers.taobao_server import APP_KEY, APP_SECRET, SESSION
    from tests.parts.shipment_store import carrier_keys

    with CainiaoServer() as cainiao:
        carrier_store(uow, easypost_server.url)
        add_channel(uow(), "tb-main", "taobao")
        set_carrier(uow(), "CNWB", "菜鸟电子面单 中通", "cainiao", f"{cainiao.url}/router/rest",
                    settings={"app_key": APP_KEY, "cp_code": "ZTO", "template_url": CN_TEMPLATE,
                              "url": f"{cainiao.url}/router/rest", "user_id": "59972781"})
        keys = CarrierCredentialStore(MemoryKeyring())
        keys.save("CNWB", "cainiao", {"app_secret": APP_SECRET, "session": SESSION})
        keys.save("ezp", "easypost", carrier_keys().load("ezp", "easypost"))
        carriers = carrier_directory(CarrierRegistry(taobao_top.sign, keys))
        yield cainiao, carriers


def _synced_taobao_order(uow, taobao_server, **trade) -> tuple[str, str]:
    """One trade pulled from the TOP gateway and taken in as intake does: (number, tid)."""
    from sync.intake_map import incoming_order
    from sync.taobao import TaobaoAdapter, TaobaoCredentials
    from tests.integration.sync.test_cn_marketplaces import pull_all

    taobao_server.trades.clear()
    if trade.pop("masked", True):
        [tid] = taobao_server.add_masked_trades(1, orders=TAOBAO_LINE, **trade)
    else:
        [tid] = taobao_server.add_trades(1, orders=TAOBAO_LINE, **trade)
    adapter = TaobaoAdapter(TaobaoCredentials(f"{taobao_server.url}/router/rest",
                                              taobao_server.app_key, taobao_server.app_secret,
                                              taobao_server.session))
    [order], errors, _ = pull_all(adapter)
    adapter.close()
    assert errors == []
    result = take_in([incoming_order(order, "tb-main")], uow())[0]
    assert result.outcome == "created", result
    with uow() as u:
        u.orders.get(result.order_number).carrier = "ezp"  # the station's carrier
        u.commit()
    return result.order_number, tid


def test_a_masked_taobao_order_is_labelled_by_cainiao_by_oaid_and_tid(
        taobao_shop, uow, easypost_server, taobao_server):
    from tests.channel_servers.taobao_server import PLAIN_RECEIVER

    cainiao, carriers = taobao_shop
    number, tid = _synced_taobao_order(uow, taobao_server)
    oaid = taobao_server.trades[tid]["oaid"]
    with uow() as u:
        assert u.orders.get(number).receiver_oaid == oaid  # kept from fullinfo.get
    carrier, tracking = _label_of(uow, carriers, number)
    assert carrier == "CNWB" and tracking in cainiao.waybills  # Cainiao's own number
    assert easypost_server.bought == []
    sent = cainiao.waybills[tracking].request
    assert sent["order_info"] == {"order_channels_type": "TB", "trade_order_list": [tid]}
    recipient = sent["recipient"]
    assert (recipient["oaid"], recipient["tid"]) == (oaid, tid)
    # no address of the buyer's: only what TOP masked (the plain one Packdesk never had)
    assert "*" in recipient["address"]["detail"] and "*" in recipient["name"]
    request_text = repr(sent)
    for value in (PLAIN_RECEIVER["name"], PLAIN_RECEIVER["mobile"],
                  PLAIN_RECEIVER["address_detail"]):
        assert value not in request_text


def test_a_taobao_order_without_an_oaid_keeps_the_stations_carrier(
        taobao_shop, uow, easypost_server, taobao_server):
    cainiao, carriers = taobao_shop
    number, _ = _synced_taobao_order(uow, taobao_server, masked=False,
                                     receiver_name="Li Lei", receiver_mobile="415 555 0199",
                                     receiver_address="100 Market St",
                                     receiver_city="San Francisco", receiver_state="CA",
                                     receiver_zip="94105", receiver_country="US")
    carrier, tracking = _label_of(uow, carriers, number)
    assert carrier == "ezp" and cainiao.waybills == {}
    assert easypost_server.bought[0][1] == tracking
