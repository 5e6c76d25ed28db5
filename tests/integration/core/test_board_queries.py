"""The board's keyset pages, filters, search and an order's history, on a real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.alerts import AlertKind
from app.domain.channels import OrderIntake
from app.domain.errors import InvalidInput, NotFound
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxMessage
from app.domain.packing import PackSession, ScanEvent
from app.domain.stock import StockItem
from app.services.alerts import refresh_alerts
from app.services.board import (
    BoardFilter,
    Lateness,
    board_channels,
    order_history,
    read_board_page,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CHANNELS = ("shopify", "taobao", "woocommerce")
STATUSES = ("ready", "ready", "needs_review", "on_hold", "packed", "packing")


def _order(n: int) -> Order:
    return Order(
        f"PD-{n:05d}", CHANNELS[n % 3], f"C{n}", f"Buyer{n % 7} 王", "1", Address("x"),
        [OrderLine(f"SKU-{n % 11:02d}", "Thing", 1)], status=STATUSES[n % 6],
        tracking_number=f"SF{n:08d}" if n % 5 == 0 else None,
        placed_at=NOW - timedelta(hours=n % 48), ship_by=NOW + timedelta(hours=2 * (n % 10) - 5))


@pytest.fixture
def board_uow(store):
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: NOW)
    with factory() as uow:
        for n in range(1, 451):
            uow.orders.add(_order(n))
        uow.session.add(OrderIntake("taobao", "C1", "PD-00001", "k", merge_group="M1"))
        uow.session.add(OrderIntake("woocommerce", "C2", "PD-00002", "k", merge_group="M1",
                                    review_reasons=["not enough stock for SKU SKU-02"]))
        uow.session.add(OrderIntake("shopify", "C5", "PD-00005", "k", merge_group="M2"))
        uow.commit()
    return factory


def _all(uow, board_filter: BoardFilter, limit: int = 200):
    rows, after = [], None
    while True:
        page = read_board_page(uow(), board_filter, after, limit)
        rows += page.rows
        if page.next_after is None:
            return rows
        after = page.next_after


def test_keyset_pages_cover_every_order_once_newest_first(board_uow):
    rows = _all(board_uow, BoardFilter(), limit=64)
    numbers = [r.number for r in rows]
    assert len(numbers) == 450 == len(set(numbers))
    assert numbers[0] == "PD-00450" and numbers[-1] == "PD-00001"


def test_filters_combine(board_uow):
    rows = _all(board_uow, BoardFilter(channel="taobao", status="ready"))
    assert rows and all(r.channel == "taobao" and r.status == "ready" for r in rows)
    assert len(rows) == sum(1 for n in range(1, 451) if n % 3 == 1 and n % 6 in (0, 1))
    review_or_hold = _all(board_uow, BoardFilter(needs_review=True, on_hold=True))
    assert {r.status for r in review_or_hold} == {"needs_review", "on_hold"}
    assert len(review_or_hold) == 150
    old = _all(board_uow, BoardFilter(older_than=timedelta(hours=40)))
    assert old and all(NOW - r.placed_at >= timedelta(hours=40) for r in old)


def test_merge_candidates_are_the_grouped_orders_awaiting_packing(board_uow):
    rows = _all(board_uow, BoardFilter(merge_candidates=True))
    assert sorted(r.number for r in rows) == ["PD-00001", "PD-00002"]  # 5 is packing
    assert {r.merge_group for r in rows} == {"M1"}


@pytest.mark.parametrize(("text", "expected"), [
    ("pd-0012", {f"PD-{n:05d}" for n in range(120, 130)}),
    ("Buyer6", {f"PD-{n:05d}" for n in range(1, 451) if n % 7 == 6}),
    ("sf00000100", {"PD-00100"}),
    ("SKU-07", {f"PD-{n:05d}" for n in range(1, 451) if n % 11 == 7}),
    ("nobody", set()),
])
def test_search_by_number_buyer_tracking_and_sku(board_uow, text, expected):
    assert {r.number for r in _all(board_uow, BoardFilter(search=text))} == expected


def test_rows_know_their_lateness(board_uow):
    rows = {r.number: r for r in _all(board_uow, BoardFilter())}
    assert rows["PD-00001"].lateness == Lateness.LATE  # ready, ship by 3 h ago
    assert rows["PD-00003"].lateness == Lateness.DUE_SOON  # on hold, ship in 1 h
    assert rows["PD-00009"].lateness == Lateness.ON_TIME  # on hold, ship in 13 h
    assert rows["PD-00004"].lateness == Lateness.DONE  # packed


def test_bad_filters_say_what_is_wrong(board_uow):
    with pytest.raises(InvalidInput, match="not an order status"):
        read_board_page(board_uow(), BoardFilter(status="lost"))
    with pytest.raises(InvalidInput, match="at most 64"):
        read_board_page(board_uow(), BoardFilter(search="x" * 65))
    assert board_channels(board_uow()) == sorted(CHANNELS)


def test_an_order_opens_its_whole_history(board_uow):
    at = NOW - timedelta(hours=1)
    with board_uow() as uow:
        order = uow.orders.get("PD-00002")
        order.transition(OrderStatus.READY, "Sam", at, "stock arrived")
        order.transition(OrderStatus.PACKING, "Ann", at + timedelta(minutes=1))
        pack = PackSession("PD-00002", "Ann", "bench-2", at + timedelta(minutes=1))
        pack.events.append(ScanEvent("u1", "6901234567892", "wedge", at + timedelta(minutes=2),
                                     "wrong_item", order_number="PD-00002", packer="Ann"))
        uow.pack_sessions.add(pack)
        item = StockItem("SKU-02", available=5)
        uow.stock.add(item)
        item.reserve(1, "PD-00002", at)
        uow.outbox.add(OutboxMessage("woocommerce", "fulfilment", "fulfilment:woocommerce:C2:7", {},
                                     at + timedelta(minutes=5), "sent"))
        uow.commit()
    history = order_history(board_uow(), "PD-00002")
    kinds = [e.kind for e in history.entries]
    assert {"intake", "review", "transition", "pack", "scan", "stock", "sync"} <= set(kinds)
    texts = " | ".join(e.text for e in history.entries)
    assert "not enough stock for SKU SKU-02" in texts and "stock arrived" in texts
    assert "wrong_item" in texts and "Fulfilment push to woocommerce: sent" in texts
    timed = [e.at for e in history.entries if e.at is not None]
    assert timed == sorted(timed)
    with pytest.raises(NotFound, match="no order PD-99999"):
        order_history(board_uow(), "PD-99999")


def test_a_stock_shortage_in_review_raises_a_stock_conflict(board_uow):
    raised = refresh_alerts(board_uow()).raised
    conflicts = [a for a in raised if a.kind == AlertKind.STOCK_CONFLICT]
    assert [a.subject for a in conflicts] == ["PD-00002"]
    assert "not enough stock for SKU SKU-02" in conflicts[0].message


@pytest.mark.postgres
def test_pages_search_and_history_on_postgresql(postgres_url):
    from app.adapters.store import open_store

    pg = open_store(postgres_url)
    try:
        factory = uow_factory(pg.session_factory, "test-bench", clock=lambda: NOW)
        with factory() as uow:
            for n in range(1, 121):
                uow.orders.add(_order(n))
            uow.session.add(OrderIntake("taobao", "C1", "PD-00001", "k", merge_group="M1"))
            uow.commit()
        assert len(_all(factory, BoardFilter(), limit=50)) == 120
        found = {r.number for r in _all(factory, BoardFilter(search="pd-0011"))}
        assert found == {f"PD-{n:05d}" for n in range(110, 120)}
        assert {r.number for r in _all(factory, BoardFilter(search="SKU-07"))} == \
            {f"PD-{n:05d}" for n in range(1, 121) if n % 11 == 7}
        assert [r.number for r in _all(factory, BoardFilter(merge_candidates=True))] == \
            ["PD-00001"]
        old = _all(factory, BoardFilter(older_than=timedelta(hours=40), channel="taobao"))
        assert old and all(r.channel == "taobao" for r in old)
        assert order_history(factory(), "PD-00001").entries[0].kind == "intake"
        refresh = refresh_alerts(factory())
        assert {a.kind for a in refresh.raised} >= {AlertKind.LATE, AlertKind.STUCK}
    finally:
        pg.dispose()
