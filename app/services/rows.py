"""A spreadsheet's rows, whatever file they came from: its header, and each non-blank row
as cells by header with the line (or sheet row) it is on, so a problem names the line the
merchant sees in their own file."""

from __future__ import annotations

import csv
import io

Row = tuple[int, dict[str, str]]


def header_key(header: str) -> str:
    """A column's name compared loosely: case, spaces and a BOM do not matter."""
    return "_".join(header.strip().lower().replace("\ufeff", "").split())


def csv_rows(text: str) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """A CSV text's header and its non-blank rows with their line numbers (header: 1).
    Commas, semicolons and tabs are told apart by the text itself."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096],
                                                                      delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = tuple(reader.fieldnames or [])
    rows = []
    for raw in reader:
        cells = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if any(cells.values()):
            rows.append((reader.line_num, cells))
    return headers, tuple(rows)


def pick_columns(headers: list[str], names: dict[str, tuple[str, ...]]
                 ) -> tuple[dict[str, str], list[str]]:
    """Which header holds each field (by any of its names), and the headers not used."""
    found: dict[str, str] = {}
    ignored = []
    for header in headers:
        key = header_key(header)
        field_name = next((f for f, known in names.items() if key in known), None)
        if field_name is None or field_name in found:
            ignored.append(header)
        else:
            found[field_name] = header
    return found, ignored


def rejected_rows_csv(headers, problems) -> str:
    """The rows not taken, as they were, with an `error` column naming each one's line and
    problem: fix them and import that file again (nothing of the merchant's file is lost).
    `problems` have `line`, `problem` and `raw` (the row's cells by header)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*headers, "error"], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for problem in problems:
        writer.writerow({**problem.raw, "error": f"line {problem.line}: {problem.problem}"})
    return out.getvalue()
