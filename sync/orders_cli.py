"""`packdesk orders [--json] [--channel C] [--status S]`: the store's orders, for merchants'
scripts and for checks: number, channel, channel order id, status (and the channel's own),
review reasons, and whether the receiver is masked by the marketplace.

`packdesk orders replay FILE --channel X [--json]`: what Packdesk would take in from a
channel's payload file, and why not (sync/replay.py); it needs no store.

main.py calls `add_commands(subparsers)` while building its parser and `run(args)` for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from app.domain.errors import PackdeskError
from app.domain.messages import Msg, kept
from app.domain.orders import OrderStatus
from app.domain.translation import environment_language, for_terminal, translate
from app.services.queries import OrderListing, list_orders
from sync.replay import SHAPES, ReplayError, read_payload, replay, report_line


def add_commands(subparsers) -> None:
    orders = subparsers.add_parser("orders", help="list orders (for scripts: --json)")
    orders.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    orders.add_argument("--json", action="store_true", help="one JSON array, an object per order")
    orders.add_argument("--channel", help="only this channel's orders (its code)")
    orders.add_argument("--status", metavar="STATUS", help="only orders in this status: "
                        + ", ".join(s.value for s in OrderStatus))
    actions = orders.add_subparsers(dest="orders_action")
    replay = actions.add_parser(
        "replay", help="what Packdesk would take in from a channel's payload file, and why not")
    replay.add_argument("file", help="the JSON (or JSON Lines) the channel sent")
    replay.add_argument("--channel", dest="replay_channel", required=True,
                        choices=sorted(SHAPES), help="the kind of channel that sent it")
    replay.add_argument("--json", dest="replay_json", action="store_true",
                        help="the verdicts as one JSON array")


def run(args, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    if getattr(args, "orders_action", None) == "replay":
        return _replay(args, out, err)
    try:
        rows = list_orders(_open(args), args.channel, args.status)
    except PackdeskError as exc:
        print(for_terminal(Msg("packdesk orders: {exc}", exc=exc)), file=err)
        return 2
    if args.json:
        json.dump([{**asdict(row), "review_reasons": list(row.review_reasons),
                    "review_reason_codes": [_code(reason) for reason in row.review_reasons]}
                   for row in rows], out, ensure_ascii=False, indent=1)
        print(file=out)
        return 0
    for row in rows:
        print(_line(row), file=out)
    return 0


def _replay(args, out, err) -> int:
    """0 when every order would be taken in, 1 when one would not, 2 when the file is not a
    payload at all: a script can tell them apart."""
    try:
        verdicts = replay(read_payload(Path(args.file)), args.replay_channel)
    except ReplayError as exc:
        print(for_terminal(Msg("packdesk orders replay: {exc}", exc=exc)), file=err)
        return 2
    if args.replay_json:
        json.dump(verdicts, out, ensure_ascii=False, indent=1)
        print(file=out)
    else:
        for found in verdicts:
            print(report_line(found), file=out)
    return 0 if all(v["taken_in"] for v in verdicts) else 1


def _line(row: OrderListing) -> str:
    parts = [row.number, row.channel, row.channel_order_id or "-", row.status]
    if row.masked:
        parts.append("masked")
    if row.review_reasons:
        language = environment_language()
        parts.append("- " + ("；" if language == "zh_CN" else "; ").join(
            translate(reason, language) for reason in row.review_reasons))
    return " ".join(parts)


def _code(reason: str) -> dict:
    """A review reason for a script: its English template and values (a reason stored
    before they were kept: an empty template, its text is in review_reasons)."""
    template, values = kept(reason)
    return {"template": template, "values": values or {}}


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station=getattr(args, "station", None) or "cli")()
