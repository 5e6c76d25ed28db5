"""`packdesk alerts route add|list|remove|test`: where alerts go besides the panel (issue 18).

Secrets (a DingTalk robot's sign secret, the SMTP password) are read from PACKDESK_SECRET /
PACKDESK_PASSWORD or asked for, and kept in the system keyring, never in the store.
"""

from __future__ import annotations

import argparse
import getpass
import os

from app.domain.alert_routes import AlertRoute, RouteKind
from app.domain.alerts import AlertKind
from app.domain.messages import Msg
from app.domain.outbox import OutboxStatus
from app.domain.translation import for_terminal, language_argument
from app.services import outbox as box
from app.services.alert_notices import (
    add_route,
    get_route,
    list_routes,
    queue_test_notice,
    remove_route,
)
from sync.alert_delivery import AlertDelivery
from sync.credentials import CredentialStore


def add_commands(subparsers) -> None:
    alerts = subparsers.add_parser("alerts", help="send alerts to DingTalk, WeCom or e-mail")
    alerts.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    what = alerts.add_subparsers(dest="alerts_command", required=True)
    route = what.add_parser("route", help="alert routes").add_subparsers(
        dest="route_command", required=True)
    add = route.add_parser("add", help="add (or set up again) a route; secrets go to the "
                           "OS keyring")
    add.add_argument("code")
    add.add_argument("--kind", required=True, choices=[k.value for k in RouteKind])
    add.add_argument("--target", required=True,
                     help="the robot's webhook URL, or mail addresses (comma-separated)")
    add.add_argument("--alerts", default="", metavar="KINDS",
                     help=f"comma-separated, of {', '.join(AlertKind)} (default: all)")
    add.add_argument("--quiet", default="", metavar="HH:MM-HH:MM",
                     help="quiet hours: messages wait in the outbox until they end")
    add.add_argument("--timezone", default="UTC", help="the zone of the quiet hours")
    add.add_argument("--lang", "--language", dest="language", default="en",
                     type=language_argument, metavar="{en,zh_CN}")
    add.add_argument("--keyword", default="", help="the DingTalk robot's custom keyword")
    add.add_argument("--sign", action="store_true",
                     help="the DingTalk robot uses 加签: its secret (SEC...) goes to the keyring")
    add.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help="mail: smtp_host, smtp_port, username, sender, ca_file; "
                     "DingTalk: msgtype=text")
    add.add_argument("--disabled", action="store_true", help="set up, but send nothing yet")
    route.add_parser("list", help="the routes")
    remove = route.add_parser("remove", help="remove a route and its secrets")
    remove.add_argument("code")
    test = route.add_parser("test", help="send a test message to a route now")
    test.add_argument("code")


def run(args, uow, credentials: CredentialStore, out, err) -> int:
    command = args.route_command
    if command == "list":
        views = list_routes(uow())
        for view in views:
            kinds = ", ".join(view.alert_kinds) or Msg("all alerts")
            print(for_terminal(f"{view.code} ({view.kind}, {view.language}) -> {view.target}: {kinds}"
                  + (Msg("; quiet {quiet}", quiet=view.quiet) if view.quiet else "")
                  + ("" if view.enabled else "; disabled")), file=out)
        print(for_terminal(Msg("{count} alert routes", count=len(views))), file=out)
        return 0
    if command == "remove":
        route = get_route(uow(), args.code)
        remove_route(uow(), args.code)
        if route.settings.get("signed") or route.settings.get("username"):
            credentials.forget(f"alert:{args.code}")  # (a route without secrets: no keyring)
        print(for_terminal(Msg("Alert route {code} removed.", code=args.code)), file=out)
        return 0
    if command == "test":
        return _test(args, uow, credentials, out, err)
    return _add(args, uow, credentials, out)


def _add(args, uow, credentials: CredentialStore, out) -> int:
    settings = dict(pair.split("=", 1) for pair in args.set if "=" in pair)
    quiet_start, _, quiet_end = args.quiet.partition("-")
    kinds = [k.strip() for k in args.alerts.split(",") if k.strip()]
    secrets: dict[str, str] = {}
    if args.kind == RouteKind.DINGTALK and args.sign:
        settings["signed"] = True
        secrets["secret"] = os.environ.get("PACKDESK_SECRET") or \
            getpass.getpass(Msg("{code} sign secret (SEC...): ", code=args.code))
    if args.kind == RouteKind.MAIL and settings.get("username"):
        secrets["password"] = os.environ.get("PACKDESK_PASSWORD") or \
            getpass.getpass(Msg("{code} SMTP password for {username}: ",
                                code=args.code, username=settings['username']))
    route = AlertRoute(args.code, args.kind, args.target, kinds, quiet_start.strip(),
                       quiet_end.strip(), args.timezone, args.language, args.keyword,
                       settings, not args.disabled)
    if secrets:
        credentials.ensure_usable()
    view = add_route(uow(), route)
    if secrets:
        credentials.save(f"alert:{view.code}", f"alert_{args.kind}", secrets)
    print(for_terminal(Msg("Alert route {code} added", code=view.code) + (Msg("; its secret is in the system keyring.")
                                              if secrets else ".")), file=out)
    return 0


def _test(args, uow, credentials: CredentialStore, out, err) -> int:
    channel = queue_test_notice(uow(), args.code, getattr(args, "station", None) or
                                getpass.getuser())
    result = AlertDelivery(uow, credentials).deliver([args.code])
    print(result.line(), file=out)
    [last] = box.list_messages(uow(), channel=channel, limit=100_000)[-1:]
    if last.status == OutboxStatus.SENT:
        print(for_terminal(Msg("Test message sent to alert route {code}.", code=args.code)), file=out)
        return 0
    print(for_terminal(Msg("packdesk alerts: the test message to {code} is {status}: {value}",
              code=args.code, status=last.status, value=last.last_error or 'waiting behind earlier messages')), file=err)
    return 1
