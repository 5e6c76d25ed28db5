"""What the bench paints in advance must be what the store then decides."""

import random
import uuid

from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.painted_ahead import predict_item_scan


def test_predicted_verdicts_agree_with_the_stores_verdicts(demo_store, uow):
    bench = PackBenchService(uow)
    rng = random.Random(5)
    compared = 0
    for number in ("PD-100001", "PD-100002", "PD-100004", "PD-100006", "PD-100011"):
        opened = bench.open_order(c.OpenOrder(number, "Ann"))
        codes = {key: (sku, units) for key, sku, units in opened.item_codes}
        order = opened.order
        for _ in range(12):
            text = rng.choice(list(codes))
            if rng.random() < 0.3:
                text = text.lower()  # SKUs scan case-insensitively
            quantity = rng.choice((1, 1, 2, 5))
            predicted = predict_item_scan(order, codes, text, quantity)
            verdict = bench.scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex, text,
                                                 quantity=quantity))
            if verdict.order is None:
                break
            assert predicted is not None, text
            assert (predicted.result, predicted.message) == (verdict.result, verdict.message)
            assert predicted.order.lines == verdict.order.lines
            order = verdict.order
            compared += 1
            if order.complete:
                break
    assert compared > 20


def test_codes_outside_the_order_are_left_to_the_store(demo_store, uow):
    opened = PackBenchService(uow).open_order(c.OpenOrder("PD-100001", "Ann"))
    codes = {key: (sku, units) for key, sku, units in opened.item_codes}
    assert predict_item_scan(opened.order, codes, "POT-003-NOT-HERE", 1) is None
    assert predict_item_scan(opened.order, codes, "bad\x07scan", 1).result == "invalid"
