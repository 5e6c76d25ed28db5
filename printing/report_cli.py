"""`packdesk report`: the weekly PDF report, headless.

    packdesk report --week 2026-W47 --out report.pdf
    packdesk report --due --folder /srv/reports     (every finished week missing there;
                                                     run it from cron for the schedule)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(subparsers) -> None:
    report = subparsers.add_parser("report", help="write the weekly PDF report")
    report.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    report.add_argument("--week", help="ISO week, e.g. 2026-W47 (default: last full week)")
    report.add_argument("--out", help="PDF to write (default: packdesk-report-WEEK.pdf)")
    report.add_argument("--due", action="store_true",
                        help="write every finished week of the last four missing from --folder")
    report.add_argument("--folder", help="where --due keeps the reports")
    for name, default, text in (
            ("--on-time-min", 0.95, "warn when on-time fulfilment is below (0-1)"),
            ("--accuracy-min", 0.98, "warn when inventory accuracy is below (0-1)"),
            ("--return-rate-max", 0.08, "warn when the return rate is above (0-1)"),
            ("--first-response-max", 30.0, "warn when first response takes longer (min)")):
        report.add_argument(name, type=float, default=default, help=text)


def run(args, out=None, err=None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from app.domain.errors import PackdeskError

    try:
        return _report(args, out)
    except (PackdeskError, OSError, ValueError) as exc:
        print(f"packdesk report: {exc}", file=err)
        return 2


def _thresholds(args):
    from app.domain.alerts import HealthThresholds

    return HealthThresholds(args.on_time_min, args.accuracy_min, args.return_rate_max,
                            args.first_response_max)


def _report(args, out) -> int:
    from app.domain.errors import InvalidInput
    from app.services.report_data import last_full_week, parse_week
    from printing.weekly_report import make_weekly_report, report_name, write_due_reports

    limits = _thresholds(args)
    if args.due:
        if not args.folder:
            raise InvalidInput("--due needs --folder, the folder that keeps the reports.")
        made = write_due_reports(_open(args), Path(args.folder), limits=limits)
        for path in made:
            print(f"wrote {path}", file=out)
        if not made:
            print(f"every recent week already has a report in {args.folder}", file=out)
        return 0
    uow = _open(args)
    if args.week:
        week = parse_week(args.week)[0]
    else:
        with uow() as opened:
            week = last_full_week(opened.now())
    target = Path(args.out) if args.out else Path(report_name(week))
    if target.suffix.lower() != ".pdf":
        raise InvalidInput(f"{target} does not end in .pdf; the report is a PDF.")
    print(f"wrote {make_weekly_report(uow, week, target, limits)}", file=out)
    return 0


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station="report")
