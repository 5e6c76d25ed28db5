"""A box scanned at the bench is the parcel's box: its tare goes to the weight gate, the
order's history names it, and the smallest box that fits is suggested for the parcel."""

from __future__ import annotations

import uuid

import pytest

from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.board import order_history
from app.services.boxes import parcel_box
from app.services.completion import WeightOff


def _open(uow, number: str) -> tuple[PackBenchService, int]:
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(number, "Ann"))
    assert opened.opened, opened.message
    return bench, opened.session_id


def test_the_scanned_box_weighs_in_the_gate_and_is_in_the_history(boxes, uow):
    bench, session = _open(uow, "PD-100001")
    suggestion = parcel_box(uow(), session)
    assert suggestion.scanned == "" and suggestion.suggestion.box.sku == "BOX-M"
    small = bench.scan_item(c.ScanItem(session, uuid.uuid4().hex, "2990000000011"))
    assert small.result == "box_small"
    assert small.message == ("Box BOX-S is too small for these items; BOX-M fits. Scan the "
                             "box you use.")
    verdict = bench.scan_item(c.ScanItem(session, uuid.uuid4().hex, "2990000000028"))
    assert (verdict.result, verdict.sku) == ("box", "BOX-M")
    assert verdict.message == "Box BOX-M (Medium box): its 260 g count in the parcel's weight."
    assert verdict.order.items_verified == 0  # a box is not an item of the order
    assert parcel_box(uow(), session).scanned == "BOX-M"
    for sku, quantity in boxes:
        bench.scan_item(c.ScanItem(session, uuid.uuid4().hex, sku, quantity=quantity))
    items_g = 300 * sum(q for _, q in boxes)
    tight = c.WeightTolerance(absolute_g=10, percent=1)
    with pytest.raises(WeightOff):  # the small box's tare is not what went on the scale
        bench.complete(c.CompletePack(session, weighed_g=items_g + 120, tolerance=tight))
    done = bench.complete(c.CompletePack(session, weighed_g=items_g + 260, tolerance=tight))
    assert done.weight_g == items_g + 260
    history = order_history(uow(), "PD-100001")
    assert any(e.text == "Pack session completed, box BOX-M" for e in history.entries)


def test_without_a_box_scanned_the_station_tare_counts(boxes, uow):
    bench, session = _open(uow, "PD-100001")
    for sku, quantity in boxes:
        bench.scan_item(c.ScanItem(session, uuid.uuid4().hex, sku, quantity=quantity))
    items_g = 300 * sum(q for _, q in boxes)
    tight = c.WeightTolerance(absolute_g=10, percent=1)
    with pytest.raises(WeightOff):
        bench.complete(c.CompletePack(session, weighed_g=items_g + 260, tolerance=tight))
    bench.complete(c.CompletePack(session, weighed_g=items_g + 260, tolerance=tight,
                                  box_tare_g=260))
