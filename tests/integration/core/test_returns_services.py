"""The returns counter's commands against a real SQLite store, with a clock we move."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, select

from app.adapters import orm
from app.adapters.unit_of_work import uow_factory
from app.domain.errors import ConcurrencyConflict, InvalidInput, NotAllowed, NotFound
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.domain.outbox import OutboxStatus
from app.domain.stock import INTERNAL, StockItem, StockMove, replay
from app.services.channel_stock import add_channel
from app.services.commands import SupervisorApproval
from app.services.return_policy import ReturnRule
from app.services.returns import (
    CreateReturn,
    GradeUnit,
    ReceiveItem,
    ReturnRequestLine,
    ReturnsService,
)

SHIPPED_AT = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(SHIPPED_AT + timedelta(days=2))


@pytest.fixture
def counter_uow(demo_store, clock):
    counter_uow = uow_factory(demo_store.session_factory, station="counter-1", clock=clock)
    add_channel(counter_uow(), "shopify", "shopify")  # refunds go to a channel set up here
    return counter_uow


def ship(uow, number: str, lines: list[tuple[str, int, int]], channel: str = "shopify",
         at: datetime = SHIPPED_AT, buyer: str = "Åsa Lindqvist", phone: str = "+46 8 555 0199"):
    """An order packed and shipped the way the bench does it: reserved, verified, shipped."""
    with uow() as u:
        order = Order(number, channel, f"#{number}", buyer, phone,
                      Address(buyer, phone, "12 rue de l'Église", city="Paris", country="FR"),
                      [OrderLine(sku, u.products.get(sku).name, qty, price)
                       for sku, qty, price in lines], tracking_number=f"PK{number[3:]}")
        u.orders.add(order)
        for line in order.lines:
            item = u.stock.get(line.sku)
            item.reserve(line.quantity, number, at, "intake")
            item.ship(line.quantity, number, at, "Ann")
            line.verified_quantity = line.quantity
        order.transition(OrderStatus.PACKING, "Ann", at)
        order.transition(OrderStatus.PACKED, "Ann", at)
        u.commit()
    return number


@pytest.fixture
def service(counter_uow):
    return ReturnsService(counter_uow, zone="Asia/Shanghai")


@pytest.fixture
def shipped(counter_uow):
    return ship(counter_uow, "PD-900001", [("TEA-001", 2, 1999), ("CUP-002", 1, 850)])


def _create(service, lines, approval=None, approve=True, number="PD-900001"):
    return service.create(CreateReturn(number, tuple(ReturnRequestLine(*ln) for ln in lines),
                                       "buyer", "Ann", approval, approve))


def _stock(uow, sku):
    """The item's buckets (a detached copy) and its ledger rows, oldest first."""
    with uow() as u:
        item = u.stock.get(sku)
        copy = StockItem(sku, **{b.value: getattr(item, b.value) for b in INTERNAL})
        rows = u.session.execute(select(orm.stock_moves).where(orm.stock_moves.c.sku == sku)
                                 .order_by(orm.stock_moves.c.id)).all()
        return copy, rows


def _codes(uow, sku):
    with uow() as u:
        return u.products.get(sku).barcodes[0].code


def test_an_order_is_found_by_number_channel_id_tracking_rma_name_or_phone(service, shipped):
    for text in ("pd-900001", "#PD-900001", "PK900001", "Åsa Lind", "lindqvist", "+46 (8) 555-0199"):
        found = service.find(text)
        assert found.outcome == "order", text
        assert found.order.number == "PD-900001"
    view = service.find("PD-900001").order
    assert view.policy_passes and "day 2 since shipping" in view.policy_reason
    assert [(ln.sku, ln.shipped, ln.returnable) for ln in view.lines] == [
        ("TEA-001", 2, 2), ("CUP-002", 1, 1)]
    case = _create(service, [("TEA-001", 1)])
    assert service.find(case.rma_number.lower()).case.rma_number == "RMA-PD-900001-1"
    assert service.find("PD-900001").order.open_cases == ("RMA-PD-900001-1",)


def test_bad_input_gets_clear_messages(service, shipped, counter_uow):
    assert service.find("PD-424242").message == ("No order, tracking number, return or buyer "
                                                 "matches 'PD-424242'.")
    assert service.find("RMA-PD-1-9").message == "There is no return RMA-PD-1-9."
    assert service.find("PD\x07").outcome == "invalid"
    with pytest.raises(NotFound, match="There is no order PD-424242"):
        _create(service, [("TEA-001", 1)], number="PD-424242")
    with pytest.raises(InvalidInput, match="TEA-001: 3 to return, but only 2 shipped.$"):
        _create(service, [("TEA-001", 3)])
    with pytest.raises(InvalidInput, match="POT-003 is not on order PD-900001"):
        _create(service, [("POT-003", 1)])
    with pytest.raises(InvalidInput, match="Choose at least one item"):
        _create(service, [("TEA-001", 0)])
    with pytest.raises(NotAllowed, match="PD-100001 is ready; it has not shipped"):
        _create(service, [("TEA-001", 1)], number="PD-100001")
    _create(service, [("TEA-001", 1)])
    with pytest.raises(InvalidInput, match="only 2 shipped and 1 are already on a return"):
        _create(service, [("TEA-001", 2)])
    _create(service, [("TEA-001", 1), ("CUP-002", 1)])
    with pytest.raises(NotAllowed, match="Order PD-900001 is already fully returned"):
        _create(service, [("TEA-001", 1)])
    assert service.find("PD-900001").order.policy_reason == (
        "Order PD-900001 is already fully returned.")


def test_the_whole_return_moves_stock_through_the_ledger_and_queues_the_refund(
        service, shipped, counter_uow, clock):
    before, _ = _stock(counter_uow, "TEA-001")
    sellable_before = before.sellable
    case = _create(service, [("TEA-001", 2, "changed_mind"), ("CUP-002", 1, "damaged")])
    assert case.status == "approved" and case.policy_verdict == "pass"
    assert _stock(counter_uow, "TEA-001")[0].returns_in_transit == before.returns_in_transit + 2
    assert _stock(counter_uow, "TEA-001")[0].sellable == sellable_before + 2
    tea, cup = _codes(counter_uow, "TEA-001"), _codes(counter_uow, "CUP-002")
    pot = _codes(counter_uow, "POT-003")
    verdicts = [service.receive(ReceiveItem(case.rma_number, code, "Ann")).result
                for code in (tea, pot, tea, tea, "NOPE-1", cup)]
    assert verdicts == ["received", "wrong_item", "received", "extra", "unknown_code",
                        "received"]
    case = service.finish_receiving(case.rma_number, "Ann")  # the last unit closed it
    assert case.status == "received" and case.missing == ()
    home = {line.sku: line.home_bin for line in case.lines}
    for sku, grade, disposition in (("TEA-001", "resellable", "restock"),
                                    ("TEA-001", "missing_parts", "quarantine"),
                                    ("CUP-002", "damaged", "scrap")):
        case = service.grade(GradeUnit(case.rma_number, sku, grade, disposition, "Ann",
                                       photo_path="/photos/cup.jpg" if grade == "damaged"
                                       else "", bin=home[sku]))
    assert case.status == "graded"
    assert case.refund_cents == 1999 + 999 + 850  # the cup came damaged: the shop's fault
    case = service.refund(case.rma_number, "Ann")
    assert (case.status, case.refund_status) == ("refunded", "pending")
    after, moves = _stock(counter_uow, "TEA-001")
    assert (after.available, after.frozen) == (before.available + 1, before.frozen + 1)
    assert after.returns_in_transit == before.returns_in_transit
    returns_moves = [(m.from_bucket, m.to_bucket, m.quantity, m.reason) for m in moves
                     if m.reason.endswith(case.rma_number)]
    assert returns_moves == [
        ("customer", "returns_in_transit", 2, f"return approved {case.rma_number}"),
        ("returns_in_transit", "available", 1, f"return restock {case.rma_number}"),
        ("returns_in_transit", "frozen", 1, f"return quarantine {case.rma_number}")]
    assert replay([_as_move(m) for m in moves]) == {b.value: getattr(after, b.value)
                                                   for b in INTERNAL}
    _, cup_moves = _stock(counter_uow, "CUP-002")
    assert cup_moves[-1].to_bucket == "scrap"
    with counter_uow() as u:
        message = u.returns.refund_message(f"refund:shopify:{case.rma_number}")
        assert message.kind == "refund" and message.status == OutboxStatus.PENDING
        assert message.payload["amount_cents"] == 3848
        assert message.payload["lines"] == [
            {"sku": "TEA-001", "quantity": 2, "amount_cents": 2998},
            {"sku": "CUP-002", "quantity": 1, "amount_cents": 850}]
        message.status = OutboxStatus.SENT  # the sync runner delivered it
        u.commit()
    [closed] = service.track_refunds()
    assert (closed.status, closed.refund_status) == ("closed", "confirmed")
    assert [h[2] for h in closed.history] == ["requested", "approved", "received", "graded",
                                              "refunded", "closed"]
    assert service.track_refunds() == []


def _as_move(row) -> StockMove:
    return StockMove(row.sku, row.from_bucket, row.to_bucket, row.quantity, row.reason, row.at)


def test_missing_units_go_back_to_the_customer_and_a_damaged_unit_is_never_restocked(
        service, shipped, counter_uow):
    case = _create(service, [("TEA-001", 2)])
    with pytest.raises(NotAllowed, match="Nothing has been received"):
        service.finish_receiving(case.rma_number, "Ann")
    service.receive(ReceiveItem(case.rma_number, _codes(counter_uow, "TEA-001"), "Ann"))
    case = service.finish_receiving(case.rma_number, "Ann")
    assert case.missing == (("TEA-001", 1),)
    assert case.history[-1][4] == "missing: TEA-001×1"
    with pytest.raises(InvalidInput, match="A damaged unit cannot go back on the shelf"):
        service.grade(GradeUnit(case.rma_number, "TEA-001", "damaged", "restock", "Ann"))
    case = service.grade(GradeUnit(case.rma_number, "TEA-001", "damaged", "quarantine", "Ann",
                                   "/photos/tea.jpg"))
    assert case.status == "graded" and case.refund_cents == 0
    assert case.units[0].photo_path == "/photos/tea.jpg"
    assert service.refund(case.rma_number, "Ann").status == "closed"
    _, moves = _stock(counter_uow, "TEA-001")
    assert [(m.from_bucket, m.to_bucket, m.quantity) for m in moves][-1] == (
        "returns_in_transit", "frozen", 1)
    assert ("returns_in_transit", "customer", 1) in [
        (m.from_bucket, m.to_bucket, m.quantity) for m in moves]
    with counter_uow() as u:
        assert u.returns.refund_message(f"refund:shopify:{case.rma_number}") is None


def test_outside_the_policy_a_supervisor_overrides_with_a_reason(service, shipped, clock,
                                                                  counter_uow):
    clock.now = SHIPPED_AT + timedelta(days=8)  # day 8 in Shanghai
    assert not service.find("PD-900001").order.policy_passes
    with pytest.raises(NotAllowed, match="Outside the return policy: TEA-001: day 8"):
        _create(service, [("TEA-001", 1)])
    with pytest.raises(NotAllowed, match="Supervisor name or PIN is not right"):
        _create(service, [("TEA-001", 1)], SupervisorApproval("Sam", "0000", "loyal buyer"))
    with pytest.raises(NotAllowed, match="Ann is not a supervisor"):
        _create(service, [("TEA-001", 1)], SupervisorApproval("Ann", "1234", "loyal buyer"))
    case = _create(service, [("TEA-001", 1)], SupervisorApproval("Sam", "9999", "loyal buyer"))
    assert (case.status, case.policy_verdict, case.override_by) == ("approved", "fail", "Sam")
    assert case.history[-1][3:] == ("Sam", "override: loyal buyer")
    delivered = service.create(CreateReturn(  # the carrier says it arrived two days later
        "PD-900001", (ReturnRequestLine("TEA-001", 1),), "buyer", "Ann",
        delivered_at=SHIPPED_AT + timedelta(days=2)))
    assert delivered.policy_verdict == "pass"
    assert delivered.policy_reason == "Within the return window: day 6 since delivery."


def test_non_returnable_categories_need_a_fault_or_an_override(service, counter_uow):
    with counter_uow() as u:
        u.returns.add_rule(ReturnRule(category="ear", returnable=False))
        u.commit()
    ship(counter_uow, "PD-900002", [("EAR-015", 1, 5900)])
    with pytest.raises(NotAllowed, match="ear items cannot be returned without a fault"):
        _create(service, [("EAR-015", 1, "changed_mind")], number="PD-900002")
    case = _create(service, [("EAR-015", 1, "not_as_described")], number="PD-900002")
    assert case.status == "approved"


def test_waiting_cases_escalate_once_per_status_with_the_injected_clock(service, shipped,
                                                                       clock):
    waiting = _create(service, [("TEA-001", 1)], approve=False)
    assert waiting.status == "requested"
    clock.now += timedelta(hours=23)
    assert service.escalate() == []
    clock.now += timedelta(hours=2)
    [alert] = service.escalate()
    assert alert.rma_number == waiting.rma_number and alert.assigned_to == "Ann"
    assert "has been requested too long" in alert.message
    assert service.escalate() == []  # escalated once, not on every tick
    assert [a.rma_number for a in service.alerts()] == [waiting.rma_number]
    approved = service.approve(waiting.rma_number, "Sam")
    assert approved.escalated_at is None and service.alerts() == []
    clock.now += timedelta(days=14, seconds=1)
    assert [a.status for a in service.escalate()] == ["approved"]
    assert service.assign(waiting.rma_number, "li wei").assigned_to == "Li Wei"
    with pytest.raises(NotFound, match="nobody called 'Nobody'"):
        service.assign(waiting.rma_number, "Nobody")


def test_a_rejected_return_gives_the_units_back_and_frees_the_quantity(service, shipped,
                                                                       counter_uow):
    before, _ = _stock(counter_uow, "TEA-001")
    case = _create(service, [("TEA-001", 2)])
    with pytest.raises(InvalidInput, match="Say why"):
        service.reject(case.rma_number, "Sam", " ")
    rejected = service.reject(case.rma_number, "Sam", "items were used")
    assert rejected.status == "rejected"
    assert _stock(counter_uow, "TEA-001")[0].returns_in_transit == before.returns_in_transit
    assert _create(service, [("TEA-001", 2)]).rma_number == "RMA-PD-900001-2"


def test_the_return_rate_counts_units_shipped_and_units_received_back(service, shipped,
                                                                      counter_uow, clock):
    case = _create(service, [("TEA-001", 2)])
    service.receive(ReceiveItem(case.rma_number, _codes(counter_uow, "TEA-001"), "Ann"))
    rate = service.return_rate(SHIPPED_AT - timedelta(days=1), clock.now + timedelta(days=1))
    assert (rate.units_shipped, rate.units_returned) == (3, 1)
    assert rate.rate == pytest.approx(1 / 3)


def test_an_unknown_time_zone_in_the_settings_is_named(counter_uow):
    with pytest.raises(InvalidInput, match="Unknown time zone 'Mars/Olympus'"):
        ReturnsService(counter_uow, zone="Mars/Olympus")


def test_the_migration_builds_the_tables_the_mapping_expects(demo_store):
    found = inspect(demo_store.engine)
    for table in (orm.return_cases, orm.return_lines, orm.return_units, orm.return_scans,
                  orm.return_transitions, orm.return_rules):
        assert {c["name"] for c in found.get_columns(table.name)} == set(table.c.keys())


def test_a_scan_on_a_stale_case_loses_the_race_instead_of_overwriting(service, shipped,
                                                                      counter_uow):
    """Receiving changes only a line and adds a scan; the case's version must still move."""
    case = _create(service, [("TEA-001", 2)])
    with counter_uow() as a, counter_uow() as b:
        case_a, case_b = a.returns.get(case.rma_number), b.returns.get(case.rma_number)
        case_a.receive("x", "TEA-001", a.now(), "Ann")
        case_b.receive("y", "TEA-001", b.now(), "Li Wei")
        a.commit()
        with pytest.raises(ConcurrencyConflict):
            b.commit()
    assert service.find(case.rma_number).case.units_received == 1
