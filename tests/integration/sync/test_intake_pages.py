"""A page of channel orders is written as plain rows (issue 5, ingest speed): what lands in the
store must be exactly what a packer, the ledger and later commands expect."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select

from app.adapters import orm
from app.domain.orders import Address, OrderStatus
from app.domain.stock import replay
from app.services.intake import IncomingLine, IncomingOrder, approve_review, take_in

PLACED = datetime(2026, 11, 20, 1, 2, 3, 456789, tzinfo=UTC)


def _order(order_id: str, *lines: tuple[str, int], buyer: str = "Li Wei",
           door: str = "8 Jade Road", status: str = "open", marker: str = "v1") -> IncomingOrder:
    return IncomingOrder(
        "shopify", order_id, status, buyer, "+86 138 0000 0000",
        Address(buyer, "+86 138 0000 0000", door, "Flat 2", "杭州市", "浙江省", "310000", "CN"),
        tuple(IncomingLine(f"{order_id}-{n}", sku, f"Item {sku}", quantity, 1250)
              for n, (sku, quantity) in enumerate(lines)),
        buyer_note="leave at the door", placed_at=PLACED, ship_by=PLACED,
        updated_marker=marker)


def _moves(store, sku: str) -> list:
    with store.engine.connect() as db:
        return list(db.execute(select(orm.stock_moves).where(orm.stock_moves.c.sku == sku)
                               .order_by(orm.stock_moves.c.id)))


def test_a_page_lands_as_the_orders_their_lines_ledger_and_intake_records(store, sync_uow):
    results = take_in([_order("A1", ("IPOD2008RED", 2), ("IPOD2008GREEN", 1)),
                       _order("A2", ("IPOD2008RED", 1), buyer="Zhang Min", door="1 Pine St")],
                      sync_uow())
    assert [r.outcome for r in results] == ["created", "created"]
    with sync_uow() as u:
        order = u.orders.get(results[0].order_number)
        assert order.status == OrderStatus.READY and order.version == 1
        assert (order.ship_to.city, order.ship_to.line2, order.buyer_note) == \
            ("杭州市", "Flat 2", "leave at the door")
        assert order.placed_at == PLACED and order.placed_at.tzinfo is not None
        assert [(ln.sku, ln.quantity, ln.unit_price_cents, ln.verified_quantity)
                for ln in order.lines] == [("IPOD2008RED", 2, 1250, 0),
                                           ("IPOD2008GREEN", 1, 1250, 0)]
        link = u.orders.intake_link("shopify", "A1")
        assert link.reserved == {"IPOD2008RED": 2, "IPOD2008GREEN": 1}
        assert link.lines[0] == {"line_id": "A1-0", "sku": "IPOD2008RED", "quantity": 2}
        assert link.version == 1 and not link.merge_group
        red = u.stock.get("IPOD2008RED")
        assert (red.available, red.awaiting_shipment) == (97, 3)
        # a later command changes the bulk-written order through its aggregate and version
        order.transition(OrderStatus.ON_HOLD, "Ann", u.now(), "buyer called")
        u.commit()
    reservations = [m for m in _moves(store, "IPOD2008RED") if m.reason == "reserved"]
    assert [(m.order_number, m.quantity, m.station, m.by) for m in reservations] == \
        [(results[0].order_number, 2, "test-bench", "intake"),
         (results[1].order_number, 1, "test-bench", "intake")]
    with sync_uow() as u:
        assert u.orders.get(results[0].order_number).version == 2
        red = u.stock.get("IPOD2008RED")
        figures = replay([m for m in _moves(store, "IPOD2008RED")])
        assert (figures["available"], figures["awaiting_shipment"]) == \
            (red.available, red.awaiting_shipment)


def test_the_same_order_twice_in_one_page_is_created_then_cancelled(store, sync_uow):
    first = _order("B1", ("IPOD2008BLACK", 4))
    results = take_in([first, replace(first, status="cancelled", updated_marker="v2")],
                      sync_uow())
    assert [r.outcome for r in results] == ["created", "cancelled"]
    with sync_uow() as u:
        order = u.orders.get(results[0].order_number)
        assert order.status == OrderStatus.CANCELLED
        black = u.stock.get("IPOD2008BLACK")
        assert (black.available, black.awaiting_shipment) == (100, 0)
        assert u.orders.intake_link("shopify", "B1").reserved == {}
    assert [m.reason for m in _moves(store, "IPOD2008BLACK")][-2:] == ["reserved", "cancelled"]


def test_a_changed_order_later_in_the_same_page_goes_to_review(sync_uow):
    first = _order("C1", ("IPOD2008RED", 1))
    changed = replace(first, updated_marker="v2", lines=first.lines + (
        IncomingLine("C1-9", "IPOD2008GREEN", "Green", 1),))
    results = take_in([first, changed], sync_uow())
    assert [r.outcome for r in results] == ["created", "updated"]
    with sync_uow() as u:
        order = u.orders.get(results[0].order_number)
        assert order.status == OrderStatus.NEEDS_REVIEW
        assert "changed the order's items" in order.last_transition_to(
            OrderStatus.NEEDS_REVIEW).reason


def test_review_admissions_carry_their_transition_and_can_be_approved(sync_uow):
    results = take_in([_order("D1", ("IPOD2008RED", 1), ("NOT-A-PRODUCT", 1))], sync_uow())
    assert results[0].outcome == "review"
    with sync_uow() as u:
        order = u.orders.get(results[0].order_number)
        record = order.last_transition_to(OrderStatus.NEEDS_REVIEW)
        assert (record.from_status, record.by, record.station) == ("ready", "intake", "test-bench")
        assert "unknown SKU NOT-A-PRODUCT" in record.reason
        assert record.at.tzinfo is not None


def test_merge_groups_join_stored_orders_and_orders_in_the_page(sync_uow):
    stored = take_in([_order("E1", ("IPOD2008RED", 1))], sync_uow())[0]
    page = take_in([_order("E2", ("IPOD2008GREEN", 1)),
                    _order("E3", ("IPOD2008BLACK", 1)),
                    _order("E4", ("IPOD2008BLACK", 1), door="another door")], sync_uow())
    group = f"M-{stored.order_number}"
    assert [r.merge_group for r in page] == [group, group, ""]
    with sync_uow() as u:
        assert u.orders.intake_link("shopify", "E1").merge_group == group
        assert u.orders.intake_link("shopify", "E3").merge_group == group
        assert u.orders.intake_link("shopify", "E4").merge_group == ""
    # a buyer whose orders are all packed or cancelled starts no group
    cancelled = take_in([replace(_order("E5", ("IPOD2008RED", 1), buyer="Chen Jie"),
                                 status="cancelled")], sync_uow())
    assert cancelled[0].outcome == "ignored"
    alone = take_in([_order("E6", ("IPOD2008RED", 1), buyer="Chen Jie")], sync_uow())
    assert alone[0].merge_group == ""


def test_numbers_are_consecutive_and_continue_after_a_page(sync_uow):
    first = take_in([_order(f"F{n}", ("IPOD2008RED", 1), buyer=f"B{n}") for n in range(3)],
                    sync_uow())
    numbers = [int(r.order_number[3:]) for r in first]
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    later = take_in([_order("F9", ("IPOD2008RED", 1), buyer="B9")], sync_uow())
    assert int(later[0].order_number[3:]) == numbers[-1] + 1


def test_an_approved_review_reserves_against_the_bulk_written_ledger(sync_uow):
    short = take_in([_order("G1", ("IPOD2008GREEN", 101))], sync_uow())[0]
    assert short.outcome == "review"
    with sync_uow() as u:
        green = u.stock.get("IPOD2008GREEN")
        green.receive(1, u.now(), "test")
        u.commit()
    assert "ready to pack" in approve_review(short.order_number, "Sam", sync_uow())
    with sync_uow() as u:
        assert u.stock.get("IPOD2008GREEN").awaiting_shipment == 101


def test_stored_orders_joining_merge_groups_are_written_in_one_checked_statement(store,
                                                                                  sync_uow):
    """Three buyers' stored orders each join a new order's group: one UPDATE for the page
    (not one per record), every record's version moved on as the ORM moves it; a stored
    record changed in the page as well is written by the ORM, just as right."""
    from sqlalchemy import event

    firsts = [take_in([_order(f"G{n}", ("IPOD2008RED", 1), buyer=f"Buyer {n}")],
                      sync_uow())[0] for n in range(3)]
    updates: list[tuple[str, bool]] = []

    def seen(_conn, _cursor, statement, _params, _context, many):
        if statement.startswith("UPDATE order_intake"):
            updates.append((statement, many))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        page = take_in([_order(f"H{n}", ("IPOD2008GREEN", 1), buyer=f"Buyer {n}")
                        for n in range(3)]
                       + [replace(_order("G2", ("IPOD2008RED", 1), buyer="Buyer 2",
                                         marker="v2"), buyer_note="ring twice")], sync_uow())
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    groups = [f"M-{first.order_number}" for first in firsts]
    assert [r.merge_group for r in page] == [*groups, groups[2]]
    assert sum(many for _statement, many in updates) == 1  # G0 and G1 together
    with sync_uow() as u:
        for n, group in enumerate(groups):
            link = u.orders.intake_link("shopify", f"G{n}")
            assert (link.merge_group, link.version) == (group, 2)
        assert u.orders.intake_link("shopify", "G2").updated_marker == "v2"
        assert u.orders.get(firsts[2].order_number).buyer_note == "ring twice"


def test_a_merge_group_written_over_a_record_changed_meanwhile_is_a_conflict(sync_uow):
    from sqlalchemy import update

    from app.domain.errors import ConcurrencyConflict

    take_in([_order("K1", ("IPOD2008RED", 1))], sync_uow())
    with sync_uow() as u:
        link = u.orders.intake_link("shopify", "K1")
        link.merge_group = "M-ELSEWHERE"
        u.orders.session.execute(update(orm.order_intake).where(  # another writer's change
            orm.order_intake.c.id == link.id).values(version=orm.order_intake.c.version + 1))
        try:
            u.orders.write_merge_groups([link])
        except ConcurrencyConflict:
            pass
        else:
            raise AssertionError("a stale record's merge group was written")


def test_a_pages_statements_do_not_grow_with_the_store(store, sync_uow):
    """The same page costs the same statements in a store of 30 orders as in one of 630
    (issue 20: every query of a page is driven by the page's own keys)."""
    from sqlalchemy import event

    def page(tag: str) -> list:
        return [_order(f"{tag}-{i}", ("IPOD2008RED", 1), buyer=f"Buyer {tag}-{i}",
                       door=f"{i} {tag} Road") for i in range(10)]

    statements: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many):
        statements.append(statement)

    def counted(tag: str) -> list[str]:
        statements.clear()
        event.listen(store.engine, "before_cursor_execute", seen)
        try:
            results = take_in(page(tag), sync_uow())
        finally:
            event.remove(store.engine, "before_cursor_execute", seen)
        assert [r.outcome for r in results] == ["created"] * 10
        return sorted(statements)

    take_in([_order(f"S-{i}", ("IPOD2008RED" if i == 0 else "NOPE", 1), buyer=f"Small {i}")
             for i in range(20)], sync_uow())  # the SKU listed for the channel already
    small = counted("P1")
    for chunk in range(3):  # 600 more open orders, of other buyers, waiting for review
        take_in([_order(f"G{chunk}-{i}", ("NOPE", 1), buyer=f"Grown {chunk}-{i}",
                        door=f"{i} Far Road") for i in range(200)], sync_uow())
    grown = counted("P2")
    assert grown == small
    assert len(small) <= 30  # a handful a page, not one a line or an order


def test_a_page_holds_the_writer_lock_only_while_it_writes(store, sync_uow, monkeypatch):
    """SQLite's one writer lock is taken by a transaction's first write and kept to its
    commit: a scan behind it waits that long. The order numbers come from the counter in a
    short transaction of their own, so the page's work order by order (each order's
    reservations) runs before its transaction writes anything (issue 20: at 1M the intake
    step held the lock from `UPDATE counters` on, 300-440 ms, and scans waited behind it).
    Counted by events, not times: no reservation while the page holds the lock."""
    from sqlalchemy import event

    from app.domain.stock import StockItem

    events: list[str] = []
    holding: set[int] = set()

    def executed(conn, _cursor, statement, *_args) -> None:
        verb = statement.lstrip().split(None, 1)[0].upper()
        if verb in ("INSERT", "UPDATE", "DELETE"):
            if id(conn) not in holding:
                holding.add(id(conn))
                events.append("lock")
            events.append(f"{verb} {statement.split()[2 if verb != 'UPDATE' else 1]}")

    def ended(conn) -> None:
        if id(conn) in holding:
            holding.discard(id(conn))
            events.append("unlock")

    event.listen(store.engine, "after_cursor_execute", executed)
    event.listen(store.engine, "commit", ended)
    event.listen(store.engine, "rollback", ended)
    reserve = StockItem.reserve

    def reserving(self, *args, **kwargs):
        events.append("reserve" + ("" if not holding else " while locked"))
        return reserve(self, *args, **kwargs)

    monkeypatch.setattr(StockItem, "reserve", reserving)
    results = take_in([_order(f"L{n}", ("IPOD2008RED", 1)) for n in range(5)], sync_uow())
    assert [r.outcome for r in results] == ["created"] * 5
    numbers = sorted(int(r.order_number[3:]) for r in results)
    assert numbers == list(range(numbers[0], numbers[0] + 5))  # one block, in a row
    assert events.count("reserve") == 5 and "reserve while locked" not in events, events
    first = events[events.index("lock") + 1:events.index("unlock")]  # the numbers' own
    assert "UPDATE counters" in first and all(s.endswith(" counters") for s in first), events
    assert events.index("unlock") < events.index("reserve"), events
