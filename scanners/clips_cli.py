"""`packdesk clips`: find an order's pack video, export it for a dispute, prune old clips."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.domain.messages import Msg
from app.domain.translation import for_terminal, said


def add_commands(subparsers) -> None:
    clips = subparsers.add_parser("clips", help="pack videos: find, export for a dispute, prune")
    clips.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    what = clips.add_subparsers(dest="clips_command", required=True)
    show = what.add_parser("list", help="an order's clips (by order, tracking or channel id)")
    show.add_argument("key")
    export = what.add_parser("export", help="copy an order's clips with checksum and scan log")
    export.add_argument("key")
    export.add_argument("--to", required=True, type=Path, help="the folder to write to")
    prune = what.add_parser("prune", help="delete old clips, never those of open returns")
    prune.add_argument("--days", type=int, default=90, help="keep clips this many days")
    prune.add_argument("--budget-gb", type=float, default=50.0,
                       help="and at most this much disk")


def run(args, open_store) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.domain.clips import Retention
    from app.services.clips import find_clips, prune_clips
    from scanners.pack_video import ClipTampered, export_clip

    store = open_store(args)
    try:
        uow = uow_factory(store.session_factory, station=args.station or "cli")()
        if args.clips_command == "prune":
            done = prune_clips(uow, Retention(args.days, int(args.budget_gb * 1024**3)),
                               os.remove)
            print(for_terminal(Msg(
                "{deleted} clips deleted, {freed} MB freed; {kept} kept for open returns",
                deleted=done.deleted, freed=f"{done.freed_bytes / 1024**2:.1f}",
                kept=done.kept_for_returns)))
            for problem in done.failed:
                print(for_terminal(Msg("packdesk: not deleted: {problem}", problem=problem)),
                      file=sys.stderr)
            return 1 if done.failed else 0
        found = find_clips(uow, args.key)
        if not found:
            print(for_terminal(Msg("packdesk: no pack video of {key}", key=args.key)),
                  file=sys.stderr)
            return 1
        for clip in found:
            if args.clips_command == "list":
                print(f"{clip.order_number}\t{clip.tracking_number or '-'}\t"
                      f"{clip.started_at:%Y-%m-%d %H:%M:%S}\t{clip.frames} frames\t"
                      f"{clip.bytes / 1024**2:.1f} MB\t{clip.path}")
                continue
            meta = {"order": clip.order_number, "tracking": clip.tracking_number,
                    "channel_order_id": clip.channel_order_id, "station": clip.station,
                    "started_at": clip.started_at, "ended_at": clip.ended_at}
            try:
                copy, log = export_clip(Path(clip.path), clip.sha256, meta, list(clip.events),
                                        args.to)
            except (ClipTampered, OSError) as exc:
                print(f"packdesk: {said(exc)}", file=sys.stderr)
                return 2
            print(f"{copy}\n{log}")
        return 0
    finally:
        store.dispose()
