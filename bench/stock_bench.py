"""Stock under a flash sale: reservations per second on SQLite (one station) and on
PostgreSQL (eight writers on one SKU), and the units oversold by a contended sale (0).

Reservations run through app.services.stock.reserve_many, a channel page of orders per
transaction with the SKU row locked; each order still gets its own ledger move.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from stress.__main__ import fresh_database
from stress.harness import run_flash_sale

PAGE = 50


def _sqlite_rate() -> tuple[float, str]:
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as folder:
        report = run_flash_sale(f"sqlite:///{Path(folder) / 'bench.db'}", streams=1,
                                stations=1, units=6000, orders_per_stream=4000,
                                path="reserve", batch=PAGE)
    return report.reservations_per_s, f"{report.reservations} reservations, {PAGE}/page"


def _postgres_rate() -> tuple[float, str]:
    try:
        with fresh_database("postgres") as url:
            report = run_flash_sale(url, streams=8, stations=8, units=8000,
                                    orders_per_stream=800, path="reserve", batch=PAGE)
    except Exception as exc:  # no server: the row says so instead of failing the suite
        return math.nan, f"PostgreSQL not reachable: {str(exc).splitlines()[0][:80]}"
    return report.reservations_per_s, (f"8 writers, {report.reservations} reservations, "
                                       f"{report.conflicts_retried} conflicts retried")


def _oversold() -> tuple[float, str]:
    """Contended sales through the real intake path on both databases: units beyond K."""
    oversold, notes = 0, []
    for kind in ("sqlite", "postgres"):
        try:
            with fresh_database(kind) as url:
                report = run_flash_sale(url, streams=6, stations=3, units=60,
                                        orders_per_stream=20, path="intake", batch=5)
        except Exception as exc:
            notes.append(f"{kind} skipped: {str(exc).splitlines()[0][:60]}")
            continue
        oversold += report.oversold_units + (0 if report.ledger_consistent else 1)
        notes.append(f"{kind} {report.reservations}/{report.orders} orders reserved")
    return float(oversold), "; ".join(notes)


def run() -> list[dict]:
    sqlite_rate, sqlite_note = _sqlite_rate()
    pg_rate, pg_note = _postgres_rate()
    oversold, oversold_note = _oversold()
    return [
        {"key": "reservations_per_s_sqlite", "value": sqlite_rate, "unit": "1/s",
         "target": ">= 2000", "note": sqlite_note},
        {"key": "reservations_per_s_postgres", "value": pg_rate, "unit": "1/s",
         "target": ">= 1000", "note": pg_note},
        {"key": "stress_oversold_units", "value": oversold, "unit": "units",
         "target": "0", "note": oversold_note},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
