"""Lots through a packer's day: received with expiry, suggested first-expiry-first-out,
captured at pack, and a packed lot's units leave its balance."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.carriers import CarrierProfile
from app.services import receiving as rc
from app.services import stock
from app.services.bench import PackBenchService
from app.services.channel_stock import add_channel
from app.services.commands import CompletePack, OpenOrder, ScanItem
from app.services.intake import take_in
from tests.integration.test_stock_services import TEA, _incoming, seeded_uow


@pytest.fixture
def stock_uow(store):
    return seeded_uow(store)


def _receive_lots(uow) -> None:
    receipt = rc.open_receipt(rc.OpenReceipt("Ann"), uow())
    for uid, lot, expiry, units in (("a", "L-LATE", date(2027, 6, 30), 4),
                                    ("b", "L-SOON", date(2026, 12, 31), 2),
                                    ("c", "L-NODATE", None, 5)):
        rc.receive_scan(rc.ReceiveScan(receipt.id, uid, TEA, "Ann", units, lot, expiry), uow())


def test_fefo_suggests_the_lot_that_expires_first_and_covers_the_quantity(stock_uow):
    _receive_lots(stock_uow)
    assert [lot.lot for lot in stock.fefo_suggestion(stock_uow(), "TEA-1")] == ["L-SOON"]
    picks = stock.fefo_suggestion(stock_uow(), "TEA-1", quantity=3)
    assert [(lot.lot, lot.on_hand) for lot in picks] == [("L-SOON", 2), ("L-LATE", 4)]
    assert [lot.lot for lot in stock.lots(stock_uow(), "TEA-1")] == \
        ["L-SOON", "L-LATE", "L-NODATE"]


def test_a_lot_captured_at_pack_leaves_that_lots_balance(stock_uow):
    _receive_lots(stock_uow)
    with stock_uow() as work:
        work.carriers.add(CarrierProfile("OWN", "Own fleet", prefix="PD"))
        work.commit()
    add_channel(stock_uow(), "shop", "shopify")
    [created] = take_in([_incoming("shop", "2001")], stock_uow())
    bench = PackBenchService(stock_uow)
    opened = bench.open_order(OpenOrder(created.order_number, "Ann"))
    for uid in ("p1", "p2"):
        bench.scan_item(ScanItem(opened.session_id, uid, TEA, lot="L-SOON"))
    balances = {lot.lot: lot.on_hand for lot in stock.lots(stock_uow(), "TEA-1")}
    assert balances["L-SOON"] == 2  # still on the bench, not yet shipped
    bench.complete(CompletePack(opened.session_id))
    lots = stock.fefo_suggestion(stock_uow(), "TEA-1")
    assert [lot.lot for lot in lots] == ["L-LATE"]  # the soonest lot is gone
    assert "L-SOON" not in {lot.lot for lot in stock.lots(stock_uow(), "TEA-1")}
