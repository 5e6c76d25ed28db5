"""Cycle counts by scanning on a real store: blind count, variance, supervisor, adjustments."""

from __future__ import annotations

import pytest

from app.domain.errors import IllegalTransition, NotAllowed, NotFound
from app.domain.stock import InsufficientStock
from app.services import cycle_count as cc
from app.services import stock
from app.services.commands import SupervisorApproval
from tests.integration.test_stock_services import CASE_OF_TEA, SOAP, TEA, seeded_uow


@pytest.fixture
def stock_uow(store):
    return seeded_uow(store)

SAM = SupervisorApproval("Sam", "9999", "weekly count of A-01")


def _levels(uow):
    return {level.sku: level for level in stock.stock_levels(uow())}


def test_a_location_count_is_blind_then_shows_variance_and_accuracy(stock_uow):
    count = cc.open_count(cc.OpenCount("Ann", location="a-01"), stock_uow())
    assert (count.scope_kind, count.scope) == ("location", "A-01")
    assert {line.sku for line in count.lines} == {"TEA-1", "SOAP-1"}
    view = cc.count_scan(cc.CountScan(count.id, CASE_OF_TEA), stock_uow())
    view = cc.count_scan(cc.CountScan(count.id, TEA, 3), stock_uow())
    assert view.message == "TEA-1: 9"
    for _ in range(4):
        cc.count_scan(cc.CountScan(count.id, SOAP), stock_uow())
    assert not hasattr(view.lines[0], "expected")  # the counter never sees the system figure
    with pytest.raises(NotAllowed, match="blind"):
        cc.variance_report(count.id, stock_uow())
    report = cc.close_counting(count.id, "Ann", stock_uow())
    by_sku = {line.sku: line for line in report.lines}
    assert (by_sku["TEA-1"].expected, by_sku["TEA-1"].counted, by_sku["TEA-1"].variance) == \
        (10, 9, -1)
    assert by_sku["SOAP-1"].variance == 0
    assert report.accuracy == 0.5 and report.units_short == 1


def test_approval_needs_a_supervisor_and_writes_adjustment_moves(stock_uow):
    count = cc.open_count(cc.OpenCount("Ann", skus=("TEA-1", "SOAP-1")), stock_uow())
    cc.count_scan(cc.CountScan(count.id, TEA, 12), stock_uow())
    cc.recount(count.id, "SOAP-1", 3, stock_uow())
    cc.close_counting(count.id, "Ann", stock_uow())
    with pytest.raises(NotAllowed):
        cc.approve(count.id, SupervisorApproval("Ann", "1234", "ok"), stock_uow())
    report = cc.approve(count.id, SAM, stock_uow())
    assert report.status == "approved" and report.accuracy == 0.0
    levels = _levels(stock_uow)
    assert (levels["TEA-1"].available, levels["SOAP-1"].available) == (12, 3)
    history = stock.stock_history(stock_uow(), "TEA-1")
    last = history.rows[-1]
    assert (last.from_bucket, last.to_bucket, last.quantity, last.by, last.reason) == \
        ("adjustment", "available", 2, "Sam", f"cycle count {count.id}")
    assert history.consistent
    with pytest.raises(IllegalTransition):
        cc.approve(count.id, SAM, stock_uow())


def test_moves_between_closing_and_approval_are_not_counted_twice(stock_uow):
    count = cc.open_count(cc.OpenCount("Ann", skus=("TEA-1",)), stock_uow())
    cc.count_scan(cc.CountScan(count.id, TEA, 8), stock_uow())
    cc.close_counting(count.id, "Ann", stock_uow())  # expected 10: 2 missing
    stock.reserve(stock.ReserveStock("TEA-1", 3, "PD-7", "intake"), stock_uow())
    cc.approve(count.id, SAM, stock_uow())
    level = _levels(stock_uow)["TEA-1"]
    assert (level.available, level.awaiting_shipment, level.on_hand) == (5, 3, 8)


def test_missing_units_that_are_reserved_stop_the_approval_with_a_reason(stock_uow):
    count = cc.open_count(cc.OpenCount("Ann", skus=("SOAP-1",)), stock_uow())
    cc.close_counting(count.id, "Ann", stock_uow())  # none found: 4 missing
    stock.reserve(stock.ReserveStock("SOAP-1", 4, "PD-8", "intake"), stock_uow())
    with pytest.raises(InsufficientStock, match="reserved by open orders"):
        cc.approve(count.id, SAM, stock_uow())
    assert _levels(stock_uow)["SOAP-1"].awaiting_shipment == 4


def test_a_find_outside_the_list_is_counted_and_a_rejected_count_changes_nothing(stock_uow):
    count = cc.open_count(cc.OpenCount("Ann", skus=("TEA-1",)), stock_uow())
    view = cc.count_scan(cc.CountScan(count.id, SOAP), stock_uow())
    assert view.message == "SOAP-1: 1 (not on this count's list)"
    report = cc.close_counting(count.id, "Ann", stock_uow())
    assert {line.sku: line.variance for line in report.lines} == {"TEA-1": -10, "SOAP-1": -3}
    cc.reject(count.id, SAM, stock_uow())
    assert _levels(stock_uow)["TEA-1"].available == 10
    with pytest.raises(IllegalTransition, match="counting is closed"):
        cc.count_scan(cc.CountScan(count.id, TEA), stock_uow())


def test_counts_refuse_unknown_things_plainly(stock_uow):
    with pytest.raises(NotFound, match="NOPE"):
        cc.open_count(cc.OpenCount("Ann", skus=("NOPE",)), stock_uow())
    count = cc.open_count(cc.OpenCount("Ann", location="A-01"), stock_uow())
    with pytest.raises(NotFound, match="put the item aside"):
        cc.count_scan(cc.CountScan(count.id, "4006381333931"), stock_uow())
    with pytest.raises(NotFound, match="no count 999"):
        cc.close_counting(999, "Ann", stock_uow())
    cc.cancel(count.id, "Ann", stock_uow())
