"""Stock services on a real SQLite store: history, frozen units, quotas, reservations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.barcodes import gtin_check_digit
from app.domain.errors import NotAllowed
from app.domain.orders import Address
from app.domain.people import Role
from app.domain.products import Product
from app.domain.stock import InsufficientStock, StockItem, StockMove, replay
from app.services import stock
from app.services.auth import add_packer
from app.services.channel_stock import add_channel, list_sku, set_stock_rules
from app.services.commands import SupervisorApproval
from app.services.intake import IncomingLine, IncomingOrder, take_in
from tests.parts.store import FIXED_NOW


def gtin(body: str) -> str:
    return body + str(gtin_check_digit(body))


TEA = gtin("690123456789")
SOAP = gtin("690123456790")
CASE_OF_TEA = gtin("1690123456789")
SAM = SupervisorApproval("Sam", "9999", "box crushed in transit")


def clock():
    ticks = iter(range(1_000_000))
    return lambda: FIXED_NOW + timedelta(seconds=next(ticks))


def seed(uow, units: dict[str, int] | None = None) -> None:
    """Two products in bin A-01 (tea with a case code), a packer and a supervisor."""
    add_packer(uow(), "Ann", "1234")
    add_packer(uow(), "Sam", "9999", Role.SUPERVISOR)
    with uow() as work:
        tea = Product("TEA-1", "Green tea 100 g", bin_location="A-01")
        tea.add_barcode(TEA)
        tea.add_barcode(CASE_OF_TEA, pack_quantity=6, kind="case")
        soap = Product("SOAP-1", "Olive soap", bin_location="A-01")
        soap.add_barcode(SOAP)
        work.products.add(tea)
        work.products.add(soap)
        for sku, count in (units or {"TEA-1": 10, "SOAP-1": 4}).items():
            item = StockItem(sku)
            item.receive(count, work.now(), "setup", station="test-bench")
            work.stock.add(item)
        work.commit()


def seeded_uow(store):
    """A unit-of-work factory for station bench-2 on a freshly seeded store."""
    factory = uow_factory(store.session_factory, station="bench-2", clock=clock())
    seed(factory)
    return factory


@pytest.fixture
def stock_uow(store):
    return seeded_uow(store)


def all_moves(uow, sku: str):
    """Plain copies of the SKU's moves (ORM objects must not leave their unit of work)."""
    with uow() as work:
        return [StockMove(m.sku, m.from_bucket, m.to_bucket, m.quantity, m.reason, m.at, m.by,
                          m.station, m.order_number) for m in work.ledger.ledger(sku, 100000)[1]]


def test_history_explains_every_figure_move_by_move(stock_uow):
    stock.freeze(stock.FreezeStock("TEA-1", 2, "damaged: box crushed", "Ann"), stock_uow())
    stock.reserve(stock.ReserveStock("TEA-1", 3, "PD-1", "intake"), stock_uow())
    history = stock.stock_history(stock_uow(), "TEA-1")
    assert history.consistent
    assert [r.reason for r in history.rows] == ["receipt", "damaged: box crushed", "reserved"]
    last = history.rows[-1]
    assert last.totals == {"available": 5, "awaiting_shipment": 3, "frozen": 2, "shipped": 0,
                           "returns_in_transit": 0}
    assert last.sellable == history.level.sellable == 5
    assert history.level.on_hand == 10
    assert {r.station for r in history.rows[1:]} == {"bench-2"}


def test_history_window_starts_from_the_opening_balance(stock_uow):
    for number in range(5):
        stock.reserve(stock.ReserveStock("TEA-1", 1, f"PD-{number}", "intake"), stock_uow())
    history = stock.stock_history(stock_uow(), "TEA-1", limit=2)
    assert history.opening["available"] == 7 and history.opening["awaiting_shipment"] == 3
    assert [r.totals["available"] for r in history.rows] == [6, 5]
    assert history.consistent


def test_frozen_units_stop_being_sellable_and_come_back(stock_uow):
    level = stock.freeze(stock.FreezeStock("SOAP-1", 3, "quarantine", "Ann"), stock_uow())
    assert (level.available, level.frozen, level.sellable) == (1, 3, 1)
    level = stock.release_frozen(stock.ReleaseFrozen("SOAP-1", 2, "Ann"), stock_uow())
    assert (level.available, level.frozen) == (3, 1)


def test_freezing_needs_a_known_reason_and_writing_off_a_supervisor(stock_uow):
    with pytest.raises(Exception, match="Say why the units are frozen"):
        stock.freeze(stock.FreezeStock("SOAP-1", 1, "dunno", "Ann"), stock_uow())
    stock.freeze(stock.FreezeStock("SOAP-1", 2, "damaged", "Ann"), stock_uow())
    with pytest.raises(NotAllowed, match="supervisor"):
        stock.release_frozen(stock.ReleaseFrozen("SOAP-1", 2, "Ann", scrap=True), stock_uow())
    ann = SupervisorApproval("Ann", "1234", "wet")
    with pytest.raises(NotAllowed, match="not a supervisor"):
        stock.release_frozen(stock.ReleaseFrozen("SOAP-1", 2, "Ann", True, ann), stock_uow())
    level = stock.release_frozen(stock.ReleaseFrozen("SOAP-1", 2, "Ann", True, SAM), stock_uow())
    assert (level.frozen, level.on_hand) == (0, 2)
    last = all_moves(stock_uow, "SOAP-1")[-1]
    assert (last.to_bucket, last.by) == ("scrap", "Sam")


def test_reservation_never_takes_available_below_zero(stock_uow):
    stock.reserve(stock.ReserveStock("SOAP-1", 4, "PD-1", "intake"), stock_uow())
    with pytest.raises(InsufficientStock, match="only 0 there"):
        stock.reserve(stock.ReserveStock("SOAP-1", 1, "PD-2", "intake"), stock_uow())
    assert stock.stock_levels(stock_uow(), ["SOAP-1"])[0].available == 0


def _incoming(channel: str, order_id: str, status: str = "open", quantity: int = 2):
    return IncomingOrder(channel, order_id, status, "Mei Lin", "138",
                         Address("Mei Lin", "138", "1 Road", "", "Hangzhou", "", "310000", "CN"),
                         (IncomingLine("L1", "TEA-1", "Green tea", quantity),))


def test_intake_reserves_and_cancellation_releases(stock_uow):
    add_channel(stock_uow(), "shop", "shopify")
    [created] = take_in([_incoming("shop", "1001")], stock_uow())
    assert created.outcome == "created"
    level = stock.stock_levels(stock_uow(), ["TEA-1"])[0]
    assert (level.available, level.awaiting_shipment) == (8, 2)
    [cancelled] = take_in([_incoming("shop", "1001", "cancelled")], stock_uow())
    assert cancelled.outcome == "cancelled"
    level = stock.stock_levels(stock_uow(), ["TEA-1"])[0]
    assert (level.available, level.awaiting_shipment) == (10, 0)
    moves = all_moves(stock_uow, "TEA-1")
    assert [m.reason for m in moves[-2:]] == ["reserved", "cancelled"]
    assert {m.station for m in moves[-2:]} == {"bench-2"}  # the station of the unit of work
    take_in([_incoming("shop", "1001", "cancelled")], stock_uow())  # repeated: no double release
    assert stock.stock_levels(stock_uow(), ["TEA-1"])[0].available == 10


def test_channel_quotas_use_ratio_buffer_and_per_sku_override(stock_uow):
    add_channel(stock_uow(), "shop", "shopify", allocation_ratio=0.8, floor_buffer=1)
    add_channel(stock_uow(), "woo", "woocommerce")
    add_channel(stock_uow(), "file", "csv")
    list_sku(stock_uow(), "shop", "TEA-1")
    list_sku(stock_uow(), "woo", "TEA-1", allocation_ratio=0.5, floor_buffer=None)
    list_sku(stock_uow(), "file", "TEA-1")
    quotas = {q.channel: q for q in stock.channel_quotas(stock_uow(), "TEA-1")}
    assert quotas["shop"].pushed_quantity == 7  # floor(10 x 0.8) - 1
    assert not quotas["shop"].ratio_overridden
    assert quotas["woo"].pushed_quantity == 5 and quotas["woo"].ratio_overridden
    assert quotas["file"].pushed_quantity == 0  # a CSV file cannot be told anything
    stock.freeze(stock.FreezeStock("TEA-1", 9, "held for channel: live stream", "Ann"),
                 stock_uow())
    set_stock_rules(stock_uow(), "shop", 0.8, 5, ["TEA-1"])
    quotas = {q.channel: q for q in stock.channel_quotas(stock_uow(), "TEA-1")}
    assert quotas["shop"].pushed_quantity == 0  # never below zero
    assert quotas["woo"].pushed_quantity == 0  # floor(1 x 0.5)


def test_the_store_ledger_replays_to_every_row(stock_uow):
    stock.freeze(stock.FreezeStock("TEA-1", 1, "damaged", "Ann"), stock_uow())
    stock.reserve(stock.ReserveStock("TEA-1", 4, "PD-9", "intake"), stock_uow())
    for sku in ("TEA-1", "SOAP-1"):
        level = stock.stock_levels(stock_uow(), [sku])[0]
        totals = replay(all_moves(stock_uow, sku))
        assert totals == {"available": level.available, "frozen": level.frozen,
                          "awaiting_shipment": level.awaiting_shipment,
                          "shipped": level.shipped,
                          "returns_in_transit": level.returns_in_transit}


def _raw_negative_update(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE stock_items SET available = -1 WHERE sku = 'TEA-1'"))
    finally:
        engine.dispose()


def test_the_database_itself_refuses_a_negative_bucket(stock_uow, sqlite_url):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError, match="ck_stock_items_not_negative|CHECK"):
        _raw_negative_update(sqlite_url)
    assert stock.stock_levels(stock_uow(), ["TEA-1"])[0].available == 10


@pytest.mark.postgres
def test_postgres_refuses_a_negative_bucket_too(postgres_url):
    from sqlalchemy.exc import IntegrityError

    from app.adapters.store import open_store

    opened = open_store(postgres_url)
    try:
        seed(uow_factory(opened.session_factory, station="pg", clock=clock()))
    finally:
        opened.dispose()
    with pytest.raises(IntegrityError, match="ck_stock_items_not_negative"):
        _raw_negative_update(postgres_url)
