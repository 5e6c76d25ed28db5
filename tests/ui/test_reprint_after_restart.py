"""REPRINT after the app restarted reprints this station's last label, same tracking number."""

from __future__ import annotations

from app.adapters.print_queue import StorePrintQueue
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.job_log import MemoryJobLog
from printing.order_documents import LabelPrinting
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from tests.ui.orders import tracking_number
from ui import station_parts
from ui.app import build_bench_app
from ui.print_log import PrintBridge


def _station(qtbot, store, uow, route):
    """The bench as main.py wires it: the spooler's queue in the store, printing attached."""
    bridge = PrintBridge()
    spooler = Spooler(MemoryJobLog(), on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(store.engine, "b1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelPrinting(route, spooler))
    station_parts.attach_printing(app, spooler, bridge, route, route, uow)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    return app, spooler


def _labels(folder, tracking):
    return sorted(p.name for p in folder.glob(f"*{tracking}*.pdf"))


def test_reprint_after_a_restart_reprints_the_stations_last_label(qtbot, demo_store, uow,
                                                                  one_item_order, tmp_path):
    route = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels"))
    app, spooler = _station(qtbot, demo_store, uow, route)
    try:
        with qtbot.waitSignal(app.bench.verdict_shown, timeout=5000):
            app.window.on_scan("PD-900777", "", "wedge")
        app.window.on_scan(one_item_order, "", "wedge")
        qtbot.waitUntil(lambda: "printed on" in app.bench.label_status.text(), timeout=15000)
    finally:
        app.shutdown()
        spooler.close()
    tracking = tracking_number(demo_store, "PD-900777")
    assert len(_labels(tmp_path / "labels", tracking)) == 1

    app, spooler = _station(qtbot, demo_store, uow, route)  # the app started again
    try:
        qtbot.waitUntil(lambda: app.bench.last_completion is not None, timeout=5000)
        app.window.on_scan("PD:REPRINT", "", "wedge")
        qtbot.waitUntil(lambda: "printed on" in app.bench.label_status.text(), timeout=15000)
        assert f"Label PD-900777 {tracking}" in app.bench.label_status.text()
        assert [job.state for job in spooler.jobs()] == [JobState.ACCEPTED]
    finally:
        app.shutdown()
        spooler.close()
    assert len(_labels(tmp_path / "labels", tracking)) == 2
