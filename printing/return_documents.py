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
from app.services.views import ReturnCaseView
from printing.documents import Address, ReturnSlipData, ReturnSlipLine
from printing.files import write_atomically
from printing.order_documents import safe_file_part
from printing.sheets import render_return_slip
from printing.spooler import Spooler
from printing.station import DocumentKind, Route, make_printer, render_slip

INSTRUCTIONS = {
    "en": {"buyer": "Please pack the items with this slip and send them to the address above "
                    "before the date shown. Return shipping is paid by you.",
           "shop": "Please pack the items with this slip and send them to the address above "
                   "before the date shown. Return shipping is paid by the shop."},
    "zh": {"buyer": "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由买家承担。",
           "shop": "请将商品与本退货单一起寄回上方地址，并在截止日期前寄出。退货运费由店铺承担。"},
}


def return_slip_data(case: ReturnCaseView, language: str = "en") -> ReturnSlipData:
    party = case.return_to
    lines = list(party.lines) if party else []
    address = Address(name=party.name if party else "", phone=party.phone if party else "",
                      line1=lines[0] if lines else "", line2=", ".join(lines[1:]))
    words = INSTRUCTIONS.get(language, INSTRUCTIONS["en"])
    deadline: datetime | None = case.deadline_at if case.status in ("approved", "in_transit") \
        else None
    return ReturnSlipData(
        rma_number=case.rma_number, order_number=case.order_number,
        lines=[ReturnSlipLine(line.sku, line.name, line.quantity) for line in case.lines],
        return_address=address, instructions=words.get(case.shipping_paid_by, ""),
        deadline=deadline)


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
        return f"job {job_id} → {self.printer.name}"


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
    slip.add_argument("--lang", default="en", choices=sorted(INSTRUCTIONS))
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
            print(f"{figure.units_returned} of {figure.units_shipped} units shipped came back "
                  f"in {args.days} days: {figure.rate:.1%}", file=out)
            return 0
        if command == "rule":
            return _rule(args, service, out)
        if command == "close-refund":
            return _close_refund(args, service, out)
        return _slip(args, service, out, err)
    except (PackdeskError, ValueError, OSError) as exc:
        print(f"packdesk returns: {exc}", file=err)
        return 2


def _open(args):
    from app.adapters.store import open_store, resolve_store_url
    from app.adapters.unit_of_work import uow_factory

    store = open_store(resolve_store_url(getattr(args, "sub_db", None)
                                         or getattr(args, "db", None)))
    return uow_factory(store.session_factory, station=getattr(args, "station", None) or "returns")


def _close_refund(args, service, out) -> int:
    from app.services.commands import CloseRefundManually, SupervisorApproval

    pin = getpass.getpass(f"PIN for {args.supervisor}: ")
    case = service.close_refund(CloseRefundManually(
        args.rma, SupervisorApproval(args.supervisor, pin, args.reason)))
    print(f"{case.rma_number}: {case.status}, refund {case.refund_status} "
          f"(closed by hand by {args.supervisor})", file=out)
    return 0


def _check(service, out) -> int:
    raised = service.escalate()
    confirmed = service.track_refunds()
    for case in confirmed:
        print(f"{case.rma_number}: refund {case.refund_status}", file=out)
    for alert in service.alerts():
        print(("NEW " if alert in raised else "") + alert.message, file=out)
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
    for rule in service.rules():
        print(f"{rule.channel or '*'} / {rule.category or '*'}: {rule.window_days} days "
              f"(faults {rule.fault_window_days}), "
              f"{'returnable' if rule.returnable else 'NOT returnable'}"
              f"{', hygiene: unopened only' if rule.hygiene else ''}, damaged refund "
              f"{rule.damaged_refund_percent}%, missing parts {rule.missing_parts_refund_percent}%",
              file=out)
    return 0


def _slip(args, service, out, err) -> int:
    found = service.find(args.rma)
    if found.outcome != "case":
        print(f"packdesk returns slip: {found.message}", file=err)
        return 2
    target = Path(args.pdf)
    render_return_slip(return_slip_data(found.case, args.lang), str(target),
                       language=args.lang)
    print(f"Return slip {found.case.rma_number} written to {target}", file=out)
    return 0
