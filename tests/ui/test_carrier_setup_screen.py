"""Tools → Carriers…: an own-range carrier added, an API carrier set with its settings and
its key (kept by the keyring port, never in the store), and a connection test that asks
EasyPost something harmless off the main thread, against the EasyPost test server."""

from __future__ import annotations

import pytest

from printing.carriers import CarrierRegistry, check_carrier_connection
from printing.carriers.credentials import CarrierCredentialStore
from tests.channel_servers.easypost_server import EasyPostServer
from tests.parts.sync_store import MemoryKeyring
from ui.carrier_setup import CarrierSetupScreen
from ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def easypost():
    with EasyPostServer() as server:
        yield server


def test_carriers_are_set_up_and_tested_on_the_screen(qtbot, uow, store, tasks, easypost):
    keyring = MemoryKeyring()
    secrets = CarrierCredentialStore(keyring)
    registry = CarrierRegistry(store=secrets)
    screen = CarrierSetupScreen(uow, tasks, secrets,
                                lambda view: check_carrier_connection(registry, view))
    qtbot.addWidget(screen)
    screen.own_code.setText("own")
    screen.own_name.setText("Our van")
    screen.own_prefix.setText("PK")
    with qtbot.waitSignal(screen.changed, timeout=10000):
        screen.add_button.click()
    assert screen.notice.text() == ("Carrier OWN (Our van) added; its first tracking number "
                                    "is PK000000014.")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10000)

    screen.tabs.setCurrentIndex(1)
    screen.api_code.setText("EZP")
    screen.api_name.setText("EasyPost USPS")
    screen.api.setCurrentIndex(screen.api.findData("easypost"))
    assert list(screen.secret_fields) == ["api_key"]
    assert screen.settings_hint.text() == "EasyPost needs no settings besides its key."
    screen.api_url.setText(easypost.url)
    screen.secret_fields["api_key"].setText(easypost.api_key)
    with qtbot.waitSignal(screen.changed, timeout=10000):
        screen.save_button.click()
    qtbot.waitUntil(lambda: "Its keys are in the system keyring." in screen.notice.text(),
                    timeout=10000)
    assert screen.notice.text() == ("Carrier EZP issues its labels through easypost. Its keys "
                                    "are in the system keyring.")
    assert screen.secret_fields["api_key"].text() == ""
    assert secrets.load("EZP", "easypost") == {"api_key": easypost.api_key}
    with store.engine.connect() as db:  # the key is in the keyring only
        dumped = "\n".join(db.connection.iterdump())
    assert easypost.api_key not in dumped
    qtbot.waitUntil(lambda: screen.table.rowCount() == 2, timeout=10000)

    screen.test_button.click()
    qtbot.waitUntil(lambda: screen.notice.text().startswith("Connection works"), timeout=20000)
    assert screen.notice.text() == ("Connection works: EasyPost answered and accepted the API "
                                    "key.")
    assert not [r for r in easypost.request_log if r.startswith("POST")]  # nothing bought

    secrets.save("EZP", "easypost", {"api_key": "EZAK-wrong"})
    registry = CarrierRegistry(store=secrets)  # a new station: it reads the keyring again
    screen.test_button.click()
    qtbot.waitUntil(lambda: "failed" in screen.notice.text(), timeout=20000)
    assert screen.notice.text() == ("The connection test failed: EasyPost refused the API key; "
                                    "save the right key with the carrier profile.")


def test_an_own_range_carrier_is_not_tested_and_a_bad_code_is_refused(qtbot, uow, tasks):
    screen = CarrierSetupScreen(uow, tasks, CarrierCredentialStore(MemoryKeyring()),
                                lambda view: check_carrier_connection(CarrierRegistry(), view))
    qtbot.addWidget(screen)
    screen.own_code.setText("bad code!")
    screen.own_name.setText("X")
    screen.add_button.click()
    qtbot.waitUntil(lambda: screen.notice.text() != "", timeout=10000)
    assert screen.notice.text() == "A carrier code is 1 to 16 letters and digits, like OWN."
    screen.tabs.setCurrentIndex(1)
    screen.api_code.setText("NEW")
    screen.test_button.click()
    assert screen.notice.text() == "Save carrier NEW first, then test it."


def test_an_own_range_carrier_prints_a_test_label_that_scans_as_its_next_number(
        qtbot, uow, tasks, tmp_path):
    """The test print (issue 15): the carrier's label on the station's label printer, its
    tracking code the range's next number with its check digit, read back from the printed
    page as a scanner would; the number is not used up."""
    import subprocess

    import zxingcpp
    from PIL import Image

    from app.services.carrier_setup import list_carriers
    from printing.spooler import Spooler
    from printing.station import PrinterKind, Route
    from printing.test_card import CarrierTestLabels

    folder = tmp_path / "labels"
    spooler = Spooler()
    try:
        screen = CarrierSetupScreen(
            uow, tasks, CarrierCredentialStore(MemoryKeyring()),
            lambda view: check_carrier_connection(CarrierRegistry(), view),
            print_test=CarrierTestLabels(lambda: Route(PrinterKind.PDF_FOLDER, str(folder)),
                                         spooler))
        qtbot.addWidget(screen)
        screen.test_print_button.click()  # nothing chosen yet
        assert screen.notice.text().startswith("Choose an own-range carrier in the list")
        screen.own_code.setText("van")
        screen.own_name.setText("Our van")
        screen.own_prefix.setText("PK")
        screen.own_sender.setText("Tea House Ltd")
        with qtbot.waitSignal(screen.changed, timeout=10000):
            screen.add_button.click()
        qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10000)
        screen.own_code.clear()
        screen.table.selectRow(0)  # the list's row names the carrier to test
        assert screen.own_code.text() == "VAN"
        screen.test_print_button.click()
        qtbot.waitUntil(lambda: screen.notice.text().startswith("Test label of VAN"),
                        timeout=20000)
        assert screen.notice.text().endswith("Its barcode must scan as PK000000014; that "
                                             "number is not used up.")
        qtbot.waitUntil(lambda: list(folder.glob("*.pdf")) != [], timeout=20000)
        [pdf] = folder.glob("*.pdf")
        subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(tmp_path / "page")],
                       check=True)
        read = {r.text for page in tmp_path.glob("page*.pgm")
                for r in zxingcpp.read_barcodes(Image.open(page))}
        assert "PK000000014" in read
        [view] = list_carriers(uow())
        assert view.first_number == "PK000000014"  # still the first parcel's
    finally:
        spooler.close()
