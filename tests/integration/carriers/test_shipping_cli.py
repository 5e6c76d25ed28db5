"""`packdesk carrier`, `labels`, `track` as a merchant's scripts and cron use them."""

from __future__ import annotations

import io
from argparse import Namespace

from app.domain.orders import OrderStatus
from app.services.bench import PackBenchService
from app.services.leases import Claimant, take_lease
from app.services.tracking import TRACK_LEASE
from printing.carriers.credentials import CarrierCredentialStore
from printing.shipping_cli import run
from tests.parts.file_keyring import FileKeyring
from tests.parts.shipment_store import API_KEY, carrier_store, pack, take_orders


def _args(db_url, command, **more):
    base = {"db": db_url, "sub_db": None, "station": "cron", "lease": 300.0}
    return Namespace(command=command, **{**base, **more})


def test_a_carrier_is_set_up_its_labels_fetched_and_its_parcels_tracked_from_the_shell(
        sqlite_url, store, uow, easypost_server, tmp_path, monkeypatch):
    carrier_store(uow, easypost_server.url)
    keys = CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))
    out = io.StringIO()
    assert run(_args(sqlite_url, "carrier", carrier_command="set", code="ezp2", name="EZ 2",
                     api="easypost", url=easypost_server.url, service=""), keys, out) == 0
    assert "Carrier ezp2 issues its labels through easypost." in out.getvalue()
    monkeypatch.setenv("PACKDESK_CARRIER_KEY", API_KEY)
    assert run(_args(sqlite_url, "carrier", carrier_command="key", code="ezp2"), keys, out) == 0
    bad = io.StringIO()
    assert run(_args(sqlite_url, "carrier", carrier_command="set", code="x", name="X",
                     api="dhl", url="", service=""), keys, io.StringIO(), bad) == 2
    assert "There is no carrier adapter dhl" in bad.getvalue()

    number = take_orders(uow, 1, carrier="ezp2")[0]
    completion = pack(PackBenchService(uow), number)  # no label output: the job fetches it
    assert completion.label_pending
    out = io.StringIO()
    assert run(_args(sqlite_url, "labels", once=True, retry=[]), keys, out) == 0
    tracking = easypost_server.bought[0][1]
    assert f"{number}: label {tracking}" in out.getvalue()

    take_lease(TRACK_LEASE, Claimant.for_station("station-2"), uow())  # another runner tracks
    out = io.StringIO()
    assert run(_args(sqlite_url, "track", once=True, webhook=None), keys, out) == 0
    assert "another runner is tracking the parcels now" in out.getvalue()

    easypost_server.move(tracking, "in_transit", "Accepted at USPS origin facility")
    body, _signature = easypost_server.webhook(tracking)
    hook = tmp_path / "event.json"
    hook.write_bytes(body)
    out = io.StringIO()
    assert run(_args(sqlite_url, "track", once=False, webhook=str(hook)), keys, out) == 0
    assert "2 new tracking events" in out.getvalue()
    with uow() as u:  # the carrier scanned it before anyone scanned it out: shipped
        assert u.orders.get(number).status == OrderStatus.SHIPPED
    from main import cli
    from tests.integration.printing.pdftools import decode, rasterise

    again = tmp_path / "again.pdf"
    assert cli(["--db", sqlite_url, "print", "label", number, "--pdf", str(again)]) == 0
    assert again.read_bytes().startswith(b"%PDF")
    assert decode(rasterise(again, 200, tmp_path / "again")[0]) == [tracking]  # the carrier's
