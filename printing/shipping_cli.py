"""Parcels at the command line: `packdesk handover`, `track`, `labels`, `carrier`.

- `packdesk handover [--manifest PDF] [--by NAME]`: scan-out from stdin, one tracking number
  a line (a USB scanner into a terminal, or a file); each parcel becomes shipped; then the
  manifest of the parcels scanned out in this hand-over, per carrier, as a PDF, and sent by
  API to a carrier that takes one (EasyPost's ScanForm).
- `packdesk track --once`: pull every parcel on its way from its carrier (claimed: one
  runner at a time); `packdesk track --webhook FILE` reads an EasyPost webhook body.
- `packdesk labels --once`: ask the carriers again for the labels still pending and refund
  stopped parcels' labels (claimed per parcel); `packdesk labels retry REF` after the
  address or balance was put right.
- `packdesk carrier set CODE --name N --api easypost [--url URL]`, `carrier key CODE`
  (the API key from PACKDESK_CARRIER_KEY or asked): the carrier that issues the labels.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.domain.carriers import CarrierProfile
from app.domain.errors import PackdeskError
from app.domain.messages import Msg
from app.domain.translation import environment_language, translate
from app.services.leases import Claimant


def _say(text, file) -> None:
    """A message in the command line's language (PACKDESK_LANGUAGE or the locale's)."""
    print(translate(text, environment_language()), file=file)


def add_commands(subparsers) -> None:
    handover = subparsers.add_parser("handover", help="scan parcels out to the carrier "
                                     "(tracking numbers on stdin) and print the manifest")
    handover.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    handover.add_argument("--by", default=os.environ.get("USER", "handover"),
                          help="who hands the parcels over")
    handover.add_argument("--manifest", help="write the manifest PDF here")
    track = subparsers.add_parser("track", help="follow parcels at their carriers")
    track.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    track.add_argument("--once", action="store_true", help="pull once, then stop")
    track.add_argument("--webhook", help="an EasyPost webhook body (JSON file) to record")
    track.add_argument("--lease", type=float, default=300.0)
    labels = subparsers.add_parser("labels", help="carrier labels still pending")
    labels.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    labels.add_argument("--once", action="store_true", help="ask the carriers once")
    labels.add_argument("--lease", type=float, default=300.0)
    labels.add_argument("retry", nargs="*", metavar="REF", help="'retry' then references")
    carrier = subparsers.add_parser("carrier", help="carrier profiles that issue labels")
    carrier.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    what = carrier.add_subparsers(dest="carrier_command", required=True)
    carrier_add = what.add_parser("add", help="a carrier with a number range of its own")
    carrier_add.add_argument("code")
    carrier_add.add_argument("--name", required=True, help="printed on its labels")
    carrier_add.add_argument("--prefix", default="", help="upper-case letters before the serial")
    carrier_add.add_argument("--digits", type=int, default=8, help="serial digits (8: UPU S10)")
    carrier_add.add_argument("--suffix", default="")
    carrier_add.add_argument("--service", default=CarrierProfile.service)
    carrier_add.add_argument("--sender-name", default="")
    carrier_add.add_argument("--sender-phone", default="")
    carrier_add.add_argument("--sender-address", default="")
    what.add_parser("list", help="the carriers and the next number of each")
    set_cmd = what.add_parser("set", help="add or change a carrier profile")
    set_cmd.add_argument("code")
    set_cmd.add_argument("--name")
    set_cmd.add_argument("--api", default="", help="easypost, shippo, sf_express, cainiao or "
                         "kdniao; empty: the own number range")
    set_cmd.add_argument("--url", default="", help="the adapter's endpoint (a sandbox)")
    set_cmd.add_argument("--service", default="")
    set_cmd.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                         help="the adapter's plain settings, e.g. partner_id=... (SF), "
                         "cp_code=... template_url=... (Cainiao), shipper_code=... "
                         "(KDNiao), carrier=usps (Shippo); KEY= removes one")
    set_cmd.add_argument("--cutoff", help="scan out packed parcels by HH:MM (default 17:00)")
    set_cmd.add_argument("--zone", help="the cut-off's time zone, e.g. Asia/Shanghai (UTC)")
    set_cmd.add_argument("--quiet-hours", type=int, help="alert after this long without "
                         "tracking news (default 72)")
    what.add_parser("key", help="store the carrier's API key in the keyring") \
        .add_argument("code")


def _store(args):
    from app.adapters.store import open_store, resolve_store_url

    return open_store(resolve_store_url(getattr(args, "sub_db", None) or args.db),
                      station=args.station or socket.gethostname())


def _carriers(credentials, top_sign=None, signers=None):
    from printing.carriers import CarrierRegistry, carrier_directory

    return carrier_directory(CarrierRegistry(top_sign=top_sign, store=credentials,
                                             **(signers or {})))


def run(args, credentials, out=None, err=None, top_sign=None, signers=None) -> int:
    """`credentials`: the carriers' keyring (printing.carriers.credentials); `top_sign`:
    the TOP signer Cainiao needs (sync.taobao_top.sign; main.py passes both); `signers`:
    pdd_sign and douyin_sign for the platforms' own e-waybills."""
    out, err = out or sys.stdout, err or sys.stderr
    from app.adapters.unit_of_work import uow_factory

    store = _store(args)
    station = args.station or socket.gethostname()
    uow = uow_factory(store.session_factory, station=station)
    try:
        if args.command == "handover":
            return _handover(args, uow, station, out, err,
                             _carriers(credentials, top_sign, signers))
        if args.command == "track":
            return _track(args, uow, station, out, _carriers(credentials, top_sign, signers))
        if args.command == "labels":
            return _labels(args, uow, station, out, _carriers(credentials, top_sign, signers))
        return _carrier(args, uow, out, err, credentials)
    except PackdeskError as exc:
        _say(Msg("packdesk {command}: {exc}", command=args.command, exc=exc), err)
        return 2
    finally:
        store.dispose()


def _handover(args, uow, station: str, out, err, directory) -> int:
    from app.services.handover import manifest, scan_out, send_manifests
    from printing.manifest import render_manifest

    started, scanned, refused = datetime.now(UTC), set(), 0
    for line in sys.stdin:
        number = line.strip()
        if not number:
            continue
        try:
            result = scan_out(number, station, args.by, uow())
        except PackdeskError as exc:
            refused += 1
            _say(Msg("REFUSED {number}: {exc}", number=number, exc=exc), err)
            continue
        scanned.add(result.tracking_number)
        print(("again " if result.already else "OK ")
              + translate(result.message, environment_language()), file=out)
    _say(Msg("{count} parcels scanned out, {refused} refused",
              count=len(scanned), refused=refused), out)
    if args.manifest and scanned:
        carriers = manifest(uow(), started.replace(hour=0, minute=0, second=0, microsecond=0),
                            datetime.now(UTC), only=scanned)
        render_manifest(carriers, Path(args.manifest), datetime.now(UTC), station,
                        environment_language())
        for carrier in carriers:
            _say(Msg("manifest {carrier_name}: {count} parcels, {weight_kg:.2f} kg",
                     carrier_name=carrier.carrier_name, count=carrier.count,
                     weight_kg=carrier.weight_g / 1000), out)
        print(args.manifest, file=out)
        for sent in send_manifests(carriers, directory, uow()):
            if sent.manifest is None:
                _say(Msg("manifest for {carrier_name} not sent by API: {error}",
                         carrier_name=sent.carrier_name, error=sent.error), err)
                continue
            _say(Msg("manifest sent to {carrier_name}: {manifest_id}, {count} parcels {form_url}",
                     carrier_name=sent.carrier_name, manifest_id=sent.manifest.manifest_id,
                     count=len(sent.manifest.tracking_numbers),
                     form_url=sent.manifest.form_url), out)
    return 1 if refused else 0


def _track(args, uow, station: str, out, carriers) -> int:
    from app.services.tracking import record_tracking, track_once

    if args.webhook:
        from printing.carriers.easypost import parse_webhook

        events = parse_webhook(Path(args.webhook).read_bytes(),
                               os.environ.get("PACKDESK_EASYPOST_WEBHOOK_SECRET", ""),
                               os.environ.get("PACKDESK_WEBHOOK_SIGNATURE", ""))
        result = record_tracking(events, uow())
    else:
        result = track_once(carriers, uow, Claimant.for_station(station,
                                                                               args.lease))
        if result is None:
            _say(Msg("another runner is tracking the parcels now"), out)
            return 0
    _say(Msg("{recorded} new tracking events; delivered: {delivered}",
             recorded=result.recorded, delivered=', '.join(result.delivered) or Msg("none")), out)
    for number in result.unknown:
        _say(Msg("no parcel of ours has tracking number {number}", number=number), out)
    return 0


def _labels(args, uow, station: str, out, carriers) -> int:
    from app.services.shipments import ask_again, refund_stopped_labels, retry_pending_labels
    from app.services.waybill_sends import replay_waybill_sends, top_up_pools

    if args.retry:
        verb, *references = args.retry
        if verb != "retry" or not references:
            raise SystemExit(translate(Msg("packdesk labels: say `packdesk labels retry REF...`"),
                                       environment_language()))
        for reference in references:
            _say(ask_again(reference, os.environ.get("USER", "cli"), uow()), out)
        return 0
    claimant = Claimant.for_station(station, args.lease)
    for outcome in retry_pending_labels(carriers, uow, claimant):
        said = (Msg("label {tracking_number}", tracking_number=outcome.tracking_number)
                if outcome.labelled else Msg("still pending: {error}", error=outcome.error))
        _say(Msg("{orders}: {outcome}", orders=", ".join(outcome.order_numbers), outcome=said),
             out)
    for reference, outcome in refund_stopped_labels(carriers, uow, claimant):
        _say(Msg("{reference}: refund {outcome}", reference=reference, outcome=outcome), out)
    for sent in replay_waybill_sends(carriers, uow, claimant):
        _say(Msg("{reference}: waybill {number} {outcome} {error}", reference=sent.reference,
                 number=sent.number, outcome=sent.outcome, error=sent.error).strip(), out)
    for code, added in (top_up_pools(carriers, uow, claimant) or {}).items():
        _say(Msg("{code}: {added} waybill numbers added to the pool", code=code, added=added),
             out)
    return 0


def _carrier(args, uow, out, err, credentials) -> int:
    from app.services.carrier_setup import set_carrier

    if args.carrier_command == "set":
        from app.services.carrier_setup import parse_settings

        _say(set_carrier(uow(), args.code, args.name, args.api, args.url, args.service,
                          getattr(args, "cutoff", None), getattr(args, "zone", None),
                          getattr(args, "quiet_hours", None),
                          parse_settings(getattr(args, "setting", []) or [])), out)
        return 0
    from printing.carriers.credentials import (
        OPTIONAL_SECRET_FIELDS,
        SECRET_FIELDS,
        CarrierCredentialsMissing,
    )

    with uow() as u:
        profile = u.carriers.get(args.code)
        kind = profile.api if profile is not None else ""
    if kind not in SECRET_FIELDS:
        _say(Msg("packdesk: carrier {code} has no carrier API ({api}); set one with `packdesk carrier set {code} --api ...` first",
                 code=args.code, api=kind or Msg("own number range")), err)
        return 2
    secrets = {}
    for name in SECRET_FIELDS[kind] + OPTIONAL_SECRET_FIELDS.get(kind, ()):
        value = _secret(args.code, name, required=name in SECRET_FIELDS[kind])
        if value:
            secrets[name] = value
    try:
        credentials.save(args.code, kind, secrets)
    except CarrierCredentialsMissing as exc:
        _say(Msg("packdesk carrier key: {exc}", exc=exc), err)
        return 2
    _say(Msg("{secrets} of carrier {code} kept in the keyring",
              secrets=', '.join(secrets), code=args.code), out)
    return 0


def _secret(code: str, name: str, required: bool) -> str:
    """From PACKDESK_CARRIER_<NAME> (PACKDESK_CARRIER_KEY for an api_key), for scripts; else
    typed at the terminal, never echoed and never an argument (shell history)."""
    value = os.environ.get(f"PACKDESK_CARRIER_{name.upper()}")
    if value is None and name == "api_key":
        value = os.environ.get("PACKDESK_CARRIER_KEY")
    if value is None:
        import getpass

        prompt = (Msg("{name} of carrier {code}: ", name=name, code=code) if required
                  else Msg("{name} of carrier {code} (Enter: none): ", name=name, code=code))
        value = getpass.getpass(translate(prompt, environment_language()))
    return value.strip()
