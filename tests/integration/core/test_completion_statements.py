"""Issue 14: what the store is sent for an order's last item scan (the scan's unit of work,
then the completion's, in one store-worker trip), counted with SQLAlchemy's
`before_cursor_execute`.

Measured before this test (demo store, an order of one SKU): 22 statements, of which
the completion sent 17, three of them reads that cannot find anything for a plain order
packed for the first time: the channel's row (asked only for a masked receiver or one
carried by an oaid), a shipment by a tracking number the carrier profile had just
allocated, and the shipments listing the order (a LIKE over every shipment's order list,
for an older label request of an order packed again). A fourth was the order's trail,
read on its own when the completion appended the packed transition: it now comes with the
parcel's orders (one query), as it does with an order scan's."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event

from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.orders import OrderStatus
from app.domain.shipments import Shipment, ShipmentState
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.bench_flow import BenchFlow, StepKind
from app.services.demo import build_demo

LAST_SCAN_STATEMENTS = 18  # 5 for the scan, 13 for the completion (22 before)
ONE_UNIT_LAST_SCAN_STATEMENTS = 15  # the scan and the completion in one unit of work


@pytest.fixture
def bench(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'packdesk.db'}")
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=3, orders=40)
    service = PackBenchService(uow)
    service.warm_up()
    yield BenchFlow(service), store, uow
    store.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def either_bench(request, tmp_path):
    """The bench on SQLite, and on PostgreSQL (its scans pipelined)."""
    url = (f"sqlite:///{tmp_path / 'packdesk.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_url"))
    store = open_store(url)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=3, orders=40)
    service = PackBenchService(uow)
    service.warm_up()
    yield BenchFlow(service), store, uow
    store.dispose()


def _last_scan(flow: BenchFlow, store, number: str) -> tuple[object, list[str]]:
    """Open the order, scan all its units but the last, then count the last one's."""
    step = flow.open_order(c.OpenOrder(number, "Ann"))
    assert step.opened is not None and step.opened.opened, step
    session_id = step.opened.session_id
    units = [line.sku for line in step.opened.order.lines for _ in range(line.quantity)]
    for sku in units[:-1]:
        flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, sku))
    sent: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        sent.append(" ".join(statement.split())[:80])

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        done = flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, units[-1]))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return done, sent


def test_the_last_scan_of_a_plain_order_sends_no_read_that_cannot_find_anything(bench):
    flow, store, uow = bench
    with uow() as u:
        order = u.orders.get("PD-100002")
        assert order is not None and len(order.lines) == 1
        assert not order.receiver_masked and not order.receiver_oaid
        assert not order.tracking_number
    done, sent = _last_scan(flow, store, "PD-100002")
    assert done.kind is StepKind.PACKED, done
    assert not [s for s in sent if s.startswith(("SELECT channels.", "SELECT shipments.",
                                                 "SELECT order_transitions."))], sent
    assert len(sent) <= LAST_SCAN_STATEMENTS, "\n".join(sent)
    with uow() as u:  # and the completion is all there
        packed = u.orders.get("PD-100002")
        assert packed is not None and OrderStatus(packed.status) is OrderStatus.PACKED
        assert packed.tracking_number and packed.tracking_number.startswith("PK")
        shipment = u.shipments.by_tracking(packed.tracking_number)
        assert shipment is not None and shipment.order_numbers == ["PD-100002"]


def test_an_order_packed_again_still_withdraws_its_older_pending_label_request(bench):
    """The shipments listing an order are skipped only for an order never packed before:
    one whose trail shows an earlier packing still has its older pending request withdrawn
    (cancelled, 'packed again') when it is packed again."""
    flow, store, uow = bench
    step = flow.open_order(c.OpenOrder("PD-100002", "Ann"))
    assert step.opened is not None and step.opened.opened, step
    with uow() as u:  # packed once before (its label still asked of a carrier), then reopened
        order = u.orders.get("PD-100002")
        assert order is not None
        now = u.now()
        order.transition(OrderStatus.PACKED, "Ann", now, station="bench-1")
        order.transition(OrderStatus.PACKING, "Ann", now, station="bench-1")
        u.shipments.add(Shipment("PD-100002-old", "OWN", "easypost", ["PD-100002"], now,
                                 station="bench-1"))
        u.commit()
    session_id = step.opened.session_id
    sku = step.opened.order.lines[0].sku
    done = flow.scan(c.ScanItem(session_id, uuid.uuid4().hex, sku))
    assert done.kind is StepKind.PACKED, done
    with uow() as u:
        older = u.shipments.get("PD-100002-old")
        assert older is not None and ShipmentState(older.state) is ShipmentState.CANCELLED
        assert older.transitions[-1].reason == "packed again"


class _Counted:
    """The service's unit-of-work factory, counting the units it makes."""

    def __init__(self, make) -> None:
        self.make, self.made = make, 0

    def __call__(self):
        self.made += 1
        return self.make()


def test_the_last_scan_is_stored_with_its_completion_in_one_unit_of_work(either_bench):
    """Issue 14: the last item's scan and the completion are one unit of work and one
    transaction, the pack session read once (before: two units, two commits, the session
    and the parcel read again by the completion, the order and the session each updated
    twice: 18 statements, now 15)."""
    flow, store, uow = either_bench
    counted = flow.service.uow_factory = _Counted(uow)
    commits: list[str] = []

    def committed(_conn) -> None:
        commits.append("COMMIT")

    event.listen(store.engine, "commit", committed)
    try:
        done, sent = _last_scan(flow, store, "PD-100002")  # an order of one unit
    finally:
        event.remove(store.engine, "commit", committed)
    assert done.kind is StepKind.PACKED, done
    assert done.verdict is not None and done.verdict.accepted
    assert counted.made == 2, counted.made  # the open's unit, then the last scan's
    assert commits == ["COMMIT", "COMMIT"], commits  # and one transaction each
    # the session and the parcel are not read again; each row is written once
    assert not [s for s in sent if s.startswith("SELECT pack_sessions.")], sent
    with uow() as u:  # and it is all there
        packed = u.orders.get("PD-100002")
        assert packed is not None and OrderStatus(packed.status) is OrderStatus.PACKED
        assert packed.lines[0].verified_quantity == packed.lines[0].quantity
    if store.engine.dialect.name != "sqlite":  # PostgreSQL wraps its pipelined writes
        return
    assert len([s for s in sent if s.startswith("UPDATE pack_sessions ")]) == 1, sent
    assert len([s for s in sent if s.startswith("UPDATE orders ")]) == 1, sent
    assert len(sent) <= ONE_UNIT_LAST_SCAN_STATEMENTS, "\n".join(sent)


def test_a_completion_refused_after_the_last_scan_leaves_the_scan_stored(either_bench):
    """The scale says the parcel weighs what it cannot: the completion is refused (weight
    off), the scan that made the order complete stays stored, the order still packing."""
    from app.services.bench_flow import Weighing

    flow, _store, uow = either_bench
    step = flow.open_order(c.OpenOrder("PD-100002", "Ann"))
    assert step.opened is not None and step.opened.opened, step
    sku = step.opened.order.lines[0].sku
    quantity = step.opened.order.lines[0].quantity
    weighing = Weighing(scale_attached=True, settled_g=99_000.0)
    steps = [flow.scan(c.ScanItem(step.opened.session_id, uuid.uuid4().hex, sku), weighing)
             for _ in range(quantity)]
    assert steps[-1].kind is StepKind.WEIGHT_OFF, steps[-1]
    assert steps[-1].verdict is not None and steps[-1].verdict.order_complete
    with uow() as u:
        order = u.orders.get("PD-100002")
        assert order is not None and OrderStatus(order.status) is OrderStatus.PACKING
        assert order.lines[0].verified_quantity == quantity
        assert u.pack_sessions.get(step.opened.session_id).is_open
