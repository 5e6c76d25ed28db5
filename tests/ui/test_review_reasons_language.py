"""An order's review reasons are kept with their templates, so the review list, the order's
history and `packdesk orders --json` read in the viewer's language; a row stored before
(plain English text) still reads as it was written."""

from __future__ import annotations

import json
import subprocess

import pytest
from sqlalchemy import text

from app.domain.messages import Msg
from app.domain.orders import Address
from app.domain.phones import phone_problems
from app.services.board import order_history
from app.services.intake import IncomingLine, IncomingOrder, Unmapped, take_in
from tests.integration.sync.test_orders_cli import packdesk
from ui.i18n import install_translator
from ui.review_list import ReviewListWidget
from ui.tasks import TaskManager

DOOR = Address("王芳", "12345", "文三路 8 号", "", "杭州市", "浙江省", "310012", "CN")


def _take_in_review_orders(uow) -> tuple[str, str]:
    """One order with an unknown SKU and a phone no carrier can dial, one from before the
    templates were kept (its reasons plain text), and a payload parked twice the same way."""
    results = take_in([
        IncomingOrder("shop", "R-1", "open", "王芳", "12345", DOOR,
                      (IncomingLine("R-1-1", "NO-SUCH-SKU", "Mystery", 1),),
                      review_reasons=tuple(phone_problems("12345", "CN"))),
        IncomingOrder("shop", "R-2", "open", "王芳", "12345", DOOR,
                      (IncomingLine("R-2-1", "NO-SUCH-SKU-2", "Mystery", 1),)),
        Unmapped("shop", "R-3", Msg("order has no lines")),
    ], uow())
    new, old = results[0].order_number, results[1].order_number
    with uow() as u:  # the old rows: what Packdesk wrote before migration 0028
        u.session.execute(text("UPDATE order_intake SET review_reasons = :old "
                               "WHERE order_number = :number"),
                          {"old": json.dumps(["address checked by hand on 1 May"]),
                           "number": old})
        u.session.execute(text("INSERT INTO intake_exceptions (channel, channel_order_id, "
                               "reason, raw, created_at, resolved) VALUES ('shop', 'R-4', "
                               "'payload had no id', '{}', '2026-01-01 00:00:00', 0)"))
        u.commit()
    return new, old


def _why(widget: ReviewListWidget) -> dict[str, str]:
    return {widget.table.item(row, 2).text(): widget.table.item(row, 3).text()
            for row in range(widget.table.rowCount())}


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _review_list(qtbot, sync_uow, tasks) -> ReviewListWidget:
    widget = ReviewListWidget(sync_uow, "Sam", tasks)
    qtbot.addWidget(widget)
    qtbot.waitSignal(widget.refreshed, timeout=10000).wait()  # read on a worker
    return widget


def test_a_chinese_station_reads_the_review_reasons_in_chinese(qtbot, qapp, sync_uow, tasks):
    new, _old = _take_in_review_orders(sync_uow)
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None
    try:
        widget = _review_list(qtbot, sync_uow, tasks)
        why = _why(widget)
        assert why["R-1"] == ("电话号码不是 11 位的中国大陆手机号；"
                              "未知 SKU NO-SUCH-SKU：Packdesk 中没有这个商品")
        assert why["R-2"] == "address checked by hand on 1 May"  # an old row, as written
        assert why["R-3"] == "订单没有订单行"
        assert why["R-4"] == "payload had no id"
        history = order_history(sync_uow(), new)
        from ui.order_board import OrderHistoryDialog
        dialog = OrderHistoryDialog(history)
        qtbot.addWidget(dialog)
        details = [dialog.entries.item(row, 2).text() for row in range(dialog.entries.rowCount())]
        assert "审核：未知 SKU NO-SUCH-SKU：Packdesk 中没有这个商品" in details
        assert ("待打包 → 待审核：电话号码不是 11 位的中国大陆手机号；"
                "未知 SKU NO-SUCH-SKU：Packdesk 中没有这个商品") in details  # the status change
        assert dialog.entries.item(0, 1).text() == "接单"
    finally:
        qapp.removeTranslator(translator)
        install_translator(qapp, "en")


def test_an_english_station_reads_them_in_english(qtbot, qapp, sync_uow, tasks):
    _take_in_review_orders(sync_uow)
    install_translator(qapp, "en")
    widget = _review_list(qtbot, sync_uow, tasks)
    why = _why(widget)
    assert why["R-1"] == ("phone is not an 11-digit mainland mobile number; "
                          "unknown SKU NO-SUCH-SKU: no such product in Packdesk")
    assert why["R-2"] == "address checked by hand on 1 May"
    assert why["R-3"] == "order has no lines"


def test_orders_json_gives_the_english_text_and_the_templates(sync_uow, sqlite_url):
    _take_in_review_orders(sync_uow)
    done = packdesk("--db", sqlite_url, "orders", "--json")
    assert done.returncode == 0, done.stderr
    rows = {row["channel_order_id"]: row for row in json.loads(done.stdout)}
    assert rows["R-1"]["review_reasons"] == [
        "phone is not an 11-digit mainland mobile number",
        "unknown SKU NO-SUCH-SKU: no such product in Packdesk"]
    assert rows["R-1"]["review_reason_codes"] == [
        {"template": "phone is not an 11-digit mainland mobile number", "values": {}},
        {"template": "unknown SKU {sku}: no such product in Packdesk",
         "values": {"sku": "NO-SUCH-SKU"}}]
    assert rows["R-2"]["review_reason_codes"] == [{"template": "", "values": {}}]
    chinese = packdesk("--db", sqlite_url, "orders", "--status", "needs_review",
                       env={"PACKDESK_LANGUAGE": "zh_CN"})
    assert "未知 SKU NO-SUCH-SKU：Packdesk 中没有这个商品" in chinese.stdout, chinese.stderr
    assert "address checked by hand on 1 May" in chinese.stdout


def test_the_command_sheet_is_captioned_in_the_stations_language(tmp_path):
    import shutil

    from tests.parts.require import require_part
    from ui.print_tools import command_sheet_pdf

    require_part(shutil.which("pdftotext") is not None, "pdftotext",
                 "apt-get install poppler-utils (make test installs it)")
    for language, words in (("zh_CN", ["Packdesk 打包台命令条码", "撤销上一次扫描", "检验：可再售"]),
                            ("en", ["Packdesk bench commands", "UNDO last scan"])):
        pdf = tmp_path / f"{language}.pdf"
        pdf.write_bytes(command_sheet_pdf(language))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert all(word in text for word in words), text[:300]
