"""The returns counter books a pick-up at the buyer's door (上门取件) for an approved return:
the button shows only where it can, the carrier (the EasyPost test server) is asked off the
main thread, and the slip that prints carries the pick-up code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services.bench import PackBenchService
from app.services.returns import CreateReturn, ReturnRequestLine, ReturnsService
from printing.return_documents import ReturnSlipToFolder
from tests.parts.shipment_store import carrier_store, easypost_carriers, pack, take_orders
from ui.returns_counter import ReturnsCounter
from ui.tasks import TaskManager


@pytest.fixture
def rma(uow, easypost_server):
    carrier_store(uow, easypost_server.url)
    number = take_orders(uow, 1)[0]
    pack(PackBenchService(uow), number)
    return ReturnsService(uow, zone="UTC").create(CreateReturn(
        number, (ReturnRequestLine("IPOD2008RED", 1),), "shop", "Ann")).rma_number


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _counter(qtbot, uow, tasks, tmp_path, carriers):
    widget = ReturnsCounter(ReturnsService(uow, zone="UTC", carriers=carriers), tasks,
                            ReturnSlipToFolder(tmp_path / "slips"), clerk="Li Wei")
    qtbot.addWidget(widget)
    return widget


def _open(qtbot, counter, rma):
    with qtbot.waitSignal(counter.case_shown, timeout=10000):
        counter.handle_scan(rma)


def test_the_clerk_books_a_pick_up_and_the_slip_carries_its_code(qtbot, uow, tasks, tmp_path,
                                                                 rma, easypost_server):
    counter = _counter(qtbot, uow, tasks, tmp_path, easypost_carriers())
    _open(qtbot, counter, rma)
    assert not counter.pickup_button.isHidden()
    with qtbot.waitSignal(counter.slip_done, timeout=20000) as printed:
        counter.pickup_button.click()
    [pickup] = easypost_server.pickups.values()
    code = pickup["confirmation"]
    assert counter.banner.text() == f"Pick-up {code} booked; the slip with its code is printing."
    assert counter.pickup_button.isHidden()  # booked once
    slip = Path(printed.args[0]).read_bytes()
    text = " ".join(PdfReader(io.BytesIO(slip)).pages[0].extract_text().split())
    assert f"Pick-up at your door, code: {code}" in text


def test_a_counter_without_carriers_offers_no_pick_up(qtbot, uow, tasks, tmp_path, rma):
    counter = _counter(qtbot, uow, tasks, tmp_path, None)
    _open(qtbot, counter, rma)
    assert counter.pickup_button.isHidden()


def test_a_refused_pick_up_is_said_and_can_be_tried_again(qtbot, uow, tasks, tmp_path, rma,
                                                        easypost_server):
    easypost_server.balance_cents = 0
    counter = _counter(qtbot, uow, tasks, tmp_path, easypost_carriers())
    _open(qtbot, counter, rma)
    with qtbot.waitSignal(counter.verdict_shown, timeout=20000) as said:
        counter.pickup_button.click()
    assert said.args[0] == "problem" and "Top up the EasyPost balance" in said.args[1]
    assert counter.slip_status.text().startswith("No pick-up was booked: EasyPost refused")
    assert counter.pickup_button.isEnabled() and not counter.pickup_button.isHidden()
