"""The flash-sale harness at a small size, on SQLite and on the machine's PostgreSQL:
more orders than units, several stations at once, and never a unit oversold."""

from __future__ import annotations

import pytest

from stress.__main__ import main as stress_main
from stress.harness import run_flash_sale


def _check(report, units: int) -> None:
    assert report.oversold_units == 0
    # demand exceeds supply: every unit goes, but one when only 2-unit orders were left
    assert units - 1 <= report.reserved_units <= units
    assert report.sold_out > 0
    assert report.gave_up == 0
    assert report.ledger_consistent and not report.negative_buckets
    assert report.reservations + report.sold_out == report.orders


def test_flash_sale_on_sqlite_through_intake(tmp_path):
    url = f"sqlite:///{tmp_path / 'sale.db'}"
    report = run_flash_sale(url, streams=6, stations=3, units=40, orders_per_stream=12,
                            path="intake", batch=4)
    _check(report, 40)


@pytest.mark.postgres
def test_flash_sale_on_postgres_through_intake(postgres_url):
    report = run_flash_sale(postgres_url, streams=6, stations=3, units=40,
                            orders_per_stream=12, path="intake", batch=4)
    _check(report, 40)


@pytest.mark.postgres
def test_flash_sale_on_postgres_with_locked_reservations(postgres_url):
    report = run_flash_sale(postgres_url, streams=6, stations=3, units=60,
                            orders_per_stream=15, path="reserve", batch=5)
    _check(report, 60)


def test_stress_command_refuses_bad_sizes_without_a_traceback(capsys):
    assert stress_main(["--db", "sqlite", "--stations", "3", "--streams", "2"]) == 2
    assert "streams >= stations" in capsys.readouterr().err


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgres",
                                                             marks=pytest.mark.postgres)])
def test_flash_sale_without_the_row_lock_retries_and_still_never_oversells(database, request,
                                                                           tmp_path):
    """The version check alone: lost races come back as conflicts, retried, never lost."""
    url = (f"sqlite:///{tmp_path / 'sale.db'}" if database == "sqlite"
           else request.getfixturevalue("postgres_url"))
    report = run_flash_sale(url, streams=6, stations=3, units=30, orders_per_stream=8,
                            path="optimistic", batch=2)
    _check(report, 30)


def test_stress_command_reports_in_json_and_exits_0_when_nothing_is_oversold(capsys):
    import argparse
    import json

    from stress.__main__ import add_commands, run

    parser = argparse.ArgumentParser(prog="packdesk")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["stress", "--db", "sqlite", "--streams", "2", "--stations", "1",
                              "--units", "5", "--orders", "4", "--path", "reserve", "--json"])
    assert run(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["oversold_units"] == 0 and 4 <= report["reserved_units"] <= 5
    assert report["ledger_consistent"] is True
