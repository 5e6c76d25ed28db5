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
