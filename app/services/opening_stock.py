"""Opening stock from a file: SKU, bin, quantity, lot and expiry, one row per lot and bin.

Every unit goes through the ledger as a move from the supplier with the reason "opening
stock" (the same reason as the catalogue file's opening_stock column), each lot's units
into its StockLot, and the bin onto the product. Opening stock is counted once: a SKU that
already has stock is refused with the way to count it again (the cycle count). The file is
checked whole first; nothing is stored until the good rows are taken in one transaction,
and every other row comes back with its line and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain.errors import InvalidInput
from app.domain.lots import StockLot, check_lot
from app.domain.messages import Msg
from app.domain.stock import StockItem
from app.services.catalogue import MAX_OPENING_STOCK, OPENING_STOCK
from app.services.rows import Row, csv_rows, pick_columns, rejected_rows_csv
from app.services.unit_of_work import StockUnitOfWork

_COLUMNS = {
    "sku": ("sku", "商家编码", "货号"),
    "bin": ("bin", "bin_location", "location", "库位", "货位"),
    "quantity": ("quantity", "qty", "on_hand", "stock", "units", "opening_stock", "数量",
                 "库存", "期初库存"),
    "lot": ("lot", "batch", "lot_number", "批号", "批次"),
    "expiry": ("expiry", "expiry_date", "expires", "best_before", "exp", "有效期",
               "有效期至", "到期日"),
}
_DATE_FORMS = (
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), (1, 2, 3)),  # 2027-03-31
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), (3, 2, 1)),  # 31.03.2027
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), (1, 2, 3)),  # 20270331
)


@dataclass(frozen=True)
class StockRow:
    line: int
    sku: str
    bin_location: str
    quantity: int
    lot: str
    expiry: date | None
    raw: dict[str, str]


@dataclass(frozen=True)
class StockProblem:
    line: int
    sku: str
    problem: Msg
    raw: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StockFile:
    headers: tuple[str, ...]
    rows: tuple[StockRow, ...]
    problems: tuple[StockProblem, ...]
    ignored_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class StockReport:
    rows: int  # rows taken
    skus: int
    units: int
    lots: int
    bins_set: int  # products whose bin the file set or changed
    problems: tuple[StockProblem, ...]
    stored: bool  # False for a preview


def expiry_date(text: str) -> date | None:
    """An expiry as merchants write it: 2027-03-31, 2027/3/31, 31.03.2027 or 20270331."""
    text = text.strip()
    if not text:
        return None
    for pattern, (y, m, d) in _DATE_FORMS:
        found = pattern.match(text)
        if found:
            try:
                return date(int(found.group(y)), int(found.group(m)), int(found.group(d)))
            except ValueError:
                break
    raise InvalidInput(Msg("The expiry “{expiry}” is not a date; write it as YYYY-MM-DD, "
                           "for instance 2027-03-31.", expiry=text))


def _quantity(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= MAX_OPENING_STOCK:
        raise InvalidInput(Msg("The quantity “{quantity}” is not a whole number from 1 to "
                               "{limit}.", quantity=text, limit=MAX_OPENING_STOCK))
    return int(text)


def read_stock_text(text: str) -> StockFile:
    """The rows of a stock CSV (already decoded)."""
    return read_stock_rows(*csv_rows(text))


def read_stock_rows(headers: Sequence[str], rows: Iterable[Row]) -> StockFile:
    """A stock file's rows, each read on its own; a row that cannot be read is a problem
    with its line, never a reason to drop the file."""
    columns, ignored = pick_columns(list(headers), _COLUMNS)
    missing = [f for f in ("sku", "quantity") if f not in columns]
    if missing:
        raise InvalidInput(Msg("The stock file has no {columns} column; the first line must "
                               "name the columns, for instance sku,bin,quantity,lot,expiry.",
                               columns=" or ".join(missing)))
    taken, problems = [], []
    for line, raw in rows:
        cells = {f: raw.get(header, "").strip() for f, header in columns.items()}
        try:
            if not cells["sku"]:
                raise InvalidInput(Msg("The SKU is empty."))
            lot = check_lot(cells.get("lot", ""))
            expiry = expiry_date(cells.get("expiry", ""))
            if expiry is not None and not lot:
                raise InvalidInput(Msg("An expiry date belongs to a lot: give the lot too, "
                                       "or leave the expiry empty."))
            taken.append(StockRow(line, cells["sku"], cells.get("bin", ""),
                                  _quantity(cells["quantity"]), lot, expiry, raw))
        except InvalidInput as exc:
            problems.append(StockProblem(line, cells["sku"], exc.args[0], raw))
    return StockFile(tuple(headers), tuple(taken), tuple(problems), tuple(ignored))


def _file_problem(row: StockRow, sku: str, bins: dict[str, tuple[str, int]],
                  lots: dict[tuple[str, str], int]) -> Msg | None:
    """What the row contradicts among the file's earlier rows."""
    key = sku.upper()
    if row.bin_location and key in bins and bins[key][0] != row.bin_location:
        return Msg("{sku} is in bin {bin} on line {line}; a product has one bin, so put the "
                   "same bin on each of its lines.", sku=sku, bin=bins[key][0],
                   line=bins[key][1])
    if (key, row.lot) in lots:
        return Msg("{sku} lot {lot} is on line {line} already; give each lot one line.",
                   sku=sku, lot=row.lot or "-", line=lots[(key, row.lot)])
    return None


def _store_problem(uow: StockUnitOfWork, row: StockRow, sku: str) -> Msg | None:
    """What the row contradicts in the store: stock already counted, a lot's expiry."""
    item = uow.ledger.get_for_update(sku)
    if item is not None and (item.on_hand or item.shipped or item.returns_in_transit):
        return Msg("SKU {sku} already has stock ({units} on hand); opening stock is "
                   "counted once. Count it again with Tools → Cycle count.",
                   sku=sku, units=item.on_hand)
    known = uow.ledger.lot(sku, row.lot) if row.lot else None
    if known is not None and known.expiry and row.expiry and known.expiry != row.expiry:
        return Msg("Lot {lot} of {sku} expires on {known}, not {given}.", lot=row.lot,
                   sku=sku, known=f"{known.expiry:%Y-%m-%d}", given=f"{row.expiry:%Y-%m-%d}")
    return None


def import_stock(uow: StockUnitOfWork, stock: StockFile, by: str,
                 preview: bool = False) -> StockReport:
    """Store every good row in one transaction (or, for a preview, only say what would
    happen)."""
    problems = list(stock.problems)
    bins: dict[str, tuple[str, int]] = {}
    lots: dict[tuple[str, str], int] = {}
    skus: set[str] = set()
    items: dict[str, StockItem] = {}
    units = lot_count = bins_set = 0
    taken = 0
    with uow:
        now = uow.now()
        for row in stock.rows:
            product = uow.products.get(row.sku)
            if product is None:
                problems.append(StockProblem(row.line, row.sku, Msg(
                    "There is no product {sku}; add it first (packdesk products add or "
                    "products import, or Tools → Products).", sku=row.sku), row.raw))
                continue
            # a SKU's second line meets the stock its first line received: that is the
            # same opening count, not stock that was there before
            problem = _file_problem(row, product.sku, bins, lots) or (
                None if product.sku.upper() in skus else _store_problem(uow, row, product.sku))
            if problem is not None:
                problems.append(StockProblem(row.line, row.sku, problem, row.raw))
                continue
            key = product.sku.upper()
            if row.bin_location:
                bins.setdefault(key, (row.bin_location, row.line))
                if product.bin_location != row.bin_location:
                    product.bin_location = row.bin_location
                    bins_set += 1
            lots[(key, row.lot)] = row.line
            item = items.get(key) or uow.ledger.get_for_update(product.sku)
            if item is None:
                item = StockItem(sku=product.sku)
                uow.stock.add(item)
            items[key] = item  # the SKU's next line adds to the same row
            item.receive(row.quantity, now, by, OPENING_STOCK, uow.station)
            if row.lot:
                record = uow.ledger.lot(product.sku, row.lot)
                if record is None:
                    record = StockLot(product.sku, row.lot)
                    uow.ledger.add(record)
                record.take_in(row.quantity, row.expiry, now)
                lot_count += 1
            skus.add(key)
            units += row.quantity
            taken += 1
        if not preview:
            uow.commit()
    problems.sort(key=lambda p: p.line)
    return StockReport(taken, len(skus), units, lot_count, bins_set, tuple(problems),
                       not preview)


def rejected_stock_csv(stock: StockFile, report: StockReport) -> str:
    """The rows not taken, as they were, with an `error` column (app/services/rows.py)."""
    return rejected_rows_csv(stock.headers, report.problems)
