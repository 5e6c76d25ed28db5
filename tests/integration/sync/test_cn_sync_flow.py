"""A Pinduoduo, JD or Douyin shop set up with `packdesk channel add`, synced with
`packdesk sync --once`: its orders reach the bench masked as sent and listed by
`packdesk orders --json`; a packed order's shipment and the stock reach the shop once, through
the outbox, with the carrier named in the shop's own code."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from sync import cli, orders_cli
from tests.integration.sync.test_sync_outbox import pack
from tests.parts.sync_store import stock_the_store

CHANNELS = {
    # kind: (server fixture, settings, secrets from the server, SF's code there, sent op)
    "pinduoduo": ("pdd_server", lambda s: {"gateway_url": f"{s.url}/api/router",
                                           "client_id": s.client_id},
                  lambda s: {"client_secret": s.client_secret, "access_token": s.access_token},
                  "SF", "logistics.online.send"),
    "jd": ("jd_server", lambda s: {"gateway_url": f"{s.url}/routerjson", "app_key": s.app_key},
           lambda s: {"app_secret": s.app_secret, "access_token": s.access_token}, "467",
           "pop.order.shipment"),
    "douyin": ("douyin_server", lambda s: {"gateway_url": s.url, "app_key": s.app_key},
               lambda s: {"app_secret": s.app_secret, "access_token": s.access_token},
               "shunfeng", "order.logisticsAdd"),
}


def run(module, *argv: str, credentials=None) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="packdesk")
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")
    cli.add_commands(commands)
    orders_cli.add_commands(commands)
    out, err = io.StringIO(), io.StringIO()
    args = parser.parse_args(list(argv))
    code = (module.run(args, credentials, out, err) if module is cli
            else module.run(args, out, err))
    return code, out.getvalue(), err.getvalue()


def add_shop(sqlite_url, kind, server, credentials, monkeypatch, *extra: str):
    _, settings, secrets, _, _ = CHANNELS[kind]
    for name, value in secrets(server).items():
        monkeypatch.setenv(f"PACKDESK_{name.upper()}", value)
    sets = [f"--set={k}={v}" for k, v in settings(server).items()]
    code, out, err = run(cli, "--db", sqlite_url, "channel", "add", "shop-cn", "--kind", kind,
                         *sets, *extra, credentials=credentials)
    assert code == 0, err
    assert all(v not in out for v in secrets(server).values())  # secrets stay in the keyring


@pytest.fixture(params=sorted(CHANNELS))
def shop(request, sqlite_url):
    kind = request.param
    server = request.getfixturevalue(CHANNELS[kind][0])
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    yield kind, server, uow
    store.dispose()


def test_orders_come_in_masked_and_a_shipment_and_stock_go_out_once(shop, sqlite_url,
                                                                    credentials, monkeypatch):
    kind, server, uow = shop
    sf_code, sent_op = CHANNELS[kind][3], CHANNELS[kind][4]
    # the demo's own fleet (OWN) is booked with SF at this shop
    add_shop(sqlite_url, kind, server, credentials, monkeypatch, f"--set=carrier.OWN={sf_code}")
    code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 0, err + out
    assert out.startswith("shop-cn: online, 0 queued, 0 failed - 3 orders in")
    code, out, err = run(orders_cli, "--db", sqlite_url, "orders", "--json", "--channel",
                         "shop-cn")
    rows = json.loads(out)
    assert {r["channel_order_id"] for r in rows} == set(server.orders)
    assert all(r["status"] == "ready" and r["masked"] and r["review_reasons"] == []
               for r in rows)
    first = rows[0]
    tracking = pack(uow, first["number"])
    for _ in range(2):  # a second pass sends nothing again
        code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
        assert code == 0, err + out
    shipped = [a for a in server.applied if a["op"] == sent_op]
    assert len(shipped) == 1 and tracking in shipped[0].values()
    assert str(next(v for k, v in shipped[0].items() if "logistics_id" in k or "copr" in k
                    or "company" in k)) == {"SF": "44"}.get(sf_code, sf_code)  # PDD: its id
    with uow() as u:
        assert u.outbox.depth() == 0 and not u.outbox.failed("shop-cn")
        sku = {"pinduoduo": "PDD-TEA-100", "jd": "JD-KETTLE-W", "douyin": "DY-FLASK-500"}[kind]
        pushed = u.stock.listing("shop-cn", sku).last_seen_quantity
    levels = [a["quantity"] for a in server.applied if a.get("sku") == sku]
    assert levels and levels[-1] == pushed and 0 < pushed < 100


def test_a_carrier_the_shop_has_no_code_for_fails_for_a_person_naming_it(
        shop, sqlite_url, credentials, monkeypatch):
    kind, server, uow = shop
    add_shop(sqlite_url, kind, server, credentials, monkeypatch)
    assert run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)[0] == 0
    with uow() as u:
        number = u.orders.intake_link("shop-cn", next(iter(server.orders))).order_number
    pack(uow, number)
    code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert "1 failed" in out
    code, out, err = run(cli, "--db", sqlite_url, "outbox", "list", "--failed")
    assert "carrier 'OWN' has no" in out and "--set carrier.OWN=" in out
    assert [a for a in server.applied if a["op"] == CHANNELS[kind][4]] == []


def test_an_expired_authorisation_stops_the_channel_and_says_what_to_do(
        shop, sqlite_url, credentials, monkeypatch):
    kind, server, uow = shop
    add_shop(sqlite_url, kind, server, credentials, monkeypatch)
    server.token_expired = True
    code, out, err = run(cli, "--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 1
    assert "shop-cn:" in out and "authorise Packdesk again" in out
    assert "store the new access token with `packdesk channel add`" in out
