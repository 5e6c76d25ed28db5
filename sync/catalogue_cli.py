"""`packdesk products add|import|export|list`, `packdesk stock import` and `packdesk carrier
add|list`: a new store's catalogue, its opening stock and its own tracking-number range,
from the command line. Files are CSV (any export encoding) or Excel workbooks (.xlsx)."""

from __future__ import annotations

import sys
from pathlib import Path

from app.domain.messages import Msg
from app.domain.translation import environment_language, for_terminal, said, translate
from app.services import carrier_setup, catalogue, catalogue_conflicts, opening_stock
from sync.csv_encoding import CsvImportError, EncodingUnsure
from sync.tabular import Table, read_table, write_table


def _say(text, file) -> None:
    """A message in the command line's language (PACKDESK_LANGUAGE or the locale's)."""
    print(translate(text, environment_language()), file=file)


def add_commands(commands) -> None:
    products = commands.add_parser("products", help="the catalogue: add, import, export, list")
    products.add_argument("--db", dest="sub_db", help="database URL or SQLite path")
    what = products.add_subparsers(dest="products_command", required=True)
    add = what.add_parser("add", help="one product (added, or changed when the SKU exists)")
    add.add_argument("sku")
    add.add_argument("--name", required=True)
    add.add_argument("--name-zh", help="the product's name in Chinese (the bench and the "
                     "slips show it to a station working in Chinese)")
    add.add_argument("--barcode", default="", help="a GTIN (EAN/UPC, check digit checked) or "
                     "the shop's own code")
    add.add_argument("--weight-g", type=int, default=0, help="one unit's weight in grams")
    add.add_argument("--bin", default="", help="where it is kept, e.g. A-01-2")
    add.add_argument("--image", default="", help="path of the product's picture")
    imp = what.add_parser("import", help="products, barcodes, weights and opening stock "
                          "from a CSV file or an Excel workbook (.xlsx)")
    imp.add_argument("file")
    imp.add_argument("--yes", action="store_true",
                     help="import the good rows even when some rows have problems")
    imp.add_argument("--encoding", help="the file's text encoding (e.g. gb18030)")
    imp.add_argument("--rejects", help="where the rows not imported go (default: next to "
                     "FILE, .rejected.csv)")
    imp.add_argument("--by", default="cli", help="who is recorded on the opening-stock moves")
    pull = what.add_parser("pull", help="products and variants from a sales channel "
                           "(Shopify, WooCommerce, Taobao): SKU, name, barcode, weight, picture, and "
                           "its stock as opening stock for SKUs with none yet")
    pull.add_argument("--channel", required=True, help="the channel's code (packdesk channel "
                      "list)")
    pull.add_argument("--by", default="cli", help="who is recorded on the opening-stock moves")
    pull.add_argument("--all", dest="everything", action="store_true",
                      help="every product, not only those changed since the last pull")
    conflicts = what.add_parser("conflicts", help="where a channel and a product disagree "
                                "(name, barcode, weight), waiting for a supervisor; with SKU "
                                "that product's settled ones too")
    conflicts.add_argument("sku", nargs="?", default="")
    settle = what.add_parser("settle", help="settle a difference: keep the product's value "
                             "or take the channel's")
    settle.add_argument("conflict", type=int, help="its number (packdesk products conflicts)")
    side = settle.add_mutually_exclusive_group(required=True)
    side.add_argument("--keep", dest="side", action="store_const", const="kept",
                      help="keep what the product has")
    side.add_argument("--take", dest="side", action="store_const", const="offered",
                      help="take the channel's value")
    listing = what.add_parser("list", help="products, by SKU")
    listing.add_argument("text", nargs="?", default="")
    export = what.add_parser("export", help="every product in the import's layout (sku, name, "
                             "barcode, weight_g, bin, image), as CSV or, for FILE.xlsx, a "
                             "workbook")
    export.add_argument("file")
    stock = commands.add_parser("stock", help="opening stock from a file")
    stock.add_argument("--db", dest="sub_db", help="database URL or SQLite path")
    stock_what = stock.add_subparsers(dest="stock_command", required=True)
    stock_imp = stock_what.add_parser("import", help="opening stock from a CSV file or an "
                                      "Excel workbook: sku, quantity and, where known, bin, "
                                      "lot and expiry (YYYY-MM-DD), one line per lot")
    stock_imp.add_argument("file")
    stock_imp.add_argument("--yes", action="store_true",
                           help="import the good rows even when some rows have problems")
    stock_imp.add_argument("--encoding", help="the file's text encoding (e.g. gb18030)")
    stock_imp.add_argument("--rejects", help="where the rows not imported go (default: next "
                           "to FILE, .rejected.csv)")
    stock_imp.add_argument("--by", default="cli", help="who is recorded on the stock moves")


def run_products(args, uow, out=sys.stdout, err=sys.stderr) -> int:
    if args.command == "stock":
        return _import_stock(args, uow, out, err)
    if args.products_command == "export":
        headers, rows = catalogue.export_catalogue(uow())
        path = Path(args.file)
        try:
            write_table(path, headers, rows, text_columns=("sku", "barcode", "bin"))
        except OSError as exc:
            _say(Msg("packdesk: cannot write {path}: {error}", path=path, error=exc.strerror),
                 err)
            return 2
        _say(Msg("Products exported: {count}, to {path}.", count=len(rows), path=path), out)
        return 0
    if args.products_command == "add":
        view = catalogue.save_product(uow(), catalogue.ProductInput(
            args.sku, args.name, args.barcode, args.weight_g, args.bin, args.image,
            name_zh=args.name_zh))
        print(f"{view.sku}\t{view.name}\t{view.barcode or '-'}\t{view.weight_g} g"
              + (f"\t{view.name_zh}" if view.name_zh else ""), file=out)
        return 0
    if args.products_command == "list":
        for view in catalogue.find_products(uow(), args.text, limit=100_000):
            print(f"{view.sku}\t{view.name}\t{view.barcode or '-'}\t{view.weight_g} g\t"
                  f"{view.bin_location or '-'}", file=out)
        return 0
    if args.products_command == "pull":
        return _pull(args, uow, out)
    if args.products_command == "conflicts":
        return _conflicts(args, uow, out)
    if args.products_command == "settle":
        view = catalogue_conflicts.settle_conflict(uow(), args.conflict, args.side,
                                                   getattr(args, "supervisor_ok", "") or "cli")
        _say(Msg("{sku}: {field} is now {value} ({who} chose it).", sku=view.sku,
                 field=view.field, value=(view.offered if view.chosen == "offered"
                                          else view.kept) or "-",
                 who=view.settled_by), out)
        return 0
    return _import(args, uow, out, err)


def _pull(args, uow, out) -> int:
    from sync.base import ChannelError
    from sync.catalogue_pull import pull_catalogue, report_lines
    from sync.credentials import CredentialsMissing

    try:
        report = pull_catalogue(uow, args.channel, args.by, credentials=getattr(
            args, "credentials", None), everything=getattr(args, "everything", False))
    except (ChannelError, CredentialsMissing) as exc:
        print(for_terminal(said(Msg("packdesk products pull: {error} Nothing more was pulled; what was "
                       "stored before stays.", error=said(exc)))), file=sys.stderr)
        return 2
    for line in report_lines(report):
        print(line, file=out)
    # 1: something waits for a person (left out, a difference to settle, pulled elsewhere)
    return 1 if (report.notes or report.without_sku or report.conflicts
                 or report.pulled_elsewhere) else 0


def _conflicts(args, uow, out) -> int:
    """Open differences (or one product's trail): number, SKU, field, the product's value
    and whose, the channel's value and which channel; settled ones say who chose what."""
    views = (catalogue_conflicts.product_trail(uow(), args.sku) if args.sku
             else catalogue_conflicts.open_conflicts(uow()))
    for view in views:
        kept_from = view.kept_from or Msg("a person")
        line = (f"{view.id}\t{view.sku}\t{view.field}\t{view.kept or '-'} ({kept_from})\t"
                f"{view.offered} ({view.offered_from})")
        if view.settled_at is not None:
            line += "\t" + translate(Msg("settled {at:%Y-%m-%d %H:%M} by {by}: {chosen}",
                                          at=view.settled_at, by=view.settled_by or "-",
                                          chosen=view.chosen), environment_language())
        print(line, file=out)
    if not views:
        _say(Msg("No differences to settle."), out)
    return 0


def _table(args, err) -> Table | None:
    """The file's rows (CSV or workbook), or None after saying why it cannot be read."""
    path = Path(args.file)
    try:
        return read_table(path.read_bytes(), path.name, args.encoding)
    except EncodingUnsure as unsure:
        _say(Msg("packdesk: {error}", error=unsure), err)
    except CsvImportError as exc:
        _say(Msg("packdesk: {error}", error=exc), err)
    except OSError as exc:
        _say(Msg("packdesk: cannot read {path}: {error}", path=path, error=exc.strerror), err)
    return None


def _checked_first(args, parsed, problems, taken: int, err) -> bool:
    """The preview of a file import said: the columns not used and each bad row. True when
    the import may go on (no problems, or --yes)."""
    if parsed.ignored_columns:
        _say(Msg("Columns not used: {ignored_columns}",
                  ignored_columns=', '.join(parsed.ignored_columns)), err)
    for problem in problems:
        _say(Msg("line {line} ({sku}): {problem}",
                  line=problem.line, sku=problem.sku or Msg("no SKU"), problem=problem.problem), err)
    if problems and not args.yes:
        _say(Msg("Nothing was imported: rows with problems: {count} of {rows}. Fix them in the file, or run again with --yes to import the good rows only (the others are written to a .rejected.csv file to fix and import again).",
                  count=len(problems), rows=len(problems) + taken), err)
        return False
    return True


def _rejects_written(args, path: Path, text: str, count: int, err) -> None:
    rejects = Path(args.rejects) if args.rejects else path.with_suffix(".rejected.csv")
    rejects.write_text(text, encoding="utf-8")
    _say(Msg("Rows not imported: {count}. They are in {rejects}, with the reason in its error column.",
              count=count, rejects=rejects), err)


def _import(args, uow, out, err) -> int:
    path = Path(args.file)
    table = _table(args, err)
    if table is None:
        return 2
    parsed = catalogue.read_catalogue_rows(table.headers, table.rows)
    checked = catalogue.import_catalogue(uow(), parsed, args.by, preview=True)
    if not _checked_first(args, parsed, checked.problems, checked.rows_taken, err):
        return 1
    report = catalogue.import_catalogue(uow(), parsed, args.by)
    _say(Msg("Products added: {added}, changed: {updated}. Opening stock: {units} units for {stocked} SKUs (reason “{opening_stock}”).",
              added=report.added, updated=report.updated, units=report.units, stocked=report.stocked, opening_stock=catalogue.OPENING_STOCK), out)
    if report.problems:
        _rejects_written(args, path, catalogue.rejected_rows_csv(parsed, report),
                         len(report.problems), err)
        return 1
    return 0


def _import_stock(args, uow, out, err) -> int:
    path = Path(args.file)
    table = _table(args, err)
    if table is None:
        return 2
    parsed = opening_stock.read_stock_rows(table.headers, table.rows)
    checked = opening_stock.import_stock(uow(), parsed, args.by, preview=True)
    if not _checked_first(args, parsed, checked.problems, checked.rows, err):
        return 1
    report = opening_stock.import_stock(uow(), parsed, args.by)
    _say(Msg("Opening stock: {units} units of {skus} SKUs in {lots} lots (reason “{reason}”); "
             "bins set: {bins}.", units=report.units, skus=report.skus, lots=report.lots,
             reason=catalogue.OPENING_STOCK, bins=report.bins_set), out)
    if report.problems:
        _rejects_written(args, path, opening_stock.rejected_stock_csv(parsed, report),
                         len(report.problems), err)
        return 1
    return 0


def run_carrier(args, uow, out=sys.stdout) -> int:
    if args.carrier_command == "list":
        for view in carrier_setup.list_carriers(uow()):
            _say(Msg("{code}\t{name}\t{service}\tnext {first_number}",
                      code=view.code, name=view.name, service=view.service, first_number=view.first_number), out)
        return 0
    view = carrier_setup.add_own_range_carrier(
        uow(), args.code, args.name, args.prefix, args.digits, args.suffix, args.service,
        args.sender_name, args.sender_phone, args.sender_address)
    _say(Msg("Carrier {code} ({name}) added; its first tracking number is {first_number}.",
              code=view.code, name=view.name, first_number=view.first_number), out)
    return 0
