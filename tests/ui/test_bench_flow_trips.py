"""The last item of an order: one trip to the store worker scans it and packs the order.

Before the bench's workflow moved into the core (app/services/bench_flow.py), the widget
sent the scan, read the verdict, then sent the completion: two trips for the last scan,
each waiting behind whatever else the store worker had queued.
"""

import pytest

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app


@pytest.fixture
def counted_bench(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    trips = []
    run_in_store = app.bench.tasks.run_in_store

    def counted(work, on_done=None, on_failed=None):
        trips.append(work)
        return run_in_store(work, on_done, on_failed)

    app.bench.tasks.run_in_store = counted
    yield app, trips
    app.shutdown()


def test_the_last_scan_of_an_order_is_one_store_trip(qtbot, counted_bench, uow):
    app, trips = counted_bench
    bench = app.bench
    with uow() as u:
        lines = [(u.products.get(line.sku).barcodes[0].code, line.quantity)
                 for line in u.orders.get("PD-100001").lines]
    scans = [code for code, quantity in lines for _ in range(quantity)]
    assert len(scans) > 1
    app.window.on_scan("PD-100001", "", "wedge")
    qtbot.waitUntil(lambda: bench.session_id is not None, timeout=5000)
    for code in scans[:-1]:
        app.window.on_scan(code, "ean13", "wedge")
    qtbot.waitUntil(lambda: not bench._busy and not bench._queue, timeout=5000)
    trips.clear()
    with qtbot.waitSignal(bench.label_done, timeout=10000):
        app.window.on_scan(scans[-1], "ean13", "wedge")
    qtbot.waitUntil(lambda: not bench._busy and not bench._queue, timeout=5000)
    assert bench.session_id is None
    assert "packed" in bench.banner.text()
    assert len(trips) == 1


def test_the_label_goes_to_the_io_pool_before_the_main_thread_takes_the_answer(
        qtbot, demo_store, uow, tmp_path):
    """The label used to wait for the main thread: the store's answer, the paint of
    "packed", then the label sent to the io pool. Now the store worker sends it on as soon
    as the completion is stored: here the label is rendered while the main thread has not
    yet taken the answer, and the bench then says where it went, as before."""
    import threading

    rendered = threading.Event()
    to_folder = LabelToFolder(tmp_path)
    where_from = []

    def label_output(completion):
        where_from.append(threading.current_thread().name)
        rendered.set()
        return to_folder(completion)

    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", label_output)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    bench = app.bench
    with uow() as u:
        lines = [(u.products.get(line.sku).barcodes[0].code, line.quantity)
                 for line in u.orders.get("PD-100001").lines]
    scans = [code for code, quantity in lines for _ in range(quantity)]
    app.window.on_scan("PD-100001", "", "wedge")
    qtbot.waitUntil(lambda: bench.session_id is not None, timeout=5000)
    for code in scans[:-1]:
        app.window.on_scan(code, "ean13", "wedge")
    qtbot.waitUntil(lambda: not bench._busy and not bench._queue, timeout=5000)
    app.window.on_scan(scans[-1], "ean13", "wedge")  # sent to the store worker at once
    assert rendered.wait(timeout=15)  # the main thread runs no event meanwhile
    assert bench.session_id is not None  # the answer is not taken yet
    assert where_from[0].startswith("io")
    with qtbot.waitSignal(bench.label_done, timeout=10000) as done:
        pass
    assert done.args[0].endswith(".pdf")
    assert "packed" in bench.banner.text()
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # rendered once, not again by the bench
    app.shutdown()
