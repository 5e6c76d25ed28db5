"""CSV import in the app: a layout of its own mapped by hand, every row previewed with its
problems, nothing written until asked, the mapping remembered for the next file."""

from sqlalchemy import func, select

from app.adapters import orm
from ui.import_dialog import ImportDialog
from ui.tasks import TaskManager

CSV = """Ref,Item code,Qty,Price,Customer,Street,Town,Zip,Land,Mobile
W-1,TEA-001,2,12.50,Ana Silva,Rua Augusta 10,Lisboa,1100-048,PT,+351 912 345 678
W-2,CUP-002,lots,9.00,Bo Lee,1 High St,Leeds,LS1 1AA,GB,+44 113 496 0000
W-3,POT-003,1,45.00,Chen Jing,88 Jianguo Rd,Beijing,100022,CN,13910002000
"""


def _orders(store) -> int:
    with store.engine.connect() as db:
        return db.execute(select(func.count()).select_from(orm.orders)).scalar()


def _map(dialog, **columns) -> None:
    for field, header in columns.items():
        combo = dialog.fields[field]
        combo.setCurrentIndex(combo.findData(header))


def test_a_mapped_csv_is_previewed_then_imported_and_the_mapping_remembered(
        qtbot, demo_store, uow, tmp_path):
    path = tmp_path / "web-orders.csv"
    path.write_text(CSV, encoding="utf-8")
    tasks = TaskManager()
    dialog = ImportDialog(uow, tasks, tmp_path / "mappings")
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.fields["sku"].count() > 1, timeout=5000)
    _map(dialog, order_id="Ref", sku="Item code", quantity="Qty", unit_price="Price",
         buyer_name="Customer", ship_name="Customer", line1="Street", city="Town",
         postcode="Zip", country="Land", phone="Mobile")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and len(dialog.rows) == 3,
                    timeout=5000)
    problems = {row.order_key: row.errors for row in dialog.rows}
    assert problems["W-2"] and not problems["W-1"] and not problems["W-3"]
    before = _orders(demo_store)
    dialog.start_import()
    assert "Nothing was imported" in dialog.status.text()
    assert _orders(demo_store) == before
    dialog.save_mapping()
    dialog.skip_bad.setChecked(True)
    dialog.start_import()
    qtbot.waitUntil(lambda: "Imported 2 orders" in dialog.status.text(), timeout=10000)
    assert _orders(demo_store) == before + 2

    again = ImportDialog(uow, tasks, tmp_path / "mappings")
    qtbot.addWidget(again)
    again.load(path)
    qtbot.waitUntil(lambda: len(again.rows) == 3, timeout=5000)
    assert again.fields["sku"].currentData() == "Item code"
    tasks.shutdown()


def test_a_file_that_is_not_a_csv_export_says_so(qtbot, demo_store, uow, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    tasks = TaskManager()
    dialog = ImportDialog(uow, tasks, tmp_path / "mappings")
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.status.text() not in ("", "Reading the file…"), timeout=5000)
    assert not dialog.import_button.isEnabled()
    assert "photo.csv" in dialog.status.text() or "columns" in dialog.status.text()
    tasks.shutdown()


def test_a_file_of_doubtful_encoding_shows_the_readings_and_asks(qtbot, demo_store, uow,
                                                                 tmp_path):
    """Issue 13: short Shift-JIS names also read as well-formed GB18030; the dialog shows
    both readings and imports nothing until the person picks the one that reads right."""
    path = tmp_path / "jp.csv"
    path.write_bytes("Ref,Item code,Qty,Price,Customer\nJ-1,TEA-001,1,5.00,ヤマダ\n"
                     .encode("shift_jis"))
    tasks = TaskManager()
    dialog = ImportDialog(uow, tasks, tmp_path / "mappings")
    qtbot.addWidget(dialog)
    dialog.load(path)
    combo = dialog.encoding_combo
    qtbot.waitUntil(lambda: combo.count() > 2, timeout=5000)
    readings = {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}
    assert "ヤマダ" in readings["cp932"] and "gb18030" in readings
    assert "cannot tell this file's text encoding" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    combo.setCurrentIndex(combo.findData("cp932"))
    qtbot.waitUntil(lambda: dialog.fields["sku"].count() > 1, timeout=5000)
    _map(dialog, order_id="Ref", sku="Item code", quantity="Qty", unit_price="Price",
         ship_name="Customer")
    try:
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled() and len(dialog.rows) == 1,
                        timeout=5000)
    except Exception as exc:  # pytest-qt's TimeoutError: say what the dialog shows
        raise AssertionError(f"preview not ready: status {dialog.status.text()!r}, "
                             f"{len(dialog.rows)} rows") from exc
    assert dialog.rows[0].values["Customer"] == "ヤマダ"
    tasks.shutdown()

