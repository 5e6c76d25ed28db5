"""`python -m stress --db sqlite|postgres|URL ...`: run a flash sale and print the report.

sqlite uses a new file in a temporary folder; postgres creates a fresh database on the
machine's server (127.0.0.1:5432) and drops it afterwards. Exit status 1 when anything
was oversold or the ledger does not add up.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

from stress.harness import PATHS, run_flash_sale

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


@contextmanager
def fresh_database(kind: str):
    """A new empty store of the given kind, removed afterwards; a full URL is used as is."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="packdesk-stress-") as folder:
            yield f"sqlite:///{Path(folder) / 'stress.db'}"
        return
    if kind != "postgres":
        yield kind
        return
    import psycopg

    name = f"packdesk_stress_{uuid.uuid4().hex[:10]}"
    admin = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", action="append", default=None,
                        help="sqlite, postgres or a database URL (repeat for several)")
    parser.add_argument("--streams", type=int, default=12, help="order streams (N)")
    parser.add_argument("--stations", type=int, default=4, help="stations (M processes)")
    parser.add_argument("--units", type=int, default=500, help="units of the SKU (K)")
    parser.add_argument("--orders", type=int, default=60, help="orders per stream")
    parser.add_argument("--path", choices=PATHS, default="intake")
    parser.add_argument("--batch", type=int, default=1,
                        help="orders per transaction (a channel page); 1 = one by one")
    parser.add_argument("--json", action="store_true", help="print JSON lines only")


def add_commands(subparsers) -> None:
    """`packdesk stress ...`: the same harness from the app's command line."""
    _add_arguments(subparsers.add_parser("stress", help="run a flash sale against fresh "
                                         "stores and report oversold units (must be 0)"))


def run(args: argparse.Namespace) -> int:
    if args.stations < 1 or args.streams < args.stations or args.units < 0 or args.orders < 1 \
            or args.batch < 1:
        print("Need stations >= 1, streams >= stations, units >= 0, orders >= 1, batch >= 1.",
              file=sys.stderr)
        return 2
    failed = False
    for kind in args.db or ["sqlite", "postgres"]:
        try:
            with fresh_database(kind) as url:
                report = run_flash_sale(url, args.streams, args.stations, args.units,
                                        args.orders, args.path, args.batch)
        except Exception as exc:  # a database that is not there is reported, not a traceback
            print(f"{kind}: could not run the flash sale: {exc}", file=sys.stderr)
            failed = True
            continue
        failed |= report.oversold_units > 0 or not report.ledger_consistent
        _print(report, args.json)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stress", description=__doc__)
    _add_arguments(parser)
    return run(parser.parse_args(argv))


def _print(report, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.as_dict()))
        return
    print(f"{report.database} ({report.path}): {report.streams} streams x "
          f"{report.stations} stations, {report.units} units, {report.orders} orders\n"
          f"  reservations/s {report.reservations_per_s}  reservations {report.reservations}  "
          f"sold out {report.sold_out}  conflicts retried {report.conflicts_retried}  "
          f"gave up {report.gave_up}\n"
          f"  units promised {report.reserved_units}  oversold {report.oversold_units}  "
          f"ledger consistent {report.ledger_consistent}")


if __name__ == "__main__":
    sys.exit(main())
