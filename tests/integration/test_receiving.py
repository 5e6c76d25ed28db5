"""Receiving by scanning on a real store: units in at once, case codes, lots, undo."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import IllegalTransition, InvalidInput, NotAllowed, NotFound
from app.services import receiving as rc
from app.services import stock
from tests.integration.test_stock_services import CASE_OF_TEA, TEA, seeded_uow


@pytest.fixture
def stock_uow(store):
    return seeded_uow(store)


def _level(uow, sku="TEA-1"):
    return stock.stock_levels(uow(), [sku])[0]


def test_a_receipt_adds_stock_scan_by_scan(stock_uow):
    receipt = rc.open_receipt(rc.OpenReceipt("Ann", "DN-778", "Green Leaf Ltd"), stock_uow())
    view = rc.receive_scan(rc.ReceiveScan(receipt.id, "s1", TEA, "Ann"), stock_uow())
    assert view.message == "+1 TEA-1"
    view = rc.receive_scan(rc.ReceiveScan(receipt.id, "s2", CASE_OF_TEA, "Ann"), stock_uow())
    assert view.units == {"TEA-1": 7}
    assert _level(stock_uow).available == 17
    history = stock.stock_history(stock_uow(), "TEA-1")
    assert history.rows[-1].reason == "receipt DN-778"
    assert history.rows[-1].station == "bench-2" and history.consistent


def test_the_same_scan_twice_is_received_once(stock_uow):
    receipt = rc.open_receipt(rc.OpenReceipt("Ann"), stock_uow())
    rc.receive_scan(rc.ReceiveScan(receipt.id, "same", TEA, "Ann"), stock_uow())
    again = rc.receive_scan(rc.ReceiveScan(receipt.id, "same", TEA, "Ann"), stock_uow())
    assert again.message == "That scan was already received."
    assert _level(stock_uow).available == 11


def test_lots_and_expiry_are_kept_per_receipt_line(stock_uow):
    receipt = rc.open_receipt(rc.OpenReceipt("Ann"), stock_uow())
    scan = rc.ReceiveScan(receipt.id, "l1", TEA, "Ann", 5, "L-2027A", date(2027, 3, 31))
    rc.receive_scan(scan, stock_uow())
    rc.receive_scan(rc.ReceiveScan(receipt.id, "l2", TEA, "Ann", 2, "L-2026B",
                                   date(2026, 12, 31)), stock_uow())
    lots = stock.lots(stock_uow(), "TEA-1")
    assert [(lot.lot, lot.on_hand) for lot in lots] == [("L-2026B", 2), ("L-2027A", 5)]
    with pytest.raises(InvalidInput, match="expires on 2027-03-31"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "l3", TEA, "Ann", 1, "L-2027A",
                                       date(2028, 1, 1)), stock_uow())


def test_undo_takes_the_last_scan_back_out_and_close_ends_the_receipt(stock_uow):
    receipt = rc.open_receipt(rc.OpenReceipt("Ann"), stock_uow())
    rc.receive_scan(rc.ReceiveScan(receipt.id, "u1", TEA, "Ann", 3, "L1"), stock_uow())
    view = rc.undo_last(receipt.id, "Ann", stock_uow())
    assert view.units == {} and _level(stock_uow).available == 10
    assert stock.lots(stock_uow(), "TEA-1") == []
    with pytest.raises(NotAllowed, match="Nothing on this receipt"):
        rc.undo_last(receipt.id, "Ann", stock_uow())
    rc.close_receipt(receipt.id, "Ann", stock_uow())
    with pytest.raises(IllegalTransition, match="closed"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "u2", TEA, "Ann"), stock_uow())
    assert stock.stock_history(stock_uow(), "TEA-1").consistent


def test_bad_scans_are_refused_with_a_reason(stock_uow):
    receipt = rc.open_receipt(rc.OpenReceipt("Ann", "DN-1"), stock_uow())
    with pytest.raises(NotFound, match="not a product code"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "b1", "NOPE-99", "Ann"), stock_uow())
    with pytest.raises(InvalidInput, match="control character"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "b2", "69\x07", "Ann"), stock_uow())
    with pytest.raises(InvalidInput, match="Units per scan"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "b3", TEA, "Ann", 0), stock_uow())
    with pytest.raises(InvalidInput, match="at most 20"):
        rc.receive_scan(rc.ReceiveScan(receipt.id, "b4", TEA, "Ann", 1, "L" * 21), stock_uow())
    with pytest.raises(NotAllowed, match="exists already"):
        rc.open_receipt(rc.OpenReceipt("Ann", "DN-1"), stock_uow())
    assert _level(stock_uow).available == 10


def test_a_new_sku_gets_its_stock_row_on_first_receipt(stock_uow):
    from app.domain.products import Product

    with stock_uow() as work:
        work.products.add(Product("NEW-1", "New thing"))
        work.commit()
    receipt = rc.open_receipt(rc.OpenReceipt("Ann"), stock_uow())
    rc.receive_scan(rc.ReceiveScan(receipt.id, "n1", "new-1", "Ann", 4), stock_uow())
    assert _level(stock_uow, "NEW-1").available == 4


def _supervisor(uow, name="Mei", pin="2468"):
    from app.services.people import add_person

    add_person(uow(), name, pin, "supervisor")


NEW_GTIN = "4006381333948"  # the right check digit; on no product yet


def test_a_supervisor_attaches_an_unknown_code_and_the_scan_is_received(stock_uow):
    from app.services.commands import SupervisorApproval

    _supervisor(stock_uow)
    receipt = rc.open_receipt(rc.OpenReceipt("Ann", "DN-9"), stock_uow())
    scan = rc.ReceiveScan(receipt.id, "u1", NEW_GTIN, "Ann", 2)
    with pytest.raises(rc.UnknownProductCode, match="A supervisor can attach it") as refused:
        rc.receive_scan(scan, stock_uow())
    assert refused.value.code == NEW_GTIN
    approval = SupervisorApproval("Mei", "2468", "New supplier barcode")
    view = rc.attach_and_receive(rc.AttachAndReceive(scan, "tea-1", approval, 6), stock_uow())
    assert view.message == f"{NEW_GTIN} is now a code of TEA-1 (Mei). +12 TEA-1"
    assert view.units == {"TEA-1": 12} and _level(stock_uow).available == 22
    with stock_uow() as work:
        [code] = [b for b in work.products.get("TEA-1").barcodes if b.code == NEW_GTIN]
        assert (code.pack_quantity, code.kind, code.added_by) == (6, "case", "Mei")
        assert code.added_at is not None
    again = rc.receive_scan(rc.ReceiveScan(receipt.id, "u2", NEW_GTIN, "Ann"), stock_uow())
    assert again.message == "+6 TEA-1"  # the code is known from now on, at every station


def test_attaching_refuses_a_wrong_pin_a_bad_gtin_a_taken_code_and_no_product(stock_uow):
    from app.services.auth import WrongSupervisorPin
    from app.services.commands import SupervisorApproval

    _supervisor(stock_uow)
    receipt = rc.open_receipt(rc.OpenReceipt("Ann", "DN-10"), stock_uow())
    right = SupervisorApproval("Mei", "2468", "New supplier barcode")

    def attach(code, sku="TEA-1", approval=right):
        scan = rc.ReceiveScan(receipt.id, f"a-{code}-{sku}", code, "Ann")
        return rc.attach_and_receive(rc.AttachAndReceive(scan, sku, approval), stock_uow())

    with pytest.raises(WrongSupervisorPin):
        attach(NEW_GTIN, approval=SupervisorApproval("Mei", "1111", "New supplier barcode"))
    with stock_uow() as work:  # the wrong PIN counts, as every approval's does
        assert work.packers.attempts_for("Mei", create=False).failures == 1
    with pytest.raises(InvalidInput, match="its last digit should be 8"):
        attach("4006381333940")
    with pytest.raises(NotAllowed, match=f"The barcode {TEA} is already on TEA-1"):
        attach(TEA, sku="TEA-1")
    with pytest.raises(NotFound, match="There is no product GHOST-1"):
        attach(NEW_GTIN, sku="GHOST-1")
    with pytest.raises(NotAllowed, match="needs a supervisor's PIN"):
        attach(NEW_GTIN, approval=None)
    assert _level(stock_uow).available == 10  # nothing was received
