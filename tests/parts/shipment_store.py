"""A store whose carrier issues labels through EasyPost (the local test server), and orders
from a Shopify channel to pack: the pieces the carrier-label tests share."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.orders import Address
from app.services import commands as c
from app.services.carrier_setup import set_carrier
from app.services.channel_stock import add_channel
from app.services.intake import IncomingLine, IncomingOrder, take_in
from tests.channel_servers.easypost_server import EasyPostServer

PLACED = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
API_KEY = "EZTK_packdesk_test"


@pytest.fixture
def easypost_server() -> Iterator[EasyPostServer]:
    with EasyPostServer(api_key=API_KEY) as server:
        yield server


def carrier_keys(*codes: str, api_key: str = API_KEY):
    """A carrier keyring (in memory) holding the EasyPost key of each profile code."""
    from printing.carriers.credentials import CarrierCredentialStore
    from tests.parts.sync_store import MemoryKeyring  # a plugin module itself: import late

    keys = CarrierCredentialStore(MemoryKeyring())
    for code in codes or ("ezp",):
        keys.save(code, "easypost", {"api_key": api_key})
    return keys


def easypost_carriers(keys=None):
    """What the label job asks for: the adapter of a profile, through the registry."""
    from printing.carriers import CarrierRegistry, carrier_directory

    return carrier_directory(CarrierRegistry(store=keys or carrier_keys()))


def carrier_store(uow, server_url: str, code: str = "ezp") -> None:
    """Stock, a Shopify channel and an EasyPost carrier profile (the demo's own-range
    profiles stay: the EasyPost one is named on the orders)."""
    from tests.parts.sync_store import stock_the_store  # a plugin module itself: import late

    stock_the_store(uow)
    add_channel(uow(), "shop", "shopify")
    set_carrier(uow(), code, "EasyPost USPS", "easypost", server_url, "GroundAdvantage")
    with uow() as u:
        profile = u.carriers.get(code)
        profile.sender_name, profile.sender_phone = "Packdesk Test Shop", "415 555 0100"
        profile.sender_address = "417 Montgomery St\nSan Francisco CA 94104\nUS"
        u.commit()


def take_orders(uow, count: int, first: int = 1, carrier: str = "ezp") -> list[str]:
    """`count` one-line Shopify orders, each for its own buyer, with the carrier named."""
    incoming = [IncomingOrder(
        "shop", f"{5000 + n}", "open", f"Buyer {n}", "415 555 0199",
        Address(f"Buyer {n}", "415 555 0199", f"{100 + n} Market St", "", "San Francisco",
                "CA", "94105", "US"),
        (IncomingLine(f"L{n}", "IPOD2008RED", "Channel product IPOD2008RED", 1),),
        placed_at=PLACED + timedelta(minutes=n)) for n in range(first, first + count)]
    results = take_in(incoming, uow())
    assert {r.outcome for r in results} == {"created"}, results
    numbers = [r.order_number for r in results]
    with uow() as u:
        for number in numbers:
            u.orders.get(number).carrier = carrier
        u.commit()
    return numbers


def pack(bench, number: str, weighed_g: float | None = 850.0):
    """Open, scan the one item, complete (on the scale): the Completion."""
    opened = bench.open_order(c.OpenOrder(number, "Ann"))
    assert opened.outcome == "opened", opened.message
    verdict = bench.scan_item(c.ScanItem(opened.session_id, uuid.uuid4().hex,
                                         "SCAN-IPOD2008RED"))
    assert verdict.order_complete, verdict.message
    return bench.complete(c.CompletePack(opened.session_id, weighed_g=weighed_g,
                                         box_tare_g=750.0))  # 100 g of item in its box
