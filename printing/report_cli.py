"""`packdesk report`: the weekly PDF report, headless, in English or Chinese.

    packdesk report --week 2026-W47 --out report.pdf [--lang zh_CN]
    packdesk report --due --folder /srv/reports     (every finished week missing there;
                                                     run it from cron for the schedule)
    packdesk report --week 2026-W47 --mail [--route CODE]   (to the mail routes that get
                                                     the weekly report, each in its language)

What it says goes through the core's catalogue in the command line's language
(--lang, else PACKDESK_LANGUAGE or the locale).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app.domain.messages import Msg
from app.domain.translation import environment_language, language_argument, translate


def add_commands(subparsers) -> None:
    report = subparsers.add_parser("report", help="write the weekly PDF report")
    report.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    report.add_argument("--week", help="ISO week, e.g. 2026-W47 (default: last full week)")
    report.add_argument("--out", help="PDF to write (default: packdesk-report-WEEK.pdf)")
    report.add_argument("--lang", type=language_argument, metavar="{en,zh_CN}",
                        help="the report's language (default: the locale's)")
    report.add_argument("--due", action="store_true",
                        help="write every finished week of the last four missing from --folder")
    report.add_argument("--folder", help="where --due keeps the reports")
    report.add_argument("--mail", action="store_true",
                        help="mail the week's report to the routes that get it, now")
    report.add_argument("--route", action="append", metavar="CODE",
                        help="with --mail: only this alert route (repeat for more)")
    for name, default, text in (
            ("--on-time-min", 0.95, Msg("warn when on-time fulfilment is below (0-1)")),
            ("--accuracy-min", 0.98, Msg("warn when inventory accuracy is below (0-1)")),
            ("--return-rate-max", 0.08, Msg("warn when the return rate is above (0-1)")),
            ("--first-response-max", 30.0, Msg("warn when first response takes longer (min)"))):
        report.add_argument(name, type=float, default=default, help=text)


def run(args, out=None, err=None, deliver: Callable | None = None) -> int:
    """`deliver(uow, codes)` sends the routes' queued mail now (main.py wires the alert
    sender; printing cannot import sync)."""
    out, err = out or sys.stdout, err or sys.stderr
    from app.domain.errors import PackdeskError

    language = getattr(args, "lang", None) or environment_language()
    try:
        return _report(args, out, language, deliver)
    except (PackdeskError, OSError, ValueError) as exc:
        print(translate(Msg("packdesk report: {exc}", exc=exc), language), file=err)
        return 2


def _thresholds(args):
    from app.domain.alerts import HealthThresholds

    return HealthThresholds(args.on_time_min, args.accuracy_min, args.return_rate_max,
                            args.first_response_max)


def _report(args, out, language: str, deliver: Callable | None) -> int:
    from app.domain.errors import InvalidInput
    from app.services.report_data import last_full_week, parse_week
    from printing.weekly_report import make_weekly_report, report_name, write_due_reports

    def say(text) -> None:
        print(translate(text, language), file=out)

    limits = _thresholds(args)
    if args.due:
        if not args.folder:
            raise InvalidInput(Msg("--due needs --folder, the folder that keeps the reports."))
        made = write_due_reports(_open(args), Path(args.folder), limits=limits,
                                 language=language)
        for path in made:
            say(Msg("wrote {path}", path=path))
        if not made:
            say(Msg("every recent week already has a report in {folder}", folder=args.folder))
        return 0
    uow = _open(args)
    if args.week:
        week = parse_week(args.week)[0]
    else:
        with uow() as opened:
            week = last_full_week(opened.now())
    if args.mail:
        return _mail(uow, week, args.route, deliver, say)
    target = Path(args.out) if args.out else Path(report_name(week, language))
    if target.suffix.lower() != ".pdf":
        raise InvalidInput(Msg("{target} does not end in .pdf; the report is a PDF.",
                               target=target))
    say(Msg("wrote {path}", path=make_weekly_report(uow, week, target, limits, language)))
    return 0


def _mail(uow, week: str, codes: list[str] | None, deliver: Callable | None, say) -> int:
    from app.services.report_mail import queue_weekly_reports

    queued = queue_weekly_reports(uow(), week=week, codes=codes)
    for report in queued:
        say(Msg("The report for {week} is queued for route {route}.", week=report.week,
                route=report.route) if report.queued else
            Msg("The report for {week} was queued for route {route} already; see packdesk "
                "outbox list --channel alert:{route}.", week=report.week, route=report.route))
    if deliver is None:
        say(Msg("The next packdesk sync sends it."))
        return 0
    result = deliver(uow, sorted({r.route for r in queued}))
    say(result.line())
    return 0 if result.failed == 0 else 1


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station="report")
