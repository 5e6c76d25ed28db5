"""Offline, then back (issue 17's acceptance): 50 orders packed while the carrier cannot be
reached, then it answers again and two `packdesk labels --once` PROCESSES on one PostgreSQL
store ask for the pending labels at once: 50 labels, each bought exactly once, no number
used twice, and each order's channel hears its own number once."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.shipments import FIRST_RETRY
from app.services.bench import PackBenchService
from app.services.leases import Claimant
from printing.carrier_labels import CarrierLabelPrinting
from printing.carriers.credentials import CarrierCredentialStore
from printing.order_documents import LabelPrinting
from printing.spooler import Spooler
from printing.station import PrinterKind, Route
from tests.parts.file_keyring import FileKeyring, child_env
from tests.parts.shipment_store import API_KEY, carrier_store, easypost_carriers, pack, take_orders

ROOT = Path(__file__).resolve().parents[3]
ORDERS = 50


def test_fifty_labels_pending_offline_are_bought_once_each_by_two_processes(
        postgres_url, easypost_server, tmp_path):
    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, station="bench-1")
    carrier_store(uow, easypost_server.url)
    keyring_file = tmp_path / "keyring.json"
    CarrierCredentialStore(FileKeyring(keyring_file)).save("ezp", "easypost",
                                                           {"api_key": API_KEY})
    spooler = Spooler()
    labels = CarrierLabelPrinting(
        LabelPrinting(Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels")), spooler),
        spooler, easypost_carriers(), uow,
        Claimant.for_station("bench-1"))
    easypost_server.faults.inject("drop", count=ORDERS)  # unreachable: connections reset
    bench = PackBenchService(uow)
    for number in take_orders(uow, ORDERS):
        assert labels(pack(bench, number)).startswith("label pending: EasyPost USPS: EasyPost "
                                                      "could not be reached")
    assert easypost_server.bought == [] and easypost_server.faults.pending() == 0
    time.sleep(FIRST_RETRY.total_seconds() + 0.5)  # the first retry is due
    easypost_server.latency_s = 0.02  # a carrier that takes its time: the two overlap

    logs = [(tmp_path / f"labels-{n}.log").open("w") for n in (1, 2)]
    children = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", postgres_url,
                                  "--station", f"cron{n}", "labels", "--once"], cwd=ROOT,
                                 env=child_env(keyring_file), stdout=log,
                                 stderr=subprocess.STDOUT) for n, log in enumerate(logs, 1)]
    for child in children:
        child.wait(180)
    report = "\n".join((tmp_path / f"labels-{n}.log").read_text() for n in (1, 2))
    assert [child.returncode for child in children] == [0, 0], report
    references = Counter(reference for reference, _code in easypost_server.bought)
    numbers = Counter(code for _reference, code in easypost_server.bought)
    assert len(references) == ORDERS and set(references.values()) == {1}, report
    assert len(numbers) == ORDERS and set(numbers.values()) == {1}, report
    assert report.count("label 9400") == ORDERS  # the work was shared out, none done twice
    with uow() as u:
        fulfilments = [dict(m.payload) for m in u.outbox.messages() if m.kind == "fulfilment"]
        pending = [r for r in u.shipments.due_for_label(u.now() + FIRST_RETRY * 100)]
    assert sorted(f["tracking_number"] for f in fulfilments) == sorted(numbers)
    assert len({f["order_number"] for f in fulfilments}) == ORDERS and pending == []
    printed = labels.print_waiting("bench-1")  # back at the bench: the labels print there
    assert len(printed) == ORDERS
    spooler.close()
    store.dispose()
