"""A label that did not print is not a success: the bench says so, loudly, and holds the
next order until the label printed, the printer was changed, or the packer scans
PD:SKIPLABEL to pack on without it (recorded in the order's trail).

The printer is a real raw-TCP (ZPL) printer path: "off" is a port on 127.0.0.1 that
refuses connections, "back on" is a listener on the same port.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.adapters.print_queue import StorePrintQueue
from app.domain.orders import Address, Order, OrderLine
from app.services.bench import PackBenchService
from app.settings import StationSettings
from main import _label_route
from printing.job_log import MemoryJobLog
from printing.order_documents import LabelPrinting
from printing.spooler import JobState, RetryPolicy, Spooler
from printing.station import PrinterKind, Route
from tests.parts.cups import ZplListener, free_port
from tests.ui.orders import tracking_number
from ui import station_parts
from ui.app import build_bench_app
from ui.print_log import PrintBridge
from ui.settings_dialog import SettingsDialog

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
QUICK_RETRY = RetryPolicy(first_delay=0.2, factor=1.5, max_delay=0.5)


def _station(qtbot, store, uow, route, who=("Ann", "1234"), language="en"):
    """The bench as main.py wires it, with a spooler that retries a printer quickly."""
    bridge = PrintBridge()
    spooler = Spooler(MemoryJobLog(), retry=QUICK_RETRY, on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(store.engine, "b1"))
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language=language),
                          "test", LabelPrinting(route, spooler))
    station_parts.attach_printing(app, spooler, bridge, route, route, uow)
    qtbot.addWidget(app.window)
    app.window.resize(1280, 800)
    app.window.show()
    app.window.on_scan(who[0], "", "badge")
    app.window.on_scan(who[1], "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    return app, spooler


def _second_order(uow) -> str:
    """A ready order for another buyer (so no merge offer), scanned after the first."""
    with uow() as u:
        mug = u.products.get("TEA-001")
        order = Order("PD-900778", "manual", "#778", "Zhang Min", "+86 10 5555 0202",
                      Address("Zhang Min", "+86 10 5555 0202", "1 Chang'an Avenue",
                              city="Beijing", postcode="100000", country="CN"),
                      [OrderLine(mug.sku, mug.name, 1)])
        u.orders.add(order)
        u.stock.get(mug.sku).reserve(1, order.number, u.now(), "intake")
        u.commit()
        return order.number


def _status(uow, number: str) -> str:
    with uow() as u:
        return str(u.orders.get(number).status)


def _result(app) -> str:
    return app.bench.banner.property("result")


def _banner_is(app, result: str) -> None:
    """For waitUntil: fails with what the bench shows instead."""
    assert _result(app) == result, (f"the banner is {_result(app)!r}: "
                                    f"{app.bench.banner.text()!r}; label line: "
                                    f"{app.bench.label_status.text()!r}")


def _pack_first_order(qtbot, app, item_code: str) -> None:
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=5000):
        app.window.on_scan("PD-900777", "", "wedge")
    app.window.on_scan(item_code, "", "wedge")
    qtbot.waitUntil(lambda: _banner_is(app, "label_not_printed"), timeout=20000)


def _scan_and_wait(qtbot, app, code: str) -> tuple[str, str]:
    with qtbot.waitSignal(app.bench.verdict_shown, timeout=10000) as shown:
        app.window.on_scan(code, "", "wedge")
    return tuple(shown.args)


def test_a_label_for_a_printer_that_is_off_holds_the_next_order_until_it_prints(
        qtbot, demo_store, uow, one_item_order):
    port = free_port()  # nothing listens: the printer is off
    route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{port}")
    other = _second_order(uow)
    app, spooler = _station(qtbot, demo_store, uow, route)
    printer = None
    try:
        _pack_first_order(qtbot, app, one_item_order)
        banner = app.bench.banner.text()
        assert banner.startswith("Label for PD-900777 not printed: ")
        assert f"label printer 127.0.0.1:{port}" in banner  # which printer
        assert "nothing answers on the port" in banner  # and why
        assert "PD:SKIPLABEL" in banner  # and the way on
        SHOTS.mkdir(parents=True, exist_ok=True)
        app.window.grab().save(str(SHOTS / "bench-label-not-printed.png"))

        result, message = _scan_and_wait(qtbot, app, other)  # the next order is refused
        assert result == "label_not_printed"
        assert message.startswith("Label for PD-900777 not printed")
        assert app.bench.session_id is None
        assert _status(uow, other) == "ready"

        printer = ZplListener(port)  # the printer is switched on: the job goes out
        qtbot.waitUntil(lambda: _banner_is(app, "label_printed"), timeout=20000)
        tracking = tracking_number(demo_store, "PD-900777")
        assert app.bench.banner.text().startswith(
            f"Label for PD-900777 printed on label printer 127.0.0.1:{port}.")
        assert tracking.encode() in printer.wait_for(1)[0]
        app.window.grab().save(str(SHOTS / "bench-label-printed-after-all.png"))

        result, _message = _scan_and_wait(qtbot, app, other)  # and the bench packs on
        assert result == "opened"
        assert _status(uow, other) == "packing"
    finally:
        app.shutdown()
        spooler.close()
        if printer is not None:
            printer.close()


def test_the_packer_scans_skiplabel_to_pack_on_and_the_order_trail_says_so(
        qtbot, demo_store, uow, one_item_order):
    port = free_port()
    route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{port}")
    other = _second_order(uow)
    app, spooler = _station(qtbot, demo_store, uow, route)
    try:
        _pack_first_order(qtbot, app, one_item_order)
        result, message = _scan_and_wait(qtbot, app, "PD:SKIPLABEL")
        assert result == "ready"
        assert message.startswith("Packing on without the label for PD-900777")
        result, _message = _scan_and_wait(qtbot, app, other)
        assert result == "opened"
        with uow() as u:
            trail = [(t.by, t.reason) for t in u.orders.get("PD-900777").transitions]
        assert any(by == "Ann" and reason.startswith("packed on without its label")
                   and f"127.0.0.1:{port}" in reason for by, reason in trail), trail
        job = [j for j in spooler.jobs() if j.subject == "PD-900777"][0]
        assert job.state is JobState.QUEUED  # still waits: it prints when the printer is back
    finally:
        app.shutdown()
        spooler.close()


def test_changing_the_label_printer_sends_the_label_there_and_frees_the_bench(
        qtbot, demo_store, uow, one_item_order, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # settings.json goes here
    port = free_port()
    settings = StationSettings(station_id="b1", language="en", label_printer="zpl_tcp",
                               label_printer_target=f"127.0.0.1:{port}")
    other = _second_order(uow)
    # station settings need a supervisor (app/services/permissions.py): Sam packs here
    app, spooler = _station(qtbot, demo_store, uow, _label_route(settings), ("Sam", "9999"))
    station_parts.attach_settings(app, settings, _label_route)  # as main.py wires it
    try:
        _pack_first_order(qtbot, app, one_item_order)
        [action] = [a for a in app.window.settings_menu.actions()
                    if a.text() == "Station settings…"]
        action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SettingsDialog) and w.isVisible())
        folder = tmp_path / "labels"
        dialog.printer.setCurrentIndex(dialog.printer.findData("pdf_folder"))
        dialog.target.setText(str(folder))
        dialog.accept()  # the supervisor chose another label printer: a PDF folder
        qtbot.waitUntil(lambda: _banner_is(app, "label_printed"), timeout=20000)
        assert app.bench.banner.text().startswith(f"Label for PD-900777 printed on folder {folder}.")
        tracking = tracking_number(demo_store, "PD-900777")
        assert len(list(folder.glob(f"*{tracking}*.pdf"))) == 1
        states = [j.state for j in spooler.jobs() if j.subject == "PD-900777"]
        assert sorted(states) == sorted([JobState.CANCELLED, JobState.ACCEPTED])
        result, _message = _scan_and_wait(qtbot, app, other)
        assert result == "opened"
    finally:
        app.shutdown()
        spooler.close()


class _ReturnsAfterThePrinterSpoke:
    """The label output, whose own answer ("job 3 → printer") reaches the bench only after
    the spooler said the printer is off: the order the two arrive in on a busy station."""

    def __init__(self, inner: LabelPrinting, spoke) -> None:
        self.inner, self.spoke = inner, spoke
        self.printer, self.spooler = inner.printer, inner.spooler

    def __call__(self, completion):
        where = self.inner(completion)
        assert self.spoke.wait(20), "the spooler never said the printer is off"
        return where


def test_the_label_line_stays_red_when_the_label_went_to_a_printer_that_is_off(
        qtbot, demo_store, uow, one_item_order):
    import threading

    port = free_port()  # nothing listens
    route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{port}")
    bridge = PrintBridge()
    # the next try is a minute away: what the line says after the first one is what stays
    spooler = Spooler(MemoryJobLog(), retry=RetryPolicy(first_delay=60, factor=1, max_delay=60),
                      on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(demo_store.engine, "b1"))
    spoke = threading.Event()
    bridge.job_changed.connect(lambda job: spoke.set() if job.reason else None)
    output = _ReturnsAfterThePrinterSpoke(LabelPrinting(route, spooler), spoke)
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", output)
    station_parts.attach_printing(app, spooler, bridge, route, route, uow)
    qtbot.addWidget(app.window)
    app.window.show()
    app.window.on_scan("Ann", "", "badge")
    app.window.on_scan("1234", "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    try:
        with qtbot.waitSignal(app.bench.label_done, timeout=30000):  # the late "job → printer"
            _pack_first_order(qtbot, app, one_item_order)
        status = app.bench.label_status
        assert status.property("ok") is False, status.text()  # main: green "Label: job 1 → …"
        assert "#b71c1c" in status.styleSheet()
        assert "waits" in status.text() or "NOT printed" in status.text()
        assert status.wordWrap()  # a long reason wraps instead of being cut off
    finally:
        app.shutdown()
        spooler.close()


def test_the_label_not_printed_banner_reads_whole_in_chinese(qtbot, qapp, demo_store, uow,
                                                            one_item_order):
    """The same hold on a Chinese station: the banner says it all in Chinese, nothing of it
    or of the label line below is cut off, and the picture is kept to look at."""
    from tests.parts.text_fit import clipped_texts
    from ui.i18n import install_translator

    route = Route(PrinterKind.ZPL_TCP, f"127.0.0.1:{free_port()}")  # the printer is off
    app, spooler = _station(qtbot, demo_store, uow, route, language="zh_CN")
    try:
        _pack_first_order(qtbot, app, one_item_order)
        banner = app.bench.banner.text()
        assert banner.startswith("PD-900777 的面单未打印："), banner
        assert "扫描 PD:SKIPLABEL 继续打包" in banner
        assert "面单打印机 127.0.0.1:" in banner and "该端口无响应" in banner  # printer, why
        qtbot.waitUntil(lambda: app.bench.label_status.text() != "", timeout=10000)
        line = app.bench.label_status.text()
        assert "nothing answers" not in banner + line and "Label" not in line, line
        SHOTS.mkdir(parents=True, exist_ok=True)
        app.window.grab().save(str(SHOTS / "bench-label-not-printed-zh_CN.png"))
        assert clipped_texts(app.window) == []
    finally:
        app.shutdown()
        spooler.close()
        install_translator(qapp, "en")
