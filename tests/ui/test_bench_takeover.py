"""Two stations on one store: an order open at one is busy at the other, and a supervisor
takes it over from the busy banner. The order opens at the second bench, the takeover is
in the order's trail, and the first bench's next scan on it is refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.adapters.unit_of_work import uow_factory
from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app
from ui.dialogs import SupervisorDialog

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def _bench(qtbot, store, station: str, folder: Path):
    service = PackBenchService(uow_factory(store.session_factory, station=station))
    app = build_bench_app(service, StationSettings(station_id=station, language="en"), "test",
                          LabelToFolder(folder))
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    return app


@pytest.fixture
def two_benches(qtbot, demo_store, one_item_order, tmp_path):
    first = _bench(qtbot, demo_store, "bench-A", tmp_path / "a")
    second = _bench(qtbot, demo_store, "bench-B", tmp_path / "b")
    yield first, second, one_item_order
    second.shutdown()
    first.shutdown()


def _scan(qtbot, app, text, result=None):
    """Scan; the verdict shown (the one named: an item's verdict may be painted in advance,
    then corrected by the store's)."""
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000,
                          check_params_cb=(lambda r, _m: r == result) if result else None) \
            as shown:
        app.window.on_scan(text, "", "wedge")
    return tuple(shown.args)


def _supervisor_dialog(qtbot) -> SupervisorDialog:
    def shown():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, SupervisorDialog) and w.isVisible()]
    qtbot.waitUntil(lambda: bool(shown()), timeout=5000)
    return shown()[0]


def test_a_supervisor_takes_a_busy_order_over_at_the_second_bench(qtbot, two_benches, uow):
    first, second, item_code = two_benches
    assert _scan(qtbot, first, "PD-900777")[0] == "opened"

    result, message = _scan(qtbot, second, "PD-900777")
    assert result == "busy"
    assert "being packed by Ann at bench-A" in message
    assert "PD:TAKEOVER" in message  # the way on is named in the banner
    assert second.bench.takeover_button.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    second.window.grab().save(str(SHOTS / "bench-busy-takeover-offered.png"))

    second.bench.takeover_button.click()
    dialog = _supervisor_dialog(qtbot)
    assert "PD-900777" in dialog.windowTitle()
    dialog.name.setText("Sam")
    dialog.pin.setText("9999")
    dialog.reason.setCurrentText("Station A froze")
    with qtbot.waitSignal(second.bench.verdict_shown, timeout=10000) as shown:
        dialog.accept()
    result, message = shown.args
    assert result == "taken_over"
    assert message.startswith("Order PD-900777 taken over from Ann at bench-A")
    assert second.bench.session_id is not None
    assert second.bench.order.number == "PD-900777"
    assert not second.bench.takeover_button.isVisible()
    second.window.grab().save(str(SHOTS / "bench-taken-over.png"))

    # the first bench: refused, in words (its screen still shows the order it had)
    result, message = _scan(qtbot, first, item_code, "problem")
    assert message == ("Order PD-900777 was taken over by Ann at bench-B (supervisor Sam); "
                       "this station can no longer scan it.")
    assert first.bench.session_id is None  # the first bench is free for the next order

    assert _scan(qtbot, second, item_code)[0] == "verified"  # packing goes on at the second
    qtbot.waitUntil(lambda: second.bench.banner.property("result") == "complete", timeout=10000)
    with uow() as u:
        order = u.orders.get("PD-900777")
        assert order.status == "packed"
        takeover = [(t.by, t.station, t.reason) for t in order.transitions
                    if t.reason.startswith("taken over")]
    assert [(by, station) for by, station, _reason in takeover] == [("Sam", "bench-B")]
    assert "from Ann at bench-A for Ann: Station A froze" in takeover[0][2]


def test_a_wrong_pin_leaves_the_order_busy(qtbot, two_benches):
    first, second, _item = two_benches
    _scan(qtbot, first, "PD-900777")
    _scan(qtbot, second, "PD-900777")
    second.window.on_scan("PD:TAKEOVER", "", "wedge")
    dialog = _supervisor_dialog(qtbot)
    dialog.name.setText("Sam")
    dialog.pin.setText("0000")
    with qtbot.waitSignal(second.bench.verdict_shown, timeout=10000) as shown:
        dialog.accept()
    assert shown.args[0] == "problem"
    assert "not right" in shown.args[1]
    assert second.bench.session_id is None
    assert first.bench.session_id is not None
