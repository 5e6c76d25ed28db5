"""Return slips through the station's spooler, and the headless `packdesk returns` commands."""

import argparse
import io
import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import Address, Order, OrderLine, OrderStatus
from app.services.returns import CreateReturn, ReturnRequestLine, ReturnsService
from printing import return_documents
from printing.return_documents import ReturnSlipPrinting, return_slip_data
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from tests.e2e.driver import decode_pdf_barcodes


def _ship(uow, number: str, at: datetime) -> None:
    with uow() as u:
        tea = u.products.get("TEA-001")
        order = Order(number, "taobao", f"T{number}", "王小明", "138 0013 8000",
                      Address("王小明", "138 0013 8000", "南京东路 100 号", city="上海市"),
                      [OrderLine(tea.sku, tea.name, 2, 2500)])
        u.orders.add(order)
        item = u.stock.get(tea.sku)
        item.reserve(2, number, at, "intake")
        item.ship(2, number, at, "Ann")
        order.lines[0].verified_quantity = 2
        order.transition(OrderStatus.PACKING, "Ann", at)
        order.transition(OrderStatus.PACKED, "Ann", at)
        u.commit()


@pytest.fixture
def case(demo_store, uow):
    _ship(uow, "PD-900020", datetime.now(UTC) - timedelta(days=1))
    service = ReturnsService(uow)
    return service.create(CreateReturn("PD-900020", (ReturnRequestLine("TEA-001", 1),), "shop",
                                       "Ann"))


def _cli(*argv: str, db: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    return_documents.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["returns", "--db", db, *argv])
    out, err = io.StringIO(), io.StringIO()
    return return_documents.run(args, out, err), out.getvalue(), err.getvalue()


def test_the_slip_names_the_shop_its_address_and_who_pays(case):
    slip = return_slip_data(case)
    assert slip.rma_number == case.rma_number == "RMA-PD-900020-1"
    assert slip.return_address.name == "Packdesk Demo Shop 演示店"
    assert "paid by the shop" in slip.instructions
    assert slip.deadline == case.deadline_at
    assert "运费由店铺承担" in return_slip_data(case, "zh").instructions


def test_a_slip_goes_through_the_spooler_and_its_barcode_reads_back(case, tmp_path):
    accepted = threading.Event()
    spooler = Spooler(on_change=lambda job: job.state is JobState.ACCEPTED and accepted.set())
    try:
        route = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "slips"), paper="A4")
        where = ReturnSlipPrinting(route, spooler)(case)
        assert where.startswith("job 1 → folder")
        assert accepted.wait(10)
        [pdf] = (tmp_path / "slips").glob("*.pdf")
        assert case.rma_number in decode_pdf_barcodes(pdf, tmp_path, dpi=150)
    finally:
        spooler.close()


def test_the_returns_commands_set_rules_check_deadlines_and_write_slips(case, sqlite_url,
                                                                        tmp_path):
    code, out, _ = _cli("rule", "--category", "ear", "--no-returnable", db=sqlite_url)
    assert code == 0 and "* / ear: 7 days (faults 30), NOT returnable" in out
    code, out, _ = _cli("rule", "--category", "ear", "--window", "10", db=sqlite_url)
    assert "* / ear: 10 days (faults 30), NOT returnable" in out  # the flag is kept
    code, _, err = _cli("rule", "--damaged-percent", "150", db=sqlite_url)
    assert code == 2 and "A refund percentage is 0 to 100, not 150" in err
    code, out, _ = _cli("check", db=sqlite_url)
    assert (code, out) == (0, "Return cases checked: 0 escalated now, 0 refunds followed up, "
                              "0 waiting for a supervisor.\n")  # nothing is overdue yet, and said
    code, out, _ = _cli("rate", "--days", "7", db=sqlite_url)
    assert code == 0 and "0 of 2 units shipped came back in 7 days: 0.0%" in out
    pdf = tmp_path / "again.pdf"
    code, out, _ = _cli("slip", case.rma_number.lower(), "--pdf", str(pdf), db=sqlite_url)
    assert code == 0 and pdf.exists()
    assert case.rma_number in decode_pdf_barcodes(pdf, tmp_path, dpi=150)
    code, _, err = _cli("slip", "RMA-NOPE-1", "--pdf", str(pdf), db=sqlite_url)
    assert code == 2 and "There is no return RMA-NOPE-1." in err
    code, _, err = _cli("--zone", "Mars/Olympus", "check", db=sqlite_url)
    assert code == 2 and "Unknown time zone 'Mars/Olympus'" in err


def test_an_overdue_case_is_escalated_by_the_check_command(case, demo_store, sqlite_url):
    later = uow_factory(demo_store.session_factory, "counter",
                        clock=lambda: datetime.now(UTC) + timedelta(days=15))
    alerts = ReturnsService(later).escalate()
    assert [a.rma_number for a in alerts] == [case.rma_number]
    code, out, _ = _cli("check", db=sqlite_url)
    assert code == 0 and f"Return {case.rma_number} has been approved too long" in out


def test_close_refund_asks_the_supervisors_pin_and_closes_the_case(demo_store, uow, sqlite_url,
                                                                   monkeypatch):
    from tests.parts.refund_store import refused_taobao_refund

    rma = refused_taobao_refund(uow)
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "1111")
    code, _, err = _cli("close-refund", rma, "--reason", "paid in the seller centre",
                        "--supervisor", "Sam", db=sqlite_url)
    assert (code, asked) == (2, ["PIN for Sam: "])
    assert err == "packdesk returns: Supervisor name or PIN is not right.\n"
    monkeypatch.setattr("getpass.getpass", lambda prompt: "9999")
    code, out, _ = _cli("close-refund", rma, "--reason", "paid in the seller centre",
                        "--supervisor", "Sam", db=sqlite_url)
    assert code == 0
    assert out == f"{rma}: closed, refund manual (closed by hand by Sam)\n"
    with uow() as u:
        last = u.returns.get(rma).transitions[-1]
        assert (last.by, last.station, last.reason) == (
            "Sam", "returns", "refund closed by hand: paid in the seller centre")
        assert u.returns.refund_message(f"refund:taobao:{rma}").status == "closed"
