"""A merchant's first day, from an empty store, with the app and the CLI only (no demo):
the first-run screen makes the supervisor and names the station; the next-steps links
open the product editor, the catalogue import (opening stock), the people screen and the
carrier set-up (its own number range); the CLI imports an order; the new packer logs in and packs it with key
events at scanner timing, and its label prints."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services.people import store_is_new
from app.services.stock import stock_history
from app.settings import load_settings
from main import _first_run
from tests.e2e.driver import decode_pdf_barcodes, scan, type_keys
from tests.parts.store_faults import ROOT, _env
from tests.ui.station import start_station, station_dirs, station_settings  # noqa: F401
from ui.carrier_setup import CarrierSetupScreen
from ui.catalogue import CatalogueImport, ProductEditor
from ui.first_run import FirstRunPage
from ui.people_screen import PeopleScreen
from ui.tool_windows import close_tool_windows

ORDER_COLUMNS = ["Name", "Email", "Financial Status", "Currency", "Created at",
                 "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku",
                 "Billing Name", "Shipping Name", "Shipping Address1", "Shipping City",
                 "Shipping Zip", "Shipping Country", "Shipping Phone"]


def packdesk(db_url: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "main", "--db", db_url, *args], cwd=ROOT,
                          env={**_env(), "PACKDESK_SUPERVISOR": "Mei", "PACKDESK_PIN": "2580"},
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done


def _visible(kind):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def _fill_the_first_run_screen(qtbot) -> None:
    page = _visible(FirstRunPage)
    page.activateWindow()
    qtbot.waitUntil(page.name.hasFocus, timeout=10000)
    type_keys(page, "Mei")  # Enter moves on, as a person types
    type_keys(page, "2580")
    type_keys(page, "2581")
    type_keys(page, "pack-1")
    qtbot.waitUntil(lambda: "The two PINs differ" in page.notice.text(), timeout=10000)
    page.name.setFocus()
    type_keys(page, "")  # Enter on the name: the PIN again, twice
    type_keys(page, "2580")
    type_keys(page, "2580")
    page.station.selectAll()
    type_keys(page, "pack-1")


def _order_csv(path: Path, sku: str) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, ORDER_COLUMNS)
    writer.writeheader()
    writer.writerow({"Name": "#1001", "Email": "zoe@example.com", "Financial Status": "paid",
                     "Currency": "EUR", "Created at": "2026-11-20 09:00:00 +0100",
                     "Lineitem quantity": "2", "Lineitem name": "Oolong tea 100g",
                     "Lineitem price": "12.50", "Lineitem sku": sku,
                     "Billing Name": "Zoë Lefèvre", "Shipping Name": "Zoë Lefèvre",
                     "Shipping Address1": "12 rue de l'Église", "Shipping City": "Paris",
                     "Shipping Zip": "75015", "Shipping Country": "FR",
                     "Shipping Phone": "+33 1 42 68 53 00"})
    path.write_text(out.getvalue(), encoding="utf-8")


def test_the_first_day_from_an_empty_store(qtbot, store, uow, sqlite_url, station_dirs):  # noqa: F811
    tmp = station_dirs
    settings = station_settings(tmp, station_id="")
    assert store_is_new(uow())
    QTimer.singleShot(300, lambda: _fill_the_first_run_screen(qtbot))
    first_day = _first_run(uow, settings)  # as packdesk does on an empty store
    assert first_day.supervisor.name == "Mei" and first_day.station == "pack-1"
    assert load_settings()[0].station_id == "pack-1"  # kept for the next start
    assert not store_is_new(uow())

    station = start_station(qtbot, store, settings, first_day)
    window, bench = station.window, station.bench
    try:
        assert window.pages.currentWidget() is window.next_steps
        assert window.who.text() == "Logged in: Mei (supervisor)"
        assert window.windowTitle() == "Packdesk — station pack-1 — Mei"
        steps = window.next_steps.links

        steps[next(s for s in steps if s.name == "CATALOGUE")].click()
        editor = _visible(ProductEditor)
        editor.sku.setText("TEA-1")
        editor.name.setText("Oolong tea 100g")
        editor.barcode.setText("4006381333932")
        assert editor.barcode_problem.text().startswith("The barcode 4006381333932 is not a "
                                                        "valid GTIN: its last digit should be 1")
        editor.barcode.setText("4006381333931")
        assert editor.barcode_problem.text() == ""
        editor.weight.setValue(120)
        editor.bin.setText("A-01-1")
        with qtbot.waitSignal(editor.saved, timeout=10000):
            editor.save_button.click()

        stock_file = tmp / "opening-stock.csv"
        stock_file.write_text("sku,name,opening_stock\nTEA-1,Oolong tea 100g,24\n"
                              "TEA-2,,3\n", encoding="utf-8")
        steps[next(s for s in steps if s.name == "CATALOGUE_IMPORT")].click()
        importer = _visible(CatalogueImport)
        importer.load(stock_file)
        qtbot.waitUntil(importer.import_button.isEnabled, timeout=10000)
        assert importer.table.item(0, 2).text() == "The product name is empty."
        with qtbot.waitSignal(importer.imported, timeout=10000) as imported:
            importer.import_button.click()
        assert imported.args[0].units == 24
        assert "Rows not imported: 1. They are in" in importer.summary.text()
        history = stock_history(uow(), "TEA-1")
        assert [(r.reason, r.quantity, r.by) for r in history.rows] == [
            ("opening stock", 24, "Mei")]

        steps[next(s for s in steps if s.name == "PEOPLE")].click()
        people = _visible(PeopleScreen)
        qtbot.waitUntil(lambda: people.table.rowCount() == 1, timeout=10000)
        people.new_name.setText("Ann")
        people.new_role.setCurrentIndex(people.new_role.findData("packer"))
        people.new_pin.setText("1234")
        people.new_pin_again.setText("1234")
        with qtbot.waitSignal(people.changed, timeout=10000):
            people.add_button.click()
        qtbot.waitUntil(lambda: people.table.rowCount() == 2, timeout=10000)
        assert people.notice.text() == "Ann added as packer."
        close_tool_windows()

        steps[next(s for s in steps if s.name == "CARRIERS")].click()
        carriers = _visible(CarrierSetupScreen)
        carriers.own_code.setText("OWN")
        carriers.own_name.setText("Our van")
        carriers.own_prefix.setText("PK")
        carriers.own_sender.setText("Mei's Tea Shop")
        with qtbot.waitSignal(carriers.changed, timeout=10000):
            carriers.add_button.click()
        assert carriers.notice.text() == ("Carrier OWN (Our van) added; its first tracking "
                                          "number is PK000000014.")
        qtbot.waitUntil(lambda: carriers.table.rowCount() == 1, timeout=10000)
        assert carriers.table.item(0, 2).text() == "own number range"
        close_tool_windows()
        orders = tmp / "orders.csv"
        _order_csv(orders, "TEA-1")
        packdesk(sqlite_url, "import", str(orders), "--yes")
        number = packdesk(sqlite_url, "orders").stdout.split()[0]

        window.pages.setCurrentWidget(station.bench)  # and back to the next steps:
        window.pages.setCurrentWidget(window.next_steps)
        qtbot.waitUntil(lambda: window.next_steps.so_far.text() == (
            "So far: products 1, packers and clerks 1, carriers 1, orders 1."), timeout=10000)
        window.next_steps.start.click()
        window._on_bench_logout_requested()  # Mei leaves the bench to the packer
        window.activateWindow()
        qtbot.waitUntil(station.login.name.hasFocus, timeout=10000)
        type_keys(window, "Ann")
        type_keys(window, "1234")
        qtbot.waitUntil(lambda: window.pages.currentWidget() is bench, timeout=10000)
        with qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda r, _m: r == "opened"):
            scan(window, number)
        with qtbot.waitSignal(bench.verdict_shown, timeout=10000,
                              check_params_cb=lambda r, _m: r == "verified"):
            scan(window, "4006381333931")
        with qtbot.waitSignal(bench.label_done, timeout=20000):
            scan(window, "4006381333931")
        # packed; the label, started as the completion was stored, may have printed already
        assert bench.banner.property("result") in ("complete", "label_printed")
        qtbot.waitUntil(lambda: any((tmp / "labels").glob("*.pdf")), timeout=20000)
        [label] = list((tmp / "labels").glob("*.pdf"))
        tracking = bench.last_completion.tracking_number
        assert tracking.startswith("PK00000001")
        assert tracking in decode_pdf_barcodes(label, tmp)
        text = subprocess.run(["pdftotext", str(label), "-"], capture_output=True,
                              text=True).stdout
        assert f"Order {number}" in text and "Zoë Lefèvre" in text and "Our van" in text
        # (the label's weight comes from intake, which writes 0 g today: another branch's)
        assert stock_history(uow(), "TEA-1").level.shipped == 2
    finally:
        close_tool_windows()
        station.shutdown()
