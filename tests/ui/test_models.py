"""Every item model of the bench passes Qt's model tester."""

from app.services.views import LineView
from printing.spooler import JobState, PrintJob
from ui.order_lines_model import OrderLinesModel
from ui.print_log import PrintJobsModel


def test_order_lines_model(qtmodeltester):
    model = OrderLinesModel()
    model.set_lines((LineView("TEA-001", "Oolong tea", 3, 1, "A-01-1"),
                     LineView("CUP-002", "Cup", 1, 0, "B-02-2")), highlight_sku="TEA-001")
    model.set_lines((LineView("TEA-001", "Oolong tea", 3, 2, "A-01-1"),
                     LineView("CUP-002", "Cup", 1, 0, "B-02-2")), highlight_sku="TEA-001")
    model.set_lot_hints({"TEA-001": "L1 (2027-01-31)"})
    qtmodeltester.check(model)
    assert model.data(model.index(0, 3)) == "2 / 3"
    assert "L1" in model.data(model.index(0, 4))


def test_print_jobs_model(qtmodeltester):
    model = PrintJobsModel()
    model.update_job(PrintJob(1, "Label PD-1", "PDF"))
    model.update_job(PrintJob(2, "Label PD-2", "ZEBRA", JobState.FAILED, "connection refused"))
    model.update_job(PrintJob(1, "Label PD-1", "PDF", JobState.ACCEPTED, reference="job 7"))
    qtmodeltester.check(model)
    assert model.data(model.index(1, 3)) == "accepted"
