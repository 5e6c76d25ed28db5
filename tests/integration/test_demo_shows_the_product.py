"""The demo looks like a live warehouse (issue 21): history behind it, a handful late, buyers
with orders to pack together, notes in the buyer's language, pictures that tell variants
apart, a sheet with a cancelled order whose headings stay with their barcodes, written to
the data folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from app.adapters.unit_of_work import uow_factory
from app.domain.orders import OrderStatus
from app.services.alerts import refresh_alerts
from app.services.demo import SAME_DOOR, build_demo, pack_history, same_door_numbers

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class _Seen:
    number: str
    status: str
    ship_by: datetime
    buyer_note: str
    country: str


def _orders(factory, count: int = 200) -> list[_Seen]:
    with factory() as uow:
        found = [uow.orders.get(f"PD-{100001 + i}") for i in range(count)]
        return [_Seen(o.number, o.status, o.ship_by, o.buyer_note, o.ship_to.country)
                for o in found if o is not None]


@pytest.mark.parametrize("made_at", [datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
                                     datetime(2026, 11, 20, 15, 0, tzinfo=UTC)])
def test_ship_by_times_follow_the_day_the_demo_is_made(store, made_at):
    factory = uow_factory(store.session_factory, "demo", clock=lambda: made_at)
    build_demo(factory())
    ready = [o for o in _orders(factory) if o.status == OrderStatus.READY]
    late = [o for o in ready if o.ship_by < made_at]
    assert 3 <= len(late) <= 10  # a handful (main: most of the 200)
    assert any(made_at < o.ship_by < made_at + timedelta(hours=2) for o in ready)  # due soon
    refreshed = refresh_alerts(factory())
    kinds = [a.kind for a in refreshed.open]
    assert kinds.count("late") == len(late) and 1 <= kinds.count("stuck") <= 6, kinds
    assert len(kinds) <= 15  # a handful to try the panel with (main: 213 on a demo)


def _script(text: str) -> set[str]:
    names = {unicodedata.name(ch, "").split(" ")[0] for ch in text if ch.isalpha()}
    return {"CJK" if n == "CJK" else "KANA" if n in ("HIRAGANA", "KATAKANA") else
            "HANGUL" if n == "HANGUL" else "LATIN" for n in names}


def test_notes_are_in_the_buyers_language(store, uow):
    build_demo(uow())
    noted = [o for o in _orders(uow) if o.buyer_note]
    assert len(noted) >= 30
    for order in noted:
        script = _script(order.buyer_note)
        expected = {"CN": {"CJK"}, "KR": {"HANGUL"}}.get(order.country)
        if order.country == "JP":
            assert "KANA" in script, order.buyer_note
        elif expected:
            assert script == expected, (order.country, order.buyer_note)
        else:  # main: 请不要放发票 for a buyer in Paris
            assert script == {"LATIN"}, (order.country, order.buyer_note)


def test_a_buyer_has_several_ready_orders_to_pack_together(store, uow):
    build_demo(uow(), together=True)
    for numbers in same_door_numbers(200):
        with uow() as u:
            others = u.orders.ready_to_merge_with(numbers[0])
            assert u.orders.get(numbers[0]).status == OrderStatus.READY
        assert others == numbers[1:]  # main: no demo order could be packed together
    assert [len(n) for n in same_door_numbers(200)] == [c for _b, _c, c in SAME_DOOR]


def test_product_pictures_tell_variants_apart(store, uow, tmp_path):
    build_demo(uow(), image_dir=tmp_path / "images")
    with uow() as u:
        variants = [u.products.get(sku).image_path for sku in
                    ("TEA-001", "TEA-019", "TEA-037", "TEA-055") if u.products.get(sku)]
    assert len(variants) == 3  # 50 products: no size, S, M
    tiles = [Image.open(path).convert("RGB") for path in variants]
    bands = {tile.getpixel((4, 124)) for tile in tiles}
    assert len(bands) == 3  # each variant its own band (main: one colour, one code for all)
    assert len({tile.getpixel((4, 4)) for tile in tiles}) == 1  # the same goods' colour


def test_weeks_of_history_give_the_dashboard_board_and_report_figures(store):
    from app.services.board import BoardFilter, read_board_page
    from app.services.health import health_dashboard
    from app.services.report_data import last_full_week, weekly_report_data

    now = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    factory = uow_factory(store.session_factory, "demo", clock=lambda: now)
    build_demo(factory(), orders=40)
    packed = pack_history(factory(), days=15, per_day=(2, 4))
    assert packed >= 20
    week = health_dashboard(factory(), "week")
    assert week.figures.orders_fulfilled >= 10 and week.figures.mis_scan_rate is not None
    assert week.figures.packers and week.figures.on_time_rate is not None
    report = weekly_report_data(factory(), last_full_week(now))
    assert report.figures.orders_fulfilled >= 10 and report.previous.orders_fulfilled > 0
    page = read_board_page(factory(), BoardFilter(status="packed"))
    assert len(page.rows) >= 10
    ready = [o for o in _orders(factory, 40) if o.status == OrderStatus.READY]
    assert len(ready) >= 35  # the orders to pack are still there to pack


def test_the_demo_sheet_in_the_data_folder_with_a_cancelled_order(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "LANG": "C.UTF-8"}
    work = tmp_path / "repo"
    work.mkdir()
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db",
                          str(tmp_path / "demo.db"), "demo", "--sheet", "--history-days", "0"],
                         capture_output=True, text=True, timeout=300, cwd=work, env=env)
    assert run.returncode == 0, run.stderr
    sheet = data / "packdesk" / "demo-barcodes.pdf"
    assert sheet.exists() and list(work.iterdir()) == []  # main: written where make ran
    assert str(sheet) in run.stdout
    pages = subprocess.run(["pdftotext", "-layout", str(sheet), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    text = "\f".join(pages)
    assert re.search(r"PD-100018 .*CANCELLED: scan it to see the alarm", text)  # main: left out
    assert "PD-100201" in text and "PD-100204" in text  # the orders to pack together
    headings = ("Bench commands", "Demo log-ins (name / PIN)", "Orders to pack", "Products")
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert not lines or lines[-1] not in headings, lines[-3:]  # a heading with its codes
