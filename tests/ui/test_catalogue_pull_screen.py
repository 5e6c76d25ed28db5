"""The Products screen pulls the catalogue from a channel: the network on the I/O pool, each
page stored on the store worker, the table refreshed, and what was left out said."""

from __future__ import annotations

import pytest

from tests.parts.sync_store import connect_shopify
from ui.catalogue import ProductEditor
from ui.catalogue_pull import ChannelPullBar
from ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_the_products_screen_pulls_a_shopify_catalogue(qtbot, uow, tasks, credentials,
                                                       shopify_server):
    connect_shopify(uow, credentials, shopify_server, "shop")
    bar = ChannelPullBar(uow, tasks, "Sam", lambda: credentials)
    editor = ProductEditor(uow, tasks, pull_bar=bar)
    qtbot.addWidget(editor)
    qtbot.waitUntil(bar.pull_button.isEnabled, timeout=10000)
    assert bar.channel.currentText() == "shop (shopify)"
    with qtbot.waitSignal(bar.pulled, timeout=20000):
        bar.pull_button.click()
    qtbot.waitUntil(lambda: len(editor.rows) == 4, timeout=10000)
    assert bar.status.text() == ("From shop: 4 products added, 0 changed; opening stock 54 "
                                 "units for 3 SKUs.")
    notes = bar.notes.text().splitlines()
    assert notes[0] == ("Listed without a SKU, not taken: 1. Give them a SKU at the channel "
                        "and pull again.")
    assert notes[1].startswith("IPOD2008BLACK: Barcode left out")
    editor.table.selectRow(next(i for i, p in enumerate(editor.rows) if p.sku == "IPOD2008RED"))
    assert editor.weight.value() == 200
    assert editor.weight_source.text() == ("From channel shop; a pull follows its changes "
                                           "until a weight is typed here.")
    editor.weight.setValue(215)
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_button.click()
    assert editor.weight_source.text() == ("Set by a person; a pull from a channel never "
                                           "replaces it.")
    shopify_server.stop()
    with qtbot.waitSignal(bar.pull_button.clicked, timeout=5000):
        bar.pull_button.click()
    qtbot.waitUntil(lambda: bar.status.text().startswith("The catalogue was not pulled: "),
                    timeout=30000)
    assert bar.status.text().endswith("What was stored before stays.")
    assert bar.pull_button.isEnabled()


def test_no_channel_says_how_to_connect_one(qtbot, uow, tasks, credentials):
    bar = ChannelPullBar(uow, tasks, "Sam", lambda: credentials)
    qtbot.addWidget(bar)
    qtbot.waitUntil(lambda: "packdesk channel add" in bar.status.text(), timeout=10000)
    assert not bar.pull_button.isEnabled()
