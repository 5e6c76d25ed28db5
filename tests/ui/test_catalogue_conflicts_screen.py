"""The supervisor's "Differences to settle": Shopify and WooCommerce (local servers from
their docs) disagree about one SKU; the screen lists each difference, keeping or taking a
side changes the product on the store worker, and the list empties as they are settled."""

from __future__ import annotations

import pytest

from app.services.catalogue_conflicts import product_trail
from sync.catalogue_pull import pull_catalogue
from tests.parts.sync_store import connect_shopify, connect_woo
from ui.catalogue_conflicts import CatalogueConflictsScreen
from ui.tasks import TaskManager

SKU = "IPOD2008RED"


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _row(screen, field):
    return next(i for i, c in enumerate(screen.rows) if c.field == field)


def test_a_supervisor_settles_what_two_channels_disagree_about(
        qtbot, uow, tasks, credentials, shopify_server, woo_server):
    connect_shopify(uow, credentials, shopify_server, "shop")
    connect_woo(uow, credentials, woo_server, "woo")
    pull_catalogue(uow, "shop", "Sam", credentials)
    woo_server.add_simple_product(901, SKU, "iPod Nano 8 GB red", "0.25")
    pull_catalogue(uow, "woo", "Sam", credentials)
    screen = CatalogueConflictsScreen(uow, tasks, "Mei")
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: len(screen.rows) == 2, timeout=10000)
    assert sorted(c.field for c in screen.rows) == ["name", "weight_g"]
    texts = [[screen.table.item(r, c).text() for c in range(5)]
             for r in range(screen.table.rowCount())]
    assert [SKU, "IPod Nano - 8gb – red", "Weight (g)", "200 (from shop)", "250 (from woo)"] \
        in texts
    assert [SKU, "IPod Nano - 8gb – red", "Name", "IPod Nano - 8gb – red (from shop)",
            "iPod Nano 8 GB red (from woo)"] in texts
    assert not screen.take_button.isEnabled()  # nothing chosen yet

    screen.table.selectRow(_row(screen, "weight_g"))
    assert screen.take_button.isEnabled()
    with qtbot.waitSignal(screen.settled, timeout=10000), \
            qtbot.waitSignal(screen.refreshed, timeout=10000):
        screen.take_button.click()
    assert screen.notice.text() == f"{SKU}: Weight (g) is now 250."
    assert [c.field for c in screen.rows] == ["name"]
    screen.table.selectRow(0)
    with qtbot.waitSignal(screen.refreshed, timeout=10000):
        screen.keep_button.click()
    assert screen.rows == []
    assert screen.notice.text() == ("No differences to settle: the channels and the products "
                                    "agree.")
    with uow() as u:
        product = u.products.get(SKU)
        assert (product.name, product.weight_g, product.weight_from_channel) == (
            "IPod Nano - 8gb – red", 250, "woo")
    assert [(t.field, t.chosen, t.settled_by) for t in product_trail(uow(), SKU)] == [
        ("name", "kept", "Mei"), ("weight_g", "offered", "Mei")]
    # the trail, on the same screen: who chose what; a settled row cannot be chosen again
    with qtbot.waitSignal(screen.refreshed, timeout=10000):
        screen.settled_too.setChecked(True)
    settled = [screen.table.item(r, 5).text() for r in range(screen.table.rowCount())]
    assert [s.split(",")[0] for s in settled] == ["Mei kept the product's",
                                                  "Mei took the channel's"]
    screen.table.selectRow(0)
    assert not screen.take_button.isEnabled() and not screen.keep_button.isEnabled()
    assert screen.notice.text().startswith("No differences to settle")
