"""What the packer sees of a store fault: the message in the banner, a notice in the
status bar; never a traceback."""

import threading

from sqlalchemy import event

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app
from ui.station_parts import attach_store_notices


def test_a_read_only_store_and_a_store_notice_reach_the_packer(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    attach_store_notices(app, demo_store.notices)
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    # SQLite refuses every write from now on, as it does for a file made read-only
    event.listen(demo_store.engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA query_only=ON"))
    demo_store.engine.dispose()
    try:
        app.window.on_scan("PD-100001", "", "keyboard")
        qtbot.waitUntil(lambda: app.bench.banner.property("result") == "problem", timeout=15000)
        assert app.bench.banner.text().startswith(
            f"The store {demo_store.faults.path} is read-only, so Packdesk cannot record")
        said = threading.Thread(target=demo_store.notices.say, args=("Reconnected.",))
        said.start()
        said.join()
        qtbot.waitUntil(lambda: app.window.statusBar().currentMessage() == "Reconnected.",
                        timeout=5000)
    finally:
        app.shutdown()
