"""`packdesk orders [--json] [--channel C] [--status S]`: the store's orders, for merchants'
scripts and for checks: number, channel, channel order id, status (and the channel's own),
review reasons, and whether the receiver is masked by the marketplace.

main.py calls `add_commands(subparsers)` while building its parser and `run(args)` for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from app.domain.errors import PackdeskError
from app.domain.orders import OrderStatus
from app.services.queries import OrderListing, list_orders


def add_commands(subparsers) -> None:
    orders = subparsers.add_parser("orders", help="list orders (for scripts: --json)")
    orders.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    orders.add_argument("--json", action="store_true", help="one JSON array, an object per order")
    orders.add_argument("--channel", help="only this channel's orders (its code)")
    orders.add_argument("--status", metavar="STATUS", help="only orders in this status: "
                        + ", ".join(s.value for s in OrderStatus))


def run(args, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        rows = list_orders(_open(args), args.channel, args.status)
    except PackdeskError as exc:
        print(f"packdesk orders: {exc}", file=err)
        return 2
    if args.json:
        json.dump([{**asdict(row), "review_reasons": list(row.review_reasons)} for row in rows],
                  out, ensure_ascii=False, indent=1)
        print(file=out)
        return 0
    for row in rows:
        print(_line(row), file=out)
    return 0


def _line(row: OrderListing) -> str:
    parts = [row.number, row.channel, row.channel_order_id or "-", row.status]
    if row.masked:
        parts.append("masked")
    if row.review_reasons:
        parts.append("- " + "; ".join(row.review_reasons))
    return " ".join(parts)


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station=getattr(args, "station", None) or "cli")()
