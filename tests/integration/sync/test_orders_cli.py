"""`packdesk orders --json [--channel C] [--status S]`: the orders, for merchants' scripts.

Run as a merchant runs it: the console script pyproject.toml declares, in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_shopify, connect_taobao, stock_the_store

ROOT = Path(__file__).resolve().parents[3]


def packdesk(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The `packdesk` console script, as [project.scripts] names it (module:function)."""
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = entry["packdesk"].split(":")
    code = f"import sys; from {module} import {function}; sys.exit({function}())"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _store_with_channel_orders(sqlite_url, credentials, shopify_server, taobao_server):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory, station="test")
    stock_the_store(uow)
    shopify_server.orders.clear()
    [ready] = shopify_server.add_orders(1)
    [held] = shopify_server.add_orders(1, displayFulfillmentStatus="ON_HOLD")
    taobao_server.trades.clear()
    [masked] = taobao_server.add_trades(1, receiver_name="屈**", receiver_mobile="1389289****")
    [by_oaid] = taobao_server.add_masked_trades(1)  # as TOP serves vendors: masked + oaid
    [review] = taobao_server.add_trades(1, receiver_mobile="call the shop")
    connect_shopify(uow, credentials, shopify_server)
    connect_taobao(uow, credentials, taobao_server)
    SyncRunner(uow, adapter_factory(credentials, timeout_s=2.0)).run_once()
    store.dispose()
    return ready, held, masked, {"by_oaid": by_oaid, "review": review}


def test_orders_json_lists_every_order_with_its_state(sqlite_url, credentials, shopify_server,
                                                      taobao_server):
    ready, held, masked, more = _store_with_channel_orders(sqlite_url, credentials, shopify_server,
                                                     taobao_server)
    done = packdesk("--db", sqlite_url, "orders", "--json")
    assert done.returncode == 0, done.stderr
    rows = {row["channel_order_id"]: row for row in json.loads(done.stdout)}
    channel_rows = {k: v for k, v in rows.items() if v["channel"] in ("shopify", "taobao")}
    assert set(channel_rows) == {ready, held, masked, *more.values()}
    assert rows[ready]["status"] == "ready" and rows[ready]["review_reasons"] == []
    assert rows[ready]["number"].startswith("PD-") and rows[ready]["masked"] is False
    assert rows[held]["status"] == "on_hold" and rows[held]["channel_status"] == "on_hold"
    assert rows[masked]["channel"] == "taobao" and rows[masked]["masked"] is True
    assert rows[more["by_oaid"]]["masked"] is True
    assert rows[more["by_oaid"]]["status"] == "ready"  # review does not flag a masked buyer
    flagged = rows[more["review"]]
    assert flagged["status"] == "needs_review" and flagged["masked"] is False
    assert any("phone" in reason for reason in flagged["review_reasons"]), flagged
    assert len(flagged["review_reason_codes"]) == len(flagged["review_reasons"])
    assert set(rows[ready]) == {"number", "channel", "channel_order_id", "status",
                                "channel_status", "review_reasons", "review_reason_codes",
                                "masked"}


def test_orders_json_filters_by_channel_and_status(sqlite_url, credentials, shopify_server,
                                                   taobao_server):
    ready, held, masked, more = _store_with_channel_orders(sqlite_url, credentials, shopify_server,
                                                     taobao_server)
    by_channel = packdesk("--db", sqlite_url, "orders", "--json", "--channel", "taobao")
    assert sorted(r["channel_order_id"] for r in json.loads(by_channel.stdout)) == \
        sorted([masked, more["by_oaid"], more["review"]])
    on_hold = packdesk("--db", sqlite_url, "orders", "--json", "--status", "on_hold")
    assert [r["channel_order_id"] for r in json.loads(on_hold.stdout)] == [held]
    both = packdesk("--db", sqlite_url, "orders", "--json", "--channel", "shopify",
                    "--status", "ready")
    assert [r["channel_order_id"] for r in json.loads(both.stdout)] == [ready]


def test_orders_with_an_unknown_status_says_which_ones_exist(sqlite_url, credentials,
                                                             shopify_server, taobao_server):
    _store_with_channel_orders(sqlite_url, credentials, shopify_server, taobao_server)
    done = packdesk("--db", sqlite_url, "orders", "--json", "--status", "held")
    assert done.returncode == 2 and done.stdout == ""
    assert "Status 'held' is not one of" in done.stderr and "on_hold" in done.stderr


def test_orders_without_json_prints_one_line_each(sqlite_url, credentials, shopify_server,
                                                  taobao_server):
    _, held, _, _ = _store_with_channel_orders(sqlite_url, credentials, shopify_server,
                                            taobao_server)
    done = packdesk("--db", sqlite_url, "orders", "--status", "on_hold")
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    assert f"shopify {held} on_hold" in line


def test_replay_prints_what_packdesk_would_take_in_without_a_store(tmp_path):
    """For support: the merchant's payload file, the verdict per order, and the exit code
    (1: some order would not come in; 2: not a payload)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    payload = root / "tests/payloads/woocommerce/docs_list_all_orders.json"
    done = subprocess.run([sys.executable, "main.py", "orders", "replay", str(payload),
                           "--channel", "woocommerce"], cwd=root, capture_output=True,
                          text=True, timeout=120, env={"PACKDESK_DB": f"sqlite:///{tmp_path}/none.db",
                                                       "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1, done.stderr
    assert "727: taken in for review: line 'Woo Single #1' has no SKU" in done.stdout
    assert "723: not taken in as a new order: the channel says fulfilled" in done.stdout
    assert "1 x Bar3  Ship Your Idea – Color: Black, Size: M Test" in done.stdout
    assert not (tmp_path / "none.db").exists()
    bad = subprocess.run([sys.executable, "main.py", "orders", "replay", str(payload),
                          "--channel", "shopify"], cwd=root, capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2
    assert "no shopify order found in the file" in bad.stderr
