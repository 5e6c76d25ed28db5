"""`packdesk import` and `packdesk sync --once` run headless against a real SQLite file."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import time

from sqlalchemy import text as sql_text

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import OrderStatus
from sync import cli
from tests.parts.store_faults import ROOT, _env
from tests.parts.sync_store import stock_the_store
from tests.unit.sync.test_csv_import import SHOPIFY_FIRST, SHOPIFY_SECOND, header, write


def parse_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="packdesk")
    parser.add_argument("--db")
    cli.add_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def run(*argv: str, credentials=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(parse_args(*argv), credentials, out, err)
    return code, out.getvalue(), err.getvalue()


def test_import_previews_first_and_writes_nothing_while_rows_are_bad(tmp_path, sqlite_url):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    cols = header("shopify_orders_export_header_current.csv")
    bad = {**SHOPIFY_FIRST, "Name": "#1002", "Lineitem quantity": "many"}
    path = write(tmp_path / "orders.csv", cols, [SHOPIFY_FIRST, SHOPIFY_SECOND, bad])
    code, _, err = run("--db", sqlite_url, "import", str(path))
    assert code == 1 and "row 4 (order #1002)" in err and "nothing was imported" in err
    with uow() as u:
        assert u.orders.intake_link("csv", "#1001") is None
    code, out, err = run("--db", sqlite_url, "import", str(path), "--yes")
    assert code == 0, err
    assert "Imported 1 orders" in out and "skipped 1 orders with bad rows" in out
    with uow() as u:
        order = u.orders.get(u.orders.intake_link("csv", "#1001").order_number)
        assert order.status == OrderStatus.READY and order.channel == "csv"
        assert u.stock.get("IPOD2008RED").awaiting_shipment == 2
    code, out, _ = run("--db", sqlite_url, "import", str(path), "--yes")
    assert "1 unchanged" in out  # a second import updates, never duplicates
    store.dispose()


# another process writing to the store: it holds SQLite's one write lock for a while
WRITER = """
import sys, time
from app.adapters.store import open_store
store = open_store(sys.argv[1], station="bench-2")
with store.engine.connect() as db:
    db.exec_driver_sql("BEGIN IMMEDIATE")
    db.exec_driver_sql("INSERT INTO counters (name, next_value) VALUES ('held', 1)")
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
    db.exec_driver_sql("COMMIT")
"""


def test_an_import_waits_out_another_process_writing_to_the_store(tmp_path, sqlite_url):
    """The store's busy timeout is 10 s; the other writer holds the lock 14 s from the
    moment the import starts. The import tries again, as the sync runner does, and comes
    in once the writer is done, instead of failing with "database is locked"."""
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    cols = header("shopify_orders_export_header_current.csv")
    path = write(tmp_path / "orders.csv", cols, [SHOPIFY_FIRST, SHOPIFY_SECOND])
    writer = subprocess.Popen([sys.executable, "-c", WRITER, sqlite_url, "14"], cwd=ROOT,
                              env=_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        started = time.monotonic()
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", sqlite_url,
                               "import", str(path), "--yes"], cwd=ROOT, env=_env(),
                              capture_output=True, text=True, timeout=120)
        waited = time.monotonic() - started
    finally:
        writer.wait(60)
    assert writer.returncode == 0
    assert done.returncode == 0, done.stderr
    assert "Imported 1 orders" in done.stdout and "Traceback" not in done.stderr
    assert waited > 10, "the import did not meet the other writer: this test tested nothing"
    with uow() as u:
        assert u.orders.intake_link("csv", "#1001") is not None
        assert u.session.execute(sql_text("SELECT COUNT(*) FROM counters WHERE name = 'held'"))\
            .scalar() == 1
    store.dispose()


def test_import_of_an_unreadable_file_is_one_clear_line(tmp_path, sqlite_url):
    path = tmp_path / "nope.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    code, out, err = run("--db", sqlite_url, "import", str(path))
    assert code == 2 and err.startswith("packdesk import: ") and "Traceback" not in err


def test_channel_add_then_sync_once(sqlite_url, shopify_server, credentials, monkeypatch):
    store = open_store(sqlite_url)
    stock_the_store(uow_factory(store.session_factory))
    monkeypatch.setenv("PACKDESK_ACCESS_TOKEN", shopify_server.token)
    code, out, err = run("--db", sqlite_url, "channel", "add", "shop-eu", "--kind", "shopify",
                         "--set", f"shop_url={shopify_server.url}",
                         "--set", f"location_id={shopify_server.location_id}",
                         credentials=credentials)
    assert code == 0, err
    assert shopify_server.token not in out  # secrets stay in the keyring
    code, out, err = run("--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 0, err
    assert out.startswith("shop-eu: online, 0 queued, 0 failed - 1 orders in")
    code, out, _ = run("--db", sqlite_url, "channel", "list", credentials=credentials)
    assert "shop-eu (shopify)" in out and "1 orders in" in out
    shopify_server.stop()
    code, out, _ = run("--db", sqlite_url, "sync", "--once", credentials=credentials)
    assert code == 1 and "shop-eu: OFFLINE" in out
    store.dispose()


def test_channel_add_without_a_keyring_says_what_to_do(sqlite_url):
    from keyring.backends.fail import Keyring as NoKeyring

    from sync.credentials import CredentialStore

    code, _, err = run("--db", sqlite_url, "channel", "add", "s", "--kind", "shopify",
                       "--set", "shop_url=https://x.example", "--set", "location_id=1",
                       credentials=CredentialStore(NoKeyring()))
    assert code == 2 and "No system keyring" in err
    code, out, _ = run("--db", sqlite_url, "channel", "list")
    assert code == 0 and out.startswith("No channel set up")  # nothing half set up


def _refuse_city(store, city: str) -> None:
    from sqlalchemy import text

    with store.engine.begin() as db:
        db.execute(text("CREATE TRIGGER refuse_city BEFORE INSERT ON orders "
                        f"WHEN NEW.ship_city = '{city}' BEGIN SELECT RAISE(ABORT, 'no'); END"))


def test_an_order_the_store_refuses_is_parked_and_the_file_still_imports(tmp_path, sqlite_url):
    """Issue 13: with or without --yes, one order the store will not keep never blocks the
    others; it waits in the exceptions list, named by its order id, without buyers' data."""
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    cols = header("shopify_orders_export_header_current.csv")
    refused = {**SHOPIFY_FIRST, "Name": "#1003", "Shipping City": "Refuseville",
               "Shipping Name": "Jürgen Sonnenschein", "Shipping Phone": "+49 170 5550123"}
    long_name = {**SHOPIFY_FIRST, "Name": "#1004", "Shipping Name": "Q" * 300}
    _refuse_city(store, "Refuseville")
    for n, flags in enumerate([(), ("--yes",)]):
        path = write(tmp_path / f"orders{n}.csv", cols, [SHOPIFY_FIRST, SHOPIFY_SECOND, refused,
                                                        long_name])
        code, out, err = run("--db", sqlite_url, "import", str(path), *flags)
        assert code == 0, err
        assert "order #1003 parked in the exceptions list" in out
        assert "Sonnenschein" not in out + err and "5550123" not in out + err
        if not flags:  # the second file only repeats what came in
            assert "ship name too long, cut to 255 characters" in out
    with uow() as u:
        assert u.orders.intake_link("csv", "#1001") is not None
        assert u.orders.intake_link("csv", "#1004") is not None
        assert u.orders.intake_link("csv", "#1003") is None
        assert [p.channel_order_id for p in u.orders.intake_exceptions()] == ["#1003"]
    store.dispose()


def test_a_file_of_doubtful_encoding_asks_and_encoding_decides(tmp_path, sqlite_url):
    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    cols = ["Name", "Lineitem sku", "Lineitem quantity", "Lineitem price", "Shipping Name"]
    row = {"Name": "#1001", "Lineitem sku": "IPOD2008RED", "Lineitem quantity": "1",
           "Lineitem price": "9.90", "Shipping Name": "ヤマダ"}
    path = write(tmp_path / "orders.csv", cols, [row], "shift_jis")
    code, out, err = run("--db", sqlite_url, "import", str(path), "--yes")
    assert code == 1 and "--encoding cp932: " in err and "ヤマダ" in err
    assert "Nothing was imported" in err
    with uow() as u:
        assert u.orders.intake_link("csv", "#1001") is None
    code, out, err = run("--db", sqlite_url, "import", str(path), "--encoding", "shift_jis")
    assert code == 0, err
    with uow() as u:
        order = u.orders.get(u.orders.intake_link("csv", "#1001").order_number)
        assert order.ship_to.name == "ヤマダ"
    store.dispose()


def test_sync_once_under_a_long_ban_says_until_when_without_sleeping(sqlite_url, taobao_server,
                                                                     credentials):
    import threading

    from tests.parts.sync_store import connect_taobao

    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    connect_taobao(uow, credentials, taobao_server)
    taobao_server.answer_error("taobao.trades.sold.increment.get", 7, "App Call Limited",
                               "accesscontrol.limited-by-app-access-count",
                               "This ban will last for 31062 more seconds")
    answer: list = []
    once = threading.Thread(daemon=True, target=lambda: answer.append(
        run("--db", sqlite_url, "sync", "--once", credentials=credentials)))
    once.start()
    once.join(60)
    assert answer, "packdesk sync --once was still sleeping after 60 s"
    ((code, out, _),) = answer
    assert code == 1 and out.startswith("taobao: OFFLINE, 0 queued, 0 failed - offline until ")
    assert "31062" in out
    _, listed, _ = run("--db", sqlite_url, "channel", "list", credentials=credentials)
    assert "offline until " in listed  # the result is kept with the channel
    store.dispose()


def test_import_matches_lines_without_a_sku_by_the_catalogue_barcode(tmp_path, sqlite_url):
    from app.domain.products import Product

    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    with uow() as u:
        u.products.get("IPOD2008RED").add_barcode("4006381333931")
        u.commit()
    cols = header("shopify_orders_export_header_current.csv") + ["Lineitem Barcode"]
    second = {**SHOPIFY_SECOND, "Lineitem sku": "", "Lineitem Barcode": "4006381333931"}
    unknown = {**SHOPIFY_SECOND, "Name": "#1002", "Lineitem sku": "",
               "Lineitem Barcode": "5901234123457"}
    path = write(tmp_path / "orders.csv", cols, [SHOPIFY_FIRST, second, unknown])
    code, out, err = run("--db", sqlite_url, "import", str(path), "--yes")
    assert code == 0, err
    assert "row 4 (order #1002): line 'IPod red' has no SKU, and its barcode '5901234123457' " \
        "is on no product in the catalogue" in err
    with uow() as u:
        order = u.orders.get(u.orders.intake_link("csv", "#1001").order_number)
        assert sorted((ln.sku, ln.quantity) for ln in order.lines) == \
            [("IPOD2008GREEN", 1), ("IPOD2008RED", 2)]
        assert isinstance(u.products.get("IPOD2008RED"), Product)
    store.dispose()


def test_the_catalogue_is_read_in_chunks_with_every_barcode(sqlite_url):
    from sync.csv_catalogue import catalogue_from_store

    store = open_store(sqlite_url)
    uow = uow_factory(store.session_factory)
    stock_the_store(uow)
    with uow() as u:
        u.products.get("WOO-SHIRT-M").add_barcode("036000291452")
        u.commit()
    catalogue = catalogue_from_store(uow, chunk=2)
    assert catalogue.sku_for_barcode("036000291452") == "WOO-SHIRT-M"
    assert catalogue.sku_for_barcode("SCAN-TB-CUP-RED") == "TB-CUP-RED"  # own codes too
    assert catalogue.sku_for_name("channel product ipod2008red") == "IPOD2008RED"
    store.dispose()
