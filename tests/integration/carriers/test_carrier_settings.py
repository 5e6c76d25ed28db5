"""A Chinese carrier set up from the shell, as a merchant does: its plain settings kept with
the profile (`carrier set --setting`), its secrets in the keyring (`carrier key`), and the
station's label job then reaches the carrier with them."""

from __future__ import annotations

import io
from argparse import Namespace

import pytest

from printing.carriers import CarrierRegistry, carrier_directory
from printing.carriers.credentials import CarrierCredentialStore
from printing.shipping_cli import run
from tests.channel_servers.sf_server import CHECKWORD, MONTHLY_CARD, PARTNER_ID, SfServer
from tests.integration.carriers.parties import shipment
from tests.parts.file_keyring import FileKeyring


def _detached(profile):
    """The plain copy the label job holds after the unit of work."""
    from app.services.shipments import profile_copy

    return profile_copy(profile)


def _args(db_url, **more):
    return Namespace(command="carrier", db=db_url, sub_db=None, station="office", **more)


@pytest.fixture
def sf_server():
    with SfServer() as running:
        yield running


def test_sf_express_set_up_from_the_shell_issues_a_label(sqlite_url, store, uow, sf_server,
                                                         tmp_path, monkeypatch):
    keys = CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))
    out, err = io.StringIO(), io.StringIO()
    settings = [f"partner_id={PARTNER_ID}", f"monthly_card={MONTHLY_CARD}", "junk=1"]
    assert run(_args(sqlite_url, carrier_command="set", code="SF", name="顺丰速运",
                     api="sf_express", url=f"{sf_server.url}/std/service", service="",
                     setting=settings), keys, out, err) == 0, err.getvalue()
    # a setting given empty is removed; the others stay
    assert run(_args(sqlite_url, carrier_command="set", code="SF", name=None,
                     api="sf_express", url=f"{sf_server.url}/std/service", service="",
                     setting=["junk="]), keys, out, err) == 0
    with uow() as u:
        profile = _detached(u.carriers.get("SF"))
    assert profile.api_settings == {"partner_id": PARTNER_ID, "monthly_card": MONTHLY_CARD}
    monkeypatch.setenv("PACKDESK_CARRIER_CHECKWORD", CHECKWORD)
    assert run(_args(sqlite_url, carrier_command="key", code="SF"), keys, out, err) == 0
    assert "checkword of carrier SF kept in the keyring" in out.getvalue()
    carrier = carrier_directory(CarrierRegistry(store=keys))(profile)
    label = carrier.create_shipment(shipment("PD-100001"))
    assert label.tracking_number.startswith("SF")
    assert sf_server.signatures_checked >= 1


def test_a_setting_without_a_value_sign_and_a_carrier_with_no_api_are_refused_in_words(
        sqlite_url, store, uow, tmp_path):
    keys = CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))
    err = io.StringIO()
    assert run(_args(sqlite_url, carrier_command="set", code="SF", name="SF",
                     api="sf_express", url="", service="", setting=["partner_id"]),
               keys, io.StringIO(), err) == 2
    assert "KEY=VALUE" in err.getvalue()
    err = io.StringIO()
    assert run(_args(sqlite_url, carrier_command="set", code="OWN2", name="Own", api="",
                     url="", service="", setting=[]), keys, io.StringIO(), err) == 0
    assert run(_args(sqlite_url, carrier_command="key", code="OWN2"), keys, io.StringIO(),
               err) == 2
    assert "has no carrier API (own number range)" in err.getvalue()


def test_a_missing_setting_is_named_when_the_label_is_asked(sqlite_url, store, uow, tmp_path):
    keys = CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))
    keys.save("SF", "sf_express", {"checkword": CHECKWORD})
    assert run(_args(sqlite_url, carrier_command="set", code="SF", name="SF",
                     api="sf_express", url="", service="", setting=[]),
               keys, io.StringIO(), io.StringIO()) == 0
    with uow() as u:
        profile = _detached(u.carriers.get("SF"))
    from app.domain.shipping import CarrierError

    with pytest.raises(CarrierError, match="partner_id is missing"):
        carrier_directory(CarrierRegistry(store=keys))(profile)
