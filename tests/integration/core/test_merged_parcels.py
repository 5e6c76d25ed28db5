"""Merged parcels against a real SQLite file: three orders from two channels for the same
buyer and address, packed as one parcel; a cancellation mid-parcel; an order dropped."""

import random
import uuid

import pytest
from sqlalchemy import select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import NotAllowed
from app.domain.orders import OrderStatus
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.intake import take_in
from app.services.painted_ahead import predict_item_scan
from printing.order_documents import label_data
from tests.parts.parcel_store import PARCEL, incoming

SAM = c.SupervisorApproval("Sam", "9999", "Item damaged")


def _scan(bench, session_id, code, quantity=1):
    return bench.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, f"SCAN-{code}",
                                      quantity=quantity))


def _merged(bench, first, offered):
    opened = bench.open_order(c.OpenOrder(first, "Ann"))
    assert opened.outcome == "opened" and opened.merge_offer == offered
    merged = bench.merge(c.MergeParcel(opened.session_id, opened.merge_offer))
    assert merged.outcome == "merged", merged.message
    return opened.session_id, merged


def test_a_parcel_of_three_orders_from_two_channels_packs_end_to_end(store, uow, parcel_orders):
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(shop1, "Ann"))
    assert f"2 more orders for this buyer and address: {tb1}, {shop2}" in opened.message
    assert "PD:MERGE" in opened.message
    session_id, merged = _merged_after(bench, opened)
    view = merged.order
    assert view.numbers == (tb1, shop1, shop2)  # oldest order first
    assert [(ln.order_number, ln.sku) for ln in view.lines] == [
        (tb1, "TB-CUP-RED"), (shop1, "TB-CUP-RED"), (shop1, "WOO-SKU-0"), (shop2, "IPOD2008RED")]

    first = _scan(bench, session_id, "TB-CUP-RED")
    assert first.result == "verified" and first.message.endswith(f"1 of 2 for order {tb1}")
    split = _scan(bench, session_id, "TB-CUP-RED", quantity=2)  # 1 for tb1, 1 for shop1
    assert f"{tb1} 2/2; {shop1} 1/1" in split.message
    assert len(split.log) == 2  # one entry per scan, though it went to two orders
    assert _scan(bench, session_id, "TB-CUP-RED").result == "over_scan"
    wrong = _scan(bench, session_id, "IPOD2008GREEN")
    assert wrong.result == "wrong_item" and "WOO-SKU-0 ×2" in wrong.message
    undone = bench.undo(session_id)
    assert undone.result == "undone" and undone.message == "Undone: TB-CUP-RED ×2."
    assert _scan(bench, session_id, "TB-CUP-RED", quantity=2).result == "verified"
    manual = bench.confirm_by_hand(c.ConfirmByHand(
        session_id, uuid.uuid4().hex, "WOO-SKU-0", "Barcode damaged",
        approval=c.SupervisorApproval("Sam", "9999", "Barcode damaged")))
    assert manual.result == "manual" and shop1 in manual.message
    _scan(bench, session_id, "WOO-SKU-0")
    last = _scan(bench, session_id, "IPOD2008RED")
    assert last.order_complete

    completion = bench.complete(c.CompletePack(session_id))
    assert completion.order.numbers == (tb1, shop1, shop2) and not completion.partial
    label = label_data(completion)
    assert all(number in label.order_number for number in (tb1, shop1, shop2))
    assert "tb T-77" in label.channel_order_id and "shop 1001" in label.channel_order_id
    with uow() as u:
        orders = [u.orders.get(n) for n in (tb1, shop1, shop2)]
        assert {o.status for o in orders} == {OrderStatus.PACKED}
        assert {o.tracking_number for o in orders} == {completion.tracking_number}
        assert len({o.carrier for o in orders}) == 1
        assert all(o.is_fully_verified and not o.partial for o in orders)
    _check_outbox(store, {tb1: ("tb", "T-77", {"TB-CUP-RED": 2}),
                          shop1: ("shop", "1001", {"TB-CUP-RED": 1, "WOO-SKU-0": 2}),
                          shop2: ("shop", "1002", {"IPOD2008RED": 1})},
                  completion.tracking_number)
    _check_ledger(store, {tb1: {"TB-CUP-RED": 2}, shop1: {"TB-CUP-RED": 1, "WOO-SKU-0": 2},
                          shop2: {"IPOD2008RED": 1}})
    again = bench.open_order(c.OpenOrder(shop2, "Ann"))
    assert again.outcome == "already_packed"


def _merged_after(bench, opened):
    merged = bench.merge(c.MergeParcel(opened.session_id, opened.merge_offer))
    assert merged.outcome == "merged", merged.message
    return opened.session_id, merged


def _check_outbox(store, expected, tracking):
    with store.engine.connect() as db:
        rows = db.execute(select(orm.outbox).where(orm.outbox.c.kind == "fulfilment")).all()
    by_order = {row.payload["order_number"]: row for row in rows}
    assert set(by_order) == set(expected)
    for number, (channel, channel_order_id, lines) in expected.items():
        row = by_order[number]
        assert row.channel == channel and row.payload["channel_order_id"] == channel_order_id
        assert row.payload["tracking_number"] == tracking
        assert {ln["sku"]: ln["quantity"] for ln in row.payload["lines"]} == lines
        assert channel_order_id in row.idempotency_key
    assert len({row.idempotency_key for row in rows}) == len(expected)


def _check_ledger(store, expected):
    with store.engine.connect() as db:
        moves = db.execute(select(orm.stock_moves.c.order_number, orm.stock_moves.c.sku,
                                  orm.stock_moves.c.quantity)
                           .where(orm.stock_moves.c.from_bucket == "awaiting_shipment",
                                  orm.stock_moves.c.to_bucket == "shipped")).all()
    shipped: dict[str, dict[str, int]] = {}
    for number, sku, quantity in moves:
        per_order = shipped.setdefault(number, {})
        per_order[sku] = per_order.get(sku, 0) + quantity
    assert shipped == expected


def test_a_cancellation_mid_parcel_is_refused_and_the_order_can_be_dropped(store, uow,
                                                                           parcel_orders):
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    bench = PackBenchService(uow)
    session_id, _merged_result = _merged(bench, shop2, (tb1, shop1))
    _scan(bench, session_id, "TB-CUP-RED", quantity=3)  # tb1 2, shop1 1
    channel, order_id, hours, *lines = PARCEL["tb-1"]
    [cancelled] = take_in([incoming(channel, order_id, hours, *lines, status="cancelled")],
                          uow())
    assert cancelled.outcome == "cancelled"
    refused = _scan(bench, session_id, "IPOD2008RED")
    assert refused.result == "cancelled"
    assert f"Order {tb1} in this parcel was CANCELLED" in refused.message
    assert "PD:DROP" in refused.message
    with pytest.raises(NotAllowed, match=f"Order {tb1} in this parcel was cancelled"):
        bench.complete(c.CompletePack(session_id, SAM))
    dropped = bench.drop(c.DropOrder(session_id, tb1))
    assert dropped.result == "dropped" and dropped.order.numbers == (shop1, shop2)
    assert dropped.order.items_verified == 1  # shop1's unit stays counted
    for code in ("WOO-SKU-0", "WOO-SKU-0", "IPOD2008RED"):
        assert _scan(bench, session_id, code).result == "verified"
    completion = bench.complete(c.CompletePack(session_id))
    assert completion.order.numbers == (shop1, shop2)
    with uow() as u:
        assert u.orders.get(tb1).status == OrderStatus.CANCELLED
        assert u.orders.get(tb1).items_verified == 0
        assert {u.orders.get(n).status for n in (shop1, shop2)} == {OrderStatus.PACKED}
        red = u.stock.get("TB-CUP-RED")
        assert (red.available, red.awaiting_shipment, red.shipped) == (99, 0, 1)
    with store.engine.connect() as db:
        pushed = db.execute(select(orm.outbox.c.payload)
                            .where(orm.outbox.c.kind == "fulfilment")).scalars().all()
    assert sorted(p["order_number"] for p in pushed) == sorted([shop1, shop2])


def test_dropping_an_order_releases_it_to_ready_with_its_reservations(uow, parcel_orders):
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    bench = PackBenchService(uow)
    session_id, _merged_result = _merged(bench, shop1, (tb1, shop2))
    _scan(bench, session_id, "IPOD2008RED")
    with uow() as u:
        before = (u.stock.get("IPOD2008RED").awaiting_shipment,
                  dict(u.orders.intake_link_for(shop2).reserved))
    dropped = bench.drop(c.DropOrder(session_id, shop2))
    assert "back in the queue" in dropped.message and shop2 not in dropped.order.numbers
    with uow() as u:
        order = u.orders.get(shop2)
        assert order.status == OrderStatus.READY and order.items_verified == 0
        after = (u.stock.get("IPOD2008RED").awaiting_shipment,
                 dict(u.orders.intake_link_for(shop2).reserved))
    assert after == before == (1, {"IPOD2008RED": 1})
    alone = bench.open_order(c.OpenOrder(shop2, "Ann"))  # packs on its own later
    assert alone.outcome == "opened" and alone.merge_offer == ()


def test_leaving_and_holding_work_for_the_whole_parcel(uow, parcel_orders):
    numbers = list(parcel_orders.values())
    bench = PackBenchService(uow)
    session_id, _merged_result = _merged(bench, parcel_orders["shop-1"],
                                         (parcel_orders["tb-1"], parcel_orders["shop-2"]))
    _scan(bench, session_id, "TB-CUP-RED")
    assert "are back in the queue" in bench.leave(session_id)
    with uow() as u:
        assert {u.orders.get(n).status for n in numbers} == {OrderStatus.READY}
        assert sum(u.orders.get(n).items_verified for n in numbers) == 0
    session_id, _merged_result = _merged(bench, parcel_orders["shop-1"],
                                         (parcel_orders["tb-1"], parcel_orders["shop-2"]))
    assert "are on hold" in bench.hold(c.HoldOrder(session_id, SAM))
    with uow() as u:
        assert {u.orders.get(n).status for n in numbers} == {OrderStatus.ON_HOLD}


def test_another_bench_is_told_and_the_same_bench_resumes_the_whole_parcel(store, uow,
                                                                            parcel_orders):
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    session_id, _merged_result = _merged(PackBenchService(uow), shop1, (tb1, shop2))
    other = PackBenchService(uow_factory(store.session_factory, station="bench-9"))
    busy = other.open_order(c.OpenOrder(tb1, "Bob"))
    assert busy.outcome == "busy" and "being packed by Ann" in busy.message
    resumed = PackBenchService(uow).open_order(c.OpenOrder(shop2, "Ann"))
    assert resumed.outcome == "resumed" and resumed.session_id == session_id
    assert resumed.order.numbers == (tb1, shop1, shop2)


def test_a_merge_takes_only_orders_still_ready(uow, parcel_orders):
    shop1, tb1, shop2 = (parcel_orders[k] for k in ("shop-1", "tb-1", "shop-2"))
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(shop1, "Ann"))
    meanwhile = bench.open_order(c.OpenOrder(tb1, "Bob"))  # another packer took it
    assert meanwhile.outcome == "opened"
    merged = bench.merge(c.MergeParcel(opened.session_id, opened.merge_offer))
    assert merged.order.numbers == (shop1, shop2)
    assert f"Not added (no longer ready to pack, or it has its own waybill): {tb1}" in \
        merged.message
    nothing = bench.merge(c.MergeParcel(opened.session_id, ()))
    assert nothing.outcome == "nothing_to_merge"


def test_predicted_verdicts_agree_with_the_store_in_a_merged_parcel(uow, parcel_orders):
    bench = PackBenchService(uow)
    rng = random.Random(8)
    session_id, merged = _merged(bench, parcel_orders["shop-2"],
                                 (parcel_orders["tb-1"], parcel_orders["shop-1"]))
    codes = {key: (sku, units) for key, sku, units in merged.item_codes}
    order, compared = merged.order, 0
    for _ in range(20):
        text = rng.choice([k for k in codes if k.startswith("SCAN-")])
        quantity = rng.choice((1, 1, 2, 3))
        predicted = predict_item_scan(order, codes, text, quantity)
        verdict = bench.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, text,
                                             quantity=quantity))
        assert predicted is not None, text
        assert (predicted.result, predicted.message) == (verdict.result, verdict.message)
        assert predicted.order.lines == verdict.order.lines
        order, compared = verdict.order, compared + 1
        if order.complete:
            break
    assert compared >= 10
