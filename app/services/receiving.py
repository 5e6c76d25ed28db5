"""Receiving by scanning: each inbound scan adds stock at once, so no spreadsheet is needed.

A scan is one unit of work: the receipt line (keyed by the scan's uid, so a repeated scan
is not counted twice), the SUPPLIER -> AVAILABLE move and the lot's received units. The UI
parses GS1 codes (lot, expiry) at its edge; the core takes plain fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from app.domain.barcodes import (
    code_keys,
    product_code_key,
    product_code_kind,
    product_code_problem,
    scan_problem,
)
from app.domain.errors import InvalidInput, NotAllowed, NotFound
from app.domain.lots import Receipt, ReceiptLine, StockLot, check_lot
from app.domain.messages import Msg
from app.domain.stock import Bucket, StockItem
from app.services.auth import check_supervisor, supervisor_pins_counted
from app.services.commands import SupervisorApproval
from app.services.unit_of_work import StockUnitOfWork

MAX_UNITS_PER_SCAN = 10000


@dataclass(frozen=True)
class OpenReceipt:
    by: str
    reference: str = ""  # the supplier's delivery note; made up when empty
    supplier: str = ""


@dataclass(frozen=True)
class ReceiveScan:
    receipt_id: int
    scan_uid: str
    text: str  # a product code (GTIN, own code, SKU); the UI passes the GTIN of a GS1 code
    by: str
    quantity: int = 1  # units per scan before case quantities
    lot: str = ""
    expiry: date | None = None


@dataclass(frozen=True)
class ReceiptLineView:
    sku: str
    name: str
    quantity: int
    lot: str
    expiry: date | None
    at: datetime


@dataclass(frozen=True)
class ReceiptView:
    id: int
    reference: str
    supplier: str
    status: str
    lines: tuple[ReceiptLineView, ...]
    units: dict[str, int]
    message: str = ""


def open_receipt(cmd: OpenReceipt, uow: StockUnitOfWork) -> ReceiptView:
    with uow:
        reference = cmd.reference.strip() or f"R-{uow.receipts.count() + 1:05d}-{uow.station}"
        if uow.receipts.by_reference(reference) is not None:
            raise NotAllowed(Msg("Receipt {reference} exists already; use another reference.",
                                 reference=reference))
        receipt = Receipt(reference[:64], cmd.by, uow.now(), uow.station, cmd.supplier.strip())
        uow.receipts.add(receipt)
        uow.commit()
        return _view(receipt, {})


class UnknownProductCode(NotFound):
    """A scan at receiving that is no product's code; a supervisor may attach it."""

    def __init__(self, message: Msg, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class AttachAndReceive:
    """A supervisor puts an unknown scanned code on a product, and the scan is received."""

    scan: ReceiveScan
    sku: str
    approval: SupervisorApproval | None
    pack_quantity: int = 1  # units the code stands for (a case code: the case's count)


def _checked(cmd: ReceiveScan) -> str:
    problem = scan_problem(cmd.text)
    if problem:
        raise InvalidInput(problem)
    if not 1 <= cmd.quantity <= MAX_UNITS_PER_SCAN:
        raise InvalidInput(Msg("Units per scan must be 1 to {most}, not {quantity}.",
                               most=MAX_UNITS_PER_SCAN, quantity=cmd.quantity))
    return check_lot(cmd.lot)


def receive_scan(cmd: ReceiveScan, uow: StockUnitOfWork) -> ReceiptView:
    lot = _checked(cmd)
    with uow:
        receipt = _open_receipt(uow, cmd.receipt_id)
        if uow.receipts.line_by_uid(cmd.scan_uid) is not None:
            return _view(receipt, {}, Msg("That scan was already received."))
        match = uow.products.match(code_keys(cmd.text))
        if match is None:
            raise UnknownProductCode(Msg(
                "“{text}” is not a product code Packdesk knows. A supervisor can attach it to "
                "a product here (Attach to a product…), or add it in Tools → Products…, then "
                "scan it again.", text=cmd.text.strip()), cmd.text.strip())
        return _receive(uow, cmd, receipt, match.sku, cmd.quantity * match.pack_quantity, lot)


@supervisor_pins_counted
def attach_and_receive(cmd: AttachAndReceive, uow: StockUnitOfWork) -> ReceiptView:
    """The code goes onto the product (who approved it and when kept on the barcode), and
    the scan that was refused is received, in one unit of work."""
    lot = _checked(cmd.scan)
    code = cmd.scan.text.strip()
    problem = product_code_problem(code)
    if problem:
        raise InvalidInput(problem)
    if not 1 <= cmd.pack_quantity <= MAX_UNITS_PER_SCAN:
        raise InvalidInput(Msg("Units per scan must be 1 to {most}, not {quantity}.",
                               most=MAX_UNITS_PER_SCAN, quantity=cmd.pack_quantity))
    with uow:
        supervisor = check_supervisor(uow, cmd.approval, "Attaching a barcode to a product")
        receipt = _open_receipt(uow, cmd.scan.receipt_id)
        product = uow.products.get(cmd.sku)
        if product is None:
            raise NotFound(Msg("There is no product {sku}.", sku=cmd.sku.strip()))
        key = product_code_key(code)
        owner = uow.products.barcode_owners([key]).get(key)
        if owner is not None:
            raise NotAllowed(Msg("The barcode {code} is already on {owner}; a barcode belongs "
                                 "to one product.", code=code, owner=owner))
        now = uow.now()
        product.add_barcode(code, cmd.pack_quantity, "case" if cmd.pack_quantity > 1
                            else product_code_kind(code), added_by=supervisor, added_at=now)
        view = _receive(uow, cmd.scan, receipt, product.sku,
                        cmd.scan.quantity * cmd.pack_quantity, lot)
        return replace(view, message=Msg("{code} is now a code of {sku} ({by}). {received}",
                                         code=code, sku=product.sku, by=supervisor,
                                         received=view.message))


def _receive(uow: StockUnitOfWork, cmd: ReceiveScan, receipt: Receipt, sku: str, units: int,
             lot: str) -> ReceiptView:
    """The scan's units in: the move, the lot's units and the receipt line; committed."""
    now = uow.now()
    _stock_in(uow, sku, units, receipt.reference, cmd.by)
    if lot:
        _lot_in(uow, sku, lot, units, cmd.expiry, now)
    receipt.lines.append(ReceiptLine(cmd.scan_uid, sku, units, now, cmd.by, uow.station, lot,
                                     cmd.expiry))
    uow.commit()
    names = _names(uow, receipt)
    message = (Msg("+{units} {sku}, lot {lot}", units=units, sku=sku, lot=lot) if lot
               else Msg("+{units} {sku}", units=units, sku=sku))
    return _view(receipt, names, message)


def _open_receipt(uow: StockUnitOfWork, receipt_id: int) -> Receipt:
    receipt = uow.receipts.get(receipt_id)
    if receipt is None:
        raise NotFound(Msg("There is no receipt {id}.", id=receipt_id))
    receipt.check_open()
    return receipt


def _stock_in(uow: StockUnitOfWork, sku: str, units: int, reference: str, by: str) -> None:
    item = uow.ledger.get_for_update(sku)
    if item is None:
        item = StockItem(sku=sku)
        uow.stock.add(item)
    item.receive(units, uow.now(), by, f"receipt {reference}"[:64], uow.station)


def _lot_in(uow: StockUnitOfWork, sku: str, lot: str, units: int, expiry: date | None,
            at: datetime) -> None:
    record = uow.ledger.lot(sku, lot)
    if record is None:
        record = StockLot(sku, lot)
        uow.ledger.add(record)
    record.take_in(units, expiry, at)


def undo_last(receipt_id: int, by: str, uow: StockUnitOfWork) -> ReceiptView:
    """The last scan was a mistake: its units go back out, recorded as a move too."""
    with uow:
        receipt = _open_receipt(uow, receipt_id)
        line = receipt.last_line()
        if line is None:
            raise NotAllowed(Msg("Nothing on this receipt to undo."))
        item = uow.ledger.get_for_update(line.sku)
        if item is None:
            raise NotFound(Msg("There is no stock record for SKU {sku}.", sku=line.sku))
        item.move(Bucket.AVAILABLE, Bucket.SUPPLIER, line.quantity,
                  f"receipt {receipt.reference} undone"[:64], uow.now(), by, uow.station)
        if line.lot:
            record = uow.ledger.lot(line.sku, line.lot)
            if record is not None:
                record.received -= line.quantity
        line.undone_at = uow.now()
        uow.commit()
        return _view(receipt, _names(uow, receipt),
                     Msg("Undone: {units} {sku}", units=line.quantity, sku=line.sku))


def close_receipt(receipt_id: int, by: str, uow: StockUnitOfWork) -> ReceiptView:
    with uow:
        receipt = _open_receipt(uow, receipt_id)
        receipt.close(by, uow.now())
        uow.commit()
        return _view(receipt, _names(uow, receipt),
                     Msg("Receipt {reference} closed.", reference=receipt.reference))


def receipt_view(receipt_id: int, uow: StockUnitOfWork) -> ReceiptView:
    with uow:
        receipt = uow.receipts.get(receipt_id)
        if receipt is None:
            raise NotFound(Msg("There is no receipt {id}.", id=receipt_id))
        return _view(receipt, _names(uow, receipt))


def _names(uow: StockUnitOfWork, receipt: Receipt) -> dict[str, str]:
    return uow.ledger.product_names(sorted({line.sku for line in receipt.lines}))


def _view(receipt: Receipt, names: dict[str, str], message: str = "") -> ReceiptView:
    lines = tuple(ReceiptLineView(line.sku, names.get(line.sku, ""), line.quantity, line.lot,
                                  line.expiry, line.at)
                  for line in receipt.lines if line.undone_at is None)
    return ReceiptView(receipt.id or 0, receipt.reference, receipt.supplier,
                       str(receipt.status), lines, receipt.units(), message)
