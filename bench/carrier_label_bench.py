"""From the last verifying scan to the CARRIER's label accepted by the spooler (CUPS).

As bench/print_bench.py measures last_scan_to_spooler_ms for Packdesk's own label, with the
station's carrier issuing labels through EasyPost instead: the completion commits with the
label pending, the bench's network worker asks the carrier (the local EasyPost server,
answering each call after 150 ms as a real one does: look-up, create, buy, label file), and
the label PDF the carrier returned goes to the CUPS queue as it came. The clock starts at
the Enter key of an order's last item scan and stops when CUPS accepted the job.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.print_bench import QUEUE, _cups_queue_ready, _spin_until

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

ORDERS = 12
CARRIER_LATENCY_S = 0.150


def _carrier_store(uow, url: str) -> list[str]:
    from app.services.carrier_setup import set_carrier
    from app.services.demo import build_demo

    build_demo(uow(), seed=3, orders=40)
    set_carrier(uow(), "ezp", "EasyPost USPS", "easypost", url, "GroundAdvantage")
    with uow() as u:
        profile = u.carriers.get("ezp")
        profile.sender_name, profile.sender_address = "Packdesk Bench", "417 Montgomery St\nUS"
        numbers = [f"PD-{100001 + i}" for i in range(40) if i != 17
                   if not u.orders.get(f"PD-{100001 + i}").tracking_number]  # not labelled yet
        for number in numbers:
            u.orders.get(number).carrier = "ezp"
        u.commit()
    return numbers


def _carriers(registry_type, account_type):
    """The registry's EasyPost adapter with the bench's key given in the account."""
    registry = registry_type()
    return lambda profile: registry.create(account_type(
        profile.code, profile.api, {"url": profile.api_url}, {"api_key": "EZTK_bench"}))


def _measure(workdir: Path, orders: int) -> list[float]:
    from PySide6.QtTest import QTest

    from app.adapters.store import open_store
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.services.leases import Claimant
    from app.settings import StationSettings
    from bench.scanner_keys import Scanner
    from printing.carrier_labels import CarrierLabelPrinting
    from printing.carriers import CarrierAccount, CarrierRegistry
    from printing.order_documents import LabelPrinting
    from printing.spooler import JobState, Spooler
    from printing.station import PrinterKind, Route
    from tests.channel_servers.easypost_server import EasyPostServer
    from ui.app import build_bench_app
    from ui.print_log import PrintBridge

    carrier = EasyPostServer(api_key="EZTK_bench").start()
    carrier.latency_s = CARRIER_LATENCY_S
    store = open_store(f"sqlite:///{workdir / 'carrier.db'}")
    uow = uow_factory(store.session_factory, "bench-1")
    ready = _carrier_store(uow, carrier.url)[:orders]
    bridge = PrintBridge()
    spooler = Spooler(on_change=bridge.spooler_callback)
    labels = CarrierLabelPrinting(LabelPrinting(Route(PrinterKind.CUPS, QUEUE, "4x6"), spooler),
                                  spooler, _carriers(CarrierRegistry, CarrierAccount),
                                  uow, Claimant.for_station("bench-1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(
        station_id="bench-1", language="en", sounds=False), "bench", labels)
    window, bench = app.window, app.bench
    scanner = Scanner(bench.scan_field)
    window.show()
    window.on_scan("Ann", "", "badge")
    window.on_scan("1234", "", "badge")
    _spin_until(lambda: window.pages.currentWidget() is bench)
    accepted: list[float] = []
    failures: list[str] = []

    def on_job(job) -> None:
        if job.state is JobState.ACCEPTED:
            accepted.append(time.perf_counter())
        elif job.state is JobState.FAILED or job.reason:
            failures.append(f"{job.title}: {job.state.value} {job.reason}")

    bridge.job_changed.connect(on_job)
    with uow() as u:
        plans = {n: [(u.products.get(ln.sku).barcodes[0].code, ln.quantity)
                     for ln in u.orders.get(n).lines] for n in ready}
    samples = []
    for number, lines in plans.items():
        bench.handle_scan(number, "", "wedge")
        _spin_until(lambda: bench.session_id is not None)
        scans = [code for code, quantity in lines for _ in range(quantity)]
        for code in scans[:-1]:
            bench.handle_scan(code, "ean13", "wedge")
        _spin_until(lambda: not bench._busy and not bench._queue)
        QTest.qWait(300)
        scanner.type(scans[-1])
        started, count = time.perf_counter(), len(accepted)
        scanner.enter()
        deadline = time.perf_counter() + 30
        while len(accepted) == count and not failures and time.perf_counter() < deadline:
            QTest.qWait(2)
        if len(accepted) == count:
            raise RuntimeError(f"the carrier's label was not accepted: "
                               f"{failures or 'timed out'}")
        samples.append((accepted[-1] - started) * 1000)
    if len(carrier.bought) != len(samples):
        raise RuntimeError(f"{len(carrier.bought)} labels bought for {len(samples)} parcels")
    spooler.close()
    app.shutdown()
    store.dispose()
    carrier.stop()
    return samples


def run(orders: int = ORDERS) -> list[dict]:
    why_not = _cups_queue_ready()
    if why_not:
        return [{"key": "last_scan_to_label_carrier_ms", "value": float("nan"), "unit": "ms",
                 "note": f"not measured: {why_not}"}]
    with tempfile.TemporaryDirectory() as tmp:
        samples = _measure(Path(tmp), orders)
    note = (f"{len(samples)} orders; EasyPost test server answering each call after "
            f"{CARRIER_LATENCY_S * 1000:.0f} ms (look-up, create, buy, label file); the "
            "carrier's PDF to CUPS queue {QUEUE}; compare last_scan_to_spooler_ms").replace(
                "{QUEUE}", QUEUE)
    return [
        {"key": "last_scan_to_label_carrier_ms", "value": statistics.median(samples),
         "unit": "ms", "note": "median; " + note},
        {"key": "last_scan_to_label_carrier_max_ms", "value": max(samples), "unit": "ms",
         "note": note},
    ]
