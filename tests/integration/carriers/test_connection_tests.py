"""The carrier set-up's connection test for every Chinese carrier account: a harmless call
(nothing bought or billed), and a refusal that names the problem: a wrong key, a wrong
signature, no balance, the network."""

from __future__ import annotations

import socket

import pytest

from app.domain.shipping import BalanceExhausted, CarrierError, CarrierUnavailable
from app.domain.translation import translate
from app.services.carrier_setup import CarrierView
from printing.carriers import CarrierRegistry, check_carrier_connection
from printing.carriers.credentials import CarrierCredentialStore
from sync import douyin
from sync.cn_open import md5_wrapped
from sync.taobao_top import sign as top_sign
from tests.channel_servers.cainiao_server import TEMPLATE_URL, CainiaoServer
from tests.channel_servers.kdniao_server import APP_KEY as KDN_KEY
from tests.channel_servers.kdniao_server import EBUSINESS_ID, KdniaoServer
from tests.channel_servers.pdd_server import ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET
from tests.channel_servers.pdd_waybill_server import TEMPLATE_URL as PDD_TEMPLATE
from tests.channel_servers.pdd_waybill_server import PddWaybillServer
from tests.channel_servers.sf_server import CHECKWORD, PARTNER_ID, SfServer
from tests.channel_servers.taobao_server import APP_KEY, APP_SECRET, SESSION
from tests.parts.sync_store import MemoryKeyring


def _test(kind: str, url: str, settings: dict[str, str], secrets: dict[str, str]) -> str:
    keys = CarrierCredentialStore(MemoryKeyring())
    keys.save("acct", kind, secrets)
    registry = CarrierRegistry(top_sign=top_sign, store=keys, pdd_sign=md5_wrapped,
                               douyin_sign=douyin.sign)
    view = CarrierView("acct", "账户", "", "", kind, url, tuple(sorted(settings.items())))
    return check_carrier_connection(registry, view)


def _sf(url: str, checkword: str = CHECKWORD) -> str:
    return _test("sf_express", url, {"partner_id": PARTNER_ID, "monthly_card": "7551234567"},
                 {"checkword": checkword})


def _cainiao(url: str, secret: str = APP_SECRET) -> str:
    return _test("cainiao", url, {"app_key": APP_KEY, "cp_code": "ZTO",
                                  "template_url": TEMPLATE_URL},
                 {"app_secret": secret, "session": SESSION})


def _kdniao(url: str, app_key: str = KDN_KEY) -> str:
    return _test("kdniao", url, {"ebusiness_id": EBUSINESS_ID, "shipper_code": "ZTO"},
                 {"app_key": app_key})


def test_sf_accepts_the_partner_and_check_word_and_buys_nothing():
    with SfServer() as sf:
        said = _sf(f"{sf.url}/std/service")
        assert sf.applied == [] and sf.orders == {}
    assert said.startswith("SF Express answered and accepted the partner ID and the check word")
    assert translate(said, "zh_CN").startswith("顺丰速运 已应答，并接受了顾客编码和校验码")


def test_sf_with_a_wrong_check_word_names_the_signature():
    with SfServer() as sf, pytest.raises(CarrierError) as refused:
        _sf(f"{sf.url}/std/service", checkword="wrong")
    assert "A1006 数字签名无效" in str(refused.value) and "check word" in str(refused.value)


def test_cainiao_says_how_many_numbers_are_left():
    with CainiaoServer(quantities={"ZTO": 42}) as cainiao:
        said = _cainiao(f"{cainiao.url}/router/rest")
    assert said == "Cainiao answered and accepted the credentials; 42 numbers are left for ZTO."
    assert translate(said, "zh_CN") == "菜鸟 已应答并接受了凭据；ZTO 还剩 42 个单号。"


def test_cainiao_with_no_numbers_left_says_to_recharge():
    with CainiaoServer(quantities={"ZTO": 0}) as cainiao, \
            pytest.raises(BalanceExhausted) as empty:
        _cainiao(f"{cainiao.url}/router/rest")
    assert "has no numbers left; recharge it" in str(empty.value)


def test_cainiao_with_a_wrong_secret_names_the_credentials():
    with CainiaoServer() as cainiao, pytest.raises(CarrierError) as refused:
        _cainiao(f"{cainiao.url}/router/rest", secret="wrong")
    assert "TOP refused the credentials" in str(refused.value)
    assert "Invalid signature" in str(refused.value)


def test_kdniao_accepts_the_ebusiness_id_and_app_key_and_takes_no_waybill():
    with KdniaoServer() as kdn:
        said = _kdniao(kdn.url)
        assert kdn.applied == []
    assert said.startswith("KDNiao answered and accepted the EBusinessID and the AppKey")
    assert "快递鸟" in translate(said, "zh_CN")


def test_kdniao_with_a_wrong_app_key_names_the_signature():
    with KdniaoServer() as kdn, pytest.raises(CarrierError) as refused:
        _kdniao(kdn.url, app_key="wrong")
    assert "refused the signature" in str(refused.value)
    assert "EBusinessID and AppKey" in str(refused.value)


def test_pdd_waybill_says_how_many_numbers_are_left():
    with PddWaybillServer(quantities={"YUNDA": 7}) as pdd:
        said = _test("pdd_waybill", f"{pdd.url}/api/router",
                     {"client_id": CLIENT_ID, "wp_code": "YUNDA", "template_url": PDD_TEMPLATE},
                     {"client_secret": CLIENT_SECRET, "access_token": ACCESS_TOKEN})
    assert "7 numbers are left for YUNDA" in said


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("check, path", [(_sf, "/std/service"), (_cainiao, "/router/rest"),
                                         (_kdniao, "")])
def test_an_unreachable_carrier_says_check_the_network(check, path):
    with pytest.raises(CarrierUnavailable) as away:
        check(f"http://127.0.0.1:{_closed_port()}{path}")
    assert "could not be reached" in str(away.value) and "check the network" in str(away.value)
