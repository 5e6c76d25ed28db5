"""A merchant's spreadsheet, as rows: a CSV export (its encoding detected, its delimiter
sniffed) or an Excel workbook (.xlsx, its first sheet), read into the same shape, so the
catalogue and the stock imports check one kind of row whatever the file was. Writing goes
the other way, for exports that open again in the same import.

Excel keeps what a person typed as numbers and dates: a whole number is written without
".0", a date as YYYY-MM-DD, and a long barcode stored as a number comes back as its digits.
A barcode exported by Packdesk is written as text, so its leading zeros stay.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.domain.messages import Msg
from app.services.rows import Row, csv_rows
from sync.csv_encoding import CsvImportError, decode

XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls (BIFF in an OLE container)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]  # (line or sheet row, cells by header)
    encoding: str = ""  # the CSV's text encoding; "" for a workbook


def is_workbook(name: str, data: bytes) -> bool:
    return data.startswith(XLSX_MAGIC) or name.lower().endswith((".xlsx", ".xlsm"))


def read_table(data: bytes, name: str, encoding: str | None = None) -> Table:
    """The file's header and rows; CsvImportError (EncodingUnsure among them) names what is
    wrong with the file as a whole."""
    if data.startswith(OLD_EXCEL_MAGIC) or name.lower().endswith(".xls"):
        raise CsvImportError(Msg("{name} is an old Excel file (.xls); save it as .xlsx or "
                                 "CSV and import that.", name=name))
    if is_workbook(name, data):
        return _read_workbook(data, name)
    decoded = decode(data, name, encoding)
    headers, rows = csv_rows(decoded.text)
    return Table(headers, rows, decoded.encoding)


def _read_workbook(data: bytes, name: str) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CsvImportError(Msg("{name} is not an Excel workbook that can be read ({error}); "
                                 "save it again as .xlsx or CSV.", name=name,
                                 error=type(exc).__name__)) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise CsvImportError(Msg("{name} has no sheet.", name=name))
        lines = _sheet_lines(sheet.iter_rows(values_only=True))
        header_line = next(lines, None)
        if header_line is None:
            raise CsvImportError(Msg("{name}: its first sheet is empty.", name=name))
        _, header_cells = header_line
        headers = tuple(header_cells)
        rows = []
        for number, cells in lines:
            by_header = {h: (cells[i] if i < len(cells) else "")
                         for i, h in enumerate(headers) if h}
            if any(by_header.values()):
                rows.append((number, by_header))
        return Table(headers, tuple(rows))
    finally:
        book.close()


def _sheet_lines(values: Iterator[tuple]) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows as text, numbered as Excel numbers them; leading empty rows are
    skipped (the header is the first row with something in it)."""
    started = False
    for number, row in enumerate(values, start=1):
        cells = [cell_text(v) for v in row]
        if not started and not any(cells):
            continue
        started = True
        yield number, cells


def cell_text(value: object) -> str:
    """A workbook cell as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time(0) else
                value.isoformat(sep=" ", timespec="minutes"))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return f"{value:.15g}"
    return str(value).strip()


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]],
                text_columns: Sequence[str] = ()) -> None:
    """Write rows as .xlsx (by the file's suffix) or as CSV in UTF-8 with a BOM, which Excel
    opens with Chinese names intact. `text_columns` stay text in a workbook (barcodes)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _write_workbook(path, headers, rows, set(text_columns))
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def _write_workbook(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]],
                    text_columns: set[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(headers))
    as_text = [h in text_columns for h in headers]
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            if i < len(as_text) and as_text[i]:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "@"
                cells.append(cell)
            else:
                cells.append(_number_or_text(value))
        sheet.append(cells)
    book.save(str(path))


def _number_or_text(value: str) -> object:
    """Whole numbers as numbers (weights, quantities); everything else as typed."""
    if value.isascii() and value.isdigit() and not (len(value) > 1 and value[0] == "0") \
            and len(value) < 10:
        return int(value)
    return value
