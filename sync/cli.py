"""Headless channel commands: `packdesk sync --once`, `packdesk import FILE`, `packdesk channel`,
`packdesk outbox list|retry`.

main.py calls `add_commands(subparsers)` while building its parser and `run(args)` when one of
these commands was chosen. Every failure a person can fix is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections import Counter
from pathlib import Path

from app.domain.errors import PackdeskError
from app.domain.messages import Msg, joined
from app.domain.outbox import OutboxStatus
from app.domain.translation import for_terminal
from app.services import outbox as box
from app.services.channel_stock import add_channel, list_channels
from app.services.intake import take_in_with_retries
from app.services.intake_data import IntakeOutcome
from app.services.leases import DEFAULT_LEASE_S
from sync import intake_map
from sync.alerts_cli import add_commands as add_alert_commands
from sync.alerts_cli import run as run_alerts
from sync.credentials import SECRET_FIELDS, CredentialsMissing, CredentialStore
from sync.csv_catalogue import catalogue_from_store
from sync.csv_import import CsvImportError, EncodingUnsure, parse, preview
from sync.csv_layouts import ColumnMapping
from sync.runner import SETTINGS_FIELDS, SyncRunner, adapter_factory, alert_delivery

COMMANDS = ("sync", "import", "channel", "outbox", "alerts")


def add_commands(subparsers) -> None:
    sync = subparsers.add_parser("sync", help="pull orders and push changes for every channel")
    sync.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    sync.add_argument("--once", action="store_true", help="one pass, then exit (headless)")
    sync.add_argument("--channel", action="append", help="only this channel (repeatable)")
    sync.add_argument("--catalogue", action="store_true", help="also pull what changed in "
                      "the catalogue of Shopify, WooCommerce and Taobao channels (the app "
                      "always does)")
    sync.add_argument("--interval", type=float, default=15 * 60,
                      help="seconds between passes without --once (default 900)")
    sync.add_argument("--lease", type=float, default=DEFAULT_LEASE_S, metavar="SECONDS",
                      help="how long this process's claim on outbox messages and on a "
                      "channel's pull holds before another station may take it over, should "
                      f"this one die (default {DEFAULT_LEASE_S:g})")
    imp = subparsers.add_parser("import", help="import orders from a CSV export")
    imp.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    imp.add_argument("file", help="Shopify order export, Taobao 订单报表, or a mapped CSV")
    imp.add_argument("--mapping", help="column mapping: a JSON file or JSON text")
    imp.add_argument("--items", help="Taobao 宝贝报表 with the order lines")
    imp.add_argument("--channel", default="csv", help="channel the orders belong to")
    imp.add_argument("--yes", action="store_true", help="import the good rows, skip bad ones")
    imp.add_argument("--encoding", help="the file's text encoding (e.g. cp1252, gb18030, "
                     "shift_jis), when Packdesk cannot tell it for sure")
    channel = subparsers.add_parser("channel", help="set up sales channels")
    channel.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    what = channel.add_subparsers(dest="channel_command", required=True)
    what.add_parser("list", help="channels and their last result")
    add = what.add_parser("add", help="add a channel; secrets go to the OS keyring")
    add.add_argument("code")
    add.add_argument("--kind", required=True, choices=sorted(SECRET_FIELDS))
    add.add_argument("--name", default="")
    add.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help="a setting, e.g. shop_url=https://x.myshopify.com")
    add.add_argument("--ratio", type=float, default=1.0, help="allocation ratio, e.g. 0.8")
    add.add_argument("--buffer", type=int, default=0, help="floor buffer in units")
    outbox = subparsers.add_parser("outbox", help="changes queued for the channels")
    outbox.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    do = outbox.add_subparsers(dest="outbox_command", required=True)
    listing = do.add_parser("list", help="queued, sent and failed messages, oldest first")
    listing.add_argument("--failed", action="store_true", help="only the FAILED ones")
    listing.add_argument("--channel", help="only this channel")
    retry = do.add_parser("retry", help="send FAILED messages again once the cause is fixed")
    retry.add_argument("ids", nargs="*", type=int, metavar="ID")
    retry.add_argument("--all-failed", action="store_true", help="every FAILED message")
    retry.add_argument("--channel", help="with --all-failed: only this channel's")
    add_alert_commands(subparsers)


def run(args, credentials: CredentialStore | None = None, out=None, err=None,
        report_pdf=None) -> int:
    """`report_pdf(uow)` gives the weekly report's renderer for the Monday mail (main.py
    passes printing's; sync cannot import printing)."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        uow = _open(args)
        if args.command == "sync":
            return _sync(args, uow, credentials or CredentialStore(), out,
                         report_pdf(uow) if report_pdf else None)
        if args.command == "import":
            return _import(args, uow, out, err)
        if args.command == "outbox":
            return _outbox(args, uow, out, err)
        if args.command == "alerts":
            return run_alerts(args, uow, credentials or CredentialStore(), out, err)
        return _channel(args, uow, credentials or CredentialStore(), out)
    except (PackdeskError, CsvImportError, CredentialsMissing, ValueError, OSError) as exc:
        print(for_terminal(Msg("packdesk {command}: {exc}", command=args.command, exc=exc)), file=err)
        return 2


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station=getattr(args, "station", None) or "sync")


def _sync(args, uow, credentials: CredentialStore, out, report_pdf=None) -> int:
    runner = SyncRunner(uow, adapter_factory(credentials), interval_s=args.interval,
                        lease_s=args.lease, catalogue=getattr(args, "catalogue", False),
                        alerts=alert_delivery(uow, credentials, report_pdf=report_pdf))
    if not args.once:
        runner.on_state = lambda s: print(_line(s), file=out, flush=True)
        runner.start()
        try:
            runner.wait_stopped()
        except KeyboardInterrupt:
            runner.stop()
        return 0
    states = runner.run_once(args.channel)
    if not states:
        print(for_terminal(Msg("No channel to sync; add one with: packdesk channel add CODE --kind ...")), file=out)
    for state in states:
        print(_line(state), file=out)
    alerts = runner.alert_result
    if alerts is not None and (alerts.sent or alerts.failed or alerts.waiting or alerts.problems):
        print(alerts.line(), file=out)
    return 0 if all(s.online and not s.last_result.startswith("error") for s in states) else 1


def _line(state) -> str:
    where = "online" if state.online else "OFFLINE"
    return (Msg("{code}: {where}, {queue_depth} queued, {failed} failed - {value}",
                code=state.code, where=where, queue_depth=state.queue_depth, failed=state.failed, value=state.last_result or state.progress))


def _mapping(text: str | None) -> ColumnMapping | None:
    if not text:
        return None
    path = Path(text)
    return ColumnMapping.from_json(path.read_text("utf-8") if path.exists() else text)


def _import(args, uow, out, err) -> int:
    mapping = _mapping(args.mapping)
    items = Path(args.items) if args.items else None
    catalogue = catalogue_from_store(uow)  # lines without a SKU match by barcode or title
    try:
        rows = preview(Path(args.file), mapping, items, args.encoding, catalogue)
    except EncodingUnsure as unsure:
        print(for_terminal(Msg("packdesk import: {unsure}", unsure=unsure)), file=err)
        for candidate in unsure.candidates:
            print(for_terminal(Msg("  --encoding {encoding}: {sample}",
                      encoding=candidate.encoding, sample=candidate.sample)), file=err)
        print(for_terminal(Msg("Nothing was imported. Run again with the --encoding whose names read right.")),
              file=err)
        return 1
    bad = [row for row in rows if row.errors]
    for row in bad:
        print(for_terminal(Msg("row {row_number} (order {order_key}): {errors}", row_number=row.row_number,
                  order_key=row.order_key or "?", errors=joined(row.errors))), file=err)
    if bad and not args.yes:
        print(for_terminal(Msg("{count} of {count2} rows have errors; nothing was imported. Fix the file, or run again with --yes to import the good rows only.",
                  count=len(bad), count2=len(rows))), file=err)
        return 1
    if not _confirmed(args, rows, out):
        print(Msg("Nothing was imported."), file=out)
        return 1
    orders, errors = parse(Path(args.file), mapping, items, channel=args.channel,
                           encoding=args.encoding, catalogue=catalogue)
    results = take_in_with_retries(intake_map.batch(orders, [], args.channel), uow)
    counts = Counter(r.outcome for r in results)
    print(for_terminal(Msg("Imported {count} orders from {name}: ",
              count=len(results), name=Path(args.file).name)
          + ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
          + (Msg("; skipped {count} orders with bad rows", count=len(errors)) if errors else "")), file=out)
    for result in results:
        if result.outcome is IntakeOutcome.REVIEW:
            print(for_terminal(Msg("  {order_number} needs review: {reasons}",
                      order_number=result.order_number, reasons=joined(result.reasons))),
                  file=out)
        elif result.outcome is IntakeOutcome.PARKED:
            print(for_terminal(Msg("  {channel} order {channel_order_id} parked in the exceptions list: {reasons}",
                      channel=args.channel, channel_order_id=result.channel_order_id, reasons=joined(result.reasons))), file=out)
    return 0


def _confirmed(args, rows, out) -> bool:
    """The preview: how many orders and rows, the first few; at a terminal, the question.
    --yes, or a run with no one at a terminal (cron), does not ask."""
    keys = list(dict.fromkeys(row.order_key for row in rows if not row.errors))
    print(Msg("Preview of {name}: {orders} orders in {rows} rows, {bad} rows with errors.",
              name=Path(args.file).name, orders=len(keys), rows=len(rows),
              bad=sum(1 for row in rows if row.errors)), file=out)
    for key in keys[:5]:
        lines = [row for row in rows if row.order_key == key]
        print(Msg("  order {order_key}: {count} lines", order_key=key, count=len(lines)),
              file=out)
    if len(keys) > 5:
        print(Msg("  … and {count} more orders", count=len(keys) - 5), file=out)
    if args.yes or not sys.stdin.isatty():
        return True
    out.flush()
    answer = input(str(Msg("Import {orders} orders? [y/N] ", orders=len(keys))))
    return answer.strip().lower() in ("y", "yes", "是", "好")


def _channel(args, uow, credentials: CredentialStore, out) -> int:
    if args.channel_command == "list":
        views = list_channels(uow())
        if not views:
            print(for_terminal(Msg("No channel set up; add one with: packdesk channel add CODE "
                                   "--kind ...")), file=out)
        for view in views:
            print(for_terminal(Msg("{code} ({kind}) ratio {allocation_ratio:g}, buffer {floor_buffer}: {value}",
                      code=view.code, kind=view.kind, allocation_ratio=view.allocation_ratio, floor_buffer=view.floor_buffer, value=view.last_result or 'never synced')), file=out)
        return 0
    credentials.ensure_usable()
    settings = dict(pair.split("=", 1) for pair in args.set if "=" in pair)
    missing = [k for k in SETTINGS_FIELDS[args.kind] if not settings.get(k)]
    if missing:
        raise ValueError(Msg("channel {code} needs --set for {missing}",
                             code=args.code, missing=', '.join(missing)))
    secrets = {name: os.environ.get(f"PACKDESK_{name.upper()}")
               or getpass.getpass(f"{args.code} {name}: ") for name in SECRET_FIELDS[args.kind]}
    view = add_channel(uow(), args.code, args.kind, args.name, settings, args.ratio,
                       args.buffer)
    credentials.save(args.code, args.kind, secrets)
    print(for_terminal(Msg("Channel {code} added; its credentials are in the system keyring.", code=view.code)), file=out)
    print(json.dumps(view.settings), file=out)
    return 0


def _outbox(args, uow, out, err) -> int:
    if args.outbox_command == "list":
        rows = box.list_messages(uow(), args.failed, args.channel)
        for row in rows:
            print(_outbox_line(row), file=out)
        print(f"{len(rows)} {'failed ' if args.failed else ''}messages", file=out)
        return 0
    if args.all_failed == bool(args.ids):
        raise ValueError(Msg("give message ids, or --all-failed (not both)"))
    by = getattr(args, "station", None) or getpass.getuser()
    rows, refused = (box.send_all_failed(uow(), args.channel, by), 0) if args.all_failed \
        else ([], 0)
    for message_id in args.ids:
        try:
            rows.append(box.send_again(message_id, uow(), by))
        except PackdeskError as exc:  # the others still go
            refused += 1
            print(for_terminal(Msg("packdesk outbox: {exc}", exc=exc)), file=err)
    for row in rows:
        print(for_terminal(Msg("queued again: {outbox_line}", outbox_line=_outbox_line(row))), file=out)
    print(for_terminal(Msg("{count} messages queued again; the next sync sends them", count=len(rows))), file=out)
    return 1 if refused else 0


def _outbox_line(row: box.OutboxRow) -> str:
    held = Msg(", being sent by {claimed_by}", claimed_by=row.claimed_by) if row.claimed_by else ""
    error = f" - {row.last_error}" if row.last_error and row.status != OutboxStatus.SENT else ""
    return (f"#{row.id} {row.channel} {row.kind} {row.about}: {row.status}, "
            f"{row.attempts} attempts{held}{error}")
