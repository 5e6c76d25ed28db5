"""A merchant's first day with a Shopify shop, from an empty store, with the CLI and the app
only (never the demo): init makes the supervisor, people add the packer, the channel is
connected, the catalogue is pulled from the shop in the Products screen (the test server
answers `productVariants` in Shopify's documented shapes: weights in grams, kilograms and
ounces, a barcode with a wrong check digit), the opening stock of the SKU the shop has
none of comes from a stock CSV, the order is pulled from the shop, and the packer packs
it with key events at scanner timing; the label carries the weight the catalogue gave."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import keyring
import pytest

from app.services.permissions import Screen
from app.services.stock import lots, stock_history
from tests.e2e.driver import scan
from tests.e2e.test_first_day import _visible
from tests.integration.sync.test_sync_cli import parse_args
from tests.parts.store_faults import ROOT, _env
from tests.ui.station import log_in, start_station, station_dirs, station_settings  # noqa: F401
from ui.catalogue import ProductEditor
from ui.tool_windows import close_tool_windows


def _packdesk(db_url: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "main", "--db", db_url, *args], cwd=ROOT,
                          env={**_env(), "PACKDESK_SUPERVISOR": "Mei", "PACKDESK_PIN": "2580",
                               **env},
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done


def _sync_cli(credentials, *argv: str) -> str:
    """`packdesk channel …` and `packdesk sync …` with the test's keyring (a headless
    machine has none: see ENVIRONMENT.md)."""
    from sync import cli

    out, err = io.StringIO(), io.StringIO()
    code = cli.run(parse_args(*argv), credentials, out, err)
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.fixture
def station_keyring(keyring_backend, monkeypatch):
    """The station's own screens find the channel's token where `channel add` put it."""
    monkeypatch.setattr(keyring, "get_keyring", lambda: keyring_backend)
    return keyring_backend


def test_the_first_day_with_a_shopify_shop(qtbot, store, uow, sqlite_url,
                                           station_dirs,  # noqa: F811 (a fixture)
                                           shopify_server, credentials, station_keyring,
                                           monkeypatch):
    tmp = station_dirs
    _packdesk(sqlite_url, "init", "--supervisor", "Mei")
    _packdesk(sqlite_url, "people", "add", "Ann", "--role", "packer", PACKDESK_NEW_PIN="1234")
    _packdesk(sqlite_url, "carrier", "add", "OWN", "--name", "Our van", "--prefix", "PK")
    monkeypatch.setenv("PACKDESK_ACCESS_TOKEN", shopify_server.token)
    _sync_cli(credentials, "--db", sqlite_url, "channel", "add", "shop", "--kind", "shopify",
              "--set", f"shop_url={shopify_server.url}",
              "--set", f"location_id={shopify_server.location_id}",
              "--set", "carrier.OWN=Our van")

    station = start_station(qtbot, store, station_settings(tmp))
    window = station.window
    try:
        log_in(qtbot, station, "Mei", "2580")
        window.tools[Screen.CATALOGUE]()
        editor = _visible(ProductEditor)
        bar = editor.pull_bar
        qtbot.waitUntil(bar.pull_button.isEnabled, timeout=10000)
        with qtbot.waitSignal(bar.pulled, timeout=30000):
            bar.pull_button.click()
        qtbot.waitUntil(lambda: len(editor.rows) == 4, timeout=10000)
        assert bar.status.text() == ("From shop: 4 products added, 0 changed; opening stock "
                                     "54 units for 3 SKUs.")
        assert "IPOD2008BLACK: Barcode left out" in bar.notes.text()
        close_tool_windows()

        stock_file = tmp / "opening-stock.csv"  # the shop keeps none of the black ones
        stock_file.write_text("sku,bin,quantity,lot,expiry\nIPOD2008BLACK,A-03,5,L-26,\n",
                              encoding="utf-8")
        stocked = _packdesk(sqlite_url, "stock", "import", str(stock_file))
        assert "Opening stock: 5 units of 1 SKUs in 1 lots" in stocked.stdout
        assert [lot.lot for lot in lots(uow(), "IPOD2008BLACK")] == ["L-26"]

        pulled = _sync_cli(credentials, "--db", sqlite_url, "sync", "--once")
        assert pulled.startswith("shop: online"), pulled
        listed = _packdesk(sqlite_url, "orders").stdout.split()
        number = listed[0]

        window._on_bench_logout_requested()  # Mei leaves the bench to the packer
        log_in(qtbot, station, "Ann", "1234")
        bench = station.bench
        qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=10000)
        with qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda r, _m: r == "opened"):
            scan(window, number)
        for code in ("4006381333931", "012345678905"):  # green and red by their barcodes
            with qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                                  check_params_cb=lambda r, _m: r == "verified"):
                scan(window, code)
        with qtbot.waitSignal(bench.label_done, timeout=20000):
            scan(window, "IPOD2008BLACK")  # its barcode was refused: its shelf label
        assert bench.banner.property("result") == "complete"
        qtbot.waitUntil(lambda: any((tmp / "labels").glob("*.pdf")), timeout=20000)
        [label] = list((tmp / "labels").glob("*.pdf"))
        text = subprocess.run(["pdftotext", str(label), "-"], capture_output=True,
                              text=True).stdout
        # 200 g, 0.2 kg and 7.05 oz from the shop's catalogue: never 0.00 kg
        assert "600 g" in text, text
        assert f"Order {number}" in text and "Bob Norman" in text
        assert stock_history(uow(), "IPOD2008BLACK").level.shipped == 1
    finally:
        close_tool_windows()
        station.shutdown()
        os.environ.pop("PACKDESK_ACCESS_TOKEN", None)
