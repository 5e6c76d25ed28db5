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

from app.domain.messages import Msg
from app.services.intake_fit import MAX_PRICE_CENTS, MAX_QUANTITY
from sync.cn_open import is_masked
from sync.csv_catalogue import Catalogue
from sync.csv_encoding import CsvImportError, Decoded, EncodingUnsure
from sync.csv_encoding import decode as decode_bytes
from sync.csv_layouts import TAOBAO_ITEMS, ColumnMapping, detect
from sync.fields import CHINA_TIME, Unmappable, shown, text, to_decimal, to_quantity, to_time
from sync.model import MappingError, UnifiedAddress, UnifiedLine, UnifiedOrder

_EXCEL_TEXT = re.compile(r'^="(.*)"$')
_CN_POSTCODE = re.compile(r"[(（](\d{6})[)）]\s*$")
_CN_JOINED = re.compile(r"^(?P<region>(?:北京|上海|天津|重庆)市?|[^省]{2,3}省|.{2,8}?(?:自治区|特别行政区))"
                        r"(?P<city>.+?(?:自治州|地区|盟|市|区|县))?"
                        r"(?P<district>.+?(?:区|县|旗|市))?(?P<street>.*)$")
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
        raise CsvImportError(Msg("cannot read {path}: {strerror}",
                                 path=path, strerror=exc.strerror)) from exc
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
        raise CsvImportError(Msg("{name} is empty", name=Path(path).name)) from None
    rows = [{h: clean(v) for h, v in zip(headers, row, strict=False)}
            for row in reader if any(v.strip() for v in row)]
    return headers, rows


def resolve_mapping(headers: list[str], mapping: ColumnMapping | None, name: str) -> ColumnMapping:
    mapping = mapping or detect(headers)
    if mapping is None:
        raise CsvImportError(Msg("{name}: columns are not a known export; set up a column mapping",
                                 name=name))
    missing = mapping.missing_headers(headers)
    if missing:
        raise CsvImportError(Msg("{name}: missing columns for {missing}",
                                 name=name, missing=', '.join(missing)))
    return mapping


def preview(path: Path, mapping: ColumnMapping | None = None,
            items_path: Path | None = None, encoding: str | None = None,
            catalogue: Catalogue | None = None) -> list[PreviewRow]:
    """Every row with its problems, so the user fixes the file before anything is stored."""
    headers, rows = read_rows(path, encoding)
    mapping = resolve_mapping(headers, mapping, Path(path).name)
    items = read_items(items_path, encoding) if items_path else {}
    previews, current = [], {}
    for number, row in enumerate(rows, start=2):
        current = inherit(row, current, mapping)
        errors = row_errors(current, mapping, items, catalogue)
        previews.append(PreviewRow(number, current.get(mapping.order_id, ""), dict(row),
                                   tuple(errors)))
    return previews


def inherit(row: dict[str, str], previous: dict[str, str],
            mapping: ColumnMapping) -> dict[str, str]:
    """A continuation row (same order, blank order columns) takes them from the row above."""
    if previous and row.get(mapping.order_id) == previous.get(mapping.order_id):
        line_cols = {mapping.sku, mapping.quantity, mapping.unit_price, mapping.line_name,
                     mapping.barcode}
        return {**{k: v for k, v in previous.items() if k not in line_cols},
                **{k: v for k, v in row.items() if v or k in line_cols}}
    return dict(row)


def row_errors(row: dict[str, str], mapping: ColumnMapping,
               items: dict[str, list[UnifiedLine]], catalogue: Catalogue | None = None
               ) -> list[str]:
    oversized = [Msg("column {header!r} holds {value} KB of text; a cell may hold at most {value2} KB",
                     header=header, value=len(value) // 1024, value2=MAX_CELL_CHARS // 1024)
                 for header, value in row.items() if len(value) > MAX_CELL_CHARS]
    if oversized:
        return oversized
    try:
        order_from_rows([row], mapping, items, catalogue=catalogue)
    except Unmappable as exc:
        return [str(exc)]
    return []


def parse(path: Path, mapping: ColumnMapping | None = None, items_path: Path | None = None,
          channel: str = "csv", encoding: str | None = None,
          catalogue: Catalogue | None = None
          ) -> tuple[list[UnifiedOrder], list[MappingError]]:
    """Orders grouped from the rows; an order with any bad row becomes a MappingError that
    names the row and the problem. With a `catalogue`, a line without a SKU is matched by
    its barcode, then its title."""
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
        problems = [(n, e) for n, row in numbered
                    for e in row_errors(row, mapping, items, catalogue)]
        if problems:
            number, problem = problems[0]
            errors.append(MappingError(Msg("row {number}: {problem}",
                                           number=number, problem=problem), key, channel,
                                       {"rows": [_kept(row) for row in group]}))
            continue
        try:
            orders.append(order_from_rows(group, mapping, items, channel, catalogue))
        except Unmappable as exc:
            errors.append(MappingError(Msg("rows {numbered}-{numbered2}: {exc}",
                                           numbered=numbered[0][0], numbered2=numbered[-1][0], exc=exc), key,
                                       channel, {"rows": [_kept(row) for row in group]}))
    return orders, errors


def _kept(row: dict[str, str]) -> dict[str, str]:
    """A row as the exceptions list keeps it: a monster cell is cut."""
    return {k: v if len(v) <= 1000 else v[:1000] + "…" for k, v in row.items()}


def read_items(path: Path, encoding: str | None = None) -> dict[str, list[UnifiedLine]]:
    """Taobao's 宝贝报表: the lines of each order, keyed by 订单编号."""
    headers, rows = read_rows(path, encoding)
    if TAOBAO_ITEMS["order_id"] not in headers:
        raise CsvImportError(Msg("{name}: no 订单编号 column, not a 宝贝报表", name=Path(path).name))
    lines: dict[str, list[UnifiedLine]] = {}
    for number, row in enumerate(rows, start=2):
        key = row.get(TAOBAO_ITEMS["order_id"], "")
        try:
            line = UnifiedLine(
                channel_line_id=f"{key}-{len(lines.get(key, [])) + 1}",
                sku=row.get(TAOBAO_ITEMS["sku"]) or row.get(TAOBAO_ITEMS["fallback_sku"], ""),
                name=" ".join(filter(None, [row.get(TAOBAO_ITEMS["name"]),
                                            row.get(TAOBAO_ITEMS["options"])])),
                quantity=to_quantity(row.get(TAOBAO_ITEMS["quantity"]), Msg("row {number} 购买数量",
                                                                            number=number)),
                unit_price=to_decimal(row.get(TAOBAO_ITEMS["unit_price"]), Msg("row {number} 价格",
                                                                               number=number)),
                currency="CNY")
        except Unmappable as exc:
            raise CsvImportError(f"{Path(path).name}: {exc}") from exc
        lines.setdefault(key, []).append(line)
    return lines


def order_from_rows(rows: list[dict[str, str]], mapping: ColumnMapping,
                    items: dict[str, list[UnifiedLine]], channel: str = "csv",
                    catalogue: Catalogue | None = None) -> UnifiedOrder:
    first = rows[0]
    key = first.get(mapping.order_id, "")
    if not key:
        raise Unmappable(Msg("no order id in column {order_id!r}", order_id=mapping.order_id))
    col = mapping.columns()
    zone = CHINA_TIME if mapping.default_currency == "CNY" else UTC
    placed = to_time(first.get(col.get("placed_at", "")), Msg("order date"), zone) \
        if first.get(col.get("placed_at", "")) else datetime.now(UTC)
    lines = tuple(items[key]) if key in items else tuple(
        csv_line(row, mapping, f"{key}-{n}", catalogue) for n, row in enumerate(rows, start=1))
    return UnifiedOrder(
        channel=channel, channel_order_id=key,
        order_number_hint=first.get(col.get("order_number", ""), key),
        status=csv_status(first, mapping), buyer_name=first.get(col.get("buyer_name", ""), ""),
        phone=first.get(col.get("phone", ""), ""), email=first.get(col.get("email", ""), ""),
        address=csv_address(first, mapping), lines=lines,
        buyer_note=first.get(col.get("buyer_note", ""), ""), placed_at=placed, updated_at=placed,
        ship_by=None, tracking_number=first.get(col.get("tracking", ""), ""),
        carrier=first.get(col.get("carrier", ""), ""), raw={"rows": rows},
        receiver_masked=is_masked(first.get(col.get("ship_name", ""), ""),
                                  first.get(col.get("phone", ""), "")))


def csv_line(row: dict[str, str], mapping: ColumnMapping, line_id: str,
             catalogue: Catalogue | None = None) -> UnifiedLine:
    label = row.get(mapping.line_name) or line_id
    sku = row.get(mapping.sku, "") if mapping.sku else ""
    if not sku:
        sku = line_sku_from_catalogue(row, mapping, label, catalogue)
    quantity = to_quantity(row.get(mapping.quantity),
                           Msg("column {quantity!r}: quantity of {label!r}",
                               quantity=mapping.quantity, label=label), MAX_QUANTITY)
    price_column = Msg("column {unit_price!r}: price of {label!r}",
                       unit_price=mapping.unit_price, label=label)
    total_price = to_decimal(row.get(mapping.unit_price), price_column)
    if abs(total_price) * 100 > MAX_PRICE_CENTS:
        raise Unmappable(Msg("{price_column} {shown} is more than Packdesk can keep (at most "
                             "{value})", price_column=price_column,
                             shown=shown(row.get(mapping.unit_price)),
                             value=MAX_PRICE_CENTS // 100))
    # Taobao's and Pinduoduo's exports give the line's amount, not a unit price.
    is_total = mapping.price_is_total if mapping.price_is_total is not None \
        else mapping.default_currency == "CNY"
    unit = total_price / quantity if is_total and quantity else total_price
    return UnifiedLine(line_id, sku, text(row.get(mapping.line_name)), quantity,
                       unit.quantize(Decimal("0.01")),
                       row.get(mapping.currency, "") or mapping.default_currency)


def line_sku_from_catalogue(row: dict[str, str], mapping: ColumnMapping, label: str,
                            catalogue: Catalogue | None) -> str:
    """The SKU of a line the export gave none: the product carrying the line's barcode, else
    the one named exactly as the line; else an error saying what to add where."""
    if catalogue is None:
        hint = Msg(" (add the 宝贝报表 items export)") if mapping.default_currency == "CNY" else ""
        raise Unmappable(Msg("line {label!r} has no SKU{hint}", label=label, hint=hint))
    barcode = _cell(row, mapping.barcode)
    if barcode:
        found = catalogue.sku_for_barcode(barcode)
        if found:
            return found
    found = catalogue.sku_for_name(text(row.get(mapping.line_name)))
    if found:
        return found
    if barcode:
        raise Unmappable(Msg(
            "line {label!r} has no SKU, and its barcode {shown} is on no product in the "
            "catalogue: add the barcode to its product (Tools → Products…, or packdesk products "
            "add SKU --name NAME --barcode {barcode}) or give the variant a SKU in the shop, "
            "then import again", label=label, shown=shown(barcode), barcode=barcode))
    if catalogue.shares_name(text(row.get(mapping.line_name))):
        raise Unmappable(Msg(
            "line {label!r} has no SKU and no barcode, and two products in the catalogue have "
            "that name: give the variant a SKU (or a barcode) in the shop and export again",
            label=label))
    raise Unmappable(Msg(
        "line {label!r} has no SKU and no barcode, and no single product in the catalogue is "
        "named so: give the variant a SKU (or a barcode) in the shop and export again, or add "
        "a product with that exact name", label=label))


def _cell(row: dict[str, str], header: str) -> str:
    """A cell by its header, in any letter case (export apps write `Lineitem Barcode`)."""
    if not header:
        return ""
    if header in row:
        return text(row[header])
    folded = header.casefold()
    return next((text(v) for k, v in row.items() if k.casefold() == folded), "")


def csv_status(row: dict[str, str], mapping: ColumnMapping) -> str:
    if mapping.cancelled_at and row.get(mapping.cancelled_at):
        return "cancelled"
    raw = row.get(mapping.status, "") if mapping.status else ""
    if raw and raw not in mapping.status_values and mapping.status_values:
        raise Unmappable(Msg("status {raw!r} is not one Packdesk knows", raw=raw))
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
    elif (joined := _CN_JOINED.match(line)) and joined.group("city"):
        # JD writes 省 市 区 and street with nothing between: 广东省深圳市南山区科技园…
        region, city, district, street = (joined.group(g) or "" for g in
                                          ("region", "city", "district", "street"))
    else:
        region, city, district, street = "", "", "", line
    return UnifiedAddress(name, street, district, city, region, postcode, country)
