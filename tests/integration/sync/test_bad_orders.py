"""Issue 13, bad data: one bad order never blocks a channel, and no error line carries a
buyer's name, phone or address. Real WooCommerce test server, real SQLite file."""

from __future__ import annotations

import json
import logging

from sqlalchemy import text

from app.domain.orders import OrderStatus
from sync.runner import SyncRunner, adapter_factory
from tests.parts.sync_store import connect_woo

BUYER, PHONE, STREET = "Jürgen Sonnenschein", "+49 170 5550123", "Lindenallee 77"
TRACKING = [{"tracking_provider": "DHL", "tracking_number": "JJD000390007", "date_shipped":
             "2026-11-19", "tracking_id": "a1b2"}]


def _runner(uow, credentials) -> SyncRunner:
    return SyncRunner(uow, adapter_factory(credentials, timeout_s=2.0))


def _recognisable_buyer(woo_server, **address) -> int:
    person = {"first_name": "Jürgen", "last_name": "Sonnenschein", "address_1": STREET,
              "city": "Köln", "postcode": "50667", "country": "DE", **address}
    [order_id] = woo_server.add_orders(1, billing={**person, "email": "js@example.com",
                                                   "phone": PHONE},
                                       shipping={**person, "phone": PHONE})
    return order_id


def _refuse_city(store, city: str, table: str = "orders", column: str = "ship_city") -> None:
    """A store that will not keep one value (as a constraint a DBA added would)."""
    condition = f"NEW.{column} = '{city}'" if city else "1"
    with store.engine.begin() as db:
        db.execute(text(f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                        f"WHEN {condition} BEGIN SELECT RAISE(ABORT, 'refused'); END"))


def _window(cursor_text):
    window = json.loads(cursor_text)
    window.pop("closed_at", None)
    return window


def test_woo_meta_stored_as_json_text_neither_crashes_nor_blocks_the_page(
        sync_uow, woo_server, credentials):
    """Plugins store meta values as JSON text; one payload of an unexpected shape is parked,
    the rest of the page comes in and the cursor moves on."""
    as_text = woo_server.add_orders(1, meta_data=[
        {"id": 1, "key": "_wc_shipment_tracking_items", "value": json.dumps(TRACKING)},
        {"id": 2, "key": "_x", "value": "{\"a\":1}"}])[0]
    odd_meta = woo_server.add_orders(1, meta_data=[
        {"id": 3, "key": "_wc_shipment_tracking_items", "value": "[\"DHL JJD0003\"]"}])[0]
    odd_shape = woo_server.add_orders(1, shipping="Lindenallee 77, Köln")[0]
    plain = woo_server.add_orders(1)[0]
    connect_woo(sync_uow, credentials, woo_server)
    [state] = _runner(sync_uow, credentials).run_once()
    assert state.online and "error" not in state.last_result, state.last_result
    with sync_uow() as u:
        tracked = u.orders.get(u.orders.intake_link("woocommerce", str(as_text)).order_number)
        assert (tracked.tracking_number, tracked.carrier) == ("JJD000390007", "DHL")
        assert u.orders.intake_link("woocommerce", str(plain)) is not None
        assert u.orders.intake_link("woocommerce", "727") is not None
        parked = {p.channel_order_id: p.reason for p in u.orders.intake_exceptions()}
        assert set(parked) == {str(odd_meta), str(odd_shape)}
        assert "shipment tracking item in meta_data" in parked[str(odd_meta)]
        assert "shipping is text, not a JSON object" in parked[str(odd_shape)]
        cursor = _window(u.outbox.channel("woocommerce").pull_cursor)
    [again] = _runner(sync_uow, credentials).run_once()
    with sync_uow() as u:
        assert len(u.orders.intake_exceptions()) == 2  # parked once, not every cycle
        # the window stays where it was; only the wall-clock time of the pass moves
        assert _window(u.outbox.channel("woocommerce").pull_cursor) == cursor
    assert again.online


def test_an_order_the_store_refuses_is_parked_and_the_rest_of_the_page_comes_in(
        store, sync_uow, woo_server, credentials, caplog):
    refused = _recognisable_buyer(woo_server, city="Refuseville")
    fine = woo_server.add_orders(2)
    _refuse_city(store, "Refuseville")
    connect_woo(sync_uow, credentials, woo_server)
    caplog.set_level(logging.DEBUG)
    runner = _runner(sync_uow, credentials)
    [state] = runner.run_once()
    assert state.online and "error" not in state.last_result, state.last_result
    assert "1 parked" in state.last_result
    with sync_uow() as u:
        for order_id in [*fine, 727]:
            link = u.orders.intake_link("woocommerce", str(order_id))
            assert u.orders.get(link.order_number).status in (OrderStatus.READY,
                                                              OrderStatus.NEEDS_REVIEW)
        assert u.orders.intake_link("woocommerce", str(refused)) is None
        [parked] = u.orders.intake_exceptions()
        assert parked.channel_order_id == str(refused)
        assert "store refused" in parked.reason
        stored_texts = [parked.reason, u.outbox.channel("woocommerce").last_result]
    _assert_no_personal_data(stored_texts + [state.last_result, *map(str, runner.states())],
                             caplog.text)


def test_a_page_the_store_cannot_take_at_all_fails_without_personal_data(
        store, sync_uow, woo_server, credentials, caplog):
    _recognisable_buyer(woo_server, city="Refuseville")
    _refuse_city(store, "Refuseville")
    _refuse_city(store, "", table="intake_exceptions")  # not even parking works
    connect_woo(sync_uow, credentials, woo_server)
    caplog.set_level(logging.DEBUG)
    runner = _runner(sync_uow, credentials)
    [state] = runner.run_once()
    assert state.last_result.startswith("error: ") and "woocommerce" in state.last_result
    with sync_uow() as u:
        assert u.outbox.channel("woocommerce").pull_cursor is None  # tried again next cycle
        last = u.outbox.channel("woocommerce").last_result
    _assert_no_personal_data([state.last_result, last, *map(str, runner.states())],
                             caplog.text)


def _assert_no_personal_data(texts: list[str], log: str) -> None:
    for where in [*texts, log]:
        for private in (BUYER, "Sonnenschein", PHONE, "5550123", STREET, "js@example.com"):
            assert private not in where, f"{private!r} in {where!r}"


def test_intake_fits_orders_to_the_widths_the_store_really_has():
    from app.adapters import orm
    from app.services import intake_fit as fit

    orders, lines = orm.orders.c, orm.order_lines.c
    assert {name: orders[name].type.length for name in fit.ORDER_TEXT_CHARS} == \
        fit.ORDER_TEXT_CHARS
    assert {name: orders[f"ship_{name}"].type.length for name in fit.ADDRESS_TEXT_CHARS} == \
        fit.ADDRESS_TEXT_CHARS
    assert {n: lines[n].type.length for n in ("sku", "name")} == \
        {n: fit.LINE_TEXT_CHARS[n] for n in ("sku", "name")}
    assert orders.channel_order_id.type.length == orm.intake_exceptions.c.channel_order_id \
        .type.length == orm.order_intake.c.channel_order_id.type.length == \
        fit.CHANNEL_ORDER_ID_CHARS
