"""Batch labels with progress and cancel, the preview, and the command sheet."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.command_codes import COUNTER_CODES
from printing.spooler import JobState, Spooler
from printing.station import PrinterKind, Route
from tests.e2e.driver import decode_pdf_barcodes
from ui.print_log import PrintBridge
from ui.print_tools import BatchLabelsDialog, PdfPreview, command_sheet_pdf
from ui.tasks import TaskManager


@pytest.fixture
def printing_parts(qtbot):
    bridge = PrintBridge()
    spooler = Spooler(on_change=bridge.spooler_callback)
    tasks = TaskManager()
    yield tasks, spooler, bridge
    spooler.close()
    tasks.shutdown()


def _dialog(qtbot, uow, parts, route):
    tasks, spooler, bridge = parts
    dialog = BatchLabelsDialog(uow, tasks, spooler, bridge, route)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.orders.count() > 0, timeout=5000)
    return dialog, spooler, bridge


def test_labels_for_three_orders_print_as_one_job_with_progress(qtbot, demo_store, uow,
                                                                printing_parts, tmp_path):
    route = Route(PrinterKind.PDF_FOLDER, str(tmp_path / "labels"), "4x6")
    dialog, spooler, bridge = _dialog(qtbot, uow, printing_parts, route)
    for row in range(3):
        dialog.orders.item(row).setSelected(True)
    numbers = dialog.selected_numbers()
    with qtbot.waitSignal(bridge.job_changed, timeout=20000,
                          check_params_cb=lambda job: job.state is JobState.ACCEPTED):
        dialog.print_button.click()
    assert dialog.progress.value() == 3
    [pdf] = list((tmp_path / "labels").glob("*.pdf"))
    assert len(PdfReader(pdf).pages) == 3
    with uow() as u:
        tracking = {u.orders.get(n).tracking_number for n in numbers}
    assert None not in tracking
    assert tracking <= set(decode_pdf_barcodes(Path(pdf), tmp_path))


def test_a_batch_waiting_for_a_missing_printer_can_be_cancelled(qtbot, demo_store, uow,
                                                                printing_parts, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer folder should be")
    route = Route(PrinterKind.PDF_FOLDER, str(blocker / "labels"), "4x6")
    dialog, spooler, bridge = _dialog(qtbot, uow, printing_parts, route)
    dialog.orders.item(0).setSelected(True)
    with qtbot.waitSignal(bridge.job_changed, timeout=20000,
                          check_params_cb=lambda job: bool(job.reason)):
        dialog.print_button.click()
    assert "label not saved: Not a directory at" in dialog.status.text()
    with qtbot.waitSignal(bridge.job_changed, timeout=10000,
                          check_params_cb=lambda job: job.state is JobState.CANCELLED):
        dialog.cancel_button.click()


def test_the_command_sheet_previews_and_its_codes_decode(qtbot, tmp_path):
    pdf = command_sheet_pdf()
    preview = PdfPreview("Command barcodes", pdf)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 2  # the bench's commands, then the counter's
    (tmp_path / "sheet.pdf").write_bytes(pdf)
    codes = decode_pdf_barcodes(tmp_path / "sheet.pdf", tmp_path)
    assert {"PD:UNDO", "PD:HOLD", "PD:COMPLETE", "PD:LOGOUT", "PD:REPRINT"} <= set(codes)
    assert {"PD:NOTEOK", "PD:RETURN", "PD:GRADE-DAMAGED", "PD:RESTOCK", "PD:RECEIVED"} <= set(
        codes)
    assert set(COUNTER_CODES.values()) <= set(codes)  # every counter command, photos too
