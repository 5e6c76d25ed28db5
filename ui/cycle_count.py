"""Cycle counts by scanning: a blind count of a location or of SKUs, then the variance,
then a supervisor's approval that writes the adjustments.

While counting, the screen shows only what was counted, never what the system expects.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import cycle_count as cc
from app.services.commands import SupervisorApproval
from app.services.unit_of_work import StockUnitOfWorkFactory
from scanners.gs1 import Gs1Error
from ui.dialogs import SupervisorDialog
from ui.i18n import core_text
from ui.ops import StoreOp
from ui.receiving import split_scan
from ui.stock_history import STOCK_CHANGED, error_text, fill_table, read_only_table
from ui.tasks import TaskManager


class CycleCountWidget(QWidget):
    """Open, scan, close, then approve or reject; `finished` carries the final report."""

    finished = Signal(object)  # VarianceReport once approved or rejected

    def __init__(self, tasks: TaskManager, uow: StockUnitOfWorkFactory, person: str,
                 station: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.uow, self.person = tasks, uow, person
        self.count_id: int | None = None
        self.report: cc.VarianceReport | None = None
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("Bin location, e.g. A-01-1"))
        self.skus = QLineEdit(self)
        self.skus.setPlaceholderText(self.tr("or SKUs, separated by commas"))
        self.open_button = QPushButton(self.tr("Start count"), self)
        self.scan = QLineEdit(self)
        self.scan.setPlaceholderText(self.tr("Scan each item (or a case code)"))
        self.recount_sku = QLineEdit(self)
        self.recount_units = QSpinBox(self)
        self.recount_units.setRange(0, 100000)
        self.recount_button = QPushButton(self.tr("Set count"), self)
        self.close_button = QPushButton(self.tr("Finish counting"), self)
        self.approve_button = QPushButton(self.tr("Approve (supervisor)"), self)
        self.reject_button = QPushButton(self.tr("Reject (supervisor)"), self)
        self.status = QLabel(self.tr("Station {station}: no count open.")
                             .format(station=station), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = read_only_table(self, [self.tr("SKU"), self.tr("Counted"),
                                            self.tr("Expected"), self.tr("Variance")])
        self._build_layout()
        self._connect()
        self._set_stage("idle")

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("SKUs"), self.skus)
        form.addRow(self.tr("Scan"), self.scan)
        fix = QHBoxLayout()
        fix.addWidget(self.recount_sku)
        fix.addWidget(self.recount_units)
        fix.addWidget(self.recount_button)
        form.addRow(self.tr("Correct a SKU"), fix)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.approve_button,
                       self.reject_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table)

    def _connect(self) -> None:
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.scan.returnPressed.connect(self._on_scan_return_pressed)
        self.recount_button.clicked.connect(self._on_recount_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)

    def _set_stage(self, stage: str) -> None:
        """idle -> counting -> submitted -> idle; only that stage's controls are live."""
        self.stage = stage
        for widget in (self.location, self.skus, self.open_button):
            widget.setEnabled(stage == "idle")
        for widget in (self.scan, self.recount_sku, self.recount_units, self.recount_button,
                       self.close_button):
            widget.setEnabled(stage == "counting")
        for widget in (self.approve_button, self.reject_button):
            widget.setEnabled(stage == "submitted")

    def _run(self, work, on_done) -> None:
        StoreOp(self, self.tasks, work, STOCK_CHANGED).success(on_done) \
            .failure(self._on_failed).run_in_background(self)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        skus = tuple(s.strip() for s in self.skus.text().split(",") if s.strip())
        cmd = cc.OpenCount(self.person, self.location.text(), skus)
        self._run(lambda: cc.open_count(cmd, self.uow()), self._on_counting)

    @Slot(str, str, str)
    def on_scanned(self, text: str, symbology: str = "", source: str = "") -> None:
        """Connect a scan source's `scanned` signal here while the screen is shown."""
        if self.stage != "counting" or self.count_id is None:
            self.message.setText(self.tr("Start a count before scanning."))
            return
        try:
            inbound = split_scan(text, symbology)
        except Gs1Error as exc:
            self.message.setText(self.tr("Not a readable GS1 code: {why}").format(why=exc))
            return
        cmd = cc.CountScan(self.count_id, inbound.code, inbound.count or 1)
        self._run(lambda: cc.count_scan(cmd, self.uow()), self._on_counting)

    @Slot()
    def _on_scan_return_pressed(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.on_scanned(text, "", "keyboard")

    @Slot()
    def _on_recount_button_clicked(self) -> None:
        if self.count_id is not None:
            count_id, sku = self.count_id, self.recount_sku.text().strip()
            units = self.recount_units.value()
            self._run(lambda: cc.recount(count_id, sku, units, self.uow()), self._on_counting)

    @Slot()
    def _on_close_button_clicked(self) -> None:
        if self.count_id is not None:
            count_id = self.count_id
            self._run(lambda: cc.close_counting(count_id, self.person, self.uow()),
                      self._on_report)

    def _ask_supervisor(self, title: str) -> SupervisorApproval | None:
        dialog = SupervisorDialog(title, [self.tr("Weekly count"), self.tr("Recount needed")],
                                  self)
        return dialog.approval() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def _on_approve_button_clicked(self) -> None:
        approval = self._ask_supervisor(self.tr("Approve the count and adjust stock"))
        if approval is not None:
            self.decide(approval, approve=True)

    @Slot()
    def _on_reject_button_clicked(self) -> None:
        approval = self._ask_supervisor(self.tr("Reject the count"))
        if approval is not None:
            self.decide(approval, approve=False)

    def decide(self, approval: SupervisorApproval, approve: bool) -> None:
        """The supervisor's decision on the submitted count (the dialog's result)."""
        if self.count_id is None:
            return
        count_id, action = self.count_id, cc.approve if approve else cc.reject
        self._run(lambda: action(count_id, approval, self.uow()), self._on_decided)

    def _on_counting(self, view: cc.CountView) -> None:
        self.count_id = view.id
        self._set_stage("counting")
        self.status.setText(self.tr("Count {id} of {scope}: counting blind").format(
            id=view.id, scope=view.scope))
        self.message.setText(core_text(view.message))
        fill_table(self.table, [(line.sku, line.counted, "", "") for line in view.lines])

    def _on_report(self, report: cc.VarianceReport) -> None:
        self.report = report
        self._set_stage("submitted")
        accuracy = "-" if report.accuracy is None else f"{report.accuracy:.0%}"
        self.status.setText(self.tr(
            "Count {id}: {short} units short, {over} over; accuracy {accuracy}").format(
            id=report.id, short=report.units_short, over=report.units_over,
            accuracy=accuracy))
        self.message.setText(self.tr("A supervisor approves the count to adjust stock."))
        fill_table(self.table, [(line.sku, line.counted, line.expected, f"{line.variance:+d}")
                                for line in report.lines])

    def _on_decided(self, report: cc.VarianceReport) -> None:
        self._on_report(report)
        self._set_stage("idle")
        self.count_id = None
        self.message.setText(self.tr("Count {id} {status}.").format(id=report.id,
                                                                    status=report.status))
        self.finished.emit(report)

    def _on_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(self, error))
