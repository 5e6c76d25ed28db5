"""The bench's commands against a real SQLite file (and PostgreSQL for the race)."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.adapters import orm
from app.adapters.store import open_store
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import ConcurrencyConflict, NotAllowed
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.demo import build_demo


def _open(bench, number="PD-100001", packer="Ann"):
    result = bench.open_order(c.OpenOrder(number, packer))
    assert result.opened, result.message
    return result


def _scan(bench, session_id, text, quantity=1):
    return bench.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, text, quantity=quantity))


def _counts(store):
    with store.engine.connect() as db:
        return tuple(db.execute(select(func.count()).select_from(t)).scalar()
                     for t in (orm.scan_events, orm.stock_moves, orm.order_transitions,
                               orm.pack_sessions, orm.outbox))


def test_an_order_opens_by_number_channel_id_or_tracking_number(demo_store, uow):
    bench = PackBenchService(uow)
    with uow() as u:
        order = u.orders.get("PD-100003")  # a Taobao order with a waybill number
        channel_id, tracking = order.channel_order_id, order.tracking_number
    assert tracking
    assert bench.open_order(c.OpenOrder(tracking, "Ann")).order.number == "PD-100003"
    again = bench.open_order(c.OpenOrder(channel_id, "Ann"))
    assert again.outcome == "resumed" and again.order.number == "PD-100003"
    unknown = bench.open_order(c.OpenOrder("NO-SUCH-ORDER", "Ann"))
    assert unknown.outcome == "unknown" and "NO-SUCH-ORDER" in unknown.message


def test_an_ambiguous_scan_offers_a_short_list(demo_store, uow):
    with uow() as u:
        u.orders.get("PD-100001").channel_order_id = "SAME"
        u.orders.get("PD-100002").channel_order_id = "SAME"
        u.commit()
    result = PackBenchService(uow).open_order(c.OpenOrder("SAME", "Ann"))
    assert result.outcome == "ambiguous"
    assert {cand.number for cand in result.candidates} == {"PD-100001", "PD-100002"}


def test_a_cancelled_order_is_refused_and_a_packed_one_says_who_packed_it(demo_store, uow):
    bench = PackBenchService(uow)
    cancelled = bench.open_order(c.OpenOrder("PD-100018", "Ann"))
    assert cancelled.outcome == "cancelled" and "Do not ship" in cancelled.message
    opened = _open(bench, "PD-100001")
    for line in opened.order.lines:
        _scan(bench, opened.session_id, line.sku, quantity=line.quantity)
    bench.complete(c.CompletePack(opened.session_id))
    packed = bench.open_order(c.OpenOrder("PD-100001", "Li Wei"))
    assert packed.outcome == "already_packed" and "by Ann" in packed.message


def test_partial_shipment_and_hold_need_a_supervisor_pin_and_a_reason(demo_store, uow):
    bench = PackBenchService(uow)
    opened = _open(bench, "PD-100005")
    first = opened.order.lines[0]
    _scan(bench, opened.session_id, first.sku)
    with pytest.raises(NotAllowed, match="supervisor's PIN"):
        bench.complete(c.CompletePack(opened.session_id))
    with pytest.raises(NotAllowed, match="not a supervisor"):
        bench.complete(c.CompletePack(opened.session_id, c.SupervisorApproval("Ann", "1234", "x")))
    done = bench.complete(c.CompletePack(opened.session_id,
                                         c.SupervisorApproval("Sam", "9999", "out of stock")))
    assert done.partial and done.order.status == "packed"
    held = _open(bench, "PD-100007")
    with pytest.raises(NotAllowed, match="PIN is not right"):
        bench.hold(c.HoldOrder(held.session_id, c.SupervisorApproval("Sam", "0000", "x")))
    bench.hold(c.HoldOrder(held.session_id, c.SupervisorApproval("Sam", "9999", "damaged")))
    assert bench.open_order(c.OpenOrder("PD-100007", "Ann")).outcome == "on_hold"


def test_completion_writes_order_stock_audit_and_outbox_together(demo_store, uow):
    bench = PackBenchService(uow)
    opened = _open(bench, "PD-100001")  # a Shopify order: the channel must hear of it
    for line in opened.order.lines:
        _scan(bench, opened.session_id, line.sku, quantity=line.quantity)
    done = bench.complete(c.CompletePack(opened.session_id))
    with demo_store.engine.connect() as db:
        message = db.execute(select(orm.outbox)).one()
        assert message.kind == "fulfilment" and message.channel == "shopify"
        assert message.payload["tracking_number"] == done.tracking_number
        shipped = db.execute(select(func.sum(orm.stock_moves.c.quantity))
                             .where(orm.stock_moves.c.order_number == "PD-100001",
                                    orm.stock_moves.c.to_bucket == "shipped")).scalar()
    assert shipped == opened.order.items_expected


def test_a_scan_delivered_twice_is_recorded_once(demo_store, uow):
    bench = PackBenchService(uow)
    opened = _open(bench)
    line = opened.order.lines[0]
    cmd = c.ScanItem(opened.session_id, "same-uid", line.sku)
    first, second = bench.scan_item(cmd), bench.scan_item(cmd)
    assert first.result == second.result == "verified"
    assert second.order.lines[0].verified == 1


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=64),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), max_size=20),
    st.text(min_size=4000, max_size=4200),
    st.just(""),
))
def test_fuzzed_scans_get_a_clear_message_and_write_nothing_but_the_log(demo_store, uow, text):
    """Garbage (invalid) writes nothing; a code that is nothing known goes in the scan log
    (issue 21: unknown codes were missing from it) and changes nothing else."""
    bench = PackBenchService(uow)
    before = _counts(demo_store)
    result = bench.open_order(c.OpenOrder(text, "Ann"))
    assert result.outcome in ("unknown", "invalid") and result.message
    with uow() as u:
        open_session = u.pack_sessions.open_for_order("PD-100040")
        session_id = open_session.id if open_session else None
    session_id = session_id or _open(bench, "PD-100040").session_id
    before = _counts(demo_store)
    verdict = bench.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, text))
    assert verdict.result in ("unknown_code", "invalid") and verdict.message
    logged = 1 if verdict.result == "unknown_code" else 0
    assert _counts(demo_store) == (before[0] + logged, *before[1:])
    assert sum(e.result == "unknown_code" for e in verdict.log) >= logged


@pytest.mark.postgres
def test_two_stations_racing_for_one_stock_row_lose_no_update(postgres_url):
    """Both stations load the row, both change it; the second commit is stale and says so."""
    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=3, products=5, orders=5)
    count_moves = select(func.count()).select_from(orm.stock_moves).where(
        orm.stock_moves.c.sku == "TEA-001")
    with uow() as before:
        moves_before = before.session.scalar(count_moves)
        available_before = before.stock.get("TEA-001").available
    with uow() as a, uow_factory(store.session_factory, "bench-2")() as b:
        item_a, item_b = a.stock.get("TEA-001"), b.stock.get("TEA-001")
        item_a.receive(5, a.now())
        item_b.receive(7, b.now())
        a.commit()
        with pytest.raises(ConcurrencyConflict):
            b.commit()
    with uow() as fresh:
        available_after = fresh.stock.get("TEA-001").available
        moves_after = fresh.session.scalar(count_moves)
    assert moves_after == moves_before + 1  # the winner's receipt; the loser wrote nothing
    assert available_after == available_before + 5
    store.dispose()


@pytest.mark.postgres
def test_the_bench_flow_runs_on_postgresql(postgres_url):
    store = open_store(postgres_url)
    uow = uow_factory(store.session_factory, "bench-1")
    build_demo(uow(), seed=5, products=10, orders=10)
    bench = PackBenchService(uow)
    opened = _open(bench)
    for line in opened.order.lines:
        assert _scan(bench, opened.session_id, line.sku, line.quantity).result == "verified"
    assert bench.complete(c.CompletePack(opened.session_id)).order.status == "packed"
    store.dispose()
