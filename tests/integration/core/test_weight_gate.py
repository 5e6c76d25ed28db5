"""The weight gate at completion, against a real store: within tolerance the parcel ships
with its real weight; one item short is refused naming the item; a supervisor's override is
in the trail; a product with no weight learns one from parcels that passed."""

from __future__ import annotations

import uuid

import pytest

from app.domain.products import Product
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.completion import WeightOff

BOX = "BOX-M"


def _parcel(uow, number: str, weights: dict[str, int] | None = None) -> tuple:
    """Open `number` and scan every unit; weights set on its products first."""
    with uow() as u:
        order = u.orders.get(number)
        for line in order.lines:
            product = u.products.get(line.sku)
            product.weight_g = (weights or {}).get(line.sku, product.weight_g)
        if u.products.get(BOX) is None:
            u.products.add(Product(sku=BOX, name="Box M", weight_g=180, is_box=True))
        u.commit()
        lines = [(line.sku, line.quantity) for line in order.lines]
    bench = PackBenchService(uow)
    opened = bench.open_order(c.OpenOrder(number, "Ann"))
    assert opened.opened, opened.message
    for sku, quantity in lines:
        bench.scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, sku, quantity=quantity))
    return bench, opened.session_id, lines


def _expected(uow, lines) -> float:
    with uow() as u:
        return 180 + sum(u.products.get(sku).weight_g * qty for sku, qty in lines)


def test_a_parcel_within_tolerance_ships_with_the_weight_the_scale_gave(demo_store, uow):
    bench, session, lines = _parcel(uow, "PD-100001")
    weighed = _expected(uow, lines) + 15
    done = bench.complete(c.CompletePack(session, weighed_g=weighed, box_sku=BOX))
    assert done.weight_g == round(weighed)
    with uow() as u:
        assert u.orders.get("PD-100001").status == "packed"


def test_one_item_short_is_refused_naming_it_and_a_supervisor_may_let_it_go(demo_store, uow):
    bench, session, lines = _parcel(uow, "PD-100005")
    assert sum(q for _, q in lines) >= 2
    light_sku = lines[0][0]
    with uow() as u:
        light = u.products.get(light_sku).weight_g
    tight = c.WeightTolerance(absolute_g=10, percent=1)
    weighed = _expected(uow, lines) - light
    with pytest.raises(WeightOff) as refused:
        bench.complete(c.CompletePack(session, weighed_g=weighed, box_sku=BOX, tolerance=tight))
    verdict = refused.value.verdict
    assert verdict.result == "light" and verdict.likely_sku == light_sku
    assert f"about the weight of 1 × {light_sku}" in str(refused.value)
    with pytest.raises(Exception, match="not a supervisor"):
        bench.complete(c.CompletePack(session, weighed_g=weighed, box_sku=BOX, tolerance=tight,
                                      weight_override=c.SupervisorApproval("Ann", "1234", "x")))
    bench.complete(c.CompletePack(
        session, weighed_g=weighed, box_sku=BOX, tolerance=tight,
        weight_override=c.SupervisorApproval("Sam", "9999", "tea tin is lighter this batch")))
    with uow() as u:
        trail = u.orders.get("PD-100005").transitions[-1]
        assert trail.to_status == "packed"
        assert trail.reason == (f"weight override by Sam: expected {verdict.expected_g:.0f} g, "
                                f"weighed {weighed:.0f} g: tea tin is lighter this batch")


def test_a_negative_weight_and_an_unknown_box_are_refused(demo_store, uow):
    bench, session, _lines = _parcel(uow, "PD-100001")
    with pytest.raises(WeightOff, match="zero the scale"):
        bench.complete(c.CompletePack(session, weighed_g=-8.0))
    with pytest.raises(Exception, match="not a box"):
        bench.complete(c.CompletePack(session, weighed_g=900.0, box_sku="TEA-001"))


def test_a_product_with_no_weight_learns_one_from_parcels_that_passed(demo_store, uow):
    orders_of: dict[str, list[str]] = {}
    with uow() as u:
        for n in range(100001, 100060):
            order = u.orders.get(f"PD-{n}")
            if order is not None and order.status == "ready":
                for line in order.lines:
                    orders_of.setdefault(line.sku, []).append(order.number)
    sku, numbers = max(orders_of.items(), key=lambda item: len(item[1]))
    assert len(numbers) >= 3, orders_of
    for number, unit_g in zip(numbers, (119.0, 121.0, 120.0), strict=False):
        bench, session, lines = _parcel(uow, number, {sku: 0})
        rest = _expected(uow, lines)  # the box and the other lines: this SKU counts 0
        quantity = dict(lines)[sku]
        done = bench.complete(c.CompletePack(session, weighed_g=rest + unit_g * quantity,
                                             box_sku=BOX))
        assert done.weight_g == round(rest + unit_g * quantity)
    with uow() as u:
        product = u.products.get(sku)
        assert (product.weight_g, product.weight_learned, product.weight_samples) == (120, True, 3)
        assert product.weight_learning.confidence > 0.5


def _from_a_channel(uow, number: str) -> None:
    """Intake writes no weight: the channel's order does not carry one."""
    with uow() as u:
        u.orders.get(number).weight_g = 0
        u.commit()


def test_without_a_scale_the_label_weight_is_the_catalogues(demo_store, uow):
    _from_a_channel(uow, "PD-100001")
    bench, session, lines = _parcel(uow, "PD-100001")
    done = bench.complete(c.CompletePack(session, box_sku=BOX))
    assert done.weight_g == round(_expected(uow, lines)) > 180  # the items and the box
    with uow() as u:
        assert u.orders.get("PD-100001").weight_g == done.weight_g


def test_a_product_with_no_weight_leaves_the_weight_unknown_not_zero_kilos(demo_store, uow,
                                                                         tmp_path):
    from printing.labels import render_shipping_label
    from printing.order_documents import label_data
    from tests.integration.printing.pdftools import text_of

    _from_a_channel(uow, "PD-100005")
    with uow() as u:
        first = u.orders.get("PD-100005").lines[0].sku
    bench, session, _ = _parcel(uow, "PD-100005", {first: 0})
    done = bench.complete(c.CompletePack(session))
    assert done.weight_g == 0
    pdf = tmp_path / "label.pdf"
    render_shipping_label(label_data(done), pdf)
    assert "0.00 kg" not in text_of(pdf) and "kg" not in text_of(pdf)
