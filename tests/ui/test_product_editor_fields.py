"""The product editor by hand, as a supervisor fills it in on a new store: two names, the
unit barcode and a case code counting 12, must-scan, the size (a bad side named), a picture
from a file or from the webcam (a recorded camera: an image sequence), and product labels
for several products at once (one without a barcode gets the shop's own code), read back
from the rendered PDF."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from app.domain.barcodes import has_gs1_check_digit
from app.services import catalogue, receiving
from app.services.stock import stock_levels
from tests.e2e.driver import decode_pdf_barcodes
from ui.catalogue import ProductEditor
from ui.product_labels import ProductLabelsDialog
from ui.product_pictures import ProductPictures
from ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _editor(qtbot, uow, tasks, pictures=None, print_labels=None) -> ProductEditor:
    editor = ProductEditor(uow, tasks, pictures=pictures, print_labels=print_labels,
                           by="Mei")
    qtbot.addWidget(editor)
    return editor


def _fill(editor: ProductEditor, sku="TEA-1", name="Oolong tea 100g", zh="乌龙茶 100克",
          code="4006381333931", sides=("120", "80", "60")) -> None:
    editor.clear_form()
    editor.sku.setText(sku)
    editor.name.setText(name)
    editor.name_zh.setText(zh)
    editor.barcode.setText(code)
    editor.weight.setValue(120)
    for field, text in zip((editor.side_length, editor.side_width, editor.side_height), sides, strict=True):
        field.setText(text)


def _save(qtbot, editor: ProductEditor):
    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save_button.click()
    return saved.args[0]


def _refused(qtbot, editor: ProductEditor) -> str:
    editor.notice.clear()
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.notice.text() != "", timeout=10000)
    assert editor.notice.property("error") is True
    return editor.notice.text()


def test_two_names_must_scan_and_the_size_are_saved_and_read_back(qtbot, uow, tasks):
    editor = _editor(qtbot, uow, tasks)
    _fill(editor)
    editor.must_scan.setChecked(True)
    _save(qtbot, editor)
    with uow() as u:
        stored = u.products.get("TEA-1")
        assert (stored.name, stored.name_zh, stored.must_scan) == ("Oolong tea 100g",
                                                                    "乌龙茶 100克", True)
        assert (stored.length_mm, stored.width_mm, stored.height_mm) == (120, 80, 60)
        assert u.products.match(["04006381333931"]).must_scan is True  # what the bench reads
    editor.clear_form()
    assert editor.name_zh.text() == "" and not editor.must_scan.isChecked()
    qtbot.waitUntil(lambda: [p.sku for p in editor.rows] == ["TEA-1"], timeout=10000)
    editor.table.selectRow(0)
    assert editor.name.text() == "Oolong tea 100g" and editor.name_zh.text() == "乌龙茶 100克"
    assert editor.must_scan.isChecked()
    assert [f.text() for f in (editor.side_length, editor.side_width, editor.side_height)] == \
        ["120", "80", "60"]
    editor.must_scan.setChecked(False)
    assert _save(qtbot, editor).must_scan is False


def test_a_case_code_of_12_is_saved_and_one_scan_of_it_receives_12(qtbot, uow, tasks):
    editor = _editor(qtbot, uow, tasks)
    _fill(editor)
    editor.more_codes.add_code("14006381333938", 12)  # the GTIN-14 on the case of 12
    editor.more_codes.add_code("", 1)  # a row added and left empty is no code
    view = _save(qtbot, editor)
    assert view.more_barcodes == (("14006381333938", 12),)
    with uow() as u:
        assert [(b.code, b.pack_quantity, b.kind, b.added_by)
                for b in u.products.get("TEA-1").barcodes] == [
            ("4006381333931", 1, "gtin", "Mei"), ("14006381333938", 12, "case", "Mei")]
    editor.table.selectRow(0)
    qtbot.waitUntil(lambda: editor.more_codes.codes() == (("14006381333938", 12),),
                    timeout=10000)
    # the receiving screen's scan (its widget is driven in tests/ui/test_receiving_ui.py)
    receipt = receiving.open_receipt(receiving.OpenReceipt("Ann"), uow())
    received = receiving.receive_scan(receiving.ReceiveScan(
        receipt.id, "scan-1", "14006381333938", "Ann"), uow())
    assert received.message == "+12 TEA-1"
    assert stock_levels(uow(), ["TEA-1"])[0].available == 12


def test_a_barcode_given_twice_or_on_another_product_is_refused(qtbot, uow, tasks):
    editor = _editor(qtbot, uow, tasks)
    _fill(editor, sku="CUP-1", code="4006381333948")
    _save(qtbot, editor)
    _fill(editor)
    editor.more_codes.add_code("4006381333931", 6)
    assert _refused(qtbot, editor) == ("The barcode 4006381333931 is given twice; give each "
                                       "code once.")
    editor.more_codes.set_codes([("4006381333948", 6)])
    assert _refused(qtbot, editor) == ("The barcode 4006381333948 is already on CUP-1; a "
                                       "barcode belongs to one product.")
    with uow() as u:
        assert u.products.get("TEA-1") is None


@pytest.mark.parametrize(("sides", "side", "message"), [
    (("12x", "80", "60"), "length", "The length “12x” is not a whole number of millimetres "
                                    "from 0 to 5000."),
    (("120", "-8", "60"), "width", "The width “-8” is not a whole number of millimetres from "
                                   "0 to 5000."),
    (("120", "80", "60000"), "height", "The height “60000” is not a whole number of "
                                       "millimetres from 0 to 5000."),
    (("120", "80", ""), "height", "Give all three sides (length, width and height in mm), "
                                  "or none."),
])
def test_a_bad_side_is_refused_with_the_field_named(qtbot, uow, tasks, sides, side, message):
    editor = _editor(qtbot, uow, tasks)
    editor.show()
    _fill(editor, sides=sides)
    assert _refused(qtbot, editor) == message
    assert editor.save_button.isEnabled()
    field = getattr(editor, f"side_{side}")
    assert "#b71c1c" in field.styleSheet()  # the field the message names is marked
    assert [f for f in (editor.side_length, editor.side_width, editor.side_height)
            if f.styleSheet()] == [field]
    with uow() as u:
        assert u.products.get("TEA-1") is None


def _png(path: Path, shade: int = 120) -> Path:
    cv2.imwrite(str(path), np.full((90, 140, 3), shade, np.uint8))
    return path


def test_a_picture_from_a_file_is_kept_in_the_picture_folder(qtbot, uow, tasks, tmp_path):
    chosen = _png(tmp_path / "from-the-usb-stick.png")
    pictures = ProductPictures(tmp_path / "pictures")
    editor = _editor(qtbot, uow, tasks, pictures)
    assert not editor.camera_button.isEnabled()  # no camera at this station
    _fill(editor)
    with qtbot.waitSignal(editor.picture_kept, timeout=5000) as kept:
        editor.use_picture_file(str(chosen))
    copy = Path(kept.args[0])
    assert copy.parent == tmp_path / "pictures" and copy.name.startswith("TEA-1-")
    assert copy.read_bytes() == chosen.read_bytes()
    assert not editor.picture.pixmap().isNull()  # the thumbnail beside the path
    chosen.unlink()  # the stick is gone: the product keeps its picture
    assert _save(qtbot, editor).image_path == str(copy)
    with uow() as u:
        assert u.products.get("TEA-1").image_path == str(copy)


def test_a_file_that_is_no_picture_is_named(qtbot, uow, tasks, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("tea")
    editor = _editor(qtbot, uow, tasks, ProductPictures(tmp_path / "pictures"))
    editor.use_picture_file(str(notes))
    qtbot.waitUntil(lambda: editor.notice.text() != "", timeout=5000)
    assert editor.notice.text() == "No picture: notes.txt is not a picture (PNG, JPEG or WebP)."
    assert editor.image.text() == ""


def test_a_picture_from_the_camera(qtbot, uow, tasks, tmp_path):
    frames = tmp_path / "camera"
    frames.mkdir()
    for n in range(3):  # a recorded camera: three frames of the product on the table
        _png(frames / f"{n:03d}.png", 60 + 40 * n)
    editor = _editor(qtbot, uow, tasks, ProductPictures(tmp_path / "pictures",
                                                        str(frames / "%03d.png")))
    _fill(editor)
    assert editor.camera_button.isEnabled()
    with qtbot.waitSignal(editor.picture_kept, timeout=10000) as kept:
        editor.camera_button.click()
    photo = Path(kept.args[0])
    assert photo.parent == tmp_path / "pictures" and photo.name.startswith("TEA-1-")
    assert cv2.imread(str(photo)).shape == (90, 140, 3)
    assert int(cv2.imread(str(photo))[0, 0, 0]) == 140  # the last frame, after the warm-up
    assert _save(qtbot, editor).image_path == str(photo)


def test_a_camera_that_gives_nothing_is_named(qtbot, uow, tasks, tmp_path):
    editor = _editor(qtbot, uow, tasks, ProductPictures(tmp_path / "pictures",
                                                        str(tmp_path / "no-camera.mp4")))
    _fill(editor)
    editor.camera_button.click()
    qtbot.waitUntil(lambda: editor.notice.text().startswith("No picture: "), timeout=10000)
    assert "cannot be opened" in editor.notice.text()
    assert editor.camera_button.isEnabled() and editor.image.text() == ""


def test_labels_for_several_products_and_one_without_a_barcode(qtbot, uow, tasks, tmp_path):
    editor = _editor(qtbot, uow, tasks)
    _fill(editor)
    _save(qtbot, editor)
    _fill(editor, sku="CUP-1", name="Celadon cup", zh="青瓷茶杯", code="4006381333948")
    _save(qtbot, editor)
    _fill(editor, sku="BAG-1", name="Canvas tote bag", zh="", code="")
    _save(qtbot, editor)
    printed: list[tuple[str, bytes]] = []
    dialog = ProductLabelsDialog(uow, tasks, lambda title, pdf: printed.append((title, pdf)),
                                 "Mei")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 3, timeout=10000)
    dialog.tick_unlabelled()
    qtbot.waitUntil(lambda: dialog.chosen() == [("BAG-1", 1)], timeout=10000)
    assert dialog.notice.text() == "Products without a barcode: 1."
    dialog.tick("TEA-1", 3)
    with qtbot.waitSignal(dialog.printed, timeout=20000) as done:
        dialog.print_button.click()
    [(title, pdf)] = printed
    assert title == "Product labels (4)"
    bag = next(label for label in done.args[0] if label.sku == "BAG-1")
    assert bag.code_is_new and bag.code.startswith("20") and len(bag.code) == 13
    assert has_gs1_check_digit(bag.code)
    assert dialog.notice.text() == (f"4 labels for 2 products sent to the printer. Own codes "
                                    f"given to: BAG-1 {bag.code}.")
    with uow() as u:  # the label's code scans as the bag from now on
        assert u.products.match([bag.code.zfill(14)]).sku == "BAG-1"
    (tmp_path / "labels.pdf").write_bytes(pdf)
    read = decode_pdf_barcodes(tmp_path / "labels.pdf", tmp_path)
    assert sorted(read) == sorted([bag.code] + ["4006381333931"] * 3)
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == bag.code, timeout=10000)
    assert catalogue.product_details(uow(), "BAG-1").barcode == bag.code


def test_no_product_ticked_is_said(qtbot, uow, tasks):
    dialog = ProductLabelsDialog(uow, tasks, lambda title, pdf: None, "Mei")
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.notice.text() != "", timeout=10000)
    assert dialog.notice.text() == "Choose at least one product to print labels for."
    assert dialog.print_button.isEnabled()


def test_the_shops_own_code_is_a_gs1_restricted_number():
    from app.services.product_labels import own_code

    assert own_code(7) == "2000000000077"  # 20, 0000000007, check digit 7
    assert has_gs1_check_digit(own_code(123456))


def test_one_label_for_a_product_without_a_barcode_gives_it_the_shops_own(qtbot, uow, tasks,
                                                                          tmp_path):
    printed: list[tuple[str, bytes]] = []
    editor = _editor(qtbot, uow, tasks,
                     print_labels=lambda title, pdf: printed.append((title, pdf)))
    _fill(editor, sku="BAG-1", name="Canvas tote bag", zh="帆布袋", code="")
    assert not editor.label_button.isEnabled()  # nothing stored yet
    _save(qtbot, editor)
    assert editor.label_button.isEnabled()
    editor.label_button.click()
    qtbot.waitUntil(lambda: printed != [], timeout=20000)
    [(title, pdf)] = printed
    code = catalogue.product_details(uow(), "BAG-1").barcode
    assert title == "Product label BAG-1" and code.startswith("20")
    qtbot.waitUntil(lambda: editor.notice.text().startswith("BAG-1 had no barcode"),
                    timeout=10000)
    assert editor.notice.text() == (f"BAG-1 had no barcode: its own code {code} is now on it "
                                    f"and on the label.")
    (tmp_path / "label.pdf").write_bytes(pdf)
    assert decode_pdf_barcodes(tmp_path / "label.pdf", tmp_path) == [code]


def test_a_code_attached_elsewhere_while_the_product_is_open_survives_its_save(qtbot, uow,
                                                                              tasks):
    """Receiving attaches a case code to the product while a supervisor has it open in the
    editor; the supervisor then changes the weight and saves: the new code stays (only the
    codes the editor showed and the supervisor took off are taken off)."""
    editor = _editor(qtbot, uow, tasks)
    _fill(editor)
    editor.more_codes.add_code("14006381333938", 12)
    _save(qtbot, editor)
    qtbot.waitUntil(lambda: [p.sku for p in editor.rows] == ["TEA-1"], timeout=10000)
    editor.table.selectRow(0)
    qtbot.waitUntil(lambda: editor.more_codes.codes() == (("14006381333938", 12),),
                    timeout=10000)
    with uow() as u:  # what attach_and_receive does at the receiving screen meanwhile
        u.products.get("TEA-1").add_barcode("24006381333935", 6, "case", added_by="Ann")
        u.commit()
    editor.more_codes.set_codes(())  # the supervisor takes the case of 12 off
    editor.weight.setValue(125)
    _save(qtbot, editor)
    with uow() as u:
        stored = u.products.get("TEA-1")
        assert stored.weight_g == 125
        assert [(b.code, b.pack_quantity, b.added_by) for b in stored.barcodes] == [
            ("4006381333931", 1, "Mei"), ("24006381333935", 6, "Ann")]
