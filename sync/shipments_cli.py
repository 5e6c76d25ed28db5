"""`packdesk shipments export --channel C --since DATE [--out FILE] [--all]`: the channel's
packed orders in its marketplace's bulk-shipping (批量发货) template, for a merchant who
ships there by uploading a file instead of the API (sync/shipping_upload.py). Orders written
once are marked in their trail; the next export gives only new ones, unless --all.

main.py calls `add_commands(subparsers)` while building its parser and `run(args)` for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from app.domain.errors import PackdeskError
from app.domain.messages import Msg
from app.domain.translation import for_terminal
from sync.base import ChannelError
from sync.shipping_upload import export_shipping_upload, platform_name


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            for_terminal(Msg("{text!r} is not a date (YYYY-MM-DD)", text=text))) from None


def add_commands(subparsers) -> None:
    shipments = subparsers.add_parser(
        "shipments", help="shipping-upload files for marketplaces shipped without the API")
    shipments.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    what = shipments.add_subparsers(dest="shipments_command", required=True)
    export = what.add_parser(
        "export", help="the channel's packed orders in its platform's bulk-shipping template")
    export.add_argument("--channel", required=True, help="the channel's code (or the platform "
                        "its orders were imported as: taobao, pinduoduo, jd, douyin)")
    export.add_argument("--since", required=True, type=_day, metavar="DATE",
                        help="orders packed on or after this day (YYYY-MM-DD)")
    export.add_argument("--out", help="write the file here (default: CHANNEL-shipping-upload-DATE)")
    export.add_argument("--all", dest="include_uploaded", action="store_true",
                        help="orders exported before as well")
    export.add_argument("--by", default=os.environ.get("USER", "cli"),
                        help="who exports (kept in each order's trail)")


def run(args, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    since = datetime.combine(args.since, datetime.min.time()).astimezone(UTC)
    store, uow = _open(args)
    try:
        result = export_shipping_upload(
            uow, args.channel, since, Path(args.out) if args.out else None, args.by,
            args.include_uploaded, today=datetime.now().date().isoformat())
    except (PackdeskError, ChannelError) as exc:
        print(for_terminal(Msg("packdesk shipments export: {exc}", exc=exc)), file=err)
        return 2
    finally:
        store.dispose()
    print(for_terminal(Msg("{rows} orders of {channel} written to {path} in the {platform} bulk-shipping template",
                           rows=result.rows, channel=result.channel, path=result.path,
                           platform=platform_name(result.kind))), file=out)
    return 0


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return store, uow_factory(store.session_factory,
                              station=getattr(args, "station", None) or "cli")
