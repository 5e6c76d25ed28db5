"""CSV order import: Shopify's export, Taobao's 订单报表 (GBK/GB18030), or any mapped layout.

`preview` shows every row with its errors before anything is written; `parse` groups rows into
orders (a Shopify order spans one row per line; a Taobao order takes its lines from 宝贝报表).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from app.services.intake_fit import MAX_PRICE_CENTS, MAX_QUANTITY
from sync.csv_encoding import CsvImportError, Decoded, EncodingUnsure
from sync.csv_encoding import decode as decode_bytes
from sync.csv_layouts import TAOBAO_ITEMS, ColumnMapping, detect
from sync.fields import CHINA_TIME, Unmappable, shown, text, to_decimal, to_quantity, to_time
from sync.model import MappingError, UnifiedAddress, UnifiedLine, UnifiedOrder

_EXCEL_TEXT = re.compile(r'^="(.*)"$')
_CN_POSTCODE = re.compile(r"[(（](\d{6})[)）]\s*$")
COUNTRY_NAMES = {"united states": "US", "china": "CN", "中国": "CN", "canada": "CA",
                 "united kingdom": "GB", "germany": "DE", "france": "FR", "australia": "AU",
                 "japan": "JP"}


__all__ = ["CsvImportError", "EncodingUnsure", "PreviewRow", "decode", "parse", "preview",
           "read_rows", "read_text"]
MAX_CELL_CHARS = 128 * 1024  # a cell longer than this is an error of its row, not a crash
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


@dataclass(frozen=True)
class PreviewRow:
    row_number: int  # 1-based, the header is row 1, as a spreadsheet shows it
    order_key: str
    values: dict[str, str]
    errors: tuple[str, ...]


def decode(data: bytes, source: str = "file", encoding: str | None = None) -> str:
    """The text of an export: its encoding detected (sync/csv_encoding.py) or given."""
    return decode_bytes(data, source, encoding).text


def read_text(path: Path, encoding: str | None = None) -> Decoded:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CsvImportError(f"cannot read {path}: {exc.strerror}") from exc
    return decode_bytes(data, Path(path).name, encoding)


def clean(cell: str | None) -> str:
    """Undo spreadsheet tricks: ="0123" keeps long numbers as text; some exports add a tab."""
    value = (cell or "").strip().strip("\t")
    match = _EXCEL_TEXT.match(value)
    return match.group(1).strip() if match else value


def read_rows(path: Path, encoding: str | None = None
              ) -> tuple[list[str], list[dict[str, str]]]:
    body = read_text(path, encoding).text
    reader = csv.reader(io.StringIO(body, newline=""))
    try:
        headers = [clean(h) for h in next(reader)]
    except StopIteration:
        raise CsvImportError(f"{Path(path).name} is empty") from None
    rows = [{h: clean(v) for h, v in zip(headers, row, strict=False)}
            for row in reader if any(v.strip() for v in row)]
    return headers, rows


def resolve_mapping(headers: list[str], mapping: ColumnMapping | None, name: str) -> ColumnMapping:
    mapping = mapping or detect(headers)
    if mapping is None:
        raise CsvImportError(f"{name}: columns are not a known export; set up a column mapping")
    missing = mapping.missing_headers(headers)
    if missing:
        raise CsvImportError(f"{name}: missing columns for {', '.join(missing)}")
    return mapping


def preview(path: Path, mapping: ColumnMapping | None = None,
            items_path: Path | None = None, encoding: str | None = None) -> list[PreviewRow]:
    """Every row with its problems, so the user fixes the file before anything is stored."""
    headers, rows = read_rows(path, encoding)
    mapping = resolve_mapping(headers, mapping, Path(path).name)
    items = read_items(items_path, encoding) if items_path else {}
    previews, current = [], {}
    for number, row in enumerate(rows, start=2):
        current = inherit(row, current, mapping)
        errors = row_errors(current, mapping, items)
        previews.append(PreviewRow(number, current.get(mapping.order_id, ""), dict(row),
                                   tuple(errors)))
    return previews


def inherit(row: dict[str, str], previous: dict[str, str],
            mapping: ColumnMapping) -> dict[str, str]:
    """A continuation row (same order, blank order columns) takes them from the row above."""
    if previous and row.get(mapping.order_id) == previous.get(mapping.order_id):
        line_cols = {mapping.sku, mapping.quantity, mapping.unit_price, mapping.line_name}
        return {**{k: v for k, v in previous.items() if k not in line_cols},
                **{k: v for k, v in row.items() if v or k in line_cols}}
    return dict(row)


def row_errors(row: dict[str, str], mapping: ColumnMapping,
               items: dict[str, list[UnifiedLine]]) -> list[str]:
    oversized = [f"column {header!r} holds {len(value) // 1024} KB of text; a cell may "
                 f"hold at most {MAX_CELL_CHARS // 1024} KB"
                 for header, value in row.items() if len(value) > MAX_CELL_CHARS]
    if oversized:
        return oversized
    try:
        order_from_rows([row], mapping, items)
    except Unmappable as exc:
        return [str(exc)]
    return []


def parse(path: Path, mapping: ColumnMapping | None = None, items_path: Path | None = None,
          channel: str = "csv", encoding: str | None = None
          ) -> tuple[list[UnifiedOrder], list[MappingError]]:
    """Orders grouped from the rows; an order with any bad row becomes a MappingError that
    names the row and the problem."""
    headers, rows = read_rows(path, encoding)
    mapping = resolve_mapping(headers, mapping, Path(path).name)
    items = read_items(items_path, encoding) if items_path else {}
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    current: dict[str, str] = {}
    for number, row in enumerate(rows, start=2):
        current = inherit(row, current, mapping)
        groups.setdefault(current.get(mapping.order_id, ""), []).append((number, current))
    orders, errors = [], []
    for key, numbered in groups.items():
        group = [row for _, row in numbered]
        if group[0].get(mapping.status, "") in mapping.skip_statuses:
            continue
        problems = [(n, e) for n, row in numbered for e in row_errors(row, mapping, items)]
        if problems:
            number, problem = problems[0]
            errors.append(MappingError(f"row {number}: {problem}", key, channel,
                                       {"rows": [_kept(row) for row in group]}))
            continue
        try:
            orders.append(order_from_rows(group, mapping, items, channel))
        except Unmappable as exc:
            errors.append(MappingError(f"rows {numbered[0][0]}-{numbered[-1][0]}: {exc}", key,
                                       channel, {"rows": [_kept(row) for row in group]}))
    return orders, errors


def _kept(row: dict[str, str]) -> dict[str, str]:
    """A row as the exceptions list keeps it: a monster cell is cut."""
    return {k: v if len(v) <= 1000 else v[:1000] + "…" for k, v in row.items()}


def read_items(path: Path, encoding: str | None = None) -> dict[str, list[UnifiedLine]]:
    """Taobao's 宝贝报表: the lines of each order, keyed by 订单编号."""
    headers, rows = read_rows(path, encoding)
    if TAOBAO_ITEMS["order_id"] not in headers:
        raise CsvImportError(f"{Path(path).name}: no 订单编号 column, not a 宝贝报表")
    lines: dict[str, list[UnifiedLine]] = {}
    for number, row in enumerate(rows, start=2):
        key = row.get(TAOBAO_ITEMS["order_id"], "")
        try:
            line = UnifiedLine(
                channel_line_id=f"{key}-{len(lines.get(key, [])) + 1}",
                sku=row.get(TAOBAO_ITEMS["sku"]) or row.get(TAOBAO_ITEMS["fallback_sku"], ""),
                name=" ".join(filter(None, [row.get(TAOBAO_ITEMS["name"]),
                                            row.get(TAOBAO_ITEMS["options"])])),
                quantity=to_quantity(row.get(TAOBAO_ITEMS["quantity"]), f"row {number} 购买数量"),
                unit_price=to_decimal(row.get(TAOBAO_ITEMS["unit_price"]), f"row {number} 价格"),
                currency="CNY")
        except Unmappable as exc:
            raise CsvImportError(f"{Path(path).name}: {exc}") from exc
        lines.setdefault(key, []).append(line)
    return lines


def order_from_rows(rows: list[dict[str, str]], mapping: ColumnMapping,
                    items: dict[str, list[UnifiedLine]], channel: str = "csv") -> UnifiedOrder:
    first = rows[0]
    key = first.get(mapping.order_id, "")
    if not key:
        raise Unmappable(f"no order id in column {mapping.order_id!r}")
    col = mapping.columns()
    zone = CHINA_TIME if mapping.default_currency == "CNY" else UTC
    placed = to_time(first.get(col.get("placed_at", "")), "order date", zone) \
        if first.get(col.get("placed_at", "")) else datetime.now(UTC)
    lines = tuple(items[key]) if key in items else tuple(
        csv_line(row, mapping, f"{key}-{n}") for n, row in enumerate(rows, start=1))
    return UnifiedOrder(
        channel=channel, channel_order_id=key,
        order_number_hint=first.get(col.get("order_number", ""), key),
        status=csv_status(first, mapping), buyer_name=first.get(col.get("buyer_name", ""), ""),
        phone=first.get(col.get("phone", ""), ""), email=first.get(col.get("email", ""), ""),
        address=csv_address(first, mapping), lines=lines,
        buyer_note=first.get(col.get("buyer_note", ""), ""), placed_at=placed, updated_at=placed,
        ship_by=None, tracking_number=first.get(col.get("tracking", ""), ""),
        carrier=first.get(col.get("carrier", ""), ""), raw={"rows": rows})


def csv_line(row: dict[str, str], mapping: ColumnMapping, line_id: str) -> UnifiedLine:
    label = row.get(mapping.line_name) or line_id
    sku = row.get(mapping.sku, "") if mapping.sku else ""
    if not sku:
        hint = " (add the 宝贝报表 items export)" if mapping.default_currency == "CNY" else ""
        raise Unmappable(f"line {label!r} has no SKU{hint}")
    quantity = to_quantity(row.get(mapping.quantity),
                           f"column {mapping.quantity!r}: quantity of {label!r}", MAX_QUANTITY)
    price_column = f"column {mapping.unit_price!r}: price of {label!r}"
    total_price = to_decimal(row.get(mapping.unit_price), price_column)
    if abs(total_price) * 100 > MAX_PRICE_CENTS:
        raise Unmappable(f"{price_column} {shown(row.get(mapping.unit_price))} is more than "
                         f"Packdesk can keep (at most {MAX_PRICE_CENTS // 100})")
    # Taobao's report gives the amount due for the order, not a unit price.
    unit = total_price / quantity if mapping.default_currency == "CNY" and quantity else total_price
    return UnifiedLine(line_id, sku, text(row.get(mapping.line_name)), quantity,
                       unit.quantize(Decimal("0.01")),
                       row.get(mapping.currency, "") or mapping.default_currency)


def csv_status(row: dict[str, str], mapping: ColumnMapping) -> str:
    if mapping.cancelled_at and row.get(mapping.cancelled_at):
        return "cancelled"
    raw = row.get(mapping.status, "") if mapping.status else ""
    if raw and raw not in mapping.status_values and mapping.status_values:
        raise Unmappable(f"status {raw!r} is not one Packdesk knows")
    status = mapping.status_values.get(raw, "open")
    fulfilled = row.get("Fulfillment Status", "") == "fulfilled"
    return "fulfilled" if status == "open" and fulfilled else status


def csv_address(row: dict[str, str], mapping: ColumnMapping) -> UnifiedAddress:
    get = lambda attr: row.get(getattr(mapping, attr), "") if getattr(mapping, attr) else ""  # noqa: E731
    country = get("country") or mapping.default_country
    country = COUNTRY_NAMES.get(country.lower(), country.upper() if len(country) == 2 else country)
    if mapping.address_style == "cn_single_line":
        return cn_address(get("ship_name"), get("line1"), country)
    return UnifiedAddress(get("ship_name"), get("line1"), get("line2"), get("city"),
                          get("region"), get("postcode"), country)


def cn_address(name: str, line: str, country: str) -> UnifiedAddress:
    """'浙江省 杭州市 余杭区 文一西路969号(311121)' into region, city, district and street."""
    postcode = ""
    match = _CN_POSTCODE.search(line)
    if match:
        postcode, line = match.group(1), line[:match.start()].strip()
    parts = line.split()
    if len(parts) >= 4:
        region, city, district, street = parts[0], parts[1], parts[2], " ".join(parts[3:])
    else:
        region, city, district, street = "", "", "", line
    return UnifiedAddress(name, street, district, city, region, postcode, country)
