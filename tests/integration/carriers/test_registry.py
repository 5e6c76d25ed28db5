"""Carrier accounts: secrets in the keyring, adapters built by kind, clear refusals."""

from __future__ import annotations

import pytest
from keyring.backends.fail import Keyring as FailKeyring

from app.domain.shipping import CarrierError
from printing.carriers import CarrierAccount, CarrierRegistry
from printing.carriers.cainiao import Cainiao
from printing.carriers.credentials import CarrierCredentialsMissing, CarrierCredentialStore
from printing.carriers.kdniao import Kdniao
from printing.carriers.sf_express import SfExpress
from sync.taobao_top import sign as top_sign
from tests.channel_servers.sf_server import CHECKWORD, PARTNER_ID, SfServer
from tests.integration.carriers.parties import shipment
from tests.parts.file_keyring import FileKeyring

SETTINGS = {
    "sf_express": {"partner_id": PARTNER_ID, "monthly_card": "7551234567"},
    "cainiao": {"app_key": "12345678", "cp_code": "ZTO",
                "template_url": "http://cloudprint.cainiao.com/template/standard/101"},
    "kdniao": {"ebusiness_id": "1237100", "shipper_code": "YTO"},
}
SECRETS = {"sf_express": {"checkword": CHECKWORD},
           "cainiao": {"app_secret": "s", "session": "6100"},
           "kdniao": {"app_key": "k", "customer_pwd": "pwd"}}


@pytest.fixture
def store(tmp_path):
    return CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))


@pytest.mark.parametrize("kind, cls", [("sf_express", SfExpress), ("cainiao", Cainiao),
                                       ("kdniao", Kdniao)])
def test_each_kind_builds_from_settings_and_keyring_secrets(store, kind, cls):
    store.save(f"{kind}-1", kind, SECRETS[kind])
    carrier = CarrierRegistry(top_sign=top_sign, store=store).create(
        CarrierAccount(f"{kind}-1", kind, SETTINGS[kind]))
    assert isinstance(carrier, cls) and carrier.code == kind


def test_a_registry_built_carrier_reaches_its_api(store):
    store.save("sf-sz", "sf_express", {"checkword": CHECKWORD})
    with SfServer() as sf:
        carrier = CarrierRegistry(store=store).create(CarrierAccount(
            "sf-sz", "sf_express", {**SETTINGS["sf_express"], "url": sf.url}))
        label = carrier.create_shipment(shipment("PD-R1"))
    assert label.tracking_number == sf.orders["PD-R1"].waybill


def test_secrets_live_under_the_carrier_and_only_the_known_fields(store, tmp_path):
    store.save("kdn", "kdniao", {**SECRETS["kdniao"], "stray": "x"})
    assert store.load("kdn", "kdniao") == {"app_key": "k", "customer_pwd": "pwd"}
    raw = (tmp_path / "keyring.json").read_text()
    assert "packdesk/carrier:kdn" in raw and "stray" not in raw
    store.forget("kdn")
    with pytest.raises(CarrierCredentialsMissing, match="No credentials stored for carrier kdn"):
        store.load("kdn", "kdniao")


def test_refusals_say_what_to_do(store):
    with pytest.raises(CarrierCredentialsMissing, match="missing checkword"):
        store.save("sf", "sf_express", {})
    with pytest.raises(CarrierCredentialsMissing, match="No system keyring"):
        CarrierCredentialStore(FailKeyring()).save("sf", "sf_express", {"checkword": "c"})
    registry = CarrierRegistry(store=store)
    with pytest.raises(CarrierError, match="TOP signer"):
        registry.create(CarrierAccount("c", "cainiao", SETTINGS["cainiao"], SECRETS["cainiao"]))
    with pytest.raises(CarrierError, match="setting partner_id is missing"):
        registry.create(CarrierAccount("sf", "sf_express", {}, SECRETS["sf_express"]))
    with pytest.raises(CarrierError, match="unknown kind 'ups'"):
        registry.create(CarrierAccount("u", "ups", {}))
    with pytest.raises(CarrierError, match="ShipperCode"):
        registry.create(CarrierAccount("k", "kdniao", {**SETTINGS["kdniao"],
                                                      "shipper_code": "XX"}, SECRETS["kdniao"]))
