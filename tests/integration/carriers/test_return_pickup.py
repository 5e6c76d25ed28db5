"""The returns counter books a pick-up at the buyer's door (上门取件) with EasyPost: the
pick-up code the carrier confirmed is kept on the case, named in its history, and printed
on the return slip; asking again books nothing twice. Against a real SQLite store and the
EasyPost test server."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.domain.errors import NotAllowed
from app.domain.shipping import BalanceExhausted
from app.services.bench import PackBenchService
from app.services.return_pickup import BookReturnPickup, book_return_pickup
from app.services.returns import CreateReturn, ReturnRequestLine, ReturnsService
from printing.return_documents import return_slip_data
from printing.sheets import render_return_slip
from tests.parts.shipment_store import carrier_store, easypost_carriers, pack, take_orders

START = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)


@pytest.fixture
def approved_case(uow, easypost_server):
    carrier_store(uow, easypost_server.url)
    number = take_orders(uow, 1)[0]
    pack(PackBenchService(uow), number)
    return ReturnsService(uow, zone="UTC").create(CreateReturn(
        number, (ReturnRequestLine("IPOD2008RED", 1),), "shop", "Ann"))


def _book(uow, rma: str, carrier: str = "ezp"):
    return book_return_pickup(BookReturnPickup(rma, "Ann", carrier, START,
                                               START + timedelta(hours=4)),
                              easypost_carriers(), uow)


def _slip_text(case, language: str) -> str:
    pdf = io.BytesIO()
    render_return_slip(return_slip_data(case, language), pdf, language=language)
    reader = PdfReader(io.BytesIO(pdf.getvalue()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pick_up_code_is_kept_on_the_case_and_printed_on_the_slip(approved_case, uow,
                                                                      easypost_server):
    case = _book(uow, approved_case.rma_number)
    [pickup] = easypost_server.pickups.values()
    assert case.pickup_code == pickup["confirmation"] and pickup["status"] == "scheduled"
    assert pickup["reference"] == approved_case.rma_number
    assert case.pickup_carrier == "EasyPost USPS"
    assert case.pickup_window == "2026-12-04 16:00–20:00"
    assert f"pick-up {case.pickup_code} booked with EasyPost USPS" in case.history[-1][4]
    english = _slip_text(case, "en")
    assert f"Pick-up at your door, code: {case.pickup_code}" in english
    assert "A courier comes to your door" in english
    assert f"上门取件，取件码：{case.pickup_code}" in _slip_text(case, "zh").replace(" ", "")


def test_asking_again_books_nothing_twice(approved_case, uow, easypost_server):
    first = _book(uow, approved_case.rma_number)
    again = _book(uow, approved_case.rma_number)
    assert again.pickup_code == first.pickup_code
    assert len(easypost_server.pickups) == 1 and len(easypost_server.bought) == 1


def test_a_carrier_without_an_api_books_no_pick_up(approved_case, uow, easypost_server):
    with uow() as u:
        own = u.carriers.first().code  # the demo's own-range profile
    with pytest.raises(NotAllowed, match="books no pick-ups"):
        _book(uow, approved_case.rma_number, carrier=own)
    assert easypost_server.pickups == {}


def test_no_balance_leaves_the_case_without_a_code(approved_case, uow, easypost_server):
    easypost_server.balance_cents = 0
    with pytest.raises(BalanceExhausted):
        _book(uow, approved_case.rma_number)
    case = ReturnsService(uow, zone="UTC").find(approved_case.rma_number).case
    assert case is not None and case.pickup_code == ""
