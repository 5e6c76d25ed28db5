"""A merged parcel at the bench, driven by key events: the offer, PD:MERGE, every order's
items, one label; and a cancellation mid-parcel dropped with PD:DROP."""

import pytest
from PySide6.QtTest import QTest

from app.services.bench import PackBenchService
from app.services.intake import take_in_with_retries
from app.settings import StationSettings
from printing.order_documents import LabelToFolder
from tests.e2e.driver import scan, type_keys
from tests.parts.parcel_store import PARCEL, incoming
from ui.app import build_bench_app

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def bench_app(qtbot, parcel_orders, uow, tmp_path):
    app = build_bench_app(PackBenchService(uow), StationSettings(station_id="b1", language="en"),
                          "test", LabelToFolder(tmp_path / "labels"))
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    qtbot.waitUntil(app.login.name.hasFocus)
    type_keys(app.window, "Ann")
    type_keys(app.window, "1234")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.bench, timeout=5000)
    yield app
    app.shutdown()


def _expect(qtbot, bench, result):
    return qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                            check_params_cb=lambda r, _m: r == result)


def _open_and_merge(qtbot, app, parcel_orders):
    bench = app.bench
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    with _expect(qtbot, bench, "opened") as opened:
        scan(app.window, shop1)
    assert f"2 more orders for this buyer and address: {tb1}, {shop2}" in opened.args[1]
    assert bench.merge_button.isVisible() and "+2" in bench.merge_button.text()
    assert bench.lines.isColumnHidden(5)  # one order: no order column
    with _expect(qtbot, bench, "opened") as merged:
        scan(app.window, "PD:MERGE")
    assert "One parcel for 3 orders" in merged.args[1]
    assert not bench.merge_button.isVisible() and bench.drop_button.isVisible()
    assert not bench.lines.isColumnHidden(5)
    model = bench.lines_model
    assert [model.order_at(r) for r in range(model.rowCount())] == [tb1, shop1, shop1, shop2]
    assert model.data(model.index(0, 5)) == tb1
    assert bench.order_number.text() == "One parcel: 3 orders"
    return bench


def test_the_packer_packs_three_orders_in_one_parcel_and_one_label_prints(
        qtbot, bench_app, parcel_orders, uow, tmp_path):
    bench = _open_and_merge(qtbot, bench_app, parcel_orders)
    tb1 = parcel_orders["tb-1"]
    with _expect(qtbot, bench, "verified") as first:
        scan(bench_app.window, "SCAN-TB-CUP-RED")
    assert first.args[1].endswith(f"for order {tb1}")  # the oldest order first
    for code in ("SCAN-TB-CUP-RED", "SCAN-TB-CUP-RED", "SCAN-WOO-SKU-0"):
        with _expect(qtbot, bench, "verified"):
            scan(bench_app.window, code)
    with _expect(qtbot, bench, "over_scan"):
        scan(bench_app.window, "SCAN-TB-CUP-RED")
    with _expect(qtbot, bench, "undone"):
        scan(bench_app.window, "PD:UNDO")  # takes back the last counted scan: WOO-SKU-0
    for _ in range(2):
        with _expect(qtbot, bench, "verified"):
            scan(bench_app.window, "SCAN-WOO-SKU-0")
    labels = []
    bench.label_done.connect(labels.append)
    with qtbot.waitSignal(bench.label_done, timeout=15000):
        scan(bench_app.window, "SCAN-IPOD2008RED")
    assert bench.banner.property("result") == "complete"
    assert "packed in one parcel" in bench.banner.text()
    QTest.qWait(200)  # a second label would have been on its way by now
    assert len(labels) == 1 and len(list((tmp_path / "labels").glob("*.pdf"))) == 1
    with uow() as u:
        orders = [u.orders.get(n) for n in parcel_orders.values()]
        assert {o.status for o in orders} == {"packed"}
        assert len({o.tracking_number for o in orders}) == 1


def test_a_cancellation_mid_parcel_stays_loud_and_pd_drop_takes_the_order_out(
        qtbot, bench_app, parcel_orders, uow):
    bench = _open_and_merge(qtbot, bench_app, parcel_orders)
    tb1 = parcel_orders["tb-1"]
    with _expect(qtbot, bench, "verified"):
        scan(bench_app.window, "SCAN-TB-CUP-RED")
    channel, order_id, hours, *lines = PARCEL["tb-1"]
    # as the sync runner takes it in: the bench's scan may still be writing the same order
    take_in_with_retries([incoming(channel, order_id, hours, *lines, status="cancelled")], uow)
    with _expect(qtbot, bench, "cancelled") as refused:
        scan(bench_app.window, "SCAN-WOO-SKU-0")
    assert tb1 in refused.args[1] and "PD:DROP" in refused.args[1]
    assert bench.banner.lineWidth() == 8 and bench.session_id is not None
    assert tb1 in bench.order_meta.text() and "CANCELLED" in bench.order_meta.text()
    with _expect(qtbot, bench, "dropped") as dropped:
        scan(bench_app.window, "PD:DROP")
    assert f"Cancelled order {tb1} is out of the parcel" in dropped.args[1]
    assert tb1 not in bench.order.numbers
    with _expect(qtbot, bench, "verified") as counted:
        scan(bench_app.window, "SCAN-TB-CUP-RED")
    assert counted.args[1].endswith(f"for order {parcel_orders['shop-1']}")


def test_refusing_the_offer_packs_the_order_alone_after_one_more_scan(qtbot, bench_app,
                                                                      parcel_orders, uow):
    """With orders waiting to join, the last item does not print the label at once: the
    packer may still merge. PD:COMPLETE ships the order alone, as before."""
    bench, shop2 = bench_app.bench, parcel_orders["shop-2"]
    with _expect(qtbot, bench, "opened"):
        scan(bench_app.window, shop2)
    with qtbot.waitSignal(bench.verdict_shown, timeout=5000,
                          check_params_cb=lambda _r, m: "PD:COMPLETE" in m) as held:
        scan(bench_app.window, "SCAN-IPOD2008RED")
    assert "ship it alone" in held.args[1] and bench.session_id is not None
    with qtbot.waitSignal(bench.label_done, timeout=15000):
        scan(bench_app.window, "PD:COMPLETE")
    with uow() as u:
        assert u.orders.get(shop2).status == "packed"
        assert u.orders.get(parcel_orders["tb-1"]).status == "ready"
