"""A full disk when the label is written: the packer is told where, nothing half-written is
left, the tracking number stays with the order, and REPRINT prints it once there is room."""

from __future__ import annotations

from sqlalchemy import select

from app.adapters import orm
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from tests.ui.orders import tracking_number
from ui.app import build_bench_app


def _sequences(store) -> dict[str, int]:
    with store.engine.connect() as db:
        c = orm.carrier_profiles.c
        return dict(db.execute(select(c.code, c.next_sequence)).all())


def test_a_full_disk_leaves_no_label_behind_and_reprint_uses_the_same_number(
        qtbot, demo_store, uow, one_item_order, full_disk):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(full_disk.folder))
    qtbot.addWidget(app.window)
    app.window.show()
    bench = app.bench
    try:
        app.window.on_scan("Ann", "", "badge")
        app.window.on_scan("1234", "", "badge")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is bench, timeout=5000)
        before = _sequences(demo_store)
        with qtbot.waitSignal(bench.verdict_shown, timeout=5000):
            app.window.on_scan("PD-900777", "", "wedge")
        app.window.on_scan(one_item_order, "", "wedge")
        qtbot.waitUntil(lambda: "NOT printed" in bench.label_status.text(), timeout=15000)
        status = bench.label_status.text()
        assert f"label not saved: disk full at {full_disk.folder}" in status
        assert "Errno" not in status
        left = sorted(p.name for p in full_disk.folder.iterdir() if p.name != "filler.bin")
        assert left == [], f"a half-written label was left behind: {left}"
        tracking = tracking_number(demo_store, "PD-900777")
        spent = {code: _sequences(demo_store)[code] - n for code, n in before.items()}
        assert sorted(spent.values()) == [0] * (len(spent) - 1) + [1]  # one number, kept

        full_disk.make_room()
        with qtbot.waitSignal(bench.label_done, timeout=15000) as done:
            app.window.on_scan("PD:REPRINT", "", "wedge")
        labels = [p for p in full_disk.folder.iterdir() if p.suffix == ".pdf"]
        assert [p.name for p in labels] == [f"PD-900777-{tracking}.pdf"]
        assert str(labels[0]) == done.args[0] and labels[0].stat().st_size > 1000
        assert _sequences(demo_store) == {code: n + spent[code] for code, n in before.items()}
    finally:
        app.shutdown()
