"""`packdesk outbox list` and `packdesk outbox retry`: a FAILED message is seen, sent again
once its cause is fixed at the channel, and lands."""

from __future__ import annotations

import copy

import main
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_woo, stock_the_store


def packdesk(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.cli(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_failed_stock_level_is_listed_sent_again_and_lands(sqlite_url, woo_server,
                                                            credentials, capsys):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    connect_woo(uow, credentials, woo_server)
    runner = SyncRunner(uow, adapter_factory(credentials))
    runner.run_once()  # the store sold Bar3, which the Woo shop does not list: FAILED
    code, out, _ = packdesk(capsys, "--db", sqlite_url, "outbox", "list", "--failed")
    assert code == 0
    (line,) = [ln for ln in out.splitlines() if ln.startswith("#")]
    failed_id = int(line.split()[0][1:])
    assert f"#{failed_id} woocommerce stock_level Bar3 = " in line
    assert ": failed, 1 attempts - woocommerce: 0 products carry SKU 'Bar3'" in line
    assert out.splitlines()[-1] == "1 failed messages"
    code, out, err = packdesk(capsys, "--db", sqlite_url, "outbox", "retry", str(failed_id),
                              str(failed_id))  # a second time: it is queued already
    assert out.startswith(f"queued again: #{failed_id} woocommerce stock_level Bar3")
    assert code == 1 and f"Outbox message {failed_id} has not failed (it is pending)." in err
    code, out, _ = packdesk(capsys, "--db", sqlite_url, "outbox", "list", "--failed")
    assert out.splitlines() == ["0 failed messages"]
    bar = copy.deepcopy(woo_server.products[794])  # the shop now lists Bar3
    bar.update(id=901, sku="Bar3", stock_quantity=0)
    woo_server.products[901] = bar
    runner.run_once()
    assert [a for a in woo_server.applied if a["op"] == "stock_set"] == [
        {"op": "stock_set", "sku": "Bar3", "quantity": 99}]
    store.dispose()


def test_retry_all_failed_and_what_a_bad_retry_says(sqlite_url, woo_server, credentials,
                                                     capsys):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    connect_woo(uow, credentials, woo_server)
    SyncRunner(uow, adapter_factory(credentials)).run_once()
    code, out, _ = packdesk(capsys, "--db", sqlite_url, "outbox", "retry", "--all-failed")
    assert code == 0
    assert out.splitlines()[0].startswith("queued again: #")
    assert ": pending, 0 attempts" in out.splitlines()[0]
    assert out.splitlines()[-1] == "1 messages queued again; the next sync sends them"
    code, _, err = packdesk(capsys, "--db", sqlite_url, "outbox", "retry")
    assert code == 2 and "give message ids, or --all-failed (not both)" in err
    code, _, err = packdesk(capsys, "--db", sqlite_url, "outbox", "retry", "4242")
    assert code == 1 and "Outbox message 4242 is not in the store." in err
    store.dispose()
