"""A buyer's note is read before the items, and the bench's queue and pace figures: the
core's rules, against a real SQLite file."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.adapters import orm
from app.domain.errors import NotAllowed
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services import commands as c
from app.services.bench import PackBenchService
from app.services.bench_figures import shift_began

NOTE = "Please gift wrap, it is a birthday present"


def _noted_order(uow, number="PD-900555", note=NOTE, units=2) -> str:
    with uow() as u:
        tea = u.products.get("TEA-001")
        u.orders.add(Order(number, "manual", "#555", "Wang Fang", "+86 571 1",
                           Address("Wang Fang", "+86 571 1", "8 Wensan Road", city="Hangzhou",
                                   postcode="310012", country="CN"),
                           [OrderLine(tea.sku, tea.name, units, bin_location="A-01")],
                           buyer_note=note))
        u.stock.get(tea.sku).reserve(units, number, u.now(), "intake")
        u.commit()
        return tea.barcodes[0].code


def _scan(bench, session_id, code):
    return bench.scan_item(c.ScanItem(session_id, uuid.uuid4().hex, code))


def _scan_events(store) -> int:
    with store.engine.connect() as db:
        return db.execute(select(func.count()).select_from(orm.scan_events)).scalar()


def test_a_note_is_read_before_the_items_and_the_reading_is_in_the_trail(demo_store, uow):
    code = _noted_order(uow)
    bench = PackBenchService(uow, note_ack=True)
    opened = bench.open_order(c.OpenOrder("PD-900555", "Ann"))
    assert opened.opened and opened.notes_to_read == ("PD-900555",)
    assert NOTE in opened.message and "PD:NOTEOK" in opened.message
    before = _scan_events(demo_store)

    refused = _scan(bench, opened.session_id, code)
    assert refused.result == "note_unread" and NOTE in refused.message
    assert refused.order.items_verified == 0  # nothing counted
    assert _scan_events(demo_store) == before  # and nothing written
    with pytest.raises(NotAllowed, match="NOTE from the buyer"):
        bench.complete(c.CompletePack(opened.session_id, c.SupervisorApproval("Sam", "9999",
                                                                               "part")))
    with pytest.raises(NotAllowed, match="NOTE from the buyer"):
        bench.confirm_by_hand(c.ConfirmByHand(opened.session_id, uuid.uuid4().hex, "TEA-001",
                                              "label torn", 1,
                                              c.SupervisorApproval("Sam", "9999", "torn")))

    read = bench.read_note(c.ReadNote(opened.session_id, "Ann"))
    assert read.result == "note_read" and "Ann" in read.message
    with uow() as u:
        order = u.orders.get("PD-900555")
        trail = [(t.by, t.reason) for t in order.transitions]
        assert not order.note_to_read
    assert ("Ann", f"buyer note read: {NOTE}") in trail

    assert _scan(bench, opened.session_id, code).result == "verified"
    assert _scan(bench, opened.session_id, code).result == "verified"
    completion = bench.complete(c.CompletePack(opened.session_id))
    assert completion.order.status == "packed"


def test_a_note_read_once_stays_read_on_resume_but_an_order_left_is_read_again(demo_store,
                                                                               uow):
    code = _noted_order(uow)
    bench = PackBenchService(uow, note_ack=True)
    opened = bench.open_order(c.OpenOrder("PD-900555", "Ann"))
    bench.read_note(c.ReadNote(opened.session_id, "Ann"))
    resumed = bench.open_order(c.OpenOrder("PD-900555", "Ann"))  # the bench restarted
    assert resumed.outcome == "resumed" and resumed.notes_to_read == ()
    assert _scan(bench, resumed.session_id, code).result == "verified"
    bench.leave(resumed.session_id)
    reopened = bench.open_order(c.OpenOrder("PD-900555", "Bob"))
    assert reopened.notes_to_read == ("PD-900555",)  # another packing: read it again
    assert _scan(bench, reopened.session_id, code).result == "note_unread"
    nothing = PackBenchService(uow, note_ack=True).read_note(
        c.ReadNote(reopened.session_id, "Bob"))
    assert nothing.result == "note_read"
    assert PackBenchService(uow).read_note(
        c.ReadNote(reopened.session_id, "Bob")).result == "nothing_to_read"


def test_a_station_that_does_not_ask_packs_a_noted_order_straight_away(demo_store, uow):
    code = _noted_order(uow, units=1)
    bench = PackBenchService(uow)  # buyer_note_ack off
    opened = bench.open_order(c.OpenOrder("PD-900555", "Ann"))
    assert opened.notes_to_read == () and NOTE not in opened.message
    assert _scan(bench, opened.session_id, code).result == "verified"


def test_an_order_without_a_note_has_nothing_to_read(demo_store, uow):
    code = _noted_order(uow, note="   ", units=1)
    bench = PackBenchService(uow, note_ack=True)
    opened = bench.open_order(c.OpenOrder("PD-900555", "Ann"))
    assert opened.notes_to_read == ()
    assert _scan(bench, opened.session_id, code).result == "verified"


def test_the_queue_counts_ready_orders_due_today_and_late(demo_store, uow):
    with uow() as u:
        now = u.now()
        ready = [o for o in (u.orders.get(f"PD-{100001 + i}") for i in range(40))
                 if o is not None and o.status == OrderStatus.READY]
        for order in ready:
            order.ship_by = now + timedelta(days=3)
        ready[0].ship_by = now - timedelta(hours=2)  # late
        ready[1].ship_by = now - timedelta(minutes=5)  # late
        day_end = shift_began(now) + timedelta(days=1)
        ready[2].ship_by = now + (day_end - now) / 2  # later today
        ready[3].ship_by = None
        u.commit()
    figures = PackBenchService(uow).figures("Ann")
    # due today counts the late ones too: everything to ship before tonight
    assert (figures.waiting, figures.due_today, figures.late) == (len(ready), 3, 2)
    assert figures.packed == 0 and figures.per_hour is None


def test_the_packers_pace_counts_their_own_orders_since_their_first_today(demo_store, uow):
    bench = PackBenchService(uow)
    for number in ("PD-900601", "PD-900602"):
        code = _noted_order(uow, number=number, note="", units=1)
        opened = bench.open_order(c.OpenOrder(number, "Ann"))
        _scan(bench, opened.session_id, code)
        bench.complete(c.CompletePack(opened.session_id))
    code = _noted_order(uow, number="PD-900603", note="", units=1)
    other = bench.open_order(c.OpenOrder("PD-900603", "Bob"))
    _scan(bench, other.session_id, code)
    bench.complete(c.CompletePack(other.session_id))
    ann = bench.figures("Ann")
    assert ann.packed == 2
    assert ann.per_hour == pytest.approx(2 / 0.25)  # less than 15 minutes counts as 15
    assert bench.figures("Bob").packed == 1
    assert bench.figures("Sam").per_hour is None
