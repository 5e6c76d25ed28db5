"""Smaller findings of issue 21 at the bench: an empty bench shows no "0 of 1 items", a
packer who leaves an order or the bench is told what became of the scans, the next
packer does not see the previous one's order, and an unknown code is in the scan log."""

from __future__ import annotations

import pytest

from app.services.bench import PackBenchService
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from ui.app import build_bench_app


@pytest.fixture
def bench_app(qtbot, demo_store, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path))
    qtbot.addWidget(app.window)
    app.window.show()
    _log_in(qtbot, app, "Ann", "1234")
    yield app
    app.shutdown()


def _log_in(qtbot, app, name: str, pin: str) -> None:
    app.window.on_scan(name, "", "badge")
    app.window.on_scan(pin, "", "badge")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)


def _scan(qtbot, app, text, result):
    with qtbot.waitSignal(app.bench.verdict_confirmed if result not in ("opened", "ready")
                          else app.bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda r, _m: r == result) as shown:
        app.window.on_scan(text, "", "wedge")
    return shown.args[1]


def _two_unit_order(uow) -> tuple[str, str]:
    """A ready order with a line of two units or more, and that line's barcode."""
    with uow() as u:
        for number in (f"PD-1000{i:02d}" for i in range(3, 40)):
            order = u.orders.get(number)
            if order is not None and order.status == "ready" and order.lines[0].quantity >= 2:
                product = u.products.get(order.lines[0].sku)
                return number, product.barcodes[0].code
    raise AssertionError("the demo store has no such order")


def test_an_empty_bench_shows_no_item_count(bench_app):
    assert bench_app.bench.session_id is None
    assert "0 of 1" not in bench_app.bench.progress.text()
    assert bench_app.bench.progress.text() == ""


def test_an_unknown_code_is_in_the_scan_log(qtbot, bench_app, uow):
    number, _code = _two_unit_order(uow)
    _scan(qtbot, bench_app, number, "opened")
    _scan(qtbot, bench_app, "NOPE-4711", "unknown_code")
    top = bench_app.bench.log.item(0)
    assert top is not None, "the scan log is empty"
    assert top.text().endswith("“NOPE-4711” is not a product code Packdesk knows.")


def test_leaving_an_order_says_its_verified_scans_no_longer_count(qtbot, bench_app, uow):
    number, code = _two_unit_order(uow)
    _scan(qtbot, bench_app, number, "opened")
    _scan(qtbot, bench_app, code, "verified")
    message = _scan(qtbot, bench_app, "PD:CANCEL", "ready")
    assert message == (f"Order {number} is back in the queue. Its 1 verified item no longer "
                       "counts: take it out of the box.")


def test_logging_out_parks_the_order_and_the_next_packer_starts_clean(qtbot, bench_app, uow):
    number, code = _two_unit_order(uow)
    _scan(qtbot, bench_app, number, "opened")
    _scan(qtbot, bench_app, code, "verified")
    bench_app.window.on_scan("PD:LOGOUT", "", "wedge")
    notice = bench_app.login.notice.text()
    assert f"Order {number} stays open at this station with 1 verified item" in notice
    _log_in(qtbot, bench_app, "Li Wei", "2468")
    bench = bench_app.bench
    assert bench.session_id is None and bench.order is None  # not Ann's order on screen
    assert bench.banner.text() == (f"Order {number} stays open for Ann with its verified "
                                   "items: scan it to go on with it.")
    assert bench.log.count() == 0
    with uow() as u:
        assert u.orders.get(number).items_verified == 1  # nothing was discarded


def test_a_reprint_says_so_on_the_banner(qtbot, bench_app, one_item_order):
    _scan(qtbot, bench_app, "PD-900777", "opened")
    with qtbot.waitSignal(bench_app.bench.label_done, timeout=10000):
        _scan(qtbot, bench_app, one_item_order, "verified")
    tracking = bench_app.bench.last_completion.tracking_number
    with qtbot.waitSignal(bench_app.bench.label_done, timeout=10000):
        message = _scan(qtbot, bench_app, "PD:REPRINT", "ready")  # main: the banner stayed
    assert message == f"Reprinting label {tracking} for PD-900777…"
    assert bench_app.bench.label_status.text().startswith("Label sent: ")


@pytest.mark.parametrize("width", [800, 1280])
def test_a_long_log_in_or_lock_notice_is_shown_whole(qtbot, width):
    from ui.login import LoginPage

    page = LoginPage(None, None, "b1")
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    page.reset("Logged out. Order PD-100005 stays open at this station with 3 verified items; "
               "scan it again to go on. Ann is locked after 5 wrong PINs in a row; try again "
               "in 30 s, or ask a supervisor.")
    notice = page.notice
    # main: 48 px high for a notice that needs three or four lines
    qtbot.waitUntil(lambda: notice.height() >= notice.heightForWidth(notice.width()),
                    timeout=2000)
    assert notice.heightForWidth(notice.width()) > notice.fontMetrics().lineSpacing()
