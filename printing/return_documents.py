"""The return slip, drawn from what the returns counter hands back.

Its Code128 barcode is the RMA number: scanning it at the counter opens the case again
when the parcel comes back.
"""

from __future__ import annotations

import argparse
import getpass
import io
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.errors import PackdeskError
from app.domain.messages import Msg
from app.domain.translation import language_argument, translate
from app.services.views import LookupOutcome, ReturnCaseView
from printing.documents import Address, ReturnSlipData, ReturnSlipLine
from printing.files import write_atomically
from printing.order_documents import safe_file_part
from printing.sheets import render_return_slip, slip_language
from printing.spooler import Spooler
from printing.station import DocumentKind, Route, make_printer, render_slip

INSTRUCTIONS = {  # by who pays the return shipping; in the slip's language from the catalogue
    "buyer": Msg("Please pack the items with this slip and send them to the address above "
                 "before the date shown. Return shipping is paid by you."),
    "shop": Msg("Please pack the items with this slip and send them to the address above "
                "before the date shown. Return shipping is paid by the shop."),
}

PICKUP_INSTRUCTIONS = Msg("Please pack the items with this slip. A courier comes to your door "
                          "in the window shown to collect the parcel; give the courier the "
                          "pick-up code.")


def return_slip_data(case: ReturnCaseView, language: str = "en") -> ReturnSlipData:
    party = case.return_to
    lines = list(party.lines) if party else []
    address = Address(name=party.name if party else "", phone=party.phone if party else "",
                      line1=lines[0] if lines else "", line2=", ".join(lines[1:]))
    instructions = (PICKUP_INSTRUCTIONS if case.pickup_code
                    else INSTRUCTIONS.get(case.shipping_paid_by))
    words = translate(instructions, slip_language(language)) if instructions else ""
    deadline: datetime | None = case.deadline_at if case.status in ("approved", "in_transit") \
        else None
    return ReturnSlipData(
        rma_number=case.rma_number, order_number=case.order_number,
        lines=[ReturnSlipLine(line.sku, line.name, line.quantity) for line in case.lines],
        return_address=address, instructions=words,
        deadline=deadline, pickup_code=case.pickup_code, pickup_carrier=case.pickup_carrier,
        pickup_window=case.pickup_window)


@dataclass
class ReturnSlipToFolder:
    """Writes each return slip as a PDF into a folder; returns where it went."""

    folder: Path
    paper: str = "A4"
    language: str = "en"

    def __call__(self, case: ReturnCaseView) -> str:
        target = self.folder / f"{safe_file_part(case.rma_number)}.pdf"
        pdf = io.BytesIO()
        render_return_slip(return_slip_data(case, self.language), pdf,
                           paper=self.paper, language=self.language)
        write_atomically(target, pdf.getvalue(), DocumentKind.RETURN_SLIP)  # whole or nothing
        return str(target)


class ReturnSlipPrinting:
    """Sends each return slip to the station's slip printer (A4/Letter) through the spooler."""

    def __init__(self, route: Route, spooler: Spooler, language: str = "en") -> None:
        self.route, self.spooler, self.language = route, spooler, language
        self.printer = make_printer(route)

    def __call__(self, case: ReturnCaseView) -> str:
        document = render_slip(return_slip_data(case, self.language), self.route, self.language)
        job_id = self.spooler.submit(self.printer, document)
        return Msg("job {job_id} → {name}", job_id=job_id, name=self.printer.name)


# --- headless commands: packdesk returns check | rate | rule | slip --------------------------

def add_commands(subparsers) -> None:
    returns = subparsers.add_parser("returns", help="return cases: deadlines, rules, slips")
    returns.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    returns.add_argument("--zone", default="", help="the store's time zone, e.g. Asia/Shanghai "
                         "(default: this machine's)")
    what = returns.add_subparsers(dest="returns_command", required=True)
    what.add_parser("check", help="escalate overdue cases, follow refunds, list alerts")
    rate = what.add_parser("rate", help="units returned per unit shipped")
    rate.add_argument("--days", type=int, default=30)
    rules = what.add_parser("rule", help="list or set a return rule")
    rules.add_argument("--channel", default="", help="one channel's rule (default: all)")
    rules.add_argument("--category", default="", help="one category's rule (default: all)")
    rules.add_argument("--window", type=int, help="days for a no-reason return (default 7)")
    rules.add_argument("--fault-window", type=int, help="days when the shop was at fault")
    rules.add_argument("--returnable", action=argparse.BooleanOptionalAction,
                       help="--no-returnable: no no-reason returns for this category")
    rules.add_argument("--hygiene", action=argparse.BooleanOptionalAction,
                       help="returnable only unopened")
    rules.add_argument("--damaged-percent", type=int, help="refund %% for a damaged unit")
    rules.add_argument("--missing-parts-percent", type=int)
    rules.add_argument("--list", action="store_true", help="only list the rules")
    slip = what.add_parser("slip", help="print a return slip again, as a PDF file")
    slip.add_argument("rma")
    slip.add_argument("--pdf", required=True)
    slip.add_argument("--lang", default="en", type=language_argument, metavar="{en,zh_CN}")
    close = what.add_parser("close-refund", help="close a refund the channel refused, settled "
                            "by hand (asks the supervisor's PIN)")
    close.add_argument("rma")
    close.add_argument("--reason", required=True, help="how it was settled, for the audit trail")
    close.add_argument("--supervisor", required=True, help="the supervisor's name")


def run(args, out=None, err=None) -> int:
    from app.services import returns as r

    out, err = out or sys.stdout, err or sys.stderr
    try:
        uow = _open(args)
        service = r.ReturnsService(uow, args.zone)
        command = args.returns_command
        if command == "check":
            return _check(service, out)
        if command == "rate":
            until = datetime.now(UTC)
            figure = service.return_rate(until - timedelta(days=args.days), until)
            print(Msg("{units_returned} of {units_shipped} units shipped came back in {days} days: {rate:.1%}",
                      units_returned=figure.units_returned, units_shipped=figure.units_shipped, days=args.days, rate=figure.rate), file=out)
            return 0
        if command == "rule":
            return _rule(args, service, out)
        if command == "close-refund":
            return _close_refund(args, service, out)
        return _slip(args, service, out, err)
    except (PackdeskError, ValueError, OSError) as exc:
        print(Msg("packdesk returns: {exc}", exc=exc), file=err)
        return 2


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station=getattr(args, "station", None) or "returns")


def _close_refund(args, service, out) -> int:
    from app.services.commands import CloseRefundManually, SupervisorApproval

    pin = getpass.getpass(Msg("PIN for {supervisor}: ", supervisor=args.supervisor))
    case = service.close_refund(CloseRefundManually(
        args.rma, SupervisorApproval(args.supervisor, pin, args.reason)))
    print(Msg("{rma_number}: {status}, refund {refund_status} (closed by hand by {supervisor})",
              rma_number=case.rma_number, status=case.status, refund_status=case.refund_status, supervisor=args.supervisor), file=out)
    return 0


def _check(service, out) -> int:
    raised = service.escalate()
    confirmed = service.track_refunds()
    for case in confirmed:
        print(Msg("{rma_number}: refund {refund_status}",
                  rma_number=case.rma_number, refund_status=case.refund_status), file=out)
    alerts = service.alerts()
    for alert in alerts:
        print(("NEW " if alert in raised else "") + alert.message, file=out)
    print(Msg("Return cases checked: {escalated} escalated now, {refunds} refunds followed up, "
              "{alerts} waiting for a supervisor.", escalated=len(raised),
              refunds=len(confirmed), alerts=len(alerts)), file=out)
    return 0


def _rule(args, service, out) -> int:
    from app.services.return_policy import DEFAULT_RULE

    changes = {"window_days": args.window, "fault_window_days": args.fault_window,
               "damaged_refund_percent": args.damaged_percent,
               "missing_parts_refund_percent": args.missing_parts_percent,
               "returnable": args.returnable, "hygiene": args.hygiene}
    if not args.list:
        current = next((rule for rule in service.rules() if (rule.channel, rule.category)
                        == (args.channel, args.category)), DEFAULT_RULE)
        values = {name: value for name, value in changes.items() if value is not None}
        service.save_rule(replace(current, channel=args.channel, category=args.category,
                                  id=None, **values))
    rules = service.rules()
    if not rules:  # nothing set: every return follows the default rule, which is shown
        print(Msg("No return rules set; every channel and category follows the default:"),
              file=out)
        rules = [DEFAULT_RULE]
    for rule in rules:
        print(Msg("{value} / {value2}: {window_days} days (faults {fault_window_days}), {value3}{value4}, damaged refund {damaged_refund_percent}%, missing parts {missing_parts_refund_percent}%",
                  value=rule.channel or '*', value2=rule.category or '*', window_days=rule.window_days, fault_window_days=rule.fault_window_days, value3='returnable' if rule.returnable else 'NOT returnable', value4=', hygiene: unopened only' if rule.hygiene else '', damaged_refund_percent=rule.damaged_refund_percent, missing_parts_refund_percent=rule.missing_parts_refund_percent),
              file=out)
    return 0


def _slip(args, service, out, err) -> int:
    found = service.find(args.rma)
    if found.outcome is not LookupOutcome.CASE:
        print(Msg("packdesk returns slip: {message}", message=found.message), file=err)
        return 2
    target = Path(args.pdf)
    render_return_slip(return_slip_data(found.case, args.lang), str(target),
                       language=args.lang)
    print(Msg("Return slip {rma_number} written to {target}",
              rma_number=found.case.rma_number, target=target), file=out)
    return 0
