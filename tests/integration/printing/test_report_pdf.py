"""The weekly report PDF for the seeded week: rasterised and looked at, text extracted."""

from __future__ import annotations

import argparse
import io
import re
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
    assert "Nov 16, 2026 to Nov 22, 2026 (UTC)" in text  # Babel's CLDR en, not a pattern
    assert "Orders packed: 4, on time: 3, returns opened: 2." in text
    assert "On-time fulfilment 75.0% 100.0% worse min 95% WARN" in text
    assert "Return rate 50.0% 0.0% worse max 8% WARN" in text
    assert "Inventory accuracy no counts yet no counts yet" in text
    assert "Mis-scan rate 15.0%" in text
    assert "week: On-time fulfilment 75.0% is below 95%" in text
    assert "Mon, Nov 16: On-time fulfilment 50.0% is below 95%" in text
    assert "Mon, Nov 16 2 50.0% 20.0%" in text  # the worst day
    assert "Ann 2 4.0 900 20.0%" in text and "Li Wei 2 2.0 450 10.0%" in text
    assert "No figure stayed past its threshold three days in a row." in text


def test_the_report_in_chinese_has_no_english_left(week_uow, tmp_path):
    pdf = make_weekly_report(week_uow, "2026-W47", tmp_path / "report.pdf", language="zh_CN")
    text = " ".join(text_of(pdf).split())
    assert "Packdesk 运营周报 2026-W47" in text
    assert "2026年11月16日 至 2026年11月22日（UTC）" in text
    assert "打包订单：4，按时：3，新开退货：2。" in text
    assert "按时发货率 75.0% 100.0% 变差 最低 95% 警告" in text
    assert "最高 30分钟" in text and "11月16日周一 2 50.0% 20.0%" in text
    assert "本周：按时发货率 75.0% 低于 95%" in text
    names = {"Ann", "Li", "Wei", "Packdesk", "UTC", "W47"}
    english = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in names]
    assert english == []


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


def _red_pixels(pdf, out) -> int:
    """Pixels in the warning red (#c62828) or close to it, at 150 dpi (text is thin)."""
    need_poppler()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(out / "page")], check=True)
    pages = [Image.open(p).convert("RGB") for p in sorted(out.glob("page-*.png"))]
    return sum(count for page in pages for count, c in page.getcolors(maxcolors=1 << 22)
               if c[0] > 150 and c[1] < 110 and c[2] < 110 and c[0] - c[1] > 80)


def test_a_run_of_three_days_is_marked_in_red_with_what_carried_it(week_uow, tmp_path):
    from dataclasses import replace

    from app.domain.messages import Msg
    from app.services.report_data import weekly_report_data
    from app.services.streaks import Streak
    from printing.weekly_report import render_weekly_report

    data = weekly_report_data(week_uow(), "2026-W47")
    run = Streak("on_time_rate", datetime(2026, 11, 17, tzinfo=UTC),
                 datetime(2026, 11, 19, tzinfo=UTC), 3,
                 Msg("channel {channel}: {count} of {total} late orders", channel="taobao",
                     count=3, total=4))
    plain = render_weekly_report(data, tmp_path / "plain.pdf")
    marked = render_weekly_report(replace(data, streaks=(run,)), tmp_path / "marked.pdf")
    text = " ".join(text_of(marked).split())
    assert ("On-time fulfilment: 3 days in a row, Tue, Nov 17 to Thu, Nov 19; most of the "
            "misses: channel taobao: 3 of 4 late orders") in text
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _red_pixels(marked, tmp_path / "a") > _red_pixels(plain, tmp_path / "b") + 50
    zh = render_weekly_report(replace(data, streaks=(run,)), tmp_path / "zh.pdf",
                              language="zh_CN")
    assert ("按时发货率：连续 3 天，11月17日周二 至 11月19日周四；问题主要集中在：渠道 taobao："
            "逾期订单 4 个中占 3 个") in " ".join(text_of(zh).split())
