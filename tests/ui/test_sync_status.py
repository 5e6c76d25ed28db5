"""The status bar follows the real runner's worker threads; review list approves for real."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from app.domain.orders import OrderStatus
from sync.runner import SyncRunner, adapter_factory
from sync.shopify import ShopifyAdapter, ShopifyCredentials
from tests.parts.sync_store import connect_shopify, connect_woo
from ui.failed_messages import build_failed_messages
from ui.review_list import ReviewListWidget
from ui.sync_status import SyncStatusWidget
from ui.tasks import TaskManager


def test_status_shows_results_then_offline_with_the_queue(qtbot, sync_uow, shopify_server,
                                                          credentials):
    connect_shopify(sync_uow, credentials, shopify_server)
    target = {"url": shopify_server.url}
    runner = SyncRunner(sync_uow, lambda channel: ShopifyAdapter(ShopifyCredentials(
        target["url"], shopify_server.token, shopify_server.location_id), timeout_s=1.0),
        interval_s=3600)
    widget = SyncStatusWidget(runner)
    qtbot.addWidget(widget)
    assert widget.summary.text() == "No sales channel set up"
    runner.start()
    try:
        qtbot.waitUntil(lambda: "shopify: 1 orders in" in widget.summary.text(), timeout=10_000)
        target["url"] = "http://127.0.0.1:9"  # the network goes away
        qtbot.mouseClick(widget.sync_now_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "OFFLINE" in widget.summary.text(), timeout=10_000)
        assert "shopify: OFFLINE, 0 waiting" in widget.summary.text()
        assert "color: #b00020" in widget.summary.styleSheet()
        target["url"] = shopify_server.url
        qtbot.mouseClick(widget.sync_now_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "OFFLINE" not in widget.summary.text(), timeout=20_000)
    finally:
        runner.stop()


def test_review_list_approves_an_order_once_stock_arrived(qtbot, sync_uow, shopify_server,
                                                          credentials):
    shopify_server.add_orders(1, lineItems={"nodes": [{
        "id": "gid://shopify/LineItem/8", "sku": "IPOD2008RED", "name": "Red", "quantity": 150,
        "originalUnitPriceSet": {"shopMoney": {"amount": "5.00", "currencyCode": "USD"}}}]})
    shopify_server.add_orders(1, createdAt="garbage")
    connect_shopify(sync_uow, credentials, shopify_server)
    SyncRunner(sync_uow, lambda channel: ShopifyAdapter(ShopifyCredentials(
        shopify_server.url, shopify_server.token, shopify_server.location_id))).run_once()
    tasks = TaskManager()
    widget = ReviewListWidget(sync_uow, "Sam", tasks)
    qtbot.addWidget(widget)
    qtbot.waitSignal(widget.refreshed, timeout=5000).wait()  # read on a worker
    assert widget.table.rowCount() == 2
    assert widget.table.item(0, 3).text() == "not enough stock for SKU IPOD2008RED"
    assert widget.table.item(1, 0).text() == "not imported"
    widget.table.selectRow(0)
    qtbot.mouseClick(widget.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.message.text() != "", timeout=5000)
    assert "IPOD2008RED" in widget.message.text() and widget.table.rowCount() == 2
    with sync_uow() as u:
        u.stock.get("IPOD2008RED").receive(100, u.now(), "Sam")
        u.commit()
        number = u.orders.needing_review()[0].number
    widget.table.selectRow(0)
    with qtbot.waitSignal(widget.changed, timeout=2000):
        qtbot.mouseClick(widget.approve_button, Qt.MouseButton.LeftButton)
    assert widget.table.rowCount() == 1
    with sync_uow() as u:
        assert u.orders.get(number).status == OrderStatus.READY
    widget.table.selectRow(0)
    assert not widget.approve_button.isEnabled() and widget.dismiss_button.isEnabled()
    with qtbot.waitSignal(widget.changed, timeout=5000):
        qtbot.mouseClick(widget.dismiss_button, Qt.MouseButton.LeftButton)
    assert widget.table.rowCount() == 0
    tasks.shutdown()


def test_a_channel_set_up_while_running_is_synced_on_sync_now(qtbot, sync_uow, shopify_server,
                                                              credentials):
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0), interval_s=3600)
    widget = SyncStatusWidget(runner)
    qtbot.addWidget(widget)
    runner.start()
    try:
        connect_shopify(sync_uow, credentials, shopify_server)  # no restart
        qtbot.mouseClick(widget.sync_now_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "shopify: 1 orders in" in widget.summary.text(), timeout=10_000)
    finally:
        runner.stop()


def test_a_failed_message_is_sent_again_from_the_window(qtbot, sync_uow, woo_server,
                                                        credentials):
    connect_woo(sync_uow, credentials, woo_server)
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0))
    opened = []
    widget = SyncStatusWidget(runner, open_failed=lambda: opened.append(
        build_failed_messages(sync_uow, None, "Sam", runner)))
    qtbot.addWidget(widget)
    assert widget.failed_button.isHidden()
    runner.run_once()  # the store sold Bar3, which the Woo shop does not list: FAILED
    assert "woocommerce: 2 orders in, 0 changes out, 1 failed (1 failed, waiting for a person)" in widget.summary.text()
    assert not widget.failed_button.isHidden()
    qtbot.mouseClick(widget.failed_button, Qt.MouseButton.LeftButton)
    (window,) = opened
    qtbot.addWidget(window)
    assert window.table.rowCount() == 1
    assert [window.table.item(0, c).text() for c in range(1, 4)] == [
        "woocommerce", "Stock level", "Bar3 = 99"]
    assert "0 products carry SKU 'Bar3'" in window.table.item(0, 4).text()
    assert not window.send_again_button.isEnabled()
    bar = copy.deepcopy(woo_server.products[794])  # fixed at the shop: it lists Bar3 now
    bar.update(id=901, sku="Bar3", stock_quantity=0)
    woo_server.products[901] = bar
    window.table.selectRow(0)
    with qtbot.waitSignal(window.sent_again, timeout=2000):
        qtbot.mouseClick(window.send_again_button, Qt.MouseButton.LeftButton)
    assert window.message.text().startswith("Message #") and "is queued again" in \
        window.message.text()
    assert window.table.rowCount() == 0
    runner.run_once()
    assert {"op": "stock_set", "sku": "Bar3", "quantity": 99} in woo_server.applied
    assert widget.failed_button.isHidden()


def test_a_channel_ban_shows_offline_until_it_ends(qtbot, sync_uow, taobao_server, credentials):
    from datetime import datetime, timedelta

    from tests.parts.sync_store import connect_taobao

    connect_taobao(sync_uow, credentials, taobao_server)
    taobao_server.answer_error("taobao.trades.sold.increment.get", 7, "App Call Limited",
                               "accesscontrol.limited-by-app-access-count",
                               "This ban will last for 31062 more seconds")
    runner = SyncRunner(sync_uow, adapter_factory(credentials, timeout_s=2.0), interval_s=3600)
    widget = SyncStatusWidget(runner)
    qtbot.addWidget(widget)
    runner.start()
    try:
        qtbot.waitUntil(lambda: "OFFLINE" in widget.summary.text(), timeout=20_000)
        back = (datetime.now().astimezone() + timedelta(seconds=31062))
        text = widget.summary.text()
        assert text.startswith("taobao: OFFLINE until "), text
        shown = datetime.strptime(text.split("until ")[1].split(",")[0], "%Y-%m-%d %H:%M")
        assert abs((shown - back.replace(tzinfo=None)).total_seconds()) < 180
        assert "31062" in widget.toolTip()
    finally:
        runner.stop()


def test_sync_now_with_no_channel_says_how_to_set_one_up(qtbot, sync_uow, monkeypatch):
    import ui.sync_status

    monkeypatch.setattr(ui.sync_status, "NO_CHANNEL_WAIT_MS", 200)
    runner = SyncRunner(sync_uow, adapter_factory(None), interval_s=3600)
    widget = SyncStatusWidget(runner)
    qtbot.addWidget(widget)
    runner.start()
    try:
        qtbot.mouseClick(widget.sync_now_button, Qt.MouseButton.LeftButton)
        assert widget.summary.text() == "Looking for sales channels…"  # main: nothing changed
        qtbot.waitUntil(lambda: "packdesk channel add" in widget.summary.text(), timeout=5000)
        assert "color: #b00020" in widget.summary.styleSheet()
        assert not widget.busy.isVisible()
    finally:
        runner.stop()
