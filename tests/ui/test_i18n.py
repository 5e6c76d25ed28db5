"""The UI ships in English and Simplified Chinese, core messages included."""

from PySide6.QtCore import QCoreApplication

from app.domain.messages import Msg
from app.domain.packing import over_scan_message
from ui.i18n import core_text, install_translator, pick_language


def test_the_language_follows_the_locale():
    assert pick_language("zh_CN") == pick_language("zh_Hans_CN") == "zh_CN"
    assert pick_language("de_DE") == pick_language("") == "en"


def test_chinese_translates_the_bench_and_the_cores_messages(qapp):
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, "ui/translations/packdesk_zh_CN.qm is missing: make translations"
    try:
        assert QCoreApplication.translate("PackBenchView", "Scan an order") == "请扫描订单"
        assert core_text(over_scan_message("CUP-002", 1, 1, 1)) == (
            "多扫：CUP-002 需要 1 件，已核对 1 件；再加 1 件就多了。")
        nested = Msg("Order {number} is on hold since {when} ({reason}).", number="PD-1",
                     when="10:00", reason=Msg("no reason given"))
        assert core_text(nested) == "订单 PD-1 自 10:00 起挂起（未填写原因）。"
    finally:
        qapp.removeTranslator(translator)
    assert core_text(over_scan_message("CUP-002", 1, 1, 1)).startswith("Over-scan: CUP-002")


def test_numbers_and_dates_on_screens_follow_the_chosen_language(qapp):
    from datetime import UTC, datetime

    from PySide6.QtCore import QLocale

    from ui.i18n import shown_amount, shown_percent, shown_time, shown_weight, ui_language

    at = datetime(2026, 11, 16, 9, 5, tzinfo=UTC)
    translator = install_translator(qapp, "zh_CN")
    try:
        assert ui_language() == "zh_CN"
        assert shown_weight(1234) == "1.23 kg" and shown_weight(410) == "410 g"
        assert shown_percent(0.75) == "75.0%" and shown_amount(123456) == "1,234.56"
        assert shown_amount(1250, "CNY") == "¥12.50" and shown_amount(1250, "USD") == "US$12.50"
        assert shown_time(at, seconds=True).startswith("2026年11月16日")
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        install_translator(qapp, "en")
    assert QLocale().name() == "en_US" and ui_language() == "en"
    assert shown_amount(1250, "CNY") == "CN¥12.50"
