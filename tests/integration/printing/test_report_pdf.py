"""The weekly report PDF for the seeded week: rasterised and looked at, text extracted."""

from __future__ import annotations

import argparse
import io
import subprocess
from datetime import UTC, datetime

import pytest
from PIL import Image

from app.adapters.unit_of_work import uow_factory
from printing.report_cli import add_commands, run
from printing.weekly_report import make_weekly_report, write_due_reports
from tests.integration.core.test_health_figures import seed_week
from tests.integration.printing.pdftools import need_poppler, text_of

MONDAY_AFTER = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@pytest.fixture
def week_uow(store):
    factory = uow_factory(store.session_factory, "test-bench", clock=lambda: MONDAY_AFTER)
    seed_week(factory)
    return factory


def _colour_pages(pdf, out) -> list[Image.Image]:
    need_poppler()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / "page")], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(out.glob("page-*.png"))]


def test_the_report_says_what_the_week_did(week_uow, tmp_path):
    pdf = make_weekly_report(week_uow, "2026-W47", tmp_path / "report.pdf")
    text = " ".join(text_of(pdf).split())
    assert "Packdesk weekly report 2026-W47" in text
    assert "2026-11-16 to 2026-11-22 (UTC)" in text
    assert "Orders packed: 4, on time: 3, returns opened: 2." in text
    assert "On-time fulfilment 75.0 % 100.0 % worse min 95% WARN" in text
    assert "Return rate 50.0 % 0.0 % worse max 8% WARN" in text
    assert "Inventory accuracy no counts yet no counts yet" in text
    assert "Mis-scan rate 15.0 %" in text
    assert "week: On-time fulfilment 75.0% is below 95%" in text
    assert "Mon 16 Nov: On-time fulfilment 50.0% is below 95%" in text
    assert "Mon 16 Nov 2 50.0 % 20.0 %" in text  # the worst day
    assert "Ann 2 4.0 900 20.0 %" in text and "Li Wei 2 2.0 450 10.0 %" in text


def test_the_report_pages_show_charts(week_uow, tmp_path):
    pdf = make_weekly_report(week_uow, "2026-W47", tmp_path / "report.pdf")
    pages = _colour_pages(pdf, tmp_path)
    assert len(pages) in (1, 2)
    colours = {colour for _count, colour in pages[0].getcolors(maxcolors=1 << 20)}
    bar_blue = {c for c in colours if c[2] > 200 and c[0] < 80 and 110 < c[1] < 160}
    line_green = {c for c in colours if c[1] > 100 and c[0] < 90 and c[2] < 90}
    warn_red = {c for c in colours if c[0] > 170 and c[1] < 80 and c[2] < 80}
    assert bar_blue and line_green and warn_red


def test_the_schedule_writes_each_missing_week_once(week_uow, tmp_path):
    made = write_due_reports(week_uow, tmp_path / "reports", weeks_back=2)
    assert sorted(p.name for p in made) == ["packdesk-report-2026-W46.pdf",
                                            "packdesk-report-2026-W47.pdf"]
    assert write_due_reports(week_uow, tmp_path / "reports", weeks_back=2) == []


def _cli(argv: list[str]):
    parser = argparse.ArgumentParser(prog="packdesk")
    parser.add_argument("--db")
    add_commands(parser.add_subparsers(dest="command"))
    out, err = io.StringIO(), io.StringIO()
    code = run(parser.parse_args(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_cli_writes_the_report_headless(week_uow, store, tmp_path):
    target = tmp_path / "report.pdf"
    code, out, _err = _cli(["--db", store.url, "report", "--week", "2026-w47", "--out",
                            str(target)])
    assert code == 0 and f"wrote {target}" in out
    assert "Packdesk weekly report 2026-W47" in text_of(target)


@pytest.mark.parametrize(("argv", "message"), [
    (["report", "--week", "47", "--out", "r.pdf"], "write it like 2026-W47"),
    (["report", "--week", "2026-W54", "--out", "r.pdf"], "2026 has no week 54"),
    (["report", "--week", "2026-W47", "--out", "r.txt"], "does not end in .pdf"),
    (["report", "--due"], "--due needs --folder"),
    (["report", "--week", "2026-W47", "--on-time-min", "95"], "between 0 and 1"),
])
def test_bad_input_gets_a_clear_message(week_uow, store, tmp_path, argv, message):
    code, _out, err = _cli(["--db", store.url, *argv])
    assert code == 2 and message in err and "Traceback" not in err


def test_thin_and_empty_weeks_still_make_a_report(week_uow, tmp_path):
    one_day = " ".join(text_of(make_weekly_report(week_uow, "2026-W46",
                                                  tmp_path / "w46.pdf")).split())
    assert "Orders packed: 1, on time: 1, returns opened: 0." in one_day
    assert "too few days with packed orders for a line" in one_day
    assert "No figure crossed its threshold." in one_day
    empty = " ".join(text_of(make_weekly_report(week_uow, "2026-W40",
                                                tmp_path / "w40.pdf")).split())
    assert "Orders packed: 0, on time: 0, returns opened: 0." in empty
    assert "No orders were packed this week." in empty
    assert "Every day with packed orders shipped all of them on time." in one_day
