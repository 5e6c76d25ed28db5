"""The bench's workflow in the core: each scan's answer says what comes next."""

import uuid

from app.domain.bench_state import BenchState
from app.domain.weighing import WeightTolerance
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.bench_flow import BenchFlow, StepKind, Weighing


def _item_scans(uow, number):
    with uow() as u:
        return [u.products.get(line.sku).barcodes[0].code
                for line in u.orders.get(number).lines for _ in range(line.quantity)]


def _scan(flow, session_id, code, weighing=Weighing()):
    return flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, code), weighing)


def test_the_last_item_packs_the_order_in_the_same_call(demo_store, uow):
    flow = BenchFlow(PackBenchService(uow))
    opened = flow.open_order(c.OpenOrder("PD-100001", "Ann")).opened
    assert flow.state is BenchState.ORDER_OPEN
    codes = _item_scans(uow, "PD-100001")
    steps = [_scan(flow, opened.session_id, code) for code in codes]
    assert [step.kind for step in steps[:-1]] == [StepKind.SCAN_ON] * (len(codes) - 1)
    last = steps[-1]
    assert last.kind is StepKind.PACKED and last.verdict.result == "verified"
    assert last.completion.order.number == "PD-100001" and last.completion.tracking_number
    assert flow.state is BenchState.LABEL_PRINTING
    with uow() as u:
        assert u.orders.get("PD-100001").status == "packed"


def test_a_refused_scan_never_packs(demo_store, uow):
    flow = BenchFlow(PackBenchService(uow))
    opened = flow.open_order(c.OpenOrder("PD-100002", "Ann")).opened
    step = _scan(flow, opened.session_id, "NOT-A-PRODUCT-CODE")
    assert step.kind is StepKind.SCAN_ON and step.verdict.result == "unknown_code"
    assert flow.state is BenchState.ORDER_OPEN


def test_with_a_scale_the_last_item_waits_for_a_weight_that_matches(demo_store, uow):
    flow = BenchFlow(PackBenchService(uow))
    opened = flow.open_order(c.OpenOrder("PD-100001", "Ann")).opened
    codes = _item_scans(uow, "PD-100001")
    tolerance = WeightTolerance(absolute_g=20, percent=2)
    empty = Weighing(True, None, tolerance, 0.0)
    for code in codes:
        step = _scan(flow, opened.session_id, code, empty)
    assert step.kind is StepKind.WEIGHT_NEEDED and flow.state is BenchState.AWAITING_WEIGHT
    assert flow.weighed(opened.session_id, Weighing(True, 2.0, tolerance)).kind is \
        StepKind.WEIGHT_NEEDED  # nothing on the scale yet
    heavy = flow.weighed(opened.session_id, Weighing(True, 99_000.0, tolerance))
    assert heavy.kind is StepKind.WEIGHT_OFF and "more than" in heavy.weight.message
    assert flow.weight_refused
    with uow() as u:
        order = u.orders.get("PD-100001")
        expected = sum(u.products.get(line.sku).weight_g * line.quantity for line in order.lines)
    packed = flow.weighed(opened.session_id, Weighing(True, float(expected), tolerance))
    assert packed.kind is StepKind.PACKED
    assert flow.weighed(opened.session_id, Weighing(True, 500.0, tolerance)).kind is \
        StepKind.SCAN_ON  # packed already: a new weight does nothing


def test_orders_offered_to_merge_stop_the_last_item_from_packing(uow, parcel_orders):
    flow = BenchFlow(PackBenchService(uow))
    shop2 = parcel_orders["shop-2"]
    opened = flow.open_order(c.OpenOrder(shop2, "Ann")).opened
    assert opened.merge_offer
    step = _scan(flow, opened.session_id, "SCAN-IPOD2008RED")
    assert step.kind is StepKind.MERGE_OFFERED and step.merge_offer == opened.merge_offer
    assert flow.state is BenchState.MERGE_OFFERED
    assert flow.complete(opened.session_id, complete=True).kind is StepKind.PACKED


def test_a_label_not_printed_holds_the_next_order(demo_store, uow):
    flow = BenchFlow(PackBenchService(uow))
    flow.label_sent()
    flow.label_failed(("PD-100009",))
    assert flow.open_order(c.OpenOrder("PD-100001", "Ann")).kind is StepKind.LABEL_HOLD
    flow.label_printed(("PD-100009",))
    assert flow.open_order(c.OpenOrder("PD-100001", "Ann")).opened.opened
