"""The catalogue a merchant brings: products typed in the editor, or a catalogue file
(products, barcodes, weights and opening stock). Opening stock goes through the ledger as
a move from the supplier with the reason "opening stock", once per SKU.

Reading the file's bytes (encoding) is the caller's; here rows are checked one by one, and
every row is either stored or reported with its line and what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from app.domain.barcodes import product_code_key, product_code_kind, product_code_problem
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Msg
from app.domain.products import Product
from app.domain.stock import StockItem
from app.services.rows import Row, csv_rows, pick_columns
from app.services.rows import rejected_rows_csv as _rejected_rows
from app.services.unit_of_work import UnitOfWork

OPENING_STOCK = "opening stock"
MAX_WEIGHT_G = 200_000
MAX_OPENING_STOCK = 1_000_000
MAX_SIDE_MM = 5_000  # a side longer than 5 m is a typo, not a parcel
MAX_UNITS_PER_CODE = 10_000  # as many units as one scan may count at receiving

_SIDE_PROBLEMS = {  # one message per field, so the merchant sees which one is wrong
    "length": "The length “{text}” is not a whole number of millimetres from 0 to {limit}.",
    "width": "The width “{text}” is not a whole number of millimetres from 0 to {limit}.",
    "height": "The height “{text}” is not a whole number of millimetres from 0 to {limit}.",
}


class SizeProblem(InvalidInput):
    """A side of the size that cannot be used; `side` names it (length, width, height),
    so the editor can point at the field."""

    def __init__(self, message: Msg, side: str) -> None:
        super().__init__(message)
        self.side = side


@dataclass(frozen=True)
class ProductInput:
    """A product as given. In a catalogue file an empty cell (or a missing column) is
    None: the stored value stays, so a stock-only file does not wipe weights or bins.
    The editor gives every field; `more_barcodes` are the product's other codes with the
    units one scan of each counts (a case of 12: 12)."""

    sku: str
    name: str
    barcode: str = ""
    weight_g: int | None = 0
    bin_location: str | None = ""
    image_path: str | None = ""
    name_zh: str | None = None
    more_barcodes: tuple[tuple[str, int], ...] | None = None
    must_scan: bool | None = None
    size_mm: tuple[int, int, int] | None = None  # length, width, height; 0 is unknown
    by: str = ""  # who typed it: kept on the barcodes it adds
    # the codes the editor showed when it opened the product (None: a new product, or the
    # list is the whole truth): a code added elsewhere since, as receiving attaches one, is
    # not the editor's to take off
    shown_barcodes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ProductView:
    sku: str
    name: str
    barcode: str  # the unit barcode (pack quantity 1) shown in the editor
    weight_g: int
    bin_location: str
    image_path: str
    barcodes: tuple[str, ...] = ()
    weight_from_channel: str = ""  # the channel whose catalogue gave the weight
    weight_learned: bool = False  # the weight was learned from the scale
    image_url: str = ""  # the picture's address at the channel
    name_zh: str = ""
    more_barcodes: tuple[tuple[str, int], ...] = ()  # every code but `barcode`, with units
    must_scan: bool = False
    size_mm: tuple[int, int, int] = (0, 0, 0)


def read_size(length: str, width: str, height: str) -> tuple[int, int, int]:
    """The sides as typed in the editor, in mm (empty is 0, unknown). A bad side is named:
    the message says which field to fix."""
    sides = []
    for field_name, text in (("length", length), ("width", width), ("height", height)):
        text = text.strip()
        if not text:
            sides.append(0)
            continue
        if not (text.isascii() and text.isdigit()) or int(text) > MAX_SIDE_MM:
            raise SizeProblem(Msg(_SIDE_PROBLEMS[field_name], text=text[:20],
                                  limit=MAX_SIDE_MM), field_name)
        sides.append(int(text))
    return sides[0], sides[1], sides[2]


def _size_problem(size: tuple[int, int, int]) -> Msg | None:
    for field_name, side in zip(("length", "width", "height"), size, strict=True):
        if not 0 <= side <= MAX_SIDE_MM:
            return Msg(_SIDE_PROBLEMS[field_name], text=str(side), limit=MAX_SIDE_MM)
    if 0 in size and any(size):
        return Msg("Give all three sides (length, width and height in mm), or none.")
    return None


def size_problem_side(given: ProductInput) -> str:
    """The first side left empty when only some are given ("" when none is missing)."""
    size = given.size_mm or (0, 0, 0)
    if 0 in size and any(size):
        return ("length", "width", "height")[size.index(0)]
    return ""


def _barcode_problems(given: ProductInput) -> list[Msg]:
    """Each code valid, each once, and a sane number of units per scan."""
    problems: list[Msg] = []
    codes = ([given.barcode.strip()] if given.barcode.strip() else []) + [
        code.strip() for code, _units in given.more_barcodes or ()]
    for code, units in given.more_barcodes or ():
        problem = product_code_problem(code)
        if problem:
            problems.append(problem)
        elif not 1 <= units <= MAX_UNITS_PER_CODE:
            problems.append(Msg("One scan of {code} must count 1 to {most} units, not "
                                "{units}.", code=code.strip(), most=MAX_UNITS_PER_CODE,
                                units=units))
    keys = [product_code_key(code) for code in codes]
    twice = next((code for code, key in zip(codes, keys, strict=True)
                  if keys.count(key) > 1), None)
    if twice is not None:
        problems.append(Msg("The barcode {code} is given twice; give each code once.",
                            code=twice))
    return problems


def product_problems(given: ProductInput) -> list[Msg]:
    """What is wrong with a product as typed, before the store is asked."""
    problems = []
    sku = given.sku.strip()
    if not sku:
        problems.append(Msg("The SKU is empty."))
    elif len(sku) > 64 or any(c.isspace() for c in sku):
        problems.append(Msg("The SKU “{sku}” must be 1 to 64 characters without spaces.",
                            sku=sku[:70]))
    if not given.name.strip():
        problems.append(Msg("The product name is empty."))
    elif len(given.name.strip()) > 255:
        problems.append(Msg("The product name has more than 255 characters."))
    if len((given.name_zh or "").strip()) > 255:
        problems.append(Msg("The Chinese name has more than 255 characters."))
    if given.barcode.strip():
        problem = product_code_problem(given.barcode)
        if problem:
            problems.append(problem)
    problems += _barcode_problems(given)
    if given.size_mm is not None:
        size_problem = _size_problem(given.size_mm)
        if size_problem:
            problems.append(size_problem)
    if given.weight_g is not None and not 0 <= given.weight_g <= MAX_WEIGHT_G:
        problems.append(Msg("A weight of {grams} g is not possible; give 0 to {limit} g.",
                            grams=given.weight_g, limit=MAX_WEIGHT_G))
    if len((given.bin_location or "").strip()) > 32:
        problems.append(Msg("The bin “{bin}” has more than 32 characters.",
                            bin=(given.bin_location or "").strip()))
    if len((given.image_path or "").strip()) > 512:
        problems.append(Msg("The image path has more than 512 characters."))
    return problems


def _view(product: Product) -> ProductView:
    unit = next((b.code for b in product.barcodes if b.pack_quantity == 1), "")
    more = tuple((b.code, b.pack_quantity) for b in product.barcodes if b.code != unit)
    return ProductView(product.sku, product.name, unit, product.weight_g,
                       product.bin_location, product.image_path or "",
                       tuple(b.code for b in product.barcodes),
                       product.weight_from_channel or "", bool(product.weight_learned),
                       product.image_url or "", product.name_zh or "", more,
                       bool(product.must_scan),
                       (product.length_mm, product.width_mm, product.height_mm))


def _barcode_taken(uow: UnitOfWork, code: str, sku: str) -> Msg | None:
    owner = uow.products.barcode_owners([product_code_key(code)]).get(product_code_key(code))
    if owner is not None and owner.upper() != sku.strip().upper():
        return Msg("The barcode {code} is already on {owner}; a barcode belongs to one "
                   "product.", code=code.strip(), owner=owner)
    return None


def _apply(uow: UnitOfWork, given: ProductInput, replace_barcode: bool) -> tuple[Product, bool]:
    """Add or update the product (inside an open uow); True when it is new."""
    found = uow.products.get(given.sku)
    new = found is None
    product = found if found is not None else Product(sku=given.sku.strip(),
                                                      name=given.name.strip())
    if new:
        uow.products.add(product)
    if product.name != given.name.strip():
        product.name, product.name_from_channel = given.name.strip(), ""  # a person's name
    if given.weight_g is not None and (given.weight_g != product.weight_g or new):
        product.weight_g, product.weight_learned = given.weight_g, False  # a person's figure
        product.weight_from_channel = ""
    if given.bin_location is not None:
        product.bin_location = given.bin_location.strip()
    if given.image_path is not None:
        product.image_path = given.image_path.strip() or None
    if given.name_zh is not None:
        product.name_zh = given.name_zh.strip()
    if given.must_scan is not None:
        product.must_scan = given.must_scan
    if given.size_mm is not None:
        product.length_mm, product.width_mm, product.height_mm = given.size_mm
    if given.more_barcodes is not None:
        _set_barcodes(product, given, uow.now(), given.by)
        return product, new
    code = given.barcode.strip()
    keys = {b.code_key for b in product.barcodes}
    if code and product_code_key(code) not in keys:
        if replace_barcode:
            product.barcodes[:] = [b for b in product.barcodes if b.pack_quantity != 1]
        product.add_barcode(code, kind=product_code_kind(code))
    elif not code and replace_barcode:
        product.barcodes[:] = [b for b in product.barcodes if b.pack_quantity != 1]
    return product, new


def _set_barcodes(product: Product, given: ProductInput, now, by: str) -> None:
    """The editor's list is the product's codes: a code kept keeps who added it; a code
    the editor showed and is gone from the list is taken off; a new one is added by `by`.
    A code added since the editor opened the product (not among `shown_barcodes`) stays."""
    wanted = ([(given.barcode.strip(), 1)] if given.barcode.strip() else []) + [
        (code.strip(), units) for code, units in given.more_barcodes or ()]
    wanted_keys = {product_code_key(code) for code, _units in wanted}
    kept = {b.code_key: b for b in product.barcodes}
    shown = None if given.shown_barcodes is None else {
        product_code_key(code) for code in given.shown_barcodes}
    added_since = [b for b in product.barcodes
                   if shown is not None and b.code_key not in shown
                   and b.code_key not in wanted_keys]
    product.barcodes[:] = [kept[product_code_key(code)] for code, _units in wanted
                           if product_code_key(code) in kept] + added_since
    for code, units in wanted:
        kind = "case" if units > 1 else product_code_kind(code)
        barcode = kept.get(product_code_key(code))
        if barcode is None:
            product.add_barcode(code, units, kind, added_by=by, added_at=now)
        else:
            barcode.pack_quantity, barcode.kind = units, kind


def save_product(uow: UnitOfWork, given: ProductInput) -> ProductView:
    """The product editor's Save: a new product, or the one with this SKU changed. Its
    unit barcode is the one given (a GTIN must have the right check digit); with
    `more_barcodes`, the product's codes are exactly these."""
    problems = product_problems(given)
    if problems:
        side = size_problem_side(given)
        if side and problems[0] == _size_problem(given.size_mm or (0, 0, 0)):
            raise SizeProblem(problems[0], side)
        raise InvalidInput(problems[0])
    with uow:
        codes = [given.barcode] + [code for code, _units in given.more_barcodes or ()]
        taken = next((t for t in (_barcode_taken(uow, code, given.sku) for code in codes
                                  if code.strip()) if t), None)
        if taken:
            raise InvalidInput(taken)
        product, _new = _apply(uow, given, replace_barcode=True)
        uow.commit()
        return _view(product)


def find_products(uow: UnitOfWork, text: str = "", limit: int = 200) -> list[ProductView]:
    with uow:
        return [_view(p) for p in uow.products.search(text, limit)]


def product_details(uow: UnitOfWork, sku: str) -> ProductView:
    with uow:
        product = uow.products.get(sku)
        if product is None:
            raise NotFound(Msg("There is no product {sku}.", sku=sku.strip()))
        return _view(product)


# --- the catalogue file ------------------------------------------------------------------

_COLUMNS = {
    "sku": ("sku", "商家编码", "货号"),
    "name": ("name", "title", "product_name", "商品名称", "名称"),
    "name_zh": ("name_zh", "chinese_name", "name_(chinese)", "中文名称", "中文名"),
    "barcode": ("barcode", "gtin", "ean", "upc", "条码", "条形码"),
    "weight_g": ("weight_g", "weight_(g)", "weight", "重量(g)", "重量"),
    "weight_kg": ("weight_kg", "weight_(kg)", "重量(kg)"),
    "bin": ("bin", "bin_location", "location", "库位"),
    "image": ("image", "image_path", "图片"),
    "opening_stock": ("opening_stock", "stock", "quantity", "qty", "期初库存", "库存"),
}


@dataclass(frozen=True)
class CatalogueRow:
    line: int  # the line in the file (the header is line 1)
    product: ProductInput
    opening_stock: int
    raw: dict[str, str]


@dataclass(frozen=True)
class RowProblem:
    line: int
    sku: str
    problem: str  # a Msg
    raw: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogueFile:
    headers: tuple[str, ...]
    rows: tuple[CatalogueRow, ...]
    problems: tuple[RowProblem, ...]  # rows that could not even be read
    ignored_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogueReport:
    added: int
    updated: int
    stocked: int  # rows whose opening stock went into the ledger
    units: int
    problems: tuple[RowProblem, ...]
    stored: bool  # False for a preview

    @property
    def rows_taken(self) -> int:
        return self.added + self.updated


def _columns(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    return pick_columns(headers, _COLUMNS)


def _weight(cells: dict[str, str]) -> int | None:
    grams, kilos = cells.get("weight_g", ""), cells.get("weight_kg", "")
    try:
        if grams:
            return round(Decimal(grams.replace(",", ".")))
        if kilos:
            return round(Decimal(kilos.replace(",", ".")) * 1000)
    except InvalidOperation:
        raise InvalidInput(Msg("The weight “{weight}” is not a number.",
                               weight=grams or kilos)) from None
    return None


def _opening(text: str) -> int:
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_OPENING_STOCK:
        raise InvalidInput(Msg("The opening stock “{quantity}” is not a whole number from 0 "
                               "to {limit}.", quantity=text, limit=MAX_OPENING_STOCK))
    return int(text)


def read_catalogue(text: str) -> CatalogueFile:
    """The rows of a catalogue CSV (already decoded), each with its line number."""
    return read_catalogue_rows(*csv_rows(text))


def read_catalogue_rows(headers: Sequence[str],
                        rows: Iterable[Row]) -> CatalogueFile:
    """A catalogue's rows, from a CSV or a workbook: each checked on its own, with its line."""
    headers = list(headers)
    columns, ignored = _columns(headers)
    missing = [f for f in ("sku", "name") if f not in columns]
    if missing:
        raise InvalidInput(Msg("The catalogue file has no {columns} column; the first line "
                               "must name the columns, for instance sku,name,barcode,"
                               "weight_g,bin,image,opening_stock.",
                               columns=" or ".join(missing)))
    taken, problems = [], []
    for line, raw in rows:
        cells = {f: raw.get(header, "") for f, header in columns.items()}
        try:
            product = ProductInput(cells["sku"], cells["name"], cells.get("barcode", ""),
                                   _weight(cells), cells.get("bin") or None,
                                   cells.get("image") or None, cells.get("name_zh") or None)
            opening = _opening(cells.get("opening_stock", ""))
        except InvalidInput as exc:
            problems.append(RowProblem(line, cells["sku"], exc.args[0], raw))
            continue
        taken.append(CatalogueRow(line, product, opening, raw))
    return CatalogueFile(tuple(headers), tuple(taken), tuple(problems), tuple(ignored))


EXPORT_COLUMNS = ("sku", "name", "barcode", "weight_g", "bin", "image", "name_zh")


def export_catalogue(uow: UnitOfWork) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Every product in the import's own layout (sku, name, unit barcode, weight in grams,
    bin, picture, then the Chinese name), by SKU: the file imports again as it is, into this
    store or a new one. Shipping boxes are products too and come with them."""
    with uow:
        stored = uow.products.catalogue_rows()
    return EXPORT_COLUMNS, [(sku, name, unit or "", str(weight) if weight else "", bin_ or "",
                             image or "", name_zh or "")
                            for sku, name, unit, weight, bin_, image, name_zh in stored]


def _row_problem(uow: UnitOfWork, row: CatalogueRow, seen_skus: dict[str, int],
                 seen_codes: dict[str, int]) -> Msg | None:
    problems = product_problems(row.product)
    if problems:
        return problems[0]
    sku_key = row.product.sku.strip().upper()
    if sku_key in seen_skus:
        return Msg("SKU {sku} is on line {line} already; give each SKU one line.",
                   sku=row.product.sku.strip(), line=seen_skus[sku_key])
    code = row.product.barcode.strip()
    if code:
        key = product_code_key(code)
        if key in seen_codes:
            return Msg("The barcode {code} is on line {line} already; a barcode belongs to "
                       "one product.", code=code, line=seen_codes[key])
        taken = _barcode_taken(uow, code, row.product.sku)
        if taken:
            return taken
    if row.opening_stock:
        item = uow.stock.get(row.product.sku.strip())
        if item is not None and (item.on_hand or item.shipped or item.returns_in_transit):
            return Msg("SKU {sku} already has stock ({units} on hand); opening stock is "
                       "counted once. Count it again with Tools → Cycle count.",
                       sku=row.product.sku.strip(), units=item.on_hand)
    return None


def import_catalogue(uow: UnitOfWork, catalogue: CatalogueFile, by: str,
                     preview: bool = False) -> CatalogueReport:
    """Store every good row in one transaction (or, for a preview, only say what would
    happen); every other row comes back with its line and the reason."""
    problems = list(catalogue.problems)
    added = updated = stocked = units = 0
    seen_skus: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    with uow:
        now = uow.now()
        for row in catalogue.rows:
            problem = _row_problem(uow, row, seen_skus, seen_codes)
            if problem:
                problems.append(RowProblem(row.line, row.product.sku.strip(), problem, row.raw))
                continue
            seen_skus[row.product.sku.strip().upper()] = row.line
            if row.product.barcode.strip():
                seen_codes[product_code_key(row.product.barcode)] = row.line
            _product, new = _apply(uow, row.product, replace_barcode=False)
            added, updated = added + new, updated + (not new)
            if row.opening_stock:
                item = uow.stock.get(row.product.sku.strip())
                if item is None:
                    item = StockItem(sku=row.product.sku.strip())
                    uow.stock.add(item)
                item.receive(row.opening_stock, now, by, OPENING_STOCK, uow.station)
                stocked, units = stocked + 1, units + row.opening_stock
        if not preview:
            uow.commit()
    problems.sort(key=lambda p: p.line)
    return CatalogueReport(added, updated, stocked, units, tuple(problems), not preview)


def rejected_rows_csv(catalogue: CatalogueFile, report: CatalogueReport) -> str:
    """The rows not taken, as they were, with an `error` column (app/services/rows.py)."""
    return _rejected_rows(catalogue.headers, report.problems)
