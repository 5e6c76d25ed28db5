"""The receiving screen, driven as a goods-in clerk uses it: open, scan (plain and GS1),
undo, close. Store work runs on the real store worker."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import stock
from tests.integration.test_stock_services import TEA, seeded_uow
from ui.receiving import ReceivingWidget, split_scan
from ui.tasks import TaskManager

GS1_TEA = f"]C1010{TEA}17270331" + "10L-77"  # (01) GTIN-14 (17) expiry (10) lot


@pytest.fixture
def screen(qtbot, store):
    uow = seeded_uow(store)
    tasks = TaskManager()
    widget = ReceivingWidget(tasks, uow, "Ann", "bench-2")
    qtbot.addWidget(widget)
    yield widget, uow
    tasks.shutdown()


def test_gs1_codes_are_split_at_the_edge_and_plain_codes_pass_through():
    assert split_scan(GS1_TEA).__dict__ == {"code": f"0{TEA}", "lot": "L-77",
                                           "expiry": date(2027, 3, 31), "count": None,
                                           "gs1": True}
    assert split_scan(f" {TEA}\r\n").code == TEA
    with pytest.raises(ValueError, match="check digit"):
        split_scan("]C1010" + TEA[:-1] + str((int(TEA[-1]) + 1) % 10))


def test_a_receipt_from_open_to_close(qtbot, qtmodeltester, screen):
    widget, uow = screen
    assert "bench-2" in widget.status.text()
    widget.reference.setText("DN-5")
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.open_button.click()
    assert widget.scan.isEnabled() and not widget.open_button.isEnabled()
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.on_scanned(GS1_TEA, "gs1-128", "wedge")
    assert widget.lot.text() == "L-77" and widget.has_expiry.isChecked()
    widget.scan.setText(TEA)
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.scan.returnPressed.emit()
    assert widget.lines.rowCount() == 2
    qtmodeltester.check(widget.lines.model())
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.undo_button.click()
    assert widget.message.text() == "Undone: 1 TEA-1"
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.close_button.click()
    assert not widget.scan.isEnabled() and widget.open_button.isEnabled()
    assert stock.stock_levels(uow(), ["TEA-1"])[0].available == 11
    assert [(lot.lot, lot.expiry) for lot in stock.lots(uow(), "TEA-1")] == \
        [("L-77", date(2027, 3, 31))]


def test_problems_show_as_messages(qtbot, screen):
    widget, _uow = screen
    widget.on_scanned(TEA, "", "wedge")
    assert widget.message.text() == "Open a receipt before scanning."
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.open_button.click()
    widget.on_scanned("]C1019999", "gs1-128", "wedge")
    assert widget.message.text().startswith("Not a readable GS1 code")
    widget.on_scanned("UNKNOWN-1", "", "wedge")
    qtbot.waitUntil(lambda: "not a product code" in widget.message.text(), timeout=5000)


def test_an_unknown_code_is_attached_to_a_product_by_scans_and_received(qtbot, screen):
    """A supplier's new barcode: refused in words, then a supervisor attaches it with the
    product's code and a badge scanned into the dialog, and the refused scan counts."""
    from PySide6.QtCore import QTimer

    from app.services.people import add_person

    widget, uow = screen
    add_person(uow(), "Mei", "2468", "supervisor")
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.open_button.click()
    assert widget.attach_button.isHidden()
    widget.quantity.setValue(3)
    widget.on_scanned("4006381333948", "ean13", "wedge")
    qtbot.waitUntil(lambda: not widget.attach_button.isHidden(), timeout=5000)
    assert "“4006381333948” is not a product code Packdesk knows" in widget.message.text()
    assert widget.attach_button.text() == "Attach 4006381333948 to a product…"

    def fill_the_dialog():
        dialog = widget.attach_dialog
        assert dialog is not None and dialog.isVisible()
        widget.on_scanned("TEA-1", "code128", "wedge")  # the product's shelf label
        widget.on_scanned("Mei", "code128", "wedge")  # the supervisor's badge: name,
        widget.on_scanned("2468", "code128", "wedge")  # then PIN
        assert (dialog.sku.text(), dialog.name.text(), dialog.pin.text()) == (
            "TEA-1", "Mei", "2468")
        dialog.accept()

    QTimer.singleShot(0, fill_the_dialog)
    with qtbot.waitSignal(widget.received, timeout=5000):
        widget.attach_button.click()
    assert widget.message.text() == "4006381333948 is now a code of TEA-1 (Mei). +3 TEA-1"
    assert widget.attach_button.isHidden() and widget.attach_dialog is None
    assert stock.stock_levels(uow(), ["TEA-1"])[0].available == 13
    with qtbot.waitSignal(widget.received, timeout=5000):  # known now: received at once
        widget.on_scanned("4006381333948", "ean13", "wedge")
    assert stock.stock_levels(uow(), ["TEA-1"])[0].available == 16
