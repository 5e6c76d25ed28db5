"""Tools → Shipping-upload file for a marketplace…: the supervisor's way to what
`packdesk shipments export` writes, off the main thread, with what went wrong in words."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from app.services.channel_stock import add_channel
from tests.parts.upload_store import packed_order, store_orders
from tests.ui.station import (
    log_in,
    screen_actions,
    start_station,
    station_dirs,  # noqa: F401 (a fixture)
    station_settings,
    tool_windows,
)
from ui.ops import OpChanges
from ui.shipping_upload import ShippingUploadDialog
from ui.tasks import TaskManager
from ui.tool_windows import close_tool_windows


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _dialog(qtbot, uow, tasks, channel: str) -> ShippingUploadDialog:
    dialog = ShippingUploadDialog(uow, tasks, "Sam")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.channel.findData(channel) >= 0, timeout=5000)
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel))
    dialog.since.setDate(QDate(2026, 11, 20))
    return dialog


def test_the_dialog_writes_the_file_marks_the_orders_and_says_so(qtbot, uow, tasks, tmp_path):
    add_channel(uow(), "pdd-shop", "pinduoduo", name="拼多多旗舰店")
    store_orders(uow, packed_order("PD-1", "pdd-shop", "231120-555", "YT88", "YTO"))
    dialog = _dialog(qtbot, uow, tasks, "pdd-shop")
    assert dialog.channel.currentText() == "pdd-shop (拼多多旗舰店)"
    changed: list[OpChanges] = []
    tasks.ops.operation_did_execute.connect(lambda changes, _who: changes and
                                            changed.append(changes))
    out = tmp_path / "pdd.xlsx"
    dialog.export_to(out)
    assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: "written" in dialog.status.text(), timeout=10000)
    assert dialog.status.text() == (f"1 orders written to {out}. Upload it in the Pinduoduo "
                                    "seller centre's bulk shipping.")
    assert dialog.export_button.isEnabled()
    rows = [[c.value for c in row] for row in load_workbook(out).active.iter_rows()]
    assert rows == [["订单号", "快递公司", "快递单号"], ["231120-555", "YTO", "YT88"]]
    assert any(c.orders for c in changed)
    dialog.export_to(tmp_path / "again.xlsx")  # nothing new: said, no file
    qtbot.waitUntil(lambda: "no packed order" in dialog.status.text(), timeout=10000)
    assert dialog.status.text() == ("pdd-shop: no packed order with a tracking number since "
                                    "2026-11-20 that was not exported already (--all exports "
                                    "them again)")
    assert not (tmp_path / "again.xlsx").exists()
    dialog.again.setChecked(True)
    dialog.export_to(tmp_path / "all.xlsx")
    qtbot.waitUntil(lambda: "written" in dialog.status.text(), timeout=10000)
    assert (tmp_path / "all.xlsx").exists()


def test_a_platform_the_orders_were_imported_as_is_offered_and_its_masked_buyer_not_written(
        qtbot, uow, tasks, tmp_path):
    store_orders(uow, packed_order("PD-2", "taobao", "3954001122334455667", "ZT5"))
    dialog = _dialog(qtbot, uow, tasks, "taobao")
    # the day begins at the station's midnight
    assert dialog.chosen_since() == datetime(2026, 11, 20).astimezone(UTC)
    out = tmp_path / "tb.csv"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: "written" in dialog.status.text(), timeout=10000)
    text = out.read_bytes().decode("gb18030")
    assert list(csv.reader(io.StringIO(text)))[1] == ["3954001122334455667", "ZTO", "ZT5"]
    assert "屈" not in text and "1389289" not in text


@pytest.fixture
def station(qtbot, demo_store, station_dirs):  # noqa: F811
    bench_app = start_station(qtbot, demo_store, station_settings(station_dirs))
    yield bench_app
    close_tool_windows()
    bench_app.shutdown()


def test_a_supervisor_opens_it_from_the_tools_menu(qtbot, station):
    log_in(qtbot, station, "Sam", "9999")
    [entry] = [a for a in screen_actions(station.window)
               if a.text() == "Shipping-upload file for a marketplace…"]
    assert entry.toolTip() == "Needs a supervisor"
    entry.trigger()
    qtbot.waitUntil(lambda: [type(w).__name__ for w in tool_windows()]
                    == ["ShippingUploadDialog"], timeout=5000)
    dialog = tool_windows()[0]
    assert dialog.who == "Sam"
    assert [dialog.channel.itemData(i) for i in range(dialog.channel.count())][-4:] == \
        ["douyin", "jd", "pinduoduo", "taobao"]
