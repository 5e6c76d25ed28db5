"""The evidence station's new screens and messages read in Chinese."""

from PySide6.QtCore import QCoreApplication

from app.domain.boxes import BoxOption, Dimensions, PackedItem, box_choice, suggest_box
from app.services.clips import ClipsDiskView
from ui.clips_disk import disk_text
from ui.i18n import core_text, install_translator


def test_box_clip_and_disk_texts_are_translated(qapp):
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, "ui/translations/packdesk_zh_CN.qm is missing"
    try:
        box = BoxOption("BOX-M", "中号箱", Dimensions(300, 200, 150), 180)
        item = PackedItem("TEA-001", Dimensions(100, 80, 60), 1)
        assert core_text(box_choice(box, [item], suggest_box([item], [box]))[1]) == (
            "纸箱 BOX-M（中号箱）：其 180 克计入包裹重量。")
        assert QCoreApplication.translate("OrderHistoryDialog", "Pack video at this scan") == (
            "查看此次扫描时的打包视频")
        view = ClipsDiskView("B1", "/srv/clips", 50 * 1024**3, 300 * 1024**2, 2 * 1024**3,
                             3, 30 * 1024**2, "", True)
        assert disk_text(view) == ("30.0 MB，共 3 段视频 · 剩余 300.0 MB，共 50.0 GB\n"
                                   "位于 /srv/clips\n录制已停止：剩余空间不足 2.0 GB")
    finally:
        qapp.removeTranslator(translator)
